"""Distinctive terms: a group x term count matrix built once, and the statistics read from it.

``build_term_matrix`` counts unigrams and bigrams of the articles' bodies with scikit-learn's
``CountVectorizer`` and sums them per group (outlet, or any articles column such as the
leaning ``bias_text``). ``distinctive_terms`` reads that matrix two ways:

- TF-IDF with each group's articles taken together as one document (``TfidfTransformer``);
- the log-odds ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn (2008),
  "Fightin' Words", Political Analysis 16(4): 372-403, giving a z-score per term, and the
  same log-odds over an article-clustered standard error (``z_articles``, what significance
  reads): both in ``framing.measure.log_odds``. Its ``n`` is every word (bigram) of the texts, stop
  words and rare terms included (``totals``), so the z of a term does not depend on the
  stop-word list or ``min_count``, which only choose the terms listed.

Tokens are ``framing.text.tokenize.TOKEN_PATTERN`` words, lowercased, with curly apostrophes made
straight ("Iran’s" and "Iran's" are one term). A bigram is two adjacent words in the text:
it never crosses a line break, a sentence end or a clause mark (``, ; : ! ? ( ) … — –`` or a
spaced hyphen), and it is dropped when either word is a stop word, so "president of syria"
gives no "president syria".
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import false_discovery_control, norm
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

from framing.errors import SettingsError
from framing.measure.log_odds import ArticleMoments, article_moments, dirichlet_prior, log_odds_scores
from framing.text.tokenize import TOKEN_PATTERN

METHODS = ("logodds", "tfidf")
REST = "rest"
RESULT_COLUMNS = ("group", "vs", "term", "ngram", "count", "count_vs", "n_articles", "n_articles_vs",
                  "score", "z", "z_articles", "p", "significant", "rank")

#: Where a bigram may not reach across: line breaks, clause and sentence marks, a dash between
#: spaces, and a full stop that ends a word (not the inner dots of "U.S", nor the last dot of
#: "U.S." or "D.C."). Found in the same pass as the words, as one-character "break" tokens.
_BREAK = r"[\n\r,;:!?()\[\]{}…—–|]|(?<=\s)-(?=-*\s)|(?<!\.[^\W_])\.(?![^\W_])"
_WORD_OR_BREAK = re.compile(f"{TOKEN_PATTERN}|{_BREAK}")


@dataclass(frozen=True)
class TermSettings:
    """How terms are counted: the grouping column, n-gram orders, minimum total count in the
    corpus, and stop words (``"english"``: scikit-learn's list; ``"none"``; or your own words)."""

    by: str = "outlet"
    ngram_range: tuple[int, int] = (1, 2)
    min_count: int = 5
    stop_words: str | frozenset = "english"


@dataclass(frozen=True)
class TermMatrix:
    """Groups x terms counts (``counts``, sparse), how many articles of each group use each term
    (``article_counts``), and the labels: ``terms`` (sorted), ``ngram`` (1 or 2 per term),
    ``groups`` (sorted), ``n_articles`` per group. ``totals`` (groups x n-gram order, column
    ``k`` for order ``k``) counts EVERY word (``k`` = 1) or clause-internal ``k``-gram of each
    group's texts, stop words and terms under ``min_count`` included: the ``n`` of the log-odds,
    so a term's z does not depend on which other terms are kept. ``moments``: the per-group
    article-level sums of ``framing.term_variance`` (for ``z_articles``). Built once by
    ``build_term_matrix`` and read by every statistic and by ``similarity.term_profiles``."""

    counts: sparse.csr_matrix
    article_counts: sparse.csr_matrix
    terms: np.ndarray
    ngram: np.ndarray
    groups: tuple[str, ...]
    n_articles: np.ndarray
    totals: np.ndarray
    moments: ArticleMoments
    settings: TermSettings

    @cached_property
    def corpus_counts(self) -> np.ndarray:
        """Each term's count over all groups."""
        return np.asarray(self.counts.sum(axis=0), dtype=float).ravel()

    @cached_property
    def corpus_totals(self) -> np.ndarray:
        """Words (n-grams) of each order over all groups (``totals`` summed)."""
        return self.totals.sum(axis=0)

    @cached_property
    def corpus_article_counts(self) -> np.ndarray:
        """How many articles use each term, over all groups."""
        return np.asarray(self.article_counts.sum(axis=0), dtype=float).ravel()

    def group_index(self, name: str) -> int:
        try:
            return self.groups.index(str(name))
        except ValueError:
            raise SettingsError(f"group {name!r} is not a value of the column {self.settings.by!r}; "
                                f"choose one of: {', '.join(self.groups)}") from None


def normalize_token(token: str) -> str:
    """The form a word is counted under: lowercase, curly apostrophe made straight."""
    return token.lower().replace("’", "'")


def is_break(token: str) -> bool:
    """Whether a token of ``_WORD_OR_BREAK`` is a break (punctuation), not a word."""
    return not token[0].isalnum()


def term_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Character spans where ``term`` (a counted unigram or n-gram, as in the matrix) occurs in
    ``text``: the same tokens and break rules as the counts, so the spans of a term in an
    outlet's bodies number exactly its count there."""
    wanted = [normalize_token(w) for w in term.split()]
    n = len(wanted)
    tokens = [(m.start(), m.end(), normalize_token(m.group())) for m in _WORD_OR_BREAK.finditer(text)]
    return [(tokens[i][0], tokens[i + n - 1][1]) for i in range(len(tokens) - n + 1)
            if all(tokens[i + k][2] == wanted[k] for k in range(n))]


def build_term_matrix(articles: pd.DataFrame, *, by: str = "outlet", ngram_range: tuple[int, int] = (1, 2),
                      min_count: int = 5, stop_words: str | Collection[str] = "english") -> TermMatrix:
    """Count the terms of ``articles.body`` once, per value of ``articles[by]``.

    Terms used fewer than ``min_count`` times in the whole corpus are dropped. Articles whose
    group value is missing are left out (they belong to no group)."""
    settings = _settings(by=by, ngram_range=ngram_range, min_count=min_count, stop_words=stop_words)
    _check_articles(articles, settings.by)
    articles = articles[articles[settings.by].notna()]
    bodies = articles["body"].fillna("").astype(str)
    article_totals: list[tuple[int, ...]] = []  # filled by the analyzer, one entry per body
    analyzer = _analyzer(settings, article_totals)
    vectorizer = CountVectorizer(analyzer=analyzer, dtype=np.int64)
    try:
        per_article = vectorizer.fit_transform(bodies).tocsc()
    except ValueError:  # empty vocabulary
        per_article = sparse.csc_matrix((len(articles), 0), dtype=np.int64)
        vectorizer.vocabulary_ = {}
    if len(article_totals) != len(bodies):  # the vectorizer did not read each body once: count again
        article_totals.clear()
        for body in bodies:
            analyzer(body)
    terms = np.array(sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get), dtype=object)
    keep = np.asarray(per_article.sum(axis=0)).ravel() >= settings.min_count
    per_article, terms = per_article[:, keep].tocsr(), terms[keep]
    codes, groups = pd.factorize(articles[settings.by].astype(str), sort=True)
    membership = sparse.csr_matrix((np.ones(len(codes), dtype=np.int64), (codes, np.arange(len(codes)))),
                                   shape=(len(groups), len(codes)))
    used = (per_article > 0).astype(np.int64)
    totals = np.array(article_totals, dtype=np.int64).reshape(len(bodies), settings.ngram_range[1] + 1)
    ngram = np.array([t.count(" ") + 1 for t in terms], dtype=np.int64)
    return TermMatrix(
        counts=(membership @ per_article).tocsr(), article_counts=(membership @ used).tocsr(),
        terms=terms, ngram=ngram, groups=tuple(str(g) for g in groups),
        n_articles=np.bincount(codes, minlength=len(groups)), totals=membership @ totals,
        moments=article_moments(per_article, totals, membership, ngram), settings=settings)


