"""Read the raw items of each table form: rows of CSV, JSON lines (also gzipped), JSON arrays
and Parquet files. Folders of files with a ``manifest.csv`` and saved HTML pages are read by
``framing.corpus.files``.

Each reader yields ``Item(source, row)``: where the item came from ("file.jsonl:12") and its
fields as the source has them. ``load.py`` maps the fields to an ``Article``. A record that
cannot become an article (undecodable bytes, a duplicate key, a line over the size limit)
is an item with a ``problem`` so the load report can account for it; a file that cannot be
read as its form at all is a ``CorpusError`` naming the file and line. Every file is decoded
before it is split, line by line where the encoding allows (``framing.corpus.decoding``).
"""
from __future__ import annotations

import csv
import gzip
import io
import itertools
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from framing.corpus.decoding import (
    Decoded,
    UndecodableError,
    binary_reason,
    decode_line,
    decode_text,
    fallback_note,
    foreign_reason,
    wide_encoding,
)
from framing.corpus.json_values import object_problem, parse_json
from framing.corpus.limits import MAX_JSON_DEPTH, MAX_RECORD_BYTES, MiB, mib
from framing.errors import CorpusError

#: Field holding the text of a file-based item (folder files, HTML pages).
FILE_TEXT = "__text__"

#: Called with a kind of note and an example (a file name) when something is worth reporting.
Note = Callable[[str, str], None]

FOREIGN_PROBLEM = ("undecodable bytes (not UTF-8, and mostly bytes above 127: binary data, or text in an "
                   "encoding other than UTF-8, cp1252 or latin-1; save it as UTF-8)")
_OVERSIZED = (f"record too big (a line of more than {mib(MAX_RECORD_BYTES)}, MAX_RECORD_BYTES; far more than one "
              f"article needs: not read)")


class Item(NamedTuple):
    source: str
    row: dict[str, Any]
    default_id: str
    problem: str | None = None  # set when the item cannot become an article (a skip reason)


#: A line of JSON: its number, its text, the fallback encoding it was decoded with, and a skip
#: reason (or True when it looks foreign: skipped if it parses, an error if it does not).
LineRecord = tuple[int, str | None, str | None, str | bool | None]


class Table(NamedTuple):
    """The columns a source has (for mapping and messages) and its items."""

    columns: tuple[str, ...]
    items: Iterator[Item]


# --- whole files ------------------------------------------------------------------------------
def read_text_file(path: Path, note: Note) -> str:
    """The text of a file, decoded line by line with a fallback that is noted. Raises
    UndecodableError for binary data or an unsupported encoding."""
    decoded = decode_text(path.read_bytes())
    reason = foreign_reason(decoded.fallbacks, decoded.text)
    if reason:
        raise UndecodableError(reason)
    noted = fallback_note(decoded, path.name)
    if noted:
        note(*noted)
    return decoded.text


def _decode_table_file(path: Path, form: str, *, whole_file_is_text: bool = True) -> Decoded:
    try:
        return decode_text(path.read_bytes(), whole_file_is_text=whole_file_is_text)
    except UndecodableError as exc:
        raise CorpusError(f"{path}: cannot read as {form}: {exc}; save it as UTF-8 text") from None


# --- CSV ------------------------------------------------------------------------------------
class _Lines:
    """Lines of a text for the csv module, counting the characters handed out so far."""

    def __init__(self, text: str):
        self._lines = iter(io.StringIO(text, newline=""))
        self.offset = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.offset += len(line)
        return line


def read_csv(path: Path, note: Note) -> Table:
    """Rows of a CSV (or, for .tsv, tab-separated) file; ``file.csv row N`` counts data rows.
    Fields may be as long as an article (no 128 KB limit). Each row is decoded on its own:
    rows not in UTF-8 are noted by row (or skipped when they are not text at all)."""
    decoded = _decode_table_file(path, "CSV", whole_file_is_text=False)  # each row's text is judged on its own
    csv.field_size_limit(2**31 - 1)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    lines = _Lines(decoded.text)
    reader = csv.DictReader(lines, delimiter=delimiter, strict=True)  # a stray quote is an error, not a silently merged row
    try:
        columns = tuple(reader.fieldnames or ())
    except csv.Error as exc:
        raise CorpusError(f"{path}: cannot read the CSV header ({exc})") from None
    if not columns:
        raise CorpusError(f"{path}: empty CSV file (no header row); the first row must name the columns")
    reason = binary_reason(decoded.text[:lines.offset])
    if reason:
        raise CorpusError(f"{path}: cannot read as CSV: the header row {reason}; save it as UTF-8 text")
    _check_header(path, columns)
    header = [f for f in decoded.fallbacks if f.start < lines.offset]
    if any(f.foreign for f in header):
        raise CorpusError(f"{path}: cannot read as CSV: the header row is not UTF-8 and mostly bytes above 127 "
                          f"(binary data, or an encoding other than UTF-8, cp1252 or latin-1); save it as UTF-8")
    if header:
        note(f"not UTF-8, decoded as {header[0].encoding}", f"{path.name} header")
    noted = fallback_note(decoded, path.name) if decoded.encoding in ("utf-16-le", "utf-16-be") else None
    if noted:
        note(*noted)
    return Table(columns, _csv_items(path, reader, lines, decoded, note))


