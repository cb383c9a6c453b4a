"""Framing over time: one frame pole's rate per month (or week, year) for each outlet or
group, with 95% intervals; periods without an article are gaps, and what the period length
left out (undated articles, dates too coarse) is said under the figure."""
from __future__ import annotations

import streamlit as st

from dashboard import data_groups, state
from dashboard.views.common import figure, filter_bar, lexicons_of_role, md, role_choice
from framing.present.time_plots import rates_over_time_plot
from framing.settings import PERIODS

#: Lines drawn by default; more are picked by hand.
MAX_LINES = 8


def render(ctx) -> None:
    flt, voice = filter_bar(ctx)
    role = role_choice()
    lexicons = lexicons_of_role(ctx, role)
    if not lexicons:
        st.warning("None of the chosen lexicons has frames of this role: pick another role or lexicon.")
        return
    poles = [f"{f.name}/{p.name}" for lex in ctx.analysis.lexicons if lex.name in lexicons for f in lex.frames
             if f.role == role for p in f.poles]
    cols = st.columns([1, 1.4, 2.6])
    with cols[0]:
        period = state.choice("Per", "period", list(PERIODS), draw=st.radio, horizontal=True,
                              help="Articles dated only by month are in no week; undated articles are in no period.")
    with cols[1]:
        pole = state.choice("Frame: pole", "time_pole", poles)
    report = data_groups.period_report(ctx.analysis, flt, period)
    if report.placed == 0:
        st.info(" ".join(report.lines()) + ": nothing to draw over time.")
        return
    rates = data_groups.period_scores(ctx.analysis, flt, by=ctx.by, period=period)
    with cols[2]:
        lines = _lines(ctx, rates)
    frame, pole_name = pole.split("/", 1)
    figure(rates_over_time_plot(rates, frame=frame, pole=pole_name, voice=voice, groups=lines,
                                max_groups=MAX_LINES), key="time_rates")
    st.caption(md(" · ".join(report.lines())) + ". Lines are labelled at their ends; hover a point for its "
               "interval, hits and articles.")


def _lines(ctx, rates) -> list[str]:
    """The groups drawn: all when few; else the user's pick, the largest by default."""
    # a row's group is "outlet / period": an outlet's articles are its periods' articles summed
    per_period = rates.groupby([ctx.by, "period"], observed=True)["n_articles"].max()
    sizes = per_period.groupby(level=0).sum().sort_values(ascending=False, kind="stable")
    groups = ctx.groups
    if len(groups) <= MAX_LINES:
        return groups
    largest = [g for g in sizes.index[:MAX_LINES] if g in groups]
    label = f"{ctx.noun.capitalize()}s drawn ({len(groups)} in all; the {MAX_LINES} with the most articles by default)"
    return state.choices(label, "overview_outlets", groups, default=largest, wrap=True) or largest
