"""An analysis on disk: its three tables as Arrow IPC files (Feather v2, LZ4-compressed) and
``analysis.json`` (key, format, versions, row counts, lexicons as YAML), written atomically and
read back with the same dtypes. Arrow IPC, not Parquet: this is the tool's own cache, read back
whole on every start of the dashboard, and on the 37,554 AllSides articles it reads in 0.4 s
against Parquet's 1.5 s (bench/README.md); the store (``framing.measure.store``), which other
tools read too, stays Parquet."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc

from framing import __version__
from framing.corpus.records import Corpus, LoadReport, SkippedItem
from framing.errors import FramingError
from framing.lexicon import Lexicon, lexicon_fingerprint, lexicon_to_yaml, parse_lexicon
from framing.measure.analysis import Analysis
from framing.measure.tables import HIT_COLUMNS, SENTENCE_COLUMNS

#: Bump when the layout of a saved analysis changes; older folders are then analysed again.
SAVED_FORMAT = 6
#: Each table's file name in the folder.
TABLE_FILE = "{}.arrow"
#: Rows converted to Arrow at a time, for a table whose texts are Python strings (the articles'
#: bodies): converted whole, the 37,554 AllSides bodies took 400 MB more while being written.
SLICE_ROWS = {"articles": 1000}


def save_analysis(analysis: Analysis, directory: str | Path) -> Path:
    """Write the three tables as Arrow IPC files and ``analysis.json`` (key, versions, lexicons) into
    ``directory`` (created; replaced atomically if it exists)."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".framing-", dir=directory.parent))
    try:
        for name in ("articles", "sentences", "hits"):
            _write_table(_arrow_safe(getattr(analysis, name)), staging / TABLE_FILE.format(name),
                         SLICE_ROWS.get(name))
        info = {"format": SAVED_FORMAT, "framing": __version__, "key": analysis.key,
                "lexicons": [_lexicon_record(lex) for lex in analysis.lexicons],
                "rows": {n: len(getattr(analysis, n)) for n in ("articles", "sentences", "hits")},
                "report": None if analysis.report is None else _report_record(analysis.report),
                "object_columns": {n: [str(c) for c, t in getattr(analysis, n).dtypes.items() if pd.api.types.is_object_dtype(t)]
                                   for n in ("articles", "sentences", "hits")}}
        (staging / "analysis.json").write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(staging, directory)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return directory


def _write_table(frame: pd.DataFrame, path: Path, slice_rows: int | None) -> None:
    """``frame`` as an LZ4-compressed Arrow IPC file, converted ``slice_rows`` rows at a time
    (None: whole)."""
    if slice_rows is None:
        feather.write_feather(pa.Table.from_pandas(frame, preserve_index=False), path, compression="lz4")
        return
    schema = _schema(frame)
    with ipc.new_file(path, schema, options=ipc.IpcWriteOptions(compression="lz4")) as writer:
        for start in range(0, max(len(frame), 1), slice_rows):
            writer.write_table(pa.Table.from_pandas(frame.iloc[start:start + slice_rows], schema=schema,
                                                    preserve_index=False))


def _schema(frame: pd.DataFrame) -> pa.Schema:
    """``frame``'s Arrow schema, text columns told without converting them (``pa.Schema.from_pandas``
    converts every column to see its type)."""
    text = [c for c in frame.columns if frame[c].dtype == object and _all_text(frame[c])]
    others = pa.Schema.from_pandas(frame.drop(columns=text), preserve_index=False)
    fields = {f.name: f for f in others} | {c: pa.field(c, pa.string()) for c in text}
    return pa.schema([fields[c] for c in frame.columns], metadata=others.metadata)


def load_analysis(directory: str | Path, *, corpus: Corpus | None = None, report: LoadReport | None = None,
                  lexicons: Iterable[Lexicon] | None = None) -> Analysis:
    """Read an analysis written by ``save_analysis``. Without ``lexicons`` they are rebuilt
    from the YAML stored alongside the tables."""
    directory = Path(directory)
    info = _read_info(directory)
    tables = {name: _read_table(directory, name, info) for name in ("articles", "sentences", "hits")}
    if lexicons is None:
        lexicons = [_lexicon_from_record(r, directory) for r in info["lexicons"]]
    if report is None and info.get("report") is not None:
        report = _report_from_record(info["report"])
    return Analysis(articles=tables["articles"], sentences=tables["sentences"], hits=tables["hits"],
                    lexicons=tuple(lexicons), key=info["key"], corpus=corpus, report=report)


