"""Overview: outlet x frame rates and the balance of each axis, with voice, event and date
filters."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import busiest_cell
from dashboard.views.common import available, figure, filter_bar, lexicon_with, md, outlets_shown
from framing import plots


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    articles, hits, _ = data.filtered_tables(ctx.analysis, ctx.key, flt)
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
    scores = data.frame_scores(ctx.analysis, ctx.key, flt)
    clicked = figure(plots.frame_heatmap(scores, voice=voice, lexicon=lexicon, groups=shown), key="overview_heatmap",
                     on_select="rerun", selection_mode="points")
    _follow_cell_click(clicked, ctx, lexicon)
    balance = data.balance_scores(ctx.analysis, ctx.key, flt)
    figure(plots.axis_balance_plot(balance, voice=voice, lexicon=lexicon, groups=shown), key="overview_balance")
    st.caption("Rates are hits per 1,000 words of each outlet's articles (negated hits excluded), with 95% "
               "bootstrap intervals over articles. Balance is (pole A − pole B) / (A + B). † and open circles: "
               "fewer articles than a stable figure needs.")
    _evidence(ctx, flt, lexicon, voice, busiest_cell(scores, voice=voice, lexicon=lexicon))
    _outlet_map(ctx, flt, voice)


def _poles(ctx, lexicon: str) -> list[str]:
    """``frame/pole`` for each pole of the lexicon's frames."""
    frames = next(lex.frames for lex in ctx.analysis.lexicons if lex.name == lexicon)
    return [f"{f.name}/{p.name}" for f in frames for p in f.poles]


def _follow_cell_click(event, ctx, lexicon: str) -> None:
    """A click on a heatmap cell picks that outlet and pole for the evidence below (once per
    click: a later rerun keeps what the user picked since)."""
    points = getattr(getattr(event, "selection", None), "points", None) or \
        ((event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else [])
    custom = next((p.get("customdata") for p in points if p.get("customdata")), None)
    cell = tuple(custom[:3]) if custom else None
    if cell and st.session_state.get("_clicked_cell") != cell and cell[0] in ctx.outlets:
        state.put("cell_outlet", cell[0])
        state.put("cell_pole", f"{cell[1]}/{cell[2]}")
    st.session_state["_clicked_cell"] = cell


EVIDENCE_COLUMNS = ("left", "match", "right", "voice", "speaker", "negated", "hedged", "target", "title", "article_id")


def _evidence(ctx, flt, lexicon: str, voice: str, busiest: tuple[str, str] | None) -> None:
    """Every hit behind one heatmap cell, with its context: click a cell or pick it here
    (the cell with the most hits until then)."""
    if not available("kwic"):
        return
    st.subheader("The sentences behind a number")
    cols = st.columns(2)
    with cols[0]:
        outlet = state.choice("Outlet", "cell_outlet", ctx.outlets, default=busiest[0] if busiest else None)
    with cols[1]:
        poles = _poles(ctx, lexicon)
        pole = state.choice("Frame: pole", "cell_pole", poles, default=busiest[1] if busiest else None)
    lines = data.concordance_table(ctx.analysis, ctx.key, flt, pole, kind="pole", outlets=(outlet,))
    counted = lines if voice == "all" else lines[lines["voice"] == voice]
    st.caption(f"{len(lines)} hits of {md(pole)} in {md(outlet)} ({len(counted)} in the chosen voice; negated hits "
               "are listed but not counted in the rate). Click a heatmap cell to show its hits here.")
    st.dataframe(lines[[c for c in EVIDENCE_COLUMNS if c in lines]], hide_index=True, width="stretch",
                 key="evidence_table")


PROFILES = {"frames": "frame profiles (rates of every pole, all lexicons)", "terms": "term profiles (TF-IDF)"}


def _outlet_map(ctx, flt, voice) -> None:
    if not available("similarity"):
        return
    if not st.toggle("Show the outlet map", key="show_map", help="Places outlets by the similarity of their "
                     "profiles (loads scikit-learn the first time, a second or two)."):
        return
    st.subheader("Outlet map")
    profile = state.choice("Place outlets by", "profile", list(PROFILES), format_func=PROFILES.get, draw=st.radio,
                           horizontal=True)
    points = data.outlet_points(ctx.analysis, ctx.key, flt, voice=voice, profile=profile)
    if points is None:
        st.info("A map needs at least three outlets.")
        return
    figure(plots.outlet_map_plot(points), key="overview_map")
    st.caption("Outlets close together frame (or word) their coverage alike; the axes are principal components "
               "and have no meaning of their own.")
