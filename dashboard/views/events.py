"""Events: which outlet covered which event, and the framing diff of aligned sentences."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import multi_outlet_events
from dashboard.views.common import available, figure, md, not_available
from framing import plots
from framing.highlight import word_diff_html


def render(ctx) -> None:
    if not available("events"):
        not_available("Event grouping", "events")
        return
    articles = data.articles_with_events(ctx.analysis, ctx.key)
    coverage = data.coverage_table(ctx.analysis, ctx.key)
    cols = st.columns(3)
    cols[0].metric("Events", f"{coverage['event_id'].nunique():,}")
    shared = multi_outlet_events(articles)
    cols[1].metric("Reported by 2+ outlets", f"{len(shared):,}")
    cols[2].metric("Articles", f"{len(articles):,}")
    figure(plots.event_coverage_plot(coverage, labels=data.event_labels(ctx.analysis, ctx.key)), key="events_coverage")
    st.subheader("Framing diff")
    if not shared:
        st.info("No event was reported by two or more outlets, so there is nothing to align.")
        return
    labels = data.event_labels(ctx.analysis, ctx.key)
    event = state.choice("Event", "align_event", shared, format_func=lambda e: labels.get(e, e))
    if not available("align"):
        not_available("Sentence alignment", "align")
        return
    _aligned_pairs(ctx, event)


def _aligned_pairs(ctx, event: str) -> None:
    pairs = data.aligned_pairs(ctx.analysis, ctx.key, event)
    if pairs.empty:
        st.info("No sentence of one outlet reports the same fact as a sentence of another in this event.")
        return
    st.caption(f"{len(pairs)} aligned sentence pairs, lexicon terms in the changes first, then the most "
               "differently worded. Red: only in the left sentence; green: only in the right one.")
    for row in pairs.head(25).itertuples():
        left, right = word_diff_html(row.ops)
        cols = st.columns(2)
        for col, outlet, html, terms in ((cols[0], row.outlet_a, left, row.lexicon_terms_a),
                                         (cols[1], row.outlet_b, right, row.lexicon_terms_b)):
            with col:
                st.caption(md(f"{outlet}" + (f" · lexicon terms changed: {', '.join(map(str, terms))}" if terms else "")))
                st.markdown(html, unsafe_allow_html=True)
        st.caption(f"similarity {row.similarity:.2f} · {row.changed_words} words differ")
        st.divider()
