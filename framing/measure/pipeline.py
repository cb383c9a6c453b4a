"""The analysis pipeline: articles -> sentences -> lexicon hits with their context, as the
three tidy tables of docs/data-model.md, gathered into one ``Analysis``.

Per article: the body is split into sentences once (``framing.text.hits.article_hits``), every
lexicon term is found (``framing.text.match.Matcher``), and each hit gets its voice, speaker,
negation, hedging and target from ``framing.text.context.body_context``. A hit belongs to the
sentence its first character is in (a phrase matched across a line break starts in one
sentence and ends in the next).

Every body is split in full, not only where hits are: with the bundled lexicons 95% of the
text is in lines holding a hit, and the context rules read the sentences around a hit, so a
partial split would save little (``bench/bench_hits.py`` prints the share).

Articles are analysed in chunks of 200, in every CPU's process for a big corpus. Each chunk's
rows become column batches at once (Arrow dictionaries for repeated text, numpy for numbers),
and the batches are joined into Categorical, numpy and object columns at the end, so a corpus
of 37,554 articles (3.5 million hits) never holds its hits as Python tuples all at once.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from framing.corpus.records import Corpus
from framing.lexicon import Lexicon
from framing.measure.analysis import Analysis
from framing.measure.cache import DiskCache, analysis_key, corpus_content_key
from framing.measure.loaded import has_loaded_lexicon, sentence_loaded_scores
from framing.measure.sentiment import compound_scores
from framing.measure.tables import HIT_COLUMNS, SENTENCE_COLUMNS, ColumnBatches, corpus_frame
from framing.measure.workers import chosen_lexicons, start_worker, without_cyclic_gc, worker_matcher
from framing.parallel import process_pool, resolve_workers
from framing.text.hits import ArticleHits, article_hits
from framing.text.match import Matcher
from framing.text.tokenize import count_words

Progress = Callable[[int, int], None]
_SENTENCE_COLUMNS_WITHOUT_TEXT = {k: v for k, v in SENTENCE_COLUMNS.items() if k != "text"}


def analyze(corpus: Corpus, lexicons: Iterable[Lexicon] | None = None, *,
            progress: Progress | None = None, workers: int | None = None,
            sentence_text: bool = True, key: str | None = None) -> Analysis:
    """Analyse every article of ``corpus`` with ``lexicons`` (default: the bundled ones).
    ``progress(done, total)`` is called as articles are done and at the end. ``workers``
    processes share the articles (same tables, in the same order); None: every CPU for a
    corpus of 800 articles or more, one process below (``framing.parallel``).
    ``sentence_text=False`` leaves the sentences table without its ``text`` column (a
    sentence is ``body[start:end]``; ``sentence_texts`` reads them back), for pipelines
    that never show sentences (about 220 MB less on the 37,554 AllSides articles).
    ``key`` identifies the analysis (``framing.measure.cache``); None: from the corpus's content."""
    lexicons = chosen_lexicons(lexicons)
    articles = [(a.id, a.outlet, a.body) for a in corpus.articles]
    chunks = [articles[i:i + _CHUNK] for i in range(0, len(articles), _CHUNK)]
    workers = resolve_workers(workers, len(chunks), min_units=_PARALLEL_MIN_CHUNKS)
    columns = SENTENCE_COLUMNS if sentence_text else _SENTENCE_COLUMNS_WITHOUT_TEXT
    if workers == 1 or len(chunks) < 2:
        matcher = Matcher(lexicons)
        tables = _gather((_analyse_chunk(chunk, matcher, columns) for chunk in chunks), chunks, progress, columns)
    else:
        with process_pool(workers, initializer=_start_worker, initargs=(lexicons,)) as pool:
            tables = _gather(pool.map(partial(_analyse_chunk, columns=columns), chunks), chunks, progress, columns)
    sentences, hits, n_words, n_sentences = tables  # joined once the worker processes have ended
    sentences, hits = sentences.frame(), hits.frame()
    articles_table = corpus_frame(corpus, n_words=n_words, n_sentences=n_sentences)
    key = key or analysis_key(corpus_content_key(corpus), lexicons)
    return Analysis(articles=articles_table, sentences=sentences, hits=hits, lexicons=lexicons, key=key,
                    corpus=corpus, report=corpus.report)


