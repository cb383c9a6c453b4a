"""The tables a new analysis needs for some views (events, term counts), computed in a background
process once the page is drawn (``dashboard.background``), are the tables the page would compute
itself; a job that fails is left to the page."""
from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from dashboard import background
from framing.measure.cache import DiskCache
from framing.measure.saved import read_saved_table, save_analysis
from framing.settings import EventSettings, TermSettings
from tests.dashboard_apptest import app, assert_clean, isolate
from tests.many_articles import article_records, write_jsonl


def _never():
    raise AssertionError("the table should have been kept by the background job")


def test_background_jobs_keep_the_tables_the_page_would_compute(demo_analysis, tmp_path):
    folder = save_analysis(demo_analysis, tmp_path / "analysis")
    read = partial(read_saved_table, folder, "articles")
    events_key, terms_key = "e" * 64, "t" * 64
    background.start(tmp_path / "cache", events_key, partial(background.grouped_events, read, EventSettings()))
    background.start(tmp_path / "cache", terms_key, partial(background.counted_terms, read, TermSettings(), 1))
    background.wait(events_key)
    background.wait(terms_key)

    cache = DiskCache(tmp_path / "cache")
    events = cache.table(events_key, _never)
    expected = background.grouped_events(lambda: demo_analysis.articles, EventSettings())
    pd.testing.assert_frame_equal(events, expected)
    assert events["event_id"].nunique() < len(events), "the demo's articles on the same meeting form one event"

    terms = cache.table(terms_key, _never)
    alone = background.counted_terms(lambda: demo_analysis.articles, TermSettings(), 1)
    assert terms.counts.terms.tolist() == alone.counts.terms.tolist() and "withdraw" in alone.counts.terms
    assert (terms.counts.per_article != alone.counts.per_article).nnz == 0
    assert terms.article_ids.tolist() == alone.article_ids.tolist() == demo_analysis.articles["article_id"].tolist()


def test_a_job_already_started_or_kept_is_not_started_again(demo_analysis, tmp_path):
    folder = save_analysis(demo_analysis, tmp_path / "analysis")
    job = partial(background.grouped_events, partial(read_saved_table, folder, "articles"), EventSettings())
    background.start(tmp_path, "k" * 64, job)
    background.start(tmp_path, "k" * 64, job)
    assert background.job_keys().count("k" * 64) == 1
    background.wait("k" * 64)
    DiskCache(tmp_path).table("j" * 64, lambda: "kept")
    background.start(tmp_path, "j" * 64, job)
    assert "j" * 64 not in background.job_keys()


def test_a_failed_job_is_logged_and_left_to_the_page(tmp_path, caplog):
    missing = tmp_path / "no-analysis"
    background.start(tmp_path, "f" * 64, partial(read_saved_table, missing, "articles"))
    with caplog.at_level(logging.WARNING, logger="dashboard.background"):
        background.wait("f" * 64)  # returns: the page then computes the table itself
    assert "failed" in caplog.text and "not a saved analysis" in caplog.text
    assert not DiskCache(tmp_path).has_table("f" * 64)


def test_a_new_analysis_is_kept_on_disk_once_the_page_is_drawn(tmp_path, tmp_path_factory, monkeypatch,
                                                                demo_corpus_path):
    isolate(tmp_path_factory, monkeypatch)
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FRAMING_CORPUS", str(demo_corpus_path))
    assert_clean(app())
    kept = list((tmp_path / "cache" / "analyses").glob("*/analysis.json"))
    assert len(kept) == 1, "the analysis is saved after the first page, so the next start reads it back"
    assert read_saved_table(kept[0].parent, "articles")["outlet"].nunique() == 5


@pytest.fixture
def big_corpus(tmp_path, tmp_path_factory, monkeypatch) -> Path:
    """840 articles (past ``background.MIN_ARTICLES``) opened at start-up, analyses kept in
    ``tmp_path / "cache"``."""
    isolate(tmp_path_factory, monkeypatch)
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    corpus = write_jsonl(tmp_path / "articles.jsonl", article_records(840)[:840], blank_after=None)
    monkeypatch.setenv("FRAMING_CORPUS", str(corpus))
    return tmp_path / "cache"


def test_a_big_corpus_gets_its_events_and_term_counts_in_the_background(big_corpus):
    before = set(background.job_keys())
    at = assert_clean(app())  # the overview needs neither table
    started = set(background.job_keys()) - before
    assert len(started) == 2, "once the page is drawn, the events and the term counts start in the background"
    for key in started:
        background.wait(key)
    cache = DiskCache(big_corpus)
    assert all(cache.has_table(key) for key in started)
    kept = [cache.table(key, _never) for key in started]
    events = next(table for table in kept if isinstance(table, pd.DataFrame))
    assert 1 < events["event_id"].nunique() < len(events) == 840

    at.sidebar.radio(key="view").set_value("events").run()  # read from disk, not grouped again
    assert_clean(at)
    assert at.metric[0].label == "Events" and at.metric[0].value == f"{events['event_id'].nunique():,}"
    at.sidebar.radio(key="view").set_value("terms").run()
    assert_clean(at)
    assert len(set(background.job_keys()) - before) == 2, "nothing more was started"
