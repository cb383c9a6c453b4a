"""What the scores read from the hits and sentences tables, reduced per article by one DuckDB
query that runs on either form of an analysis: its tables in memory (pandas) or its store's
Parquet files (``framing.measure.store``). A store's hits are never read into memory whole: the
query streams them, so a score's memory depends on the number of articles, not of hits.

Both forms go through the same SQL and come back in the same order (``ORDER BY`` every key), so
the scores of a store and of the same analysis in memory are identical to the last bit.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa

from framing.errors import SettingsError
from framing.parallel import available_cpus

#: DuckDB's memory bound: a bigger aggregation spills to a temporary folder instead of growing.
DUCKDB_MEMORY = "768MB"
#: Hits are counted per article and per value of these columns (``n`` hits each).
HIT_KEYS = ("article_id", "lexicon", "role", "frame", "pole", "voice", "negated", "hedged", "target", "weight")
_TEXT = ("article_id", "lexicon", "role", "frame", "pole", "voice", "target")


def hit_counts(analysis, kind: str) -> pd.DataFrame:
    """The hits of ``kind`` counted per article and ``HIT_KEYS`` value: those columns and
    ``n``, sorted by every column. Counted once per analysis object (``Analysis.derived``): frame
    rates and axis balance both start from the frame hits (on the 37,554 AllSides articles, a
    second each time)."""
    return analysis.derived(f"hit_counts/{kind}", lambda: _hit_counts(analysis, kind))


def _hit_counts(analysis, kind: str) -> pd.DataFrame:
    keys = ", ".join(_select(HIT_KEYS))
    with _tables(analysis, hits=True) as (con, where):
        return _frame(con.sql(f"SELECT {keys}, count(*) AS n FROM hits h WHERE h.kind = $kind {where} "
                              f"GROUP BY ALL ORDER BY ALL", params={"kind": kind}))


def actor_mentions(analysis) -> pd.DataFrame:
    """Every actor hit (``article_id, sentence_id, lexicon, frame, pole, voice, negated``, weight 1)
    with its sentence's ``compound`` score (NaN where the analysis did not score it), in order
    of article, sentence and position."""
    keys = ", ".join(_select(("article_id", "lexicon", "frame", "pole", "voice")))
    order = ", ".join(f"h.{c}::VARCHAR" for c in ("lexicon", "frame", "pole", "voice"))
    with _tables(analysis, hits=True, sentences=True) as (con, where):
        compound = "s.compound" if _has_compound(con) else "CAST(NULL AS DOUBLE)"
        return _frame(con.sql(
            f"SELECT {keys}, h.sentence_id, h.negated, 1.0 AS weight, {compound} AS compound "
            f"FROM hits h LEFT JOIN sentences s ON s.article_id = h.article_id AND s.sentence_id = h.sentence_id "
            f"WHERE h.kind = 'actor' {where} "
            f"ORDER BY h.article_id::VARCHAR, h.sentence_id, h.start, h.\"end\", {order}"))


def _select(columns) -> list[str]:
    return [f"h.{c}::VARCHAR AS {c}" if c in _TEXT else f"h.{c}" for c in columns]


def _has_compound(con) -> bool:
    return "compound" in [row[0] for row in con.execute("DESCRIBE sentences").fetchall()]


@contextmanager
def _tables(analysis, *, hits: bool = False, sentences: bool = False) -> Iterator:
    """A DuckDB connection with views ``hits`` and ``sentences`` over the analysis's tables (in
    memory, or its store's Parquet files when not read yet), and the ``AND ...`` clause keeping
    only the analysis's articles."""
    import duckdb

    con = duckdb.connect(config={"threads": available_cpus(), "memory_limit": DUCKDB_MEMORY,
                                 "temp_directory": str(Path(tempfile.gettempdir()) / "framing-duckdb")})
    try:
        for name, wanted in (("hits", hits), ("sentences", sentences)):
            if not wanted:
                continue
            if analysis.store is not None and not analysis.loaded(name):
                files = ", ".join("'" + f.replace("'", "''") + "'" for f in analysis.store.files(name))
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{files}])")
            else:
                _require(getattr(analysis, name), name)
                con.register(name, getattr(analysis, name))
        where = ""
        if analysis.store is not None and analysis.article_ids is not None and not analysis.loaded("hits"):
            con.register("chosen", pa.table({"article_id": pa.array(analysis.article_ids, pa.string())}))
            where = "AND h.article_id::VARCHAR IN (SELECT article_id FROM chosen)"
        yield con, where
    finally:
        con.close()


def _require(table: pd.DataFrame, name: str) -> None:
    needed = {"hits": ("article_id", "sentence_id", "start", "end", "lexicon", "kind", "role", "frame", "pole", "weight",
                       "voice", "negated", "hedged", "target"),
              "sentences": ("article_id", "sentence_id")}[name]
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise SettingsError(f"the {name} table has no column {', '.join(map(repr, missing))}; "
                            f"its columns are: {', '.join(map(str, table.columns))}")


def _frame(result) -> pd.DataFrame:
    """A query's rows as a DataFrame whose text columns are Categorical (each value once)."""
    table = result.to_arrow_table()
    columns = {}
    for name, column in zip(table.column_names, table.columns):
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = column.dictionary_encode()
        columns[name] = column
    return pa.table(columns).to_pandas()
