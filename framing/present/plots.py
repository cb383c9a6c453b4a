"""Figures: pure functions, tidy tables in, ``plotly.graph_objects.Figure`` out.

Nothing is shown or saved here (the dashboard shows, ``framing.present.export`` saves). Every figure
that rests on a statistic carries its interval and the number of articles behind it in the
hover, and marks figures resting on too few articles (``low_support``) with a dagger.
The input columns are those of docs/data-model.md.
"""
from __future__ import annotations

import html
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

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
                  max_cell_text: int = 400, axes: Iterable[str] = ()) -> go.Figure:
    """Outlet (``group``) x frame heatmap of hits per 1,000 words from a ``score.frame_rates``
    table; the hover gives the rate, its bootstrap interval, the hits and the number of
    articles. Only rows of ``voice`` (and of ``lexicon`` and ``groups``, when given) are
    drawn. Cell values are printed when the grid is small enough to read (at most
    ``max_cell_text`` cells). Poles of two-pole frames are named ``frame: pole``; ``axes``
    names such frames when the table may hold only one of their poles."""
    _require(scores, ["group", "frame", "pole", "voice", "rate", "ci_low", "ci_high", "n_articles"], "frame_heatmap")
    title = title or f"Frame rates per 1,000 words ({voice_name(voice)})"
    rows = scores[(scores["voice"] == voice) & ((scores["lexicon"] == lexicon) if lexicon else True)]
    rows = _group_rows(rows, groups).copy()
    if rows.empty:
        return _empty(title, f"No scores for voice '{voice}'.")
    axes = _axis_frames(rows) | set(axes)
    rows["column"] = [frame_label(f, p, axis=f in axes) for f, p in zip(rows["frame"], rows["pole"])]
    rows["mark"] = _support_mark(rows["low_support"]) if "low_support" in rows else ""
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
                     ticktext=[f"{safe(g)} ({_articles_text(n)})" for g, n in
                               zip(groups, wide["n_articles"].max(axis=1).to_numpy(float))])
    _layout(fig, title, height=_height(len(groups), base=300))
    fig.update_layout(clickmode="event+select", showlegend=False)
    fig.update_layout(margin=dict(t=80 + 6 * max(len(c) for c in columns)))
    if marks.to_numpy(str).any():
        _footnote(fig, f"{LOW_SUPPORT_MARK} rests on too few articles for a stable figure")
    return fig


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit - 1]) + "…"


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


def _articles_text(n: float) -> str:
    """``1 article``, ``12 articles`` (``? articles`` when unknown)."""
    if np.isnan(n):
        return "? articles"
    return f"{n:,.0f} article" + ("" if n == 1 else "s")


