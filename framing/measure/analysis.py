"""The ``Analysis``: a corpus analysed with some lexicons, as the articles, sentences and hits
tables of docs/data-model.md, with the key that identifies it. Every stage after the analysis
(scores, terms, concordance, alignment, events, figures, exports) takes this one object."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from framing.corpus.records import Corpus, LoadReport
from framing.errors import SettingsError
from framing.lexicon import Lexicon
from framing.measure.hit_choice import check_hit_choice


class _StoredTable:
    """A table field of ``Analysis`` read from the analysis's store the first time it is used
    (only the rows of its articles, for a subset), and kept."""

    def __set_name__(self, owner, name: str) -> None:
        self.name, self.slot = name, f"_{name}"

    def __get__(self, analysis, owner=None):
        if analysis is None:
            return None  # the dataclass field's default
        table = analysis.__dict__.get(self.slot)
        if table is None and analysis.store is not None:
            table = analysis.store.read_table(self.name, ids=analysis.article_ids)
            analysis.__dict__[self.slot] = table
        return table

    def __set__(self, analysis, table) -> None:
        analysis.__dict__[self.slot] = table


@dataclass(frozen=True, eq=False, kw_only=True)
class Analysis:
    """A corpus analysed with some lexicons: the ``articles``, ``sentences`` and ``hits``
    tables (columns in docs/data-model.md), the ``lexicons`` and ``key``, a digest of what made
    them (``framing.measure.cache``): equal keys, equal tables. Analyses compare and hash by
    their key, so caches (Streamlit's and ``DiskCache``) can hold them. ``corpus`` is None when
    read from disk without it; ``report`` is the load report when known. The tables are shared,
    never copied: treat them as read-only.

    An analysis read from a store (``framing.measure.store``) has ``store`` set and reads each
    table from it only when that table is first used; ``article_ids`` then limits it to some
    articles (a subset). Scores never read the hits or sentences tables whole: they reduce
    per-article counts (``hit_counts``, ``actor_mentions`` in ``framing.measure.counts``), which
    a store answers with DuckDB over its Parquet files, so memory stays bounded."""

    articles: pd.DataFrame = _StoredTable()
    sentences: pd.DataFrame = _StoredTable()
    hits: pd.DataFrame = _StoredTable()
    lexicons: tuple[Lexicon, ...]
    key: str
    corpus: Corpus | None = None
    report: LoadReport | None = None
    store: Any = None
    article_ids: tuple[str, ...] | None = None

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Analysis) and other.key == self.key

    def derived(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, once per analysis object (its tables never change): for what several
        stages read, such as the hit counts every score starts from. Not copied by ``_with``."""
        memo = self.__dict__.setdefault("_derived", {})
        if name not in memo:
            memo[name] = compute()
        return memo[name]

    def loaded(self, name: str) -> bool:
        """Whether table ``name`` is in memory (not only in the store)."""
        return self.__dict__.get(f"_{name}") is not None

    def _with(self, **changes) -> Analysis:
        """A copy with ``changes``, tables not yet read staying unread."""
        fields: dict[str, Any] = {f: self.__dict__.get(f"_{f}") for f in ("articles", "sentences", "hits")}
        fields |= {f: getattr(self, f) for f in ("lexicons", "key", "corpus", "report", "store", "article_ids")}
        return Analysis(**(fields | changes))

    def rekeyed(self, key: str) -> Analysis:
        """The same analysis under another key (a cache's key for the same inputs)."""
        return self._with(key=key)

    def with_source(self, corpus: Corpus | None, report: LoadReport | None) -> Analysis:
        """The same analysis with the corpus and load report it came from."""
        return self._with(corpus=corpus, report=report)

    def with_articles(self, articles: pd.DataFrame, *, label: str) -> Analysis:
        """The same analysis with another articles table for the same articles (extra
        columns, such as ``event_id`` filled by event grouping); ``label`` extends the key."""
        return self._with(articles=articles, key=f"{self.key}/{label}")

    def with_hits(self, hits: pd.DataFrame, *, label: str) -> Analysis:
        """The same analysis with some of its hits (e.g. the terms a coder found precise);
        ``label`` extends the key."""
        return self._with(hits=hits, key=f"{self.key}/{label}")

    def subset(self, articles: pd.DataFrame, *, label: str) -> Analysis:
        """The analysis of some of its ``articles`` (rows of its articles table, possibly with
        extra columns such as ``event_id``), with the hits and sentences of those articles;
        ``label`` (the filter that chose them) extends the key."""
        key = f"{self.key}/{label}"
        if self.store is not None and not self.loaded("hits"):
            return self._with(articles=articles, sentences=None, hits=None, key=key,
                              article_ids=tuple(articles["article_id"]))
        return self._with(articles=articles, hits=rows_of(self.hits, articles),
                          sentences=rows_of(self.sentences, articles), key=key)

    def article_columns(self, columns: Iterable[str]) -> pd.DataFrame:
        """Some columns of the articles table (from the store, without reading the texts, when
        the table is not in memory)."""
        columns = list(dict.fromkeys(columns))
        if self.store is not None and not self.loaded("articles"):
            return self.store.read_table("articles", columns=columns, ids=self.article_ids)
        return self.articles[[c for c in columns if c in self.articles.columns]]

    def sentence_texts(self, rows: np.ndarray | None = None) -> list[str]:
        """The text of the sentences at positions ``rows`` of the sentences table (all when None)."""
        return sentence_texts(self.sentences, self.articles, rows)


def rows_of(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The rows of a hits or sentences table whose article is in ``articles``."""
    return table[table["article_id"].isin(articles["article_id"])]


def sentence_texts(sentences: pd.DataFrame, articles: pd.DataFrame | None = None,
                   rows: np.ndarray | None = None) -> list[str]:
    """The text of the sentences at positions ``rows`` (all when None) of a sentences table:
    its ``text`` column, or, in a table analysed with ``sentence_text=False``, ``body[start:end]``
    of each sentence's article in ``articles`` (the articles table)."""
    rows = np.arange(len(sentences)) if rows is None else np.asarray(rows)
    if "text" in sentences.columns:
        return sentences["text"].take(rows).tolist()
    if articles is None:
        raise SettingsError("this sentences table has no text column (analysed with sentence_text=False); "
                            "pass the articles table as articles= to read each sentence from its body")
    bodies = dict(zip(articles["article_id"], articles["body"]))
    ids = sentences["article_id"].take(rows).tolist()
    missing = next((a for a in ids if a not in bodies), None)
    if missing is not None:
        raise SettingsError(f"article {missing!r} of the sentences table is not in the articles table given; "
                            "pass the articles table of the same analysis")
    return [bodies[a][s:e] for a, s, e in zip(ids, sentences["start"].take(rows).tolist(),
                                              sentences["end"].take(rows).tolist())]


def select_hits(hits: pd.DataFrame, *, kind: str | None = None, frame: str | None = None,
                roles: Iterable[str] | None = None, lexicons: Iterable[Lexicon] | None = None) -> pd.DataFrame:
    """The hits of one ``kind`` (frame, naming, actor) and/or one ``frame`` (a frame, naming-set
    or actor name) and/or some ``roles`` (``framing.lexicon.ROLES``). A name that none of
    ``lexicons`` (or, without them, none of the hits) has raises ``SettingsError`` listing
    the names there are."""
    check_hit_choice(hits, kind=kind, frame=frame, lexicons=lexicons)
    return hits[hit_mask(hits, kind=kind, frame=frame, roles=roles)].reset_index(drop=True)


def hit_mask(hits: pd.DataFrame, *, kind: str | None = None, frame: str | None = None,
             roles: Iterable[str] | None = None) -> pd.Series:
    """Which rows of ``hits`` ``select_hits`` keeps (no checks: see ``check_hit_choice``)."""
    keep = pd.Series(True, index=hits.index)
    if kind is not None:
        keep &= hits["kind"] == kind
    if frame is not None:
        keep &= hits["frame"] == frame
    if roles is not None:
        keep &= hits["role"].isin(list(roles))
    return keep
