"""Figures of frame rates: the outlet x frame heatmap (also of the hits about one actor) and
the balance of each two-pole axis, each cell or dot with its interval and articles."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from framing.present.encoding import (
    FADED_OPACITY,
    NOT_ENOUGH_EVIDENCE,
    colour_range,
    evidence_note,
    group_order,
    plural,
    rgba,
    weak_evidence,
)
from framing.present.plots.common import (
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
    voice_name,
)


def _axis_title(part: pd.DataFrame, frame: str) -> str:
    if {"pole_a", "pole_b"} <= set(part.columns) and len(part):
        return f"{safe(frame)}<br><sup>← {safe(part['pole_b'].iloc[0])} | {safe(part['pole_a'].iloc[0])} →</sup>"
    return safe(frame)


#: A rate has "not enough evidence" when its interval is wider than the largest rate of its grid
#: (a balance or a share: half of its fixed range, ``encoding.MAX_INTERVAL_SHARE``).
RATE_INTERVAL_SHARE = 1.0
#: A rate resting on fewer hits than this (but some) has "not enough evidence" however many
#: articles it spans: one hit about an actor in 63 articles was drawn as the darkest cell.
MIN_HITS = 3
#: The fill of a heatmap cell without enough evidence.
WEAK_CELL = "#ececec"


def frame_heatmap(scores: pd.DataFrame, *, voice: str = "all", lexicon: str | None = None,
                  groups: Iterable[str] | None = None, title: str | None = None,
                  max_cell_text: int = 400, axes: Iterable[str] = (),
                  members: Mapping[str, str] | None = None) -> go.Figure:
    """Group (outlet, or a value of a ``by`` column) x frame heatmap of hits per 1,000 words
    from a ``score.frame_rates`` table; the hover gives the rate, its bootstrap interval, the
    hits and the number of articles (and, with ``members``: group -> text, the outlets in the
    group). Honest encoding (``framing.present.encoding``): the colour scale runs from 0 to the
    largest rate with enough evidence; cells without enough evidence are plain grey with grey
    numbers (not a paler colour, which reads as another hue), so they cannot pass for findings;
    every cell prints its rate and its count of hits when the grid is small enough to read (at
    most ``max_cell_text`` cells). Rows in ``group_order``. Poles of two-pole frames are named
    ``frame: pole``; ``axes`` names such frames when the table may hold only one of their poles."""
    require_columns(scores, ["group", "frame", "pole", "voice", "rate", "ci_low", "ci_high", "n_articles"], "frame_heatmap")
    title = title or f"Frame rates per 1,000 words ({voice_name(voice)})"
    rows = scores[(scores["voice"] == voice) & ((scores["lexicon"] == lexicon) if lexicon else True)]
    rows = group_rows(rows, groups).copy()
    if rows.empty:
        return empty_figure(title, f"No scores for voice '{voice}'.")
    axes = axis_frames(rows) | set(axes)
    rows["column"] = [frame_label(f, p, axis=f in axes) for f, p in zip(rows["frame"], rows["pole"])]
    if "hits" not in rows:
        rows["hits"] = np.nan
    columns = list(dict.fromkeys(rows["column"]))
    groups = group_order(rows["group"].unique())
    wide = {name: rows.pivot_table(index="group", columns="column", values=name, aggfunc="first")
            .reindex(index=groups, columns=columns) for name in ("rate", "ci_low", "ci_high", "n_articles", "hits")}
    z = wide["rate"].to_numpy(float)
    weak = _weak_rates(z, wide)
    low, high = colour_range(z, ~weak)
    text = np.array([[_cell_text(r, h) for r, h in zip(zr, hr)] for zr, hr in zip(z, wide["hits"].to_numpy(float))],
                    dtype=object)
    y = [safe(g) for g in groups]
    x = [safe(c) for c in columns]
    heat = go.Heatmap(
        z=z, x=x, y=y, colorscale="YlOrRd", zmin=low, zmax=high,
        colorbar=dict(title=dict(text="hits per<br>1,000 words", side="top"), thickness=14),
        xgap=1, ygap=1, hoverinfo="skip", name="rates")
    # cells without enough evidence covered in plain grey (a faded colour read as another hue), numbers grey
    grey = go.Heatmap(z=np.where(weak, 1.0, np.nan), x=x, y=y, colorscale=[[0, WEAK_CELL], [1, WEAK_CELL]],
                      showscale=False, xgap=1, ygap=1, hoverinfo="skip", name=NOT_ENOUGH_EVIDENCE)
    if z.size <= max_cell_text:
        heat.update(text=np.where(weak, "", text), texttemplate="%{text}", textfont=dict(size=12))
        grey.update(text=np.where(weak, text, ""), texttemplate="%{text}", textfont=dict(size=12, color="#555"))
    fig = go.Figure([heat, grey, _cell_targets(rows, wide, groups, columns, weak, members or {})])
    fig.update_xaxes(side="top", tickangle=-35)
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=y,
                     ticktext=[f"{safe(g)} ({articles_text(n)})" for g, n in
                               zip(groups, wide["n_articles"].max(axis=1).to_numpy(float))])
    layout(fig, title, height=height_for(len(groups), per_row=34 if z.size <= max_cell_text else 22, base=320))
    fig.update_layout(clickmode="event+select", showlegend=False)
    fig.update_layout(margin=dict(t=80 + 6 * max(len(c) for c in columns)))
    if weak.any():
        footnote(fig, "grey cells: " + evidence_note(scale="the largest rate", max_share=RATE_INTERVAL_SHARE,
                                                      min_hits=MIN_HITS).removeprefix("faded: ")
                  + "; colours run from 0 to the largest rate with enough evidence")
    return fig


def _weak_rates(z: np.ndarray, wide: dict) -> np.ndarray:
    """Cells with "not enough evidence": 1 to ``MIN_HITS - 1`` hits, or the rules of
    ``weak_evidence`` with the interval measured against the largest rate resting on at least
    ``MIN_HITS`` hits (a few-hit cell must not widen the yardstick that judges it)."""
    hits = wide["hits"].to_numpy(float)
    few = (hits > 0) & (hits < MIN_HITS)  # NaN hits (not known) are never "few"
    solid = z[np.isfinite(z) & ~few]
    top = float(solid.max()) if solid.size and solid.max() > 0 else 1.0
    weak = weak_evidence(wide["ci_low"], wide["ci_high"], wide["n_articles"], max_share=RATE_INTERVAL_SHARE,
                         scale_range=top)
    return (weak | few) & np.isfinite(z)


def _cell_text(rate: float, hits: float) -> str:
    if np.isnan(rate):
        return ""
    return f"{rate:.1f}<br>{plural(hits, 'hit')}" if not np.isnan(hits) else f"{rate:.1f}"


def _cell_targets(rows: pd.DataFrame, wide: dict, groups: list, columns: list, weak: np.ndarray,
                  members: Mapping[str, str]) -> go.Scatter:
    """Invisible markers on the cells: they carry the hover and make a cell clickable (plotly
    selects points, not heatmap cells). ``customdata``: group, frame, pole, then the hover."""
    keys = rows.drop_duplicates(["group", "column"]).set_index(["group", "column"])
    xs, ys, custom = [], [], []
    for gi, group in enumerate(groups):
        inside = f"<br>outlets: {safe(members[group])}" if members.get(group) else ""
        for ci, column in enumerate(columns):
            if (group, column) not in keys.index:
                continue
            row = keys.loc[(group, column)]
            rate, low, high = (wide[k].iat[gi, ci] for k in ("rate", "ci_low", "ci_high"))
            n_art, hits = wide["n_articles"].iat[gi, ci], wide["hits"].iat[gi, ci]
            flag = f"<br><i>{NOT_ENOUGH_EVIDENCE}</i>" if weak[gi, ci] else ""
            xs.append(safe(column))
            ys.append(safe(group))
            custom.append([str(group), str(row["frame"]), str(row["pole"]), f"{rate:.2f}",
                           interval_text(low, high, n_art), plural(hits, "hit"), plural(n_art, "article"),
                           flag + inside])
    return go.Scatter(
        x=xs, y=ys, mode="markers", customdata=custom, name="cells", showlegend=False,
        marker=dict(symbol="square", size=22, opacity=0, color="#000"),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        hovertemplate=("<b>%{y}</b><br>%{x}<br>rate %{customdata[3]} per 1,000 words<br>%{customdata[4]}"
                       "<br>%{customdata[5]} in %{customdata[6]}%{customdata[7]}<br><i>click: the sentences behind it"
                       "</i><extra></extra>"),
    )


def actor_frame_heatmap(actor_scores: pd.DataFrame, *, actor: str, voice: str = "all", lexicon: str | None = None,
                        groups: Iterable[str] | None = None, title: str | None = None,
                        axes: Iterable[str] = (), members: Mapping[str, str] | None = None) -> go.Figure:
    """For one actor, frame x outlet rates of hits whose ``target`` is that actor (a
    ``score.frame_rates(..., by_target=True)`` table with a ``target`` column), of one
    ``lexicon``'s frames when given; ``axes`` as for ``frame_heatmap`` (only the poles with
    hits about the actor are in the table)."""
    require_columns(actor_scores, ["target"], "actor_frame_heatmap")
    part = actor_scores[actor_scores["target"] == actor]
    return frame_heatmap(part, voice=voice, lexicon=lexicon, groups=groups, axes=axes, members=members,
                         title=title or f"How each outlet frames {safe(actor)} ({voice_name(voice)})")


def axis_balance_plot(balance: pd.DataFrame, *, voice: str | None = None, lexicon: str | None = None,
                      groups: Iterable[str] | None = None, title: str | None = None,
                      members: Mapping[str, str] | None = None) -> go.Figure:
    """Per group, each axis's balance ``(A - B) / (A + B)`` in [-1, 1] with its bootstrap
    interval: one panel per axis, pole A on the right. A balance without enough evidence
    (``encoding.weak_evidence``: its interval spans more than half of -1..+1, no interval, or
    too few articles) is faded and labelled "not enough evidence". Rows in ``group_order``.
    Input: a ``score.axis_balance`` table (rows of ``voice`` and ``lexicon`` only, when given)."""
    require_columns(balance, ["group", "frame", "balance", "ci_low", "ci_high", "n_articles"], "axis_balance_plot")
    title = title or "Which pole each group leans to: balance (A − B) / (A + B), from −1 to +1"
    rows = group_rows(balance.dropna(subset=["balance"]), groups)
    if voice and "voice" in rows:
        rows = rows[rows["voice"] == voice]
    if lexicon and "lexicon" in rows:
        rows = rows[rows["lexicon"] == lexicon]
    if rows.empty:
        return empty_figure(title, "No axis has hits on either pole.")
    frames = list(dict.fromkeys(rows["frame"]))
    groups = group_order(rows["group"].unique())
    fig = make_subplots(rows=1, cols=len(frames), shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[_axis_title(rows[rows["frame"] == f], f) for f in frames])
    any_weak = False
    for i, frame in enumerate(frames, start=1):
        part = rows[rows["frame"] == frame].set_index("group").reindex(groups).dropna(subset=["balance"])
        weak = weak_evidence(part["ci_low"], part["ci_high"], part["n_articles"], scale_range=2.0)
        any_weak |= bool(weak.any())
        colour = QUALITATIVE[(i - 1) % len(QUALITATIVE)]
        for faded in (False, True):
            _balance_trace(fig, part[weak == faded], frame, colour, faded, members or {}, i,
                           legend=i == 1 and (faded or not weak.all()))
        fig.add_vline(x=0, line=dict(color="#999", width=1, dash="dot"), row=1, col=i)
    fig.update_xaxes(range=[-1.08, 1.08], tickvals=[-1, 0, 1], zeroline=False)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=[safe(g) for g in groups])
    layout(fig, title, height=height_for(len(groups), base=260))
    fig.update_layout(margin=dict(t=130), legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", yref="container"))
    if any_weak:
        footnote(fig, evidence_note(scale="−1..+1"), below_ticks=True)
    return fig


def _balance_trace(fig, part: pd.DataFrame, frame: str, colour: str, faded: bool, members: Mapping[str, str],
                   col: int, *, legend: bool) -> None:
    if part.empty:
        return
    tint = rgba(colour, FADED_OPACITY) if faded else colour
    hits = [f"{plural(a, 'hit')} on A, {plural(b, 'hit')} on B" if {"hits_a", "hits_b"} <= set(part) else ""
            for a, b in zip(part.get("hits_a", part["balance"]), part.get("hits_b", part["balance"]))]
    hover = [f"<b>{safe(g)}</b><br>{safe(frame)}: {v:+.2f}<br>{interval_text(lo, hi, n)}<br>{h}, "
             f"{articles_text(n)}" + (f"<br><i>{NOT_ENOUGH_EVIDENCE}</i>" if faded else "")
             + (f"<br>outlets: {safe(members[g])}" if members.get(g) else "")
             for g, v, lo, hi, n, h in zip(part.index, part["balance"], part["ci_low"].to_numpy(float),
                                           part["ci_high"].to_numpy(float), part["n_articles"].to_numpy(float), hits)]
    labels = [NOT_ENOUGH_EVIDENCE if faded else "" for _ in part.index]
    fig.add_trace(go.Scatter(
        x=part["balance"], y=[safe(g) for g in part.index], mode="markers+text" if faded else "markers",
        name=NOT_ENOUGH_EVIDENCE + " (faded)" if faded else "balance with its 95% interval",
        legendgroup="faded" if faded else "strong", showlegend=legend,
        marker=dict(size=9, color=tint, symbol="circle-open" if faded else "circle", line=dict(color=tint, width=2)),
        error_x={**dot_with_interval(part["balance"], part["ci_low"], part["ci_high"]), "color": tint},
        text=labels, textposition=["middle left" if v > 0 else "middle right" for v in part["balance"]],
        textfont=dict(size=10, color="#999"), hovertext=hover, hoverinfo="text",
    ), row=1, col=col)
