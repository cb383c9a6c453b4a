"""Load a corpus from what researchers have: a folder of text/HTML files with a manifest,
CSV, JSON lines (optionally gzipped), Parquet, or saved HTML pages.

``load_corpus`` recognises the form, maps the source's columns to article fields (common
names are recognised; explicit ``*_column`` options win), cleans every text
(``framing.corpus.clean``) and accounts for every input in a ``LoadReport``:
``loaded + len(skipped) == seen``. ``corpus_frame`` turns a corpus into the articles table of
docs/data-model.md.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from framing.corpus import files, readers
from framing.corpus.clean import Cleaned, clean_text
from framing.corpus.dates import ParsedDate, is_implausible, parse_date, truncate
from framing.corpus.decoding import UndecodableError
from framing.corpus.fields import FieldProblem, article_id, article_text, invisible_characters, is_missing, only_invisible, short_text
from framing.corpus.readers import FILE_TEXT, Item, Table
from framing.corpus.records import DATE_PRECISIONS, Article, Corpus, LoadReport
from framing.errors import CorpusError, SettingsError

FORMATS = ("folder", "csv", "jsonl", "json", "parquet", "html")

#: Column names recognised for each article field, in order of preference (case ignored).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "article_text", "full_text", "fulltext", "maintext", "story"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "sitename", "source_name", "media", "domain"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "published_at", "publish_date", "published_date", "date_published", "pubdate", "datetime"),
    "id": ("id", "article_id", "doc_id", "document_id", "uid", "uuid"),
    "url": ("url", "link", "address", "href", "article_url"),
    "event_id": ("event_id", "event", "story_id", "cluster_id"),
    "date_precision": ("date_precision",),
}
#: Article fields that are not column options (the file column of a manifest is its own).
_NOTE_EXAMPLES = 5


def load_corpus(path: str | Path, *, format: str | None = None, text_column: str | None = None,
                outlet_column: str | None = None, title_column: str | None = None,
                date_column: str | None = None, id_column: str | None = None,
                url_column: str | None = None, clean: bool = True, keep_raw: bool = True) -> Corpus:
    """Load every article under ``path`` with a report that accounts for each input.

    ``format`` is one of folder, csv, jsonl, json, parquet, html (guessed from the path when
    None). ``*_column`` name the source column holding a field when its name is not one of
    ``COLUMN_ALIASES``. ``clean=False`` keeps the raw text as the body. ``keep_raw=False``
    keeps only what the analysis reads: each article's ``raw_text`` is its cleaned body and
    its ``removed`` segments are dropped as soon as it is cleaned, so a big corpus is held
    once, not twice (``framing hits`` and ``framing score`` load this way)."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if not (path.is_file() or path.is_dir()):
        raise CorpusError(f"{path}: not a regular file or folder (a FIFO, socket or device); give a corpus file or folder")
    kind = format or detect_format(path)
    if kind not in FORMATS:
        raise SettingsError(f"format {kind!r} is not known; use one of {', '.join(FORMATS)}")
    builder = _CorpusBuilder(clean=clean, keep_raw=keep_raw)
    table = _read(kind, path, builder.note)
    items: Iterable[Item] = table.items
    explicit = {"text": text_column, "outlet": outlet_column, "title": title_column,
                "date": date_column, "id": id_column, "url": url_column}
    if not table.columns:  # no field seen: nothing at all, or only records that cannot be read
        items = list(items)
        if not items:
            raise CorpusError(f"{path}: no articles found (the file is empty); check it is the right file")
    if not table.columns and all(item.problem for item in items):
        mapping = dict.fromkeys(COLUMN_ALIASES)  # every item is a reported skip: no column is read
    else:
        mapping = resolve_columns(table.columns, explicit, source=str(path), file_based=kind in ("folder", "html"),
                                  manifest=kind == "folder")
    for item in items:
        builder.add(item, mapping)
    if builder.report.seen == 0:
        raise CorpusError(f"{path}: no articles found (the source has no rows); check it is the right file")
    return builder.corpus(str(path))


