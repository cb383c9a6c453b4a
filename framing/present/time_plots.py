"""Framing over time: a score per period (``ScoreSettings.period``) and group, as one line per
group with its bootstrap interval as a band. Pure functions: a score table in, a
``plotly.graph_objects.Figure`` out.

Honest by construction (``framing.present.encoding``): a period where a group has no article
is a gap in its line, not a zero; a point with not enough evidence is drawn open and faded
and its hover says why; every hover gives the count behind the point; lines are labelled at
their ends (colour alone cannot tell a dozen groups apart); groups follow the page's order.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.errors import SettingsError
from framing.measure.periods import PERIOD_COLUMN, period_start
from framing.present.encoding import (
    FADED_OPACITY,
    NOT_ENOUGH_EVIDENCE,
    evidence_note,
    group_colours,
    group_order,
    plural,
    rgba,
    weak_evidence,
)
from framing.present.plots.common import empty_figure
from framing.settings import MIN_ARTICLES

FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14, color="#1a1a1a")
#: What each score's value means on the y axis, its fixed range (None: from 0 to the data),
#: and the count shown beside it.
VALUES = {"rate": ("hits per 1,000 words", None, "hits", "hit"),
          "balance": ("balance (A − B) / (A + B)", (-1.0, 1.0), "n_articles", "article"),
          "share": ("share of the referent's mentions", (0.0, 1.0), "count", "mention"),
          "sentiment": ("mean VADER compound", (-1.0, 1.0), "n_sentences", "sentence")}


def _safe(value: object) -> str:
    import html
    return html.escape(str(value), quote=False)


def series_label_columns(table: pd.DataFrame) -> list[str]:
    """The group columns of a score table other than the period (those between ``group`` and
    ``lexicon``, the first feature column of every score table)."""
    columns = list(table.columns)
    return [c for c in columns[columns.index("group") + 1:columns.index("lexicon")] if c != PERIOD_COLUMN]


def over_time_plot(table: pd.DataFrame, *, value: str = "rate", select: Mapping[str, str] | None = None,
                   groups: Iterable[str] | None = None, max_groups: int = 12, title: str | None = None,
                   min_articles: int = MIN_ARTICLES) -> go.Figure:
    """One line per group over the periods of a score table made with ``period`` (rows chosen
    by ``select``, e.g. ``{"frame": "threat", "pole": "threat", "voice": "all"}``), each point
    with its interval band; ``groups`` (labels without the period) picks the lines, else the
    ``max_groups`` with the most articles (the title says so)."""
    if value not in VALUES:
        raise SettingsError(f"over_time_plot: value must be one of {', '.join(VALUES)}, got {value!r}")
    needed = ["group", PERIOD_COLUMN, value, "ci_low", "ci_high", "n_articles"]
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise SettingsError(f"over_time_plot: the table lacks {missing}; score with a period (ScoreSettings.period)")
    rows = table
    for column, wanted in (select or {}).items():
        rows = rows[rows[column].astype(str) == str(wanted)]
    rows = rows.assign(series=_series_labels(rows))
    y_title, y_range, count_column, count_noun = VALUES[value]
    if {"pole_a", "pole_b"} <= set(rows.columns) and len(rows):
        y_title = f"← {_safe(rows['pole_b'].iloc[0])} · balance · {_safe(rows['pole_a'].iloc[0])} →"
    title = title or f"{VALUES[value][0]} per {_period_name(rows)}"
    chosen, note = _chosen_series(rows, groups, max_groups)
    rows = rows[rows["series"].isin(chosen)]
    if rows.empty or rows[value].notna().sum() == 0:
        return empty_figure(title, "No dated article in the selection: nothing to draw over time.")
    periods = sorted(rows[PERIOD_COLUMN].dropna().unique())
    x = [period_start(p) for p in periods]
    scale = (y_range[1] - y_range[0]) if y_range else _data_range(rows, value)
    colours = group_colours(chosen)
    fig, ends = go.Figure(), []
    for i, series in enumerate(chosen):
        part = rows[rows["series"] == series].set_index(PERIOD_COLUMN).reindex(periods)
        weak = weak_evidence(part["ci_low"], part["ci_high"], part["n_articles"], scale_range=scale,
                             min_articles=min_articles) & part[value].notna().to_numpy()
        shifted = _dodged(x, i, len(chosen), _period_name(rows))
        _add_series(fig, series, part, shifted, periods, value, weak, colours[series], count_column, count_noun)
        drawn = np.flatnonzero(part[value].notna().to_numpy())
        if drawn.size:
            ends.append((series, max(shifted), float(part[value].iloc[drawn[-1]]), colours[series]))
    top = np.nanmax([*rows["ci_high"].to_numpy(float), *rows[value].to_numpy(float), 0.0])
    y_range = y_range or (0.0, float(top) * 1.05 or 1.0)
    _end_labels(fig, ends, *y_range)
    _finish(fig, title + (f"<br><sup>{note}</sup>" if note else ""), y_title, y_range, x, _period_name(rows))
    fig.update_layout(showlegend=len(chosen) <= 6)
    _note(fig, "bars: 95% bootstrap intervals over articles · a gap: no article in that period<br>"
          + evidence_note(scale="the axis" if y_range else "the largest value", min_articles=min_articles))
    return fig


def rates_over_time_plot(rates: pd.DataFrame, *, frame: str, pole: str | None = None, voice: str = "all",
                         groups: Iterable[str] | None = None, max_groups: int = 12, title: str | None = None,
                         min_articles: int = MIN_ARTICLES) -> go.Figure:
    """Hits per 1,000 words of one frame pole (the frame's only pole when None) per period,
    from ``score.frame_rates`` with a period."""
    part = rates[rates["frame"].astype(str) == frame]
    if part.empty:
        raise SettingsError(f"rates_over_time_plot: no frame {frame!r} in the table; it has "
                            f"{', '.join(sorted(map(str, rates['frame'].unique())))}")
    pole = pole if pole is not None else str(part["pole"].iloc[0])
    name = frame if pole == frame else f"{frame}: {pole}"
    return over_time_plot(part, value="rate", select={"pole": pole, "voice": voice}, groups=groups,
                          max_groups=max_groups, min_articles=min_articles,
                          title=title or f"{_safe(name)}: hits per 1,000 words per {_period_name(part)}")


def _series_labels(rows: pd.DataFrame) -> pd.Series:
    columns = series_label_columns(rows)
    if not columns:
        return pd.Series("all articles", index=rows.index)
    return rows[columns].astype(str).agg(" / ".join, axis=1)


def _period_name(rows: pd.DataFrame) -> str:
    labels = rows[PERIOD_COLUMN].dropna().astype(str)
    if labels.empty:
        return "period"
    length = labels.str.len().max()
    return {4: "year", 7: "month"}.get(length, "week")


def _chosen_series(rows: pd.DataFrame, groups, max_groups: int) -> tuple[list[str], str]:
    known = group_order(rows["series"].unique())
    if groups is not None:
        wanted = [str(g) for g in groups]
        return [g for g in known if g in wanted], ""
    if len(known) <= max_groups:
        return known, ""
    size = rows.groupby("series")["n_articles"].sum()
    top = set(size.sort_values(ascending=False, kind="stable").index[:max_groups])
    return [g for g in known if g in top], f"the {max_groups} of {len(known)} groups with the most articles"


def _dodged(x: list, i: int, n: int, period: str) -> list:
    """Each series' points moved a little sideways (up to a fifth of the period either way),
    so intervals of the same period do not hide one another."""
    if n < 2:
        return list(x)
    span = {"year": 365, "month": 30, "week": 7}[period] * 0.4
    hours = (i / (n - 1) - 0.5) * span * 24
    return [pd.Timestamp(d) + pd.Timedelta(hours=hours) for d in x]


def _data_range(rows: pd.DataFrame, value: str) -> float:
    top = np.nanmax(rows[value].to_numpy(float)) if rows[value].notna().any() else 1.0
    return float(top) if top > 0 else 1.0


def _add_series(fig: go.Figure, series: str, part: pd.DataFrame, x, periods, value: str, weak: np.ndarray,
                colour: str, count_column: str, count_noun: str) -> None:
    """A line through the points, then the points with enough evidence (solid, with their
    interval) and those without (open, faded, interval faded), in one legend entry."""
    y = part[value].to_numpy(float)
    low, high = part["ci_low"].to_numpy(float), part["ci_high"].to_numpy(float)
    counts = part[count_column].to_numpy(float) if count_column in part else np.full(len(part), np.nan)
    hover = [_hover(series, p, v, lo, hi, c, n, count_noun, w)
             for p, v, lo, hi, c, n, w in zip(periods, y, low, high, counts, part["n_articles"].to_numpy(float), weak)]
    fig.add_trace(go.Scatter(x=x, y=y, mode="lines", name=_safe(series), legendgroup=series, connectgaps=False,
                             line=dict(color=rgba(colour, 0.7), width=1.5), hoverinfo="skip"))
    for faded in (False, True):
        keep = (weak == faded) & ~np.isnan(y)
        if not keep.any():
            continue
        tint = rgba(colour, FADED_OPACITY) if faded else colour
        fig.add_trace(go.Scatter(
            x=np.array(x, dtype=object)[keep], y=y[keep], mode="markers", legendgroup=series, showlegend=False,
            name=_safe(series), text=np.array(hover, dtype=object)[keep], hovertemplate="%{text}<extra></extra>",
            marker=dict(size=9, color=tint, symbol="circle-open" if faded else "circle", line=dict(color=tint, width=2)),
            error_y=dict(type="data", symmetric=False, array=np.nan_to_num(high[keep] - y[keep]).clip(0),
                         arrayminus=np.nan_to_num(y[keep] - low[keep]).clip(0), color=tint, thickness=1.5, width=4),
            customdata=[[series, p] for p, k in zip(periods, keep) if k]))


def _end_labels(fig: go.Figure, ends: list[tuple[str, object, float, str]], y_low: float, y_high: float) -> None:
    """Each line's name at its last point, nudged apart (within the axis) so close ends stay
    readable."""
    gap = 0.06 * (y_high - y_low)
    ends = sorted(ends, key=lambda e: -e[2])
    at: list[float] = []
    for _, _, y, _ in ends:  # downwards from the top, a gap apart
        at.append(min(y, at[-1] - gap) if at else min(y, y_high))
    if at and at[-1] < y_low:  # then upwards from the bottom, if the last fell off the axis
        at[-1] = y_low
        for i in range(len(at) - 2, -1, -1):
            at[i] = max(at[i], at[i + 1] + gap)
    for (series, x, _, colour), y in zip(ends, at):
        fig.add_annotation(x=x, y=y, text=_safe(series), showarrow=False, xanchor="left", xshift=12,
                           font=dict(size=12, color=colour))


def _hover(series, period, value, low, high, count, n_articles, noun, weak) -> str:
    if np.isnan(value):
        return f"<b>{_safe(series)}</b> · {period}<br>no article"
    interval = "no interval" if np.isnan(low) or np.isnan(high) else f"95% CI {low:.2f} – {high:.2f}"
    counted = f"{plural(count, noun)} in {plural(n_articles, 'article')}" if noun != "article" else plural(n_articles, "article")
    flag = f"<br><i>{NOT_ENOUGH_EVIDENCE}</i>" if weak else ""
    return f"<b>{_safe(series)}</b> · {period}<br>{value:.2f} ({interval})<br>{counted}{flag}"


def _finish(fig: go.Figure, title: str, y_title: str, y_range, x, period: str) -> None:
    fig.update_layout(title=dict(text=title, x=0.01, xanchor="left"), font=FONT, template="plotly_white", height=500,
                      margin=dict(l=10, r=150, t=110, b=100), hovermode="closest",
                      legend=dict(orientation="h", x=0, y=1.02, yanchor="bottom", title=dict(text="")))
    low, high = y_range
    pad = 0.04 * (high - low) if low < 0 else 0.0
    fig.update_yaxes(title=y_title, range=[low - pad, high + 0.04 * (high - low)])
    pad = pd.Timedelta(days={"year": 120, "month": 10, "week": 3}[period])
    fig.update_xaxes(title=None, range=[pd.Timestamp(min(x)) - pad, pd.Timestamp(max(x)) + pad])
    if y_range[0] < 0:
        fig.add_hline(y=0, line=dict(color="#999", width=1, dash="dot"))


def _note(fig: go.Figure, text: str) -> None:
    fig.add_annotation(text=text, showarrow=False, x=0, y=0, xref="paper", yref="paper", xanchor="left",
                       yanchor="top", yshift=-40, font=dict(size=12, color="#444"), align="left")


