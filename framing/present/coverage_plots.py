"""Coverage figures that scale to hundreds of events and outlets: who covered which event, by
group (a leaning, a country: a handful of columns, however many outlets) or by outlet (the
events and outlets that matter most, with the rest counted in the title). Pure functions:
tables of ``framing.compare.coverage`` in, ``plotly.graph_objects.Figure`` out.
"""
from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from framing.errors import SettingsError
from framing.present.encoding import group_colours, group_order, plural
from framing.present.plots.common import empty_figure

FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14, color="#1a1a1a")
KIND_NAMES = {"only": "only one group", "mostly": "mostly one group", "missing": "a group missing"}


def _safe(value: object) -> str:
    return html.escape(str(value), quote=False)


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit - 1]) + "…"


def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SettingsError(f"{what}: the table lacks column(s) {missing}; it has {list(table.columns)} "
                            "(see docs/data-model.md)")


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title=dict(text=title, x=0.01, xanchor="left"), font=FONT, template="plotly_white",
                      height=height, margin=dict(l=10, r=10, t=90, b=50))
    return fig


def group_coverage_plot(coverage: pd.DataFrame, *, events: Sequence[str] | None = None,
                        labels: Mapping[str, str] | None = None, top: int = 40, title: str | None = None,
                        by: str = "group") -> go.Figure:
    """One bar per event, split into its groups' articles (a ``group_coverage`` table); the
    hover names each group's outlets. ``events`` gives the events and their order (e.g. a
    blindspot list), else the events with the most articles; at most ``top`` are drawn and
    the title says how many there are."""
    _require(coverage, ["event_id", "group", "n_articles", "outlets"], "group_coverage_plot")
    all_events = list(dict.fromkeys(coverage["event_id"]))
    title = title or f"Who covered each event, by {_safe(by)}"
    if events is None:
        totals = coverage.groupby("event_id", sort=False)["n_articles"].sum()
        events = list(totals.sort_values(ascending=False, kind="stable").index)
    events = [e for e in events if e in set(all_events)]
    shown = events[:top]
    if not shown:
        return empty_figure(title, "No event with articles of any group.")
    if len(events) > len(shown):
        title += f"<br><sup>{len(shown)} of {len(events):,} events shown; search the table for the others</sup>"
    names = labels or {}
    y = [_safe(_shorten(str(names.get(e, e)), 60)) for e in shown]
    part = coverage[coverage["event_id"].isin(set(shown))]
    groups = group_order(part["group"].unique())
    colours = group_colours(groups)
    fig = go.Figure()
    for group in groups:
        rows = part[part["group"] == group].set_index("event_id").reindex(shown)
        counts = rows["n_articles"].fillna(0).to_numpy(float)
        outlets = [", ".join(map(_safe, o)) if isinstance(o, tuple) else "" for o in rows["outlets"]]
        fig.add_trace(go.Bar(
            y=y, x=counts, name=_safe(group), orientation="h", marker_color=colours[group],
            text=[f"{c:.0f}" if c else "" for c in counts], texttemplate="%{text}", textposition="inside",
            textfont=dict(size=12, color="white"),
            customdata=[[e, group, plural(c, "article"), o] for e, c, o in zip(shown, counts, outlets)],
            hovertemplate=("<b>%{y}</b><br>" + _safe(group) + ": %{customdata[2]}<br>%{customdata[3]}"
                           "<extra></extra>")))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", traceorder="normal",
                                                   title=dict(text=f"{_safe(by)}:")))
    fig.update_xaxes(title="articles", dtick=1 if part["n_articles"].groupby(part["event_id"]).sum().max() <= 10 else None)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return _layout(fig, title, 160 + 26 * len(shown))


def blindspot_counts_plot(blindspots: pd.DataFrame, *, by: str = "group", title: str | None = None) -> go.Figure:
    """How many events each group covered alone, mostly, or left out (an ``event_blindspots``
    table): one row per group, a bar for each of those counts, each labelled with its number."""
    _require(blindspots, ["event_id", "kind", "top_group", "missing"], "blindspot_counts_plot")
    title = title or f"Blindspots by {_safe(by)}: events one group covered and another left out"
    groups = group_order({*blindspots["top_group"].astype(str),
                          *(g for missing in blindspots["missing"] for g in missing)})
    if blindspots.empty or not groups:
        return empty_figure(title, "No event with articles of any group.")
    counts = {
        "covered only by it": blindspots[blindspots["kind"] == "only"]["top_group"].value_counts(),
        "covered mostly by it": blindspots[blindspots["kind"] == "mostly"]["top_group"].value_counts(),
        "left out by it": pd.Series([g for kind, missing in zip(blindspots["kind"], blindspots["missing"])
                                     if kind for g in missing]).value_counts(),
    }
    fig = go.Figure()
    for (name, series), colour in zip(counts.items(), ("#4d4d4d", "#8c8c8c", "#d6604d")):
        values = series.reindex(groups).fillna(0).to_numpy(int)
        if not values.any():
            continue
        fig.add_trace(go.Bar(y=[_safe(g) for g in groups], x=values, name=name, orientation="h", marker_color=colour,
                             text=[str(v) for v in values], textposition="outside",
                             hovertemplate="<b>%{y}</b><br>" + name + ": %{x} events<extra></extra>"))
    fig.update_layout(barmode="group", legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"))
    fig.update_xaxes(title=f"events (of {len(blindspots):,} with a {_safe(by)})")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, 180 + 60 * len(groups))


