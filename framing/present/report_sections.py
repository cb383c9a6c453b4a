"""The sections of ``framing report``, each a function that adds its HTML to the ``Page``.
Every text from the corpus is escaped (``report_page.text``, ``highlight``); words written
here are for a teacher and a class as much as for a researcher."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from framing import __version__
from framing.compare.contrast import PRIOR, StartHere
from framing.compare.roles import framing_hits
from framing.corpus.load import skip_counts
from framing.lexicon import Lexicon
from framing.present import plots
from framing.present.colours import striped_poles
from framing.present.glossary import device_examples, devices
from framing.present.highlight import (
    MARKS_TEXT,
    highlight_html,
    legend_html,
    voice_legend_html,
    whose_words,
    word_diff_html,
)
from framing.present.palette import VOICE, frame_pole_colours, pole_legend
from framing.present.report_page import Page, table_html, text

VOICE_WORDS = {"author": "in its own words", "quoted": "in quotations", "distanced": "in scare quotes"}
TOC = (("corpus", "What this corpus is"), ("start", "Start here: the same event, different words"),
       ("overview", "Overview: framing words per outlet"), ("naming", "Naming choices"),
       ("diff", "The framing diff: one fact, two wordings"), ("glossary", "Glossary of framing devices"),
       ("methods", "Methods"))


def _axes(lexicons) -> dict[str, tuple[str, str]]:
    return {f.name: (f.poles[0].name, f.poles[1].name) for lex in lexicons for f in lex.frames if len(f.poles) == 2}


def plain_cell(frame: str, pole: str, voice: str, lexicons) -> str:
    """A difference cell in plain words: "“confrontation” words (cooperation or confrontation),
    in its own words"."""
    axes = _axes(lexicons)
    naming = {n.name for lex in lexicons for n in lex.naming_sets}
    if frame in axes:
        what = f"“{pole}” words (of {axes[frame][0]} or {axes[frame][1]})"
    elif frame in naming:
        what = f"the name “{pole}” (for {frame.replace('_', ' ')})"
    else:
        what = f"“{frame.replace('_', ' ')}” words"
    return f"{what}, {VOICE_WORDS.get(voice, voice)}"


def header(page: Page, shown, settings, corpus_label: str) -> None:
    lead = ("Two reports of the same event, side by side: which words frame it, and whose words they are. "
            "The outlets are hidden as letters; the last page says which is which." if settings.classroom else
            "How the outlets of this corpus frame the same events: where in the text the framing is, "
            "and whose words carry it.")
    toc = "".join(f'<li><a href="#{key}">{text(name)}</a></li>' for key, name in TOC)
    page.add(f"<header><h1>{text(page.title)}</h1><p class=lead>{text(lead)}</p>"
             f'<nav class="toc"><ol>{toc}</ol></nav></header>')


def _dates(articles: pd.DataFrame) -> str:
    dates = sorted(d for d in articles["date"].dropna().astype(str) if d)
    return f"{dates[0]} to {dates[-1]}" if dates else "no dates"


def _events(n: int) -> str:
    return "1 event was" if n == 1 else f"{n:,} events were"


def corpus_section(page: Page, shown, settings, corpus_label: str) -> None:
    articles = shown.analysis.articles
    covered = articles.groupby("event_id")["outlet"].nunique()
    lexicons = ", ".join(f"{lex.name} {lex.version}" for lex in shown.analysis.lexicons)
    if shown.hidden is not None:
        what = (f"The lesson reads {len(articles)} articles by {articles['outlet'].nunique()} outlets, "
                f"chosen from a corpus of {shown.n_articles:,} articles by {shown.n_outlets:,} outlets because "
                "they report the same events in the most different framing words (see Methods).")
    else:
        what = (f"{corpus_label + ': ' if corpus_label else ''}{len(articles):,} articles by "
                f"{articles['outlet'].nunique():,} outlets, dated {_dates(articles)}. "
                f"{_events(int((covered >= 2).sum()))} reported by two or more outlets "
                f"(of {len(covered):,} found).")
    page.add(f'<section id="corpus"><h2 class="first">What this corpus is</h2><p>{text(what)}</p>'
             f"<p class=muted>Lexicons: {text(lexicons)}. Highlighted words are framing words: words that "
             "present the story one way rather than another (labels, loaded or judging words, words that cast "
             "doubt). Words that only name the topic (“military”) or report speech (“said”) are not highlighted; "
             "the glossary shows those too.</p></section>")


def _legend(lexicons, hits: pd.DataFrame, classroom: bool) -> tuple[str, dict, set]:
    present = set(zip(hits["frame"].astype(str), hits["pole"].astype(str)))
    colours = frame_pole_colours(lexicons, present=present)
    second = striped_poles(lexicons)
    if classroom:
        return voice_legend_html() + f"<p class=note>{text(MARKS_TEXT)}</p>", colours, second
    return legend_html(pole_legend(lexicons, colours, present)) + f"<p class=note>{text(MARKS_TEXT)}</p>", colours, second


