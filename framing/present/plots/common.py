"""What every figure shares: the look (font, qualitative colours, titles and heights a projector
reads), how a name from the corpus becomes label text (``safe``), how a frame and a voice are
named, the low-support mark and interval texts, and the check that a table has its columns."""
from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.errors import SettingsError

LOW_SUPPORT_MARK = "†"
#: Dark text at 14 px: readable on a projector and in a printed figure.
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14, color="#1a1a1a")
#: How a title names a voice (the ``voice`` column of the score tables).
VOICE_NAMES = {"all": "all voices", "author": "the outlet's own words", "quoted": "quoted sources",
               "distanced": "scare quotes"}
QUALITATIVE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
               "#7f7f7f", "#bcbd22", "#17becf")


def safe(value: object) -> str:
    """A name from the corpus or a lexicon as plotly label text: plotly reads a few HTML tags
    in labels, so ``<`` and ``&`` are escaped and the name shows as written."""
    return html.escape(str(value), quote=False)


def frame_label(frame: str, pole: str | None, *, axis: bool = False) -> str:
    """``frame`` for a one-pole frame, ``frame: pole`` for a pole of an axis (``axis=True``:
    even the pole named like its frame, so "threat: threat" stands beside "threat: stability")."""
    if pole is None or (isinstance(pole, float) and np.isnan(pole)) or pole == "" or (pole == frame and not axis):
        return str(frame)
    return f"{frame}: {pole}"


def voice_name(voice: str | None) -> str:
    """A voice as a title names it: ``quoted`` -> "quoted sources"."""
    return VOICE_NAMES.get(voice or "all", f"{safe(voice)} voice")


def require_columns(table: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """A ``SettingsError`` naming the columns ``table`` lacks for the figure ``what``."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SettingsError(f"{what}: the table lacks column(s) {missing}; it has {list(table.columns)} "
                            "(see docs/data-model.md)")


#: Rough width of one character and height of one line of 12-pixel label text, in pixels.
LABEL_CHAR_PX, LABEL_LINE_PX = 6.5, 16.0


def spaced_labels(names: Iterable[str], x_px: Iterable[float], y_px: Iterable[float], *,
                  char_px: float = LABEL_CHAR_PX, line_px: float = LABEL_LINE_PX) -> set[str]:
    """The points to label, taken in the order given (most important first), leaving out any
    whose label, centred above its point, would overlap one already kept (a cluster of labels
    printed on each other reads as none). ``x_px``, ``y_px``: where the points are drawn, in
    pixels; ``char_px``, ``line_px``: a label's character width and line height."""
    kept: list[tuple[float, float, int]] = []
    labels: set[str] = set()
    for name, px, py in zip(names, x_px, y_px):
        px, py = float(px), float(py)
        if all(abs(px - kx) > (len(name) + n) / 2 * char_px or abs(py - ky) > line_px for kx, ky, n in kept):
            kept.append((px, py, len(name)))
            labels.add(name)
    return labels


def empty_figure(title: str, message: str) -> go.Figure:
    """A figure with no data that says why (``message``) under its ``title``."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font=dict(size=15, color="#555"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return layout(fig, title, height=260)


def layout(fig: go.Figure, title: str, *, height: int) -> go.Figure:
    """The shared look: title on the left, ``FONT``, white template, ``height`` pixels."""
    fig.update_layout(title=dict(text=title, x=0, xanchor="left"), font=FONT, height=height,
                      margin=dict(l=10, r=10, t=60, b=40), template="plotly_white")
    return fig


def height_for(n_rows: int, *, per_row: int = 28, base: int = 160, cap: int = 4000) -> int:
    """Pixels for a figure of ``n_rows`` rows (outlets, terms), at most ``cap``."""
    return int(min(cap, base + per_row * max(n_rows, 1)))


def axis_frames(rows: pd.DataFrame) -> set:
    """Frames with two or more poles among ``rows`` (per lexicon when there is a lexicon column)."""
    keys = ["lexicon", "frame"] if "lexicon" in rows else ["frame"]
    counts = rows.groupby(keys, observed=True)["pole"].nunique()
    return {key[-1] if isinstance(key, tuple) else key for key, n in counts.items() if n >= 2}


def support_marks(low: pd.Series) -> pd.Series:
    """``LOW_SUPPORT_MARK`` where ``low_support`` is true, else an empty string."""
    return low.fillna(False).astype(bool).map({True: LOW_SUPPORT_MARK, False: ""})


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit - 1]) + "…"


def articles_text(n: float) -> str:
    """``1 article``, ``12 articles`` (``? articles`` when unknown)."""
    if np.isnan(n):
        return "? articles"
    return f"{n:,.0f} article" + ("" if n == 1 else "s")


def interval_text(low: float, high: float, n_articles: float) -> str:
    """A rate's 95% interval for a hover, or why there is none."""
    if np.isnan(low) or np.isnan(high):
        return f"no interval ({n_articles:.0f} article{'s' if n_articles != 1 else ''})"
    return f"95% CI {low:.2f} – {high:.2f}"


def group_rows(table: pd.DataFrame, groups: Iterable[str] | None) -> pd.DataFrame:
    """The rows of the chosen ``groups`` (all rows when None)."""
    return table if groups is None else table[table["group"].isin(list(groups))]


def voice_rows(table: pd.DataFrame, voice: str | None) -> pd.DataFrame:
    """The rows of one ``voice`` (all rows when None or when the table has no voice column)."""
    return table[table["voice"] == voice] if voice and "voice" in table else table


#: Characters per line of a note under a plot, about 500 pixels, the width of the terms view's
#: bar chart (Plotly never wraps an annotation: a long note ran off the right edge).
FOOTNOTE_WIDTH = 70


def footnote(fig: go.Figure, text: str, *, below_ticks: bool = False) -> None:
    """A note under the plot, wrapped into lines of ``FOOTNOTE_WIDTH`` characters; ``below_ticks``
    moves it under the x tick labels, and under the x axis title when the figure has one already
    (call it after setting the title). The bottom margin makes room for every line."""
    lines = textwrap.wrap(text, FOOTNOTE_WIDTH) or [""]
    shift = (30 + (22 if fig.layout.xaxis.title.text else 0)) if below_ticks else 4
    fig.add_annotation(text="<br>".join(lines), showarrow=False, x=0, y=0, xref="paper", yref="paper",
                       xanchor="left", yanchor="top", yshift=-shift, align="left", font=dict(size=13, color="#444"))
    needed = shift + 18 * len(lines) + 12
    fig.update_layout(margin=dict(b=max(fig.layout.margin.b or 0, needed)))


def dot_with_interval(x: pd.Series, lo: pd.Series, hi: pd.Series) -> dict:
    """Plotly error bars from ``lo`` to ``hi`` around the dots ``x``."""
    return dict(type="data", symmetric=False, array=(hi - x).clip(lower=0).to_numpy(float),
                arrayminus=(x - lo).clip(lower=0).to_numpy(float), thickness=1.5, width=3)
