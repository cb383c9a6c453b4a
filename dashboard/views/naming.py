"""Naming: for each naming set, which label each outlet uses for the same referent."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.views.common import figure, filter_bar, outlets_shown
from framing import plots


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    shares = data.share_scores(ctx.analysis, ctx.key, flt)
    sets = list(dict.fromkeys(shares["naming_set"])) if len(shares) else []
    if not sets:
        st.warning("None of the chosen lexicons has naming sets.")
        return
    cols = st.columns([1, 3])
    with cols[0]:
        naming_set = state.choice("Naming set", "naming_set", sets)
    with cols[1]:
        shown = outlets_shown(ctx, data.filtered_tables(ctx.analysis, ctx.key, flt)[0])
    figure(plots.label_shares_plot(shares, naming_set=naming_set, voice=voice, groups=shown), key="naming_shares")
    st.caption("Each bar is one outlet's mentions of the referent, split by the label used; hover for counts. "
               "Outlets that never name the referent are left out.")
    from dashboard.filters import naming_table

    st.dataframe(naming_table(shares, naming_set=naming_set, voice=voice), hide_index=True, width="stretch")
