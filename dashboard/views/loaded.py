"""Loaded language: each outlet's loaded language per 1,000 words, split by voice, its most
loaded words, and the sentences behind any of them."""
from __future__ import annotations

import streamlit as st

from dashboard import data, state
from dashboard.filters import loaded_words_summary
from dashboard.views.common import VOICES, figure, filter_bar, md, outlets_shown
from framing.measure.loaded import has_loaded_lexicon
from framing.present.encoding import plural
from framing.present.loaded_plot import loaded_rates_plot

SENTENCE_COLUMNS = ("matched", "text", "loaded", "loaded_author", "voice", "speaker", "negated", "title", "article_id")


def render(ctx) -> None:
    if not has_loaded_lexicon(ctx.analysis.lexicons):
        st.warning("The loaded lexicon is not among the chosen lexicons: tick it in the sidebar.")
        return
    flt, voice = filter_bar(ctx)
    shown = outlets_shown(ctx, data.filtered(ctx.analysis, flt).articles)
    rates = data.loaded_scores(ctx.analysis, flt)
    clicked = figure(loaded_rates_plot(rates, groups=shown), key="loaded_rates", on_select="rerun",
                     selection_mode="points")
    _follow_click(clicked, ctx)
    st.caption("Loaded language: evaluative words, intensifiers, labels ('regime', 'thugs'), attack verbs ('slammed'), "
               "loaded reporting verbs and dysphemisms of the loaded lexicon, each weighted by how reliably it marked "
               "loaded language in annotated news (1 = a typical loaded word), per 1,000 words. Black: every voice; "
               "red: the outlet's own words; blue: quoted sources (their words, not the outlet's). Negated words count "
               "and are flagged. Lines are 95% intervals over articles.")
    words = data.loaded_words(ctx.analysis, flt, voice)
    st.subheader(f"Most loaded words of each outlet ({md(VOICES[voice].lower())})")
    summary = loaded_words_summary(words, rates[rates["voice"] == voice], groups=shown)
    st.dataframe(summary, hide_index=True, width="stretch", key="loaded_summary")
    _sentences(ctx, flt, words, voice)


def _follow_click(event, ctx) -> None:
    """A click on an outlet's dot picks that outlet for the sentences below (once per click)."""
    points = getattr(getattr(event, "selection", None), "points", None) or []
    custom = next((p.get("customdata") for p in points if p.get("customdata")), None)
    outlet = str(custom[0]) if custom else None
    if outlet and st.session_state.get("_clicked_loaded") != outlet and outlet in ctx.outlets:
        state.put("loaded_outlet", outlet)
    st.session_state["_clicked_loaded"] = outlet


def _sentences(ctx, flt, words, voice: str) -> None:
    st.subheader("The sentences behind a word")
    outlets = list(dict.fromkeys(words["group"]))
    if not outlets:
        st.info("No loaded word in these articles.")
        return
    cols = st.columns(2)
    with cols[0]:
        outlet = state.choice("Outlet", "loaded_outlet", outlets)
    terms = words.loc[words["group"] == outlet, "term"].tolist()
    with cols[1]:
        term = state.choice("Loaded word", "loaded_word", terms,
                            format_func=lambda t: _term_label(words, outlet, t))
    lines = data.loaded_word_lines(ctx.analysis, flt, outlet, term, voice)
    st.caption(f"{plural(len(lines), 'use')} of {md(term)} in {md(outlet)}; each sentence with its loaded-language score "
               "(loaded: every voice; loaded_author: the outlet's own words only). Click an outlet's dot to pick it.")
    st.dataframe(lines[list(SENTENCE_COLUMNS)], hide_index=True, width="stretch", key="loaded_lines")


def _term_label(words, outlet: str, term: str) -> str:
    row = words[(words["group"] == outlet) & (words["term"] == term)]
    if row.empty:
        return term
    row = row.iloc[0]
    return f"{row['example']} ({int(row['hits'])}×, {row['frame'].replace('_', ' ')})"
