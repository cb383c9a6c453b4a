"""One module per view, each with ``render(ctx)``; ``render_view`` picks it by URL slug."""
from __future__ import annotations

import importlib

import streamlit as st

VIEW_MODULES = {
    "overview": "overview", "side-by-side": "side_by_side", "loaded": "loaded", "actors": "actors", "naming": "naming",
    "terms": "terms", "events": "events", "corpus": "corpus", "lexicons": "lexicons", "coding": "coding",
    "precision": "precision", "export": "export", "time": "over_time", "coverage": "group_coverage",
}
#: Views that only need the corpus; the others need the analysis too.
CORPUS_ONLY = {"corpus", "lexicons"}


def render_view(view: str, ctx) -> None:
    module = importlib.import_module(f"dashboard.views.{VIEW_MODULES[view]}")
    if ctx.analysis is None and view not in CORPUS_ONLY:
        st.info("There is nothing to analyse in this corpus: the Corpus view says what was skipped and why.")
        return
    module.render(ctx)