def detect_format(path: Path) -> str:
    """The corpus form of ``path``, from its suffix or (for a folder) its files."""
    if path.is_dir():
        if (path / files.MANIFEST).is_file():
            return "folder"
        found = [p for p in path.iterdir() if p.is_file()]
        if any(p.suffix.lower() in files.HTML_SUFFIXES for p in found):
            return "html"
        texts = [p.name for p in found if p.suffix.lower() in (".txt", ".md") and not p.stem.lower().startswith("readme")]
        if texts:
            raise CorpusError(f"{path}: {len(texts)} text files but no {files.MANIFEST}; add one with the columns "
                              f"file,outlet,title,date,url (one row per file)")
        raise CorpusError(f"{path}: no articles found: expected a {files.MANIFEST} with .txt/.md/.html files, or "
                          f"saved .html pages; for a CSV, JSON lines or Parquet file give the file's path")
    name = path.name.lower()
    for suffixes, kind in (((".csv", ".tsv"), "csv"), ((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz"), "jsonl"),
                           ((".json",), "json"), ((".parquet", ".pq"), "parquet"), (files.HTML_SUFFIXES, "html")):
        if name.endswith(suffixes):
            return kind
    raise CorpusError(f"{path}: cannot tell the corpus form from the name; use a .csv, .jsonl(.gz), .json, .parquet "
                      f"or .html file, or a folder with {files.MANIFEST} (or pass format=)")


def _read(kind: str, path: Path, note) -> Table:
    if kind == "folder":
        if not (path / files.MANIFEST).is_file():
            raise CorpusError(f"{path}: format folder needs a {files.MANIFEST} in it")
        return files.read_folder(path, note)
    if kind == "html":
        return files.read_html_pages(path, note)
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder; format {kind} needs a file")
    reader = {"csv": readers.read_csv, "jsonl": readers.read_jsonl, "json": readers.read_json_array,
              "parquet": readers.read_parquet}[kind]
    return reader(path, note)


def resolve_columns(columns: Iterable[str], explicit: dict[str, str | None], *, source: str,
                    file_based: bool = False, manifest: bool = False) -> dict[str, str | None]:
    """Which source column feeds each article field: the explicit option, else the first
    recognised alias (case ignored). An explicit column that does not exist is an error, and
    so is a source with no text column, or with neither an outlet nor an address column (every
    item would be skipped for its missing outlet)."""
    columns = tuple(columns)
    by_lower: dict[str, str] = {}
    for column in columns:
        by_lower.setdefault(column.strip().lower(), column)
    shown = ", ".join(c for c in columns if c != FILE_TEXT) or "(none)"
    mapping: dict[str, str | None] = {}
    for field, aliases in COLUMN_ALIASES.items():
        wanted = explicit.get(field)
        if wanted is not None:
            if wanted not in columns:
                raise CorpusError(f"{source}: column {wanted!r} (given for the {field}) does not exist; "
                                  f"the columns are: {shown}")
            mapping[field] = wanted
        else:
            mapping[field] = next((by_lower[a] for a in aliases if a in by_lower), None)
    if file_based:
        mapping["text"] = FILE_TEXT
    if mapping["text"] is None:
        raise CorpusError(f"{source}: no text column (looked for {', '.join(COLUMN_ALIASES['text'])}); "
                          f"the columns are: {shown}; name the right one with text_column= (--text-column)")
    if mapping["outlet"] is None and mapping["url"] is None:
        where = f"{Path(source) / files.MANIFEST}" if manifest else source
        raise CorpusError(f"{where}: no outlet column (looked for {', '.join(COLUMN_ALIASES['outlet'])}, or an "
                          f"address column to take the host from); the columns are: {shown}; name the right one "
                          f"with outlet_column= (--outlet-column)")
    return mapping


class _CorpusBuilder:
    """Turns items into articles, counting every item as loaded or skipped, and gathers notes."""

    def __init__(self, *, clean: bool, keep_raw: bool = True):
        self.clean, self.keep_raw = clean, keep_raw
        self.report = LoadReport()
        self.articles: list[Article] = []
        self.ids: set[str] = set()
        self.texts: dict[tuple[str, str], str] = {}
        self.notes: dict[str, list[str]] = {}
        self.note_counts: Counter = Counter()

    def note(self, kind: str, example: str) -> None:
        self.note_counts[kind] += 1
        examples = self.notes.setdefault(kind, [])
        if len(examples) < _NOTE_EXAMPLES:
            examples.append(example)

    def add(self, item: Item, mapping: dict[str, str | None]) -> None:
        self.report.seen += 1
        article_or_reason = self._article(item, mapping)
        if isinstance(article_or_reason, Article):
            self.articles.append(article_or_reason)
            self.report.loaded += 1
        else:
            reason, item_id = article_or_reason
            self.report.skip(item.source, reason, item_id)

    def _article(self, item: Item, mapping: dict[str, str | None]) -> Article | tuple[str, str | None]:
        row = item.row
        try:
            given_id = article_id(row.get(mapping["id"]) if mapping["id"] else None, mapping["id"])
        except FieldProblem as problem:
            return str(problem), item.default_id
        item_id = given_id or item.default_id
        if item.problem:
            return item.problem, item_id
        try:
            return self._checked_article(item, mapping, item_id)
        except FieldProblem as problem:
            return str(problem), item_id

    def _checked_article(self, item: Item, mapping: dict[str, str | None], item_id: str) -> Article:
        """The article of an item, or FieldProblem saying why it cannot be one."""
        row, column = item.row, mapping["text"]
        assert column is not None, "only sources with a text column reach this point"
        raw = article_text(row.get(column), column)
        if item_id in self.ids:
            raise FieldProblem("duplicate id")
        url, outlet, title = (short_text(_value(row, mapping[f]), f, mapping[f]) for f in ("url", "outlet", "title"))
        outlet = self._outlet(outlet, url, item_id)
        cleaned = clean_text(raw, title=title) if self.clean else Cleaned(raw, ())
        if not cleaned.body.strip():
            raise FieldProblem("empty after cleaning (only page furniture)")
        first = self.texts.setdefault((outlet, cleaned.body), item_id)
        if first != item_id:
            raise FieldProblem(f"duplicate text within outlet (same as {first})")
        self.ids.add(item_id)
        self._note_invisible(item_id, id=item_id, outlet=outlet, title=title)
        date = self._date(row, mapping, item_id)
        return Article(
            id=item_id, outlet=outlet, title=title or "", date=date.value, date_precision=date.precision,
            url=url, raw_text=raw if self.keep_raw else cleaned.body, body=cleaned.body,
            removed=cleaned.removed if self.keep_raw else (),
            meta=_meta(row, mapping), source=item.source)

    def _outlet(self, outlet: str | None, url: str | None, item_id: str) -> str:
        """The outlet's name in Unicode NFC (names that look the same are one outlet), else the
        host of the address; FieldProblem when there is neither."""
        if outlet and only_invisible(outlet):
            self.note("outlet made only of invisible characters (taken as missing)", f"{item_id}: {outlet!r}")
            outlet = None
        if outlet and not unicodedata.is_normalized("NFC", outlet):
            outlet = unicodedata.normalize("NFC", outlet)
            self.note("outlet name normalised to Unicode NFC (so that names that look the same are one outlet)",
                      f"{item_id}: {outlet!r}")
        if not outlet and url:
            outlet = _host(url)
            if outlet:
                self.note("outlet missing, taken from the url's host", item_id)
        if not outlet:
            raise FieldProblem("missing required field: outlet")
        return outlet

    def _note_invisible(self, item_id: str, **fields: str | None) -> None:
        if "".join(value or "" for value in fields.values()).isprintable():  # the common case, in C
            return
        for field, value in fields.items():
            value = value or ""
            found = invisible_characters(value)
            if found:
                shown = value if len(value) <= 60 else value[:59] + "…"
                self.note("invisible or control characters in an id, outlet or title (kept as given)",
                          f"{item_id}: {field} {shown!r} has {', '.join(found)}")

    def _date(self, row: dict, mapping: dict[str, str | None], article_id: str) -> ParsedDate:
        value = row.get(mapping["date"]) if mapping["date"] else None
        date = parse_date(value)
        declared = short_text(row.get(mapping["date_precision"]) if mapping["date_precision"] else None,
                              "date_precision", mapping["date_precision"])
        if declared and date.value:
            date = self._apply_declared_precision(date, declared.lower(), article_id)
        if date.problem:
            self.note(date.problem.split(" '")[0].split(" (")[0], f"{article_id}: {date.problem}")
        if date.value is None and not date.problem:
            self.note("no date", article_id)
        elif is_implausible(date.value):
            self.note("implausible date (before 1800 or after today; kept as given)", f"{article_id} ({date.value})")
        return date

    def _apply_declared_precision(self, date: ParsedDate, declared: str, article_id: str) -> ParsedDate:
        if declared not in DATE_PRECISIONS or declared == "unknown":
            self.note("date_precision not one of day, month, year (ignored)", f"{article_id}: {declared!r}")
            return date
        if DATE_PRECISIONS.index(declared) < DATE_PRECISIONS.index(date.precision):
            self.note("date_precision finer than the date given (kept the date's own precision)", article_id)
            return date
        return truncate(date, declared)

    def corpus(self, path: str) -> Corpus:
        for kind, examples in self.notes.items():
            count = self.note_counts[kind]
            more = ", ..." if count > len(examples) else ""
            self.report.notes.append(f"{kind}: {count} ({', '.join(examples)}{more})")
        assert self.report.balanced, "load report out of balance"
        return Corpus(tuple(self.articles), self.report, path)


def _value(row: dict, column: str | None) -> Any:
    return row.get(column) if column else None


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[::1" and other addresses urllib cannot split
        return None
    return host.removeprefix("www.") if host else None


def _meta(row: dict, mapping: dict[str, str | None]) -> dict[str, Any]:
    """Every field of the source that is not an article field, unchanged; plus ``event_id``."""
    used = {column for field, column in mapping.items() if column and field != "event_id"}
    meta = {key: None if is_missing(value) else value for key, value in row.items() if key not in used}
    if mapping["event_id"] and mapping["event_id"] != "event_id":
        meta["event_id"] = meta.pop(mapping["event_id"])
    return meta


# --- report and table ------------------------------------------------------------------------
def skip_counts(report: LoadReport) -> dict[str, int]:
    """How many items were skipped for each reason (details in brackets grouped together)."""
    return dict(Counter(item.reason.split(" (")[0] for item in report.skipped).most_common())


def report_lines(report: LoadReport) -> list[str]:
    """The load report as short lines of text (for the CLI and the benchmark)."""
    lines = [f"seen {report.seen}, loaded {report.loaded}, skipped {len(report.skipped)}"]
    lines += [f"  skipped ({reason}): {count}" for reason, count in skip_counts(report).items()]
    lines += [f"  note: {note}" for note in report.notes]
    return lines


def clean_file(path: str | Path, *, title: str | None = None) -> tuple[str, Cleaned]:
    """The raw text of one article file (.txt/.md as text, .html through trafilatura) and its
    cleaning. The title, unless given, comes from the page or from a ``manifest.csv`` beside it."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file")
    problem = files.file_problem(path)
    if problem:
        raise CorpusError(f"{path}: {problem}")
    try:
        text = readers.read_text_file(path, lambda kind, example: None)
    except UndecodableError as exc:
        raise CorpusError(f"{path}: cannot read as text: {exc}") from None
    if path.suffix.lower() in files.HTML_SUFFIXES:
        page = files.extract_html(text)
        text, title = page[FILE_TEXT], title or page.get("title")
    return text, clean_text(text, title=title or _manifest_title(path))


def _manifest_title(path: Path) -> str | None:
    manifest = path.parent / files.MANIFEST
    if not manifest.is_file():
        return None
    try:
        table = readers.read_csv(manifest, lambda kind, example: None)
    except CorpusError:
        return None
    for item in table.items:
        row = {key.strip().lower(): value for key, value in item.row.items() if key}
        if any((row.get(c) or "").strip() == path.name for c in files.FILE_COLUMNS):
            return row.get("title") or row.get("headline")
    return None