def _check_header(path: Path, columns: tuple[str, ...]) -> None:
    """Refuse a header naming a column twice: ``csv.DictReader`` would silently keep only the
    last of the two values in every row."""
    first: dict[str, int] = {}
    for position, name in enumerate(columns, start=1):
        if name in first:
            what = f"column {name!r} appears twice" if name.strip() else "two columns have no name"
            raise CorpusError(f"{path}: {what} in the header (columns {first[name]} and {position}); the second "
                              f"would silently replace the first in every row: rename or delete one")
        first[name] = position


def _csv_items(path: Path, reader: csv.DictReader, lines: _Lines, decoded: Decoded, note: Note) -> Iterator[Item]:
    fallbacks = [f for f in decoded.fallbacks if f.start >= lines.offset]
    n, start, next_fallback = 0, lines.offset, 0
    try:
        for n, row in enumerate(reader, start=1):
            end = lines.offset
            while next_fallback < len(fallbacks) and fallbacks[next_fallback].end <= start:
                next_fallback += 1
            touching = []
            for fallback in fallbacks[next_fallback:]:
                if fallback.start >= end:
                    break
                touching.append(fallback)
            start = end
            source = f"{path.name} row {n}"
            extra = row.pop(None, None)
            if extra:
                note("CSV row with more values than header columns (extra values dropped)", source)
            row = {key: (value if value != "" else None) for key, value in row.items()}  # an empty cell is missing
            if any(f.foreign for f in touching):
                yield Item(source, {}, f"{path.stem}-{n}", FOREIGN_PROBLEM)
                continue
            if touching:
                note(f"not UTF-8, decoded as {touching[0].encoding}", source)
            yield Item(source, row, f"{path.stem}-{n}")
    except csv.Error as exc:
        raise CorpusError(f"{path}: malformed CSV in the row after data row {n} ({exc}); "
                          f"check the quoting of that row (a quote not closed, or text after a closing quote)") from None


# --- JSON -------------------------------------------------------------------------------------
def read_jsonl(path: Path, note: Note) -> Table:
    """Objects of a JSON lines file (``.gz`` decompressed while streaming). A line that is not
    a JSON object stops the load with its line number; blank lines are ignored. The columns are
    the keys of the first 100 objects, in order of appearance."""
    return _json_table(path, _file_lines(path, note), note)


def _json_table(path: Path, lines: Iterable[LineRecord], note: Note) -> Table:
    items = _json_line_items(path, lines, note)
    head = list(itertools.islice(items, 100))
    columns = tuple(dict.fromkeys(key for item in head for key in item.row))
    return Table(columns, itertools.chain(head, items))


def _json_line_items(path: Path, lines, note: Note) -> Iterator[Item]:
    stem = source_stem(path)
    for number, text, fallback, problem in lines:
        source, default_id = f"{path.name}:{number}", f"{stem}-{number}"
        if isinstance(problem, str):
            yield Item(source, {}, default_id, problem)
            continue
        obj, dup_of = parse_json(text.rstrip("\r\n"), path, line=number)  # garbage is malformed JSON: an error
        if not isinstance(obj, dict):
            raise CorpusError(f"{path}:{number}: expected one JSON object per line, got {type(obj).__name__}; "
                              f"write each article as {{\"text\": ..., \"outlet\": ...}}")
        if problem:  # JSON, but its text in an encoding we do not read: a skip
            yield Item(source, {}, default_id, FOREIGN_PROBLEM)
            continue
        if fallback:
            note(f"not UTF-8, decoded as {fallback}", source)
        yield Item(source, obj, default_id, object_problem(obj, dup_of))


