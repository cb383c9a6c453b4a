"""Publication dates as precise as the source is: ``2019``, ``2019-03`` or ``2019-03-18``.

A source that says "March 2019" gives a month, never a day: nothing here invents a day or a
month. ``parse_date`` reads ISO dates and datetimes, ``2019/03/18``, ``18.03.2019``,
"March 18, 2019", "18 Mar 2019", "Monday, March 18, 2019", "March 2019", RFC 2822 e-mail dates
and unambiguous numeric forms; when day and month order cannot be told apart (``03/04/2019``)
only the year is kept and the problem is said.

A partial date is also an interval of days: ``date_interval("2019-03")`` is 1-31 March 2019,
as day numbers since 1970-01-01, the one reading the event grouping and the dashboard's date
filters share.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from email.utils import parsedate
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

if TYPE_CHECKING:  # pandas only where a table is read: reading a corpus needs none
    import pandas as pd

#: Dates before this year are reported as implausible (news archives do not go further back).
EARLIEST_PLAUSIBLE_YEAR = 1800

_MONTHS = {name: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME_TAIL = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?"

_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?:[t\s]\d{1,2}:\d{2}.*)?")
_YMD = re.compile(r"(?P<year>\d{4})[/.](?P<month>\d{1,2})(?:[/.](?P<day>\d{1,2}))?" + _TIME_TAIL)
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>\d{4})" + _TIME_TAIL)
_MONTH_FIRST = re.compile(_WEEKDAY + _MONTH + r"\s+(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?P<year>\d{4})" + _TIME_TAIL)
_DAY_FIRST = re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME_TAIL)


class ParsedDate(NamedTuple):
    """``value`` is the ISO partial date or None; ``precision`` one of day, month, year,
    unknown; ``problem`` says why a value was not (fully) understood, else None."""

    value: str | None
    precision: str
    problem: str | None = None


UNKNOWN = ParsedDate(None, "unknown")


def parse_date(value: Any) -> ParsedDate:
    """Read a date from a string, a number (a year), or a date/datetime/Timestamp object."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return UNKNOWN
    if isinstance(value, (dt.datetime, dt.date)):
        return _checked(value.year, value.month, value.day, str(value)) if not _is_missing(value) else UNKNOWN
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value)
    text = " ".join(str(value).split())
    if not text or text.lower() in {"nan", "nat", "none", "null", "n/a", "na", "-", "unknown"}:
        return UNKNOWN
    return _from_text(text)


def _is_missing(value: Any) -> bool:
    return value != value  # pandas NaT is not equal to itself


def _from_number(value: float) -> ParsedDate:
    if float(value).is_integer() and 1000 <= value <= 9999:
        return _checked(int(value), None, None, str(int(value)))
    return ParsedDate(None, "unknown", f"unreadable date {value!r} (a number that is not a year)")


def _from_text(text: str) -> ParsedDate:
    lowered = text.lower()
    for pattern in (_ISO, _YMD, _MONTH_FIRST, _DAY_FIRST):
        match = pattern.fullmatch(lowered)
        if match:
            parts = match.groupdict()
            return _checked(int(parts["year"]), _month_number(parts.get("month")), _int(parts.get("day")), text)
    match = _COMPACT.fullmatch(lowered)
    if match:
        return _checked(int(match["year"]), int(match["month"]), int(match["day"]), text)
    match = _NUMERIC.fullmatch(lowered)
    if match:
        return _from_numeric_day_month(int(match["a"]), int(match["b"]), int(match["year"]), text)
    rfc = parsedate(text)
    if rfc:
        return _checked(rfc[0], rfc[1], rfc[2], text)
    return ParsedDate(None, "unknown", f"unreadable date {text!r} (expected e.g. 2019-03-18, 2019-03, 2019 or March 18, 2019)")


