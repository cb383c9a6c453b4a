import pandas as pd
import pytest
from hand_tables import hand_analysis

from framing.compare.kwic import add_context, concordance, occurrences
from framing.errors import SettingsError
from framing.lexicon import parse_lexicon

ARTICLE_000 = "000_b7b8b75330a77be9"
ARTICLE_002 = "002_63e0d81dc0e8eb47"


@pytest.fixture(scope="module")
def articles(demo_analysis):
    return demo_analysis.articles


def test_term_in_the_demo_corpus_with_its_context(demo_analysis, articles):
    lines = concordance(demo_analysis, "destabilizing")
    assert sorted(lines["article_id"]) == [ARTICLE_000, ARTICLE_002, ARTICLE_002]
    bodies = articles.set_index("article_id")["body"]
    for line in lines.itertuples():
        assert bodies[line.article_id][line.start:line.end] == "destabilizing"
        assert len(line.left) <= 60 and len(line.right) <= 60
    crystal = lines[lines["article_id"] == ARTICLE_000].iloc[0]
    assert crystal["outlet"] == "The Crystal Eyes"
    assert crystal["title"] == "Iran Request US to Leave Syria, while Damascus Threatens Its Ally"
    assert crystal["left"].endswith("Washington has promised to contain what it calls Tehran’s “")
    assert crystal["right"].startswith("” role in the region")
    southfront = lines[lines["article_id"] == ARTICLE_002].sort_values("start")
    assert southfront["left"].iloc[0].endswith("the Iranian presence in Syria is “")
    assert southfront["right"].iloc[0].startswith("” the Middle East")
    assert southfront["left"].iloc[1].endswith("Iran’s presence in Syria is only ")
    assert southfront["right"].iloc[1].startswith(" to the region")


def test_context_is_cut_between_words_and_marked(demo_analysis, articles):
    bodies = articles.set_index("article_id")["body"]
    for line in concordance(demo_analysis, "destabilizing", width=40).itertuples():
        body = " ".join(bodies[line.article_id].split())
        assert line.left.startswith("…") and line.right.endswith("…")
        first, last = line.left[1:].split()[0], line.right[:-1].split()[-1]
        assert f" {first} " in f" {body} " and f" {last} " in f" {body} ", "no word cut in half"
        assert len(line.left) <= 40 and len(line.right) <= 40
    crystal = concordance(demo_analysis, "destabilizing", width=40, outlets=["The Crystal Eyes"]).iloc[0]
    assert crystal["left"] == "…to contain what it calls Tehran’s “"
    assert crystal["right"] == "” role in the region, but the firmly…"


def test_voice_of_free_term_occurrences(demo_analysis):
    lines = concordance(demo_analysis, "destabilizing", sort="article")
    # the last one sits inside Tillerson's long quotation
    assert lines["voice"].iloc[-1] == "quoted"
    assert set(lines["voice"]) <= {"author", "quoted", "distanced"}
    assert lines["negated"].tolist() == [False, False, False]


def test_free_term_context_agrees_with_the_analysis_hits(demo_analysis):
    analysis = demo_analysis
    searched = concordance(analysis, "destabilizing", sort="article")
    hits = concordance(analysis, "threat/threat", kind="pole", sort="article")
    hits = hits[hits["match"] == "destabilizing"]
    assert len(searched) == len(hits) == 3
    columns = ["article_id", "sentence_id", "start", "end", "voice", "speaker", "negated", "hedged", "target"]
    def plain(table):
        return table[columns].astype(object).where(table[columns].notna(), None).to_dict("records")
    assert plain(searched) == plain(hits)
    with pytest.raises(SettingsError, match="no frame called 'threats'.*there are: .*threat"):
        concordance(analysis, "threats", kind="frame")


def test_filter_by_outlet_and_by_any_column(demo_analysis):
    only = concordance(demo_analysis, "destabilizing", outlets=["The Crystal Eyes"])
    assert only["article_id"].tolist() == [ARTICLE_000]
    assert concordance(demo_analysis, "destabilizing", where={"domain": "southfront.org"})["article_id"].nunique() == 1
    assert concordance(demo_analysis, "destabilizing", outlets=["Nobody"]).empty
    with pytest.raises(SettingsError, match="no such column"):
        concordance(demo_analysis, "destabilizing", where={"leaning": "left"})


def test_sorting(demo_analysis):
    by_left = concordance(demo_analysis, "destabilizing", sort="left")
    # nearest word on the left: "is" < "only" < "tehran's"
    assert [left.split()[-1] for left in by_left["left"].str.replace("“", "").str.strip()] == ["is", "only", "Tehran’s"]
    by_outlet = concordance(demo_analysis, "destabilizing", sort="outlet")
    assert by_outlet["outlet"].tolist() == ["SouthFront", "SouthFront", "The Crystal Eyes"]
    by_right = concordance(demo_analysis, "destabilizing", sort="right")
    assert by_right["right"].iloc[-1].startswith(" to the region")


def test_bigram_term_matches_across_spaces_but_not_punctuation_or_lines():
    articles = pd.DataFrame({"article_id": ["x"], "outlet": ["X"], "title": ["t"],
                             "body": ["The Assad \t regime fell. Assad, regime change. ASSAD REGIME\nAssad\nregime"]})
    lines = concordance(hand_analysis(articles), "Assad regime")
    assert lines["match"].tolist() == ["Assad regime", "ASSAD REGIME"]
    assert lines["sentence_id"].tolist() == [0, 2]