def _article_column(analysis, article_id: str, hits: pd.DataFrame, colours, second, classroom: bool) -> str:
    row = analysis.articles[analysis.articles["article_id"].astype(str) == article_id].iloc[0]
    counts = hits["voice"].astype(str).value_counts()
    tally = " · ".join(f"{int(counts.get(v, 0))} {VOICE_WORDS[v]}" for v in ("author", "quoted", "distanced"))
    body = highlight_html(str(row["body"]), hits, colour_by="voice" if classroom else "pole", pole_colours=colours,
                          striped=second, voice_colours=VOICE)
    date = row["date"] if isinstance(row["date"], str) else "undated"
    return (f'<div class="column"><h4>{text(row["outlet"])}</h4><p class="title">{text(row["title"])}</p>'
            f"<p class=muted>{text(date)} · {int(row['n_words']):,} words · framing words: {text(tally)}</p>"
            f"{body}</div>")


def _why(pick: StartHere, rank: int, n_events: int, lexicons) -> str:
    rows = pick.differences.head(3)
    lines = []
    for r in rows.itertuples(index=False):
        more, less = (pick.outlet_a, pick.outlet_b) if r.share_a >= r.share_b else (pick.outlet_b, pick.outlet_a)
        lines.append(f"<li>{text(plain_cell(r.frame, r.pole, r.voice, lexicons))}: {text(pick.outlet_a)} "
                     f"{r.hits_a:g}, {text(pick.outlet_b)} {r.hits_b:g}; more in {text(more)} than in {text(less)}</li>")
    place = "the largest" if rank == 1 else f"number {rank} of the"
    events = "the one event" if n_events == 1 else f"the {n_events:,} events"
    return (f'<div class="why"><p>Of {events} reported by two or more outlets, this one shows '
            f"{place} differences in framing words (contrast {pick.contrast:.2f}, on a scale from 0, the same "
            f"framing, to 1, nothing in common). Where they differ most:</p><ul>{''.join(lines)}</ul></div>")


def start_section(page: Page, shown, settings) -> None:
    analysis = shown.analysis
    page.add('<section id="start"><h2>Start here: the same event, different words</h2>')
    if not shown.picks:
        page.add("<p>No event in this corpus was reported by two or more outlets, so there is nothing to set "
                 "side by side. The overview below still compares the outlets.</p></section>")
        return
    n_events = int((analysis.articles.groupby("event_id")["outlet"].nunique() >= 2).sum())
    analysis = shown.focus
    hits = framing_hits(analysis.hits)
    for rank, pick in enumerate(shown.picks, start=1):
        members = analysis.articles[analysis.articles["event_id"] == pick.event_id]
        pair_hits = {a: hits[hits["article_id"].astype(str) == a] for a in (pick.article_a, pick.article_b)}
        legend, colours, second = _legend(analysis.lexicons, pd.concat(pair_hits.values()), settings.classroom)
        page.add(f"<h3>{rank}. Event {text(pick.event_id)} ({text(_dates(members))}): {text(pick.outlet_a)} and "
                 f"{text(pick.outlet_b)}</h3>{_why(pick, rank, n_events, analysis.lexicons)}{legend}"
                 '<div class="columns">'
                 + "".join(_article_column(analysis, a, pair_hits[a], colours, second, settings.classroom)
                           for a in (pick.article_a, pick.article_b)) + "</div>")
    page.add("</section>")


def overview_section(page: Page, shown, settings, scores, outlets) -> None:
    n = shown.analysis.articles["outlet"].nunique()
    which = (f"the {len(outlets)} outlets with the most articles (of {n:,})" if len(outlets) < n
             else f"all {n} outlets")
    page.add(f'<section id="overview"><h2>Overview: framing words per outlet</h2><p>Framing words per 1,000 '
             f"words of each outlet’s articles, for {text(which)}. Darker cells: more framing words of that kind. "
             "† marks figures resting on fewer than 5 articles: read them as examples, not as the outlet’s "
             "habit.</p>")
    page.figure(plots.frame_heatmap(scores["rates"], title="Framing words per 1,000 words (all voices)"),
                caption="Hover a cell for its 95% interval and the number of articles behind it.")
    page.figure(plots.axis_balance_plot(scores["balance"], title="Which side of each axis an outlet leans to"),
                caption="Balance = (words of the right-hand pole − words of the left-hand pole) ÷ both: +1 only the "
                        "right-hand pole, −1 only the left-hand one; the bars are 95% intervals.")
    page.add("</section>")