def _from_numeric_day_month(a: int, b: int, year: int, text: str) -> ParsedDate:
    if a > 12 >= b:
        return _checked(year, b, a, text)
    if b > 12 >= a:
        return _checked(year, a, b, text)
    if a == b:
        return _checked(year, a, b, text)
    kept = _checked(year, None, None, text)
    return kept._replace(problem=f"ambiguous date {text!r}: day/month order unknown, kept the year only")


def _month_number(month: str | None) -> int | None:
    if month is None:
        return None
    return int(month) if month.isdigit() else _MONTHS[month]


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _checked(year: int, month: int | None, day: int | None, text: str) -> ParsedDate:
    """Validate the parts and build the ISO partial date at the precision they give."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return ParsedDate(None, "unknown", f"impossible date {text!r}")
    if month is None:
        return ParsedDate(f"{year:04d}", "year")
    if day is None:
        return ParsedDate(f"{year:04d}-{month:02d}", "month")
    return ParsedDate(f"{year:04d}-{month:02d}-{day:02d}", "day")


def truncate(parsed: ParsedDate, precision: str) -> ParsedDate:
    """``parsed`` cut to a coarser ``precision`` (a source saying only the month is known)."""
    widths = {"year": 4, "month": 7, "day": 10}
    if parsed.value is None or precision not in widths or widths[precision] >= len(parsed.value):
        return parsed
    return ParsedDate(parsed.value[: widths[precision]], precision, parsed.problem)


def is_implausible(iso: str | None, *, today: dt.date | None = None) -> bool:
    """True for a date before 1800 or after today (at the date's own precision)."""
    if iso is None:
        return False
    today = today or dt.date.today()
    if int(iso[:4]) < EARLIEST_PLAUSIBLE_YEAR:
        return True
    return iso > today.isoformat()[: len(iso)]


# --- dates as intervals of days -----------------------------------------------------------

#: Day 0 of the day numbers ``date_interval`` gives.
EPOCH = dt.date(1970, 1, 1)
_EPOCH_DAY = np.datetime64(EPOCH, "D")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@lru_cache(maxsize=65536)
def _interval(date: str, precision: str) -> tuple[int, int] | None:
    match = _ISO_PREFIX.match(date)
    if not match:
        return None
    year, month, day = match.groups()
    month = month if precision != "year" else None
    day = day if month and precision not in ("month", "year") else None
    try:
        if day and month:
            first = last = np.datetime64(f"{year}-{int(month):02d}-{int(day):02d}", "D")
        elif month:
            first_month = np.datetime64(f"{year}-{int(month):02d}", "M")
            first, last = first_month.astype("datetime64[D]"), (first_month + 1).astype("datetime64[D]") - 1
        else:
            first, last = np.datetime64(f"{year}-01-01", "D"), np.datetime64(f"{year}-12-31", "D")
    except ValueError:
        return None
    return int((first - _EPOCH_DAY).astype(int)), int((last - _EPOCH_DAY).astype(int))


def date_interval(date, precision: str | None = None) -> tuple[int, int] | None:
    """First and last day (days since 1970-01-01) that a partial ISO date can mean, or
    ``None`` when the date is missing or unreadable. ``precision`` (``month`` or ``year``)
    can only widen the interval: ``("2019-03-18", "month")`` is March."""
    import pandas as pd

    if date is None or (not isinstance(date, str) and pd.isna(date)):
        return None
    text = date.isoformat() if hasattr(date, "isoformat") else str(date)
    return _interval(text, str(precision or "day"))


def article_intervals(articles: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Start and end day of every article of an articles table (NaN when undated)."""
    precisions = articles["date_precision"] if "date_precision" in articles else [None] * len(articles)
    spans = [date_interval(d, p) for d, p in zip(articles["date"], precisions)]
    start = np.array([s[0] if s else np.nan for s in spans], dtype=float)
    end = np.array([s[1] if s else np.nan for s in spans], dtype=float)
    return start, end


def day_iso(day: float) -> str | None:
    """The ISO day of a day number (None for NaN)."""
    return None if np.isnan(day) else str(_EPOCH_DAY + np.timedelta64(int(day), "D"))
