"""What the dashboard keeps on disk between runs, so reopening it on a big corpus is quick.
No Streamlit here.

- the loaded corpus (``cached_load``): 37,554 articles take half a minute to read and clean,
  seconds to read back;
- the analysis (``stored_analysis``), through ``framing.measure.analysis.save_analysis`` and
  ``load_analysis``, under a key computed from the files' sizes and times rather than their
  text, so a cached analysis opens without loading the corpus at all;
- derived tables (``cached_table``): scores, sentiment, events, term matrices; every one is
  deterministic (seeded bootstrap), so a stored result equals a recomputed one.

Every key covers the source (path, size and modification time of every file under it) and
the source text of the code involved, so an edited file or a changed rule computes afresh.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from framing import __version__
from framing.corpus.records import Article, Corpus, LoadReport, RemovedSegment, SkippedItem

#: Modules whose code decides what a loaded article looks like.
LOADING_MODULES = ("corpus/load", "corpus/clean", "corpus/readers", "corpus/dates", "corpus/records", "text/tokenize")
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


@lru_cache(maxsize=8)
def code_digest(modules: tuple[str, ...] | None = None) -> str:
    """SHA-256 of the source of ``framing.<module>`` (a module or a package) for each module,
    every module when None. Computed once per process: code edited later is not running yet."""
    from framing.measure.analysis import source_digest

    return source_digest(modules)


def _code_digest() -> str:
    return code_digest(LOADING_MODULES)


def corpus_key(path: str | Path, options: tuple = ()) -> str:
    """A key that changes when the files under ``path``, the loading ``options`` (column
    names) or the loading code change."""
    path = Path(path).resolve()
    payload = json.dumps([FORMAT, __version__, str(path), _files(path), _code_digest(), [list(o) for o in options]])
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


def _write_pickle(target: Path, value: Any) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    with partial.open("wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, target)


def _read_pickle(target: Path) -> tuple[bool, Any]:
    if not target.exists():
        return False, None
    try:
        with target.open("rb") as fh:
            return True, pickle.load(fh)
    except Exception:  # noqa: BLE001 - any damage means: compute again
        target.unlink(missing_ok=True)
        return False, None


def cached_load(path: str | Path, load: Callable[[str], Corpus], *, cache_dir: str | Path,
                options: tuple = ()) -> Corpus:
    """``load(path)``, or the corpus kept under ``cache_dir`` from an earlier identical load
    (same files, same ``options`` given to ``load``). A damaged or unreadable cache file is
    loaded afresh and replaced."""
    target = Path(cache_dir) / "corpora" / f"{corpus_key(path, options)}.pickle"
    found, plain = _read_pickle(target)
    if found:
        try:
            return _from_plain(plain)
        except Exception:  # noqa: BLE001 - an old layout: load again
            target.unlink(missing_ok=True)
    corpus = load(str(path))
    _write_pickle(target, _to_plain(corpus))
    return corpus


#: Modules whose code decides the analysis tables (besides the loading modules).
ANALYSIS_MODULES = LOADING_MODULES + ("measure/analysis", "text/match", "text/context", "lexicon/model", "lexicon/reader")


def analysis_store_key(path: str | Path, lexicons: Iterable, *, options: tuple = ()) -> str:
    """Key of the analysis of the corpus at ``path`` (loaded with ``options``) with
    ``lexicons``: the files (not their text), the lexicons' content and the analysis code."""
    from framing.lexicon.model import lexicon_fingerprint

    payload = json.dumps([FORMAT, corpus_key(path, options), [lexicon_fingerprint(lex) for lex in lexicons],
                          code_digest(ANALYSIS_MODULES)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def stored_analysis(path: str | Path, lexicons: tuple, analyse: Callable[[], tuple], *, cache_dir: str | Path,
                    options: tuple = ()):
    """``(analysis, report)``: read back when stored under the same key, else ``analyse()``
    (which returns both) and store them. The analysis read back has no corpus (``corpus``
    None); the load report is stored beside it."""
    from framing.measure.analysis import load_analysis, save_analysis
    from framing.errors import FramingError

    folder = Path(cache_dir) / "analyses" / analysis_store_key(path, lexicons, options=options)
    found, report = _read_pickle(folder / "report.pickle")
    if found and (folder / "analysis.json").exists():
        try:
            return load_analysis(folder, lexicons=lexicons), report
        except FramingError:
            pass
    analysis, report = analyse()
    save_analysis(analysis, folder, key=folder.name)
    _write_pickle(folder / "report.pickle", report)
    return analysis, report


def cached_table(cache_dir: str | Path, parts: Iterable, compute: Callable[[], Any]) -> Any:
    """``compute()``, or its stored result for the same ``parts`` (hashable description of
    the inputs: analysis key, function, settings) and the same code of the whole package."""
    payload = repr((FORMAT, tuple(parts), code_digest()))
    target = Path(cache_dir) / "tables" / f"{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:32]}.pickle"
    found, value = _read_pickle(target)
    if found:
        return value
    value = compute()
    _write_pickle(target, value)
    return value
