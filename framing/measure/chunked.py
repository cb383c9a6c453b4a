"""The analysis of a corpus read in chunks: each chunk is read, cleaned and analysed in one worker
(``framing.measure.engines``), and this process only routes chunks, accepts each item in corpus
order (``CorpusBuilder``: repeated ids and texts, the load report) and gathers the tables, or
hands each chunk's tables to a store (``framing.measure.store``) without keeping them.

An article a worker analysed that turns out to repeat an earlier id or text is dropped from its
chunk's tables here, so the tables are exactly those of ``analyze(load_corpus(path))``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from framing.corpus.chunks import Chunk, ReadOptions, Source, chunk_outcomes
from framing.corpus.load import CorpusBuilder, ItemOutcome, require_articles
from framing.corpus.records import Article, Corpus
from framing.lexicon import Lexicon
from framing.measure import pipeline
from framing.measure.analysis import Analysis
from framing.measure.cache import analysis_key, corpus_content_key
from framing.measure.engines import EngineSettings, map_chunks
from framing.measure.tables import HIT_COLUMNS, SENTENCE_COLUMNS, ColumnBatches, corpus_frame
from framing.measure.workers import (
    Progress,
    analysed,
    chosen_lexicons,
    opened,
    without_cyclic_gc,
)

DEFAULT_READ, KEEP_RAW, DEFAULT_ENGINE = ReadOptions(), ReadOptions(keep_raw=True), EngineSettings()


@dataclass
class ChunkResult:
    """A chunk's item outcomes and the tables of the articles among them: sentence and hit
    column batches (``ColumnBatches.sealed``), word and sentence counts, one per article."""

    index: int
    position: int
    outcomes: list[ItemOutcome]
    sentences: list
    hits: list
    n_words: list[int]
    n_sentences: list[int]

    def articles(self) -> list[Article]:
        return [o.article for o in self.outcomes if o.article is not None]


def analyse_chunk(chunk: Chunk, *, mapping: dict, read: ReadOptions, columns: dict[str, str],
                  sentiment: bool = True) -> ChunkResult:
    """Read, clean and analyse one chunk (in a worker prepared by ``workers.prepare_worker``);
    ``sentiment=False`` leaves every sentence's ``compound`` NaN (VADER not run)."""
    with without_cyclic_gc():
        outcomes = chunk_outcomes(chunk, mapping, read)
        articles = [(o.article.id, o.article.outlet, o.article.body) for o in outcomes if o.article is not None]
        sentences, hits, n_words, n_sentences = pipeline._analyse_chunk(articles, columns=columns,
                                                                        sentiment=sentiment)
    return ChunkResult(chunk.index, chunk.position, outcomes, sentences, hits, n_words, n_sentences)


def sentence_columns(sentence_text: bool) -> dict[str, str]:
    return SENTENCE_COLUMNS if sentence_text else {k: v for k, v in SENTENCE_COLUMNS.items() if k != "text"}


def chunk_results(source: Source, lexicons: tuple[Lexicon, ...], engine: EngineSettings, *,
                  read: ReadOptions, columns: dict[str, str], sentiment: bool = True) -> Iterator[ChunkResult]:
    """Every chunk of ``source`` analysed by ``engine``, in order."""
    work = partial(analyse_chunk, mapping=source.mapping, read=read, columns=columns, sentiment=sentiment)
    return analysed(engine, work, source, lexicons)


def accept_chunk(builder: CorpusBuilder, result: ChunkResult) -> ChunkResult:
    """Accept the chunk's items in order; the result without the articles ``builder`` refused
    (a repeated id or text), so its tables hold only articles of the corpus."""
    refused = [o.article.id for o in result.outcomes if not builder.accept(o) and o.article is not None]
    if not refused:
        return result
    ids = set(refused)
    keep = [a.id not in ids for a in result.articles()]
    return ChunkResult(result.index, result.position, [o for o in result.outcomes if o.article is None or o.article.id not in ids],
                       _without(result.sentences, refused), _without(result.hits, refused),
                       [n for n, k in zip(result.n_words, keep) if k], [n for n, k in zip(result.n_sentences, keep) if k])