def test_phrase_follows_the_lexicon_rules(demo_analysis):
    stems = concordance(demo_analysis, "destabiliz*", kind="phrase")
    assert len(stems) == 3
    curly = concordance(demo_analysis, "Iran's presence in Syria", kind="phrase")
    assert curly["match"].tolist() == ["Iran’s presence in Syria"]


def hand_hits(articles):
    body = articles.set_index("article_id")["body"][ARTICLE_000]
    start = body.index("destabilizing")
    base = {"article_id": ARTICLE_000, "outlet": "The Crystal Eyes", "sentence_id": 3, "lexicon": "conflict",
            "weight": 1.0, "speaker": None, "negated": False, "hedged": False, "target": "Iran"}
    return pd.DataFrame([
        {**base, "start": start, "end": start + 13, "matched": "destabilizing", "term": "destabiliz*",
         "kind": "frame", "frame": "threat", "pole": "threat", "voice": "distanced"},
        {**base, "start": 0, "end": 4, "matched": "Iran", "term": "Iran", "kind": "naming",
         "frame": "Iran", "pole": "plain name", "voice": "author"},
    ])


HAND_LEXICON = parse_lexicon("""
name: conflict
version: "1"
description: two hand-made hits
licence: CC0-1.0
frames:
  threat:
    description: threat
    role: framing
    terms: [destabiliz*]
naming_sets:
  Iran:
    description: Iran
    role: framing
    labels:
      plain name: [Iran]
      other: [Persia]
""", source="hand")


def test_lexicon_kinds_read_the_hits(articles):
    tables = hand_analysis(articles, hits=hand_hits(articles), lexicons=[HAND_LEXICON])
    frame = concordance(tables, "Threat", kind="frame")
    assert frame["match"].tolist() == ["destabilizing"]
    assert frame[["voice", "target", "frame", "pole"]].iloc[0].tolist() == ["distanced", "Iran", "threat", "threat"]
    assert frame["right"].iloc[0].startswith("” role in the region")
    assert len(concordance(tables, "threat/threat", kind="pole")) == 1
    with pytest.raises(SettingsError, match="no pole called 'other/threat'"):
        concordance(tables, "other/threat", kind="pole")
    label = concordance(tables, "plain name", kind="label")
    assert label["match"].tolist() == ["Iran"] and label["left"].tolist() == [""]
    assert concordance(tables, "Iran", kind="naming")["voice"].tolist() == ["author"]
    assert concordance(tables, "threat", kind="frame", outlets=["SouthFront"]).empty


def test_bad_options_are_refused(demo_analysis):
    with pytest.raises(SettingsError, match="kind must be one of"):
        concordance(demo_analysis, "x", kind="regex")
    with pytest.raises(SettingsError, match="sort must be one of"):
        concordance(demo_analysis, "x", sort="date")
    with pytest.raises(SettingsError, match="empty"):
        concordance(demo_analysis, "  ")


def test_cli_kwic(demo_corpus_path, capsys):
    from framing.cli import main
    assert main(["kwic", str(demo_corpus_path), "destabilizing", "--outlet", "SouthFront", "--width", "30"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all("[destabilizing]" in line and line.startswith("SouthFront") for line in out)
    assert main(["kwic", str(demo_corpus_path), "destabilizing", "--format", "csv"]) == 0
    table = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    assert len(table) == 3 and {"left", "match", "right", "voice"} <= set(table.columns)
    assert main(["kwic", str(demo_corpus_path), "destabilizing", "--where", "domain=thecrystaleyes.com",
                 "--format", "json"]) == 0
    assert [line["article_id"] for line in __import__("json").loads(capsys.readouterr().out)] == [ARTICLE_000]
    assert main(["kwic", str(demo_corpus_path), "nowhere-to-be-found"]) == 0
    assert "no occurrence" in capsys.readouterr().err


def test_occurrences_with_their_context_added_are_the_concordance(demo_analysis, articles):
    full = concordance(demo_analysis, "legitimacy", kind="frame")
    rows = occurrences(demo_analysis, "legitimacy", kind="frame")
    assert len(rows) == len(full) >= 5 and rows[["left", "match", "right"]].isna().all().all()
    pd.testing.assert_frame_equal(add_context(rows, articles), full)
    pd.testing.assert_frame_equal(add_context(rows.head(2), articles), full.head(2))  # a few rows, same lines


@pytest.mark.parametrize("query, kind", [("Iran", "phrase"), ("legitimacy", "frame")])
def test_the_first_occurrences_are_those_of_the_whole_list_with_its_counts(demo_analysis, query, kind):
    from framing.compare.kwic import find_occurrences

    every = occurrences(demo_analysis, query, kind=kind)
    assert len(every) > 3
    first = find_occurrences(demo_analysis, query, kind=kind, limit=3)
    assert (first.total, first.articles) == (len(every), every["article_id"].nunique())
    def plain(table):  # speaker is str or object, with NaN or None, by what the rows hold
        return table.astype(object).where(table.notna(), None)

    pd.testing.assert_frame_equal(plain(first.rows), plain(every.head(3)))
    assert find_occurrences(demo_analysis, query, kind=kind).rows.equals(every)
    with pytest.raises(SettingsError, match="limit"):
        find_occurrences(demo_analysis, query, kind=kind, limit=-1)
