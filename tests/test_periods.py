"""Scores over time: the period column (framing.measure.periods) grouped like any other."""
import numpy as np
import pandas as pd
import pytest
from conftest import FIXTURES

from framing.cli import main
from framing.corpus.load import load_corpus
from framing.errors import SettingsError
from framing.measure.periods import article_periods, period_start, with_periods
from framing.measure.pipeline import analyze
from framing.measure.score import axis_balance, frame_rates
from framing.settings import BootstrapSettings, ScoreSettings, reproduce_flags

SIDES = FIXTURES / "sides" / "articles.jsonl"
DATES = pd.DataFrame({
    "article_id": list("abcdef"),
    "date": ["2019-03-18", "2019-03", "2019", None, "2019-03-24", "2019-12-30"],
    "date_precision": ["day", "month", "year", "unknown", "day", "day"]})


@pytest.fixture(scope="module")
def sides():
    return analyze(load_corpus(SIDES))


def test_partial_dates_belong_only_to_periods_they_fit():
    assert list(article_periods(DATES, "month")) == ["2019-03", "2019-03", None, None, "2019-03", "2019-12"]
    # ISO weeks start on Monday: the 18th is a Monday, the 24th a Sunday of the same week;
    # 30 December 2019 starts ISO week 1 of 2020 (labelled by its Monday)
    assert list(article_periods(DATES, "week")) == ["2019-03-18", None, None, None, "2019-03-18", "2019-12-30"]
    assert list(article_periods(DATES, "year")) == ["2019", "2019", "2019", None, "2019", "2019"]
    # without a date_precision column the precision is read off the ISO text
    assert list(article_periods(DATES.drop(columns="date_precision"), "month"))[:3] == ["2019-03", "2019-03", None]
    assert period_start("2019-03").isoformat() == "2019-03-01" and period_start("2019-03-18").day == 18


def test_the_report_counts_what_is_left_out():
    _, report = with_periods(DATES, "week")
    assert (report.placed, report.undated, report.too_coarse, report.n_periods) == (3, 1, 2, 2)
    lines = report.lines()
    assert lines[0] == "3 articles placed in a week (2 weeks, 2019-03-18 to 2019-12-30)"
    assert "1 undated article left out" in lines
    assert "2 articles dated by only a month or a year left out (not placed in a week they may not belong to)" in lines
    with pytest.raises(SettingsError, match="period must be one of month, week, year"):
        article_periods(DATES, "day")
    with pytest.raises(SettingsError, match="already has a column 'period'"):
        with_periods(DATES.assign(period="x"), "month")


def test_rates_per_month_are_the_score_of_each_month_s_articles(sides):
    settings = ScoreSettings(by="allsides_side", period="month", frames=("threat",),
                             bootstrap=BootstrapSettings(n_boot=100))
    rates = frame_rates(sides, settings)
    assert list(rates.columns[:3]) == ["group", "allsides_side", "period"]
    assert rates["group"].iloc[0] == "center / 2021-04"
    months = sorted(rates["period"].unique())
    assert months == ["2021-04", "2021-05", "2021-06", "2021-07", "2021-08", "2021-09", "2021-10"]
    # each row's hits and words are those of the articles of that side placed in that month
    placed, _ = with_periods(sides.articles, "month")
    row = rates[(rates["group"] == "left / 2021-06") & (rates["pole"] == "threat")].iloc[0]
    chosen = placed[(placed["allsides_side"] == "left") & (placed["period"] == "2021-06")]
    hits = sides.hits[sides.hits["article_id"].isin(chosen["article_id"]) & (sides.hits["pole"] == "threat")
                      & ~sides.hits["negated"]]
    assert row["words"] == chosen["n_words"].sum() and row["hits"] == hits["weight"].sum()
    assert row["n_articles"] == len(chosen) and row["ci_low"] <= row["rate"] <= row["ci_high"]
    # undated and month-only articles are in no week
    weekly = frame_rates(sides, ScoreSettings(by="outlet", period="week", frames=("threat",),
                                              bootstrap=BootstrapSettings(n_boot=20)))
    per_week = weekly.drop_duplicates("group")["n_articles"].sum()
    assert per_week == with_periods(sides.articles, "week")[1].placed < len(sides.articles)
    balance = axis_balance(sides, ScoreSettings(by="allsides_side", period="month", frames=("threat",),
                                                bootstrap=BootstrapSettings(n_boot=50)))
    assert np.isclose(balance.loc[balance["group"] == "right / 2021-06", "balance"].iloc[0], -1.0)
    assert reproduce_flags(settings)[-2:] == ["--period", "month"]


def test_cli_period(capsys):
    code = main(["score", str(SIDES), "--by", "allsides_side", "--period", "month", "--frame", "threat",
                 "--boot", "50", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0 and out.splitlines()[0].startswith("group,allsides_side,period,")
    assert "framing: 272 articles placed in a month (7 months, 2021-04 to 2021-10)" in err
    assert "framing: 8 undated articles left out" in err
