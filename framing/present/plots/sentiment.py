"""Figures of actor sentiment: the VADER compound score of the sentences naming each actor."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from framing.present.encoding import (
    FADED_OPACITY,
    NOT_ENOUGH_EVIDENCE,
    evidence_note,
    group_order,
    plural,
    rgba,
    weak_evidence,
)
from framing.present.plots.common import (
    articles_text,
    dot_with_interval,
    empty_figure,
    footnote,
    group_rows,
    height_for,
    interval_text,
    layout,
    require_columns,
    safe,
    voice_rows,
)


def actor_sentiment_plot(sentiment: pd.DataFrame, *, voice: str | None = None, actors: Iterable[str] | None = None,
                         groups: Iterable[str] | None = None, title: str | None = None,
                         members: Mapping[str, str] | None = None, max_actors: int = 6) -> go.Figure:
    """Mean VADER compound score (Hutto and Gilbert 2014) of sentences mentioning each actor,
    per group, with bootstrap intervals: one panel per actor (at most ``max_actors``, the most
    mentioned), one row per group in ``group_order``, so a hundred outlets need no hundred
    colours. Scores without enough evidence (``encoding.weak_evidence`` on -1..+1) are faded
    and labelled. Input: a ``score.actor_sentiment`` table (rows of ``voice`` and ``actors``
    only, when given)."""
    require_columns(sentiment, ["group", "actor", "sentiment", "ci_low", "ci_high", "n_sentences"], "actor_sentiment_plot")
    title = title or "Sentiment of sentences mentioning each actor (VADER compound, −1 to +1)"
    rows = group_rows(voice_rows(sentiment, voice), groups).dropna(subset=["sentiment"])
    if actors is not None:
        rows = rows[rows["actor"].isin(list(actors))]
    if rows.empty:
        return empty_figure(title, "No sentence mentions any actor.")
    mentions = rows.groupby("actor")["n_sentences"].sum().sort_values(ascending=False, kind="stable")
    actors = sorted(mentions.index[:max_actors], key=str)
    if len(mentions) > len(actors):
        title += f"<br><sup>the {len(actors)} of {len(mentions)} actors mentioned most</sup>"
    order = group_order(rows["group"].unique())
    fig = make_subplots(rows=1, cols=len(actors), shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[safe(a) for a in actors])
    any_weak = False
    for i, actor in enumerate(actors, start=1):
        part = rows[rows["actor"] == actor].set_index("group").reindex(order).dropna(subset=["sentiment"])
        n_art = part["n_articles"] if "n_articles" in part else part["n_sentences"]
        weak = weak_evidence(part["ci_low"], part["ci_high"], n_art, scale_range=2.0)
        any_weak |= bool(weak.any())
        for faded in (False, True):
            _sentiment_trace(fig, part[weak == faded], faded, members or {}, i, legend=i == 1)
        fig.add_vline(x=0, line=dict(color="#999", width=1, dash="dot"), row=1, col=i)
    fig.update_xaxes(range=[-1.05, 1.05], tickvals=[-1, 0, 1])
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=[safe(g) for g in order])
    layout(fig, title, height=height_for(len(order), base=260))
    fig.update_layout(margin=dict(t=130), legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", yref="container"))
    if any_weak:
        footnote(fig, evidence_note(scale="−1..+1"), below_ticks=True)
    return fig


def _sentiment_trace(fig, part: pd.DataFrame, faded: bool, members: Mapping[str, str], col: int, *,
                     legend: bool) -> None:
    if part.empty:
        return
    colour = rgba("#4d4d4d", FADED_OPACITY) if faded else "#4d4d4d"
    n_art = part["n_articles"] if "n_articles" in part else part["n_sentences"]
    hover = [f"<b>{safe(g)}</b><br>{v:+.2f} ({interval_text(lo, hi, n)})<br>{plural(s, 'sentence')}, "
             f"{articles_text(n)}" + (f"<br><i>{NOT_ENOUGH_EVIDENCE}</i>" if faded else "")
             + (f"<br>outlets: {safe(members[g])}" if members.get(g) else "")
             for g, v, lo, hi, s, n in zip(part.index, part["sentiment"], part["ci_low"].to_numpy(float),
                                           part["ci_high"].to_numpy(float), part["n_sentences"].to_numpy(float),
                                           n_art.to_numpy(float))]
    fig.add_trace(go.Scatter(
        x=part["sentiment"], y=[safe(g) for g in part.index], mode="markers", hovertext=hover, hoverinfo="text",
        name=NOT_ENOUGH_EVIDENCE + " (faded)" if faded else "mean with its 95% interval",
        legendgroup="faded" if faded else "strong", showlegend=legend,
        marker=dict(size=9, color=colour, symbol="circle-open" if faded else "circle", line=dict(color=colour, width=2)),
        error_x={**dot_with_interval(part["sentiment"], part["ci_low"], part["ci_high"]), "color": colour},
    ), row=1, col=col)
