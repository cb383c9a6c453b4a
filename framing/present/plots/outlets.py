"""Figures of whole outlets: where their profiles place them, and which events they covered."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.present.plots.common import (
    QUALITATIVE,
    empty_figure,
    footnote,
    height_for,
    layout,
    require_columns,
    safe,
    shorten,
    spaced_labels,
)


def outlet_map_plot(points: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Outlets placed so that similar frame/term profiles lie close together (a
    ``similarity.outlet_map`` table: ``outlet``, ``x``, ``y``). Every point names its outlet on
    hover; names are printed beside the points, those farthest from the centre first (the
    outlets that stand apart), leaving out any that would overlap a name already printed."""
    require_columns(points, ["outlet", "x", "y"], "outlet_map_plot")
    title = title or "Outlets placed by similarity of their profiles"
    if points.empty:
        return empty_figure(title, "No outlet to place.")
    colour = points.get("colour_by")
    names = points["outlet"].map(safe)
    printed = _printed_names(names, points["x"].to_numpy(float), points["y"].to_numpy(float))
    fig = go.Figure(go.Scatter(
        x=points["x"], y=points["y"], mode="markers+text", text=names.where(names.isin(printed), ""),
        customdata=names, textposition="top center", textfont=dict(size=12),
        marker=dict(size=10, color=QUALITATIVE[0] if colour is None else None),
        hovertemplate="<b>%{customdata}</b><extra></extra>",
    ))
    fig.update_xaxes(showticklabels=False, title=None, zeroline=False)
    fig.update_yaxes(showticklabels=False, title=None, zeroline=False, scaleanchor="x")
    layout(fig, title, height=520)
    if len(printed) < len(points):
        footnote(fig, f"{len(points) - len(printed):,} of {len(points):,} names are not printed where they would "
                      "overlap another; hover over a point to see its outlet.")
    return fig


#: The map's plotting area in the dashboard, in pixels (width, height), for spacing its names.
MAP_PX = (800, 400)


def _printed_names(names: pd.Series, x: np.ndarray, y: np.ndarray) -> set[str]:
    """The names to print: farthest from the centre first, none overlapping (``spaced_labels``;
    the axes share one scale, set by the axis whose points fill its side first)."""
    spans = [max(float(np.ptp(v)) * 1.1, 1e-9) for v in (x, y)]
    scale = min(MAP_PX[0] / spans[0], MAP_PX[1] / spans[1])  # pixels per unit of either axis
    order = np.argsort(-np.hypot(x - np.median(x), y - np.median(y)), kind="stable")
    return spaced_labels(names.to_numpy()[order], x[order] * scale, y[order] * scale, char_px=7.5)


def event_coverage_plot(coverage: pd.DataFrame, *, labels: dict | None = None, title: str | None = None,
                        max_events: int = 60) -> go.Figure:
    """Which outlet covered which event: an event x outlet grid of article counts (an
    ``events.event_coverage`` table: ``event_id``, ``outlet``, ``n_articles``); events shown
    most covered first, at most ``max_events``, named by ``labels`` (event id -> text) when given."""
    require_columns(coverage, ["event_id", "outlet", "n_articles"], "event_coverage_plot")
    title = title or "Event coverage: articles per outlet"
    if coverage.empty:
        return empty_figure(title, "No events.")
    covered = coverage[coverage["n_articles"] > 0]
    order = covered.groupby("event_id")["outlet"].nunique().sort_values(ascending=False, kind="stable").index[:max_events]
    # pivot only the events drawn: a dense grid of every event x outlet is large on big corpora
    wide = covered[covered["event_id"].isin(order)].pivot_table(
        index="event_id", columns="outlet", values="n_articles", aggfunc="sum", fill_value=0).loc[order]
    names = labels or {}
    rows = [safe(shorten(str(names.get(e, e)), 70)) for e in wide.index]
    z = wide.to_numpy(float)
    heat = go.Heatmap(
        z=z, x=[safe(c) for c in wide.columns], y=rows, colorscale="Blues", xgap=1, ygap=1,
        colorbar=dict(title=dict(text="articles"), dtick=max(1, int(np.ceil(z.max() / 5))) if z.size else 1),
        hovertemplate="<b>%{x}</b><br>%{y}<br>%{z:.0f} articles<extra></extra>",
    )
    if z.size <= 400:  # small grids print each count (blank for none)
        heat.update(text=np.where(z > 0, np.char.mod("%d", z.astype(int)), ""), texttemplate="%{text}",
                    textfont=dict(size=13))
    fig = go.Figure(heat)
    fig.update_xaxes(side="top", tickangle=-35)
    fig.update_yaxes(autorange="reversed")
    layout(fig, title, height=height_for(len(wide), per_row=24, base=280))
    fig.update_layout(margin=dict(t=80 + 6 * max(len(str(c)) for c in wide.columns)))
    return fig
