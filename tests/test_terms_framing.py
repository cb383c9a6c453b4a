"""Distinctive terms that are about framing: no self-reference, no house style in the default
lists, and the within-event comparison computed by hand."""
import math

import numpy as np
import pandas as pd
import pytest

from framing.errors import SettingsError
from framing.measure.house_style import style_labels
from framing.measure.self_reference import SelfReference, host_name, outlet_names
from framing.measure.terms import build_term_matrix, distinctive_terms
from framing.settings import TermSettings

UNIGRAMS = dict(ngram_range=(1, 1), min_count=1, stop_words="none")


@pytest.mark.parametrize(("outlet", "expected"), [
    ("Fox Online News", {"fox online news", "fox news", "fox"}),
    ("CNN (Web News)", {"cnn"}),
    ("New York Times - News", {"new york times", "nyt", "the times"}),
    ("The Hill", {"the hill"}),
    ("HuffPost", {"huffpost"}),
])
def test_outlet_names_and_short_forms(outlet, expected):
    assert set(outlet_names(outlet)) == expected


def test_host_names_of_addresses():
    assert host_name("https://www.foxnews.com/politics/x") == "foxnews"
    assert host_name("http://www1.cbn.com/cbnnews") == "cbn"
    assert host_name("http://thehill.com/homenews") == "thehill"
    assert host_name(None) is None and host_name("not a url") is None


def test_what_self_reference_removes_and_why():
    text = ("By Jane Doe and John Roe, CNN\n"
            "WASHINGTON (CNN) — The senator told CNN's Jake Tapper that Fox News was wrong, as foxnews.com said (AP).\n"
            "michael barbaro\nHello.\nmichael barbaro\nOk.\nmichael barbaro\n"
            "The Associated Press contributed to this report.")
    finder = SelfReference(["CNN (Web News)", "Fox News"])
    removed = [(r.reason, text[r.start:r.end]) for r in finder.find(text, "CNN (Web News)", "https://www.cnn.com/a")]
    assert ("byline", "By Jane Doe and John Roe, CNN") in removed
    assert ("dateline", "WASHINGTON (CNN) — ") in removed
    assert ("outlet name", "CNN's") in removed
    assert ("wire tag", "(AP)") in removed
    assert ("transcript label", "michael barbaro") in removed
    assert ("credit", "The Associated Press contributed to this report.") in removed
    footer = ("Content created by The Daily Caller News Foundation is available without charge to any eligible "
              "news publisher. For licensing opportunities of our original content, please contact us.")
    assert [r.reason for r in finder.find(f"Text.\n{footer}", "The Daily Caller", None)] == ["credit"]
    # another outlet named in the text is not self-reference
    assert not any("Fox" in part for _, part in removed)


def test_transcript_hosts_and_stage_directions():
    text = ("(SOUNDBITE OF ARCHIVED RECORDING)\nAMY GOODMAN: Welcome. I'm Amy Goodman.\nGUEST: Thanks.\n"
            "AMY GOODMAN: And?\nAMY GOODMAN: Bye.")
    removed = [(r.reason, text[r.start:r.end]) for r in SelfReference().find(text, "Democracy Now", None)]
    assert ("transcript label", "(SOUNDBITE OF ARCHIVED RECORDING)") in removed
    assert ("transcript label", "AMY GOODMAN: ") in removed and ("host name", "Amy Goodman") in removed


def told_corpus():
    """Two outlets covering the same stories, each naming itself as it attributes quotes."""
    rows = []
    for k in range(12):
        rows.append({"article_id": f"f{k}", "outlet": "Fox News", "url": f"https://www.foxnews.com/p/{k}",
                     "body": f"The senator told Fox News the border bill {k} was dead. Mr. Smith told Fox News so. "
                             f"Illegal aliens crossed, Fox News reported."})
        rows.append({"article_id": f"h{k}", "outlet": "HuffPost", "url": f"https://www.huffpost.com/e/{k}",
                     "body": f"The senator told HuffPost the border bill {k} was dead. Smith told HuffPost so. "
                             f"Undocumented immigrants crossed, HuffPost reported."})
    return pd.DataFrame(rows)


