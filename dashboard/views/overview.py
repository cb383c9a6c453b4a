"""Overview: outlet x frame rates and the balance of each axis, with voice, event and date
filters; framing frames by default, topic and attribution frames one click away."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import busiest_cell, of_role
from dashboard.views.common import (
    ALL_LEXICONS,
    ROLE_TITLES,
    figure,
    filter_bar,
    lexicons_of_role,
    md,
    outlets_shown,
    role_choice,
)
from dashboard.views.evidence import evidence, follow_cell_click, poles_of
from framing.present import plots


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    kept = data.filtered(ctx.analysis, flt)
    articles, hits = kept.articles, kept.hits
    role = role_choice()
    cols = st.columns(4)
    cols[0].metric("Articles", f"{len(articles):,}")
    cols[1].metric("Outlets" if not ctx.grouped else f"Outlets in {len(ctx.groups)} groups",
                   f"{articles['outlet'].nunique():,}")
    cols[2].metric("Words", f"{int(articles['n_words'].sum()):,}")
    cols[3].metric(f"{role.capitalize()} hits", f"{int(((hits['kind'] == 'frame') & (hits['role'] == role)).sum()):,}")
    lexicons = lexicons_of_role(ctx, role)
    if not lexicons:
        st.warning(f"None of the chosen lexicons has {role} frames: pick another view above, or a lexicon in the sidebar.")
        return
    cols = st.columns([1, 3])
    with cols[0]:
        lexicon = state.choice("Lexicon", "lexicon_view", [*lexicons, ALL_LEXICONS])
        lexicon = None if lexicon == ALL_LEXICONS else lexicon
    with cols[1]:
        shown = outlets_shown(ctx, articles)
    scores = of_role(data.frame_scores(ctx.analysis, flt, by=ctx.by), role)
    members = ctx.members()
    title = f"{ROLE_TITLES[role]} per 1,000 words ({plots.voice_name(voice)})"
    clicked = figure(plots.frame_heatmap(scores, voice=voice, lexicon=lexicon, groups=shown, title=title,
                                         members=members),
                     key="overview_heatmap", on_select="rerun", selection_mode="points")
    follow_cell_click(clicked, ctx, outlet_key="cell_outlet", pole_key="cell_pole")
    balance = of_role(data.balance_scores(ctx.analysis, flt, by=ctx.by), role)
    figure(plots.axis_balance_plot(balance, voice=voice, lexicon=lexicon, groups=shown, members=members),
           key="overview_balance")
    st.caption(f"{ROLE_CAPTIONS[role]} Rates are hits per 1,000 words of each {md(ctx.noun)}'s articles (negated "
               "hits excluded), with 95% bootstrap intervals over articles; each cell prints its rate and its hits. "
               "Colours run from 0 to the largest rate with enough evidence; grey cells and faded dots have not enough "
               "evidence (fewer than 5 articles, no interval, or an interval too wide to read). Balance is "
               "(pole A − pole B) / (A + B).")
    evidence(ctx, flt, poles=poles_of(ctx, lexicon, role), voice=voice, outlet_key="cell_outlet", pole_key="cell_pole",
             busiest=busiest_cell(scores, voice=voice, lexicon=lexicon))
    _outlet_map(ctx, flt, voice, role)


#: What the heatmap's caption says, per role shown.
ROLE_CAPTIONS = {
    "framing": "Framing: evaluative, loaded and (de)legitimising word choice, the frames whose role is framing. "
               "Topic and attribution words are one click away above.",
    "topic": "Topic: what the articles are about (subjects, institutions, events), not how they frame it.",
    "attribution": "Attribution: reporting verbs and hedges, how articles source their claims, not how they frame them.",
}


PROFILES = {"frames": "frame profiles (rates of every pole of the role shown, all lexicons)",
            "terms": "term profiles (TF-IDF)"}


def _outlet_map(ctx, flt, voice, role: str) -> None:
    if not st.toggle("Show the outlet map", key="show_map", help="Places outlets by the similarity of their "
                     "profiles (loads scikit-learn the first time, a second or two)."):
        return
    st.subheader("Outlet map")
    profile = state.choice("Place outlets by", "profile", list(PROFILES), format_func=PROFILES.get, draw=st.radio,
                           horizontal=True)
    points = data.outlet_points(ctx.analysis, flt, voice=voice, profile=profile, role=role)
    if points is None:
        st.info("A map needs at least three outlets.")
        return
    figure(plots.outlet_map_plot(points), key="overview_map")
    st.caption("Outlets close together frame (or word) their coverage alike; the axes are principal components "
               "and have no meaning of their own.")
