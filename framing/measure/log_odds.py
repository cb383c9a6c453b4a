"""The log-odds ratio with an informative Dirichlet prior of ``framing.measure.terms``, and how sure it
is when words are not independent draws.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4): 372-403, eqs. 16-22:
``log_odds_dirichlet`` gives ``delta``, its variance ``1/(y_i + a) + 1/(y_j + a)`` and ``z``;
``dirichlet_prior`` the prior counts ``a``.

That variance treats every use of a term as an independent draw. Words are bursty: a term used
59 times in one article is one author's subject, not 59 pieces of evidence about an outlet
(Church & Gale 1995, "Poisson mixtures", Natural Language Engineering 1(2); Lijffijt et al.
2016, "Significance testing of word frequencies in corpora", Digital Scholarship in the
Humanities 31(2): 374-397, who show token-level tests marking such words and recommend
inference over texts). So each side's rate of a term, ``p = sum(y_a) / sum(n_a)`` over its
articles (``y_a`` the uses in article ``a``, ``n_a`` the article's words of that n-gram
order), is also treated as a ratio estimator with a variance estimated from the articles
(linearisation, Cochran 1977, "Sampling Techniques", 6.4; a sandwich estimator clustered by
article): ``var(p) = A/(A-1) * sum((y_a - p n_a)^2) / (sum n_a)^2`` over the ``A`` articles
with words, hence by the delta method ``var(log p) = A/(A-1) * sum((y_a - p n_a)^2) / (y +
a)^2``. For independent draws ``sum((y_a - p n_a)^2)`` is about ``y`` and this is about
Monroe's ``1/(y + a)``; for uses bunched in few articles it is far larger. ``z_articles``
divides ``delta`` by the square root of the sum over both sides of the larger of the two
variances. The sums come from per-group moments (``ArticleMoments``), so any comparison (a
group, another group, the rest) is read from the matrix alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from framing.errors import SettingsError

if TYPE_CHECKING:
    from framing.measure.term_matrix import TermMatrix

#: Articles per block when the moments are summed (bounds the memory of the squared counts).
_BLOCK = 4096


def log_odds_dirichlet(y_i, n_i, y_j, n_j, alpha_w, alpha_0):
    """Log-odds ratio of a term in texts i vs j with an informative Dirichlet prior, Monroe,
    Colaresi & Quinn (2008) eqs. 16-22: ``delta`` (eq. 16), its approximate variance
    ``1/(y_i+a_w) + 1/(y_j+a_w)`` (eq. 20) and ``z = delta / sqrt(variance)`` (eq. 22).
    Arrays broadcast; ``y`` are the term's counts, ``n`` the texts' total words (n-grams of the
    term's order), every word counted: ``TermMatrix.totals``."""
    delta = (np.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w))
             - np.log((y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)))
    variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
    return delta, variance, delta / np.sqrt(variance)


def dirichlet_prior(matrix: TermMatrix, *, prior_scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Per term ``alpha_w = alpha_0 * pi_w`` where ``pi_w`` is the term's share of all words
    (n-grams) of its order in the whole corpus (``TermMatrix.totals``) and ``alpha_0 =
    prior_scale * (those words / number of groups)``: at scale 1 the prior weighs as much as
    one average-sized group. Returns ``(alpha_w, alpha_0)`` per term."""
    if not prior_scale > 0:
        raise SettingsError(f"prior_scale must be a positive number, got {prior_scale!r}")
    corpus = matrix.corpus_counts
    order_total = matrix.corpus_totals[matrix.ngram].astype(float)
    alpha_0 = prior_scale * order_total / max(len(matrix.groups), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha_w = alpha_0 * corpus / order_total
    return alpha_w, alpha_0


@dataclass(frozen=True)
class ArticleMoments:
    """Per group, the article-level sums the clustered variance needs: ``squares`` (groups x
    terms, sparse) ``sum_a y_a^2``; ``cross`` (groups x terms, sparse) ``sum_a y_a n_a``;
    ``length_squares`` (groups x n-gram order) ``sum_a n_a^2``; ``articles`` (groups x
    order) the articles with any n-gram of that order."""

    squares: sparse.csr_matrix
    cross: sparse.csr_matrix
    length_squares: np.ndarray
    articles: np.ndarray

    @cached_property
    def corpus(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The four sums over all groups (per term; per order for the last two)."""
        return (np.asarray(self.squares.sum(axis=0), dtype=float).ravel(),
                np.asarray(self.cross.sum(axis=0), dtype=float).ravel(),
                self.length_squares.sum(axis=0), self.articles.sum(axis=0))


def article_moments(per_article: sparse.csr_matrix, lengths: np.ndarray, membership: sparse.csr_matrix,
                    ngram: np.ndarray) -> ArticleMoments:
    """``ArticleMoments`` of an articles x terms count matrix, ``lengths`` (articles x order:
    words, bigrams... of each article), ``membership`` (groups x articles) and each term's
    n-gram order, summed block by block."""
    lengths = np.asarray(lengths, dtype=float)
    by_article = membership.tocsc()
    squares = cross = sparse.csr_matrix((membership.shape[0], per_article.shape[1]))
    for start in range(0, per_article.shape[0], _BLOCK):
        block = per_article[start:start + _BLOCK].astype(float)
        groups = by_article[:, start:start + _BLOCK]
        rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr)) + start
        counts = block.data
        block.data = counts * counts
        squares = squares + groups @ block
        block.data = counts * lengths[rows, ngram[block.indices]]
        cross = cross + groups @ block
    return ArticleMoments(squares=squares.tocsr(), cross=cross.tocsr(),
                          length_squares=membership @ (lengths * lengths),
                          articles=membership @ (lengths > 0).astype(float))


