"""Figures of naming: which label of a naming set each outlet uses for the same referent."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.present.encoding import (
    group_order,
    plural,
)
from framing.present.plots.common import (
    QUALITATIVE,
    articles_text,
    empty_figure,
    footnote,
    group_rows,
    height_for,
    layout,
    require_columns,
    safe,
    voice_rows,
)


def label_shares_plot(shares: pd.DataFrame, *, naming_set: str | None = None, voice: str | None = None,
                      groups: Iterable[str] | None = None, title: str | None = None,
                      members: Mapping[str, str] | None = None) -> go.Figure:
    """Stacked horizontal bars: for one naming set, each outlet's share of each label (the
    shares of an outlet sum to 1), the hover giving the uses, the interval and the articles.
    Outlets that never name the referent get no bar: a footnote names them. Input: a
    ``score.label_shares`` table. ``customdata`` of a bar: uses, total, interval text,
    articles, group, label (a click names the outlet and label). Each segment prints its share
    and count ("60% · 3") and each row its mentions, so no share stands without its count;
    rows in ``group_order``; ``members``: group -> its outlets, for the hover."""
    require_columns(shares, ["group", "naming_set", "label", "share", "count"], "label_shares_plot")
    shares = group_rows(voice_rows(shares, voice), groups)
    sets = list(dict.fromkeys(shares["naming_set"]))
    if naming_set is None and sets:
        naming_set = sets[0]
    title = title or f"Labels used for {safe(naming_set)}"
    part = shares[shares["naming_set"] == naming_set]
    totals = part.groupby("group")["total" if "total" in part else "count"].max() if len(part) else pd.Series(dtype=float)
    silent = sorted((g for g, t in totals.items() if not t > 0), key=str)
    part = part[~part["group"].isin(silent)]
    if part.empty:
        return empty_figure(title, f"No outlet uses any label of '{safe(naming_set)}'.")
    groups = group_order(part["group"].unique())
    totals = totals.reindex(groups)
    inside = members or {}
    fig = go.Figure()
    for i, label in enumerate(dict.fromkeys(part["label"])):
        rows = part[part["label"] == label].set_index("group").reindex(groups)
        share, count = rows["share"].fillna(0).to_numpy(float), rows["count"].fillna(0).to_numpy(float)
        fig.add_trace(go.Bar(
            y=[safe(g) for g in groups], x=share, name=safe(label), orientation="h",
            marker_color=QUALITATIVE[i % len(QUALITATIVE)], customdata=_share_custom(rows, groups, label, inside),
            text=[f"{v:.0%} · {c:.0f}" if c else "" for v, c in zip(share, count)], textposition="inside",
            insidetextanchor="middle", textfont=dict(size=12),
            hovertemplate=(f"<b>%{{y}}</b><br>{safe(label)}: %{{x:.0%}} (%{{customdata[0]}} of %{{customdata[1]}} "
                           "mentions)<br>%{customdata[2]} · %{customdata[3]}%{customdata[6]}<extra></extra>"),
        ))
    fig.update_yaxes(tickmode="array", tickvals=[safe(g) for g in groups],
                     ticktext=[f"{safe(g)} ({plural(t, 'mention')})" for g, t in zip(groups, totals.to_numpy(float))])
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.12), clickmode="event+select")
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    fig.update_yaxes(autorange="reversed")
    layout(fig, title, height=height_for(len(groups), base=240))
    if silent:
        footnote(fig, "Never named by: " + ", ".join(safe(g) for g in silent[:12])
                  + (f" and {len(silent) - 12} more" if len(silent) > 12 else ""), below_ticks=True)
        fig.update_layout(legend=dict(y=-0.25))
    return fig


def _share_custom(rows: pd.DataFrame, groups: list, label: str, members: Mapping[str, str]) -> list[list]:
    count = rows["count"].fillna(0).to_numpy(float)
    total = rows["total"].fillna(0).to_numpy(float) if "total" in rows else count
    low = rows["ci_low"].to_numpy(float) if "ci_low" in rows else np.full(len(rows), np.nan)
    high = rows["ci_high"].to_numpy(float) if "ci_high" in rows else np.full(len(rows), np.nan)
    n_art = rows["n_articles"].to_numpy(float) if "n_articles" in rows else np.full(len(rows), np.nan)
    return [[f"{c:.0f}", f"{t:.0f}",
             "no interval" if np.isnan(lo) or np.isnan(hi) else f"95% CI {lo:.0%} – {hi:.0%}",
             articles_text(n), str(g), str(label), f"<br>outlets: {safe(members[g])}" if members.get(g) else ""]
            for c, t, lo, hi, n, g in zip(count, total, low, high, n_art, groups)]