def _interval_text(low: float, high: float, n_articles: float) -> str:
    if np.isnan(low) or np.isnan(high):
        return f"no interval ({n_articles:.0f} article{'s' if n_articles != 1 else ''})"
    return f"95% CI {low:.2f} – {high:.2f}"


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
                           _interval_text(low, high, n_art), f"{hits:.0f}", f"{n_art:.0f}"])
    return go.Scatter(
        x=xs, y=ys, mode="markers", customdata=custom, name="cells", showlegend=False,
        marker=dict(symbol="square", size=22, opacity=0, color="#000"),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        hovertemplate=("<b>%{y}</b><br>%{x}<br>rate %{customdata[3]} per 1,000 words<br>%{customdata[4]}"
                       "<br>%{customdata[5]} hits in %{customdata[6]} articles<br><i>click: the sentences behind it"
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
                      groups: Iterable[str] | None = None, title: str | None = None) -> go.Figure:
    """Per outlet, each axis's balance ``(A - B) / (A + B)`` in [-1, 1] with its bootstrap
    interval: one panel per axis, pole A on the right. Input: a ``score.axis_balance`` table
    (rows of ``voice`` and ``lexicon`` only, when given)."""
    _require(balance, ["group", "frame", "balance", "ci_low", "ci_high", "n_articles"], "axis_balance_plot")
    title = title or "Which pole each outlet leans to: balance (A − B) / (A + B), from −1 to +1"
    rows = _group_rows(balance.dropna(subset=["balance"]), groups)
    if voice and "voice" in rows:
        rows = rows[rows["voice"] == voice]
    if lexicon and "lexicon" in rows:
        rows = rows[rows["lexicon"] == lexicon]
    if rows.empty:
        return _empty(title, "No axis has hits on either pole.")
    frames = list(dict.fromkeys(rows["frame"]))
    groups = sorted(rows["group"].unique(), key=str)
    fig = make_subplots(rows=1, cols=len(frames), shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[_axis_title(rows[rows["frame"] == f], f) for f in frames])
    for i, frame in enumerate(frames, start=1):
        part = rows[rows["frame"] == frame].set_index("group").reindex(groups).dropna(subset=["balance"])
        marks = _support_mark(part["low_support"]) if "low_support" in part else pd.Series("", index=part.index)
        fig.add_trace(go.Scatter(
            x=part["balance"], y=[safe(g) for g in part.index], mode="markers", name=safe(frame), showlegend=False,
            marker=dict(size=9, color=QUALITATIVE[(i - 1) % len(QUALITATIVE)],
                        symbol=["circle-open" if m else "circle" for m in marks]),
            error_x=_dot_with_interval(part["balance"], part["ci_low"], part["ci_high"]),
            customdata=np.column_stack([part["ci_low"], part["ci_high"], part["n_articles"]]).astype(float),
            text=marks.to_list(),
            hovertemplate=(f"<b>%{{y}}</b><br>{safe(frame)}: %{{x:+.2f}}<br>95% CI %{{customdata[0]:+.2f}} – "
                           "%{customdata[1]:+.2f}<br>%{customdata[2]:.0f} articles %{text}<extra></extra>"),
        ), row=1, col=i)
        fig.add_vline(x=0, line=dict(color="#999", width=1, dash="dot"), row=1, col=i)
    fig.update_xaxes(range=[-1.08, 1.08], tickvals=[-1, 0, 1], zeroline=False)
    fig.update_yaxes(autorange="reversed")
    _layout(fig, title, height=_height(len(groups), base=240))
    fig.update_layout(margin=dict(t=110))
    if rows.get("low_support", pd.Series(dtype=bool)).fillna(False).astype(bool).any():
        _footnote(fig, "open circles rest on too few articles for a stable figure", below_ticks=True)
    return fig


def _axis_title(part: pd.DataFrame, frame: str) -> str:
    if {"pole_a", "pole_b"} <= set(part.columns) and len(part):
        return f"{safe(frame)}<br><sup>← {safe(part['pole_b'].iloc[0])} | {safe(part['pole_a'].iloc[0])} →</sup>"
    return safe(frame)


def label_shares_plot(shares: pd.DataFrame, *, naming_set: str | None = None, voice: str | None = None,
                      groups: Iterable[str] | None = None, title: str | None = None) -> go.Figure:
    """Stacked horizontal bars: for one naming set, each outlet's share of each label (the
    shares of an outlet sum to 1), the hover giving the uses, the interval and the articles.
    Outlets that never name the referent get no bar: a footnote names them. Input: a
    ``score.label_shares`` table. ``customdata`` of a bar: uses, total, interval text,
    articles, group, label (a click names the outlet and label)."""
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
    groups = sorted(part["group"].unique(), key=str)
    fig = go.Figure()
    for i, label in enumerate(dict.fromkeys(part["label"])):
        rows = part[part["label"] == label].set_index("group").reindex(groups)
        fig.add_trace(go.Bar(
            y=[safe(g) for g in groups], x=rows["share"].fillna(0), name=safe(label), orientation="h",
            marker_color=QUALITATIVE[i % len(QUALITATIVE)], customdata=_share_custom(rows, groups, label),
            hovertemplate=(f"<b>%{{y}}</b><br>{safe(label)}: %{{x:.0%}} (%{{customdata[0]}} of %{{customdata[1]}} "
                           "mentions)<br>%{customdata[2]} · %{customdata[3]}<extra></extra>"),
        ))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.12), clickmode="event+select")
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    fig.update_yaxes(autorange="reversed")
    _layout(fig, title, height=_height(len(groups), base=240))
    if silent:
        _footnote(fig, "Never named by: " + ", ".join(safe(g) for g in silent[:12])
                  + (f" and {len(silent) - 12} more" if len(silent) > 12 else ""), below_ticks=True)
        fig.update_layout(legend=dict(y=-0.25))
    return fig


