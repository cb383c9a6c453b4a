"""Side by side: two to four outlets (or the articles of one event) in columns, each article's
cleaned text with every lexicon hit highlighted in its frame's colour."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import articles_of, hits_of
from dashboard.views.common import ALL_LEXICONS, md, role_choice
from framing.present.colours import lexicon_colours
from framing.present.highlight import (
    highlight_html,
    legend_html,
    removed_html,
    voice_legend_html,
    words_table,
)
from framing.present.palette import frame_pole_colours, pole_legend

MODES = {"outlets": "Compare outlets", "event": "Articles of one event"}
KINDS = {"frame": "frames", "naming": "naming labels", "actor": "actors"}
COLOUR_BY = {"frame": "frame and pole", "voice": "whose words"}
ROLE_NOTES = {
    "framing": "Highlighted: framing words (evaluative, loaded, (de)legitimising word choice). Topic and attribution "
               "words ('said', 'Senate', actor names) are under Show.",
    "topic": "Highlighted: topic words and actor names, what the text is about, not how it frames it.",
    "attribution": "Highlighted: attribution, reporting verbs and hedges ('said', 'according to', 'reportedly').",
}


def render(ctx) -> None:
    mode = state.choice("Compare", "side_mode", list(MODES), format_func=MODES.get, draw=st.radio, horizontal=True,
                        default="event" if _events_at_hand(ctx) and not state.get("outlets") else "outlets")
    role = role_choice()
    cols = st.columns([2, 1, 1])
    with cols[1]:
        names = [lex.name for lex in ctx.analysis.lexicons]
        lexicon = state.choice("Lexicon", "lexicon_view", names + [ALL_LEXICONS],
                               help="Which lexicon's words are highlighted. One lexicon keeps the text readable.")
        kinds = state.choices("Highlight", "highlight", list(KINDS), default=["frame", "naming"], format_func=KINDS.get)
    with cols[2]:
        colour_by = state.choice("Colour by", "colour_by", list(COLOUR_BY), format_func=COLOUR_BY.get, draw=st.radio,
                                 horizontal=True, help="Frame and pole: each pole of an axis its own colour, two hues a "
                                 "colour-blind reader tells apart. Whose words: yellow for the outlet's own words, "
                                 "blue for quoted or attributed speech, pink for scare quotes.")
        show_removed = st.toggle("Show what cleaning removed", key="show_removed")
    with cols[0]:
        picks = _event_articles(ctx) if mode == "event" else _outlet_articles(ctx)
    if not picks:
        return
    only = None if lexicon == ALL_LEXICONS else lexicon
    shown = {article_id: hits_of(ctx.analysis.hits, article_id, kinds=tuple(kinds), lexicon=only, role=role)
             for _, article_id in picks}
    colours, poles = _colours(ctx, shown.values())
    _legend(ctx, shown.values(), poles, colour_by)
    st.caption(ROLE_NOTES[role])
    columns = st.columns(len(picks))
    for column, (heading, article_id) in zip(columns, picks):
        with column:
            _article(ctx, heading, article_id, shown[article_id], (colours, poles), colour_by, show_removed)


#: Up to this many articles, side by side groups them into events to open on one event's
#: articles; a larger corpus does so only when it labels its events (grouping the 37,554
#: AllSides articles made this view's first opening 21 s).
GROUP_EVENTS_UP_TO = 5_000


def _events_at_hand(ctx) -> bool:
    """Whether one event's articles can be the default: the corpus labels its events, or it is
    small enough to group them at once, and some event has two or more outlets."""
    from dashboard.filters import multi_outlet_events

    if data.has_events(ctx.analysis):
        return True
    if len(ctx.analysis.articles) > GROUP_EVENTS_UP_TO:
        return False
    return bool(multi_outlet_events(data.articles_with_events(ctx.analysis)))


def _colours(ctx, hit_tables) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """The colour of each actor shown (``lexicon_colours``) and of each frame pole and naming
    label shown: the colour-blind-safe palette's, the two poles of an axis in two hues
    (``palette.frame_pole_colours``, as the report colours them)."""
    present = {(f, p) for hits in hit_tables for f, p in zip(hits["frame"].astype(str), hits["pole"].astype(str))}
    return (lexicon_colours(ctx.analysis.lexicons, shown={f for f, _ in present}),
            frame_pole_colours(ctx.analysis.lexicons, present=present))


def _legend(ctx, hit_tables, poles, colour_by: str) -> None:
    """Pole colours (each pole of an axis named) or the voice colours, then what the other
    marks mean."""
    if colour_by == "voice":
        st.markdown(voice_legend_html(), unsafe_allow_html=True)
    else:
        present = {(f, p) for hits in hit_tables for f, p in zip(hits["frame"].astype(str), hits["pole"].astype(str))}
        st.markdown(legend_html(pole_legend(ctx.analysis.lexicons, poles, present)), unsafe_allow_html=True)
        naming = {n.name for lex in ctx.analysis.lexicons for n in lex.naming_sets}
        framed = {pair for pair in present if pair[0] not in naming and pair in poles}
        if len({poles[pair] for pair in framed}) < len(framed):
            st.caption(f"{len(framed)} frames and poles are shown, more than the colour-blind-safe palette has "
                       "colours for, so some share a colour: pick one lexicon (or fewer kinds) to tell them apart "
                       "by colour. The two poles of an axis never share one.")
    st.caption("Hover a highlighted word for its frame, pole, whose words it is in, speaker, target, negation and "
               "hedging; the table under each article lists them all. Italics: quoted or in scare quotes; "
               "struck through: negated; dashed box: naming label; underline: actor.")


def _outlet_articles(ctx) -> list[tuple[str, str]]:
    outlets = ctx.outlets
    wanted = [o for o in (state.get("outlets") or []) if o in outlets]
    if len(wanted) > 4:
        st.warning(f"The link names {len(wanted)} outlets; side by side shows at most 4, so "
                   f"{', '.join(md(o) for o in wanted[4:])} {'is' if len(wanted) == 5 else 'are'} left out.")
    chosen = state.choices("Outlets (2 to 4)", "outlets", outlets, default=outlets[:2], max_selections=4)
    if len(chosen) < 1:
        st.info("Pick two to four outlets to compare.")
        return []
    picks = []
    for i, outlet in enumerate(chosen):
        rows = articles_of(ctx.analysis.articles, outlet=outlet)
        picks.append((outlet, _pick_article(rows, key=f"article_{i}", label=f"{outlet}: article")))
    return picks


def _event_articles(ctx) -> list[tuple[str, str]]:
    articles = data.articles_with_events(ctx.analysis)
    from dashboard.filters import multi_outlet_events

    events = multi_outlet_events(articles)
    if not events:
        st.info("No event was reported by two or more outlets in this corpus.")
        return []
    labels = data.event_labels(ctx.analysis)
    event = state.choice("Event", "align_event", events, format_func=lambda e: labels.get(e, e))
    rows = articles_of(articles, event=event)
    if len(rows) > 4:
        st.caption(f"The first 4 of the event's {len(rows)} articles (newest first); the Events view lists them all.")
    rows = rows.head(4)
    group = rows[ctx.by].astype(str).tolist() if ctx.grouped and ctx.by in rows else [None] * len(rows)
    return [(f"{r.outlet}" + (f" ({g})" if g else ""), r.article_id) for r, g in zip(rows.itertuples(), group)]


def _pick_article(rows, *, key: str, label: str) -> str:
    ids = rows["article_id"].astype(str).tolist()
    titles = dict(zip(ids, rows["title"].astype(str)))
    dates = dict(zip(ids, rows["date"]))
    return st.selectbox(label, ids, key=key, label_visibility="collapsed",
                        format_func=lambda a: f"{dates.get(a) or 'undated'} · {titles.get(a, a)}"[:120])


def _article(ctx, heading: str, article_id: str, hits, colours, colour_by: str, show_removed: bool) -> None:
    """One article's column; ``colours`` are ``_colours``'s actor and pole colours."""
    articles = ctx.analysis.articles
    row = articles[articles["article_id"] == article_id].iloc[0]  # one row, no copy of the table
    st.subheader(md(heading))
    if not _opens_with(str(row["body"]), str(row["title"] or "")):  # else the text below prints it (it was printed twice)
        st.markdown(f"**{md(row['title'])}**")
    st.caption(md(" · ".join(str(v) for v in (row["date"] or "undated", f"{int(row['n_words'])} words") if v)))
    if isinstance(row.get("url"), str) and row["url"].startswith(("http://", "https://")):
        st.caption(f"[source]({row['url'].replace(')', '%29').replace(' ', '%20')})")
    st.markdown(_voice_counts(hits))
    actors, poles = colours
    st.markdown(highlight_html(str(row["body"]), hits, colours=actors, pole_colours=poles,
                               colour_by="pole" if colour_by == "frame" else colour_by), unsafe_allow_html=True)
    with st.expander(f"Every highlighted word and whose words it is in ({len(hits)})"):
        st.dataframe(words_table(hits), hide_index=True, width="stretch", key=f"words_{article_id}")
    if show_removed:
        article = _corpus_article(ctx, article_id)
        with st.expander(f"What cleaning removed ({len(article.removed) if article else 0} segments)", expanded=True):
            if article is None:
                st.caption("The raw text is not available for this analysis.")
            elif not article.removed:
                st.caption("Nothing: the raw text was kept whole.")
            else:
                st.markdown(removed_html(article.raw_text, article.removed), unsafe_allow_html=True)


def _opens_with(body: str, title: str) -> bool:
    """Whether the article's text begins with its title (white space and case aside)."""
    first = body.lstrip().split("\n", 1)[0]
    return bool(title.strip()) and " ".join(first.split()).casefold() == " ".join(title.split()).casefold()


def _voice_counts(hits) -> str:
    """How many highlighted words are the outlet's own, quoted, or in scare quotes."""
    if hits.empty:
        return "No highlighted words."
    counts = hits["voice"].value_counts()
    parts = [f"**{counts.get(v, 0)}** {label}" for v, label in
             (("author", "in the outlet's own words"), ("quoted", "quoted"), ("distanced", "in scare quotes"))]
    return "Highlighted words: " + " · ".join(parts)


def _corpus_article(ctx, article_id: str):
    corpus = ctx.corpus
    return next((a for a in corpus if a.id == article_id), None)

