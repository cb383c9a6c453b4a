"""The group x term count matrix every term statistic reads, built once.

``build_term_matrix`` counts unigrams and bigrams of the articles' bodies
(``framing.measure.term_counts``: what scikit-learn's ``CountVectorizer`` would count, without
its vocabulary of every n-gram) and sums them per group (outlet, or any articles column such as the
leaning ``bias_text``); with ``within_events``, also per group within each event (the strata
that ``framing.measure.within_events`` compares).

Tokens are ``framing.text.tokenize.TOKEN_PATTERN`` words, lowercased, with curly apostrophes made
straight ("Iran’s" and "Iran's" are one term). A bigram is two adjacent words in the text:
it never crosses a line break, a sentence end or a clause mark (``, ; : ! ? ( ) … — –`` or a
spaced hyphen), and it is dropped when either word is a stop word, so "president of syria"
gives no "president syria". Unless ``keep_self_reference``, each article's self-reference
(its outlet's own name, bylines, datelines, wire tags, transcript labels:
``framing.measure.self_reference``) is removed from its text before counting, and the
matrix's ``removed`` report says what went.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from framing.errors import SettingsError
from framing.measure.house_style import style_labels
from framing.measure.log_odds import ArticleMoments, article_moments
from framing.measure.self_reference import SelfReference, SelfReferenceReport
from framing.measure.term_counts import WORD_OR_BREAK, count_terms, normalize_token
from framing.settings import TermSettings


@dataclass(frozen=True)
class Strata:
    """The counts of each group within each event (a stratum: one group's articles of one
    event): ``counts``, ``article_counts`` (strata x terms, sparse), ``totals`` (strata x
    n-gram order), ``moments`` (``ArticleMoments`` per stratum), ``group`` and ``event`` (each
    stratum's group index and event code), ``events`` (the event ids, by code). Articles
    without an event are in no stratum."""

    counts: sparse.csr_matrix
    article_counts: sparse.csr_matrix
    totals: np.ndarray
    moments: ArticleMoments
    group: np.ndarray
    event: np.ndarray
    events: tuple[str, ...]
    n_articles: np.ndarray


@dataclass(frozen=True)
class TermMatrix:
    """Groups x terms counts (``counts``, sparse), how many articles of each group use each term
    (``article_counts``), and the labels: ``terms`` (sorted), ``ngram`` (1 or 2 per term),
    ``groups`` (sorted), ``n_articles`` per group. ``totals`` (groups x n-gram order, column
    ``k`` for order ``k``) counts EVERY word (``k`` = 1) or clause-internal ``k``-gram of each
    group's texts, stop words and terms under ``min_count`` included: the ``n`` of the log-odds,
    so a term's z does not depend on which other terms are kept. ``moments``: the per-group
    article-level sums of ``framing.measure.log_odds`` (for ``z_articles``). ``strata``: the
    same per group within each event (None unless built ``within_events``). ``removed``: the
    self-reference removed before counting (None with ``keep_self_reference``). Built once by
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
    strata: Strata | None = None
    removed: SelfReferenceReport | None = None

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

    @cached_property
    def style(self) -> np.ndarray:
        """Each term's house-style kind (``framing.measure.house_style``), "" for none."""
        return style_labels(self.terms, self.corpus_counts)

    def group_index(self, name: str) -> int:
        try:
            return self.groups.index(str(name))
        except ValueError:
            raise SettingsError(f"group {name!r} is not a value of the column {self.settings.by!r}; "
                                f"choose one of: {', '.join(self.groups)}") from None


def term_spans(text: str, term: str) -> list[tuple[int, int]]:
    """Character spans where ``term`` (a counted unigram or n-gram, as in the matrix) occurs in
    ``text``: the same tokens and break rules as the counts, so the spans of a term in an
    outlet's bodies number exactly its count there (counted with ``keep_self_reference``)."""
    wanted = [normalize_token(w) for w in term.split()]
    n = len(wanted)
    tokens = [(m.start(), m.end(), normalize_token(m.group())) for m in WORD_OR_BREAK.finditer(text)]
    return [(tokens[i][0], tokens[i + n - 1][1]) for i in range(len(tokens) - n + 1)
            if all(tokens[i + k][2] == wanted[k] for k in range(n))]


def has_events(articles: pd.DataFrame) -> bool:
    """Whether the articles carry event ids (an ``event_id`` column with a value)."""
    return "event_id" in articles.columns and bool(articles["event_id"].notna().any())


def build_term_matrix(articles: pd.DataFrame, settings: TermSettings | None = None) -> TermMatrix:
    """Count the terms of ``articles.body`` once, per value of ``articles[settings.by]`` (and,
    ``within_events``, per value within each event).

    Terms used fewer than ``min_count`` times in the whole corpus are dropped. Articles whose
    group value is missing are left out (they belong to no group)."""
    settings = settings or TermSettings()
    _check_articles(articles, settings)
    articles = articles[articles[settings.by].notna()]
    report = None if settings.keep_self_reference else SelfReferenceReport()
    per_article, terms, totals = count_terms(_texts(articles, report), settings)
    codes, groups = pd.factorize(articles[settings.by].astype(str), sort=True)
    ngram = np.array([t.count(" ") + 1 for t in terms], dtype=np.int64)
    summed = _summed(per_article, totals, codes, len(groups), ngram)
    strata = _strata(articles, per_article, totals, codes, ngram) if _within(articles, settings) else None
    return TermMatrix(counts=summed[0], article_counts=summed[1], terms=terms, ngram=ngram,
                      groups=tuple(str(g) for g in groups), n_articles=np.bincount(codes, minlength=len(groups)),
                      totals=summed[2], moments=summed[3], settings=settings, strata=strata, removed=report)


def _within(articles: pd.DataFrame, settings: TermSettings) -> bool:
    if settings.within_events is False:
        return False
    if settings.within_events and "event_id" not in articles.columns:
        raise SettingsError("within_events needs an event_id column in the articles table: group the articles "
                            "into events first (framing.compare.events.with_events)")
    return has_events(articles)


def _summed(per_article, totals, codes, n_rows, ngram):
    """Counts, article counts, totals and moments summed over the rows ``codes`` name
    (a code of -1 belongs to no row)."""
    member = codes >= 0
    membership = sparse.csr_matrix((np.ones(int(member.sum()), dtype=np.int64),
                                    (codes[member], np.flatnonzero(member))), shape=(n_rows, len(codes)))
    used = (per_article > 0).astype(np.int64)
    return ((membership @ per_article).tocsr(), (membership @ used).tocsr(), membership @ totals,
            article_moments(per_article, totals, membership, ngram))


def _strata(articles, per_article, totals, group_codes, ngram) -> Strata:
    events = articles["event_id"].where(articles["event_id"].notna())
    event_codes, event_ids = pd.factorize(events.astype(object), sort=True)
    combined = np.where(event_codes >= 0, group_codes.astype(np.int64) * max(len(event_ids), 1) + event_codes, -1)
    stratum_codes, strata = pd.factorize(combined, sort=True, use_na_sentinel=True)
    strata = np.asarray(strata, dtype=np.int64)
    if (combined < 0).any():  # -1 sorts first: it is no stratum
        stratum_codes, strata = stratum_codes - 1, strata[1:]
    counts, used, summed_totals, moments = _summed(per_article, totals, stratum_codes, len(strata), ngram)
    return Strata(counts=counts, article_counts=used, totals=summed_totals, moments=moments,
                  group=strata // max(len(event_ids), 1), event=strata % max(len(event_ids), 1),
                  events=tuple(map(str, event_ids)),
                  n_articles=np.bincount(stratum_codes[stratum_codes >= 0], minlength=len(strata)))


def _texts(articles: pd.DataFrame, report: SelfReferenceReport | None):
    """Each body, with its self-reference removed when ``report`` is given (and counted in it)."""
    bodies = _bodies(articles["body"])
    if report is None:
        yield from bodies
        return
    outlets = articles["outlet"].astype(str) if "outlet" in articles.columns else pd.Series("", index=articles.index)
    urls = articles["url"] if "url" in articles.columns else pd.Series(None, index=articles.index)
    finder = SelfReference(outlets.unique())
    for body, outlet, url in zip(bodies, outlets, urls):
        yield finder.strip(body, outlet, url if isinstance(url, str) else None, report)


def _bodies(bodies: pd.Series):
    """Each body as text ("" when missing), one at a time: ``fillna("").astype(str)`` would
    hold a second copy of every body (hundreds of MB on a large corpus)."""
    for body in bodies:
        yield body if isinstance(body, str) else "" if pd.api.types.is_scalar(body) and pd.isna(body) else str(body)


def _check_articles(articles: pd.DataFrame, settings: TermSettings) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise SettingsError(f"an articles table (pandas DataFrame) was expected, got {type(articles).__name__}")
    missing = [c for c in ("body", settings.by) if c not in articles.columns]
    if missing:
        raise SettingsError(f"the articles table has no column {missing[0]!r}; "
                            f"its columns are: {', '.join(map(str, articles.columns))}")


def tfidf_weights(counts: sparse.spmatrix) -> sparse.csr_matrix:
    """TF-IDF of a groups x terms count matrix, each group one document: scikit-learn's
    ``TfidfTransformer`` with smoothed idf ``ln((1 + G) / (1 + df)) + 1`` and rows of unit
    length (Salton & Buckley 1988, "Term-weighting approaches in automatic text retrieval")."""
    return TfidfTransformer(norm="l2", use_idf=True, smooth_idf=True).fit_transform(counts).tocsr()
