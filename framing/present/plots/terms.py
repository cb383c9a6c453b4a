"""Figures of distinctive terms: the 'Fightin' Words' scatter and the bars of the top terms."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.present.encoding import plural
from framing.present.plots.common import (
    empty_figure,
    footnote,
    height_for,
    layout,
    require_columns,
    safe,
    spaced_labels,
)


def _one_comparison(terms: pd.DataFrame, group: str | None) -> pd.DataFrame:
    """The rows of one comparison (``group`` against its ``vs``): the first group when None."""
    if "group" not in terms or terms.empty:
        return terms
    group = terms["group"].iloc[0] if group is None else group
    return terms[terms["group"] == group]


def _term_statistic(terms: pd.DataFrame) -> tuple[str, str]:
    """Log-odds tables carry ``z``; TF-IDF tables carry only ``score``."""
    if "z" in terms and terms["z"].notna().any():
        return "z", "z-score"
    return "score", "TF-IDF score"


def _term_hover(terms: pd.DataFrame) -> tuple[np.ndarray, str]:
    count_vs = terms["count_vs"] if "count_vs" in terms else pd.Series(0, index=terms.index)
    n_art = terms["n_articles"] if "n_articles" in terms else pd.Series(np.nan, index=terms.index)
    custom = np.column_stack([terms["term"].astype(str), terms["count"], count_vs, n_art]).astype(object)
    hover = ("<b>%{customdata[0]}</b><br>%{y:.2f}<br>%{customdata[1]} uses here, %{customdata[2]} in the rest"
             "<br>in %{customdata[3]} articles<extra></extra>")
    return custom, hover


def _log_ticks(largest: float) -> list[int]:
    """1, 2, 5, 10, 20, 50... up to the first tick at or above ``largest``: whole numbers a
    reader takes at face value on a log axis (plotly's own minor ticks read "2" for 20)."""
    ticks, base = [], 1
    while True:
        for step in (1, 2, 5):
            ticks.append(step * base)
            if step * base >= largest:
                return ticks
        base *= 10


#: The scatter's plotting area, in pixels (width, height), for spacing its labels.
PLOT_PX = (540, 600)


def terms_scatter(terms: pd.DataFrame, *, group: str | None = None, label_top: int = 12,
                  max_points: int = 4000, title: str | None = None) -> go.Figure:
    """Monroe, Colaresi and Quinn (2008) 'Fightin' Words' plot: each term's frequency (log
    scale) against its log-odds z-score (the TF-IDF score for TF-IDF tables); terms
    significant after correction are red, and the most distinctive on each side labelled.
    Input: a ``terms.distinctive_terms`` table; ``group`` picks one comparison. At most
    ``max_points`` terms are drawn, the most distinctive either way (the title says so). The
    term itself is ``customdata[0]`` of every point, for click-through."""
    require_columns(terms, ["term", "count"], "terms_scatter")
    terms = _one_comparison(terms, group)
    value, value_title = _term_statistic(terms)
    versus = f" vs {terms['vs'].iloc[0]}" if "vs" in terms and len(terms) else ""
    focus = f"{terms['group'].iloc[0]}{versus}: " if "group" in terms and len(terms) else ""
    title = title or f"{safe(focus)}distinctive terms ({value_title})"
    if len(terms) > max_points:
        terms = terms.loc[terms[value].abs().nlargest(max_points).index]
        title += f"<br><sup>the {max_points:,} most distinctive terms either way</sup>"
    if terms.empty:
        return empty_figure(title, "No term passes the minimum count.")
    uses = terms["count"] + terms.get("count_vs", 0)
    significant = (terms["significant"].astype("boolean").fillna(False).astype(bool) if "significant" in terms
                   else pd.Series(False, index=terms.index))
    candidates = pd.concat([terms.nlargest(label_top, value), terms.nsmallest(label_top, value)])
    candidates = candidates[~candidates.index.duplicated()]  # few terms: the same on both lists
    order = np.argsort(-np.abs(candidates[value].to_numpy(float)), kind="stable")  # most distinctive first
    x_span, y_span = np.log10(max(float(uses.max()), 10)), float(np.ptp(terms[value])) or 1.0
    labelled = spaced_labels(candidates["term"].astype(str).to_numpy()[order],
                             np.log10(uses[candidates.index].clip(lower=1)).to_numpy(float)[order] / x_span * PLOT_PX[0],
                             candidates[value].to_numpy(float)[order] / y_span * PLOT_PX[1], line_px=33)
    fig = go.Figure()
    for flag, name, colour in ((False, "not significant", "#bbbbbb"), (True, "significant after correction", "#d62728")):
        part = terms[significant == flag]
        custom, hover = _term_hover(part)
        fig.add_trace(go.Scattergl(
            x=uses[part.index], y=part[value], mode="markers", name=name, text=part["term"].map(safe),
            marker=dict(size=6, color=colour, opacity=0.75), customdata=custom, hovertemplate=hover))
    top = terms[terms["term"].isin(labelled)]
    fig.add_trace(go.Scatter(x=uses[top.index], y=top[value], mode="text", text=top["term"].map(safe),
                             showlegend=False, textposition="top center", textfont=dict(size=12), hoverinfo="skip"))
    fig.add_hline(y=0, line=dict(color="#999", width=1))
    ticks = _log_ticks(float(uses.max()))
    fig.update_xaxes(type="log", title="uses in the corpus (log scale)", tickmode="array", tickvals=ticks,
                     ticktext=[f"{t:,}" for t in ticks])
    first = safe(terms["group"].iloc[0]) if "group" in terms else "the first group"
    fig.update_yaxes(title=f"{value_title} (higher: more distinctive of {first})")
    fig.update_layout(legend=dict(orientation="h", y=-0.15))
    return layout(fig, title, height=540)


def terms_bars(terms: pd.DataFrame, *, group: str | None = None, top: int = 15,
               title: str | None = None) -> go.Figure:
    """The ``top`` most distinctive terms on each side (for TF-IDF, the top terms of the
    group), as bars of their statistic, greyed out when not significant after correction; the
    term is ``customdata[0]`` of each bar."""
    require_columns(terms, ["term", "count"], "terms_bars")
    terms = _one_comparison(terms, group)
    value, value_title = _term_statistic(terms)
    title = title or f"Top {top} distinctive terms ({value_title})"
    if terms.empty:
        return empty_figure(title, "No term passes the minimum count.")
    sides = [terms.nlargest(top, value)] + ([terms.nsmallest(top, value)] if value == "z" else [])
    chosen = pd.concat(sides).drop_duplicates("term").sort_values(value)
    custom, hover = _term_hover(chosen)
    side_names = (str(chosen["group"].iloc[0]), str(chosen["vs"].iloc[0])) if {"group", "vs"} <= set(chosen) else ("", "")
    fig = go.Figure(go.Bar(
        x=chosen[value], y=chosen["term"].map(safe), orientation="h", customdata=custom,
        marker_color=_significance_colours(chosen, value), cliponaxis=False, showlegend=False,
        hovertemplate=hover.replace("%{y:.2f}", "%{x:.2f}"),
    ))
    axis = value_title
    if value == "z":
        _uses_beside_zero(fig, chosen)
        if side_names[0]:
            axis = f"← {safe(side_names[1])} | {value_title} | {safe(side_names[0])} →"
    else:
        fig.update_traces(text=[plural(c, "use") for c in chosen["count"]], textposition="outside",
                          textfont=dict(size=11, color="#555"))
    fig.update_xaxes(title=axis)
    layout(fig, title, height=height_for(len(chosen), per_row=18, base=160))
    if value == "z":  # after the axis title: the note goes under it, not on it
        footnote(fig, "strong red or blue: significant after correction for testing every term; pale: not "
                 "significant (could be chance)", below_ticks=True)
    return fig


def _uses_beside_zero(fig: go.Figure, chosen: pd.DataFrame) -> None:
    """Each bar's uses, on the side it is distinctive of (the group's for a red bar, the other
    side's for a blue one), printed just across the zero line, where its row is empty: outside
    the bar's end they ran into the term labels (blue) or off the figure (red). The axis keeps
    room across zero for them."""
    right = chosen["z"] >= 0
    uses = np.where(right, chosen["count"], chosen["count_vs"] if "count_vs" in chosen else chosen["count"])
    fig.add_trace(go.Scatter(
        x=np.zeros(len(chosen)), y=chosen["term"].map(safe), mode="text", showlegend=False, hoverinfo="skip",
        text=[plural(int(n), "use") for n in uses], textposition=np.where(right, "middle left", "middle right"),
        textfont=dict(size=11, color="#555")))
    low, high = float(chosen["z"].min()), float(chosen["z"].max())
    room = 0.3 * max(abs(low), abs(high), 1.0)
    fig.update_xaxes(range=[min(low * 1.05, -room), max(high * 1.05, room)])


def _significance_colours(terms: pd.DataFrame, value: str) -> np.ndarray:
    """Red or blue by side; a term that is not significant after correction greyed out."""
    colours = np.where(terms[value] >= 0, "#d62728", "#1f77b4")
    if "significant" in terms and terms["significant"].notna().any():
        significant = terms["significant"].astype("boolean").fillna(False).to_numpy(bool)
        colours = np.where(significant, colours, np.where(terms[value] >= 0, "#f0b8b8", "#b8cde0"))
    return colours
