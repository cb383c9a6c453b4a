"""Partial ISO dates as intervals of days (``framing.corpus.dates.date_interval``); reading dates
from sources (``parse_date``) is tested with the loader in test_load.py."""
import numpy as np
import pytest

from framing.corpus.dates import date_interval


@pytest.mark.parametrize("date, precision, first, last", [
    ("2019-03-18", "day", "2019-03-18", "2019-03-18"),
    ("2019-03", "month", "2019-03-01", "2019-03-31"),
    ("2020-02", None, "2020-02-01", "2020-02-29"),
    ("2019", "year", "2019-01-01", "2019-12-31"),
    ("2019-03-18", "month", "2019-03-01", "2019-03-31"),  # precision widens, never narrows
    ("2019-03-18T09:30:00", "day", "2019-03-18", "2019-03-18"),
])
def test_date_interval(date, precision, first, last):
    start, end = date_interval(date, precision)
    epoch = np.datetime64("1970-01-01")
    assert (str(epoch + start), str(epoch + end)) == (first, last)


@pytest.mark.parametrize("date", [None, float("nan"), "", "someday", "2019-13", "2019-02-30"])
def test_date_interval_unknown(date):
    assert date_interval(date, "day") is None