def cached_analyze(corpus: Corpus, lexicons: Iterable[Lexicon] | None = None, *, cache_dir: str | Path,
                   progress: Progress | None = None, workers: int | None = None) -> Analysis:
    """``analyze``, read from ``cache_dir`` when the same articles, lexicons and code were
    analysed before; otherwise analysed and stored there (``framing.measure.cache.DiskCache``)."""
    lexicons = chosen_lexicons(lexicons)
    key = analysis_key(corpus_content_key(corpus), lexicons)
    stored = DiskCache(cache_dir).analysis(
        key, lambda: analyze(corpus, lexicons, progress=progress, workers=workers, key=key), lexicons=lexicons)
    return stored.with_source(corpus, corpus.report)


#: Articles per unit of work (and per progress report).
_CHUNK = 200
#: ``workers=None`` runs one process below this many chunks (starting processes costs ~1 s).
_PARALLEL_MIN_CHUNKS = 4
_start_worker = start_worker  # the process pool's initializer


def _analyse_chunk(articles: list[tuple[str, str, str]], matcher: Matcher | None = None,
                   columns: dict[str, str] = SENTENCE_COLUMNS, *, sentiment: bool = True):
    """The sentence (``columns``) and hit columns (as ``ColumnBatches`` batches, so a worker
    process sends back compact arrays rather than millions of tuples), word counts and
    sentence counts of some ``(id, outlet, body)`` articles."""
    with without_cyclic_gc():
        return _analyse_articles(articles, worker_matcher(matcher), columns, sentiment=sentiment)


def _analyse_articles(articles: list[tuple[str, str, str]], matcher: Matcher, columns: dict[str, str], *,
                      sentiment: bool = True):
    sentences, hits = ColumnBatches(columns), ColumnBatches(HIT_COLUMNS)
    with_text = "text" in columns
    scored = has_loaded_lexicon(matcher.lexicons_)
    n_words, n_sentences = [], []
    for article_id, outlet, body in articles:
        found = article_hits(body, matcher, prefix=(article_id, outlet))
        spans = found.sentence_spans
        n_words.append(count_words(body))
        n_sentences.append(len(spans))
        compound = _actor_sentence_scores(body, found) if sentiment else {}
        loaded, author = sentence_loaded_scores(found.rows, len(spans), scored=scored)
        if with_text:
            sentences.extend([(article_id, i, start, end, body[start:end], loaded[i], author[i], compound.get(i, _NAN))
                              for i, (start, end) in enumerate(spans)])
        else:
            sentences.extend([(article_id, i, start, end, loaded[i], author[i], compound.get(i, _NAN))
                              for i, (start, end) in enumerate(spans)])
        hits.extend(found.rows)
    return sentences.sealed(), hits.sealed(), n_words, n_sentences


_NAN = float("nan")
_KIND, _SENTENCE_ID = list(HIT_COLUMNS).index("kind"), list(HIT_COLUMNS).index("sentence_id")


def _actor_sentence_scores(body: str, found: ArticleHits) -> dict[int, float]:
    """VADER compound score of each sentence naming an actor (the sentences actor sentiment
    reads), by sentence id; scored here, where the text is at hand, in the analysis's
    processes."""
    ids = sorted({row[_SENTENCE_ID] for row in found.rows if row[_KIND] == "actor"})
    if not ids:
        return {}
    spans = found.sentence_spans
    texts = [body[spans[i][0]:spans[i][1]] for i in ids]
    return dict(zip(ids, compound_scores(texts, workers=1, remember=False).tolist()))


def _gather(results, chunks: list, progress: Progress | None, columns: dict[str, str]):
    """The chunks' sentence and hit batches gathered into two ``ColumnBatches`` (joined by the
    caller, after the worker processes have ended), and their word and sentence counts."""
    sentences, hits, n_words, n_sentences = ColumnBatches(columns), ColumnBatches(HIT_COLUMNS), [], []
    done, total = 0, sum(len(c) for c in chunks)
    for (chunk_sentences, chunk_hits, chunk_words, chunk_counts), chunk in zip(results, chunks):
        sentences.batches.extend(chunk_sentences)
        hits.batches.extend(chunk_hits)
        n_words.extend(chunk_words)
        n_sentences.extend(chunk_counts)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    return sentences, hits, n_words, n_sentences
