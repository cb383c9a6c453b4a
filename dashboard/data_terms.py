"""The dashboard's cached calls for distinctive terms: each article's term counts (counted once
per analysis), the term matrix summed from them for any Compare by and filter, the terms table,
what the counts leave out, and paired words across events. Same rules as ``dashboard.data``
(``st.cache_resource``, nothing returned is modified in place)."""
from __future__ import annotations

from dataclasses import replace
from functools import partial

import pandas as pd

from dashboard import background
from dashboard.data import (
    TERM_SETTINGS,
    _cached,
    _stored,
    article_terms_key,
    articles_with_events,
    filtered,
    kept,
    workers,
)
from dashboard.filters import ArticleFilter
from framing import measure
from framing.measure.analysis import Analysis
from framing.settings import TermSettings


def article_terms(analysis: Analysis, *, keep_self_reference: bool = False) -> measure.ArticleTerms:
    """Each article's term counts (``framing.measure.term_matrix.count_article_terms``), kept on
    disk only: counted once per analysis (the texts read in worker processes on a large corpus,
    in the background after a new analysis: ``data.after_first_page``), then summed per group
    for any Compare by and filter."""
    counting = replace(TERM_SETTINGS, keep_self_reference=keep_self_reference)
    return kept(article_terms_key(analysis, counting),
                partial(background.counted_terms, lambda: analysis.articles, counting, workers()))


@_cached(max_entries=4, show_spinner="Counting terms per outlet (once per corpus and filter)…")
def term_matrix(analysis: Analysis, flt: ArticleFilter, settings: TermSettings = TERM_SETTINGS) -> measure.TermMatrix:
    """The outlet x term matrix every term statistic reads (``framing.measure.terms.build_term_matrix``),
    summed from ``article_terms``; ``settings.within_events`` True groups the articles into
    events first when they have none."""
    counting = replace(TERM_SETTINGS, keep_self_reference=settings.keep_self_reference,
                       within_events=settings.within_events, by=settings.by)

    def compute():
        articles = filtered(analysis, flt).articles
        if counting.within_events and not measure.has_events(articles):
            articles = articles_with_events(analysis).loc[articles.index]
        counted = article_terms(analysis, keep_self_reference=counting.keep_self_reference)
        return measure.build_term_matrix(articles.dropna(subset=[counting.by]), counting, counted=counted)

    return _stored(analysis, "term_matrix", flt, counting, compute=compute)


@_cached(max_entries=16, show_spinner="Finding distinctive terms…")
def term_table(analysis: Analysis, flt: ArticleFilter, *, group: str, vs: str | None, method: str,
               keep: bool = False, within: bool | None = None, by: str = "outlet") -> pd.DataFrame:
    """Distinctive terms of ``group`` (a value of ``by``); ``keep``: self-reference and house
    style kept and listed; ``within``: compare within events (None: when the corpus has event ids)."""
    settings = replace(TERM_SETTINGS, method=method, keep_self_reference=keep, keep_style=keep, within_events=within,
                       by=by)
    return _stored(analysis, "distinctive_terms", flt, group, vs, settings, compute=lambda: measure.distinctive_terms(
        term_matrix(analysis, flt, settings), settings, group=group, vs=vs))


@_cached(max_entries=8, show_spinner=False)
def terms_left_out(analysis: Analysis, flt: ArticleFilter, *, within: bool | None = None,
                   by: str = "outlet") -> list[str]:
    """What the default term counts removed and what they do not list (``left_out_lines``), from
    the same term matrix as the terms shown (same ``by``: another would count every text again)."""
    settings = replace(TERM_SETTINGS, within_events=within, by=by)
    return measure.left_out_lines(term_matrix(analysis, flt, settings), settings)


@_cached(max_entries=8, show_spinner="Finding paired words…")
def paired_table(analysis: Analysis, flt: ArticleFilter) -> pd.DataFrame:
    """Paired words across the events (``framing.compare.paired_words``), events grouped first."""
    from framing.compare.paired_words import paired_words

    def compute():
        chosen = filtered(analysis, flt)
        with_ids = chosen.with_articles(articles_with_events(analysis).loc[chosen.articles.index], label="events")
        return paired_words(with_ids)

    return _stored(analysis, "paired_words", flt, compute=compute)