def _file_lines(path: Path, note: Note) -> Iterator[LineRecord]:
    """(line number, text, fallback encoding, problem) of each non-blank line, where the
    problem is a skip reason, or True for a line that looks foreign: a UTF-16/32
    file is decoded as a stream before it is split; other lines are decoded one by one."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rb") as fh:
            wide = wide_encoding(fh.read(4096))
            fh.seek(0)
            if wide:
                if wide in ("utf-16-le", "utf-16-be"):
                    note(f"UTF-16 without a byte order mark (decoded as {wide.upper()})", path.name)
                yield from _wide_lines(path, fh, wide)
            else:
                yield from _byte_lines(path, fh)
    except (OSError, EOFError, zlib.error) as exc:
        raise CorpusError(f"{path}: cannot read ({exc}); check the file is complete") from None


def _byte_lines(path: Path, fh) -> Iterator[LineRecord]:
    for number, raw in numbered_byte_lines(fh):
        record = byte_line_record(path, number, raw)
        if record is not None:
            yield record


def numbered_byte_lines(fh) -> Iterator[tuple[int, bytes | None]]:
    """Every line of a binary file with its number; None for a line longer than
    ``MAX_RECORD_BYTES``, which is skipped over without ever being held whole."""
    number = 0
    while raw := fh.readline(MAX_RECORD_BYTES + 1):
        number += 1
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while (rest := fh.readline(MiB)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def byte_line_record(path: Path, number: int, raw: bytes | None) -> LineRecord | None:
    """The ``LineRecord`` of one line of a UTF-8 (or per-line legacy) JSON lines file; None for
    a blank line; a CorpusError for NUL bytes."""
    if raw is None:
        return number, None, None, _OVERSIZED
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None
    if b"\x00" in raw:
        raise CorpusError(f"{path}:{number}: binary data (NUL bytes) in a JSON line; fix or delete that line "
                          f"(or, for UTF-16 text, save the file as UTF-8)")
    text, fallback, foreign = decode_line(raw)
    return number, text, fallback, foreign


def json_line_items(path: Path, lines: Iterable[tuple[int, bytes | None]], note: Note) -> Iterator[Item]:
    """The items of some numbered byte lines of a JSON lines file (as ``read_jsonl`` reads
    them: the chunked reader parses its chunks with this)."""
    records = (byte_line_record(path, number, raw) for number, raw in lines)
    return _json_line_items(path, (record for record in records if record is not None), note)


def _wide_lines(path: Path, fh, encoding: str) -> Iterator[LineRecord]:
    stream = io.TextIOWrapper(fh, encoding=encoding)
    limit = MAX_RECORD_BYTES // 2
    number = 0
    try:
        while line := stream.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                while (rest := stream.readline(MiB)) and not rest.endswith("\n"):
                    pass
                yield number, None, None, _OVERSIZED
                continue
            if line.strip():
                yield number, line.lstrip("\ufeff") if number == 1 else line, None, None
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: starts like {encoding.upper()} text but line {number + 1} is not valid "
                          f"{encoding.upper()} ({exc.reason}); save the file as UTF-8") from None


def _text_lines(text: str) -> Iterator[LineRecord]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line, None, None


def read_json_array(path: Path, note: Note) -> Table:
    """A .json file holding one array of article objects, or one object; anything else is
    read as JSON lines (of the decoded text)."""
    decoded = _decode_table_file(path, "JSON")
    reason = foreign_reason(decoded.fallbacks, decoded.text)
    if reason:
        raise CorpusError(f"{path}: cannot read as JSON: {reason}")
    noted = fallback_note(decoded, path.name)
    if noted:
        note(*noted)
    text = decoded.text.lstrip("\ufeff")
    start = text.lstrip()[:1]
    if start == "{":
        try:
            obj, dup_of = parse_json(text, path)
        except CorpusError as exc:
            if "Extra data" not in str(exc):
                raise
            return _json_table(path, _text_lines(text), note)  # one object per line
        return Table(tuple(obj), iter([Item(f"{path.name}[0]", obj, f"{source_stem(path)}-0", object_problem(obj, dup_of))]))
    if start != "[":
        return _json_table(path, _text_lines(text), note)
    data, dup_of = parse_json(text, path, depth_limit=MAX_JSON_DEPTH + 1)  # the elements sit one level down
    bad = next((i for i, obj in enumerate(data) if not isinstance(obj, dict)), None)
    if bad is not None:
        raise CorpusError(f"{path}: element {bad} of the array is not an object; expected a list of article objects")
    columns = tuple(data[0]) if data else ()
    stem = source_stem(path)
    return Table(columns, (Item(f"{path.name}[{i}]", obj, f"{stem}-{i}", object_problem(obj, dup_of))
                           for i, obj in enumerate(data)))


def source_stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".ndjson", ".json"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


# --- Parquet ----------------------------------------------------------------------------------
def read_parquet(path: Path, note: Note) -> Table:
    """Rows of a Parquet file (through pandas and pyarrow)."""
    import pandas as pd
    import pyarrow.parquet as pq

    try:
        _check_header(path, tuple(pq.read_schema(path).names))  # pandas would fail on a repeated name, or hide it
        frame = pd.read_parquet(path)
    except CorpusError:
        raise
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        detail = " ".join(str(exc).split())[:300]
        raise CorpusError(f"{path}: cannot read as Parquet ({type(exc).__name__}: {detail})") from None
    columns = tuple(str(c) for c in frame.columns)
    _check_header(path, columns)
    frame.columns = list(columns)
    frame = frame.astype(object).where(frame.notna(), None)
    rows = frame.to_dict("records")
    return Table(columns, (Item(f"{path.name} row {i}", row, f"{path.stem}-{i}") for i, row in enumerate(rows, start=1)))
