"""The researcher's views through AppTest: Compare by (a metadata column, or one of an outlet
table), framing over time, coverage by group, the searchable events list and omissions, on
the demo corpus and on a small fixture with three sides and four months."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from dashboard_apptest import app, assert_clean, isolate
from streamlit.testing.v1 import AppTest

SIDES = Path(__file__).resolve().parent / "fixtures" / "three_sides"


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    isolate(tmp_path_factory, monkeypatch, data_root=SIDES)


@pytest.fixture
def sides(monkeypatch):
    monkeypatch.setenv("FRAMING_CORPUS", str(SIDES / "articles.csv"))


clean = assert_clean


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


#: Each table of these views, known by a column only it has.
TABLES = {"blindspot_table": "expected_share", "events_table": "outlet names", "omission_table": "closest similarity"}


def table(at: AppTest, name: str):
    return next(d.value for d in at.dataframe if TABLES[name] in d.value.columns)


def captions(at: AppTest) -> list[str]:
    return [c.value.replace("\\", "") for c in at.main.caption]


def test_compare_by_a_side_column_draws_three_groups_in_order_with_their_outlets(sides):
    at = clean(app(by="allsides_side"))
    assert at.sidebar.selectbox(key="by").value == "allsides_side"
    assert "allsides_side" in at.sidebar.selectbox(key="by").options
    heat, balance = specs(at)[:2]
    assert list(heat["data"][0]["y"]) == ["left", "center", "right"]  # leanings in political order
    hover = " ".join(c[7] for c in heat["data"][2]["customdata"])
    assert "Frontier Herald" in hover and "Left Ledger" in hover
    assert {y for t in balance["data"] for y in t.get("y", [])} <= {"left", "center", "right"}
    assert at.query_params["by"] == ["allsides_side"] or at.query_params["by"] == "allsides_side"


def test_every_view_honours_compare_by(sides):
    for view in ("overview", "actors", "naming", "terms", "events", "time", "coverage", "side-by-side", "export"):
        at = clean(app(by="allsides_side", view=view))
        drawn = json.dumps(specs(at))
        if view in ("overview", "actors", "time", "coverage"):
            assert all(side in drawn for side in ('"left', '"center', '"right')), view


def test_over_time_draws_a_line_per_side_per_month_with_intervals(sides):
    at = clean(app(by="allsides_side", view="time"))
    fig = specs(at)[0]
    series = {t["legendgroup"] for t in fig["data"] if t.get("legendgroup")}
    assert series == {"left", "center", "right"}
    assert any("error_y" in t for t in fig["data"])
    assert any("27 articles placed in a month (4 months, 2019-01 to 2019-04)" in c for c in captions(at))
    # by outlet: six lines
    at = clean(app(view="time", period="month"))
    assert len({t["legendgroup"] for t in specs(at)[0]["data"] if t.get("legendgroup")}) == 6


def test_over_time_on_the_demo_says_what_it_leaves_out():
    at = clean(app(view="time"))
    assert specs(at)
    assert any("undated" in c for c in captions(at))


def test_coverage_by_group_lists_the_event_only_the_right_covered(sides):
    at = clean(app(by="allsides_side", view="coverage"))
    spots = table(at, "blindspot_table")
    row = spots.set_index("event_id").loc["EV03"]
    assert row["kind"] == "only" and row["top_group"] == "right"
    assert set(spots["event_id"]) == {f"EV0{i}" for i in range(1, 8)}
    assert len(specs(at)) == 2


def test_coverage_by_group_without_a_grouping_says_how_to_pick_one():
    at = clean(app(view="coverage"))
    assert any("Compare by" in i.value for i in at.info)


def test_events_view_lists_every_event_searchable_with_omissions(sides):
    at = clean(app(view="events"))
    assert len(table(at, "events_table")) == 7
    at.text_input(key="event_search").set_value("Raqqa").run()
    clean(at)
    assert table(at, "events_table")["event_id"].tolist() == ["EV03"]
    assert len(table(at, "omission_table").columns) == 5
    assert any("same fact" in c and "0.4" in c for c in captions(at))


def test_events_view_on_the_demo_shows_omissions_beside_pairs():
    at = clean(app(view="events"))
    assert table(at, "events_table") is not None
    omitted = table(at, "omission_table")
    assert "sentence" in omitted.columns and "closest similarity" in omitted.columns


def test_an_outlet_table_under_the_data_root_adds_its_columns_to_compare_by(sides):
    at = clean(app())
    at.sidebar.radio(key="outlet_kind").set_value("path").run()
    at.sidebar.text_input(key="outlet_path").set_value(str(SIDES / "outlets.csv")).run()
    clean(at)
    assert "country" in at.sidebar.selectbox(key="by").options
    at.sidebar.selectbox(key="by").select("country").run()
    clean(at)
    assert list(specs(at)[0]["data"][0]["y"]) == ["UK", "US"]


def test_side_by_side_opens_on_one_events_articles(sides):
    at = clean(app(view="side-by-side"))
    assert at.radio(key="side_mode").value == "event"