def naming_section(page: Page, shown, scores) -> None:
    shares = scores["shares"]
    page.add('<section id="naming"><h2>Naming choices</h2><p>The same people can be named in different ways '
             "(“Syrian government”, “Assad regime”). For each group named most often, the share of each name in "
             "each outlet’s mentions.</p>")
    if shares.empty or shares["total"].fillna(0).sum() == 0:
        page.add("<p>No naming set of the lexicons is used in these articles.</p></section>")
        return
    used = shares.groupby("naming_set")["count"].sum().sort_values(ascending=False)
    for naming_set in [s for s, c in used.items() if c > 0][:3]:
        page.figure(plots.label_shares_plot(shares, naming_set=naming_set, title=f"Names used for {naming_set}"))
    page.add("</section>")


def _sentence_hits(analysis, hits: pd.DataFrame, article_id: str, sentence_id: int) -> list[dict]:
    sentences = analysis.sentences
    row = sentences[(sentences["article_id"].astype(str) == article_id) & (sentences["sentence_id"] == sentence_id)]
    if row.empty:
        return []
    start = int(row["start"].iloc[0])
    mine = hits[(hits["article_id"].astype(str) == article_id) & (hits["sentence_id"] == sentence_id)]
    return [{**h, "start": int(h["start"]) - start, "end": int(h["end"]) - start} for h in mine.to_dict("records")]