def _settings(*, by, ngram_range, min_count, stop_words) -> TermSettings:
    lo, hi = (int(n) for n in ngram_range)
    if not 1 <= lo <= hi:
        raise SettingsError(f"ngram_range must be (low, high) with 1 <= low <= high, got {ngram_range!r}")
    if int(min_count) < 1:
        raise SettingsError(f"min_count must be 1 or more, got {min_count!r}")
    if isinstance(stop_words, str) and stop_words not in ("english", "none"):
        raise SettingsError(f"stop_words must be 'english', 'none' or a list of words, got {stop_words!r}")
    if not isinstance(stop_words, str):
        stop_words = frozenset(normalize_token(w) for w in stop_words)
    return TermSettings(by=by, ngram_range=(lo, hi), min_count=int(min_count), stop_words=stop_words)


def _check_articles(articles: pd.DataFrame, by: str) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise SettingsError(f"an articles table (pandas DataFrame) was expected, got {type(articles).__name__}")
    missing = [c for c in ("body", by) if c not in articles.columns]
    if missing:
        raise SettingsError(f"the articles table has no column {missing[0]!r}; "
                            f"its columns are: {', '.join(map(str, articles.columns))}")


def _stop_set(stop_words) -> frozenset:
    if stop_words == "english":
        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset() if stop_words == "none" else stop_words


