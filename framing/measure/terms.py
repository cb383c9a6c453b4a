"""Distinctive terms: the statistics read from a group x term matrix (``framing.measure.term_matrix``).

``distinctive_terms`` reads the matrix three ways:

- the log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn (2008),
  "Fightin' Words", Political Analysis 16(4): 372-403, giving a z-score per term, and the
  same log-odds over an article-clustered standard error (``z_articles``, what significance
  reads): both in ``framing.measure.log_odds``. Its ``n`` is every word (bigram) of the texts,
  stop words and rare terms included (``totals``), so the z of a term does not depend on the
  stop-word list or ``min_count``, which only choose the terms listed;
- within events (``TermSettings.within_events``, the default when the articles carry event
  ids): the groups compared inside the events they share (``framing.measure.within_events``);
- TF-IDF with each group's articles taken together as one document (``TfidfTransformer``).

What is listed: each outlet's self-reference is removed from its texts before counting
(``framing.measure.self_reference``), and house-style terms (``framing.measure.house_style``)
are tested but left out of the lists, unless the settings keep them.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import false_discovery_control, norm

from framing.errors import SettingsError
from framing.measure.log_odds import dirichlet_prior, log_odds_scores
from framing.measure.term_counts import is_break, normalize_token
from framing.measure.term_matrix import (
    ArticleTerms,
    TermMatrix,
    build_term_matrix,
    check_counted_alike,
    count_article_terms,
    has_events,
    term_spans,
    tfidf_weights,
)
from framing.measure.within_events import article_counts, event_sides, within_event_scores
from framing.settings import TERM_METHODS, TermSettings

__all__ = ["METHODS", "REST", "RESULT_COLUMNS", "ArticleTerms", "TermMatrix", "TermSettings", "build_term_matrix",
           "count_article_terms",
           "distinctive_terms", "has_events", "is_break", "left_out_lines", "normalize_token", "term_spans",
           "tfidf_weights"]

METHODS = TERM_METHODS
REST = "rest"
RESULT_COLUMNS = ("group", "vs", "term", "ngram", "count", "count_vs", "n_articles", "n_articles_vs",
                  "n_events", "score", "z", "z_articles", "p", "significant", "style", "rank")
#: What ``TermSettings`` fields a matrix is built with (the others only choose what is read).
COUNTING = ("by", "stop_words", "keep_self_reference")


def distinctive_terms(source: pd.DataFrame | TermMatrix, settings: TermSettings | None = None, *,
                      group: str | Collection[str] | None = None, vs: str | None = None) -> pd.DataFrame:
    """Terms distinctive of each group (or of ``group``), against the rest of the corpus or
    against the group ``vs``, one row per group x term (columns: see docs/data-model.md).

    ``source`` is an articles table (``Analysis.articles``) or a ``TermMatrix`` already built
    (then ``settings`` must count the same way; ``ngram_range`` and ``min_count`` may narrow
    it). ``method="logodds"``: Monroe et al. (2008) z-scores (ranking the terms),
    ``z_articles`` (the same log-odds over a standard error clustered by article: uses bunched
    in one article count as little evidence), two-sided p of ``z_articles``, and
    ``significant`` after Benjamini & Hochberg (1995, "Controlling the false discovery rate",
    JRSS B 57(1): 289-300) over the terms tested in that comparison at false discovery rate
    ``alpha``; within events the same columns come from the stratified comparison.
    ``method="tfidf"``: each group's articles as one document; no z or p. ``top`` keeps the N
    best-ranked terms per group; house-style terms are left out unless ``keep_style``."""
    if settings is None:
        settings = source.settings if isinstance(source, TermMatrix) else TermSettings()
    matrix = _matrix_for(source, settings)
    within = _use_within(matrix, settings)
    lo, hi = settings.ngram_range
    test = _Test(in_range=(matrix.ngram >= lo) & (matrix.ngram <= hi), min_count=settings.min_count,
                 alpha=settings.alpha, top=settings.top,
                 listed=np.ones(len(matrix.terms), bool) if settings.keep_style else matrix.style == "")
    comparisons = _comparisons(matrix, group, vs)
    if settings.method == "logodds" and within:
        tables = [_within_event_rows(matrix, i, j, test) for i, j in comparisons]
    elif settings.method == "logodds":
        prior = dirichlet_prior(matrix, prior_scale=settings.prior_scale)
        tables = [_log_odds_rows(matrix, i, j, test, prior) for i, j in comparisons]
    else:
        # against the rest, every group's terms tested are the same: weigh them once
        tested = test.in_range & (matrix.corpus_counts >= test.min_count)
        rest = tfidf_weights(matrix.counts[:, tested]) if tested.any() and vs in (None, REST) else None
        tables = [_tfidf_rows(matrix, i, j, test, rest) for i, j in comparisons]
    return pd.concat(tables, ignore_index=True) if tables else _empty_result()


@dataclass(frozen=True)
class _Test:
    """What every comparison of one ``distinctive_terms`` call shares."""

    in_range: np.ndarray
    min_count: int
    alpha: float
    top: int | None
    listed: np.ndarray


def _use_within(matrix: TermMatrix, settings: TermSettings) -> bool:
    if settings.within_events is False or settings.method != "logodds":
        return False
    if settings.within_events and matrix.strata is None:
        raise SettingsError("within_events: this term matrix was built without events; build it from articles "
                            "with an event_id (framing.compare.events.with_events groups them)")
    return matrix.strata is not None


def _matrix_for(source, settings: TermSettings) -> TermMatrix:
    if not isinstance(source, TermMatrix):
        return build_term_matrix(source, settings)
    built = source.settings
    check_counted_alike(built, settings, same=COUNTING, what="this term matrix", made="built",
                        again="build another with build_term_matrix(articles, settings)")
    lo, hi = settings.ngram_range
    if lo < built.ngram_range[0] or hi > built.ngram_range[1]:
        raise SettingsError(f"this term matrix holds n-grams {built.ngram_range}, not {(lo, hi)}: build another "
                            f"with ngram_range={(lo, hi)}")
    return source


def _comparisons(matrix: TermMatrix, group, vs) -> list[tuple[int, int | None]]:
    """(group index, other group index or None for the rest) for each comparison asked for."""
    other = None if vs in (None, REST) else matrix.group_index(vs)
    if group is None:
        wanted = [g for g in range(len(matrix.groups)) if g != other]
    else:
        names = [group] if isinstance(group, str) else list(group)
        wanted = [matrix.group_index(name) for name in names]
    if other is not None and other in wanted:
        raise SettingsError(f"a group cannot be compared with itself: group and vs are both {vs!r}")
    return [(g, other) for g in wanted]


def _row(m: sparse.csr_matrix, i: int) -> np.ndarray:
    return np.asarray(m[i].todense(), dtype=float).ravel()


def _sides(matrix: TermMatrix, i: int, j: int | None):
    """Term counts and article counts of group i and of its comparison (group j or the rest)."""
    y_i, a_i = _row(matrix.counts, i), _row(matrix.article_counts, i)
    if j is not None:
        return y_i, a_i, _row(matrix.counts, j), _row(matrix.article_counts, j)
    return y_i, a_i, matrix.corpus_counts - y_i, matrix.corpus_article_counts - a_i


def _significance(z_articles: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided p of each z and whether it passes Benjamini-Hochberg at ``alpha``."""
    p = 2 * norm.sf(np.abs(z_articles))
    significant = false_discovery_control(p, method="bh") <= alpha if len(p) else np.zeros(0, dtype=bool)
    return p, significant


