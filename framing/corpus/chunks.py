"""A corpus read in chunks, so that reading, cleaning and analysis run together in worker
processes (or Dask tasks) while the parent only routes chunks and gathers results.

The parent opens the source (``open_source``): it finds the form, maps the columns and cuts the
items into chunks. Any process then turns a chunk into item outcomes (``chunk_outcomes``):
JSON parsing, cleaning, dates, every check that needs no other article
(``framing.corpus.items.item_outcome``). The parent accepts the outcomes in corpus order
(``CorpusBuilder.accept``: repeated ids and texts), so the load report is the one
``load_corpus`` gives, note for note.

A chunk carries its items (raw JSON lines, or items a reader made), or, for an uncompressed
JSON lines file, only a byte range of the file: a worker on another machine then reads its
own lines from shared storage and nothing big travels through a scheduler.
"""
from __future__ import annotations

import gzip
import io
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from framing.corpus import readers
from framing.corpus.decoding import wide_encoding
from framing.corpus.items import ItemOutcome, item_outcome
from framing.corpus.load import (
    FORMATS,
    corpus_path,
    detect_format,
    read_source,
    source_mapping,
)
from framing.corpus.readers import Item
from framing.errors import CorpusError, SettingsError

#: Articles per chunk by default: the unit of work and of progress.
CHUNK_ARTICLES = 200
#: Objects of a JSON lines file whose keys name its columns (as ``readers.read_jsonl``).
_HEAD = 100


@dataclass(frozen=True)
class ReadOptions:
    """How a corpus is read (``load_corpus``'s options): ``format`` (None: from the path),
    ``columns`` (``(field, source column)`` pairs, e.g. ``("text", "content")``), ``clean``,
    ``keep_raw``."""

    format: str | None = None
    columns: tuple[tuple[str, str], ...] = ()
    clean: bool = True
    keep_raw: bool = False


@dataclass(frozen=True)
class Chunk:
    """Some consecutive items of a source: ``lines`` (JSON lines as ``(line number, bytes)``),
    ``items`` (``(Item, reader notes)`` pairs), or a byte range ``start:end`` of an uncompressed
    JSON lines file whose first line is number ``first_line``."""

    index: int
    path: str
    lines: tuple[tuple[int, bytes | None], ...] = ()
    items: tuple[tuple[Item, tuple[tuple[str, str], ...]], ...] = ()
    start: int = 0
    end: int = 0
    first_line: int = 0
    position: int = 0  # bytes of the source read up to this chunk's end (for progress)

    @property
    def is_slice(self) -> bool:
        return self.end > self.start


@dataclass
class Source:
    """An opened corpus: its form, column mapping, the notes reading it raised before its first
    item, and its chunks (an iterator: read once)."""

    path: Path
    kind: str
    mapping: dict[str, str | None]
    notes: list[tuple[str, str]]
    chunks: Iterator[Chunk]
    size: int = 0  # bytes of the source file (0: a folder)


def open_source(path: str | Path, options: ReadOptions = ReadOptions(), *, chunk_articles: int = CHUNK_ARTICLES,
                slices: bool = False) -> Source:
    """Open ``path`` for reading in chunks of ``chunk_articles`` items. ``slices=True`` makes an
    uncompressed JSON lines file's chunks byte ranges (read by whoever analyses them)."""
    path = corpus_path(path)
    kind = options.format or detect_format(path)
    if kind not in FORMATS:
        raise SettingsError(f"format {kind!r} is not known; use one of {', '.join(FORMATS)}")
    explicit = dict.fromkeys(("text", "outlet", "title", "date", "id", "url")) | dict(options.columns)
    if kind == "jsonl" and _byte_lines_file(path):
        columns = _json_lines_columns(path)
        _, mapping = source_mapping(readers.Table(columns, iter(())), "jsonl", path, explicit)
        if slices and not path.name.lower().endswith(".gz"):
            chunks = _slice_chunks(path, chunk_articles)
        else:
            chunks = _line_chunks(path, chunk_articles)
        return Source(path, "jsonl", mapping, [], chunks, path.stat().st_size)
    notes: list[tuple[str, str]] = []
    table = read_source(kind, path, lambda k, example: notes.append((k, example)))
    items, mapping = source_mapping(table, kind, path, explicit)
    return Source(path, kind, mapping, list(notes), _item_chunks(items, notes, chunk_articles, str(path)))


