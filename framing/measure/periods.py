"""Time periods of articles (month, ISO week, year), so any score can be followed over time:
the period is one more grouping column (``ScoreSettings.period`` adds it to ``by``) and the
score functions do the rest, intervals included; there is no second implementation.

Partial dates stay honest: an article belongs to a period only when its date is at least as
precise as the period. ``2019-03`` is in March 2019 but in no week; ``2019`` is in the year
2019 only; an undated article is in no period. Articles in no period are left out of
over-time figures (as any article with no value in a ``by`` column is) and counted in the
``PeriodReport``, never guessed into a period.

Labels are ISO text that sorts in time order: a month ``2019-03``, a week the date of its
Monday ``2019-03-11`` (ISO 8601 weeks run Monday to Sunday), a year ``2019``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.errors import SettingsError
from framing.settings import PERIODS

#: The date precisions precise enough for each period length.
PRECISE_ENOUGH = {"month": ("day", "month"), "week": ("day",), "year": ("day", "month", "year")}
#: The grouping column a period adds.
PERIOD_COLUMN = "period"
_LENGTH = {"day": 10, "month": 7, "year": 4}


@dataclass(frozen=True)
class PeriodReport:
    """How many articles a period length places, and why the others are left out."""

    period: str
    placed: int
    undated: int
    too_coarse: int
    n_periods: int
    first: str | None
    last: str | None

    def lines(self) -> list[str]:
        """What a reader of an over-time figure needs to know, one line each."""
        span = f" ({self.n_periods:,} {self.period}s, {self.first} to {self.last})" if self.first else ""
        lines = [f"{self.placed:,} article{'' if self.placed == 1 else 's'} placed in a {self.period}{span}"]
        if self.undated:
            lines.append(f"{self.undated:,} undated article{'' if self.undated == 1 else 's'} left out")
        if self.too_coarse:
            coarse = "only a month or a year" if self.period == "week" else "only a year"
            lines.append(f"{self.too_coarse:,} article{'' if self.too_coarse == 1 else 's'} dated by {coarse} left out "
                         f"(not placed in a {self.period} they may not belong to)")
        return lines


def check_period(period: str | None) -> None:
    if period is not None and period not in PERIODS:
        raise SettingsError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")


def _precision(articles: pd.DataFrame, dates: pd.Series) -> pd.Series:
    """Each article's date precision: the ``date_precision`` column, else read off the ISO text."""
    if "date_precision" in articles.columns:
        return articles["date_precision"].astype(object).fillna("unknown")
    lengths = dates.str.len()
    return pd.Series(np.select([lengths >= 10, lengths >= 7, lengths >= 4], ["day", "month", "year"], "unknown"),
                     index=dates.index, dtype=object).where(dates.notna(), "unknown")


def article_periods(articles: pd.DataFrame, period: str) -> pd.Series:
    """The period label of each article (None when its date is missing or too coarse)."""
    check_period(period)
    if "date" not in articles.columns:
        raise SettingsError("the articles table has no date column: nothing to place in time")
    dates = articles["date"].astype(object).where(articles["date"].notna(), None)
    dates = pd.Series([d if isinstance(d, str) and d else None for d in dates], index=articles.index, dtype=object)
    precise = (_precision(articles, dates).isin(PRECISE_ENOUGH[period]) & dates.notna()).to_numpy(bool)
    width = _LENGTH["month" if period == "month" else "year"]
    label: Callable[[str], str | None] = _monday if period == "week" else (lambda date: date[:width])
    return pd.Series([label(d) if ok else None for d, ok in zip(dates, precise)], index=articles.index, dtype=object)


def _monday(day: str) -> str | None:
    try:
        date = dt.date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def with_periods(articles: pd.DataFrame, period: str) -> tuple[pd.DataFrame, PeriodReport]:
    """The articles table with a ``period`` column, and the report of what it placed."""
    if PERIOD_COLUMN in articles.columns:
        raise SettingsError(f"the articles table already has a column {PERIOD_COLUMN!r}; group by it with by=, "
                            "or rename it to follow scores over time")
    labels = article_periods(articles, period)
    dated = articles["date"].notna().to_numpy(bool)
    placed = labels.notna().to_numpy(bool)
    found = sorted(set(labels.dropna()))
    report = PeriodReport(period, int(placed.sum()), int((~dated).sum()), int((dated & ~placed).sum()),
                          len(found), found[0] if found else None, found[-1] if found else None)
    return articles.assign(**{PERIOD_COLUMN: labels}), report


def period_start(label: str) -> dt.date:
    """The first day of a period label (``2019``, ``2019-03`` or a week's Monday)."""
    parts = [int(p) for p in label.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