def _log_odds_rows(matrix: TermMatrix, i: int, j: int | None, test: _Test, prior) -> pd.DataFrame:
    y_i, a_i, y_j, a_j = _sides(matrix, i, j)
    delta, z, z_articles = log_odds_scores(matrix, i, j, y_i, y_j, prior)
    # a term that is the whole vocabulary of its n-gram order has no odds: it is not tested
    return _tested_rows(matrix, i, j, test, (y_i, y_j, a_i, a_j), delta, z, z_articles, n_events=None)


def _within_event_rows(matrix: TermMatrix, i: int, j: int | None, test: _Test) -> pd.DataFrame:
    sides = event_sides(matrix, i, j)
    y_i, y_j, score, z, z_articles = within_event_scores(sides, matrix.ngram)
    a_i, a_j = article_counts(sides)
    return _tested_rows(matrix, i, j, test, (y_i, y_j, a_i, a_j), score, z, z_articles, n_events=len(sides.events))


def _tested_rows(matrix, i, j, test: _Test, sides, score, z, z_articles, *, n_events) -> pd.DataFrame:
    """Test every term in range used ``min_count`` times (BH over them all), then list the
    best-ranked of those ``test.listed``."""
    y_i, y_j = sides[0], sides[1]
    tested = np.flatnonzero(test.in_range & (y_i + y_j >= test.min_count) & np.isfinite(z))
    p, significant = _significance(z_articles[tested], test.alpha)
    keep = test.listed[tested]
    tested, p, significant = tested[keep], p[keep], significant[keep]
    order = _ranked(z[tested], test.top)
    return _rows(matrix, i, j, tested[order], sides, score=score[tested][order], z=z[tested][order],
                 z_articles=z_articles[tested][order], p=p[order], significant=significant[order], n_events=n_events)