def _share_custom(rows: pd.DataFrame, groups: list, label: str) -> list[list]:
    count = rows["count"].fillna(0).to_numpy(float)
    total = rows["total"].fillna(0).to_numpy(float) if "total" in rows else count
    low = rows["ci_low"].to_numpy(float) if "ci_low" in rows else np.full(len(rows), np.nan)
    high = rows["ci_high"].to_numpy(float) if "ci_high" in rows else np.full(len(rows), np.nan)
    n_art = rows["n_articles"].to_numpy(float) if "n_articles" in rows else np.full(len(rows), np.nan)
    return [[f"{c:.0f}", f"{t:.0f}",
             "no interval" if np.isnan(lo) or np.isnan(hi) else f"95% CI {lo:.0%} – {hi:.0%}",
             _articles_text(n), str(g), str(label)]
            for c, t, lo, hi, n, g in zip(count, total, low, high, n_art, groups)]


def actor_frame_heatmap(actor_scores: pd.DataFrame, *, actor: str, voice: str = "all", lexicon: str | None = None,
                        groups: Iterable[str] | None = None, title: str | None = None,
                        axes: Iterable[str] = ()) -> go.Figure:
    """For one actor, frame x outlet rates of hits whose ``target`` is that actor (a
    ``score.frame_rates(..., by_target=True)`` table with a ``target`` column), of one
    ``lexicon``'s frames when given; ``axes`` as for ``frame_heatmap`` (only the poles with
    hits about the actor are in the table)."""
    _require(actor_scores, ["target"], "actor_frame_heatmap")
    part = actor_scores[actor_scores["target"] == actor]
    return frame_heatmap(part, voice=voice, lexicon=lexicon, groups=groups, axes=axes,
                         title=title or f"How each outlet frames {safe(actor)} ({voice_name(voice)})")


def actor_sentiment_plot(sentiment: pd.DataFrame, *, voice: str | None = None, actors: Iterable[str] | None = None,
                         groups: Iterable[str] | None = None, title: str | None = None) -> go.Figure:
    """Mean VADER compound score (Hutto and Gilbert 2014) of sentences mentioning each actor,
    per outlet, with bootstrap intervals. Input: a ``score.actor_sentiment`` table (rows of
    ``voice`` and ``actors`` only, when given)."""
    _require(sentiment, ["group", "actor", "sentiment", "ci_low", "ci_high", "n_sentences"], "actor_sentiment_plot")
    title = title or "Sentiment of sentences mentioning each actor (VADER compound, −1 to +1)"
    rows = _group_rows(_voice_rows(sentiment, voice), groups).dropna(subset=["sentiment"])
    if actors is not None:
        rows = rows[rows["actor"].isin(list(actors))]
    if rows.empty:
        return _empty(title, "No sentence mentions any actor.")
    actors = sorted(rows["actor"].unique(), key=str)
    fig = go.Figure()
    for i, group in enumerate(sorted(rows["group"].unique(), key=str)):
        part = rows[rows["group"] == group].set_index("actor").reindex(actors).dropna(subset=["sentiment"])
        n_art = part["n_articles"] if "n_articles" in part else part["n_sentences"]
        fig.add_trace(go.Scatter(
            x=part["sentiment"], y=[safe(a) for a in part.index], mode="markers", name=safe(group),
            marker=dict(size=9, color=QUALITATIVE[i % len(QUALITATIVE)]),
            error_x=_dot_with_interval(part["sentiment"], part["ci_low"], part["ci_high"]),
            customdata=np.column_stack([part["ci_low"], part["ci_high"], part["n_sentences"], n_art]),
            hovertemplate=(f"<b>{safe(group)}</b><br>%{{y}}: %{{x:+.2f}}<br>95% CI %{{customdata[0]:+.2f}} – "
                           "%{customdata[1]:+.2f}<br>%{customdata[2]} sentences, %{customdata[3]} articles"
                           "<extra></extra>"),
        ))
    fig.add_vline(x=0, line=dict(color="#999", width=1, dash="dot"))
    fig.update_xaxes(range=[-1.05, 1.05])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(legend=dict(title=dict(text="outlet")))
    return _layout(fig, title, height=_height(len(actors), per_row=36, base=220))


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


