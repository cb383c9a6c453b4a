"""The hits and sentences tables keep their repeated text as pandas Categoricals with sorted
categories (a few bytes a row instead of a string): the dtypes, the category order, and every
consumer (scores, concordances, alignment, highlighting, exports, the CLI) giving exactly what
plain string columns give."""
import argparse
import io
import json
from dataclasses import replace

import pandas as pd
import pytest

from dashboard import filters
from framing.cli import main
from framing.cli.output import write_json_lines_array, write_table
from framing.cli.scores import TABLES, _text, compute
from framing.compare import align, kwic
from framing.compare.events import with_events
from framing.measure import score, sentiment
from framing.measure.analysis import Analysis
from framing.measure.pipeline import analyze
from framing.measure.saved import _sorted_categories, load_analysis, save_analysis
from framing.measure.tables import HIT_COLUMNS, SENTENCE_COLUMNS, ColumnBatches
from framing.present import export, highlight
from framing.settings import BootstrapSettings, ScoreSettings


@pytest.fixture(scope="module")
def seed(demo_corpus):
    return analyze(demo_corpus)


@pytest.fixture(scope="module")
def articles(seed):
    return with_events(seed.articles)


def plain(table: pd.DataFrame) -> pd.DataFrame:
    """The table as it was before categoricals: every categorical column as plain str."""
    return table.astype({c: "str" for c in table.columns if isinstance(table[c].dtype, pd.CategoricalDtype)})


def categorical_columns(dtypes: dict) -> list[str]:
    return [c for c, dtype in dtypes.items() if dtype == "category"]


def test_repeated_text_is_categorical_with_sorted_categories_and_the_rest_as_documented(seed):
    assert categorical_columns(HIT_COLUMNS) == ["article_id", "outlet", "matched", "term", "lexicon", "kind",
                                                "role", "frame", "pole", "voice"]
    assert categorical_columns(SENTENCE_COLUMNS) == ["article_id"]
    for table, dtypes in ((seed.hits, HIT_COLUMNS), (seed.sentences, SENTENCE_COLUMNS)):
        for column, dtype in dtypes.items():
            values = table[column]
            if dtype != "category":
                assert str(values.dtype) == dtype, column
                continue
            assert isinstance(values.dtype, pd.CategoricalDtype) and not values.cat.ordered, column
            assert values.cat.categories.dtype == "str", column
            # sorted, and only the values the table holds (no unused category)
            assert list(values.cat.categories) == sorted(set(values.astype(str))), column
    assert seed.hits["speaker"].dtype == object and seed.hits["target"].dtype == object
    assert None in set(seed.hits["target"])


def test_categories_are_in_code_point_order_across_batches():
    """Built batch by batch (each its own dictionary), the categories end up sorted as Python
    sorts strings: capitals before small letters, accented letters after z."""
    words = ["Iran", "iran", "état", "Zagros", "éclat", "zone", "Ärger", "apple", "Iran", "b"]
    columns = ColumnBatches({"word": "category", "n": "int64"})
    columns.BATCH = 3
    columns.extend([(w, i) for i, w in enumerate(words)])
    table = columns.frame()
    assert list(table["word"].cat.categories) == sorted(set(words))
    assert list(table["word"]) == words and list(table["n"]) == list(range(len(words)))
    expected = sorted(range(len(words)), key=lambda i: (words[i], i))
    assert list(table.sort_values("word", kind="stable")["n"]) == expected
    empty = ColumnBatches({"word": "category"}).frame()
    assert isinstance(empty["word"].dtype, pd.CategoricalDtype) and len(empty) == 0


def test_sorting_and_grouping_give_the_order_plain_strings_give(seed):
    hits, strings = seed.hits, plain(seed.hits)
    for keys in (["frame", "pole"], ["matched"], ["article_id", "term", "start"], ["voice", "outlet", "start"]):
        assert hits.sort_values(keys, kind="stable").index.equals(strings.sort_values(keys, kind="stable").index)
        counts = hits.groupby(keys, observed=True).size()
        expected = strings.groupby(keys).size()
        assert list(counts.index) == list(expected.index) and list(counts) == list(expected)


SCORES = {
    "rates": lambda a, o: score.frame_rates(a, o),
    "naming rates": lambda a, o: score.frame_rates(a, replace(o, kind="naming")),
    "actor rates": lambda a, o: score.frame_rates(a, replace(o, kind="actor")),
    "targets": lambda a, o: score.target_rates(a, o),
    "balance": lambda a, o: score.axis_balance(a, o),
    "balance by target": lambda a, o: score.axis_balance(a, replace(o, by_target=True)),
    "shares": lambda a, o: score.label_shares(a, o),
    "sentiment": lambda a, o: score.actor_sentiment(a, o),
}


def with_tables(seed, articles, *, strings: bool) -> Analysis:
    convert = plain if strings else (lambda t: t)
    return Analysis(articles=articles, sentences=convert(seed.sentences), hits=convert(seed.hits),
                    lexicons=seed.lexicons, key=f"strings={strings}")


