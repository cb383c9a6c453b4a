import json

import pandas as pd
import pytest
from hand_tables import hand_analysis

from framing.cli import main
from framing.compare.align import (
    MATCH_LABELS,
    OMISSION_COLUMNS,
    PAIR_COLUMNS,
    SAME_FACT_THRESHOLD,
    DiffOp,
    align_event,
    changed_words,
    diff_markup,
    event_omissions,
    word_diff,
)
from framing.compare.events import with_events
from framing.errors import CorpusError, SettingsError
from framing.present.highlight import word_diff_html

# corpus/000 (The Crystal Eyes) and corpus/004 (The Jerusalem Post) on the 18 March 2019 meeting
BAQERI_CRYSTAL = ("Standing close to his Iraqi and Syrian counterparts on live television, Iran’s armed "
                  "forces chief of staff Major General Mohammad Baqeri stated that the three nations were "
                  "“united against terrorism” and harmonizing at a high level.")
BAQERI_JPOST = ("Iranian Maj.-Gen. Mohammad Baqeri met with his Iraqi counterpart and Syrian Defense Minister "
                "Ali Abdullah Ayyoub to discuss opposition to the US role in Syria on Monday.")


def steps(ops):
    return [(op.tag, op.a_words, op.b_words) for op in ops]


def test_word_diff_of_two_real_reports_of_the_meeting():
    ops = word_diff(BAQERI_CRYSTAL, BAQERI_JPOST)
    assert steps(ops) == [
        ("replace", ("Standing", "close", "to"), ("Iranian", "Maj", "Gen", "Mohammad", "Baqeri", "met", "with")),
        ("equal", ("his", "Iraqi"), ("his", "Iraqi")),
        ("insert", (), ("counterpart",)),
        ("equal", ("and", "Syrian"), ("and", "Syrian")),
        ("replace", ("counterparts",), ("Defense", "Minister", "Ali", "Abdullah", "Ayyoub", "to", "discuss",
                                        "opposition", "to", "the", "US", "role", "in", "Syria")),
        ("equal", ("on",), ("on",)),
        ("replace", ("live", "television", "Iran’s", "armed", "forces", "chief", "of", "staff", "Major",
                     "General", "Mohammad", "Baqeri", "stated", "that", "the", "three", "nations", "were",
                     "united", "against", "terrorism", "and", "harmonizing", "at", "a", "high", "level"),
         ("Monday",)),
    ]
    assert ops[0] == DiffOp("replace", "Standing close to", "Iranian Maj.-Gen. Mohammad Baqeri met with",
                            ("Standing", "close", "to"),
                            ("Iranian", "Maj", "Gen", "Mohammad", "Baqeri", "met", "with"), 0, 17, 0, 42)
    assert ops[2].a == "" and ops[2].a_start == ops[2].a_end == BAQERI_CRYSTAL.index("and Syrian")
    assert ops[-1].a.endswith("“united against terrorism” and harmonizing at a high level.")
    assert changed_words(ops) == 3 + 7 + 1 + 1 + 14 + 27 + 1


def test_word_diff_naming_and_reporting_verb():
    ops = word_diff("The Assad regime said the strike killed 12 civilians in Idlib.",
                    "President Bashar al-Assad claimed the strike killed 12 civilians in Idlib.")
    assert steps(ops) == [
        ("replace", ("The", "Assad", "regime", "said"), ("President", "Bashar", "al-Assad", "claimed")),
        ("equal", ("the", "strike", "killed", "12", "civilians", "in", "Idlib"),
         ("the", "strike", "killed", "12", "civilians", "in", "Idlib")),
    ]
    assert diff_markup(ops) == ("[-The Assad regime said-]{+President Bashar al-Assad claimed+} "
                                "the strike killed 12 civilians in Idlib.")


def test_word_diff_offsets_case_and_apostrophes():
    a, b = "Iran's army left Syria on Monday.", "IRAN’S army finally left on Monday."
    ops = word_diff(a, b)
    assert [op.tag for op in ops] == ["equal", "insert", "equal", "delete", "equal"]
    for op in ops:
        assert a[op.a_start:op.a_end] == op.a and b[op.b_start:op.b_end] == op.b
    assert " ".join(op.a for op in ops if op.a) == a
    assert " ".join(op.b for op in ops if op.b) == b
    assert diff_markup(ops) == "Iran's army {+finally+} left [-Syria-] on Monday."
    assert diff_markup(word_diff("He said “no” today.", "He said “yes” today.")) == 'He said [-“no”-]{+“yes”+} today.'
    assert steps(word_diff("Same words here.", "Same words here.")) == [
        ("equal", ("Same", "words", "here"), ("Same", "words", "here"))]