def _tfidf_rows(matrix: TermMatrix, i: int, j: int | None, test: _Test, rest) -> pd.DataFrame:
    """TF-IDF weights (``tfidf_weights``) of the terms tested, with the groups as documents:
    every group (against the rest: ``rest``, computed once) or the two groups compared."""
    y_i, a_i, y_j, a_j = _sides(matrix, i, j)
    tested = test.in_range & (y_i + y_j >= test.min_count)
    if not tested.any():
        return _empty_result()
    if j is None:
        weights = _row(rest, i)
    else:
        weights = _row(tfidf_weights(matrix.counts[[i, j]][:, tested]), 0)
    tfidf = np.zeros(len(tested))
    tfidf[tested] = weights
    used = np.flatnonzero(tested & (y_i > 0) & test.listed)
    order = _ranked(tfidf[used], test.top)
    nan = np.full(len(order), np.nan)
    return _rows(matrix, i, j, used[order], (y_i, y_j, a_i, a_j), score=tfidf[used][order], z=nan,
                 z_articles=nan, p=nan, significant=pd.array([pd.NA] * len(order), dtype="boolean"), n_events=None)


def _ranked(values: np.ndarray, top: int | None) -> np.ndarray:
    """Positions of ``values`` from highest to lowest (ties keep the terms' alphabetical
    order), cut to the first ``top`` (found by partition: a full sort of 10^5 terms per group
    is most of the time otherwise)."""
    if top is not None and top < len(values):
        cut = np.partition(values, len(values) - top)[len(values) - top]
        candidates = np.flatnonzero(values >= cut)  # alphabetical, ties at the cut included
        return candidates[np.argsort(-values[candidates], kind="stable")][:top]
    return np.argsort(-values, kind="stable")


def _rows(matrix, i, j, columns, sides, *, score, z, z_articles, p, significant, n_events) -> pd.DataFrame:
    """One comparison's rows, already in rank order; ``columns`` index the matrix's terms."""
    y_i, y_j, a_i, a_j = (side[columns] for side in sides)
    return pd.DataFrame({
        "group": matrix.groups[i], "vs": REST if j is None else matrix.groups[j],
        "term": matrix.terms[columns].astype(str), "ngram": matrix.ngram[columns],
        "count": y_i.astype(np.int64), "count_vs": y_j.astype(np.int64),
        "n_articles": a_i.astype(np.int64), "n_articles_vs": a_j.astype(np.int64),
        "n_events": pd.array([n_events] * len(columns), dtype="Int64"),
        "score": score, "z": z, "z_articles": z_articles, "p": p,
        "significant": pd.array(significant, dtype="boolean"),
        "style": matrix.style[columns].astype(str) if len(columns) else np.array([], dtype=object),
        "rank": np.arange(1, len(columns) + 1),
    })


def left_out_lines(matrix: TermMatrix, settings: TermSettings) -> list[str]:
    """What was removed before counting and what is not listed, each with the setting that
    keeps it (for the command line's messages and the dashboard)."""
    lines = []
    if matrix.removed is not None and matrix.removed.removed:
        lines.append("removed before counting, as self-reference (--keep-self-reference keeps it):")
        lines += [f"  {line}" for line in matrix.removed.lines()]
    if not settings.keep_style:
        kinds = pd.Series(matrix.style[matrix.style != ""]).value_counts()
        if len(kinds):
            lines.append("house-style terms tested but not listed (--keep-style lists them): "
                         + ", ".join(f"{kind} {n:,}" for kind, n in kinds.items()))
    return lines


def _empty_result() -> pd.DataFrame:
    return pd.DataFrame({column: [] for column in RESULT_COLUMNS})
