"""Figures of actor sentiment: the VADER compound score of the sentences naming each actor."""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.present.plots.common import (
    QUALITATIVE,
    dot_with_interval,
    empty_figure,
    group_rows,
    height_for,
    layout,
    require_columns,
    safe,
    voice_rows,
)


def actor_sentiment_plot(sentiment: pd.DataFrame, *, voice: str | None = None, actors: Iterable[str] | None = None,
                         groups: Iterable[str] | None = None, title: str | None = None) -> go.Figure:
    """Mean VADER compound score (Hutto and Gilbert 2014) of sentences mentioning each actor,
    per outlet, with bootstrap intervals. Input: a ``score.actor_sentiment`` table (rows of
    ``voice`` and ``actors`` only, when given)."""
    require_columns(sentiment, ["group", "actor", "sentiment", "ci_low", "ci_high", "n_sentences"], "actor_sentiment_plot")
    title = title or "Sentiment of sentences mentioning each actor (VADER compound, −1 to +1)"
    rows = group_rows(voice_rows(sentiment, voice), groups).dropna(subset=["sentiment"])
    if actors is not None:
        rows = rows[rows["actor"].isin(list(actors))]
    if rows.empty:
        return empty_figure(title, "No sentence mentions any actor.")
    actors = sorted(rows["actor"].unique(), key=str)
    fig = go.Figure()
    for i, group in enumerate(sorted(rows["group"].unique(), key=str)):
        part = rows[rows["group"] == group].set_index("actor").reindex(actors).dropna(subset=["sentiment"])
        n_art = part["n_articles"] if "n_articles" in part else part["n_sentences"]
        fig.add_trace(go.Scatter(
            x=part["sentiment"], y=[safe(a) for a in part.index], mode="markers", name=safe(group),
            marker=dict(size=9, color=QUALITATIVE[i % len(QUALITATIVE)]),
            error_x=dot_with_interval(part["sentiment"], part["ci_low"], part["ci_high"]),
            customdata=np.column_stack([part["ci_low"], part["ci_high"], part["n_sentences"], n_art]),
            hovertemplate=(f"<b>{safe(group)}</b><br>%{{y}}: %{{x:+.2f}}<br>95% CI %{{customdata[0]:+.2f}} – "
                           "%{customdata[1]:+.2f}<br>%{customdata[2]} sentences, %{customdata[3]} articles"
                           "<extra></extra>"),
        ))
    fig.add_vline(x=0, line=dict(color="#999", width=1, dash="dot"))
    fig.update_xaxes(range=[-1.05, 1.05])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(legend=dict(title=dict(text="outlet")))
    return layout(fig, title, height=height_for(len(actors), per_row=36, base=220))
