"""Glossary: the framing devices explained for pupils (``framing/present/glossary.yaml``), one
to a screen, each with live examples from the lesson's articles."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.classroom.common import who
from dashboard.views.common import md
from framing.present.glossary import device, device_examples, devices
from framing.present.highlight import kwic_html, whose_words
from framing.present.lesson import Lesson

EXAMPLES = 4


@st.cache_resource(hash_funcs={Lesson: lambda lesson: lesson.analysis.key}, max_entries=16, show_spinner=False)
def examples(lesson: Lesson, key: str) -> pd.DataFrame:
    """Live examples of a device in the lesson; "selection and omission" compares the two
    reports of the first pick."""
    first = lesson.picks[0] if lesson.picks else None
    return device_examples(lesson.analysis, key, limit=EXAMPLES, event_id=first.event_id if first else None,
                           article_ids=[first.article_a, first.article_b] if first else ())


def _go(key: str) -> None:
    state.put("device", key)


def render(ctx, lesson) -> None:
    keys = [d.key for d in devices()]
    names = {d.key: d.name for d in devices()}
    cols = st.columns([3, 1])
    with cols[0]:
        key = state.choice("Framing device", "device", keys, format_func=names.get)
    following = keys[(keys.index(key) + 1) % len(keys)]
    with cols[1]:
        st.button(f"Next: {names[following]}", key="glossary_next", on_click=_go, args=(following,))
    shown = device(key)
    st.header(md(shown.name))
    st.markdown(md(shown.explain))
    st.markdown(f"*For example:* {md(shown.example)}")
    st.info(f"**Ask the class:** {md(shown.ask)}")
    found = examples(lesson, key)
    st.subheader("In the articles of this lesson")
    if found.empty:
        st.caption("No example in the lesson's articles.")
        return
    for row in found.itertuples(index=False):
        voice = f" · {whose_words(row.voice)}" if isinstance(row.voice, str) and row.voice else ""
        st.markdown(f"**{md(who(lesson, str(row.outlet)))}**{md(voice)}")
        st.markdown(kwic_html(str(row.left), str(row.match), str(row.right)), unsafe_allow_html=True)
