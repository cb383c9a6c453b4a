"""Overview: outlet x frame rates and the balance of each axis, with voice, event and date
filters."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import busiest_cell
from dashboard.views.common import figure, filter_bar, lexicon_with, outlets_shown
from dashboard.views.evidence import evidence, follow_cell_click, poles_of
from framing.present import plots


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    kept = data.filtered(ctx.analysis, flt)
    articles, hits = kept.articles, kept.hits
    cols = st.columns(4)
    cols[0].metric("Articles", f"{len(articles):,}")
    cols[1].metric("Outlets", f"{articles['outlet'].nunique():,}")
    cols[2].metric("Words", f"{int(articles['n_words'].sum()):,}")
    cols[3].metric("Lexicon hits", f"{int((hits['kind'] == 'frame').sum()):,}")
    lexicons = lexicon_with(ctx, "frames")
    if not lexicons:
        st.warning("None of the chosen lexicons has frames: pick one in the sidebar.")
        return
    cols = st.columns([1, 3])
    with cols[0]:
        lexicon = state.choice("Lexicon", "lexicon_view", lexicons)
    with cols[1]:
        shown = outlets_shown(ctx, articles)
    scores = data.frame_scores(ctx.analysis, flt)
    clicked = figure(plots.frame_heatmap(scores, voice=voice, lexicon=lexicon, groups=shown), key="overview_heatmap",
                     on_select="rerun", selection_mode="points")
    follow_cell_click(clicked, ctx, outlet_key="cell_outlet", pole_key="cell_pole")
    balance = data.balance_scores(ctx.analysis, flt)
    figure(plots.axis_balance_plot(balance, voice=voice, lexicon=lexicon, groups=shown), key="overview_balance")
    st.caption("Rates are hits per 1,000 words of each outlet's articles (negated hits excluded), with 95% "
               "bootstrap intervals over articles. Balance is (pole A − pole B) / (A + B). † and open circles: "
               "fewer articles than a stable figure needs.")
    evidence(ctx, flt, poles=poles_of(ctx, lexicon), voice=voice, outlet_key="cell_outlet", pole_key="cell_pole",
             busiest=busiest_cell(scores, voice=voice, lexicon=lexicon))
    _outlet_map(ctx, flt, voice)


PROFILES = {"frames": "frame profiles (rates of every pole, all lexicons)", "terms": "term profiles (TF-IDF)"}


def _outlet_map(ctx, flt, voice) -> None:
    if not st.toggle("Show the outlet map", key="show_map", help="Places outlets by the similarity of their "
                     "profiles (loads scikit-learn the first time, a second or two)."):
        return
    st.subheader("Outlet map")
    profile = state.choice("Place outlets by", "profile", list(PROFILES), format_func=PROFILES.get, draw=st.radio,
                           horizontal=True)
    points = data.outlet_points(ctx.analysis, flt, voice=voice, profile=profile)
    if points is None:
        st.info("A map needs at least three outlets.")
        return
    figure(plots.outlet_map_plot(points), key="overview_map")
    st.caption("Outlets close together frame (or word) their coverage alike; the axes are principal components "
               "and have no meaning of their own.")
