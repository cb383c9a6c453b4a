"""The dashboard when the corpus changes under it (issue 10): the filters follow the new
corpus's range, a hostile upload or a failing corpus becomes a message and the session goes
on, and the sidebar shows the source the dashboard was started on."""
from __future__ import annotations

from pathlib import Path

import pytest
from dashboard_apptest import app, assert_clean, isolated_cache  # noqa: F401  (an autouse fixture)
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "dashboard" / "app.py"
FILTERED_VIEWS = ("overview", "actors", "naming", "terms", "export")
LATER = ("outlet,title,date,text\n"
         "A,One,2023-05-02,The occupation must end now say officials in the capital.\n"
         "B,Two,2023-05-03,The invited forces bring stability say officials at the border.\n"
         "C,Three,2023-06-04,Terrorists threaten the region say officials in the north.\n")


def load_path(at: AppTest, path: Path) -> AppTest:
    at.sidebar.radio(key="source_kind").set_value("path").run()
    at.sidebar.text_input(key="corpus_path").input(str(path)).run()
    return at.sidebar.button(key="load_path").click().run()


@pytest.mark.parametrize("view", FILTERED_VIEWS)
def test_a_corpus_dated_outside_the_demo_range_opens_in_every_filtered_view(tmp_path, view):
    """Issue 10: StreamlitValueBelowMinError from the date filter until a browser reload."""
    later = tmp_path / "later.csv"
    later.write_text(LATER, encoding="utf-8")
    at = app(view=view)
    assert_clean(at)
    assert at.date_input(key="date_range").value == (parse("2018-02-01"), parse("2019-03-31"))
    at = load_path(at, later)
    assert_clean(at)
    assert at.date_input(key="date_range").value == (parse("2023-05-02"), parse("2023-06-04"))


def test_a_narrowed_date_range_is_reset_by_a_new_corpus(tmp_path):
    later = tmp_path / "later.csv"
    later.write_text(LATER, encoding="utf-8")
    at = app(view="overview")
    at.date_input(key="date_range").set_value((parse("2019-03-01"), parse("2019-03-31"))).run()
    assert_clean(at)
    at = load_path(at, later)
    assert_clean(at)
    assert at.date_input(key="date_range").value == (parse("2023-05-02"), parse("2023-06-04"))


def parse(day: str):
    import datetime as dt

    return dt.date.fromisoformat(day)


def test_an_unexpected_failure_to_open_a_corpus_is_a_message_and_the_session_goes_on(tmp_path, monkeypatch):
    import dashboard.data

    def broken(path, *args, **options):
        raise RuntimeError("the disk said no\nat length")

    later = tmp_path / "broken.csv"
    later.write_text(LATER, encoding="utf-8")
    monkeypatch.setattr(dashboard.data, "analyze_path", broken)  # the cold analysis reads the corpus itself
    at = load_path(app(view="corpus"), later)
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert error.startswith(f"Could not open {later}: unexpected RuntimeError: the disk said no at length.")
    monkeypatch.undo()
    at.sidebar.radio(key="source_kind").set_value("bundled").run()
    at = at.sidebar.button(key="open_bundled").click().run()
    assert_clean(at)
    assert at.metric[0].value == "5"


def test_a_refused_path_keeps_the_corpus_and_says_why(tmp_path):
    at = load_path(app(view="corpus"), Path("/etc/passwd"))
    assert not at.exception
    assert any("outside the folder this dashboard may read" in e.value for e in at.sidebar.error)
    assert at.metric[0].value == "5", "the demo corpus is still open"


def test_a_dashboard_started_on_a_path_shows_that_source_selected(tmp_path, monkeypatch):
    """Issue 10: a dashboard started on a path showed "Bundled demo corpus" selected."""
    later = tmp_path / "later.csv"
    later.write_text(LATER, encoding="utf-8")
    monkeypatch.setenv("FRAMING_CORPUS", str(later))
    at = app(view="corpus")
    assert_clean(at)
    assert at.sidebar.radio(key="source_kind").value == "path"
    assert at.sidebar.text_input(key="corpus_path").value == str(later)
    assert at.metric[0].value == "3"
