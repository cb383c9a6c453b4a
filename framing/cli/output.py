"""The one table writer of the command line: ``--format table`` is each command's own text
layout (or pandas' plain one); ``csv`` and ``json`` are the same for every command."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import pandas as pd


def write_table(table: pd.DataFrame, fmt: str, *, out: TextIO | None = None,
                text: Callable[[pd.DataFrame], str] | None = None, empty: str = "nothing to show",
                compact_json: bool = False) -> None:
    """``table`` on ``out`` (default: standard output): CSV (a header, no index), one JSON
    array of records (UTF-8 kept; one field a line, or with ``compact_json`` one record a line,
    written piece by piece so millions of rows never make one giant string), or text
    (``text(table)``, else pandas' layout; ``empty`` when there are no rows)."""
    out = sys.stdout if out is None else out
    if fmt == "csv":
        write_csv(table, out)
    elif fmt == "json" and compact_json:
        write_json_lines_array(table, out)
    elif fmt == "json":
        out.write(table.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    elif fmt != "table":
        raise ValueError(f"write_table writes table, csv or json, not {fmt!r}")
    elif table.empty and text is None:
        out.write(f"{empty}\n")
    else:
        out.write(text(table) if text is not None else plain_text(table))


def plain_text(table: pd.DataFrame) -> str:
    """pandas' layout of the whole table, every row and column, no index."""
    import pandas as pd

    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        return table.to_string(index=False) + "\n"


def write_json_lines_array(table: pd.DataFrame, out: TextIO, *, rows_per_piece: int = 50_000) -> None:
    """One JSON array, one record a line, written ``rows_per_piece`` records at a time."""
    out.write("[")
    for first in range(0, len(table), rows_per_piece):
        piece = table.iloc[first:first + rows_per_piece].to_json(orient="records", force_ascii=False, lines=True)
        out.write(("," if first else "") + "\n" + ",\n".join(piece.splitlines()))
    out.write("\n]\n")


def write_csv(table: pd.DataFrame, out: TextIO, *, header: bool = True) -> None:
    """``table.to_csv(out, index=False)``, written through Arrow (``arrow_csv``: the same bytes,
    many times faster on millions of rows); pandas writes what Arrow's writer cannot render."""
    from framing.cli.arrow_csv import Unsupported, csv_bytes
    from framing.cli.arrow_csv import write_csv as arrow_write

    binary = getattr(out, "buffer", None)
    try:
        if binary is None:
            out.write(csv_bytes(table, header=header).decode("utf-8"))
        else:
            out.flush()
            arrow_write(table, binary, header=header)
            binary.flush()
    except Unsupported:
        table.to_csv(out, index=False, header=header)


def write_csv_parts(columns: list[str], parts: Iterable[bytes], out: TextIO) -> None:
    """A header of ``columns``, then CSV rows already rendered as bytes, each part written as it
    comes. The header waits for the first part, so a source that fails before any (nothing to
    read) writes nothing."""
    from framing.cli.csv_text import header_line

    binary = getattr(out, "buffer", None)
    out.flush()
    for i, part in enumerate(parts):
        data = header_line(columns) + part if i == 0 else part
        if binary is None:
            out.write(data.decode("utf-8"))
        else:
            binary.write(data)
    if binary is not None:
        binary.flush()
