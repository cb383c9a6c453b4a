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

The texts are read once per article (``count_article_terms``: self-reference removed and words
read in the engine's worker processes, the counting in this one) into ``ArticleTerms``, which
``build_term_matrix`` sums per group: counted once, they serve any grouping column and any subset
of the articles (the dashboard keeps them on disk with the analysis).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from framing.errors import SettingsError
from framing.measure.engines import EngineSettings, map_chunks
from framing.measure.house_style import style_labels
from framing.measure.log_odds import ArticleMoments, article_moments
from framing.measure.self_reference import SelfReference, SelfReferenceReport
from framing.measure.term_counts import CHUNK_TEXTS, WORD_OR_BREAK, TermCounts, Tokens, count_tokens, normalize_token, tokenize
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


@dataclass(frozen=True)
class ArticleTerms:
    """Each article's term counts (``counts``: ``TermCounts``, one row per article, in the order
    of ``article_ids``), counted once by ``count_article_terms`` and summed per group by
    ``build_term_matrix`` for any grouping column and any subset of the articles. ``removals``:
    per article, the ``(reason, example)`` pairs of self-reference removed before counting
    (None with ``keep_self_reference``). ``settings``: how they were counted (its ``by`` and
    testing fields play no part)."""

    article_ids: np.ndarray
    counts: TermCounts
    removals: tuple[tuple[tuple[str, str], ...], ...] | None
    settings: TermSettings

    def rows(self, articles: pd.DataFrame) -> np.ndarray:
        """The rows of these articles, found by ``article_id``; a SettingsError names the first
        one not counted here (a table without ``article_id`` cannot be matched: refused)."""
        if "article_id" not in articles.columns:
            raise SettingsError("article term counts are matched to articles by their article_id, and this articles "
                                "table has none: build the term matrix from the articles themselves (without counted=)")
        ids, counted = _article_ids(articles), pd.Index(self.article_ids)
        if not counted.is_unique:
            raise SettingsError("the articles whose terms were counted repeat an article_id: give each article "
                                "its own id, or build the term matrix from the articles themselves")
        rows = counted.get_indexer(ids)
        if (rows < 0).any():
            missing = ids.iloc[int(np.flatnonzero(rows < 0)[0])]
            raise SettingsError(f"article {missing!r} is not among the articles whose terms were counted: count "
                                f"them with count_article_terms(articles, settings)")
        return rows


def count_article_terms(articles: pd.DataFrame, settings: TermSettings | None = None, *,
                        engine: EngineSettings | None = None, chunk_texts: int = CHUNK_TEXTS) -> ArticleTerms:
    """Count the terms of each article's body (self-reference removed unless
    ``keep_self_reference``), reading the texts in chunks of ``chunk_texts`` on ``engine``'s
    workers (default: every CPU once there are four chunks). Self-reference is told by the
    outlets of these articles (``SelfReference``: an address's host also matches the name of
    another outlet of them), so counts summed for a subset (``build_term_matrix(...,
    counted=)``) may remove a little more than counting the subset alone would: what the whole
    corpus's outlets call themselves."""
    settings = settings or TermSettings()
    _check_columns(articles, ("body",))
    known = None if settings.keep_self_reference else tuple(_outlets(articles).unique())
    removed: list[tuple[tuple[str, str], ...]] = []

    def pieces() -> Iterator[Tokens]:  # each piece merged as it comes: its own vocabulary is not kept
        work = partial(_read_chunk, known=known)  # the outlets travel with each chunk: no state shared by callers
        for tokens, found in map_chunks(engine or EngineSettings(), work, _text_chunks(articles, chunk_texts)):
            removed.extend(found)
            yield tokens

    counts = count_tokens(pieces(), settings)
    removals = None if known is None else tuple(removed)
    return ArticleTerms(article_ids=_article_ids(articles).to_numpy(dtype=object), counts=counts,
                        removals=removals, settings=settings)


def build_term_matrix(articles: pd.DataFrame, settings: TermSettings | None = None, *,
                      counted: ArticleTerms | None = None, engine: EngineSettings | None = None) -> TermMatrix:
    """Count the terms of ``articles.body`` once, per value of ``articles[settings.by]`` (and,
    ``within_events``, per value within each event).

    Terms used fewer than ``min_count`` times in these articles are dropped. Articles whose
    group value is missing are left out (they belong to no group). ``counted``: the articles'
    terms already counted (``count_article_terms`` of these articles or of more, counted the
    same way), only summed here; else they are counted on ``engine``."""
    settings = settings or TermSettings()
    _check_columns(articles, ("body", settings.by))
    articles = articles[articles[settings.by].notna()]
    if counted is None:
        counted = count_article_terms(articles, settings, engine=engine)
        counts, removals = counted.counts, counted.removals
    else:
        _check_counted(counted, settings)
        rows = counted.rows(articles)
        counts = _rows_counts(counted.counts, rows, settings.min_count)
        removals = None if counted.removals is None else tuple(counted.removals[r] for r in rows)
    report = None if removals is None else _report(removals)
    per_article, terms, totals = counts
    codes, groups = pd.factorize(articles[settings.by].astype(str), sort=True)
    ngram = np.array([t.count(" ") + 1 for t in terms], dtype=np.int64)
    summed = _summed(per_article, totals, codes, len(groups), ngram)
    strata = _strata(articles, per_article, totals, codes, ngram) if _within(articles, settings) else None
    return TermMatrix(counts=summed[0], article_counts=summed[1], terms=terms, ngram=ngram,
                      groups=tuple(str(g) for g in groups), n_articles=np.bincount(codes, minlength=len(groups)),
                      totals=summed[2], moments=summed[3], settings=settings, strata=strata, removed=report)


def check_counted_alike(built: TermSettings, wanted: TermSettings, *, same: tuple[str, ...], what: str,
                        again: str, made: str = "counted") -> None:
    """A SettingsError unless counts made with ``built`` can serve ``wanted``: the fields
    ``same`` equal, and a ``min_count`` no lower (rare terms are gone). ``what`` names the
    counts ("this term matrix", ``made`` "built"), ``again`` how to make others."""
    for name in same:
        if getattr(wanted, name) != getattr(built, name):
            raise SettingsError(f"{what} was {made} with {name}={getattr(built, name)!r}, not "
                                f"{getattr(wanted, name)!r}: {again}")
    if wanted.min_count < built.min_count:
        raise SettingsError(f"{what} dropped terms used fewer than {built.min_count} times; for "
                            f"min_count={wanted.min_count}: {again} with that min_count")


def _check_counted(counted: ArticleTerms, settings: TermSettings) -> None:
    check_counted_alike(counted.settings, settings, same=("stop_words", "keep_self_reference", "ngram_range"),
                        what="this article term count", again="count them again with count_article_terms")


def _rows_counts(counts: TermCounts, rows: np.ndarray, min_count: int) -> TermCounts:
    """The counts of some rows, without the terms these rows use fewer than ``min_count``
    times: what ``count_terms`` of their texts alone gives (a term used ``min_count`` times in
    some texts is used as often in all, so none is missing)."""
    per_article = counts.per_article
    if len(rows) != per_article.shape[0] or (rows != np.arange(len(rows))).any():
        per_article = per_article[rows]
    kept = np.asarray(per_article.sum(axis=0)).ravel() >= min_count
    if not kept.all():
        per_article = per_article[:, np.flatnonzero(kept)]
    return TermCounts(per_article=per_article.tocsr(), terms=counts.terms[kept], totals=counts.totals[rows])


def _report(removals) -> SelfReferenceReport:
    report = SelfReferenceReport()
    for found in removals:
        report.add(found)
    return report


@lru_cache(maxsize=8)
def _finder(known: tuple[str, ...]) -> SelfReference:
    """The self-reference finder of these outlets, built once per process."""
    return SelfReference(known)


def _read_chunk(chunk: tuple[list, list, list], *, known: tuple[str, ...] | None
                ) -> tuple[Tokens, tuple[tuple[tuple[str, str], ...], ...]]:
    """One chunk of (bodies, outlets, urls) read into ``Tokens``, with what was removed from each
    as self-reference of ``known`` outlets (None: nothing removed)."""
    bodies, outlets, urls = chunk
    if known is None:
        return tokenize(bodies), ()
    finder = _finder(known)
    stripped = [finder.stripped(body, outlet, url) for body, outlet, url in zip(bodies, outlets, urls)]
    return tokenize(text for text, _ in stripped), tuple(found for _, found in stripped)


def _text_chunks(articles: pd.DataFrame, size: int) -> Iterator[tuple[list, list, list]]:
    """The articles' bodies ("" when missing), outlets and addresses, ``size`` at a time."""
    bodies, outlets = _bodies(articles["body"]), iter(_outlets(articles))
    urls = iter(articles["url"]) if "url" in articles.columns else itertools.repeat(None)
    while chunk := list(itertools.islice(bodies, size)):
        yield (chunk, list(itertools.islice(outlets, len(chunk))),
               [url if isinstance(url, str) else None for url in itertools.islice(urls, len(chunk))])


def _article_ids(articles: pd.DataFrame) -> pd.Series:
    """Each article's id as text (its position in the table when it has no ``article_id``)."""
    if "article_id" in articles.columns:
        return articles["article_id"].astype(str)
    return pd.Series(np.arange(len(articles)).astype(str), index=articles.index)


def _outlets(articles: pd.DataFrame) -> pd.Series:
    return articles["outlet"].astype(str) if "outlet" in articles.columns else pd.Series("", index=articles.index)


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


def _bodies(bodies: pd.Series):
    """Each body as text ("" when missing), one at a time: ``fillna("").astype(str)`` would
    hold a second copy of every body (hundreds of MB on a large corpus)."""
    for body in bodies:
        yield body if isinstance(body, str) else "" if pd.api.types.is_scalar(body) and pd.isna(body) else str(body)


def _check_columns(articles: pd.DataFrame, columns: tuple[str, ...]) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise SettingsError(f"an articles table (pandas DataFrame) was expected, got {type(articles).__name__}")
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise SettingsError(f"the articles table has no column {missing[0]!r}; "
                            f"its columns are: {', '.join(map(str, articles.columns))}")


def tfidf_weights(counts: sparse.spmatrix) -> sparse.csr_matrix:
    """TF-IDF of a groups x terms count matrix, each group one document: scikit-learn's
    ``TfidfTransformer`` with smoothed idf ``ln((1 + G) / (1 + df)) + 1`` and rows of unit
    length (Salton & Buckley 1988, "Term-weighting approaches in automatic text retrieval")."""
    return TfidfTransformer(norm="l2", use_idf=True, smooth_idf=True).fit_transform(counts).tocsr()
