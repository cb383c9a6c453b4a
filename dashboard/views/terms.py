"""Distinctive terms: what one outlet says that the others don't (log-odds with an
informative Dirichlet prior, or TF-IDF), and a click through to the concordance."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.views.common import figure, filter_bar, md
from framing.present import term_plots
from framing.present.encoding import plural

REST = "(rest of the corpus)"
METHODS = {"logodds": "Log-odds z-score (Monroe et al. 2008)", "tfidf": "TF-IDF"}


def render(ctx) -> None:
    flt, _ = filter_bar(ctx, voice=False)
    outlets = ctx.groups
    cols = st.columns(3)
    with cols[0]:
        focus = state.choice(ctx.noun.capitalize(), "focus", outlets)
    with cols[1]:
        versus = state.choice("Against", "versus", [REST] + [o for o in outlets if o != focus])
    with cols[2]:
        method = state.choice("Statistic", "method", list(METHODS), format_func=METHODS.get,
                              help="Log-odds z-score: how much more often this outlet uses a word than the others, "
                                   "in standard errors. Red and blue are significant after correcting for testing "
                                   "thousands of words, with uses bunched in one article counting as little "
                                   "evidence (the test clusters by article). TF-IDF: "
                                   "words frequent in this outlet and rare elsewhere, with no test.")
    table = data.term_table(ctx.analysis, flt, group=focus, vs=None if versus == REST else versus,
                            method=method, by=ctx.by)
    left, right = st.columns([3, 2])
    with left:
        scatter = figure(term_plots.terms_scatter(table, group=focus), key="terms_scatter", on_select="rerun",
                         selection_mode="points")
    with right:
        bars = figure(term_plots.terms_bars(table, group=focus), key="terms_bars", on_select="rerun",
                      selection_mode="points")
    for name, event in (("scatter", scatter), ("bars", bars)):
        clicked = _clicked_term(event)
        if clicked and st.session_state.get(f"_clicked_{name}") != clicked:  # a new click, not a rerun
            state.put("term", clicked)
        st.session_state[f"_clicked_{name}"] = clicked
    _concordance(ctx, flt, table)


def _clicked_term(event) -> str | None:
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else \
        getattr(getattr(event, "selection", None), "points", []) or []
    for point in points:
        custom = point.get("customdata")
        if custom:
            return str(custom[0] if isinstance(custom, (list, tuple)) else custom)
    return None


def _concordance(ctx, flt, table) -> None:
    st.subheader("Concordance")
    terms = table["term"].astype(str).tolist()
    term = state.text("Term or phrase (click a point or bar above, or type)", "term",
                      default=terms[0] if terms else "")
    if not term.strip():
        return
    lines = data.concordance_table(ctx.analysis, flt, term.strip(), kind="phrase")
    n_articles = lines["article_id"].nunique() if len(lines) else 0
    st.caption(f"{plural(len(lines), 'occurrence')} of “{md(term)}” in {plural(n_articles, 'article')}.")
    columns = [c for c in ("outlet", "left", "match", "right", "voice", "title", "article_id") if c in lines]
    st.dataframe(lines[columns], hide_index=True, width="stretch",
                 column_config={"left": st.column_config.TextColumn(width="large"),
                                "right": st.column_config.TextColumn(width="large")})
