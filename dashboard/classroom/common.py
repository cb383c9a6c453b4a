"""What the classroom screens share: the cached lesson, whether the outlets are revealed, and
how an outlet, a date and a lesson's texts are shown."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.views.common import md
from framing.compare.roles import framing_hits
from framing.measure.analysis import Analysis
from framing.present.lesson import Lesson, guess_paragraphs, prepare_lesson

REVEALED = "classroom_revealed"


@st.cache_resource(hash_funcs={Analysis: lambda analysis: analysis.key}, max_entries=2,
                   show_spinner="Preparing the lesson: the events the outlets framed most differently…")
def get_lesson(analysis: Analysis) -> Lesson:
    """``prepare_lesson`` of the analysis with its articles grouped into events (cached)."""
    return prepare_lesson(analysis.with_articles(data.articles_with_events(analysis), label="events"))


@st.cache_resource(hash_funcs={Lesson: lambda lesson: lesson.analysis.key}, max_entries=2, show_spinner=False)
def lesson_paragraphs(lesson: Lesson) -> pd.DataFrame:
    return guess_paragraphs(lesson.analysis)


@st.cache_resource(hash_funcs={Lesson: lambda lesson: lesson.analysis.key}, max_entries=2, show_spinner=False)
def lesson_framing_hits(lesson: Lesson) -> pd.DataFrame:
    return framing_hits(lesson.analysis.hits)


def revealed(lesson: Lesson) -> bool:
    """True once the teacher has revealed this lesson's outlets (a new corpus is hidden again)."""
    return st.session_state.get(REVEALED) == lesson.analysis.key


def _reveal(key: str | None) -> None:
    st.session_state[REVEALED] = key


def reveal_controls(lesson: Lesson) -> None:
    """The sidebar's reveal button, and the key once revealed."""
    if revealed(lesson):
        st.sidebar.button("Hide the outlets again", key="classroom_hide", on_click=_reveal, args=(None,))
        st.sidebar.markdown("**Which outlet is which**\n\n" + "\n".join(
            f"- {md(label)}: **{md(outlet)}**" for label, outlet in lesson.key().items()))
    else:
        st.sidebar.button("Reveal the outlets", key="classroom_reveal", type="primary", on_click=_reveal,
                          args=(lesson.analysis.key,), help="Shows which outlet each letter stands for.")


def who(lesson: Lesson, label: str) -> str:
    """An outlet as the class sees it: its letter, and its name once revealed."""
    return f"{label} ({lesson.key()[label]})" if revealed(lesson) and label in lesson.key() else label


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def day_words(value: object) -> str:
    """``2019-03-18`` as "18 March 2019", ``2019-03`` as "March 2019"; "undated" without one."""
    text = str(value) if isinstance(value, str) else ""
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if len(text) == 7:
            return f"{MONTHS[int(text[5:7]) - 1]} {text[:4]}"
    except (ValueError, IndexError):
        return text
    return text or "undated"


def article_row(lesson: Lesson, article_id: str) -> pd.Series:
    articles = lesson.analysis.articles
    return articles[(articles["article_id"].astype(str) == article_id).to_numpy(bool)].iloc[0]
