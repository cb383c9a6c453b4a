"""Read the raw items of each corpus form: rows of CSV, JSON lines (also gzipped), JSON arrays
and Parquet files, files of a folder listed in ``manifest.csv``, and saved HTML pages.

Each reader yields ``Item(source, row)``: where the item came from ("file.jsonl:12") and its
fields as the source has them. ``load.py`` maps the fields to an ``Article``. Undecodable or
missing files become items with a ``problem`` so the load report can account for them.
Text that is not UTF-8 is decoded with a stated fallback (cp1252, then latin-1) and noted.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any, NamedTuple

from framing.errors import CorpusError

#: Field holding the text of a file-based item (folder files, HTML pages).
FILE_TEXT = "__text__"
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST = "manifest.csv"
FILE_COLUMNS = ("file", "filename", "path", "file_name")

#: Called with a kind of note and an example (a file name) when something is worth reporting.
Note = Callable[[str, str], None]


class Item(NamedTuple):
    source: str
    row: dict[str, Any]
    default_id: str
    problem: str | None = None  # set when the item cannot become an article (a skip reason)


class Table(NamedTuple):
    """The columns a source has (for mapping and messages) and its items."""

    columns: tuple[str, ...]
    items: Iterator[Item]


# --- decoding ------------------------------------------------------------------------------
class UndecodableError(ValueError):
    """Bytes that are not text in any encoding we try (binary data, NUL bytes)."""


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and the fallback encoding used (None for UTF-8): UTF-8 (BOM allowed),
    UTF-16 with a BOM, then cp1252, then latin-1. Raises UndecodableError on binary data."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        raise UndecodableError("contains NUL bytes (a binary file, or UTF-16 without a byte order mark)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_text_file(path: Path, note: Note) -> str:
    """The text of a file, decoded with a fallback that is noted."""
    text, fallback = decode_bytes(path.read_bytes())
    if fallback and fallback != "utf-16":
        note(f"not UTF-8, decoded as {fallback}", path.name)
    return text


# --- tables --------------------------------------------------------------------------------
def read_csv(path: Path, note: Note) -> Table:
    """Rows of a CSV (or, for .tsv, tab-separated) file; ``file.csv row N`` counts data rows.
    Fields may be as long as an article (no 128 KB limit)."""
    try:
        text = read_text_file(path, note)
    except UndecodableError as exc:
        raise CorpusError(f"{path}: cannot read as CSV: {exc}; save it as UTF-8 text") from None
    csv.field_size_limit(2**31 - 1)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)  # a stray quote is an error, not a silently merged row
    try:
        columns = tuple(reader.fieldnames or ())
    except csv.Error as exc:
        raise CorpusError(f"{path}: cannot read the CSV header ({exc})") from None
    if not columns:
        raise CorpusError(f"{path}: empty CSV file (no header row); the first row must name the columns")
    return Table(columns, _csv_items(path, reader, note))


def _csv_items(path: Path, reader: csv.DictReader, note: Note) -> Iterator[Item]:
    n = 0
    try:
        for n, row in enumerate(reader, start=1):
            extra = row.pop(None, None)
            if extra:
                note("CSV row with more values than header columns (extra values dropped)", f"{path.name} row {n}")
            row = {key: (value if value != "" else None) for key, value in row.items()}  # an empty cell is missing
            yield Item(f"{path.name} row {n}", row, f"{path.stem}-{n}")
    except csv.Error as exc:
        raise CorpusError(f"{path}: malformed CSV in the row after data row {n} ({exc}); "
                          f"check the quoting of that row (a quote not closed, or text after a closing quote)") from None


def read_jsonl(path: Path, note: Note) -> Table:
    """Objects of a JSON lines file (``.gz`` decompressed while streaming). A line that is not
    a JSON object stops the load with its line number; blank lines are ignored. The columns are
    the keys of the first 100 objects, in order of appearance."""
    lines = _numbered_json_objects(path, note)
    head = list(itertools.islice(lines, 100))
    columns = tuple(dict.fromkeys(key for _, obj in head for key in obj))

    def items() -> Iterator[Item]:
        stem = source_stem(path)
        for number, obj in itertools.chain(head, lines):
            yield Item(f"{path.name}:{number}", obj, f"{stem}-{number}")
    return Table(columns, items())


def _numbered_json_objects(path: Path, note: Note) -> Iterator[tuple[int, dict]]:
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rb") as fh:
            for number, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                yield number, parse_json_line(raw, path, number, note)
    except (OSError, EOFError) as exc:
        raise CorpusError(f"{path}: cannot read ({exc}); check the file is complete") from None


def parse_json_line(raw: bytes, path: Path, number: int, note: Note) -> dict:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text, fallback = decode_bytes(raw)
        note(f"not UTF-8, decoded as {fallback}", f"{path.name}:{number}")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{path}:{number}: malformed JSON line ({exc.msg} at column {exc.colno}); "
                          f"fix or delete that line") from None
    if not isinstance(obj, dict):
        raise CorpusError(f"{path}:{number}: expected one JSON object per line, got {type(obj).__name__}; "
                          f"write each article as {{\"text\": ..., \"outlet\": ...}}")
    return obj


def read_json_array(path: Path, note: Note) -> Table:
    """A .json file holding one array of article objects (else it is read as JSON lines)."""
    text = read_text_file(path, note)
    if not text.lstrip().startswith("["):
        return read_jsonl(path, note)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{path}:{exc.lineno}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    bad = next((i for i, obj in enumerate(data) if not isinstance(obj, dict)), None)
    if bad is not None:
        raise CorpusError(f"{path}: element {bad} of the array is not an object; expected a list of article objects")
    columns = tuple(data[0]) if data else ()
    stem = source_stem(path)
    return Table(columns, (Item(f"{path.name}[{i}]", obj, f"{stem}-{i}") for i, obj in enumerate(data)))


def read_parquet(path: Path, note: Note) -> Table:
    """Rows of a Parquet file (through pandas and pyarrow)."""
    import pandas as pd

    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise CorpusError(f"{path}: cannot read as Parquet ({type(exc).__name__}: {exc})") from None
    frame = frame.astype(object).where(frame.notna(), None)
    columns = tuple(str(c) for c in frame.columns)
    rows = frame.to_dict("records")
    return Table(columns, (Item(f"{path.name} row {i}", row, f"{path.stem}-{i}") for i, row in enumerate(rows, start=1)))


def source_stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".jsonl", ".ndjson", ".json"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


# --- files ---------------------------------------------------------------------------------
def read_folder(folder: Path, note: Note) -> Table:
    """Files listed in ``manifest.csv`` (a ``file`` column, then any metadata columns), read
    as text (.txt/.md) or through trafilatura (.html). A row whose file is missing is an item
    with a problem; a text file the manifest does not list is noted."""
    refused = outside_folder(folder, MANIFEST)
    if refused:
        raise CorpusError(f"{folder / MANIFEST}: is {refused}; put the manifest itself in the corpus folder")
    manifest = read_csv(folder / MANIFEST, note)
    file_column = next((c for c in manifest.columns if c.strip().lower() in FILE_COLUMNS), None)
    if file_column is None:
        raise CorpusError(f"{folder / MANIFEST}: no file column; expected one of {', '.join(FILE_COLUMNS)} "
                          f"(columns are: {', '.join(manifest.columns)})")
    rows = list(manifest.items)
    listed = {(row.row.get(file_column) or "").strip() for row in rows}
    for extra in sorted(p.name for p in folder.iterdir() if _is_article_file(p) and p.name not in listed):
        note(f"file in the folder but not in {MANIFEST} (not loaded; add a row for it)", extra)
    columns = (*manifest.columns, FILE_TEXT)
    return Table(columns, (_folder_item(folder, item, file_column, note) for item in rows))


def _is_article_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in TEXT_SUFFIXES and not path.stem.lower().startswith("readme")


def outside_folder(folder: Path, name: str) -> str | None:
    """Why the file ``name`` (as a corpus names it, relative to ``folder``) may not be read,
    or None when it lies inside ``folder``. A corpus may only name its own files: an absolute
    path, a ``..`` component or a link resolving outside the folder is refused, so a manifest
    (or an uploaded archive) can never make the tool read another file on the machine."""
    pure = PurePath(name.replace("\\", "/"))
    if pure.is_absolute() or PureWindowsPath(name).drive or name.startswith(("/", "\\")):
        return "an absolute path (a corpus may only name files inside its own folder)"
    if ".." in pure.parts:
        return "a path with '..' (a corpus may only name files inside its own folder)"
    root = folder.resolve()
    if not (folder / name).resolve().is_relative_to(root):
        return "a link that leads outside the corpus folder (not followed)"
    return None


def _folder_item(folder: Path, item: Item, file_column: str, note: Note) -> Item:
    name = (item.row.get(file_column) or "").strip()
    source = f"{folder / MANIFEST} {item.source.split(' ', 1)[1]}: {name or '(no file name)'}"
    default_id = Path(name).stem if name else item.default_id
    refused = outside_folder(folder, name) if name else None
    if refused:
        return Item(source, item.row, default_id, f"file listed in {MANIFEST} is {refused}")
    path = folder / name
    if not name or not path.is_file():
        return Item(source, item.row, default_id, f"file listed in {MANIFEST} not found")
    row = dict(item.row)
    try:
        if path.suffix.lower() in HTML_SUFFIXES:
            extracted = extract_html(read_text_file(path, note))
            row = {**{k: v for k, v in extracted.items() if k != FILE_TEXT and v is not None},
                   **{k: v for k, v in row.items() if v is not None}}
            row[FILE_TEXT] = extracted[FILE_TEXT]
        else:
            row[FILE_TEXT] = read_text_file(path, note)
    except UndecodableError as exc:
        return Item(str(path), row, default_id, f"undecodable bytes ({exc})")
    return Item(str(path), row, default_id)


def read_html_pages(path: Path, note: Note) -> Table:
    """One saved HTML page, or every .html/.htm page of a folder (no manifest): body and
    metadata (title, date, site name, address) through trafilatura, comments excluded."""
    pages = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in HTML_SUFFIXES)
    columns = (FILE_TEXT, "title", "date", "outlet", "url", "hostname", "author", "description")
    folder = None if path.is_file() else path
    return Table(columns, (_html_item(page, note, folder) for page in pages))


def _html_item(page: Path, note: Note, folder: Path | None = None) -> Item:
    refused = outside_folder(folder, page.name) if folder is not None else None
    if refused:
        return Item(str(page), {}, page.stem, f"page is {refused}")
    try:
        row = extract_html(read_text_file(page, note))
    except UndecodableError as exc:
        return Item(str(page), {}, page.stem, f"undecodable bytes ({exc})")
    return Item(str(page), row, page.stem)


def extract_html(html: str) -> dict[str, Any]:
    """Body text and metadata of a saved page: ``trafilatura.extract`` with comments excluded."""
    import trafilatura

    result = trafilatura.extract(html, include_comments=False, output_format="json", with_metadata=True)
    data = json.loads(result) if result else {}
    fields = {
        FILE_TEXT: data.get("text") or "",
        "title": data.get("title"),
        "date": data.get("date"),
        "outlet": data.get("sitename") or data.get("source-hostname") or data.get("hostname"),
        "url": data.get("source") or data.get("url"),
        "hostname": data.get("hostname"),
        "author": data.get("author"),
        "description": data.get("description"),
    }
    return {key: value for key, value in fields.items() if value is not None or key == FILE_TEXT}
