"""The hits of a corpus read in chunks, rendered where they are found: each worker reads,
cleans and analyses a chunk (``framing.measure.workers``), and hands back its hits already
rendered (``framing hits --format csv`` renders them as CSV lines); this process accepts each
item in corpus order (repeated ids and texts) and passes on the rendered hits of the articles of
the corpus, chunk by chunk, so they can be written while the rest is analysed and are never
held whole. Nothing here needs pandas or Arrow."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from framing.corpus.chunks import Chunk, ReadOptions, chunk_outcomes
from framing.corpus.load import ItemOutcome, require_articles
from framing.lexicon import Lexicon
from framing.measure.engines import EngineSettings
from framing.measure.workers import Progress, analysed, chosen_lexicons, opened, without_cyclic_gc, worker_matcher
from framing.text.hits import hit_parts
from framing.text.match import Matcher


def hit_parts_of_articles(articles: list[tuple[str, str, str]], matcher: Matcher | None = None
                          ) -> list[tuple[str, str, str, list]]:
    """``(id, outlet, body, hits)`` of some ``(id, outlet, body)`` articles, ``hits`` as
    ``framing.text.hits.hit_parts`` gives them: the hits alone, no sentences table, counts or
    sentiment (for ``framing hits``, which prints nothing else). In a worker, the matcher of
    ``framing.measure.workers.start_worker``."""
    chosen = worker_matcher(matcher)
    with without_cyclic_gc():
        return [(article_id, outlet, body, hit_parts(body, chosen)[1]) for article_id, outlet, body in articles]


#: ``render(articles)``: one bytes part per article of a chunk, in order, from each article's
#: ``(id, outlet, body, hits)`` (``hits`` as ``framing.text.hits.hit_parts`` gives them).
HitRenderer = Callable[[list[tuple[str, str, str, list]]], list[bytes]]
DEFAULT_READ, DEFAULT_ENGINE = ReadOptions(), EngineSettings()
#: Articles per chunk of ``rendered_hits``: half the analysis's, as its chunks cost no more per
#: article at this size, and the worker still busy with the last chunk leaves the other idle for less.
HIT_CHUNK = 100


@dataclass
class RenderedChunk:
    """A chunk's item outcomes and, for each of its articles, its hits as ``render`` made them."""

    position: int
    outcomes: list[ItemOutcome]
    parts: list[bytes]


def render_chunk_hits(chunk: Chunk, *, mapping: dict, read: ReadOptions, render: HitRenderer) -> RenderedChunk:
    """Read, clean and find the hits of one chunk, and render them (in a worker prepared by ``workers.prepare_worker``)."""
    with without_cyclic_gc():
        outcomes = chunk_outcomes(chunk, mapping, read)
        articles = [(o.article.id, o.article.outlet, o.article.body) for o in outcomes if o.article is not None]
        return RenderedChunk(chunk.position, outcomes, render(hit_parts_of_articles(articles)))


def rendered_hits(path: str | Path, lexicons: Iterable[Lexicon] | None = None, *, render: HitRenderer,
                  read: ReadOptions = DEFAULT_READ, engine: EngineSettings = DEFAULT_ENGINE,
                  progress: Progress | None = None, chunk_articles: int = HIT_CHUNK) -> Iterator[bytes]:
    """The hits of ``analyze_path(path, lexicons)``, rendered by ``render`` in the workers and
    handed back one chunk at a time (the articles of the corpus only, in corpus order), so
    the output can be written while the rest is analysed and the hits are never held whole.
    Yields once per chunk (possibly ``b""``); raises as ``analyze_path`` does for a source
    with no items, after the last chunk."""
    lexicons = chosen_lexicons(lexicons)
    source, builder = opened(path, read, engine, chunk_articles, keep_articles=False)
    work = partial(render_chunk_hits, mapping=source.mapping, read=read, render=render)
    for result in analysed(engine, work, source, lexicons):
        accepted = [(builder.accept(o), o.article is not None) for o in result.outcomes]
        kept = (ok for ok, has_article in accepted if has_article)
        yield b"".join(part for part, keep in zip(result.parts, kept, strict=True) if keep)
        if progress is not None:
            progress(builder.report.seen, result.position / source.size if source.size else None)
    require_articles(builder.report, Path(path))
