"""Corpus view: what was loaded, what was skipped and why, and the articles."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.views.common import md
from framing.measure.tables import corpus_frame


def render(ctx) -> None:
    report = ctx.report
    cols = st.columns(4)
    cols[0].metric("Inputs seen", report.seen)
    cols[1].metric("Articles loaded", report.loaded)
    cols[2].metric("Skipped", len(report.skipped))
    cols[3].metric("Outlets", _outlet_count(ctx))
    st.caption(f"Source: {md(ctx.source.label)} ({md(ctx.source.path)})")
    if report.skipped:
        st.subheader("Skipped, and why")
        st.dataframe(pd.DataFrame([vars(s) for s in report.skipped]), hide_index=True, width="stretch")
    else:
        st.success("Every input became an article: nothing was skipped.")
    if report.notes:
        st.subheader("Notes")
        st.text("\n".join(str(note) for note in report.notes[:200]))
        if len(report.notes) > 200:
            st.caption(f"… and {len(report.notes) - 200} more notes.")
    st.subheader("Articles")
    table = ctx.analysis.articles if ctx.analysis is not None else corpus_frame(ctx.corpus)
    shown = [c for c in ("article_id", "outlet", "title", "date", "date_precision", "n_words", "url") if c in table]
    st.dataframe(table[shown], hide_index=True, width="stretch")



def _outlet_count(ctx) -> int:
    if ctx.analysis is not None:
        return int(ctx.analysis.articles["outlet"].nunique())
    return len({a.outlet for a in ctx.corpus})