# ----------------------------------------------------------------------------- align_event
def hand_tables():
    """Two outlets on one strike, one article each, and the hits of a naming set and a frame."""
    a = "The Assad regime said the strike killed 12 civilians in Idlib. Rain fell on the city of Idlib all day long."
    b = ("President Bashar al-Assad claimed the strike killed 12 civilians in Idlib. "
         "Heavy rain fell on the city of Idlib all day.")
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Left Daily", "Right Times", "Left Daily"],
                             "title": ["Strike", "Strike", "Weather"], "body": [a, b, "Rain fell on the city of Idlib all day long."],
                             "event_id": ["E1", "E1", "E1"]})
    hits = pd.DataFrame([
        dict(article_id="a", start=a.index("regime"), end=a.index("regime") + 6, matched="regime",
             kind="naming", frame="assad_naming", pole="regime"),
        dict(article_id="b", start=b.index("claimed"), end=b.index("claimed") + 7, matched="claimed",
             kind="frame", frame="distancing", pole="distancing"),
        dict(article_id="b", start=b.index("Idlib"), end=b.index("Idlib") + 5, matched="Idlib",
             kind="actor", frame="Idlib", pole="Idlib"),
    ])
    return articles, hits


def test_align_event_pairs_facts_and_ranks_lexicon_differences_first():
    articles, hits = hand_tables()
    pairs = align_event(hand_analysis(articles, hits), "E1")
    assert list(pairs.columns) == list(PAIR_COLUMNS)
    assert pairs["pair_id"].tolist() == [1, 2, 3]
    strike, rain = pairs.iloc[0], pairs[pairs["article_a"] == "a"].iloc[1]
    assert strike["text_a"].startswith("The Assad regime said") and strike["outlet_b"] == "Right Times"
    assert strike["lexicon_terms_a"] == ("regime (assad_naming/regime)",)
    assert strike["lexicon_terms_b"] == ("claimed (distancing)",), "actor hits do not count by default"
    assert strike["changed_words"] == 8 and strike["changed_share"] == pytest.approx(8 / 22)
    assert strike["diff_score"] == pytest.approx(1 + strike["similarity"] * 8 / 22)
    assert rain["lexicon_terms_a"] == () and rain["diff_score"] < 1
    assert rain["text_b"] == "Heavy rain fell on the city of Idlib all day."
    assert set(zip(pairs["article_a"], pairs["article_b"])) == {("a", "b"), ("c", "b")}, \
        "articles of the same outlet (a and c) are never paired"
    # the ops are data the dashboard can highlight (never HTML)
    left, right = word_diff_html(strike["ops"])
    assert "regime" in left and "claimed" in right
    assert strike["ops"][0] == {"tag": "replace", "a": "The Assad regime said", "b": "President Bashar al-Assad claimed",
                                "a_words": ("The", "Assad", "regime", "said"),
                                "b_words": ("President", "Bashar", "al-Assad", "claimed"),
                                "a_start": 0, "a_end": 21, "b_start": 0, "b_end": 33}


def test_align_event_threshold_outlets_and_kinds():
    articles, hits = hand_tables()
    assert len(align_event(hand_analysis(articles), "E1", threshold=0.99)) == 0
    with_actor = align_event(hand_analysis(articles, hits), "E1", kinds=("actor",))
    assert with_actor["lexicon_terms_b"].tolist()[0] == ()  # "Idlib" is not a changed word
    only_left = align_event(hand_analysis(articles), "E1", outlets=["Left Daily"])
    assert only_left.empty, "two articles of one outlet are not compared"
    with pytest.raises(SettingsError, match="'Nowhere'"):
        align_event(hand_analysis(articles), "E1", outlets=["Nowhere"])
    with pytest.raises(SettingsError, match="no article has event_id 'E2'"):
        align_event(hand_analysis(articles), "E2")
    with pytest.raises(CorpusError, match="event_id"):
        align_event(hand_analysis(articles.drop(columns="event_id")), "E1")


def test_align_event_on_the_demo_meeting(demo_analysis):
    tables = demo_analysis.with_articles(with_events(demo_analysis.articles), label="events")
    event = tables.articles.set_index("article_id").loc["000_b7b8b75330a77be9", "event_id"]
    pairs = align_event(tables, event, threshold=0.15)
    assert len(pairs) >= 3 and (pairs["outlet_a"] != pairs["outlet_b"]).all()
    assert pairs["diff_score"].is_monotonic_decreasing
    assert not pairs.duplicated(["article_a", "sentence_a"]).any(), "one-to-one: a sentence pairs once"
    assert not pairs.duplicated(["article_b", "sentence_b"]).any()
    baqeri = pairs[pairs["text_a"].str.startswith("Standing close to his Iraqi")]
    assert baqeri["text_b"].tolist() == [BAQERI_JPOST]
    assert steps(word_diff(BAQERI_CRYSTAL, BAQERI_JPOST)) == [
        (op["tag"], op["a_words"], op["b_words"]) for op in baqeri.iloc[0]["ops"]]
    assert (pairs["similarity"] >= 0.15).all()
    default = align_event(tables, event)
    assert 0 < len(default) < len(pairs) and (default["similarity"] >= 0.2).all()


