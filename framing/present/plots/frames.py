"""Figures of frame rates: the outlet x frame heatmap (also of the hits about one actor) and
the balance of each two-pole axis, each cell or dot with its interval and articles."""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from framing.present.plots.common import (
    LOW_SUPPORT_MARK,
    QUALITATIVE,
    articles_text,
    axis_frames,
    dot_with_interval,
    empty_figure,
    footnote,
    frame_label,
    group_rows,
    height_for,
    interval_text,
    layout,
    require_columns,
    safe,
    support_marks,
    voice_name,
)


def frame_heatmap(scores: pd.DataFrame, *, voice: str = "all", lexicon: str | None = None,
                  groups: Iterable[str] | None = None, title: str | None = None,
                  max_cell_text: int = 400, axes: Iterable[str] = ()) -> go.Figure:
    """Outlet (``group``) x frame heatmap of hits per 1,000 words from a ``score.frame_rates``
    table; the hover gives the rate, its bootstrap interval, the hits and the number of
    articles. Only rows of ``voice`` (and of ``lexicon`` and ``groups``, when given) are
    drawn. Cell values are printed when the grid is small enough to read (at most
    ``max_cell_text`` cells). Poles of two-pole frames are named ``frame: pole``; ``axes``
    names such frames when the table may hold only one of their poles."""
    require_columns(scores, ["group", "frame", "pole", "voice", "rate", "ci_low", "ci_high", "n_articles"], "frame_heatmap")
    title = title or f"Frame rates per 1,000 words ({voice_name(voice)})"
    rows = scores[(scores["voice"] == voice) & ((scores["lexicon"] == lexicon) if lexicon else True)]
    rows = group_rows(rows, groups).copy()
    if rows.empty:
        return empty_figure(title, f"No scores for voice '{voice}'.")
    axes = axis_frames(rows) | set(axes)
    rows["column"] = [frame_label(f, p, axis=f in axes) for f, p in zip(rows["frame"], rows["pole"])]
    rows["mark"] = support_marks(rows["low_support"]) if "low_support" in rows else ""
    if "hits" not in rows:
        rows["hits"] = np.nan
    columns = list(dict.fromkeys(rows["column"]))
    groups = sorted(rows["group"].unique(), key=str)
    wide = {name: rows.pivot_table(index="group", columns="column", values=name, aggfunc="first")
            .reindex(index=groups, columns=columns) for name in ("rate", "ci_low", "ci_high", "n_articles", "hits")}
    marks = rows.pivot_table(index="group", columns="column", values="mark", aggfunc="first").reindex(
        index=groups, columns=columns).fillna("")
    custom = np.dstack([wide["ci_low"].to_numpy(float), wide["ci_high"].to_numpy(float),
                        wide["n_articles"].to_numpy(float), wide["hits"].to_numpy(float)])
    z = wide["rate"].to_numpy(float)
    text = np.char.add(np.char.mod("%.1f", np.nan_to_num(z)), marks.to_numpy(str))
    heat = go.Heatmap(
        z=z, x=[safe(c) for c in columns], y=[safe(g) for g in groups], customdata=custom, colorscale="YlOrRd",
        colorbar=dict(title=dict(text="per 1,000<br>words")), xgap=1, ygap=1, hoverinfo="skip",
    )
    if z.size <= max_cell_text:
        heat.update(text=text, texttemplate="%{text}", textfont=dict(size=13))
    fig = go.Figure([heat, _cell_targets(rows, wide, groups, columns)])
    fig.update_xaxes(side="top", tickangle=-35)
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=[safe(g) for g in groups],
                     ticktext=[f"{safe(g)} ({articles_text(n)})" for g, n in
                               zip(groups, wide["n_articles"].max(axis=1).to_numpy(float))])
    layout(fig, title, height=height_for(len(groups), base=300))
    fig.update_layout(clickmode="event+select", showlegend=False)
    fig.update_layout(margin=dict(t=80 + 6 * max(len(c) for c in columns)))
    if marks.to_numpy(str).any():
        footnote(fig, f"{LOW_SUPPORT_MARK} rests on too few articles for a stable figure")
    return fig


def _cell_targets(rows: pd.DataFrame, wide: dict, groups: list, columns: list) -> go.Scatter:
    """Invisible markers on the cells: they carry the hover and make a cell clickable (plotly
    selects points, not heatmap cells). ``customdata``: group, frame, pole, then the hover."""
    keys = rows.drop_duplicates(["group", "column"]).set_index(["group", "column"])
    xs, ys, custom = [], [], []
    for gi, group in enumerate(groups):
        for ci, column in enumerate(columns):
            if (group, column) not in keys.index:
                continue
            row = keys.loc[(group, column)]
            rate, low, high = (wide[k].iat[gi, ci] for k in ("rate", "ci_low", "ci_high"))
            n_art, hits = wide["n_articles"].iat[gi, ci], wide["hits"].iat[gi, ci]
            xs.append(safe(column))
            ys.append(safe(group))
            custom.append([str(group), str(row["frame"]), str(row["pole"]), f"{rate:.2f}",
                           interval_text(low, high, n_art), f"{hits:.0f}", f"{n_art:.0f}"])
    return go.Scatter(
        x=xs, y=ys, mode="markers", customdata=custom, name="cells", showlegend=False,
        marker=dict(symbol="square", size=22, opacity=0, color="#000"),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        hovertemplate=("<b>%{y}</b><br>%{x}<br>rate %{customdata[3]} per 1,000 words<br>%{customdata[4]}"
                       "<br>%{customdata[5]} hits in %{customdata[6]} articles<br><i>click: the sentences behind it"
                       "</i><extra></extra>"),
    )


