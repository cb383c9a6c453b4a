"""A processed-corpus store: an analysis on disk as a partitioned Parquet dataset, written chunk by
chunk, so a corpus of any size is analysed with bounded memory, and read back by every command
and the dashboard instead of the corpus.

Layout of a store folder::

    manifest.json            format, framing version, key, lexicons (YAML), settings, sources
                             (name, files' key, corpus fingerprint), load report, parts
    load-R.json              what loading saw up to run R (ids, text digests: for adding sources)
    articles/part-R-N.parquet   the articles table, bodies included
    sentences/part-R-N.parquet  the sentences table (no text: a sentence is body[start:end])
    hits/part-R-N.parquet       the hits table

``R`` numbers the run (``framing analyze`` once per source added) and ``N`` the part of it.
The manifest lists the parts; it is written last (atomically), so a run that stops half way
leaves the store as it was. Adding a source analyses only its articles: ids and texts already
in the store are skipped as a repeated id or text, exactly as if the sources had been one
corpus. Tables are read back with the dtypes of docs/data-model.md (``read_table``); scores
never read the hits whole (``framing.measure.counts`` runs DuckDB over the Parquet files).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing import __version__
from framing.corpus.chunks import ReadOptions, open_source
from framing.corpus.load import CorpusBuilder, require_articles
from framing.corpus.records import Article, Corpus, LoadReport
from framing.errors import FramingError, SettingsError
from framing.lexicon import Lexicon, lexicon_fingerprint, lexicon_to_yaml, parse_lexicon
from framing.measure import pipeline
from framing.measure.analysis import Analysis
from framing.measure.cache import _sha256, code_digest, source_key
from framing.measure.chunked import DEFAULT_ENGINE, DEFAULT_READ, Progress, accept_chunk, chunk_results, sentence_columns
from framing.measure.engines import EngineSettings
from framing.measure.saved import _arrow_safe, _sorted_categories
from framing.measure.tables import HIT_COLUMNS, _shared_objects, _sorted_categorical, corpus_frame

STORE_FORMAT = 1
TABLES = ("articles", "sentences", "hits")
MANIFEST = "manifest.json"
#: Articles per Parquet part: memory while analysing grows with this, not with the corpus.
PART_ARTICLES = 4000
_SENTENCE_COLUMNS = sentence_columns(False)
_DTYPES = {"sentences": _SENTENCE_COLUMNS, "hits": HIT_COLUMNS}


class Store:
    """A store folder (``framing analyze CORPUS --store DIR`` makes one)."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self._manifest: dict | None = None

    def exists(self) -> bool:
        return (self.directory / MANIFEST).is_file()

    def manifest(self) -> dict:
        """The manifest (read once per ``Store`` object)."""
        if self._manifest is None:
            self._manifest = self._read_json(MANIFEST)
            if self._manifest.get("format") != STORE_FORMAT:
                raise FramingError(f"{self.directory / MANIFEST}: store format {self._manifest.get('format')}, this "
                                   f"framing reads format {STORE_FORMAT}; analyse the corpus again into a new store")
        return self._manifest

    def load_state(self) -> dict:
        """What loading has seen so far (counts, skips, notes, ids, text digests: ``CorpusBuilder.state``),
        kept beside the manifest (it grows with the corpus; only adding a source reads it whole)."""
        return self._read_json(self.manifest()["load_state"])

    def _read_json(self, name: str) -> dict:
        path = self.directory / name
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise FramingError(f"{path}: not a framing store ({exc}); give the folder `framing analyze "
                               "CORPUS --store DIR` wrote") from exc

    def contains(self, path: str | Path, read: ReadOptions) -> bool:
        """Whether the source ``path`` read with ``read`` was added already (same files)."""
        return self.exists() and any(s["files_key"] == _files_key(path, read) for s in self.manifest()["sources"])

    def files(self, table: str) -> list[str]:
        """The Parquet parts of ``table``, in corpus order."""
        return [str(self.directory / table / f"{part}.parquet") for part in self.manifest()["parts"]]

    def lexicons(self) -> tuple[Lexicon, ...]:
        return tuple(parse_lexicon(r["yaml"], source=r.get("path") or f"{self.directory} ({r['name']})")
                     for r in self.manifest()["lexicons"])

    def report(self) -> LoadReport:
        return CorpusBuilder.from_state(self.manifest()["report"] | {"ids": [], "texts": []},
                                        keep_articles=False).final_report()

    def analysis(self, lexicons: Iterable[Lexicon] | None = None) -> Analysis:
        """The store as an ``Analysis`` whose tables are read when first used."""
        manifest = self.manifest()
        if lexicons is not None:
            _check_lexicons(self, manifest, tuple(lexicons))
        return Analysis(lexicons=self.lexicons(), key=manifest["key"], report=self.report(), store=self)

    def corpus(self) -> Corpus:
        """The store's articles as a ``Corpus`` (bodies as raw text: the store keeps no raw
        text or removed segments), with its load report."""
        table = self.read_table("articles")
        core = {"article_id", "outlet", "title", "date", "date_precision", "url", "n_words", "n_sentences", "body"}
        extra = [c for c in table.columns if c not in core]
        articles = tuple(
            Article(id=row["article_id"], outlet=row["outlet"], title=row["title"] or "", date=row["date"],
                    date_precision=row["date_precision"], url=row["url"], raw_text=row["body"], body=row["body"],
                    meta={c: row[c] for c in extra})
            for row in table.to_dict("records"))
        return Corpus(articles, self.report(), str(self.directory))

    def columns(self, table: str) -> list[str]:
        files = self.files(table)
        names: dict[str, None] = {}
        for path in files:
            names.update(dict.fromkeys(pq.read_schema(path).names))
        return list(names)

    def read_table(self, table: str, *, columns: list[str] | None = None,
                   ids: tuple[str, ...] | None = None) -> pd.DataFrame:
        """``table`` (all of it, or ``columns``; only the articles ``ids`` when given) with the
        dtypes of docs/data-model.md."""
        if table not in TABLES:
            raise SettingsError(f"a store holds the tables {', '.join(TABLES)}, not {table!r}")
        known = self.columns(table)
        wanted = known if columns is None else [c for c in columns if c in known]
        parts = [_read_part(path, wanted, ids) for path in self.files(table)]
        if table == "articles":
            return _articles_frame(parts, wanted)
        return _typed_frame(parts, {c: _DTYPES[table][c] for c in wanted})


    def table_parts(self, table: str):
        """``table`` part by part (each with the dtypes of ``read_table``): a table of any size
        read with the memory of one part."""
        dtypes = _DTYPES[table]
        for path in self.files(table):
            part = pq.read_table(path)
            yield _typed_frame([part], {c: dtypes[c] for c in part.column_names if c in dtypes})


