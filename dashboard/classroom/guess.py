"""Guess: a paragraph with its framing words marked alike; the class guesses who wrote it, or
which side of an axis it takes, then the teacher reveals the answer (the outlet's name, or the
framing words of each pole, coloured)."""
from __future__ import annotations

import streamlit as st

from dashboard import state
from dashboard.classroom.common import article_row, lesson_paragraphs, who
from dashboard.views.common import md
from framing.present.highlight import (
    MARKS_TEXT,
    highlight_html,
    legend_html,
    plain_marks_html,
    voice_legend_html,
)
from framing.present.lesson import paragraph_hits, stance_paragraphs
from framing.present.palette import VOICE, frame_pole_colours, pole_legend

KINDS = {"outlet": "Who wrote it?", "stance": "Which side does it take?"}
ANSWERED = "classroom_answered"


def render(ctx, lesson) -> None:
    kind = state.choice("Guess", "guess", list(KINDS), format_func=KINDS.get, draw=st.radio, horizontal=True,
                        label_visibility="collapsed")
    items = lesson_paragraphs(lesson)
    if kind == "stance":
        items = stance_paragraphs(items)
    if items.empty:
        st.info("No paragraph of the lesson's articles has enough framing words to guess from.")
        return
    number, answered = _navigation(len(items), f"{kind}:{lesson.analysis.key}")
    paragraph = items.iloc[number - 1]
    text, hits = paragraph_hits(lesson.analysis, paragraph)
    if kind == "outlet":
        _who_wrote_it(lesson, paragraph, text, hits, answered)
    else:
        _which_side(lesson, paragraph, text, hits[(hits["frame"] == paragraph["axis"]).to_numpy(bool)], answered)


def _answer(answer: str) -> None:
    st.session_state.setdefault(ANSWERED, set()).add(answer)


def _go(number: int) -> None:
    state.put("item", str(number))


def _navigation(total: int, game: str) -> tuple[int, bool]:
    """The paragraph shown (1 to ``total``, kept in the URL as ``item``), buttons to move and
    to reveal the answer, and whether its answer is revealed."""
    try:
        number = min(max(int(state.get("item") or 1), 1), total)
    except ValueError:
        number = 1
    state.put("item", str(number))
    answer = f"{game}:{number}"
    answered = answer in st.session_state.get(ANSWERED, set())
    cols = st.columns([1.2, 1.6, 1.8, 1])
    cols[0].button("← Previous", key="guess_previous", on_click=_go, args=(number - 1,), disabled=number <= 1)
    cols[1].markdown(f"**Paragraph {number} of {total}**")
    cols[2].button("Reveal the answer", key="classroom_answer", type="primary", on_click=_answer, args=(answer,),
                   disabled=answered)
    cols[3].button("Next →", key="guess_next", on_click=_go, args=(number + 1,), disabled=number >= total)
    return number, answered


def _who_wrote_it(lesson, paragraph, text: str, hits, answered: bool) -> None:
    if not answered:
        st.markdown("**Who might have written this?** What kind of outlet, and which of the marked words make you "
                    "think so?")
        st.markdown(plain_marks_html(text, hits), unsafe_allow_html=True)
        return
    label = str(paragraph["outlet"])
    outlet = lesson.key()[label]
    st.success(md(f"Written by {label}: {outlet}"))
    row = article_row(lesson, paragraph["article_id"])
    st.caption(md(f"From “{row['title']}”. The framing words, coloured by whose words they are:"))
    st.markdown(voice_legend_html(), unsafe_allow_html=True)
    st.markdown(highlight_html(text, hits, colour_by="voice", voice_colours=VOICE), unsafe_allow_html=True)
    st.caption(MARKS_TEXT)


def _which_side(lesson, paragraph, text: str, hits, answered: bool) -> None:
    axis, pole_a, pole_b = paragraph["axis"], paragraph["pole_a"], paragraph["pole_b"]
    if not answered:
        st.markdown(f"**Which side does this paragraph take: “{md(pole_a)}” or “{md(pole_b)}”?** "
                    f"Look at the marked words: each says something about {md(axis.replace('_', ' '))}.")
        st.markdown(plain_marks_html(text, hits), unsafe_allow_html=True)
        return
    st.success(md(f"It leans to “{paragraph['leans']}”: {paragraph['weight_a']:g} “{pole_a}” and "
                  f"{paragraph['weight_b']:g} “{pole_b}” framing words (weighted), in {who(lesson, paragraph['outlet'])}."))
    present = set(zip(hits["frame"].astype(str), hits["pole"].astype(str)))
    colours = frame_pole_colours(lesson.analysis.lexicons, present=present)
    st.markdown(legend_html(pole_legend(lesson.analysis.lexicons, colours, present)), unsafe_allow_html=True)
    st.markdown(highlight_html(text, hits, colour_by="pole", pole_colours=colours), unsafe_allow_html=True)
    st.caption("Hover a word for its frame, its pole and whose words it is in. A quoted word is the speaker's "
               "framing, which the outlet chose to quote.")
