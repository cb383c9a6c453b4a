"""Actors: how each outlet frames each actor (frame x outlet, hits whose target is that
actor), and the sentiment of the sentences that mention it."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.views.common import figure, filter_bar, md, outlets_shown
from framing import plots


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    actors = [a.name for lex in ctx.analysis.lexicons for a in lex.actors]
    if not actors:
        st.warning("None of the chosen lexicons defines actors.")
        return
    cols = st.columns([1, 3])
    with cols[0]:
        actor = state.choice("Actor", "actor", list(dict.fromkeys(actors)))
    with cols[1]:
        shown = outlets_shown(ctx, data.filtered_tables(ctx.analysis, ctx.key, flt)[0])
    targets = data.actor_target_scores(ctx.analysis, ctx.key, flt, actor)
    figure(plots.actor_frame_heatmap(targets, actor=actor, voice=voice, groups=shown), key="actor_heatmap")
    st.caption(f"Hits whose target (the actor the term is about) is {md(actor)}, per 1,000 words of each outlet. "
               "Hits with no clear target are not counted here.")
    sentiment = data.sentiment_scores(ctx.analysis, ctx.key, flt)
    figure(plots.actor_sentiment_plot(sentiment, voice=voice, groups=shown), key="actor_sentiment")
    st.caption("Mean VADER compound score of the sentences that mention each actor (Hutto and Gilbert 2014).")
