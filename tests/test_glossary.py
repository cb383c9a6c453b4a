"""The pupils' glossary of framing devices and its live examples."""
import pytest

from framing.compare.events import with_events
from framing.compare.kwic import concordance
from framing.errors import SettingsError
from framing.present.glossary import device_examples, devices

DEVICES = {"naming", "scare_quotes", "attribution", "hedging", "loaded_words", "passive_no_agent", "euphemism",
           "selection"}


def test_the_eight_devices_of_the_issue_are_explained_for_pupils():
    found = devices()
    assert {d.key for d in found} == DEVICES
    for d in found:
        assert 80 < len(d.explain) < 500, d.key
        assert d.ask.endswith("?") and d.example, d.key


@pytest.fixture(scope="module")
def with_event(demo_analysis):
    return demo_analysis.with_articles(with_events(demo_analysis.articles), label="events")


@pytest.mark.parametrize("key", sorted(DEVICES))
def test_every_device_has_live_examples_in_the_demo(with_event, key):
    table = device_examples(with_event, key, limit=4, event_id="E0003",
                            article_ids=["000_b7b8b75330a77be9", "004_086f720024fdf840"])
    assert 1 <= len(table) <= 4
    assert table["match"].str.len().min() > 0


def test_examples_show_what_the_device_is(with_event):
    quotes = device_examples(with_event, "scare_quotes", limit=10)
    assert set(quotes["voice"]) == {"distanced"} and "destabilizing" in set(quotes["match"])
    passive = device_examples(with_event, "passive_no_agent", limit=10)
    assert "been brought" in set(passive["match"])
    assert not any(" by " in right[:30] for right in passive["right"])
    attribution = device_examples(with_event, "attribution", limit=2)
    assert {"what it calls", "questioned"} & set(attribution["match"])  # doubt markers come first
    # examples are spread over outlets before one outlet gives a second
    naming = device_examples(with_event, "naming", limit=4)
    assert naming["outlet"].nunique() == 4


def test_pattern_concordance_and_unknown_device(demo_analysis):
    rows = concordance(demo_analysis, r"\b(?:was|were)\s+\w+ed\b", kind="pattern")
    assert len(rows) and all(m.lower().startswith("w") for m in rows["match"])
    with pytest.raises(SettingsError, match="not a valid regular expression"):
        concordance(demo_analysis, "(", kind="pattern")
    with pytest.raises(SettingsError, match="no framing device"):
        device_examples(demo_analysis, "spin")
