"""Paste two texts: two reports (or two headlines) compared at once, without building a corpus
(``framing.compare.texts.compare_texts``): each text's framing words highlighted, then the
sentences that tell the same fact, word by word."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import sentence_hits
from dashboard.views.common import md
from framing.compare.texts import TextComparison, compare_texts
from framing.errors import FramingError
from framing.present.highlight import (
    MARKS_TEXT,
    highlight_html,
    legend_html,
    voice_legend_html,
    word_diff_html,
)
from framing.present.palette import VOICE, frame_pole_colours, pole_legend

COLOUR_BY = {"voice": "by whose words they are", "pole": "by which side they take"}
#: Two invented headlines to try the screen with (the glossary's naming example).
EXAMPLE = ("Syrian government forces retook the town on Monday, officials said.",
           "Assad regime forces seized the town on Monday, activists claimed.")
LABELS = ("Text A", "Text B")


@st.cache_resource(max_entries=8, show_spinner="Comparing the two texts…")
def comparison(text_a: str, text_b: str, choice: data.LexiconChoice) -> TextComparison:
    return compare_texts(text_a, text_b, lexicons=data.get_lexicons(choice), labels=LABELS)


def _example() -> None:
    state.put("paste_a", EXAMPLE[0])
    state.put("paste_b", EXAMPLE[1])


def render(ctx) -> None:
    given = all(str(state.get(name) or "").strip() for name in ("paste_a", "paste_b"))
    label = "The two texts (open to change them)" if given else "Paste two texts"
    with st.expander(label, expanded=not given):  # folded once both are given: the comparison comes first
        texts = []
        for col, side, name in zip(st.columns(2, gap="large"), LABELS, ("paste_a", "paste_b")):
            with col:
                texts.append(state.kept_widget(st.text_area, f"{side}: a report or a headline", name, default="",
                                               height=180, valid=lambda v: "" if v is None else str(v),
                                               placeholder="Paste the text here"))
        st.button("Try two example headlines", key="paste_example", on_click=_example)
    if not all(t.strip() for t in texts):
        st.caption("Paste two texts (press Ctrl+Enter or click outside the box): they are compared at once.")
        return
    try:
        result = comparison(texts[0], texts[1], ctx.choice)
    except FramingError as exc:
        st.error(str(exc))
        return
    colour_by = state.choice("Colour the framing words", "paste_colour", list(COLOUR_BY),
                             format_func=COLOUR_BY.get, draw=st.radio, horizontal=True)
    _side_by_side(result, colour_by)
    _wordings(result)


def _side_by_side(result: TextComparison, colour_by: str) -> None:
    hits = [result.hits(side) for side in (0, 1)]
    present = {(f, p) for h in hits for f, p in zip(h["frame"].astype(str), h["pole"].astype(str))}
    colours = frame_pole_colours(result.analysis.lexicons, present=present)
    legend = voice_legend_html() if colour_by == "voice" else legend_html(pole_legend(result.analysis.lexicons,
                                                                                      colours, present))
    st.markdown(legend, unsafe_allow_html=True, help=MARKS_TEXT)
    for column, side in zip(st.columns(2, gap="large"), (0, 1)):
        with column:
            st.subheader(md(result.labels[side]))
            st.caption(f"{len(hits[side])} framing word{'' if len(hits[side]) == 1 else 's'}")
            st.markdown(highlight_html(result.body(side), hits[side], colour_by=colour_by, pole_colours=colours,
                                       voice_colours=VOICE), unsafe_allow_html=True)


def _wordings(result: TextComparison) -> None:
    st.subheader("One fact, two wordings")
    pairs = result.pairs.head(5)
    if pairs.empty:
        st.caption("No sentence of one text tells the same fact as a sentence of the other.")
        return
    st.caption("Struck through in blue: only in Text A; underlined in orange: only in Text B; bold: a framing word.")
    hits = [result.hits(side) for side in (0, 1)]
    sentences = result.analysis.sentences
    for pair in pairs.itertuples(index=False):
        left, right = word_diff_html(pair.ops,
                                     hits_a=sentence_hits(hits[0], sentences, pair.article_a, pair.sentence_a),
                                     hits_b=sentence_hits(hits[1], sentences, pair.article_b, pair.sentence_b))
        for column, html in zip(st.columns(2, gap="large"), (left, right)):
            column.markdown(html, unsafe_allow_html=True)
        st.divider()
