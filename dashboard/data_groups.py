"""The dashboard's cached calls for grouped, event and over-time views: frame rates per period, the events list, coverage by
group and blindspots, omissions, the outlets inside each group, and an outlet table joined
onto the analysis. Same rules as ``dashboard.data`` (``st.cache_resource``, nothing returned
is modified in place)."""
from __future__ import annotations

import pandas as pd

from dashboard.data import _cached, _stored, articles_with_events, filtered, score, score_settings
from dashboard.filters import ArticleFilter
from framing.measure.analysis import Analysis


@_cached(max_entries=8, show_spinner=False)
def event_list(analysis: Analysis, by: str | None = None) -> pd.DataFrame:
    """One row per event, for search and sort (``framing.compare.coverage.event_table``)."""
    from framing.compare.coverage import event_table

    return event_table(articles_with_events(analysis), by=by)


@_cached(max_entries=8, show_spinner="Finding blindspots…")
def blindspots(analysis: Analysis, by: str) -> pd.DataFrame:
    """How each event's coverage splits between the groups of ``by`` (``event_blindspots``)."""
    from framing.compare.coverage import event_blindspots

    return event_blindspots(articles_with_events(analysis), by)


@_cached(max_entries=8, show_spinner=False)
def group_coverage_table(analysis: Analysis, by: str) -> pd.DataFrame:
    """Which group covered which event, with its outlets (``group_coverage``)."""
    from framing.compare.coverage import group_coverage

    return group_coverage(articles_with_events(analysis), by)


@_cached(max_entries=16, show_spinner="Finding sentences with no counterpart…")
def omissions(analysis: Analysis, event: str) -> pd.DataFrame:
    """Sentences of each outlet of one event with no counterpart in the others (``event_omissions``)."""
    from framing.compare.align import event_omissions

    with_events_ = analysis.with_articles(articles_with_events(analysis), label="events")
    return _stored(analysis, "event_omissions", event, compute=lambda: event_omissions(with_events_, event))


@_cached(max_entries=8, show_spinner=False)
def members(analysis: Analysis, by: str) -> pd.DataFrame:
    """The outlets inside each group of ``by`` (``framing.corpus.outlets.group_outlets``)."""
    from framing.corpus.outlets import group_outlets

    return group_outlets(analysis.articles, by)


@_cached(max_entries=4, show_spinner=False)
def with_outlet_table(analysis: Analysis, table_path: str, digest: str):
    """The analysis with the outlet table's columns joined onto its articles, and the join's
    report lines (``framing.corpus.outlets.join_outlet_table``); ``digest`` keys the cache."""
    from framing.corpus.outlets import join_outlet_table, read_outlet_table

    join = join_outlet_table(analysis.articles, read_outlet_table(table_path))
    return analysis.with_articles(join.articles, label=f"outlets:{digest[:16]}"), tuple(join.report_lines())


@_cached(max_entries=16, show_spinner="Scoring every period…")
def period_scores(analysis: Analysis, flt: ArticleFilter, *, by: str, period: str) -> pd.DataFrame:
    """Frame rates per group and ``period`` (month, week, year) with intervals
    (``ScoreSettings.period``, ``framing.measure.periods``)."""
    settings = score_settings(by=by, period=period)
    return _stored(analysis, "frame_rates", flt, settings,
                   compute=lambda: score.frame_rates(filtered(analysis, flt), settings))


@_cached(max_entries=16, show_spinner=False)
def period_report(analysis: Analysis, flt: ArticleFilter, period: str):
    """What a period length places and leaves out (``periods.with_periods``)."""
    from framing.measure.periods import with_periods

    return with_periods(filtered(analysis, flt).articles[["date", "date_precision"]], period)[1]
