"""Classroom mode: a lesson on framing for a projector, over the library's lesson
(``framing.present.lesson``). It offers only its own screens, and every one reads the lesson's
anonymised analysis, so no outlet is named anywhere on the page (headings, texts, tooltips,
sidebar, URL) until the teacher reveals them. The URL keeps only ``state.CLASSROOM_URL``, so a
bookmark of ``?mode=classroom`` opens the lesson with the outlets hidden.
"""
from __future__ import annotations

import importlib

import streamlit as st

from dashboard import data, state

#: Screens in menu order: URL slug -> title.
SCREENS = {"start": "Start here", "guess": "Guess", "glossary": "Glossary of framing devices",
           "paste": "Paste two texts"}
MODULES = {"start": "start", "guess": "guess", "glossary": "glossary", "paste": "paste"}


def _on_mode() -> None:
    state.put("mode", "classroom" if st.session_state["classroom_mode"] else None)


def mode_toggle() -> bool:
    """The classroom switch (kept in the URL as ``mode=classroom``); True when it is on."""
    st.session_state["classroom_mode"] = state.get("mode") == "classroom"
    st.toggle("Classroom mode", key="classroom_mode", on_change=_on_mode,
              help="For a projector: large type, outlets hidden as Outlet A, B… until you reveal them, "
                   "and screens for a lesson. Bookmark the page to open it in classroom mode.")
    if st.session_state["classroom_mode"]:
        from dashboard.classroom.style import apply_style

        apply_style()
    return bool(st.session_state["classroom_mode"])


def screen_menu() -> str:
    return state.choice("Screen", "screen", list(SCREENS), format_func=SCREENS.get, draw=st.radio,
                        label_visibility="collapsed")


def lexicon_choice() -> data.LexiconChoice:
    """The lexicons chosen outside classroom mode (all bundled ones at first), without drawing
    the choice: a lesson keeps the sidebar to its screens."""
    from framing.lexicon import bundled_lexicon_names

    names = list(bundled_lexicon_names())
    picked = [n for n in (state.get("lexicons") or names) if n in names]
    return data.LexiconChoice(tuple(picked), tuple(sorted(st.session_state.get("custom_lexicons", {}).items())))


def render_screen(screen: str, ctx) -> None:
    """Draw one classroom screen. Every screen but Paste two texts reads the lesson (the
    lesson's modules load here: outside classroom mode the page never needs them)."""
    from dashboard.classroom.common import get_lesson, reveal_controls

    module = importlib.import_module(f"dashboard.classroom.{MODULES[screen]}")
    if screen == "paste":
        module.render(ctx)
        return
    if ctx.analysis is None:
        st.info("There is nothing to read in this corpus. Paste two texts compares any two reports.")
        return
    lesson = get_lesson(ctx.analysis)
    st.sidebar.caption(f"Lesson: {len(lesson.analysis.articles):,} articles of {lesson.n_articles:,}, "
                       f"{lesson.n_outlets:,} outlets")
    reveal_controls(lesson)
    module.render(ctx, lesson)