def terms_scatter(terms: pd.DataFrame, *, group: str | None = None, label_top: int = 12,
                  max_points: int = 4000, title: str | None = None) -> go.Figure:
    """Monroe, Colaresi and Quinn (2008) 'Fightin' Words' plot: each term's frequency (log
    scale) against its log-odds z-score (the TF-IDF score for TF-IDF tables); terms
    significant after correction are red, and the most distinctive on each side labelled.
    Input: a ``terms.distinctive_terms`` table; ``group`` picks one comparison. At most
    ``max_points`` terms are drawn, the most distinctive either way (the title says so). The
    term itself is ``customdata[0]`` of every point, for click-through."""
    _require(terms, ["term", "count"], "terms_scatter")
    terms = _one_comparison(terms, group)
    value, value_title = _term_statistic(terms)
    versus = f" vs {terms['vs'].iloc[0]}" if "vs" in terms and len(terms) else ""
    focus = f"{terms['group'].iloc[0]}{versus}: " if "group" in terms and len(terms) else ""
    title = title or f"{safe(focus)}distinctive terms ({value_title})"
    if len(terms) > max_points:
        terms = terms.loc[terms[value].abs().nlargest(max_points).index]
        title += f"<br><sup>the {max_points:,} most distinctive terms either way</sup>"
    if terms.empty:
        return _empty(title, "No term passes the minimum count.")
    uses = terms["count"] + (terms["count_vs"] if "count_vs" in terms else 0)
    significant = (terms["significant"].astype("boolean").fillna(False).astype(bool) if "significant" in terms
                   else pd.Series(False, index=terms.index))
    labelled = set(terms.nlargest(label_top, value)["term"]) | set(terms.nsmallest(label_top, value)["term"])
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
    return _layout(fig, title, height=540)


def terms_bars(terms: pd.DataFrame, *, group: str | None = None, top: int = 15,
               title: str | None = None) -> go.Figure:
    """The ``top`` most distinctive terms on each side (for TF-IDF, the top terms of the
    group), as bars of their statistic, greyed out when not significant after correction; the
    term is ``customdata[0]`` of each bar."""
    _require(terms, ["term", "count"], "terms_bars")
    terms = _one_comparison(terms, group)
    value, value_title = _term_statistic(terms)
    title = title or f"Top {top} distinctive terms ({value_title})"
    if terms.empty:
        return _empty(title, "No term passes the minimum count.")
    sides = [terms.nlargest(top, value)] + ([terms.nsmallest(top, value)] if value == "z" else [])
    chosen = pd.concat(sides).drop_duplicates("term").sort_values(value)
    custom, hover = _term_hover(chosen)
    side_names = (str(chosen["group"].iloc[0]), str(chosen["vs"].iloc[0])) if {"group", "vs"} <= set(chosen) else ("", "")
    fig = go.Figure(go.Bar(
        x=chosen[value], y=chosen["term"].map(safe), orientation="h", customdata=custom,
        marker_color=_significance_colours(chosen, value),
        hovertemplate=hover.replace("%{y:.2f}", "%{x:.2f}"),
    ))
    axis = value_title
    if value == "z" and side_names[0]:
        axis = f"← {safe(side_names[1])} | {value_title} | {safe(side_names[0])} →"
    fig.update_xaxes(title=axis)
    return _layout(fig, title, height=_height(len(chosen), per_row=18, base=160))


def _significance_colours(terms: pd.DataFrame, value: str) -> np.ndarray:
    """Red or blue by side; a term that is not significant after correction greyed out."""
    colours = np.where(terms[value] >= 0, "#d62728", "#1f77b4")
    if "significant" in terms and terms["significant"].notna().any():
        significant = terms["significant"].astype("boolean").fillna(False).to_numpy(bool)
        colours = np.where(significant, colours, np.where(terms[value] >= 0, "#f0b8b8", "#b8cde0"))
    return colours


def outlet_map_plot(points: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Outlets placed so that similar frame/term profiles lie close together (a
    ``similarity.outlet_map`` table: ``outlet``, ``x``, ``y``)."""
    _require(points, ["outlet", "x", "y"], "outlet_map_plot")
    title = title or "Outlets placed by similarity of their profiles"
    if points.empty:
        return _empty(title, "No outlet to place.")
    colour = points["colour_by"] if "colour_by" in points else None
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
