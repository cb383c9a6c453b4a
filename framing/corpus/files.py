"""Read a corpus of files: a folder whose ``manifest.csv`` lists its text (.txt, .md) and HTML
files, or saved HTML pages (one, or a folder of them, without a manifest).

A corpus may only name its own files (``outside_folder``). Every file is accounted for: a
listed file that is missing, not a regular file, too big, undecodable or an empty page is an
item with a ``problem``; an article file in the folder that the manifest does not list is an
item too, skipped with that reason, so ``seen`` counts every article file of the folder.
"""
from __future__ import annotations

import json
import stat
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any

from framing.corpus.decoding import UndecodableError
from framing.corpus.limits import MAX_RECORD_BYTES, mib
from framing.corpus.readers import FILE_TEXT, Item, Note, Table, read_csv, read_text_file
from framing.errors import CorpusError

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST = "manifest.csv"
FILE_COLUMNS = ("file", "filename", "path", "file_name")
PAGE_FIELDS = ("title", "date", "outlet", "url", "hostname", "author", "description")
UNLISTED = f"file in the folder but not in {MANIFEST} (not read; add a row for it to load it)"
NO_PAGE_TEXT = ("no article text found in the page (the HTML extractor read no body: not a saved article page, "
                "or an empty one)")


def read_folder(folder: Path, note: Note) -> Table:
    """Files listed in ``manifest.csv`` (a ``file`` column, then any metadata columns), read
    as text (.txt/.md) or through trafilatura (.html); then the article files it does not list."""
    refused = outside_folder(folder, MANIFEST)
    if refused:
        raise CorpusError(f"{folder / MANIFEST}: is {refused}; put the manifest itself in the corpus folder")
    manifest = read_csv(folder / MANIFEST, note)
    file_column = next((c for c in manifest.columns if c.strip().lower() in FILE_COLUMNS), None)
    if file_column is None:
        raise CorpusError(f"{folder / MANIFEST}: no file column; expected one of {', '.join(FILE_COLUMNS)} "
                          f"(columns are: {', '.join(manifest.columns)})")
    rows = list(manifest.items)
    listed = {_resolved(folder, (row.row.get(file_column) or "").strip()) for row in rows}
    unlisted = sorted(p for p in folder.iterdir() if _is_article_file(p) and _resolved(folder, p.name) not in listed)
    pages = any(Path(name).suffix.lower() in HTML_SUFFIXES for name in map(str, filter(None, listed)))
    from_pages = tuple(c for c in PAGE_FIELDS if pages and c not in manifest.columns)  # what a page may supply
    columns = (*manifest.columns, *from_pages, FILE_TEXT)
    listed_items = (_folder_item(folder, item, file_column, note) for item in rows)
    unlisted_items = (Item(str(p), {}, p.stem, UNLISTED) for p in unlisted)
    return Table(columns, _chain(listed_items, unlisted_items))


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def _resolved(folder: Path, name: str) -> Path | None:
    if not name or outside_folder(folder, name):
        return None
    return (folder / name).resolve()


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
    if "\x00" in name:
        return "a name with a NUL character (no file can have it)"
    root = folder.resolve()
    if not (folder / name).resolve().is_relative_to(root):
        return "a link that leads outside the corpus folder (not followed)"
    return None


def file_problem(path: Path, what: str = "file") -> str | None:
    """Why ``path`` cannot be read whole as one article (missing, a folder, a FIFO or device,
    a name the system refuses, too big), or None."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return f"{what} not found"
    except OSError as exc:  # a name too long, a link loop, no permission...
        return f"{what} cannot be opened ({exc.strerror or exc})"
    except ValueError:  # a NUL character in the name
        return f"{what} not found"
    if stat.S_ISDIR(info.st_mode):
        return f"{what} is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return f"{what} is not a regular file (a FIFO, socket or device: not read)"
    if info.st_size > MAX_RECORD_BYTES:
        return (f"record too big (the {what} has {mib(info.st_size)}, more than the {mib(MAX_RECORD_BYTES)} one "
                f"article may take, MAX_RECORD_BYTES: not read)")
    return None


def _folder_item(folder: Path, item: Item, file_column: str, note: Note) -> Item:
    name = (item.row.get(file_column) or "").strip()
    source = f"{folder / MANIFEST} {item.source.split(' ', 1)[1]}: {name or '(no file name)'}"
    default_id = Path(name).stem if name else item.default_id
    if item.problem:
        return Item(source, item.row, default_id, item.problem)
    refused = outside_folder(folder, name) if name else None
    if refused:
        return Item(source, item.row, default_id, f"file listed in {MANIFEST} is {refused}")
    path = folder / name
    problem = file_problem(path, f"file listed in {MANIFEST}") if name else f"file listed in {MANIFEST} not found"
    if problem:
        return Item(source, item.row, default_id, problem)
    if path.resolve() == (folder / MANIFEST).resolve():
        return Item(source, item.row, default_id, f"file listed in {MANIFEST} is the manifest itself")
    row = dict(item.row)
    try:
        if path.suffix.lower() in HTML_SUFFIXES:
            extracted = extract_html(read_text_file(path, note))
            if not extracted[FILE_TEXT].strip():
                return Item(str(path), row, default_id, extracted.get("__problem__", NO_PAGE_TEXT))
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
    columns = (FILE_TEXT, *PAGE_FIELDS)
    folder = None if path.is_file() else path
    return Table(columns, (_html_item(page, note, folder) for page in pages))


def _html_item(page: Path, note: Note, folder: Path | None = None) -> Item:
    refused = outside_folder(folder, page.name) if folder is not None else None
    if refused:
        return Item(str(page), {}, page.stem, f"page is {refused}")
    problem = file_problem(page, "page")
    if problem:
        return Item(str(page), {}, page.stem, problem)
    try:
        row = extract_html(read_text_file(page, note))
    except UndecodableError as exc:
        return Item(str(page), {}, page.stem, f"undecodable bytes ({exc})")
    if not row[FILE_TEXT].strip():
        return Item(str(page), {}, page.stem, row.get("__problem__", NO_PAGE_TEXT))
    return Item(str(page), row, page.stem)


def extract_html(html: str) -> dict[str, Any]:
    """Body text and metadata of a saved page: ``trafilatura.extract`` with comments excluded.
    When the extractor fails on the page, the text is empty and ``__problem__`` says why."""
    import trafilatura

    try:
        result = trafilatura.extract(html, include_comments=False, output_format="json", with_metadata=True)
    except Exception as exc:
        return {FILE_TEXT: "", "__problem__": f"the HTML extractor failed on the page ({type(exc).__name__}: {exc})"}
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