# ----------------------------------------------------------------------------- CLI
def test_cli_align(demo_corpus_path, capsys):
    assert main(["align", str(demo_corpus_path), "--event", "E0003", "--threshold", "0.15", "--top", "40"]) == 0
    out = capsys.readouterr().out
    assert "[-Standing close to-]{+Iranian Maj.-Gen. Mohammad Baqeri met with+} his Iraqi {+counterpart+}" in out
    assert main(["align", str(demo_corpus_path), "--event", "E0003", "--format", "json", "--top", "1"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["ops"][0]["tag"] in ("equal", "replace", "insert", "delete")
    assert main(["align", str(demo_corpus_path), "--event", "E0003", "--format", "csv", "--top", "2"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.endswith("diff_score,diff") and "ops" not in header
    assert main(["align", str(demo_corpus_path), "--event", "E0999"]) == 2
    assert "no event 'E0999'" in capsys.readouterr().err


# ----------------------------------------------------------------------------- same fact, omissions
def test_pairs_are_same_fact_only_from_the_checked_similarity(demo_analysis):
    articles, hits = hand_tables()
    pairs = align_event(hand_analysis(articles, hits), "E1")
    assert set(pairs["match"]) <= set(MATCH_LABELS)
    assert ((pairs["similarity"] >= SAME_FACT_THRESHOLD) == (pairs["match"] == "same fact")).all()
    assert "same fact" in set(pairs["match"])  # the strike sentences are near paraphrases
    # the demo's pairs at 0.20-0.34 (two of the three are different facts) are only "related"
    tables = demo_analysis.with_articles(with_events(demo_analysis.articles), label="events")
    demo = align_event(tables, "E0003")
    assert len(demo) == 3 and set(demo["match"]) == {"related"}
    stricter = align_event(hand_analysis(articles, hits), "E1", same_fact=0.99)
    assert set(stricter["match"]) == {"related"}
    with pytest.raises(SettingsError, match="same_fact must be in"):
        align_event(hand_analysis(articles, hits), "E1", same_fact=0)


def test_omissions_are_sentences_no_other_outlet_has():
    a = ("The council approved the transit budget on Monday after a long debate. "
         "A spokesman declined to say whether the decision would be appealed.")
    b = ("The city council approved the new transit budget on Monday. "
         "Critics warned the plan threatens bus routes in poor neighbourhoods.")
    c = "The council approved the transit budget on Monday after a debate."
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Left Daily", "Right Times", "Centre Post"],
                             "title": ["Budget"] * 3, "body": [a, b, c], "event_id": ["E1"] * 3})
    missing = event_omissions(hand_analysis(articles), "E1")
    assert list(missing.columns) == list(OMISSION_COLUMNS)
    assert missing[["outlet", "sentence_id"]].values.tolist() == [["Left Daily", 1], ["Right Times", 1]]
    spokesman = missing.iloc[0]
    assert spokesman["text"].startswith("A spokesman declined") and spokesman["n_other_outlets"] == 2
    assert spokesman["best_similarity"] < 0.2 and spokesman["best_outlet"] in ("Right Times", "Centre Post")
    # two outlets only: the third's shared sentence is not what makes the others' omissions
    pair = event_omissions(hand_analysis(articles), "E1", outlets=["Left Daily", "Right Times"])
    assert pair["outlet"].tolist() == ["Left Daily", "Right Times"]
    assert event_omissions(hand_analysis(articles), "E1", outlets=["Left Daily"]).empty


def test_cli_align_labels_pairs_and_lists_omissions(demo_corpus_path, capsys):
    assert main(["align", str(demo_corpus_path), "--event", "E0003", "--top", "1"]) == 0
    assert capsys.readouterr().out.startswith("#1  similarity 0.34 (related)")
    assert main(["align", str(demo_corpus_path), "--event", "E0003", "--omissions"]) == 0
    out = capsys.readouterr().out
    assert "The Crystal Eyes: 8 sentences with no counterpart in 1 other outlet" in out
    assert "closest (0.16, The Jerusalem Post)" in out
