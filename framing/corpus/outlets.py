"""Outlet metadata kept apart from the articles: a table with one row per outlet (leaning,
country, ownership...), joined onto the articles table on the outlet's name, so any of its
columns can group scores, terms and coverage like a column of the corpus itself.

The file is a CSV (or tab-separated ``.tsv``) with an ``outlet`` column and any others.
Nothing is matched or changed silently:

- names are read with white space trimmed and runs of spaces made one (each such change is
  a note naming the line); two rows for one outlet (also when they differ only in case or
  spacing) are refused, naming both lines;
- a name matches the corpus's outlet exactly, else when the two differ only in case (each
  such match is a note); outlets of the table that the corpus lacks, and outlets of the
  corpus the table lacks (their columns stay empty, so their articles belong to no group when
  grouped by such a column), are listed in the join's report;
- a column the articles table already has is refused (rename it in the file).
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing.corpus.readers import read_csv
from framing.errors import CorpusError, SettingsError

#: How many names a report line lists before "and N more".
_EXAMPLES = 8


def normalise_name(name: str) -> str:
    """An outlet name as matched: Unicode NFC, white space trimmed, inner runs made one space."""
    return " ".join(unicodedata.normalize("NFC", name).split())


@dataclass(frozen=True)
class OutletTable:
    """One row per outlet: ``rows`` has ``outlet`` (normalised names) then the file's other
    columns (text, None where a cell is empty), in file order; ``notes`` say what reading
    changed; ``source`` names the file."""

    rows: pd.DataFrame
    source: str
    notes: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        """The metadata columns (every column but ``outlet``)."""
        return [c for c in self.rows.columns if c != "outlet"]

    @property
    def digest(self) -> str:
        """SHA-256 of the table's content: a cache key for tables joined with it."""
        text = self.rows.to_csv(index=False, lineterminator="\n")
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class OutletJoin:
    """The articles table with the outlet table's columns, and what the join found:
    ``unknown`` (outlets of the table not in the corpus), ``missing`` (outlets of the corpus
    with no row: their columns are empty), ``notes`` (reading notes, and names matched only
    when case is ignored)."""

    articles: pd.DataFrame
    matched: int
    unknown: tuple[str, ...]
    missing: tuple[str, ...]
    notes: tuple[str, ...]

    def report_lines(self) -> list[str]:
        """One line per finding, for the command line's stderr and the dashboard."""
        lines = [f"outlet table: {self.matched:,} outlet{'' if self.matched == 1 else 's'} of the corpus matched"]
        if self.unknown:
            lines.append(f"{_count(self.unknown, 'outlet')} of the table not in the corpus (ignored): {_names(self.unknown)}")
        if self.missing:
            lines.append(f"{_count(self.missing, 'outlet')} of the corpus not in the table (their columns are empty, "
                         f"so their articles are in no group of those columns): {_names(self.missing)}")
        return lines + list(self.notes)


def _count(names: Sequence[str], noun: str) -> str:
    return f"{len(names):,} {noun}" + ("" if len(names) == 1 else "s")


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:_EXAMPLES])
    return shown + (f" and {len(names) - _EXAMPLES:,} more" if len(names) > _EXAMPLES else "")


