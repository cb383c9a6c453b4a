"""One cache, one key scheme: loaded corpora, analyses and derived tables kept on disk, so a big
corpus is read and analysed once and opens again in seconds (the command line and the dashboard
both use ``DiskCache``).

Every key is a SHA-256 of what the result depends on:

- the source: a loaded corpus's content (``corpus_content_key``) or, to open an analysis
  without reading the corpus at all, the files under a path with their sizes and times and the
  loading options (``source_key``);
- the lexicons' content (``framing.lexicon.lexicon_fingerprint``);
- the code of the stages that made it (``code_digest``: whole subpackages, so no hand-kept list
  of modules can fall behind the code).

Equal keys give equal results; a changed file, lexicon or rule computes afresh.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing import __version__
from framing.corpus.records import Article, Corpus, LoadReport, RemovedSegment, SkippedItem, corpus_fingerprint
from framing.errors import FramingError
from framing.lexicon import Lexicon, lexicon_fingerprint
from framing.measure.analysis import Analysis
from framing.measure.saved import load_analysis, save_analysis

#: Bump when what the cache stores changes shape; older entries are then ignored.
CACHE_FORMAT = 5
#: The code that decides what a loaded article looks like.
LOADING_CODE = ("corpus", "errors.py")
#: The code that decides the analysis tables (loading included).
ANALYSIS_CODE = ("corpus", "lexicon", "text", "measure", "parallel.py", "errors.py")
PACKAGE = Path(__file__).resolve().parents[1]


def default_cache_dir() -> Path:
    """Where analyses are kept between runs: ``FRAMING_CACHE_DIR``, else the user's cache
    folder (``XDG_CACHE_HOME`` or ``~/.cache``) + ``framing``."""
    if os.environ.get("FRAMING_CACHE_DIR"):
        return Path(os.environ["FRAMING_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "framing"


@lru_cache(maxsize=16)
def code_digest(parts: tuple[str, ...] | None = None) -> str:
    """SHA-256 of the framing version and the source of ``parts`` (subpackages or modules as
    paths inside ``framing/``: ``"corpus"``, ``"errors.py"``), or of the whole package when
    None. Computed once per process: code edited later is not the code running."""
    files: list[Path] = []
    for part in parts or ("",):
        path = PACKAGE / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    digest = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}".encode())
    for path in sorted(set(files)):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _sha256(*parts: Any) -> str:
    payload = json.dumps([CACHE_FORMAT, __version__, *parts], default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def corpus_content_key(corpus: Corpus) -> str:
    """What the articles of a loaded corpus are: every field, raw text, cleaned body and
    metadata (``corpus_fingerprint`` covers all but the last two)."""
    digest = hashlib.sha256(corpus_fingerprint(corpus).encode("ascii"))
    for article in sorted(corpus.articles, key=lambda a: a.id):
        body = article.body.encode("utf-8")
        digest.update(len(body).to_bytes(8, "big"))
        digest.update(body)
        digest.update(json.dumps(dict(article.meta), sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


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


def source_key(path: str | Path, options: Iterable = ()) -> str:
    """What loading ``path`` with ``options`` gives, without reading the texts: the files'
    names, sizes and modification times, the options and the loading code."""
    path = Path(path).resolve()
    return _sha256("source", str(path), _files(path), [list(o) for o in options], code_digest(LOADING_CODE))


def analysis_key(source: str, lexicons: Iterable[Lexicon]) -> str:
    """The key of the analysis of ``source`` (a ``source_key`` or ``corpus_content_key``) with
    ``lexicons``, by the analysis code running now."""
    return _sha256("analysis", source, [lexicon_fingerprint(lex) for lex in lexicons], code_digest(ANALYSIS_CODE))


def derived_key(analysis_key: str, name: str, *settings: Any) -> str:
    """The key of a table derived from an analysis (``name``: the function; ``settings``: its
    settings, by ``repr``) by the code of the whole package."""
    return _sha256("derived", analysis_key, name, [repr(s) for s in settings], code_digest())


class DiskCache:
    """Corpora, analyses and derived tables under one folder (``corpora/``, ``analyses/``,
    ``tables/``). A damaged or unreadable entry is computed again and replaced."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def corpus(self, path: str | Path, load: Callable[[str], Corpus], *, options: Iterable = ()) -> Corpus:
        """``load(path)``, or the corpus kept from an earlier load of the same files."""
        target = self.root / "corpora" / f"{source_key(path, options)[:32]}.pickle"
        found, plain = _read_pickle(target)
        if found:
            try:
                return _corpus_from_plain(plain)
            except (TypeError, ValueError, KeyError):
                target.unlink(missing_ok=True)
        corpus = load(str(path))
        _write_pickle(target, _corpus_to_plain(corpus))
        return corpus

    def analysis(self, key: str, analyse: Callable[[], Analysis], *,
                 lexicons: tuple[Lexicon, ...] | None = None, save: bool = True) -> Analysis:
        """The analysis stored under ``key``, else ``analyse()`` stored there (its key becomes
        ``key``, so the analysis read back later equals the one made now). ``save=False``
        leaves a new analysis for ``keep_analysis`` to store later (the dashboard draws its
        first page first)."""
        folder = self.analysis_folder(key)
        if (folder / "analysis.json").exists():
            try:
                stored = load_analysis(folder, lexicons=lexicons)
                if stored.key == key:
                    return stored
            except FramingError:
                pass  # a damaged entry is analysed again and overwritten
        analysis = analyse().rekeyed(key)
        if save:
            save_analysis(analysis, folder)
        return analysis

    def keep_analysis(self, analysis: Analysis) -> Path:
        """Store ``analysis`` under its key unless it is stored there; its folder."""
        folder = self.analysis_folder(analysis.key)
        if not (folder / "analysis.json").exists():
            save_analysis(analysis, folder)
        return folder

    def analysis_folder(self, key: str) -> Path:
        """Where ``analysis`` keeps the analysis of ``key`` (``framing.measure.saved``)."""
        return self.root / "analyses" / key[:32]

    def has_table(self, key: str) -> bool:
        """Whether a table is stored under ``key`` (a ``derived_key``)."""
        return self._table_path(key).exists()

    def _table_path(self, key: str) -> Path:
        return self.root / "tables" / f"{key[:32]}.pickle"

    def table(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, or its stored result under ``key`` (a ``derived_key``)."""
        target = self._table_path(key)
        found, value = _read_pickle(target)
        if found:
            return value
        value = compute()
        _write_pickle(target, value)
        return value


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
    except Exception:
        target.unlink(missing_ok=True)
        return False, None


def _corpus_to_plain(corpus: Corpus) -> dict:
    """The corpus as built-in types only, so a cache entry never depends on class layouts."""
    articles = [(a.id, a.outlet, a.title, a.date, a.date_precision, a.url, a.raw_text, a.body,
                 tuple((r.start, r.end, r.text, r.reason) for r in a.removed), dict(a.meta), a.source)
                for a in corpus.articles]
    report = corpus.report
    return {"articles": articles, "path": corpus.path,
            "report": (report.seen, report.loaded, [(s.source, s.reason, s.item_id) for s in report.skipped],
                       list(report.notes), report.fingerprint)}


def _corpus_from_plain(plain: dict) -> Corpus:
    articles = tuple(
        Article(id=i, outlet=o, title=t, date=d, date_precision=p, url=u, raw_text=raw, body=body,
                removed=tuple(RemovedSegment(*r) for r in removed), meta=meta, source=source)
        for i, o, t, d, p, u, raw, body, removed, meta, source in plain["articles"])
    seen, loaded, skipped, notes, fingerprint = plain["report"]
    report = LoadReport(seen=seen, loaded=loaded, skipped=[SkippedItem(*s) for s in skipped], notes=notes,
                        fingerprint=fingerprint)
    return Corpus(articles, report, plain["path"])
