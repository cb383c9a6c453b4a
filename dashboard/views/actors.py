"""Actors: how each outlet frames each actor (frame x outlet, hits whose target is that
actor), and the sentiment of the sentences that mention it."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import busiest_cell, of_role
from dashboard.views.common import ALL_LEXICONS, figure, filter_bar, lexicons_of_role, md, outlets_shown, role_choice
from dashboard.views.evidence import evidence, follow_cell_click, poles_of
from framing.present import plots


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    actors = [a.name for lex in ctx.analysis.lexicons for a in lex.actors]
    if not actors:
        st.warning("None of the chosen lexicons defines actors.")
        return
    role = role_choice()
    cols = st.columns([1, 1, 2])
    with cols[0]:
        actor = state.choice("Actor", "actor", list(dict.fromkeys(actors)))
    with cols[1]:
        lexicon = state.choice("Lexicon", "lexicon_view", [*lexicons_of_role(ctx, role), ALL_LEXICONS])
        lexicon = None if lexicon == ALL_LEXICONS else lexicon
    with cols[2]:
        shown = outlets_shown(ctx, data.filtered(ctx.analysis, flt).articles)
    targets = of_role(data.actor_target_scores(ctx.analysis, flt, actor, ctx.by), role)
    members = ctx.members()
    axes = [f.name for lex in ctx.analysis.lexicons for f in lex.frames if len(f.poles) >= 2 and f.role == role]
    clicked = figure(plots.actor_frame_heatmap(targets, actor=actor, voice=voice, lexicon=lexicon, groups=shown,
                                               axes=axes, members=members), key="actor_heatmap", on_select="rerun",
                     selection_mode="points")
    follow_cell_click(clicked, ctx, outlet_key="actor_outlet", pole_key="actor_pole")
    st.caption(f"Hits whose target (the actor the term is about) is {md(actor)}, per 1,000 words of each {md(ctx.noun)}. "
               "Hits with no clear target are not counted here. Click a cell for the sentences behind it.")
    about = targets[targets["target"] == actor]
    evidence(ctx, flt, poles=poles_of(ctx, lexicon, role), voice=voice, outlet_key="actor_outlet",
             pole_key="actor_pole", target=actor, busiest=busiest_cell(about, voice=voice, lexicon=lexicon))
    sentiment = data.sentiment_scores(ctx.analysis, flt, by=ctx.by)
    figure(plots.actor_sentiment_plot(sentiment, voice=voice, groups=shown, members=members), key="actor_sentiment")
    st.caption("How positive the wording around each actor is: the mean VADER compound score of the sentences that "
               "mention it, from −1 (very negative words) to +1 (very positive), by a word-list method (Hutto and "
               "Gilbert 2014); lines are 95% intervals where there are enough articles.")