def chunk_outcomes(chunk: Chunk, mapping: dict[str, str | None], options: ReadOptions) -> list[ItemOutcome]:
    """The outcome of every item of ``chunk`` (parsed, cleaned, dated), in order."""
    outcome = lambda item, notes=(): item_outcome(item, mapping, clean=options.clean, keep_raw=options.keep_raw,
                                                  reader_notes=tuple(notes))
    if chunk.items:
        return [outcome(item, notes) for item, notes in chunk.items]
    path = Path(chunk.path)
    lines = _read_slice(chunk) if chunk.is_slice else chunk.lines
    outcomes = []
    for number, raw in lines:
        notes: list[tuple[str, str]] = []
        for item in readers.json_line_items(path, [(number, raw)], _collector(notes)):
            outcomes.append(outcome(item, notes))
    return outcomes


def _collector(notes: list[tuple[str, str]]):
    """A reader's ``note`` callback that appends to ``notes``."""
    def note(kind: str, example: str) -> None:
        notes.append((kind, example))
    return note


def _byte_lines_file(path: Path) -> bool:
    """True when the file's lines can be cut on newline bytes (not UTF-16 or UTF-32, which the
    whole-file reader decodes as a stream before it splits)."""
    try:
        with _open_lines(path) as fh:
            return wide_encoding(fh.read(4096)) is None
    except (OSError, EOFError) as exc:
        raise CorpusError(f"{path}: cannot read ({exc}); check the file is complete") from None


def _open_lines(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _numbered_lines(path: Path, position: list | None = None) -> Iterator[tuple[int, bytes | None]]:
    """Non-blank lines with their numbers; ``position[0]`` follows the bytes read of the file."""
    try:
        with _open_lines(path) as fh:
            raw_file = getattr(fh, "fileobj", fh)
            for number, raw in readers.numbered_byte_lines(fh):
                if raw is None or raw.strip():
                    if position is not None:
                        position[0] = raw_file.tell()
                    yield number, raw
    except (OSError, EOFError) as exc:
        raise CorpusError(f"{path}: cannot read ({exc}); check the file is complete") from None


def _json_lines_columns(path: Path) -> tuple[str, ...]:
    """The keys of the first objects, in order of appearance (errors as ``load_corpus`` gives them)."""
    ignore = lambda kind, example: None
    head = readers.json_line_items(path, itertools.islice(_numbered_lines(path), _HEAD), ignore)
    return tuple(dict.fromkeys(key for item in head for key in item.row))


def _line_chunks(path: Path, size: int) -> Iterator[Chunk]:
    position = [0]
    lines = _numbered_lines(path, position)
    for index in itertools.count():
        batch = tuple(itertools.islice(lines, size))
        if not batch:
            return
        yield Chunk(index, str(path), lines=batch, position=position[0])


def _slice_chunks(path: Path, size: int) -> Iterator[Chunk]:
    """Byte ranges of ``size`` non-blank lines each (the parent reads the file once to cut them)."""
    start = offset = count = 0
    first, index = 1, 0
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            offset += len(raw)
            count += bool(raw.strip())
            if count == size:
                yield Chunk(index, str(path), start=start, end=offset, first_line=first, position=offset)
                start, first, count, index = offset, number + 1, 0, index + 1
    if offset > start:
        yield Chunk(index, str(path), start=start, end=offset, first_line=first, position=offset)


def _read_slice(chunk: Chunk) -> list[tuple[int, bytes | None]]:
    path = Path(chunk.path)
    try:
        with path.open("rb") as fh:
            fh.seek(chunk.start)
            data = fh.read(chunk.end - chunk.start)
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read bytes {chunk.start}-{chunk.end} ({exc}); "
                          "every worker must see the corpus at the same path") from None
    lines = readers.numbered_byte_lines(io.BytesIO(data))
    return [(chunk.first_line + n - 1, raw) for n, raw in lines if raw is None or raw.strip()]


def _item_chunks(source_items: Iterable[readers.Item], notes: list[tuple[str, str]], size: int, path: str
                 ) -> Iterator[Chunk]:
    """Chunks of a reader's items, each item with the notes raised while it was read."""
    items = iter(source_items)
    for index in itertools.count():
        batch = []
        for _ in range(size):
            del notes[:]
            item = next(items, None)
            if item is None:
                break
            batch.append((item, tuple(notes)))
        if not batch:
            return
        yield Chunk(index, path, items=tuple(batch))
