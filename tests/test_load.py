"""Loading: every corpus form, every bad input, and the report that accounts for each item."""
import pytest

from framing.errors import CorpusError
from framing.load import corpus_frame, load_corpus, report_lines

from conftest import DEMO_CORPUS, FIXTURES

CORPUS_FIXTURES = FIXTURES / "corpus"


def assert_balanced(corpus):
    report = corpus.report
    assert report.loaded + len(report.skipped) == report.seen
    assert report.loaded == len(corpus.articles)


# --- the demo corpus: folder + manifest -------------------------------------------------------
def test_demo_corpus_loads_cleaned_articles(demo_corpus):
    assert_balanced(demo_corpus)
    assert demo_corpus.report.seen == 5 and demo_corpus.report.skipped == []
    by_outlet = {a.outlet: a for a in demo_corpus}
    assert set(by_outlet) == {"The Crystal Eyes", "Al-Monitor", "SouthFront", "Intellectual Observer", "The Jerusalem Post"}
    southfront = by_outlet["SouthFront"]
    assert "Consider helping us" not in southfront.body and "Trump´s day" not in southfront.body
    assert "Consider helping us" in southfront.raw_text
    assert {seg.reason for seg in southfront.removed} == {"donation", "duplicate-headline", "comments"}
    assert southfront.id == "002_63e0d81dc0e8eb47" and southfront.source.endswith("002_63e0d81dc0e8eb47.txt")


def test_demo_corpus_dates_keep_their_precision(demo_corpus):
    dates = {a.outlet: (a.date, a.date_precision) for a in demo_corpus}
    assert dates["The Jerusalem Post"] == ("2019-03-18", "day")
    assert dates["The Crystal Eyes"] == ("2019-03", "month")
    assert dates["Intellectual Observer"] == (None, "unknown")
    assert any(note.startswith("no date: 1") for note in demo_corpus.report.notes)


def test_demo_corpus_keeps_extra_manifest_columns(demo_corpus):
    jpost = next(a for a in demo_corpus if a.outlet == "The Jerusalem Post")
    assert jpost.meta["domain"] == "jpost.com"
    assert jpost.url.startswith("https://www.jpost.com/")
    assert jpost.title == "Iraq-Syria-Iran hold 'tripartite' meeting against U.S. in Syria"


def test_load_without_cleaning_keeps_raw_text():
    corpus = load_corpus(DEMO_CORPUS, clean=False)
    assert all(a.body == a.raw_text and a.removed == () for a in corpus)


def test_corpus_frame_columns(demo_corpus):
    frame = corpus_frame(demo_corpus)
    assert list(frame.columns[:10]) == ["article_id", "outlet", "title", "date", "date_precision", "url",
                                        "n_words", "n_sentences", "body", "event_id"]
    assert {"file", "domain"} <= set(frame.columns)
    row = frame.set_index("article_id").loc["004_086f720024fdf840"]
    assert row["n_words"] > 350 and row["n_sentences"] > 15
    assert row["event_id"] is None
    assert frame["n_words"].dtype == "int64"
