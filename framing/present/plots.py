"""Figures: pure functions, tidy tables in, ``plotly.graph_objects.Figure`` out.

Nothing is shown or saved here (the dashboard shows, ``framing.present.export`` saves). Every figure
that rests on a statistic carries its interval and the number of articles behind it in the
hover, and marks figures resting on too few articles (``low_support``) with a dagger.
The input columns are those of docs/data-model.md.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from framing.errors import SettingsError
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

LOW_SUPPORT_MARK = "†"
#: Dark text at 14 px: readable on a projector and in a printed figure.
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=14, color="#1a1a1a")
#: How a title names a voice (the ``voice`` column of the score tables).
VOICE_NAMES = {"all": "all voices", "author": "the outlet's own words", "quoted": "quoted sources",
               "distanced": "scare quotes"}
#: A rate has "not enough evidence" when its interval is wider than the largest rate of its grid
#: (a balance or a share: half of its fixed range, ``encoding.MAX_INTERVAL_SHARE``).
RATE_INTERVAL_SHARE = 1.0
QUALITATIVE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
               "#7f7f7f", "#bcbd22", "#17becf")


def safe(value: object) -> str:
    """A name from the corpus or a lexicon as plotly label text: plotly reads a few HTML tags
    in labels, so ``<`` and ``&`` are escaped and the name shows as written."""
    return html.escape(str(value), quote=False)


def _require(table: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SettingsError(f"{what}: the table lacks column(s) {missing}; it has {list(table.columns)} "
                            "(see docs/data-model.md)")


def _empty(title: str, message: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font=dict(size=15, color="#555"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=260)


def _layout(fig: go.Figure, title: str, *, height: int) -> go.Figure:
    fig.update_layout(title=dict(text=title, x=0, xanchor="left"), font=FONT, height=height,
                      margin=dict(l=10, r=10, t=60, b=40), template="plotly_white")
    return fig


def _height(n_rows: int, *, per_row: int = 28, base: int = 160, cap: int = 4000) -> int:
    return int(min(cap, base + per_row * max(n_rows, 1)))


def frame_label(frame: str, pole: str | None, *, axis: bool = False) -> str:
    """``frame`` for a one-pole frame, ``frame: pole`` for a pole of an axis (``axis=True``:
    even the pole named like its frame, so "threat: threat" stands beside "threat: stability")."""
    if pole is None or (isinstance(pole, float) and np.isnan(pole)) or pole == "" or (pole == frame and not axis):
        return str(frame)
    return f"{frame}: {pole}"


def _axis_frames(rows: pd.DataFrame) -> set:
    """Frames with two or more poles among ``rows`` (per lexicon when there is a lexicon column)."""
    keys = ["lexicon", "frame"] if "lexicon" in rows else ["frame"]
    counts = rows.groupby(keys, observed=True)["pole"].nunique()
    return {key[-1] if isinstance(key, tuple) else key for key, n in counts.items() if n >= 2}


def voice_name(voice: str | None) -> str:
    """A voice as a title names it: ``quoted`` -> "quoted sources"."""
    return VOICE_NAMES.get(voice or "all", f"{safe(voice)} voice")


def _support_mark(low: pd.Series) -> pd.Series:
    return low.fillna(False).astype(bool).map({True: LOW_SUPPORT_MARK, False: ""})


def frame_heatmap(scores: pd.DataFrame, *, voice: str = "all", lexicon: str | None = None,
                  groups: Iterable[str] | None = None, title: str | None = None,
                  max_cell_text: int = 400, axes: Iterable[str] = (),
                  members: Mapping[str, str] | None = None) -> go.Figure:
    """Group (outlet, or a value of a ``by`` column) x frame heatmap of hits per 1,000 words
    from a ``score.frame_rates`` table; the hover gives the rate, its bootstrap interval, the
    hits and the number of articles (and, with ``members``: group -> text, the outlets in the
    group). Honest encoding (``framing.present.encoding``): the colour scale runs from 0 to the
    largest rate with enough evidence; cells without enough evidence are faded (a white veil,
    grey numbers), so they cannot pass for findings;
    every cell prints its rate and its count of hits when the grid is small enough to read (at
    most ``max_cell_text`` cells). Rows in ``group_order``. Poles of two-pole frames are named
    ``frame: pole``; ``axes`` names such frames when the table may hold only one of their poles."""
    _require(scores, ["group", "frame", "pole", "voice", "rate", "ci_low", "ci_high", "n_articles"], "frame_heatmap")
    title = title or f"Frame rates per 1,000 words ({voice_name(voice)})"
    rows = scores[(scores["voice"] == voice) & ((scores["lexicon"] == lexicon) if lexicon else True)]
    rows = _group_rows(rows, groups).copy()
    if rows.empty:
        return _empty(title, f"No scores for voice '{voice}'.")
    axes = _axis_frames(rows) | set(axes)
    rows["column"] = [frame_label(f, p, axis=f in axes) for f, p in zip(rows["frame"], rows["pole"])]
    if "hits" not in rows:
        rows["hits"] = np.nan
    columns = list(dict.fromkeys(rows["column"]))
    groups = group_order(rows["group"].unique())
    wide = {name: rows.pivot_table(index="group", columns="column", values=name, aggfunc="first")
            .reindex(index=groups, columns=columns) for name in ("rate", "ci_low", "ci_high", "n_articles", "hits")}
    z = wide["rate"].to_numpy(float)
    finite = z[np.isfinite(z)]
    weak = weak_evidence(wide["ci_low"], wide["ci_high"], wide["n_articles"], max_share=RATE_INTERVAL_SHARE,
                         scale_range=float(finite.max()) if finite.size and finite.max() > 0 else 1.0)
    weak &= np.isfinite(z)
    low, high = colour_range(z, ~weak)
    text = np.array([[_cell_text(r, h) for r, h in zip(zr, hr)] for zr, hr in zip(z, wide["hits"].to_numpy(float))],
                    dtype=object)
    y = [safe(g) for g in groups]
    x = [safe(c) for c in columns]
    heat = go.Heatmap(
        z=z, x=x, y=y, colorscale="YlOrRd", zmin=low, zmax=high,
        colorbar=dict(title=dict(text="hits per<br>1,000 words", side="top"), thickness=14),
        xgap=1, ygap=1, hoverinfo="skip", name="rates")
    # a white veil over the cells without enough evidence: faded, their numbers in grey
    grey = go.Heatmap(z=np.where(weak, 1.0, np.nan), x=x, y=y, colorscale=[[0, "#ffffff"], [1, "#ffffff"]],
                      opacity=1 - FADED_OPACITY, showscale=False, xgap=1, ygap=1, hoverinfo="skip",
                      name=NOT_ENOUGH_EVIDENCE)
    if z.size <= max_cell_text:
        heat.update(text=np.where(weak, "", text), texttemplate="%{text}", textfont=dict(size=12))
        grey.update(text=np.where(weak, text, ""), texttemplate="%{text}", textfont=dict(size=12, color="#555"))
    fig = go.Figure([heat, grey, _cell_targets(rows, wide, groups, columns, weak, members or {})])
    fig.update_xaxes(side="top", tickangle=-35)
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=y,
                     ticktext=[f"{safe(g)} ({_articles_text(n)})" for g, n in
                               zip(groups, wide["n_articles"].max(axis=1).to_numpy(float))])
    _layout(fig, title, height=_height(len(groups), per_row=34 if z.size <= max_cell_text else 22, base=320))
    fig.update_layout(clickmode="event+select", showlegend=False)
    fig.update_layout(margin=dict(t=80 + 6 * max(len(c) for c in columns)))
    if weak.any():
        _footnote(fig, "faded cells, grey numbers: " + evidence_note(scale="the largest rate", max_share=RATE_INTERVAL_SHARE
                                                      ).removeprefix("faded: ")
                  + "; colours run from 0 to the largest rate with enough evidence")
    return fig


def _cell_text(rate: float, hits: float) -> str:
    if np.isnan(rate):
        return ""
    return f"{rate:.1f}<br>{plural(hits, 'hit')}" if not np.isnan(hits) else f"{rate:.1f}"


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit - 1]) + "…"


def _articles_text(n: float) -> str:
    """``1 article``, ``12 articles`` (``? articles`` when unknown)."""
    if np.isnan(n):
        return "? articles"
    return f"{n:,.0f} article" + ("" if n == 1 else "s")


def _interval_text(low: float, high: float, n_articles: float) -> str:
    if np.isnan(low) or np.isnan(high):
        return f"no interval ({n_articles:.0f} article{'s' if n_articles != 1 else ''})"
    return f"95% CI {low:.2f} – {high:.2f}"


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
                           _interval_text(low, high, n_art), plural(hits, "hit"), plural(n_art, "article"),
                           flag + inside])
    return go.Scatter(
        x=xs, y=ys, mode="markers", customdata=custom, name="cells", showlegend=False,
        marker=dict(symbol="square", size=22, opacity=0, color="#000"),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        hovertemplate=("<b>%{y}</b><br>%{x}<br>rate %{customdata[3]} per 1,000 words<br>%{customdata[4]}"
                       "<br>%{customdata[5]} in %{customdata[6]}%{customdata[7]}<br><i>click: the sentences behind it"
                       "</i><extra></extra>"),
    )


def _group_rows(table: pd.DataFrame, groups: Iterable[str] | None) -> pd.DataFrame:
    return table if groups is None else table[table["group"].isin(list(groups))]


def _voice_rows(table: pd.DataFrame, voice: str | None) -> pd.DataFrame:
    return table[table["voice"] == voice] if voice and "voice" in table else table


def _footnote(fig: go.Figure, text: str, *, below_ticks: bool = False) -> None:
    """A note under the plot; ``below_ticks`` moves it under the x tick labels (and makes room)."""
    fig.add_annotation(text=text, showarrow=False, x=0, y=0, xref="paper", yref="paper", xanchor="left",
                       yanchor="top", yshift=-30 if below_ticks else -4, font=dict(size=13, color="#444"))
    if below_ticks:
        fig.update_layout(margin=dict(b=max(fig.layout.margin.b or 0, 70)))


def _dot_with_interval(x: pd.Series, lo: pd.Series, hi: pd.Series) -> dict:
    return dict(type="data", symmetric=False, array=(hi - x).clip(lower=0).to_numpy(float),
                arrayminus=(x - lo).clip(lower=0).to_numpy(float), thickness=1.5, width=3)


def axis_balance_plot(balance: pd.DataFrame, *, voice: str | None = None, lexicon: str | None = None,
                      groups: Iterable[str] | None = None, title: str | None = None,
                      members: Mapping[str, str] | None = None) -> go.Figure:
    """Per group, each axis's balance ``(A - B) / (A + B)`` in [-1, 1] with its bootstrap
    interval: one panel per axis, pole A on the right. A balance without enough evidence
    (``encoding.weak_evidence``: its interval spans more than half of -1..+1, no interval, or
    too few articles) is faded and labelled "not enough evidence". Rows in ``group_order``.
    Input: a ``score.axis_balance`` table (rows of ``voice`` and ``lexicon`` only, when given)."""
    _require(balance, ["group", "frame", "balance", "ci_low", "ci_high", "n_articles"], "axis_balance_plot")
    title = title or "Which pole each group leans to: balance (A − B) / (A + B), from −1 to +1"
    rows = _group_rows(balance.dropna(subset=["balance"]), groups)
    if voice and "voice" in rows:
        rows = rows[rows["voice"] == voice]
    if lexicon and "lexicon" in rows:
        rows = rows[rows["lexicon"] == lexicon]
    if rows.empty:
        return _empty(title, "No axis has hits on either pole.")
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
    _layout(fig, title, height=_height(len(groups), base=260))
    fig.update_layout(margin=dict(t=130), legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", yref="container"))
    if any_weak:
        _footnote(fig, evidence_note(scale="−1..+1"), below_ticks=True)
    return fig


def _balance_trace(fig, part: pd.DataFrame, frame: str, colour: str, faded: bool, members: Mapping[str, str],
                   col: int, *, legend: bool) -> None:
    if part.empty:
        return
    tint = rgba(colour, FADED_OPACITY) if faded else colour
    hits = [f"{plural(a, 'hit')} on A, {plural(b, 'hit')} on B" if {"hits_a", "hits_b"} <= set(part) else ""
            for a, b in zip(part.get("hits_a", part["balance"]), part.get("hits_b", part["balance"]))]
    hover = [f"<b>{safe(g)}</b><br>{safe(frame)}: {v:+.2f}<br>{_interval_text(lo, hi, n)}<br>{h}, "
             f"{_articles_text(n)}" + (f"<br><i>{NOT_ENOUGH_EVIDENCE}</i>" if faded else "")
             + (f"<br>outlets: {safe(members[g])}" if members.get(g) else "")
             for g, v, lo, hi, n, h in zip(part.index, part["balance"], part["ci_low"].to_numpy(float),
                                           part["ci_high"].to_numpy(float), part["n_articles"].to_numpy(float), hits)]
    labels = [NOT_ENOUGH_EVIDENCE if faded else "" for _ in part.index]
    fig.add_trace(go.Scatter(
        x=part["balance"], y=[safe(g) for g in part.index], mode="markers+text" if faded else "markers",
        name=NOT_ENOUGH_EVIDENCE + " (faded)" if faded else "balance with its 95% interval",
        legendgroup="faded" if faded else "strong", showlegend=legend,
        marker=dict(size=9, color=tint, symbol="circle-open" if faded else "circle", line=dict(color=tint, width=2)),
        error_x={**_dot_with_interval(part["balance"], part["ci_low"], part["ci_high"]), "color": tint},
        text=labels, textposition=["middle left" if v > 0 else "middle right" for v in part["balance"]],
        textfont=dict(size=10, color="#999"), hovertext=hover, hoverinfo="text",
    ), row=1, col=col)


def _axis_title(part: pd.DataFrame, frame: str) -> str:
    if {"pole_a", "pole_b"} <= set(part.columns) and len(part):
        return f"{safe(frame)}<br><sup>← {safe(part['pole_b'].iloc[0])} | {safe(part['pole_a'].iloc[0])} →</sup>"
    return safe(frame)


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
    _require(shares, ["group", "naming_set", "label", "share", "count"], "label_shares_plot")
    shares = _group_rows(_voice_rows(shares, voice), groups)
    sets = list(dict.fromkeys(shares["naming_set"]))
    if naming_set is None and sets:
        naming_set = sets[0]
    title = title or f"Labels used for {safe(naming_set)}"
    part = shares[shares["naming_set"] == naming_set]
    totals = part.groupby("group")["total" if "total" in part else "count"].max() if len(part) else pd.Series(dtype=float)
    silent = sorted((g for g, t in totals.items() if not t > 0), key=str)
    part = part[~part["group"].isin(silent)]
    if part.empty:
        return _empty(title, f"No outlet uses any label of '{safe(naming_set)}'.")
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
    _layout(fig, title, height=_height(len(groups), base=240))
    if silent:
        _footnote(fig, "Never named by: " + ", ".join(safe(g) for g in silent[:12])
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
             _articles_text(n), str(g), str(label), f"<br>outlets: {safe(members[g])}" if members.get(g) else ""]
            for c, t, lo, hi, n, g in zip(count, total, low, high, n_art, groups)]


def actor_frame_heatmap(actor_scores: pd.DataFrame, *, actor: str, voice: str = "all", lexicon: str | None = None,
                        groups: Iterable[str] | None = None, title: str | None = None,
                        axes: Iterable[str] = (), members: Mapping[str, str] | None = None) -> go.Figure:
    """For one actor, frame x outlet rates of hits whose ``target`` is that actor (a
    ``score.frame_rates(..., by_target=True)`` table with a ``target`` column), of one
    ``lexicon``'s frames when given; ``axes`` as for ``frame_heatmap`` (only the poles with
    hits about the actor are in the table)."""
    _require(actor_scores, ["target"], "actor_frame_heatmap")
    part = actor_scores[actor_scores["target"] == actor]
    return frame_heatmap(part, voice=voice, lexicon=lexicon, groups=groups, axes=axes, members=members,
                         title=title or f"How each outlet frames {safe(actor)} ({voice_name(voice)})")


def actor_sentiment_plot(sentiment: pd.DataFrame, *, voice: str | None = None, actors: Iterable[str] | None = None,
                         groups: Iterable[str] | None = None, title: str | None = None,
                         members: Mapping[str, str] | None = None, max_actors: int = 6) -> go.Figure:
    """Mean VADER compound score (Hutto and Gilbert 2014) of sentences mentioning each actor,
    per group, with bootstrap intervals: one panel per actor (at most ``max_actors``, the most
    mentioned), one row per group in ``group_order``, so a hundred outlets need no hundred
    colours. Scores without enough evidence (``encoding.weak_evidence`` on -1..+1) are faded
    and labelled. Input: a ``score.actor_sentiment`` table (rows of ``voice`` and ``actors``
    only, when given)."""
    _require(sentiment, ["group", "actor", "sentiment", "ci_low", "ci_high", "n_sentences"], "actor_sentiment_plot")
    title = title or "Sentiment of sentences mentioning each actor (VADER compound, −1 to +1)"
    rows = _group_rows(_voice_rows(sentiment, voice), groups).dropna(subset=["sentiment"])
    if actors is not None:
        rows = rows[rows["actor"].isin(list(actors))]
    if rows.empty:
        return _empty(title, "No sentence mentions any actor.")
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
    _layout(fig, title, height=_height(len(order), base=260))
    fig.update_layout(margin=dict(t=130), legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", yref="container"))
    if any_weak:
        _footnote(fig, evidence_note(scale="−1..+1"), below_ticks=True)
    return fig


def _sentiment_trace(fig, part: pd.DataFrame, faded: bool, members: Mapping[str, str], col: int, *,
                     legend: bool) -> None:
    if part.empty:
        return
    colour = rgba("#4d4d4d", FADED_OPACITY) if faded else "#4d4d4d"
    n_art = part["n_articles"] if "n_articles" in part else part["n_sentences"]
    hover = [f"<b>{safe(g)}</b><br>{v:+.2f} ({_interval_text(lo, hi, n)})<br>{plural(s, 'sentence')}, "
             f"{_articles_text(n)}" + (f"<br><i>{NOT_ENOUGH_EVIDENCE}</i>" if faded else "")
             + (f"<br>outlets: {safe(members[g])}" if members.get(g) else "")
             for g, v, lo, hi, s, n in zip(part.index, part["sentiment"], part["ci_low"].to_numpy(float),
                                           part["ci_high"].to_numpy(float), part["n_sentences"].to_numpy(float),
                                           n_art.to_numpy(float))]
    fig.add_trace(go.Scatter(
        x=part["sentiment"], y=[safe(g) for g in part.index], mode="markers", hovertext=hover, hoverinfo="text",
        name=NOT_ENOUGH_EVIDENCE + " (faded)" if faded else "mean with its 95% interval",
        legendgroup="faded" if faded else "strong", showlegend=legend,
        marker=dict(size=9, color=colour, symbol="circle-open" if faded else "circle", line=dict(color=colour, width=2)),
        error_x={**_dot_with_interval(part["sentiment"], part["ci_low"], part["ci_high"]), "color": colour},
    ), row=1, col=col)


def outlet_map_plot(points: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Outlets placed so that similar frame/term profiles lie close together (a
    ``similarity.outlet_map`` table: ``outlet``, ``x``, ``y``)."""
    _require(points, ["outlet", "x", "y"], "outlet_map_plot")
    title = title or "Outlets placed by similarity of their profiles"
    if points.empty:
        return _empty(title, "No outlet to place.")
    colour = points.get("colour_by")
    label = len(points) <= 40
    fig = go.Figure(go.Scatter(
        x=points["x"], y=points["y"], mode="markers+text" if label else "markers", text=points["outlet"].map(safe),
        textposition="top center", marker=dict(size=10, color=QUALITATIVE[0] if colour is None else None),
        hovertemplate="<b>%{text}</b><extra></extra>",
    ))
    fig.update_xaxes(showticklabels=False, title=None, zeroline=False)
    fig.update_yaxes(showticklabels=False, title=None, zeroline=False, scaleanchor="x")
    return _layout(fig, title, height=520)