def read_saved_table(directory: str | Path, name: str) -> pd.DataFrame:
    """One table (``articles``, ``sentences`` or ``hits``) of an analysis written by
    ``save_analysis``, as ``load_analysis`` reads it, without reading the other two."""
    directory = Path(directory)
    return _read_table(directory, name, _read_info(directory))


def _read_table(directory: Path, name: str, info: dict) -> pd.DataFrame:
    path = directory / TABLE_FILE.format(name)
    try:
        table = feather.read_table(path, memory_map=False).to_pandas()
    except (OSError, ValueError) as exc:
        raise FramingError(f"{path}: cannot be read ({exc}); delete {directory} and analyse again") from exc
    for column in info.get("object_columns", {}).get(name, ()):  # str-or-None columns come back as str with NaN
        values = table[column].astype(object)
        table[column] = values.where(values.notna(), None)
    _sorted_categories(table, {"sentences": SENTENCE_COLUMNS, "hits": HIT_COLUMNS}.get(name, {}))
    return table


def _read_info(directory: Path) -> dict:
    path = directory / "analysis.json"
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FramingError(f"{path}: not a saved analysis ({exc}); "
                           "give the folder save_analysis wrote") from exc
    if info.get("format") != SAVED_FORMAT:
        raise FramingError(f"{path}: written in cache format {info.get('format')}, this framing reads "
                           f"format {SAVED_FORMAT}; delete the folder and analyse again")
    return info


def _report_record(report: LoadReport) -> dict:
    return {"seen": report.seen, "loaded": report.loaded, "notes": list(report.notes), "fingerprint": report.fingerprint,
            "skipped": [[item.source, item.reason, item.item_id] for item in report.skipped]}


def _report_from_record(record: dict) -> LoadReport:
    skipped = [SkippedItem(source, reason, item_id) for source, reason, item_id in record["skipped"]]
    return LoadReport(seen=record["seen"], loaded=record["loaded"], skipped=skipped, notes=list(record["notes"]),
                      fingerprint=record.get("fingerprint"))


def _lexicon_record(lexicon: Lexicon) -> dict:
    return {"name": lexicon.name, "version": lexicon.version, "path": lexicon.path,
            "fingerprint": lexicon_fingerprint(lexicon), "yaml": lexicon_to_yaml(lexicon)}


def _lexicon_from_record(record: dict, directory: Path) -> Lexicon:
    if not record.get("yaml"):
        raise FramingError(f"{directory / 'analysis.json'}: lexicon {record.get('name')!r} was not stored "
                           "as YAML; pass lexicons= to load_analysis")
    return parse_lexicon(record["yaml"], source=record.get("path") or f"{directory} ({record['name']})")


def _sorted_categories(table: pd.DataFrame, dtypes: dict[str, str]) -> None:
    """Make the "category" columns of ``dtypes`` categorical with sorted categories, in place
    (Arrow keeps both; a table written by other means may not have)."""
    for column, dtype in dtypes.items():
        if dtype == "category" and column in table.columns:
            values = table[column]
            if not isinstance(values.dtype, pd.CategoricalDtype):
                values = values.astype("category")
            if not values.cat.categories.is_monotonic_increasing:
                values = values.cat.reorder_categories(values.cat.categories.sort_values())
            table[column] = values


def _arrow_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Metadata columns holding mixed Python objects are written as JSON text (the table itself
    is not copied: on the 37,554 AllSides articles a copy took a second and 400 MB)."""
    safe = table
    for column in table.columns:
        if table[column].dtype == object and not _all_text(table[column]):
            try:
                pa.array(table[column])
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                safe = safe.copy(deep=False) if safe is table else safe
                safe[column] = [None if v is None else json.dumps(v, default=str) for v in table[column]]
    return safe


def _all_text(values: pd.Series) -> bool:
    """Whether every value is a string or missing: Arrow takes such a column as it is (told
    without converting it: a trial conversion of the bodies cost 160 MB per 10,000 articles)."""
    return pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty")
