"""The loaded-language figure: each outlet's (or group's) loaded language per 1,000 words,
one dot per voice with its bootstrap interval. A pure function like those of
``framing.present.plots``: a ``score.loaded_rates`` table in, a plotly ``Figure`` out."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.errors import SettingsError
from framing.present.plots import FONT, LOW_SUPPORT_MARK, safe, voice_name

#: A colour per voice, the same in every loaded-language figure.
VOICE_COLOURS = {"all": "#1a1a1a", "author": "#d62728", "quoted": "#1f77b4", "distanced": "#9467bd"}
COLUMNS = ("group", "voice", "rate", "ci_low", "ci_high", "hits", "loaded", "n_articles")


def loaded_rates_plot(rates: pd.DataFrame, *, voices: Sequence[str] = ("all", "author", "quoted"),
                      groups: Iterable[str] | None = None, title: str | None = None) -> go.Figure:
    """Loaded language per 1,000 words of each group (rows, the most loaded first by the first
    of ``voices``), one dot per voice with its 95% bootstrap interval; open circles rest on
    too few articles (``low_support``). Each dot's ``customdata`` starts with the group."""
    missing = [c for c in COLUMNS if c not in rates.columns]
    if missing:
        raise SettingsError(f"loaded_rates_plot: the table lacks column(s) {missing} (a score.loaded_rates table)")
    title = title or "Loaded language per 1,000 words (weighted loaded words, 95% intervals over articles)"
    rows = rates[rates["voice"].isin(list(voices))]
    if groups is not None:
        rows = rows[rows["group"].isin(list(groups))]
    fig = go.Figure()
    if rows.empty:
        fig.add_annotation(text="No scores to show.", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        return _layout(fig, title, 260)
    first = rows[rows["voice"] == voices[0]].sort_values(["rate", "group"], ascending=[False, True])
    order = list(dict.fromkeys([*first["group"], *sorted(rows["group"].unique(), key=str)]))
    for voice in voices:
        part = rows[rows["voice"] == voice].set_index("group").reindex(order).dropna(subset=["rate"])
        if part.empty:
            continue
        low = part.get("low_support", pd.Series(False, index=part.index)).fillna(False).astype(bool)
        fig.add_trace(go.Scatter(
            x=part["rate"], y=[safe(g) for g in part.index], mode="markers", name=safe(voice_name(voice)),
            marker=dict(size=10, color=VOICE_COLOURS.get(voice, "#7f7f7f"),
                        symbol=["circle-open" if flag else "circle" for flag in low]),
            error_x=dict(type="data", symmetric=False, thickness=1.5, width=3,
                         array=(part["ci_high"] - part["rate"]).clip(lower=0).fillna(0).to_numpy(float),
                         arrayminus=(part["rate"] - part["ci_low"]).clip(lower=0).fillna(0).to_numpy(float)),
            customdata=np.column_stack([np.asarray(part.index, dtype=object), part["ci_low"], part["ci_high"],
                                        part["hits"], part["loaded"], part["n_articles"]]),
            hovertemplate=(f"<b>%{{y}}</b>, {safe(voice_name(voice))}<br>%{{x:.1f}} per 1,000 words<br>"
                           "95% CI %{customdata[1]:.1f} – %{customdata[2]:.1f}<br>%{customdata[3]} loaded words "
                           "(weight %{customdata[4]:.1f}), %{customdata[5]} articles<extra></extra>"),
        ))
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=[safe(g) for g in order])
    fig.update_xaxes(title=dict(text="weighted loaded words per 1,000 words"), rangemode="tozero")
    fig.update_layout(legend=dict(title=dict(text="voice"), orientation="h", y=1.02, yanchor="bottom", x=0),
                      clickmode="event+select")
    _layout(fig, title, int(min(4000, 220 + 30 * len(order))))
    if low.any() or rows.get("low_support", pd.Series(dtype=bool)).fillna(False).astype(bool).any():
        fig.add_annotation(text=f"open circles ({LOW_SUPPORT_MARK}) rest on too few articles for a stable figure",
                           showarrow=False, x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top",
                           yshift=-40, font=dict(size=13, color="#444"))
        fig.update_layout(margin=dict(b=80))
    return fig


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title=dict(text=title, x=0, xanchor="left"), font=FONT, height=height,
                      margin=dict(l=10, r=10, t=90, b=50), template="plotly_white")
    return fig
