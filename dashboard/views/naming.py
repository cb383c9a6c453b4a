"""Naming: for each naming set, which label each outlet uses for the same referent, and a
click through to the sentences that use a label."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import busiest_cell, naming_table
from dashboard.views.common import figure, filter_bar, md, occurrence_list, outlets_shown
from framing.present import plots
from framing.present.encoding import plural


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    shares = data.share_scores(ctx.analysis, flt, by=ctx.by)
    sets = list(dict.fromkeys(shares["naming_set"])) if len(shares) else []
    if not sets:
        st.warning("None of the chosen lexicons has naming sets.")
        return
    described = {n.name: n.description for lex in ctx.analysis.lexicons for n in lex.naming_sets}
    cols = st.columns([1, 3])
    with cols[0]:
        naming_set = state.choice("Naming set (one referent, its competing labels)", "naming_set", sets)
    with cols[1]:
        shown = outlets_shown(ctx, data.filtered(ctx.analysis, flt).articles)
    if described.get(naming_set):
        st.markdown(f"**{md(naming_set)}**: {md(described[naming_set])}")
    clicked = figure(plots.label_shares_plot(shares, naming_set=naming_set, voice=voice, groups=shown,
                                             members=ctx.members()),
                     key="naming_shares", on_select="rerun", selection_mode="points")
    st.caption(f"Each bar is one {md(ctx.noun)}'s mentions of the referent, split by the label used: each segment "
               "prints its share and its count of mentions, each row its mentions in all; hover for the interval and "
               "articles. Click a segment for the sentences that use that label.")
    _follow_bar_click(clicked, ctx, naming_set)
    st.dataframe(_readable(naming_table(shares, naming_set=naming_set, voice=voice), ctx.noun), hide_index=True,
                 width="stretch", key="naming_numbers")
    busiest = busiest_cell(shares[shares["naming_set"] == naming_set], voice=voice, count="count", cell=("label",),
                           ties=())
    _label_lines(ctx, flt, naming_set, voice, busiest)


def _follow_bar_click(event, ctx, naming_set: str) -> None:
    """A click on a bar segment picks its outlet and label for the sentences below (once per
    click)."""
    points = getattr(getattr(event, "selection", None), "points", None) or \
        ((event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else [])
    custom = next((p.get("customdata") for p in points if p.get("customdata")), None)
    picked = (naming_set, custom[4], custom[5]) if custom and len(custom) >= 6 else None
    if picked and st.session_state.get("_clicked_label") != picked and picked[1] in ctx.groups:
        state.put("naming_outlet", picked[1])
        state.put("naming_label", picked[2])
    st.session_state["_clicked_label"] = picked


def _label_lines(ctx, flt, naming_set: str, voice: str, busiest: tuple[str, str] | None) -> None:
    st.subheader("The sentences behind a share")
    labels = [label.name for lex in ctx.analysis.lexicons for n in lex.naming_sets if n.name == naming_set
              for label in n.labels]
    cols = st.columns(2)
    with cols[0]:
        outlet = state.choice(ctx.noun.capitalize(), "naming_outlet", ctx.groups, default=busiest[0] if busiest else None)
    with cols[1]:
        label = state.choice("Label", "naming_label", labels, default=busiest[1] if busiest else None)
    lines = data.occurrence_rows(ctx.analysis, flt, f"{naming_set}/{label}", kind="label",
                                 outlets=ctx.outlets_of(outlet))
    counted = lines if voice == "all" else lines[lines["voice"] == voice]
    uses = plural(len(lines), "use")
    st.caption(f"{uses} of “{md(label)}” in {md(outlet)} ({len(counted)} in the chosen voice).")
    columns = [c for c in ("outlet", "left", "match", "right", "voice", "speaker", "title", "article_id") if c in lines]
    occurrence_list(ctx, lines, columns, key="naming_lines")


def _readable(table, noun: str):
    """The shares table as a reader wants it: shares as percentages with their interval in
    words, counts beside them, no raw ``ci_low`` or ``None``."""
    out = table.rename(columns={"group": noun, "count": "uses", "total": "mentions", "n_articles": "articles"})
    out["share"] = [f"{s:.0%}" if s == s else "" for s in table["share"]]
    out["95% interval"] = [f"{lo:.0%} – {hi:.0%}" if lo == lo and hi == hi else "no interval"
                           for lo, hi in zip(table["ci_low"], table["ci_high"])]
    out["evidence"] = ["not enough" if weak else "" for weak in table.get("low_support", [False] * len(table))]
    return out.drop(columns=["ci_low", "ci_high", "low_support"], errors="ignore")