def _read_part(path: str, columns: list[str], ids: tuple[str, ...] | None) -> pa.Table:
    import pyarrow.compute as pc

    table = pq.read_table(path, columns=list(dict.fromkeys([*columns, "article_id"])) if ids is not None else columns)
    if ids is not None:
        table = table.filter(pc.is_in(table["article_id"].cast(pa.string()), value_set=pa.array(ids, pa.string())))
        table = table.select(columns)
    return table


def _articles_frame(parts: list[pa.Table], columns: list[str]) -> pd.DataFrame:
    """The articles table from its parts, with ``corpus_frame``'s dtypes."""
    frames = [part.to_pandas() for part in parts]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    frame = frame.reindex(columns=columns)
    for name in frame.columns:
        if name in ("n_words", "n_sentences"):
            frame[name] = frame[name].astype("int64")
        elif name in _OBJECT_COLUMNS or frame[name].dtype == object:
            values = frame[name].astype(object)
            frame[name] = values.where(values.notna(), None)
    return frame


#: Columns of the articles table that ``corpus_frame`` keeps as Python objects (str or None).
_OBJECT_COLUMNS = ("body", "date", "url", "event_id")


def _typed_frame(parts: list[pa.Table], dtypes: dict[str, str]) -> pd.DataFrame:
    """A sentences or hits table from its parts, each column as ``ColumnBatches.frame`` makes it."""
    data = {}
    for name, dtype in dtypes.items():
        chunks = [chunk for part in parts for chunk in part[name].chunks]
        if dtype in ("category", "object"):
            encoded = [c if pa.types.is_dictionary(c.type) else c.dictionary_encode() for c in chunks]
            encoded = [c.cast(pa.dictionary(pa.int32(), pa.large_string())) for c in encoded]
            data[name] = _sorted_categorical(encoded) if dtype == "category" else _shared_objects(encoded)
        else:
            column = pa.chunked_array(chunks, type=parts[0].schema.field(name).type) if parts else pa.chunked_array([], pa.int64())
            data[name] = pd.Series(column.to_numpy(), dtype=dtype)
    frame = pd.DataFrame(data, columns=list(dtypes), copy=False)
    _sorted_categories(frame, dtypes)
    return frame


