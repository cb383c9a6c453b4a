"""Grouping outlets by a metadata column: which columns can group, and the outlets inside
each group (so they stay visible when sides are compared)."""
from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus.outlets import group_outlets, grouping_columns, members_text
from framing.errors import SettingsError


def articles() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": list("abcdef"), "outlet": ["Fox", "Fox", "CNN", "Reuters", "AP", "Blog"],
        "title": list("ABCDEF"), "n_words": [100] * 6,
        "allsides_side": ["right", "right", "left", "center", "center", None],
        "topic": ["Economy"] * 6, "url": [f"http://x/{i}" for i in range(6)]})


def test_grouping_columns_are_text_columns_with_a_few_values():
    # topic has one value only; url is an id-like column never offered
    assert grouping_columns(articles()) == ["allsides_side"]
    assert grouping_columns(articles(), max_values=2) == []


def test_group_outlets_lists_each_groups_outlets_and_leaves_out_ungrouped():
    table = group_outlets(articles(), "allsides_side")
    assert table.to_dict("records") == [
        {"group": "center", "outlet": "AP", "n_articles": 1}, {"group": "center", "outlet": "Reuters", "n_articles": 1},
        {"group": "left", "outlet": "CNN", "n_articles": 1}, {"group": "right", "outlet": "Fox", "n_articles": 2}]
    assert members_text(table, limit=1) == {"center": "AP (1) and 1 more", "left": "CNN (1)", "right": "Fox (2)"}
    with pytest.raises(SettingsError, match="no such column"):
        group_outlets(articles(), "country")


def test_search_events_matches_every_word_in_title_or_outlets():
    from framing.compare.coverage import search_events

    table = pd.DataFrame({"event_id": ["E1", "E2", "E3"], "title": ["Fed raises rates", "Storm hits Texas", "Fed chair"],
                          "outlets": ["CNN, Fox", "AP", "Reuters"]})
    assert search_events(table, "fed fox")["event_id"].tolist() == ["E1"]
    assert search_events(table, "FED")["event_id"].tolist() == ["E1", "E3"]
    assert len(search_events(table, "  ")) == 3