def clustered_log_variance(y, n, squares, cross, length_squares, articles, alpha_w) -> np.ndarray:
    """Article-clustered variance of the log rate of each term (module doc): ``y`` its uses,
    ``n`` the words (n-grams) of its order, ``squares``, ``cross``, ``length_squares`` and
    ``articles`` the ``ArticleMoments`` of the same articles, ``alpha_w`` the prior count.
    0 from fewer than 2 articles (one article shows no spread). Arrays broadcast."""
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(n > 0, y / n, 0.0)
        spread = np.maximum(squares - 2 * p * cross + p * p * length_squares, 0.0)
        small_sample = np.where(articles > 1, articles / np.maximum(articles - 1, 1), 0.0)
        return small_sample * spread / (y + alpha_w) ** 2


def log_odds_scores(matrix: TermMatrix, i: int, j: int | None, y_i: np.ndarray, y_j: np.ndarray,
                    prior: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``delta``, Monroe's ``z`` and ``z_articles`` of every term of group ``i`` against group
    ``j`` (None: the rest of the corpus), whose counts are ``y_i`` and ``y_j``."""
    side_i, side_j = _side_moments(matrix, i, j)  # each: n, then the four ArticleMoments sums
    alpha_w, alpha_0 = prior
    with np.errstate(divide="ignore", invalid="ignore"):
        delta, _, z = log_odds_dirichlet(y_i, side_i[0], y_j, side_j[0], alpha_w, alpha_0)
        var_i = np.maximum(1 / (y_i + alpha_w), clustered_log_variance(y_i, *side_i, alpha_w))
        var_j = np.maximum(1 / (y_j + alpha_w), clustered_log_variance(y_j, *side_j, alpha_w))
        return delta, z, delta / np.sqrt(var_i + var_j)


#: One side of a comparison, per term: the words (n-grams) of its order, then its ``ArticleMoments``.
_Side = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _side_moments(matrix: TermMatrix, i: int, j: int | None) -> tuple[_Side, _Side]:
    """Per term: the words of its order, then the ``ArticleMoments`` of group i, and the same
    for its comparison (group j, or the corpus minus group i)."""
    m, ngram = matrix.moments, matrix.ngram

    def side(g: int) -> _Side:
        return (matrix.totals[g][ngram].astype(float), _row(m.squares, g), _row(m.cross, g),
                m.length_squares[g][ngram], m.articles[g][ngram])

    mine = side(i)
    if j is not None:
        return mine, side(j)
    squares, cross, length_squares, articles = m.corpus
    everyone = (matrix.corpus_totals[ngram].astype(float), squares, cross, length_squares[ngram], articles[ngram])
    n, rest_squares, rest_cross, rest_lengths, rest_articles = (total - part for total, part in zip(everyone, mine))
    return mine, (n, rest_squares, rest_cross, rest_lengths, rest_articles)


def _row(m: sparse.csr_matrix, i: int) -> np.ndarray:
    return np.asarray(m[i].todense(), dtype=float).ravel()