def diff_section(page: Page, shown, settings) -> None:
    analysis = shown.focus
    page.add('<section id="diff"><h2>The framing diff: one fact, two wordings</h2><p>Sentences of the two reports '
             "that tell the same fact, matched by the words they share. Words only in the left sentence are "
             "<del class=diff-a style=\"background:#BBDDFF;color:#004488\">struck through in blue</del>, words "
             "only in the right one <ins class=diff-b style=\"background:#FFDDBB;color:#883300\">underlined in "
             "orange</ins>; framing words are bold and underlined. Pairs whose changed words are framing words "
             "come first.</p>")
    hits = framing_hits(analysis.hits)
    for rank, pick in enumerate(shown.picks, start=1):
        pairs = pick.pairs.head(settings.pairs)
        page.add(f"<h3>{rank}. Event {text(pick.event_id)}: {text(pick.outlet_a)} and {text(pick.outlet_b)}</h3>")
        if pairs.empty:
            page.add("<p>No two sentences of these reports tell the same fact with different framing words.</p>")
            continue
        rows = []
        for p in pairs.itertuples(index=False):
            left, right = word_diff_html(p.ops, hits_a=_sentence_hits(analysis, hits, p.article_a, p.sentence_a),
                                         hits_b=_sentence_hits(analysis, hits, p.article_b, p.sentence_b))
            changed = "; ".join(filter(None, (", ".join(p.lexicon_terms_a), ", ".join(p.lexicon_terms_b))))
            rows.append(f"<tr><td>{left}</td><td>{right}</td></tr><tr><td colspan=2 class=note>framing words "
                        f"changed: {text(changed)}</td></tr>")
        page.add(f'<table class="diff-table"><thead><tr><th>{text(pick.outlet_a)}</th><th>{text(pick.outlet_b)}'
                 f"</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    page.add("</section>")


def glossary_section(page: Page, shown, settings) -> None:
    analysis = shown.focus
    page.add('<section id="glossary"><h2>Glossary of framing devices</h2><p>Ways a report frames a story, each '
             "with examples found in the articles above.</p>")
    first = shown.picks[0] if shown.picks else None
    events = {p.event_id for p in shown.picks}
    chosen = analysis.articles[analysis.articles["event_id"].isin(events).to_numpy(bool)] if events else analysis.articles
    source = analysis.subset(chosen, label=f"glossary {sorted(events)}")
    for d in devices():
        examples = device_examples(source, d.key, limit=settings.examples,
                                   event_id=first.event_id if first else None,
                                   article_ids=[first.article_a, first.article_b] if first else ())
        rows = [(r.outlet, r.left, r.match, r.right, whose_words(r.voice) if r.voice else "")
                for r in examples.itertuples(index=False)]
        found = kwic_table(rows) if rows else "<p class=muted>No example in these articles.</p>"
        page.add(f'<div class="device" id="device-{text(d.key)}"><h3>{text(d.name)}</h3><p>{text(d.explain)}</p>'
                 f'<p class="example">For example: {text(d.example)}</p><p class="ask">Ask: {text(d.ask)}</p>'
                 f"{found}</div>")
    page.add("</section>")


def kwic_table(rows) -> str:
    """Examples as a concordance: outlet, left context, the words (bold), right context, whose words."""
    body = "".join(f"<tr><td>{text(o)}</td><td class=left>{text(left)}</td><td class=match>{text(m)}</td>"
                   f"<td class=right>{text(right)}</td><td>{text(who)}</td></tr>" for o, left, m, right, who in rows)
    return (f'<table class="kwic"><thead><tr><th>outlet</th><th></th><th>words</th><th></th><th>whose words</th>'
            f"</tr></thead><tbody>{body}</tbody></table>")


def _lexicon_rows(lexicons: tuple[Lexicon, ...]) -> list[tuple]:
    return [(lex.name, lex.version, lex.licence or "", f"{len(lex.frames)} frames, {len(lex.naming_sets)} naming sets, "
             f"{len(lex.actors)} actors", "; ".join(lex.sources)) for lex in lexicons]


def methods_section(page: Page, shown, settings) -> None:
    analysis, boot = shown.analysis, settings.bootstrap
    page.add('<section id="methods"><h2>Methods</h2><h3>Lexicons</h3>'
             + table_html(_lexicon_rows(analysis.lexicons), ["lexicon", "version", "licence", "contents", "sources"]))
    items = [
        "Framing words are lexicon matches (whole words, case ignored unless a term says otherwise) of the framing "
        "lexicons' frames and naming sets; topic words and plain reporting verbs are left out. Each match is "
        "given whose words it is in (the outlet's own, a quotation, or scare quotes), whether it is negated and "
        "whether it is hedged, by documented rules (docs/context-rules.md); negated matches are not counted.",
        "Rate: framing words per 1,000 words of an outlet's articles. Balance of an axis: (A − B) ÷ (A + B), from "
        "the weighted counts of its two poles. Name share: a label's uses over all labels of its naming set.",
        f"Intervals: {boot.level:.0%} bootstrap intervals, resampling each outlet's articles with replacement "
        f"{boot.n_boot:,} times (seed {boot.seed}; Efron & Tibshirani 1993), read at Hesterberg's (2015) expanded "
        "percentiles, which stay honest with few articles. What they mean: had the outlet published another set of "
        "articles like these, the figure would fall inside the interval in about 95 of 100 such sets. They say "
        "nothing about articles of other kinds, and nothing about whether the lexicon reads a word right. "
        f"Figures resting on fewer than {boot.min_articles} articles are marked † (or drawn as open circles).",
        "Events: articles reporting the same event are grouped by the TF-IDF similarity of their titles and "
        "first paragraphs within a few days (or the corpus's own event ids).",
        f"Contrast (which events are shown): each outlet's framing words in the event are counted by frame or "
        f"naming set, pole or label, and voice; the counts become shares, shrunk towards the two outlets' pooled "
        f"shares by a prior worth {PRIOR:g} words (so a short article cannot look extreme); the contrast is the "
        "total variation distance between the two outlets' shares: the part of one outlet's framing that would "
        "have to change to match the other's (0: the same, 1: nothing in common). Events are ranked by their most "
        "contrasting pair of outlets; within it the article with the most framing words is shown.",
        "Framing diff: sentences of two reports are matched one to one by TF-IDF cosine similarity (0.2 or more), "
        "then compared word by word (difflib); pairs whose changed words are framing words come first.",
    ]
    page.add("<h3>How each number is computed</h3><ul>" + "".join(f"<li>{text(i)}</li>" for i in items) + "</ul>")
    _load_report(page, analysis, shown)
    created = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page.add(f"<p class=muted>Made by framing {text(__version__)} on {text(created)}. Analysis key "
             f"{text(analysis.key[:16])}.</p></section>")


def _load_report(page: Page, analysis, shown) -> None:
    page.add("<h3>Load report</h3>")
    report = analysis.report if shown.hidden is None else shown.hidden.analysis.report
    source_report = report
    if shown.hidden is not None:
        page.add("<p>The lesson’s articles were loaded without error (the corpus’s own load report is left out "
                 "of a classroom report, as it names files).</p>")
        return
    if source_report is None:
        page.add("<p>Not available: this analysis was read without its load report.</p>")
        return
    rows = [("items seen", source_report.seen), ("loaded", source_report.loaded),
            ("skipped", len(source_report.skipped))]
    rows += [(f"skipped: {reason}", count) for reason, count in skip_counts(source_report).items()]
    page.add(table_html(rows, ["", "count"], numeric=[1]))
    if source_report.notes:
        page.add("<ul>" + "".join(f"<li>{text(note)}</li>" for note in source_report.notes[:12]) + "</ul>")


def key_section(page: Page, hidden) -> None:
    rows = sorted(hidden.reveal().items(), key=lambda item: (len(item[0]), item[0]))
    page.add('<section id="key" class="key"><h2>Key: which outlet is which</h2><p>For the teacher: reveal this '
             "after the class has guessed (remove this page before handing out).</p>"
             + table_html(rows, ["letter", "outlet"]) + "</section>")