def event_coverage_plot(coverage: pd.DataFrame, *, labels: dict | None = None, title: str | None = None,
                        max_events: int = 60) -> go.Figure:
    """Which outlet covered which event: an event x outlet grid of article counts (an
    ``events.event_coverage`` table: ``event_id``, ``outlet``, ``n_articles``); events shown
    most covered first, at most ``max_events``, named by ``labels`` (event id -> text) when given."""
    _require(coverage, ["event_id", "outlet", "n_articles"], "event_coverage_plot")
    title = title or "Event coverage: articles per outlet"
    if coverage.empty:
        return _empty(title, "No events.")
    covered = coverage[coverage["n_articles"] > 0]
    order = covered.groupby("event_id")["outlet"].nunique().sort_values(ascending=False, kind="stable").index[:max_events]
    # pivot only the events drawn: a dense grid of every event x outlet is large on big corpora
    wide = covered[covered["event_id"].isin(order)].pivot_table(
        index="event_id", columns="outlet", values="n_articles", aggfunc="sum", fill_value=0).loc[order]
    names = labels or {}
    labels = [safe(_shorten(str(names.get(e, e)), 70)) for e in wide.index]
    z = wide.to_numpy(float)
    heat = go.Heatmap(
        z=z, x=[safe(c) for c in wide.columns], y=labels, colorscale="Blues", xgap=1, ygap=1,
        colorbar=dict(title=dict(text="articles"), dtick=max(1, int(np.ceil(z.max() / 5))) if z.size else 1),
        hovertemplate="<b>%{x}</b><br>%{y}<br>%{z:.0f} articles<extra></extra>",
    )
    if z.size <= 400:  # small grids print each count (blank for none)
        heat.update(text=np.where(z > 0, np.char.mod("%d", z.astype(int)), ""), texttemplate="%{text}",
                    textfont=dict(size=13))
    fig = go.Figure(heat)
    fig.update_xaxes(side="top", tickangle=-35)
    fig.update_yaxes(autorange="reversed")
    _layout(fig, title, height=_height(len(wide), per_row=24, base=280))
    fig.update_layout(margin=dict(t=80 + 6 * max(len(str(c)) for c in wide.columns)))
    return fig