def read_outlet_table(path: str | Path) -> OutletTable:
    """The outlet table in ``path`` (CSV, or tab-separated for ``.tsv``), validated (module doc)."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such outlet table (a CSV file with an 'outlet' column)")
    notes: list[str] = []
    table = read_csv(path, lambda kind, example: notes.append(f"{kind}: {example}"))
    outlet_column = _outlet_column(path, table.columns)
    rows = []
    seen: dict[str, tuple[int, str]] = {}
    for line, item in enumerate(table.items, start=2):
        raw = item.row.get(outlet_column)
        if raw is None or not str(raw).strip():
            raise CorpusError(f"{path}:{line}: empty outlet name; every row needs the outlet's name as the corpus spells it")
        name = normalise_name(str(raw))
        if name != raw:
            notes.append(f"{path.name}:{line}: outlet {raw!r} read as {name!r} (white space)")
        key = name.casefold()
        if key in seen:
            raise CorpusError(f"{path}:{line}: outlet {name!r} is already on line {seen[key][0]} (as {seen[key][1]!r}); "
                              "give each outlet one row")
        seen[key] = (line, name)
        rows.append({"outlet": name, **{c: v for c, v in item.row.items() if c != outlet_column}})
    columns = ["outlet", *(c for c in table.columns if c != outlet_column)]
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return OutletTable(frame.where(frame.notna(), None), str(path), tuple(notes))


def _outlet_column(path: Path, columns: Sequence[str]) -> str:
    names = [c.strip() for c in columns]
    if any(not n for n in names):
        raise CorpusError(f"{path}: a column of the header has no name; name every column")
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise CorpusError(f"{path}: column {doubled[0]!r} appears twice in the header; give each column one name")
    found = [c for c in columns if c.strip().casefold() == "outlet"]
    if not found:
        raise CorpusError(f"{path}: no 'outlet' column; its columns are: {', '.join(columns)}. The outlet table needs "
                          "a column named outlet holding the names as the corpus spells them")
    if len(columns) < 2:
        raise CorpusError(f"{path}: only an outlet column; add the columns to join (e.g. leaning, country)")
    return found[0]


def join_outlet_table(articles: pd.DataFrame, table: OutletTable) -> OutletJoin:
    """The articles table with ``table``'s columns joined on ``outlet`` (module doc): every
    article keeps its row; an outlet without a row in the table gets None in those columns."""
    if "outlet" not in articles.columns:
        raise SettingsError("join_outlet_table: the articles table has no outlet column")
    clash = [c for c in table.columns if c in articles.columns]
    if clash:
        raise SettingsError(f"{table.source}: column {clash[0]!r} is already a column of the corpus; rename it in the "
                            "outlet table (or drop it) so the corpus's own values are not replaced")
    corpus_outlets = pd.unique(articles["outlet"].astype(object))
    lookup, notes = _match_names(table, corpus_outlets)
    positions = articles["outlet"].astype(object).map(lookup)
    joined = articles.copy(deep=False)
    for column in table.columns:
        values = table.rows[column].to_numpy(object)
        joined[column] = pd.Series([None if pd.isna(p) else values[int(p)] for p in positions],
                                   index=articles.index, dtype=object)
    matched_rows = set(lookup.values())
    unknown = tuple(n for i, n in enumerate(table.rows["outlet"]) if i not in matched_rows)
    missing = tuple(sorted((str(o) for o in corpus_outlets if o not in lookup), key=str.casefold))
    return OutletJoin(joined, len(lookup), unknown, missing, table.notes + tuple(notes))


def _match_names(table: OutletTable, corpus_outlets) -> tuple[dict[str, int], list[str]]:
    """Corpus outlet -> row of ``table``: exact (normalised) names first, then names equal but
    for case when that is unambiguous on both sides (each noted)."""
    rows = {name: i for i, name in enumerate(table.rows["outlet"])}
    lookup: dict[str, int] = {}
    for outlet in corpus_outlets:
        row = rows.get(normalise_name(str(outlet)))
        if row is not None:
            lookup[outlet] = row
    taken = set(lookup.values())
    free_rows: dict[str, list[int]] = {}
    for name, i in rows.items():
        if i not in taken:
            free_rows.setdefault(name.casefold(), []).append(i)
    free_outlets: dict[str, list[str]] = {}
    for outlet in corpus_outlets:
        if outlet not in lookup:
            free_outlets.setdefault(normalise_name(str(outlet)).casefold(), []).append(outlet)
    notes = []
    for key, outlets in free_outlets.items():
        candidates = free_rows.get(key, [])
        if len(outlets) == 1 and len(candidates) == 1:
            lookup[outlets[0]] = candidates[0]
            notes.append(f"outlet {table.rows['outlet'].iat[candidates[0]]!r} of the table matched the corpus's "
                         f"{outlets[0]!r} (case ignored)")
    return lookup, notes


# ----------------------------------------------------------------------------- grouping
#: A column can group outlets when it has at least two and at most this many values.
MAX_GROUP_VALUES = 60
#: Columns of the articles table that are never a grouping (text, ids, numbers, dates).
NOT_GROUPINGS = frozenset({"article_id", "outlet", "title", "body", "date", "date_precision", "url", "n_words",
                           "event_id", "event_title", "period", "text", "raw_text"})


def grouping_columns(articles: pd.DataFrame, *, max_values: int = MAX_GROUP_VALUES) -> list[str]:
    """The metadata columns of the articles table that can group outlets (a leaning, a
    country, a topic): text columns with 2 to ``max_values`` values, in table order."""
    found = []
    for column in articles.columns:
        if column in NOT_GROUPINGS or column.startswith("_"):
            continue
        values = articles[column]
        if pd.api.types.is_numeric_dtype(values) and not isinstance(values.dtype, pd.CategoricalDtype):
            continue
        n = values.dropna().astype(str).nunique()
        if 2 <= n <= max_values:
            found.append(column)
    return found


def group_outlets(articles: pd.DataFrame, by: str) -> pd.DataFrame:
    """The outlets inside each group of ``by`` (so outlets stay visible when groups are
    compared): ``group``, ``outlet``, ``n_articles``, by group then most articles first.
    Articles with no value in ``by`` are in no group and left out."""
    if by not in articles.columns:
        raise SettingsError(f"group by {by!r}: no such column; the articles table has {', '.join(articles.columns)}")
    values = articles[by].astype(object)
    kept = values.notna() & values.astype(str).str.strip().ne("")
    frame = pd.DataFrame({"group": values[kept].astype(str).to_numpy(),
                          "outlet": articles["outlet"][kept].astype(str).to_numpy()})
    counts = frame.groupby(["group", "outlet"]).size().rename("n_articles").reset_index()
    counts = counts.assign(_neg=-counts["n_articles"], _key=counts["outlet"].str.casefold())
    return counts.sort_values(["group", "_neg", "_key"], kind="stable").drop(columns=["_neg", "_key"]).reset_index(
        drop=True)


def members_text(members: pd.DataFrame, *, limit: int = 8) -> dict[str, str]:
    """Group -> "A (12), B (3) and 4 more": the outlets of each group of a ``group_outlets``
    table with their articles, for a hover."""
    text = {}
    for group, part in members.groupby("group", sort=False):
        shown = ", ".join(f"{o} ({n:,})" for o, n in zip(part["outlet"][:limit], part["n_articles"][:limit]))
        more = len(part) - limit
        text[str(group)] = shown + (f" and {more:,} more" if more > 0 else "")
    return text