# --- writing -------------------------------------------------------------------------------

def analyze_into_store(path: str | Path, directory: str | Path, lexicons: Iterable[Lexicon] | None = None, *,
                       read: ReadOptions = DEFAULT_READ, engine: EngineSettings = DEFAULT_ENGINE,
                       progress: Progress | None = None, part_articles: int = PART_ARTICLES) -> Store:
    """Analyse the corpus at ``path`` into the store ``directory`` (made, or added to: only the
    new source's articles are analysed), chunk by chunk. Returns the store."""
    store = Store(directory)
    lexicons = pipeline.chosen_lexicons(lexicons if lexicons is not None or not store.exists() else store.lexicons())
    manifest = store.manifest() if store.exists() else _new_manifest(lexicons, read)
    if store.exists():
        _check_lexicons(store, manifest, lexicons)
        _check_read(store, manifest, read)
    files_key = _files_key(path, read)
    if any(s["files_key"] == files_key for s in manifest["sources"]):
        raise SettingsError(f"{path} is already in the store {directory} (same files, same options); nothing to add")
    builder = (CorpusBuilder.from_state(store.load_state(), keep_articles=False) if store.exists()
               else CorpusBuilder(keep_articles=False))
    before = builder.report.seen
    source = open_source(path, read, slices=engine.slices)
    for kind, example in source.notes:
        builder.note(kind, example)
    run = len(manifest["sources"])
    writer = _PartWriter(store.directory, run, part_articles)
    for result in chunk_results(source, lexicons, engine, read=read, columns=_SENTENCE_COLUMNS):
        writer.add(accept_chunk(builder, result))
        if progress is not None:
            progress(builder.report.seen - before, result.position / source.size if source.size else None)
    writer.close()
    if builder.report.seen == before:
        require_articles(LoadReport(), Path(path))
    manifest["sources"].append({"path": str(path), "files_key": files_key, "fingerprint": writer.digest.hexdigest(),
                                "seen": builder.report.seen - before, "parts": writer.parts, "added": time.time()})
    manifest["parts"] += writer.parts
    state = builder.state()
    manifest["load_state"] = _write_json(store.directory, f"load-{run:03d}.json", state)
    manifest["report"] = {k: v for k, v in state.items() if k not in ("ids", "texts")}
    manifest["corpus_fingerprint"] = _sha256("corpus", [s["fingerprint"] for s in manifest["sources"]])
    manifest["key"] = _sha256("store", manifest["corpus_fingerprint"], [lexicon_fingerprint(x) for x in lexicons],
                              code_digest(("corpus", "lexicon", "text", "measure", "parallel.py", "errors.py")))
    _write_json(store.directory, MANIFEST, manifest)
    store._manifest = None
    return store


def _files_key(path: str | Path, read: ReadOptions) -> str:
    return source_key(path, read.columns + (("format", read.format or ""), ("clean", str(read.clean))))


