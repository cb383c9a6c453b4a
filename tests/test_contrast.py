"""The start-here pick: which event two outlets framed most differently, and why."""
import pytest

from framing.compare.contrast import contrast_differences, event_contrasts, framing_contrast, start_here
from framing.compare.events import group_events
from framing.compare.roles import framing_hits
from framing.corpus.records import Article, Corpus, LoadReport
from framing.measure.pipeline import analyze


def corpus_of(rows):
    articles = tuple(Article(id=i, outlet=o, title=t, date="2020-01-01", date_precision="day", url=None,
                             raw_text=b, body=b, meta={"event_id": e}) for i, o, e, t, b in rows)
    return Corpus(articles, LoadReport(seen=len(rows), loaded=len(rows)))


def test_the_demo_starts_on_the_damascus_meeting_of_18_march_2019(demo_analysis):
    events = group_events(demo_analysis.articles)
    pick = start_here(demo_analysis, events=events)
    assert (pick.outlet_a, pick.outlet_b) == ("The Crystal Eyes", "The Jerusalem Post")
    members = events[events["event_id"] == pick.event_id]["article_id"]
    dates = demo_analysis.articles.set_index("article_id").loc[members, "date"]
    assert "2019-03-18" in set(dates)
    # the reason a teacher reads: The Jerusalem Post quotes officials on legitimacy ("legitimate")
    # where The Crystal Eyes does not (since issue 11 the conflict lexicon's cooperation frame is
    # a topic, so "confrontation" no longer leads), and The Crystal Eyes uses loaded labels in
    # its own voice
    top = pick.differences.iloc[0]
    assert (top["frame"], top["pole"], top["voice"]) == ("legitimacy", "legitimate", "quoted")
    assert top["hits_b"] > top["hits_a"]
    assert ("loaded_label", "author") in set(zip(pick.differences["frame"], pick.differences["voice"]))
    assert pick.differences["difference"].sum() == pytest.approx(pick.contrast)
    # the sentence pairs shown carry framing words in their changes
    assert len(pick.pairs) and all(a or b for a, b in zip(pick.pairs["lexicon_terms_a"], pick.pairs["lexicon_terms_b"]))
    assert any("Threatens" in a for a in pick.pairs["text_a"])


def test_contrast_is_zero_for_the_same_framing_and_shrinks_thin_evidence():
    assert framing_contrast([3, 1, 0], [3, 1, 0]) == 0
    assert framing_contrast([6, 2, 0], [3, 1, 0]) == pytest.approx(0)
    strong = framing_contrast([20, 0], [0, 20])
    thin = framing_contrast([1, 0], [0, 1])
    assert 0.5 < strong < 1 and thin < 0.2
    assert framing_contrast([0, 0], [0, 5]) == 0  # nothing to compare on one side


def test_the_event_whose_outlets_use_opposite_poles_ranks_first():
    same = "Officials said the presence of foreign troops was legitimate and lawful, at the invitation of the government."
    other = "Officials said the presence of foreign troops was an illegal occupation, an invasion without permission."
    corpus = corpus_of([
        ("a1", "North Times", "E1", "Troops stay", same),
        ("b1", "South Post", "E1", "Troops stay", same.replace("Officials", "Ministers")),
        ("a2", "North Times", "E2", "Troops stay", same),
        ("b2", "South Post", "E2", "Troops stay", other),
        ("c3", "North Times", "E3", "Alone", other),
    ])
    analysis = analyze(corpus)
    table = event_contrasts(analysis)
    assert list(table["event_id"]) == ["E2", "E1"]  # E3 has one outlet
    assert table["contrast"].iloc[0] > 0.2 and table["contrast"].iloc[1] == pytest.approx(0)
    diffs = contrast_differences(analysis, "E2", "North Times", "South Post")
    assert set(diffs.head(2)["pole"]) == {"legitimate", "illegitimate"}


def test_no_pick_without_an_event_two_outlets_covered():
    corpus = corpus_of([("a", "One", "E1", "t", "An illegal occupation."), ("b", "Two", "E2", "t", "A legitimate force.")])
    assert start_here(analyze(corpus)) is None


def test_framing_hits_leave_out_topic_words_and_plain_report_verbs(demo_analysis):
    hits = demo_analysis.hits
    kept = framing_hits(hits)
    assert len(kept) and set(kept["role"].astype(str)) == {"framing"}
    assert not kept["lexicon"].astype(str).eq("policy_frames").any()
    said = hits[hits["matched"].astype(str).str.lower().isin(["said", "told", "according to"])]
    assert len(said) and said.index.intersection(kept.index).empty
    assert set(kept["kind"].astype(str)) <= {"frame", "naming"}

