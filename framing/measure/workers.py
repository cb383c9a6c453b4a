"""The worker side of a chunked analysis, light enough for any command to import: the lexicons'
matcher a worker process builds once and keeps between chunks, the collector paused while a
chunk is worked, and the source opened in chunks and mapped over an engine's workers.
(``framing.measure.chunked`` gathers the tables; ``framing.measure.hit_stream`` writes hits.)"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from framing.corpus.chunks import ReadOptions, Source, open_source
from framing.corpus.load import CorpusBuilder
from framing.errors import SettingsError
from framing.lexicon import Lexicon, bundled_lexicons, lexicon_fingerprint
from framing.measure.engines import EngineSettings, map_chunks
from framing.text.match import Matcher

#: ``progress(articles seen, share of the source read)``.
Progress = Callable[[int, float | None], None]
_WORKER: dict = {}


def chosen_lexicons(lexicons: Iterable[Lexicon] | None) -> tuple[Lexicon, ...]:
    """``lexicons`` checked, or the bundled lexicons when None."""
    if lexicons is None:
        return tuple(bundled_lexicons())
    lexicons = tuple(lexicons)
    for lexicon in lexicons:
        if not isinstance(lexicon, Lexicon):
            raise SettingsError(f"lexicons must be Lexicon objects (see framing.lexicon.load_lexicon), "
                                f"got {type(lexicon).__name__}")
    return lexicons


def start_worker(lexicons: tuple[Lexicon, ...]) -> None:
    """Build the lexicons' matcher in this process (``worker_matcher``)."""
    _WORKER["matcher"] = Matcher(lexicons)
    _WORKER.pop("key", None)


def prepare_worker(lexicons: tuple[Lexicon, ...], key: str) -> None:
    """``start_worker``, once per ``key`` (the lexicons' fingerprints)."""
    if _WORKER.get("key") != key:
        start_worker(lexicons)
        _WORKER["key"] = key


def worker_matcher(matcher: Matcher | None = None) -> Matcher:
    """``matcher``, or the one this process built (``start_worker``)."""
    chosen = matcher or _WORKER.get("matcher")
    if chosen is None:
        raise RuntimeError("no matcher given, and this process did not run start_worker")
    return chosen


@contextmanager
def without_cyclic_gc():
    """Pause Python's cyclic garbage collector: reading, cleaning and the analysis make millions
    of small objects and no cycles, and the collector's passes over them cost ~5% of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def opened(path: str | Path, read: ReadOptions, engine: EngineSettings, chunk_articles: int, *,
           keep_articles: bool = True) -> tuple[Source, CorpusBuilder]:
    """The source opened in chunks, and a builder that has taken the notes raised opening it."""
    source = open_source(path, read, chunk_articles=chunk_articles, slices=engine.slices)
    builder = CorpusBuilder(keep_articles=keep_articles)
    for kind, example in source.notes:
        builder.note(kind, example)
    return source, builder


def analysed(engine: EngineSettings, work: Callable, source: Source, lexicons: tuple[Lexicon, ...]) -> Iterator:
    """``work`` mapped over the chunks of ``source`` by ``engine``, in workers holding the lexicons' matcher."""
    key = "/".join(lexicon_fingerprint(lex) for lex in lexicons)
    return map_chunks(engine, work, source.chunks, setup=prepare_worker, setup_args=(lexicons, key))
