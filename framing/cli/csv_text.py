"""The CSV text of one value, as pandas' ``to_csv`` writes it: ``True``/``False``, floats as
Python prints them, missing values empty, a field quoted only when it holds a comma, a quote or
a line break (quotes doubled; unlike pandas, a carriage return alone is quoted too). Shared by
the column writer (``framing.cli.arrow_csv``) and rows made one by one (``framing.cli.hits``);
light: no pandas or Arrow, so a worker writing rows never imports them."""
from __future__ import annotations

import numpy as np


class Unsupported(ValueError):
    """A column this writer does not render exactly as pandas (the caller falls back to pandas)."""


def header_line(names) -> bytes:
    """The header line of a table with these column names."""
    return (",".join(quoted(str(name)) for name in names) + "\n").encode("utf-8")


def field(value, dtype: str) -> str:
    """One value of a column of ``dtype`` (a dtype name of ``framing.measure.tables``: category,
    object, str, int32, float64, bool) as the field this writer gives it, for rows written one
    by one (missing: empty)."""
    if value is None:
        return ""
    if dtype == "bool":
        return "True" if value else "False"
    if dtype.startswith("float"):
        return "" if value != value else repr(float(value))
    if dtype.startswith("int"):
        return str(int(value))
    return value_field(value)


def value_field(value) -> str:
    """A value of a column rendered by its distinct values (a bool, float, int or string)."""
    if isinstance(value, (bool, np.bool_)):
        return "True" if value else "False"
    if isinstance(value, (float, np.floating)):
        return "" if value != value else repr(float(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if not isinstance(value, str):
        raise Unsupported(f"value {value!r} of type {type(value).__name__}")
    return quoted(value)


def quoted(text: str) -> str:
    """``text`` as a CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text
