"""The classroom's look: large type and high contrast for a projector seen from the back of the
room (black on white, captions dark rather than grey, article text at about 30 px), and the
marks that say whose words a word is in without colour (``highlight.MARKS_CSS``)."""
from __future__ import annotations

import streamlit as st

from framing.present.highlight import MARKS_CSS

CSS = """
html { font-size: 20px; }
[data-testid=stAppViewContainer], [data-testid=stMain], [data-testid=stSidebar] { color: #000; }
[data-testid=stMainBlockContainer] { padding: 1.2rem 2rem 4rem !important; max-width: 100% !important; }
[data-testid=stMain] h1 { font-size: 2.2rem !important; font-weight: 800; padding: 0 0 0.3rem !important; }
[data-testid=stMain] h2 { font-size: 2rem !important; }
[data-testid=stMain] h3 { font-size: 1.6rem !important; }
[data-testid=stMain] p, [data-testid=stMain] li { font-size: 1.3rem; line-height: 1.55; }
[data-testid=stCaptionContainer], [data-testid=stCaptionContainer] p { color: #222 !important; opacity: 1 !important;
  font-size: 1.05rem !important; }
[data-testid=stSidebar] p, [data-testid=stSidebar] label { font-size: 1.05rem; }
.framing-text, .framing-diff, .kwic-line { font-size: 1.45rem !important; line-height: 1.75 !important; color: #000; }
.framing-legend span { font-size: 1.15rem !important; padding: 3px 10px !important; }
.framing-legend { margin-bottom: 0.4rem; }
[data-testid=stMain] textarea { font-size: 1.15rem !important; }
.hit { padding: 1px 3px !important; }
table.classroom-counts { border-collapse: collapse; font-size: 1.3rem; margin: 0.4rem 0 1rem; }
table.classroom-counts th, table.classroom-counts td { border-bottom: 2px solid #999; padding: 6px 14px; text-align: left; }
table.classroom-counts th { white-space: nowrap; }
.kwic-line { margin-bottom: 1.2rem; }
table.classroom-counts td.num { text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }
.diff-a, .diff-b { text-decoration-thickness: 3px !important; }
""" + MARKS_CSS


def apply_style() -> None:
    st.html(f"<style>{CSS}</style>")