def _analyzer(settings: TermSettings, totals: list | None = None):
    """The document -> terms function handed to CountVectorizer (see the module docstring):
    one pass of the word-or-break pattern; a break or a stop word is never part of a term.
    With ``totals``, appends each document's ``gram_totals`` to it."""
    preprocess = CountVectorizer(lowercase=True).build_preprocessor()
    find = _WORD_OR_BREAK.findall
    stop = _stop_set(settings.stop_words)
    lo, hi = settings.ngram_range

    def analyze(doc: str) -> list[str]:
        tokens = find(preprocess(doc).replace("’", "'"))
        if totals is not None:
            totals.append(gram_totals(tokens, hi))
        kept = [t not in stop and not is_break(t) for t in tokens]
        grams: list[str] = []
        if lo == 1:
            grams.extend(t for t, k in zip(tokens, kept) if k)
        if lo <= 2 <= hi:
            grams.extend(f"{a} {b}" for a, b, ka, kb in zip(tokens, tokens[1:], kept, kept[1:]) if ka and kb)
        for n in range(max(lo, 3), hi + 1):
            grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1) if all(kept[i:i + n]))
        return grams

    return analyze


def gram_totals(tokens: list[str], hi: int) -> tuple[int, ...]:
    """``(0, words, clause-internal bigrams, ..., hi-grams)`` of a word-or-break token list,
    stop words included: a run of ``L`` words between breaks holds ``L - k + 1`` k-grams."""
    breaks = [i for i, t in enumerate(tokens) if is_break(t)]
    runs = np.diff(np.array([-1, *breaks, len(tokens)])) - 1
    return (0, *(int(np.maximum(runs - k + 1, 0).sum()) for k in range(1, hi + 1)))


def tfidf_weights(counts: sparse.spmatrix) -> sparse.csr_matrix:
    """TF-IDF of a groups x terms count matrix, each group one document: scikit-learn's
    ``TfidfTransformer`` with smoothed idf ``ln((1 + G) / (1 + df)) + 1`` and rows of unit
    length (Salton & Buckley 1988, "Term-weighting approaches in automatic text retrieval")."""
    return TfidfTransformer(norm="l2", use_idf=True, smooth_idf=True).fit_transform(counts).tocsr()


def distinctive_terms(articles: pd.DataFrame | TermMatrix, *, by: str | None = None, method: str = "logodds",
                      group: str | Collection[str] | None = None, vs: str | None = None,
                      ngram_range: tuple[int, int] | None = None, min_count: int | None = None,
                      stop_words: str | Collection[str] | None = None, prior_scale: float = 1.0,
                      alpha: float = 0.05, top: int | None = None) -> pd.DataFrame:
    """Terms distinctive of each group (or of ``group``), against the rest of the corpus or
    against the group ``vs``, one row per group x term (columns: see docs/data-model.md).

    ``articles`` is an articles table or a ``TermMatrix`` already built (then ``by`` and
    ``stop_words`` must match it or be left out; ``ngram_range`` and ``min_count`` may narrow
    it). Defaults: ``by="outlet"``, ``ngram_range=(1, 2)``, ``min_count=5`` (uses in the
    compared texts), ``stop_words="english"``. ``method="logodds"``: Monroe et al. (2008)
    z-scores (ranking the terms), ``z_articles`` (the same log-odds over a standard error
    clustered by article: uses bunched in one article count as little evidence), two-sided p of
    ``z_articles``, and ``significant`` after Benjamini & Hochberg (1995, "Controlling the false
    discovery rate", JRSS B 57(1): 289-300) over the terms tested in that comparison at false
    discovery rate ``alpha``. ``method="tfidf"``: each group's articles as one document; no z
    or p. ``top`` keeps the N best-ranked terms per group."""
    if method not in METHODS:
        raise SettingsError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    if not 0 < alpha < 1:
        raise SettingsError(f"alpha (the false discovery rate) must be between 0 and 1, got {alpha!r}")
    if top is not None and int(top) < 1:
        raise SettingsError(f"top must be 1 or more (or None for every term), got {top!r}")
    matrix = _matrix_for(articles, by=by, ngram_range=ngram_range, min_count=min_count, stop_words=stop_words)
    lo, hi = ngram_range or matrix.settings.ngram_range
    test = _Test(in_range=(matrix.ngram >= lo) & (matrix.ngram <= hi),
                 min_count=matrix.settings.min_count if min_count is None else int(min_count),
                 alpha=alpha, top=None if top is None else int(top))
    if method == "logodds":
        prior = dirichlet_prior(matrix, prior_scale=prior_scale)
        tables = [_log_odds_rows(matrix, i, j, test, prior) for i, j in _comparisons(matrix, group, vs)]
    else:
        comparisons = _comparisons(matrix, group, vs)
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


