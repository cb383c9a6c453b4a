"""Distinctive terms within events: a term is distinctive of an outlet when, covering the same
event as the others, it uses that term where they use other words.

Pooled over the corpus, an outlet's terms mix how it words a story with which stories it
covers: an outlet that covered more tariff stories "says tariff" more. Here each event that
both sides cover is a stratum, and the term's uses are compared inside each stratum, then
summed: the stratified (Mantel-Haenszel) comparison of two rates (Mantel & Haenszel 1959,
"Statistical aspects of the analysis of data from retrospective studies of disease", JNCI 22:
719-748; for rates per word, Greenland & Robins 1985, "Estimation of a common effect parameter
from sparse follow-up data", Biometrics 41: 55-68). Events only one side covers say nothing and
are left out.

For a term, in each shared event ``e``: ``y_e`` its uses by the group, ``x_e`` by the others,
``n_e`` and ``m_e`` their words (n-grams of the term's order), ``f_e = n_e / (n_e + m_e)``
the group's share of the event's words, ``t_e = y_e + x_e``:
- ``O - E = sum_e (y_e - f_e t_e)``: uses beyond what the group's share of the words predicts;
- ``V = sum_e f_e (1 - f_e) t_e``: its variance given each event's uses (binomial); ``z =
  (O - E) / sqrt(V)`` ranks the terms;
- ``z_articles``: the same over ``max(V, V_a)``, where ``V_a`` is the article-clustered
  (sandwich) variance of ``O - E``, ``A / (A - 1) * sum_a c_a^2 r_a^2`` over the ``A``
  articles of the shared events, ``r_a = y_a - p_e n_a`` (``p_e = t_e / (n_e + m_e)``) and
  ``c_a = 1 - f_e`` for the group's articles, ``-f_e`` for the others' (Liang & Zeger 1986,
  "Longitudinal data analysis using generalized linear models", Biometrika 73: 13-22): uses
  bunched in one article count as little evidence, as in ``framing.measure.log_odds``;
- ``score``: the log of the Mantel-Haenszel rate ratio, ``ln((sum_e y_e (1 - f_e) + 0.5) /
  (sum_e x_e f_e + 0.5))`` (0.5 added to each side so a term one side never uses stays finite).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from framing.errors import SettingsError
from framing.measure.term_matrix import Strata, TermMatrix


@dataclass(frozen=True)
class EventSides:
    """One comparison restricted to the events both sides cover: per shared event (rows), each
    side's term counts, article counts, words per order and article moments."""

    y: sparse.csr_matrix
    x: sparse.csr_matrix
    used_y: sparse.csr_matrix
    used_x: sparse.csr_matrix
    n: np.ndarray
    m: np.ndarray
    squares_y: sparse.csr_matrix
    cross_y: sparse.csr_matrix
    length_squares_y: np.ndarray
    squares_x: sparse.csr_matrix
    cross_x: sparse.csr_matrix
    length_squares_x: np.ndarray
    n_articles: int
    events: np.ndarray


def event_sides(matrix: TermMatrix, i: int, j: int | None) -> EventSides:
    """Group ``i`` and group ``j`` (None: every other group) in each event both cover."""
    strata = _strata(matrix)
    n_events = len(strata.events)
    mine = _per_event(strata, strata.group == i, n_events)
    other = _per_event(strata, (strata.group != i) if j is None else (strata.group == j), n_events)
    shared = np.flatnonzero((mine[-1] > 0) & (other[-1] > 0))
    (y, used_y, n, sq_y, cross_y, ls_y, a_y), (x, used_x, m, sq_x, cross_x, ls_x, a_x) = (
        [part[shared] for part in side] for side in (mine, other))
    return EventSides(y=y, x=x, used_y=used_y, used_x=used_x, n=n, m=m, squares_y=sq_y, cross_y=cross_y,
                      length_squares_y=ls_y, squares_x=sq_x, cross_x=cross_x, length_squares_x=ls_x,
                      n_articles=int(a_y.sum() + a_x.sum()), events=shared)


def _strata(matrix: TermMatrix) -> Strata:
    if matrix.strata is None:
        raise SettingsError("this term matrix was built without events: build it with "
                            "TermSettings(within_events=True) from articles that have an event_id")
    return matrix.strata


def _per_event(strata: Strata, chosen: np.ndarray, n_events: int):
    picked = np.flatnonzero(chosen)
    to_event = sparse.csr_matrix((np.ones(len(picked)), (strata.event[picked], picked)),
                                 shape=(n_events, len(strata.group)))
    m = strata.moments
    return ((to_event @ strata.counts).tocsr(), (to_event @ strata.article_counts).tocsr(), to_event @ strata.totals,
            (to_event @ m.squares).tocsr(), (to_event @ m.cross).tocsr(), to_event @ m.length_squares,
            to_event @ strata.n_articles.astype(float))


def within_event_scores(sides: EventSides, ngram: np.ndarray):
    """Per term: ``O``, the others' uses, ``score``, ``z`` and ``z_articles`` (module doc)."""
    n_terms = len(ngram)
    t = (sides.y + sides.x).tocoo()
    rows, cols = t.row, t.col
    order = ngram[cols]
    n, m = sides.n[rows, order].astype(float), sides.m[rows, order].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        f = np.where(n + m > 0, n / (n + m), 0.0)
        p = np.where(n + m > 0, t.data / (n + m), 0.0)
    y, x = _at(sides.y, rows, cols), _at(sides.x, rows, cols)

    def total(values):
        return np.bincount(cols, weights=values, minlength=n_terms)

    observed, others = total(y), total(x)
    expected, variance = total(f * t.data), total(f * (1 - f) * t.data)
    spread_y = _spread(_at(sides.squares_y, rows, cols), _at(sides.cross_y, rows, cols),
                       sides.length_squares_y[rows, order], p)
    spread_x = _spread(_at(sides.squares_x, rows, cols), _at(sides.cross_x, rows, cols),
                       sides.length_squares_x[rows, order], p)
    small_sample = sides.n_articles / (sides.n_articles - 1) if sides.n_articles > 1 else 0.0
    clustered = small_sample * total((1 - f) ** 2 * spread_y + f ** 2 * spread_x)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.log((total(y * (1 - f)) + 0.5) / (total(x * f) + 0.5))
        z = (observed - expected) / np.sqrt(variance)
        z_articles = (observed - expected) / np.sqrt(np.maximum(variance, clustered))
    return observed, others, score, z, z_articles


def _at(matrix: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    if len(rows) == 0:
        return np.zeros(0)
    return np.asarray(matrix[rows, cols], dtype=float).ravel()


def _spread(squares, cross, length_squares, p):
    """``sum_a (y_a - p n_a)^2`` over one side's articles of an event."""
    return np.maximum(squares - 2 * p * cross + p * p * length_squares, 0.0)


def article_counts(sides: EventSides) -> tuple[np.ndarray, np.ndarray]:
    """How many articles of each side use each term, in the shared events."""
    return (np.asarray(sides.used_y.sum(axis=0), dtype=float).ravel(),
            np.asarray(sides.used_x.sum(axis=0), dtype=float).ravel())