def actor_frame_heatmap(actor_scores: pd.DataFrame, *, actor: str, voice: str = "all", lexicon: str | None = None,
                        groups: Iterable[str] | None = None, title: str | None = None,
                        axes: Iterable[str] = ()) -> go.Figure:
    """For one actor, frame x outlet rates of hits whose ``target`` is that actor (a
    ``score.frame_rates(..., by_target=True)`` table with a ``target`` column), of one
    ``lexicon``'s frames when given; ``axes`` as for ``frame_heatmap`` (only the poles with
    hits about the actor are in the table)."""
    require_columns(actor_scores, ["target"], "actor_frame_heatmap")
    part = actor_scores[actor_scores["target"] == actor]
    return frame_heatmap(part, voice=voice, lexicon=lexicon, groups=groups, axes=axes,
                         title=title or f"How each outlet frames {safe(actor)} ({voice_name(voice)})")


def axis_balance_plot(balance: pd.DataFrame, *, voice: str | None = None, lexicon: str | None = None,
                      groups: Iterable[str] | None = None, title: str | None = None) -> go.Figure:
    """Per outlet, each axis's balance ``(A - B) / (A + B)`` in [-1, 1] with its bootstrap
    interval: one panel per axis, pole A on the right. Input: a ``score.axis_balance`` table
    (rows of ``voice`` and ``lexicon`` only, when given)."""
    require_columns(balance, ["group", "frame", "balance", "ci_low", "ci_high", "n_articles"], "axis_balance_plot")
    title = title or "Which pole each outlet leans to: balance (A − B) / (A + B), from −1 to +1"
    rows = group_rows(balance.dropna(subset=["balance"]), groups)
    if voice and "voice" in rows:
        rows = rows[rows["voice"] == voice]
    if lexicon and "lexicon" in rows:
        rows = rows[rows["lexicon"] == lexicon]
    if rows.empty:
        return empty_figure(title, "No axis has hits on either pole.")
    frames = list(dict.fromkeys(rows["frame"]))
    groups = sorted(rows["group"].unique(), key=str)
    fig = make_subplots(rows=1, cols=len(frames), shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[_axis_title(rows[rows["frame"] == f], f) for f in frames])
    for i, frame in enumerate(frames, start=1):
        part = rows[rows["frame"] == frame].set_index("group").reindex(groups).dropna(subset=["balance"])
        marks = support_marks(part["low_support"]) if "low_support" in part else pd.Series("", index=part.index)
        fig.add_trace(go.Scatter(
            x=part["balance"], y=[safe(g) for g in part.index], mode="markers", name=safe(frame), showlegend=False,
            marker=dict(size=9, color=QUALITATIVE[(i - 1) % len(QUALITATIVE)],
                        symbol=["circle-open" if m else "circle" for m in marks]),
            error_x=dot_with_interval(part["balance"], part["ci_low"], part["ci_high"]),
            customdata=np.column_stack([part["ci_low"], part["ci_high"], part["n_articles"]]).astype(float),
            text=marks.to_list(),
            hovertemplate=(f"<b>%{{y}}</b><br>{safe(frame)}: %{{x:+.2f}}<br>95% CI %{{customdata[0]:+.2f}} – "
                           "%{customdata[1]:+.2f}<br>%{customdata[2]:.0f} articles %{text}<extra></extra>"),
        ), row=1, col=i)
        fig.add_vline(x=0, line=dict(color="#999", width=1, dash="dot"), row=1, col=i)
    fig.update_xaxes(range=[-1.08, 1.08], tickvals=[-1, 0, 1], zeroline=False)
    fig.update_yaxes(autorange="reversed")
    layout(fig, title, height=height_for(len(groups), base=240))
    fig.update_layout(margin=dict(t=110))
    if rows.get("low_support", pd.Series(dtype=bool)).fillna(False).astype(bool).any():
        footnote(fig, "open circles rest on too few articles for a stable figure", below_ticks=True)
    return fig


def _axis_title(part: pd.DataFrame, frame: str) -> str:
    if {"pole_a", "pole_b"} <= set(part.columns) and len(part):
        return f"{safe(frame)}<br><sup>← {safe(part['pole_b'].iloc[0])} | {safe(part['pole_a'].iloc[0])} →</sup>"
    return safe(frame)