def _matrix_for(source, *, by, ngram_range, min_count, stop_words) -> TermMatrix:
    if not isinstance(source, TermMatrix):
        defaults = TermSettings()
        return build_term_matrix(source, by=by or defaults.by, ngram_range=ngram_range or defaults.ngram_range,
                                 min_count=defaults.min_count if min_count is None else min_count,
                                 stop_words=defaults.stop_words if stop_words is None else stop_words)
    built = source.settings
    if by is not None and by != built.by:
        raise SettingsError(f"this term matrix groups by {built.by!r}, not {by!r}: build another with "
                            f"build_term_matrix(articles, by={by!r})")
    if stop_words is not None and _settings(by=by, ngram_range=(1, 1), min_count=1,
                                            stop_words=stop_words).stop_words != built.stop_words:
        raise SettingsError("this term matrix was built with other stop words: build another with "
                            "build_term_matrix(articles, stop_words=...)")
    lo, hi = ngram_range or built.ngram_range
    if lo < built.ngram_range[0] or hi > built.ngram_range[1]:
        raise SettingsError(f"this term matrix holds n-grams {built.ngram_range}, not {(lo, hi)}: build another "
                            f"with build_term_matrix(articles, ngram_range={(lo, hi)})")
    if min_count is not None and int(min_count) < built.min_count:
        raise SettingsError(f"this term matrix dropped terms used fewer than {built.min_count} times; for "
                            f"min_count={min_count} build it with build_term_matrix(articles, min_count={min_count})")
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


def _log_odds_rows(matrix: TermMatrix, i: int, j: int | None, test: _Test, prior) -> pd.DataFrame:
    y_i, a_i, y_j, a_j = _sides(matrix, i, j)
    delta, z, z_articles = log_odds_scores(matrix, i, j, y_i, y_j, prior)
    # a term that is the whole vocabulary of its n-gram order has no odds: it is not tested
    tested = np.flatnonzero(test.in_range & (y_i + y_j >= test.min_count) & np.isfinite(z))
    p = 2 * norm.sf(np.abs(z_articles[tested]))
    significant = false_discovery_control(p, method="bh") <= test.alpha if len(p) else np.zeros(0, dtype=bool)
    order = _ranked(z[tested], test.top)
    return _rows(matrix, i, j, tested[order], (y_i, y_j, a_i, a_j), score=delta[tested][order],
                 z=z[tested][order], z_articles=z_articles[tested][order], p=p[order],
                 significant=significant[order])


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
    used = np.flatnonzero(tested & (y_i > 0))
    order = _ranked(tfidf[used], test.top)
    nan = np.full(len(order), np.nan)
    return _rows(matrix, i, j, used[order], (y_i, y_j, a_i, a_j), score=tfidf[used][order], z=nan,
                 z_articles=nan, p=nan, significant=pd.array([pd.NA] * len(order), dtype="boolean"))


def _ranked(values: np.ndarray, top: int | None) -> np.ndarray:
    """Positions of ``values`` from highest to lowest (ties keep the terms' alphabetical
    order), cut to the first ``top`` (found by partition: a full sort of 10^5 terms per group
    is most of the time otherwise)."""
    if top is not None and top < len(values):
        cut = np.partition(values, len(values) - top)[len(values) - top]
        candidates = np.flatnonzero(values >= cut)  # alphabetical, ties at the cut included
        return candidates[np.argsort(-values[candidates], kind="stable")][:top]
    return np.argsort(-values, kind="stable")


def _rows(matrix, i, j, columns, sides, *, score, z, z_articles, p, significant) -> pd.DataFrame:
    """One comparison's rows, already in rank order; ``columns`` index the matrix's terms."""
    y_i, y_j, a_i, a_j = (side[columns] for side in sides)
    return pd.DataFrame({
        "group": matrix.groups[i], "vs": REST if j is None else matrix.groups[j],
        "term": matrix.terms[columns].astype(str), "ngram": matrix.ngram[columns],
        "count": y_i.astype(np.int64), "count_vs": y_j.astype(np.int64),
        "n_articles": a_i.astype(np.int64), "n_articles_vs": a_j.astype(np.int64),
        "score": score, "z": z, "z_articles": z_articles, "p": p,
        "significant": pd.array(significant, dtype="boolean"),
        "rank": np.arange(1, len(columns) + 1),
    })


def _empty_result() -> pd.DataFrame:
    return pd.DataFrame({column: [] for column in RESULT_COLUMNS})
