"""Start here: the event two outlets framed most differently, one idea per step: their reports
side by side coloured by whose words, the sentence pairs that tell one fact in two wordings,
and where their framing words differ most."""
from __future__ import annotations

import streamlit as st

from dashboard import state
from dashboard.classroom.common import article_row, day_words, lesson_framing_hits, who
from dashboard.filters import sentence_hits, tables_of_articles
from dashboard.views.common import md
from framing.present.highlight import (
    MARKS_TEXT,
    escape_text,
    highlight_html,
    voice_legend_html,
    word_diff_html,
)
from framing.present.palette import DIFF, VOICE
from framing.present.report_sections import plain_cell

STEPS = {"reports": "1 · Two reports", "wordings": "2 · One fact, two wordings", "differences": "3 · Where they differ"}
VOICE_WORDS = {"author": "own", "quoted": "quoted", "distanced": "scare quotes"}
MAX_PAIRS = 3


def render(ctx, lesson) -> None:
    if not lesson.picks:
        st.info("No event in this corpus was reported by two or more outlets, so there are no two reports of one "
                "event to set side by side. Paste two texts compares any two reports you have.")
        return
    titles = {str(i + 1): _event_title(lesson, pick, i + 1) for i, pick in enumerate(lesson.picks)}
    step = state.choice("Step", "step", list(STEPS), format_func=STEPS.get, draw=st.radio, horizontal=True,
                        label_visibility="collapsed")
    number = "1"
    if len(titles) > 1:
        number = state.choice("Event", "pick", list(titles), format_func=titles.get,
                              help="The events reported by two or more outlets whose framing words differ most, "
                                   "the most different first.")
    else:
        state.put("pick", None)
    pick = lesson.picks[int(number) - 1]
    {"reports": _reports, "wordings": _wordings, "differences": _differences}[step](lesson, pick)


def _date(lesson, pick) -> str | None:
    """The most precise date of the two reports (a day before a month)."""
    dates = [article_row(lesson, a)["date"] for a in (pick.article_a, pick.article_b)]
    return max((d for d in dates if isinstance(d, str)), key=len, default=None)


def _event_title(lesson, pick, rank: int) -> str:
    return f"{rank}. {day_words(_date(lesson, pick))}: {who(lesson, pick.outlet_a)} and {who(lesson, pick.outlet_b)}"


def _reports(lesson, pick) -> None:
    st.markdown(f"**One event ({md(day_words(_date(lesson, pick)))}), two outlets.** The framing words are coloured "
                "by whose words they are:")
    st.markdown(voice_legend_html(), unsafe_allow_html=True, help=MARKS_TEXT)
    hits = lesson_framing_hits(lesson)
    for column, label, article_id in zip(st.columns(2, gap="large"), (pick.outlet_a, pick.outlet_b),
                                         (pick.article_a, pick.article_b)):
        with column:
            row = article_row(lesson, article_id)
            mine = hits[(hits["article_id"].astype(str) == article_id).to_numpy(bool)]
            counts = mine["voice"].astype(str).value_counts()
            tally = ", ".join(f"{int(counts.get(v, 0))} {words}" for v, words in VOICE_WORDS.items())
            st.subheader(md(who(lesson, label)))
            if not str(row["body"]).lstrip().startswith(str(row["title"]).strip()):  # else the text starts with it
                st.markdown(f"**{md(row['title'])}**")
            st.caption(md(f"{day_words(row['date'])} · {int(row['n_words']):,} words · framing words: {tally}"))
            st.markdown(highlight_html(str(row["body"]), mine, colour_by="voice", voice_colours=VOICE),
                        unsafe_allow_html=True)


def _diff_key(lesson, pick) -> str:
    """What the two marks of a word diff mean, in the diff's own colours."""
    a, b = DIFF["a"], DIFF["b"]
    return (f'<div class="framing-legend"><del style="background:{a["background"]};color:{a["text"]}">struck through '
            f"in blue</del>: only in {escape_text(who(lesson, pick.outlet_a))} &nbsp; "
            f'<ins style="background:{b["background"]};color:{b["text"]}">underlined in orange</ins>: only in '
            f"{escape_text(who(lesson, pick.outlet_b))} &nbsp; <b>bold</b>: a framing word</div>")


def _wordings(lesson, pick) -> None:
    st.markdown("**One fact, two wordings.** Sentences of the two reports that tell the same fact, word by word.")
    pairs = pick.pairs.head(MAX_PAIRS)
    if pairs.empty:
        st.info("No two sentences of these reports tell the same fact with different framing words.")
        return
    st.markdown(_diff_key(lesson, pick), unsafe_allow_html=True)
    hits, sentences = tables_of_articles(lesson_framing_hits(lesson), lesson.analysis.sentences,
                                         [pick.article_a, pick.article_b])
    for pair in pairs.itertuples(index=False):
        left, right = word_diff_html(pair.ops, hits_a=sentence_hits(hits, sentences, pair.article_a, pair.sentence_a),
                                     hits_b=sentence_hits(hits, sentences, pair.article_b, pair.sentence_b))
        for column, label, html in zip(st.columns(2, gap="large"), (pick.outlet_a, pick.outlet_b), (left, right)):
            with column:
                st.markdown(f"**{md(who(lesson, label))}**")
                st.markdown(html, unsafe_allow_html=True)
        changed = ", ".join(map(str, [*pair.lexicon_terms_a, *pair.lexicon_terms_b]))
        st.caption(md(f"Framing words in the changes: {changed}"))
        st.divider()


def _differences(lesson, pick) -> None:
    a, b = who(lesson, pick.outlet_a), who(lesson, pick.outlet_b)
    among = ("It is the only event reported by two or more outlets" if lesson.n_events == 1 else
             f"Of the {lesson.n_events:,} events reported by two or more outlets, these two reports differ most")
    st.markdown(f"**Where their framing words differ most.** {among}: contrast **{pick.contrast:.2f}**, on a scale "
                "from 0 (the same framing) to 1 (nothing in common).")
    rows = "".join(
        f"<tr><td>{escape_text(plain_cell(r.frame, r.pole, r.voice, lesson.analysis.lexicons))}</td>"
        f'<td class="num">{r.hits_a:g}</td><td class="num">{r.hits_b:g}</td></tr>'
        for r in pick.differences.head(5).itertuples(index=False))
    st.markdown(f'<table class="classroom-counts"><thead><tr><th>framing words</th><th>{escape_text(a)}</th>'
                f"<th>{escape_text(b)}</th></tr></thead><tbody>{rows}</tbody></table>", unsafe_allow_html=True)
    st.caption("Counts are framing words (weighted as the lexicon says; negated ones left out). The contrast compares "
               "the share of each kind of framing word in the two reports, so a long report cannot look more "
               "different just by being long.")
