"""Load a corpus from what researchers have: a folder of text/HTML files with a manifest,
CSV, JSON lines (optionally gzipped), Parquet, or saved HTML pages.

``load_corpus`` recognises the form, maps the source's columns to article fields (common
names are recognised; explicit ``*_column`` options win), cleans every text
(``framing.corpus.clean``) and accounts for every input in a ``LoadReport``:
``loaded + len(skipped) == seen``. ``corpus_frame`` turns a corpus into the articles table of
docs/data-model.md.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from framing.corpus import files, readers
from framing.corpus.clean import Cleaned, clean_text
from framing.corpus.decoding import UndecodableError
from framing.corpus.items import ItemOutcome, item_outcome
from framing.corpus.readers import FILE_TEXT, Item, Table
from framing.corpus.records import Article, Corpus, FingerprintSum, LoadReport, SkippedItem
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
    path = corpus_path(path)
    kind = format or detect_format(path)
    if kind not in FORMATS:
        raise SettingsError(f"format {kind!r} is not known; use one of {', '.join(FORMATS)}")
    builder = CorpusBuilder()
    table = read_source(kind, path, builder.note)
    items, mapping = source_mapping(table, kind, path, {"text": text_column, "outlet": outlet_column,
                                                        "title": title_column, "date": date_column, "id": id_column,
                                                        "url": url_column})
    for item in items:
        builder.accept(item_outcome(item, mapping, clean=clean, keep_raw=keep_raw))
    require_articles(builder.report, path)
    return builder.corpus(str(path))


def source_mapping(table: Table, kind: str, path: Path, explicit: dict[str, str | None]
                   ) -> tuple[Iterable[Item], dict[str, str | None]]:
    """The items of a source read as ``table`` and the columns feeding each article field
    (``resolve_columns``). A source with no field at all is an error, unless it has items that
    could not be read: then every item is a reported skip and no column is read."""
    items: Iterable[Item] = table.items
    if not table.columns:  # no field seen: nothing at all, or only records that cannot be read
        items = list(items)
        if not items:
            raise CorpusError(f"{path}: no articles found (the file is empty); check it is the right file")
        if all(item.problem for item in items):
            return items, dict.fromkeys(COLUMN_ALIASES)
    return items, resolve_columns(table.columns, explicit, source=str(path), file_based=kind in ("folder", "html"),
                                  manifest=kind == "folder")


def corpus_path(path: str | Path) -> Path:
    """``path`` as a ``Path`` once it is known to be a regular file or a folder (never a FIFO,
    socket or device, whose reading could block or never end)."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if not (path.is_file() or path.is_dir()):
        raise CorpusError(f"{path}: not a regular file or folder (a FIFO, socket or device); give a corpus file or folder")
    return path


def require_articles(report: LoadReport, path: Path) -> None:
    if report.seen == 0:
        raise CorpusError(f"{path}: no articles found (the source has no rows); check it is the right file")


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


def read_source(kind: str, path: Path, note) -> Table:
    """The raw items of ``path`` read as ``kind`` (``FORMATS``)."""
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


class CorpusBuilder:
    """Accepts item outcomes in corpus order: counts every item as loaded or skipped (a
    repeated id, or a text its outlet already has, is skipped here), and gathers notes.
    ``keep_articles=False`` counts without keeping the articles (a store keeps them on disk).
    ``state()``/``from_state`` carry the counts, notes and seen ids and texts over to a later
    load (appending to a store)."""

    def __init__(self, *, keep_articles: bool = True):
        self.keep_articles = keep_articles
        self.report = LoadReport()
        self.articles: list[Article] = []
        self.ids: set[str] = set()
        self.texts: dict[tuple[str, bytes], str] = {}
        self.notes: dict[str, list[str]] = {}
        self.note_counts: Counter = Counter()
        self.fingerprint: FingerprintSum | None = FingerprintSum()  # None: earlier articles' digests unknown

    def note(self, kind: str, example: str) -> None:
        self.note_counts[kind] += 1
        examples = self.notes.setdefault(kind, [])
        if len(examples) < _NOTE_EXAMPLES:
            examples.append(example)

    def accept(self, outcome: ItemOutcome) -> bool:
        """Count ``outcome``; True when it became an article of the corpus."""
        for kind, example in outcome.reader_notes:
            self.note(kind, example)
        self.report.seen += 1
        reason = outcome.early or ("duplicate id" if outcome.article_id in self.ids else None)
        if reason is None:
            for kind, example in outcome.notes:
                self.note(kind, example)
            reason = outcome.late or self._repeated_text(outcome.accepted_article())
        if reason is not None:
            self.report.skip(outcome.source, reason, outcome.article_id)
            return False
        article = outcome.accepted_article()
        self.ids.add(article.id)
        if self.fingerprint is not None:
            self.fingerprint.add(outcome.digest)
        for kind, example in outcome.date_notes:
            self.note(kind, example)
        if self.keep_articles:
            self.articles.append(article)
        self.report.loaded += 1
        return True

    def _repeated_text(self, article: Article) -> str | None:
        digest = hashlib.blake2b(article.body.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        first = self.texts.setdefault((article.outlet, digest), article.id)
        return None if first == article.id else f"duplicate text within outlet (same as {first})"

    def final_report(self) -> LoadReport:
        """The report with its notes written out (``kind: count (examples, ...)``)."""
        report = LoadReport(self.report.seen, self.report.loaded, list(self.report.skipped),
                            fingerprint=None if self.fingerprint is None else self.fingerprint.hexdigest())
        for kind, examples in self.notes.items():
            count = self.note_counts[kind]
            more = ", ..." if count > len(examples) else ""
            report.notes.append(f"{kind}: {count} ({', '.join(examples)}{more})")
        assert report.balanced, "load report out of balance"
        return report

    def corpus(self, path: str) -> Corpus:
        return Corpus(tuple(self.articles), self.final_report(), path)

    def state(self) -> dict:
        """The counts, notes, skips, ids and text digests, as plain JSON-able values."""
        return {"seen": self.report.seen, "loaded": self.report.loaded,
                "skipped": [[s.source, s.reason, s.item_id] for s in self.report.skipped],
                "notes": self.notes, "note_counts": dict(self.note_counts),
                "ids": sorted(self.ids), "fingerprint": None if self.fingerprint is None else self.fingerprint.state(),
                "texts": [[outlet, digest.hex(), first] for (outlet, digest), first in self.texts.items()]}

    @classmethod
    def from_state(cls, state: dict, *, keep_articles: bool = True) -> CorpusBuilder:
        builder = cls(keep_articles=keep_articles)
        builder.report = LoadReport(state["seen"], state["loaded"],
                                    [SkippedItem(*s) for s in state["skipped"]])
        builder.notes = {k: list(v) for k, v in state["notes"].items()}
        builder.note_counts = Counter(state["note_counts"])
        builder.ids = set(state["ids"])
        known = state.get("fingerprint")  # absent from a store written before fingerprints were kept
        builder.fingerprint = None if known is None else FingerprintSum.from_state(known)
        builder.texts = {(outlet, bytes.fromhex(digest)): first for outlet, digest, first in state["texts"]}
        return builder


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