def _without(batches: list, ids: list[str]) -> list:
    """Column batches without the rows of articles ``ids`` (the first column is article_id)."""
    out = []
    for batch in batches:
        mask = pc.invert(pc.is_in(batch[0].cast(pa.large_string()), value_set=pa.array(ids, pa.large_string())))
        keep = mask.to_numpy(zero_copy_only=False)
        out.append([_kept(column, mask) if isinstance(column, pa.Array) else np.asarray(column)[keep]
                    for column in batch])
    return out


def _kept(column: pa.Array, mask: pa.Array) -> pa.Array:
    """The rows of ``column`` kept by ``mask``; a dictionary column encoded afresh, so values only
    dropped rows held do not linger as categories."""
    kept = column.filter(mask)
    if pa.types.is_dictionary(kept.type):
        return pc.dictionary_encode(kept.dictionary_decode()).cast(kept.type)
    return kept


def analyze_path(path: str | Path, lexicons: Iterable[Lexicon] | None = None, *, read: ReadOptions = DEFAULT_READ,
                 engine: EngineSettings = DEFAULT_ENGINE, progress: Progress | None = None,
                 sentence_text: bool = True, key: str | None = None, chunk_articles: int = 200,
                 sentiment: bool = True) -> Analysis:
    """``analyze(load_corpus(path, ...))`` with reading and cleaning in the workers too: the
    same tables and load report, the corpus kept in this process (``keep_raw`` as ``read``
    says). ``key`` identifies the analysis; None: from the corpus's content. ``sentiment=False``
    skips VADER (every ``compound`` NaN; the key says so), for what never reads sentiment."""
    lexicons = chosen_lexicons(lexicons)
    source, builder = opened(path, read, engine, chunk_articles)
    columns = sentence_columns(sentence_text)
    sentences, hits, n_words, n_sentences = ColumnBatches(columns), ColumnBatches(HIT_COLUMNS), [], []
    for result in chunk_results(source, lexicons, engine, read=read, columns=columns, sentiment=sentiment):
        result = accept_chunk(builder, result)
        sentences.batches.extend(result.sentences)
        hits.batches.extend(result.hits)
        n_words += result.n_words
        n_sentences += result.n_sentences
        if progress is not None:
            progress(builder.report.seen, result.position / source.size if source.size else None)
    require_articles(builder.report, Path(path))
    corpus = builder.corpus(str(path))
    articles = corpus_frame(corpus, n_words=n_words, n_sentences=n_sentences)
    key = (key or analysis_key(corpus_content_key(corpus), lexicons)) + ("" if sentiment else "/no-sentiment")
    return Analysis(articles=articles, sentences=sentences.frame(), hits=hits.frame(), lexicons=lexicons, key=key,
                    corpus=corpus, report=corpus.report)


def load_path(path: str | Path, *, read: ReadOptions = KEEP_RAW,
              engine: EngineSettings = DEFAULT_ENGINE, progress: Progress | None = None,
              chunk_articles: int = 200) -> Corpus:
    """``load_corpus(path, ...)`` with parsing and cleaning in ``engine``'s workers: the same
    corpus and load report."""
    source, builder = opened(path, read, engine, chunk_articles)
    work = partial(_outcomes_at, mapping=source.mapping, read=read)
    for position, outcomes in map_chunks(engine, work, source.chunks):
        for outcome in outcomes:
            builder.accept(outcome)
        if progress is not None:
            progress(builder.report.seen, position / source.size if source.size else None)
    require_articles(builder.report, Path(path))
    return builder.corpus(str(path))


def _outcomes_at(chunk: Chunk, *, mapping: dict, read: ReadOptions) -> tuple[int, list[ItemOutcome]]:
    return chunk.position, chunk_outcomes(chunk, mapping, read)

