"""Distinctive terms: what one outlet says that the others don't (log-odds with an
informative Dirichlet prior, or TF-IDF), and a click through to the concordance."""
from __future__ import annotations

import streamlit as st

from dashboard import data, data_terms, state
from dashboard.views.common import LISTED_OCCURRENCES, figure, filter_bar, md, occurrence_list
from framing.present import plots
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
    options = st.columns(2)
    with options[0]:
        within = st.toggle("Compare within events", value=data.has_events(ctx.analysis), key="terms_within",
                           disabled=method != "logodds",
                           help="A word counts as distinctive only when this outlet uses it where the others, "
                                "covering the same event, use other words. Without event ids in the corpus, the "
                                "articles are grouped into events first.")
    with options[1]:
        keep = st.toggle("Show self-reference and house style", value=False, key="terms_keep",
                         help="By default each outlet's own name, bylines, datelines, wire tags and transcript "
                              "labels are removed before counting, and house-style terms (Mr., 'President Donald', "
                              "'said', 'U.S.') are not listed: they say who wrote, not how the story is framed.")
    table = data_terms.term_table(ctx.analysis, flt, group=focus, vs=None if versus == REST else versus,
                                  method=method, keep=keep, within=within if method == "logodds" else False,
                                  by=ctx.by)
    st.caption(_what_is_shown(table, keep, within and method == "logodds"))
    if not keep:
        with st.expander("What was left out, and why"):
            lines = data_terms.terms_left_out(ctx.analysis, flt, within=within if method == "logodds" else False,
                                              by=ctx.by)
            st.text("\n".join(lines) if lines else "Nothing: no outlet names itself and no house-style term was found.")
    left, right = st.columns([3, 2])
    with left:
        scatter = figure(plots.terms_scatter(table, group=focus), key="terms_scatter", on_select="rerun",
                         selection_mode="points")
    with right:
        bars = figure(plots.terms_bars(table, group=focus), key="terms_bars", on_select="rerun",
                      selection_mode="points")
    for name, event in (("scatter", scatter), ("bars", bars)):
        clicked = _clicked_term(event)
        if clicked and st.session_state.get(f"_clicked_{name}") != clicked:  # a new click, not a rerun
            state.put("term", clicked)
        st.session_state[f"_clicked_{name}"] = clicked
    _concordance(ctx, flt, table)
    _paired(ctx, flt)


def _what_is_shown(table, keep: bool, within: bool) -> str:
    parts = ["Within events: " + (f"{int(table['n_events'].dropna().iloc[0])} events both sides covered."
                                  if len(table) and table["n_events"].notna().any() else "no event both sides covered.")
             if within else "Over the whole corpus."]
    if not keep:
        parts.append("Self-reference removed and house style not listed.")
    parts.append("Pale bars and grey points are not significant after correction.")
    return " ".join(parts)


#: Up to this many articles, paired words are found when the view opens; a larger corpus finds
#: them when asked (they align the sentences of every shared event: on the 37,554 AllSides
#: articles that ran for more than 28 minutes, which no first opening may cost).
PAIRED_AT_ONCE_UP_TO = 5_000


def _paired(ctx, flt) -> None:
    st.subheader("Paired words")
    st.caption("What one outlet calls a thing where another, reporting the same event, uses a different word: "
               "the naming labels each uses most, and words swapped in sentences that report the same fact.")
    n_articles = len(ctx.analysis.articles)
    if n_articles > PAIRED_AT_ONCE_UP_TO and not st.session_state.get("paired_asked"):
        st.caption(f"Finding them aligns the sentences of every event two outlets share: on {n_articles:,} "
                   "articles this takes many minutes (kept on disk afterwards). `framing paired CORPUS` does the "
                   "same from the command line.")
        if not st.button("Find paired words", key="paired_button"):
            return
        st.session_state["paired_asked"] = True
    table = data_terms.paired_table(ctx.analysis, flt)
    if table.empty:
        st.caption("No pair: no event was covered by two outlets that named something differently.")
        return
    shown = table.head(30).drop(columns=["events"])
    st.dataframe(shown, hide_index=True, width="stretch")


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
    found = data.first_occurrences(ctx.analysis, flt, term.strip(), kind="phrase", limit=LISTED_OCCURRENCES)
    st.caption(f"{plural(found.total, 'occurrence')} of “{md(term)}” in {plural(found.articles, 'article')}.")
    columns = [c for c in ("outlet", "left", "match", "right", "voice", "title", "article_id") if c in found.rows]
    occurrence_list(ctx, found.rows, columns, key="terms_concordance", total=found.total,
                    every=lambda: data.concordance_table(ctx.analysis, flt, term.strip(), kind="phrase"))