def test_told_fox_and_told_huffpost_never_reach_the_default_lists():
    articles = told_corpus()
    listed = set(distinctive_terms(articles, TermSettings(min_count=2))["term"])
    assert {"aliens", "illegal aliens", "undocumented", "undocumented immigrants"} <= listed
    banned = {"fox", "fox news", "told fox", "news reported", "huffpost", "told huffpost", "huffpost reported", "mr"}
    assert not banned & listed
    # kept on request, and flagged for what they are
    kept = distinctive_terms(articles, TermSettings(min_count=2, keep_self_reference=True, keep_style=True))
    assert {"told fox", "told huffpost", "fox news"} <= set(kept["term"])
    assert kept.set_index(["group", "term"]).loc[("Fox News", "mr"), "style"] == "honorific"


def test_demo_outlets_never_name_themselves_in_the_default_lists(demo_analysis):
    articles = demo_analysis.articles.copy()
    articles["body"] = [f"{body}\n{outlet} reported this. Officials told {outlet}. {outlet}'s sources agree."
                        for body, outlet in zip(articles["body"], articles["outlet"])]
    table = distinctive_terms(articles, TermSettings(min_count=2, top=40))
    names = {name for outlet in articles["outlet"] for name in outlet_names(outlet)}
    for term in table["term"]:
        assert not any(name in term for name in names), term
    with_names = distinctive_terms(articles, TermSettings(min_count=2, top=40, keep_self_reference=True))
    assert any("southfront" in term for term in with_names["term"])


def test_house_style_kinds():
    terms = ["mr", "said mr", "president donald", "donald trump", "president trump", "donald", "trump",
             "r-texas", "it's", "don't", "iran's", "u.s", "percent", "written statement", "update", "regime"]
    counts = [50, 10, 30, 100, 80, 110, 300, 5, 9, 9, 9, 9, 9, 9, 9, 9]
    kinds = dict(zip(terms, style_labels(terms, counts)))
    assert kinds["mr"] == kinds["said mr"] == "honorific"
    assert kinds["president donald"] == "title form"
    assert kinds["president trump"] == "" and kinds["donald trump"] == ""  # a surname follows many words
    assert kinds["r-texas"] == "party-state"
    assert kinds["it's"] == kinds["don't"] == "contraction" and kinds["iran's"] == ""
    assert kinds["u.s"] == kinds["percent"] == "spelling"
    assert kinds["written statement"] == "attribution" and kinds["update"] == "furniture"
    assert kinds["regime"] == ""
    more = dict(zip(["f.b.i", "sen", "associated press", "associated", "licensing@dailycaller.org", "regime"],
                    style_labels(["f.b.i", "sen", "associated press", "associated", "licensing@dailycaller.org", "regime"])))
    assert more == {"f.b.i": "spelling", "sen": "spelling", "associated press": "attribution", "associated": "",
                    "licensing@dailycaller.org": "furniture", "regime": ""}


# Within events, unigrams, no stop words, min_count 1, every article 2 words:
#   E1: A "regime attack"   B "government attack"
#   E2: A "regime regime"   B "regime government"
#   E3: A "tariff tariff"   (B did not cover E3)
# A vs B, "regime": E1 y=1 x=0 f=1/2 t=1; E2 y=2 x=1 f=1/2 t=3
#   O - E = (1 - 1/2) + (2 - 3/2) = 1; V = 1/4 * 1 + 1/4 * 3 = 1; z = 1
#   MH score = ln((1 * 1/2 + 2 * 1/2 + 0.5) / (1 * 1/2 + 0.5)) = ln 2
#   clustered: p1 = 1/4, p2 = 3/4; each article's residual is +-1/2 and c = +-1/2:
#   sum c^2 r^2 = 4 * 1/16 = 1/4, times 4/3 articles = 1/3 < V: z_articles = z = 1
# "government": E1 -1/2, E2 -1/2; V = 1/4 + 1/4: z = -1 / sqrt(1/2)
# "tariff": only in E3, which B did not cover: not tested (pooled, it would top A's list)
EVENTS = pd.DataFrame({
    "article_id": ["a1", "b1", "a2", "b2", "a3"],
    "outlet": ["A", "B", "A", "B", "A"],
    "event_id": ["E1", "E1", "E2", "E2", "E3"],
    "body": ["regime attack", "government attack", "regime regime", "regime government", "tariff tariff"],
})