@pytest.mark.parametrize("name", list(SCORES))
@pytest.mark.parametrize("by", ["outlet", "article", "event"])
def test_scores_equal_those_of_plain_string_tables(seed, articles, name, by):
    options = ScoreSettings(by=by, voice="each", bootstrap=BootstrapSettings(n_boot=50))
    got = SCORES[name](with_tables(seed, articles, strings=False), options)
    expected = SCORES[name](with_tables(seed, articles, strings=True), options)
    assert len(got) > 0
    pd.testing.assert_frame_equal(got, expected)


@pytest.mark.parametrize("kind, query", [("frame", "legitimacy"), ("pole", "LEGITIMACY/illegitimate"),
                                         ("naming", "syrian_government"), ("label", "sdf/SDF"),
                                         ("actor", "iran"), ("phrase", "destabiliz*")])
def test_concordances_equal_those_of_plain_string_tables_and_hold_plain_strings(seed, articles, kind, query):
    def lines(analysis, sort):
        return kwic.concordance(analysis, query, kind=kind, sort=sort)
    strings = with_tables(seed, articles, strings=True)
    for sort in ("outlet", "voice", "left"):
        got = lines(with_tables(seed, articles, strings=False), sort)
        assert len(got) > 0
        assert not any(isinstance(dtype, pd.CategoricalDtype) for dtype in got.dtypes)
        pd.testing.assert_frame_equal(got, lines(strings, sort))


def test_alignment_highlighting_sentiment_and_dashboard_lookups_equal_plain(seed, articles):
    hits, sentences = seed.hits, seed.sentences
    plain_hits, plain_sentences = plain(hits), plain(sentences)
    event = articles["event_id"].value_counts().index[0]
    pd.testing.assert_frame_equal(
        align.align_event(with_tables(seed, articles, strings=False), event, threshold=0.05),
        align.align_event(with_tables(seed, articles, strings=True), event, threshold=0.05))
    for article_id, body in zip(articles["article_id"], articles["body"]):
        mine, theirs = hits[hits["article_id"] == article_id], plain_hits[plain_hits["article_id"] == article_id]
        assert highlight.highlight_html(body, mine) == highlight.highlight_html(body, theirs)
        pd.testing.assert_frame_equal(highlight.words_table(mine), highlight.words_table(theirs))
        for sentence_id in (0, 3, 7):
            assert (filters.sentence_hits(hits, sentences, article_id, sentence_id)
                    == filters.sentence_hits(plain_hits, plain_sentences, article_id, sentence_id))
    actors = hits[hits["kind"] == "actor"]
    pd.testing.assert_frame_equal(sentiment.sentence_sentiment(sentences, actors),
                                  sentiment.sentence_sentiment(plain_sentences, plain(actors)))


def test_exports_write_plain_strings_byte_for_byte(seed):
    hits, strings = seed.hits, plain(seed.hits)
    assert export.table_csv(hits) == export.table_csv(strings)
    assert export.table_csv(seed.sentences) == export.table_csv(plain(seed.sentences))
    out, expected = io.StringIO(), io.StringIO()
    write_json_lines_array(hits, out, rows_per_piece=7)
    write_json_lines_array(strings, expected, rows_per_piece=7)
    assert out.getvalue() == expected.getvalue()
    assert json.loads(out.getvalue())[0]["article_id"] == str(hits["article_id"].iloc[0])


def test_cli_hits_csv_is_the_plain_string_table(seed, demo_corpus_path, capsys):
    assert main(["hits", str(demo_corpus_path), "--format", "csv"]) == 0
    assert capsys.readouterr().out == plain(seed.hits).to_csv(index=False)


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_cli_score_output_equals_that_of_plain_string_tables(seed, table, fmt):
    args = argparse.Namespace(table=table, by="outlet", voice="each", frame=None, kind="frame", negated="exclude",
                              role="framing", top=10, boot=50, seed=0, level=0.95, min_articles=5, workers=1)
    strings = with_tables(seed, seed.articles, strings=True)
    outputs = []
    for analysis in (seed, strings):
        out = io.StringIO()
        write_table(compute(analysis, args), fmt, out=out, text=_text)
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1] and len(outputs[0]) > 200


def test_the_cache_gives_back_sorted_categoricals(seed, tmp_path):
    save_analysis(seed, tmp_path / "a")
    back = load_analysis(tmp_path / "a")
    pd.testing.assert_frame_equal(back.hits, seed.hits)
    pd.testing.assert_frame_equal(back.sentences, seed.sentences)
    # a table written by other means (plain strings, or categories out of order) is read as documented
    shuffled = seed.hits.copy()
    shuffled["frame"] = shuffled["frame"].cat.reorder_categories(shuffled["frame"].cat.categories[::-1])
    shuffled["term"] = shuffled["term"].astype("str")
    _sorted_categories(shuffled, HIT_COLUMNS)
    pd.testing.assert_frame_equal(shuffled, seed.hits)
