"""A loaded corpus kept on disk, so reopening the dashboard on a big corpus does not read and
clean every file again (37,554 articles take close to a minute to load and clean; reading
them back takes seconds). No Streamlit here.

The key covers the source (path, and size and modification time of every file under it) and
the code that turns files into articles (the source text of the loading and cleaning
modules), so an edited file or a changed cleaning rule loads afresh.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Callable

from framing import __version__
from framing.records import Article, Corpus, LoadReport, RemovedSegment, SkippedItem

#: Modules whose code decides what a loaded article looks like.
LOADING_MODULES = ("load", "clean", "readers", "dates", "records", "tokenize")
FORMAT = 1


def _files(path: Path) -> list[tuple[str, int, int]]:
    if path.is_file():
        stat = path.stat()
        return [(path.name, stat.st_size, stat.st_mtime_ns)]
    found = []
    for root, _, names in os.walk(path):
        for name in sorted(names):
            stat = (Path(root) / name).stat()
            found.append((os.path.relpath(Path(root) / name, path), stat.st_size, stat.st_mtime_ns))
    return sorted(found)


def _code_digest() -> str:
    import framing

    package = Path(framing.__file__).parent
    digest = hashlib.sha256()
    for name in LOADING_MODULES:
        source = package / f"{name}.py"
        digest.update(source.read_bytes() if source.exists() else b"")
    return digest.hexdigest()


def corpus_key(path: str | Path) -> str:
    """A key that changes when the files under ``path`` or the loading code change."""
    path = Path(path).resolve()
    payload = json.dumps([FORMAT, __version__, str(path), _files(path), _code_digest()])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _to_plain(corpus: Corpus) -> dict:
    articles = [(a.id, a.outlet, a.title, a.date, a.date_precision, a.url, a.raw_text, a.body,
                 tuple((r.start, r.end, r.text, r.reason) for r in a.removed), dict(a.meta), a.source)
                for a in corpus.articles]
    report = corpus.report
    return {"articles": articles, "path": corpus.path,
            "report": (report.seen, report.loaded, [(s.source, s.reason, s.item_id) for s in report.skipped],
                       list(report.notes))}


def _from_plain(plain: dict) -> Corpus:
    articles = tuple(
        Article(id=i, outlet=o, title=t, date=d, date_precision=p, url=u, raw_text=raw, body=body,
                removed=tuple(RemovedSegment(*r) for r in removed), meta=meta, source=source)
        for i, o, t, d, p, u, raw, body, removed, meta, source in plain["articles"])
    seen, loaded, skipped, notes = plain["report"]
    report = LoadReport(seen=seen, loaded=loaded, skipped=[SkippedItem(*s) for s in skipped], notes=notes)
    return Corpus(articles, report, plain["path"])


def cached_load(path: str | Path, load: Callable[[str], Corpus], *, cache_dir: str | Path) -> Corpus:
    """``load(path)``, or the corpus kept under ``cache_dir`` from an earlier identical load.
    A damaged or unreadable cache file is loaded afresh and replaced."""
    folder = Path(cache_dir) / "corpora"
    target = folder / f"{corpus_key(path)}.pickle"
    if target.exists():
        try:
            with target.open("rb") as fh:
                return _from_plain(pickle.load(fh))
        except Exception:  # noqa: BLE001 - any damage means: load again
            target.unlink(missing_ok=True)
    corpus = load(str(path))
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    with partial.open("wb") as fh:
        pickle.dump(_to_plain(corpus), fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, target)
    return corpus
