"""How the ``framing`` commands write a table: ``--format table`` is each command's own
layout; ``csv`` and ``json`` are the same everywhere (``write_csv_or_json``)."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import pandas as pd

#: The ``--format`` choices of every command that prints a table.
FORMATS = ("table", "csv", "json")


def write_csv_or_json(table: pd.DataFrame, fmt: str, *, out: TextIO | None = None) -> None:
    """``table`` as CSV (a header, no index) or as one JSON array of records (UTF-8 kept, one
    field a line), on ``out`` (default: standard output)."""
    out = sys.stdout if out is None else out
    if fmt == "csv":
        table.to_csv(out, index=False)
    elif fmt == "json":
        out.write(table.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        raise ValueError(f"write_csv_or_json writes csv or json, not {fmt!r}")