def _new_manifest(lexicons: tuple[Lexicon, ...], read: ReadOptions) -> dict:
    return {"format": STORE_FORMAT, "framing": __version__, "created": time.time(),
            "lexicons": [{"name": x.name, "version": x.version, "path": x.path, "fingerprint": lexicon_fingerprint(x),
                          "yaml": lexicon_to_yaml(x)} for x in lexicons],
            "settings": {"clean": read.clean, "format": read.format, "columns": [list(c) for c in read.columns],
                         "sentence_text": False},
            "code": code_digest(("corpus", "lexicon", "text", "measure", "parallel.py", "errors.py")),
            "sources": [], "parts": []}


def _check_lexicons(store: Store, manifest: dict, lexicons: tuple[Lexicon, ...]) -> None:
    stored = [r["fingerprint"] for r in manifest["lexicons"]]
    if stored != [lexicon_fingerprint(x) for x in lexicons]:
        names = ", ".join(r["name"] for r in manifest["lexicons"])
        raise SettingsError(f"{store.directory} was analysed with other lexicons ({names}); leave out --lexicon "
                            "to use the store's own, or analyse into a new store")


def _check_read(store: Store, manifest: dict, read: ReadOptions) -> None:
    if manifest["settings"]["clean"] != read.clean:
        raise SettingsError(f"{store.directory} was analysed with{'out' if read.clean else ''} --no-clean; "
                            "add sources with the same option, or use a new store")
    if manifest["code"] != code_digest(("corpus", "lexicon", "text", "measure", "parallel.py", "errors.py")):
        raise SettingsError(f"{store.directory} was analysed by another version of framing's analysis code; "
                            "analyse every source again into a new store so its tables agree")


def _write_json(directory: Path, name: str, value: dict) -> str:
    """``value`` as ``directory/name``, written atomically; returns ``name``."""
    partial = directory / f".{name}.{os.getpid()}.tmp"
    partial.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, directory / name)
    return name


class _PartWriter:
    """Gathers chunk results and writes every ``part_articles`` articles as one part of each table."""

    def __init__(self, directory: Path, run: int, part_articles: int):
        self.directory, self.run, self.part_articles = directory, run, part_articles
        self.pending: list = []
        self.parts: list[str] = []
        self.digest = hashlib.sha256()
        for table in TABLES:
            (directory / table).mkdir(parents=True, exist_ok=True)

    def add(self, result) -> None:
        self.pending.append(result)
        if sum(len(r.n_words) for r in self.pending) >= self.part_articles:
            self._flush()

    def close(self) -> None:
        self._flush()

    def _flush(self) -> None:
        articles = [a for r in self.pending for a in r.articles()]
        if not articles:
            self.pending = []
            return
        for article in articles:
            for value in (article.id, article.outlet, article.body):
                self.digest.update(value.encode("utf-8") + b"\0")
        name = f"part-{self.run:03d}-{len(self.parts):05d}"
        frame = corpus_frame(articles, n_words=[n for r in self.pending for n in r.n_words],
                             n_sentences=[n for r in self.pending for n in r.n_sentences])
        pq.write_table(pa.Table.from_pandas(_arrow_safe(frame), preserve_index=False),
                       self.directory / "articles" / f"{name}.parquet")
        for table, dtypes in (("sentences", _SENTENCE_COLUMNS), ("hits", HIT_COLUMNS)):
            batches = [batch for r in self.pending for batch in getattr(r, table)]
            pq.write_table(_batches_table(batches, dtypes), self.directory / table / f"{name}.parquet")
        self.parts.append(name)
        self.pending = []


def _batches_table(batches: list, dtypes: dict[str, str]) -> pa.Table:
    """Column batches (``ColumnBatches.sealed``) as one Arrow table (text as dictionaries)."""
    columns = {}
    for i, (name, dtype) in enumerate(dtypes.items()):
        parts = [batch[i] for batch in batches]
        if dtype in ("category", "object", "str"):
            kind = pa.dictionary(pa.int32(), pa.large_string()) if dtype != "str" else pa.large_string()
            columns[name] = pa.chunked_array(parts, type=kind)
        else:
            values = np.concatenate(parts) if parts else np.array([], dtype=dtype)
            columns[name] = pa.chunked_array([pa.array(values)])
    return pa.table(columns)