def test_within_events_by_hand():
    table = distinctive_terms(EVENTS, TermSettings(**UNIGRAMS), group="A", vs="B").set_index("term")
    assert set(table.index) == {"regime", "attack", "government"}
    regime = table.loc["regime"]
    assert regime["z"] == pytest.approx(1.0)
    assert regime["z_articles"] == pytest.approx(1.0)
    assert regime["score"] == pytest.approx(math.log(2))
    assert (regime["count"], regime["count_vs"], regime["n_events"]) == (3, 1, 2)
    assert table.loc["attack", "z"] == pytest.approx(0.0)
    assert table.loc["government", "z"] == pytest.approx(-1 / math.sqrt(0.5))
    assert list(table.index) == ["regime", "attack", "government"]
    pooled = distinctive_terms(EVENTS, TermSettings(**UNIGRAMS, within_events=False), group="A", vs="B")
    assert pooled.iloc[0]["term"] == "tariff" and pooled["n_events"].isna().all()


def test_within_events_against_the_rest_and_clustering():
    three = pd.concat([EVENTS, pd.DataFrame({"article_id": ["c1"], "outlet": ["C"], "event_id": ["E1"],
                                             "body": ["government government"]})], ignore_index=True)
    table = distinctive_terms(three, TermSettings(**UNIGRAMS), group="A").set_index("term")
    # E1 now: A "regime attack" (2 words) against B + C "government attack government government" (4)
    # regime: E1 y=1 x=0 f=1/3 t=1 -> 2/3, V 2/9; E2 as before 1/2, V 3/4
    assert table.loc["regime", "z"] == pytest.approx((2 / 3 + 1 / 2) / math.sqrt(2 / 9 + 3 / 4))
    matrix = build_term_matrix(three, TermSettings(**UNIGRAMS))
    assert matrix.strata is not None and matrix.strata.events == ("E1", "E2", "E3")
    with pytest.raises(SettingsError, match="event_id"):
        build_term_matrix(EVENTS.drop(columns="event_id"), TermSettings(**UNIGRAMS, within_events=True))


def test_within_events_uses_bunched_in_one_article_count_as_little():
    rows = []
    for k in range(20):  # A and B cover the same 20 events; A says "tariff" once in each, and
        # one A article says "reparations" 8 times
        body_a = "budget vote council tariff" + (" reparations" * 8 if k == 0 else "")
        rows += [{"article_id": f"a{k}", "outlet": "A", "event_id": f"E{k}", "body": body_a},
                 {"article_id": f"b{k}", "outlet": "B", "event_id": f"E{k}", "body": "budget vote council"}]
    table = distinctive_terms(pd.DataFrame(rows), TermSettings(**UNIGRAMS), group="A", vs="B").set_index("term")
    bursty, steady = table.loc["reparations"], table.loc["tariff"]
    assert bursty["z_articles"] < bursty["z"] and not bursty["significant"]
    assert steady["significant"] and steady["z_articles"] > 3
    assert np.isfinite(table["z"]).all()


def test_paired_words_from_naming_labels_and_aligned_sentences(demo_analysis):
    from hand_tables import hand_analysis

    from framing.compare.events import with_events
    from framing.compare.paired_words import paired_words
    analysis = demo_analysis.with_articles(with_events(demo_analysis.articles), label="events")
    naming = paired_words(analysis, sources=["naming"]).set_index("set")
    # the two reports of the tripartite meeting name the Syrian government differently
    row = naming.loc["syrian_government"]
    assert (row["side_a"], row["word_a"], row["side_b"], row["word_b"]) == (
        "The Crystal Eyes", "Damascus government", "The Jerusalem Post", "Syrian government")
    articles = pd.DataFrame({
        "article_id": ["a1", "b1", "a2", "b2"], "outlet": ["A", "B", "A", "B"], "event_id": ["E1", "E1", "E2", "E2"],
        "body": ["The regime forces attacked the town of Douma on Monday morning.",
                 "The government forces attacked the town of Douma on Monday morning.",
                 "The regime said the rebels had withdrawn from the hills near Hama.",
                 "The government said the rebels had retreated from the hills near Hama."]})
    aligned = paired_words(hand_analysis(articles), sources=["aligned"])
    first = aligned.iloc[0]
    assert (first["word_a"], first["word_b"], first["n_events"]) == ("regime", "government", 2)
    assert ("withdrawn", "retreated") in set(zip(aligned["word_a"], aligned["word_b"]))