def outlet_coverage_plot(coverage: pd.DataFrame, *, outlet_groups: Mapping[str, str] | None = None,
                         events: Sequence[str] | None = None, labels: Mapping[str, str] | None = None,
                         top_events: int = 40, top_outlets: int = 30, title: str | None = None) -> go.Figure:
    """An event x outlet grid of article counts (an ``event_coverage`` table) cut to what can be
    read: the ``top_outlets`` outlets covering the most of the events drawn and the
    ``top_events`` events covered by the most outlets (or ``events``, in their order); outlets
    ordered by their group (``outlet_groups``: outlet -> leaning...) with the group named above
    them. Each cell prints its count; the title says how many of each are shown."""
    _require(coverage, ["event_id", "outlet", "n_articles"], "outlet_coverage_plot")
    title = title or "Which outlet covered which event"
    covered = coverage[coverage["n_articles"] > 0]
    if covered.empty:
        return empty_figure(title, "No events.")
    if events is None:
        events = list(covered.groupby("event_id")["outlet"].nunique().sort_values(ascending=False, kind="stable").index)
    n_events = len(events)
    events = list(events)[:top_events]
    part = covered[covered["event_id"].isin(set(events))]
    reach = part.groupby("outlet")["event_id"].nunique().sort_values(ascending=False, kind="stable")
    n_outlets = covered["outlet"].nunique()
    groups = outlet_groups or {}
    kept = list(reach.index[:top_outlets])
    order = sorted(kept, key=lambda o: (group_order(map(str, groups.values())).index(str(groups[o]))
                                        if groups.get(o) is not None else 10**6, str(o).casefold()))
    wide = part[part["outlet"].isin(order)].pivot_table(index="event_id", columns="outlet", values="n_articles",
                                                        aggfunc="sum", fill_value=0).reindex(index=events, columns=order,
                                                                                             fill_value=0)
    others = part[~part["outlet"].isin(order)].groupby("event_id")["n_articles"].sum().reindex(events).fillna(0)
    names = labels or {}
    z = wide.to_numpy(float)
    columns = [_safe(o) for o in order]
    if others.any():
        z = np.column_stack([z, others.to_numpy(float)])
        columns.append(f"other {n_outlets - len(order):,} outlets")
    top = float(np.nanmax(z)) if z.size else 1.0
    heat = go.Heatmap(
        z=np.where(z > 0, z, np.nan), x=columns, y=[_safe(_shorten(str(names.get(e, e)), 60)) for e in events],
        colorscale="Blues", zmin=0, zmax=max(1.0, top), xgap=1, ygap=1, showscale=top > 1,
        text=np.where(z > 0, z.astype(int).astype(str), ""), texttemplate="%{text}", textfont=dict(size=11),
        customdata=[[str(groups.get(o, "")) for o in order] + [""] * (len(columns) - len(order))] * len(events),
        colorbar=dict(title=dict(text="articles"), thickness=12, dtick=1 if top <= 10 else None),
        hovertemplate="<b>%{x}</b> %{customdata}<br>%{y}<br>%{z:.0f} articles<extra></extra>")
    fig = go.Figure(heat)
    sub = []
    if n_events > len(events):
        sub.append(f"{len(events)} of {n_events:,} events")
    if n_outlets > len(order):
        sub.append(f"{len(order)} of {n_outlets:,} outlets (those covering the most of these events)")
    if sub:
        title += "<br><sup>" + "; ".join(sub) + "</sup>"
    _group_bands(fig, order, groups)
    fig.update_xaxes(side="top", tickangle=-45)
    fig.update_yaxes(autorange="reversed", automargin=True)
    top_margin = 120 + 6 * max(len(str(o)) for o in order)
    _layout(fig, title, 100 + top_margin + 24 * len(events))  # the rows keep their height under long names
    fig.update_layout(margin=dict(t=top_margin))
    return fig


def _group_bands(fig: go.Figure, order: list, groups: Mapping[str, str]) -> None:
    """Lines between the outlets of different groups, the group's name under the grid."""
    if not groups:
        return
    names = [groups.get(o) for o in order]
    start = 0
    for i in range(1, len(order) + 1):
        if i == len(order) or names[i] != names[start]:
            if names[start] is not None:
                fig.add_annotation(x=(start + i - 1) / 2, y=0, yref="paper", yanchor="top", yshift=-4,
                                   text=f"<b>{_safe(names[start])}</b>", showarrow=False, font=dict(size=12))
            if i < len(order):
                fig.add_vline(x=i - 0.5, line=dict(color="#333", width=2))
            start = i
