"""Coverage by group and the blindspot list (framing.compare.coverage)."""
import pandas as pd
import pytest
from conftest import FIXTURES

from framing.cli import main
from framing.compare.coverage import event_blindspots, event_table, group_coverage
from framing.corpus.load import load_corpus
from framing.errors import SettingsError
from framing.measure.tables import corpus_frame

SIDES = FIXTURES / "sides" / "articles.jsonl"


def hand_articles():
    rows = [  # event, outlet, side
        ("E1", "A", "left"), ("E1", "B", "center"), ("E1", "C", "right"),  # every side
        ("E2", "A", "left"), ("E2", "D", "left"), ("E2", "B", "center"),  # right missing
        ("E3", "C", "right"), ("E3", "E", "right"), ("E3", "F", "right"), ("E3", "A", "left"),  # mostly right
        ("E4", "A", "left"), ("E4", "D", "left"),  # only left
        ("E5", "C", "right"),  # one article: too few to call
        ("E6", "B", "center"), ("E6", "G", None),  # an outlet without a side
        (None, "A", "left"),  # no event
    ]
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(rows))], "event_id": [r[0] for r in rows],
                         "outlet": [r[1] for r in rows], "side": [r[2] for r in rows]})


def test_group_coverage_keeps_the_outlets_inside_each_group():
    table = group_coverage(hand_articles(), "side")
    e3 = table[table["event_id"] == "E3"].set_index("group")
    assert e3.loc["right", "n_articles"] == 3 and e3.loc["right", "outlets"] == ("C", "E", "F")
    assert e3.loc["left", "outlets"] == ("A",)
    assert set(table["event_id"]) == {"E1", "E2", "E3", "E4", "E5", "E6"}  # no event: left out


def test_blindspots_kinds_and_order():
    spots = event_blindspots(hand_articles(), "side").set_index("event_id")
    assert list(spots.index) == ["E4", "E3", "E2", "E1", "E6", "E5"]
    assert spots.loc["E4", "kind"] == "only" and spots.loc["E4", "top_group"] == "left"
    assert spots.loc["E3", "kind"] == "mostly" and spots.loc["E3", "top_share"] == 0.75
    assert spots.loc["E3", "counts"] == (("left", 1), ("right", 3))
    assert spots.loc["E2", "kind"] == "missing" and spots.loc["E2", "missing"] == ("right",)
    assert spots.loc["E1", "kind"] == "" and spots.loc["E1", "missing"] == ()
    assert spots.loc["E5", "kind"] == "" and spots.loc["E5", "n_articles"] == 1  # one article says nothing
    assert spots.loc["E6", "n_ungrouped"] == 1 and spots.loc["E6", "n_outlets"] == 2
    # the top group's share of all grouped event articles: what it would have without a lean
    assert spots.loc["E3", "expected_share"] == pytest.approx(5 / 14)
    stricter = event_blindspots(hand_articles(), "side", min_share=0.8, min_articles=3).set_index("event_id")
    assert stricter.loc["E3", "kind"] == "missing" and stricter.loc["E4", "kind"] == ""


def test_blindspots_refuse_bad_settings_and_too_many_groups():
    with pytest.raises(SettingsError, match="min_share must be in"):
        event_blindspots(hand_articles(), "side", min_share=0)
    many = pd.DataFrame({"article_id": [f"a{i}" for i in range(70)], "event_id": "E1",
                         "outlet": [f"o{i}" for i in range(70)]})
    with pytest.raises(SettingsError, match="'outlet' has 70 values"):
        event_blindspots(many, "outlet")


def test_blindspots_of_the_sides_fixture():
    articles = corpus_frame(load_corpus(SIDES), exact_sentences=False)
    spots = event_blindspots(articles, "allsides_side")
    assert len(spots) == 100 and set(spots["top_group"]) == {"left", "center", "right"}
    kinds = spots["kind"].value_counts()
    assert kinds["only"] == 7 and kinds["mostly"] == 6 and kinds["missing"] == 19
    assert spots.iloc[0]["kind"] == "only"


def test_cli_blindspots_and_group_coverage(capsys):
    assert main(["events", str(SIDES), "--blindspots"]) == 2
    assert "--blindspots compares groups: name the column with --by" in capsys.readouterr().err
    assert main(["events", str(SIDES), "--by", "allsides_side", "--blindspots"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("S004  only center") and "2 articles from 2 outlets: center 2" in lines[0]
    assert any("mostly right (75%)" in line for line in lines)
    assert main(["events", str(SIDES), "--by", "allsides_side", "--coverage", "--format", "csv"]) == 0
    table = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out))
    assert list(table.columns) == ["event_id", "group", "n_articles", "n_outlets", "outlets"]
    assert set(table["group"]) == {"left", "center", "right"}


def test_event_table_lists_every_event_for_searching():
    articles = hand_articles().assign(
        title=[f"headline {i}" for i in range(16)],
        date=["2021-05-02", "2021-05-01", None, "2021-06", "2021-06-03", None, None, None, "2021-07-01",
              None, None, None, None, None, None, None])
    table = event_table(articles, by="side").set_index("event_id")
    assert list(table.index) == ["E3", "E1", "E2", "E4", "E6", "E5"]
    assert table.loc["E1", "title"] == "headline 1"  # its earliest article's headline
    assert (table.loc["E1", "start"], table.loc["E1", "end"]) == ("2021-05-01", "2021-05-02")
    assert table.loc["E2", "start"] == "2021-06" and table.loc["E4", "start"] is None
    assert table.loc["E3", "outlets"] == "A, C, E, F" and table.loc["E3", "groups"] == "left 1 · right 3"
    assert table.loc["E6", "groups"] == "center 1" and table.loc["E6", "n_outlets"] == 2
    assert "groups" not in event_table(articles).columns


def test_event_table_of_the_sides_fixture_names_all_100_events():
    articles = corpus_frame(load_corpus(SIDES), exact_sentences=False)
    table = event_table(articles, by="allsides_side")
    assert len(table) == 100 and table["event_id"].is_unique
    assert table["title"].str.len().min() > 10
