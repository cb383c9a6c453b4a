"""The analysis pipeline on the seed corpus: tables, context columns, cache and `framing hits`."""
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from framing.corpus.records import Article, Corpus, LoadReport
from framing.errors import SettingsError
from framing.lexicon import Frame, Lexicon, Pole, Term, bundled_lexicons, lexicon_fingerprint
from framing.measure import pipeline as pipeline_module
from framing.measure import saved as saved_module
from framing.measure import tables as tables_module
from framing.measure.analysis import select_hits
from framing.measure.pipeline import analyze, cached_analyze
from framing.measure.saved import load_analysis, save_analysis
from framing.measure.tables import HIT_COLUMNS, SENTENCE_COLUMNS
from framing.settings import BootstrapSettings, ScoreSettings


@pytest.fixture(scope="module")
def seed(demo_corpus):
    return analyze(demo_corpus)


def hits_of(analysis, prefix):
    return analysis.hits[analysis.hits["article_id"].str.startswith(prefix)]


def test_tables_have_the_documented_columns_and_dtypes(seed, demo_corpus):
    assert list(seed.hits.columns) == list(HIT_COLUMNS)
    assert list(seed.sentences.columns) == list(SENTENCE_COLUMNS)
    assert seed.hits["start"].dtype == "int32" and seed.hits["negated"].dtype == bool
    assert set(seed.hits["kind"]) == {"frame", "naming", "actor"}
    assert set(seed.hits["voice"]) <= {"author", "quoted", "distanced"}
    assert list(seed.articles["article_id"]) == [a.id for a in demo_corpus.articles]
    for column in ("article_id", "outlet", "title", "date", "url", "n_words", "n_sentences", "body"):
        assert column in seed.articles.columns


def test_every_hit_indexes_the_body_and_lies_in_its_sentence(seed):
    bodies = dict(zip(seed.articles["article_id"], seed.articles["body"]))
    sentences = seed.sentences.set_index(["article_id", "sentence_id"])
    for hit in seed.hits.itertuples():
        assert bodies[hit.article_id][hit.start:hit.end] == hit.matched
        sentence = sentences.loc[(hit.article_id, hit.sentence_id)]
        assert sentence.start <= hit.start < sentence.end


def test_sentences_cover_the_body_in_order(seed):
    bodies = dict(zip(seed.articles["article_id"], seed.articles["body"]))
    for article_id, group in seed.sentences.groupby("article_id"):
        assert list(group["sentence_id"]) == list(range(len(group)))
        assert (group["start"].diff().dropna() > 0).all()
        for row in group.itertuples():
            assert bodies[article_id][row.start:row.end] == row.text
    counts = seed.sentences.groupby("article_id").size()
    assert dict(zip(seed.articles["article_id"], seed.articles["n_sentences"])) == counts.to_dict()


def test_seed_002_hits_with_their_voice(seed):
    hits = hits_of(seed, "002")
    legitimacy = hits[hits["frame"] == "legitimacy"]
    assert {"illegal", "legitimately", "invitation"} <= set(legitimacy["matched"])
    # Velayati's words are quoted, the reporter's "its presence there is illegal" is the outlet's
    voice = dict(zip(legitimacy["matched"], legitimacy["voice"]))
    assert voice["legitimately"] == "quoted" and voice["invitation"] == "quoted"
    destabilizing = hits[hits["matched"] == "destabilizing"]
    assert len(destabilizing) == 2 and set(destabilizing["voice"]) <= {"quoted", "distanced"}
    assert (hits_of(seed, "002")["outlet"] == "SouthFront").all()


def test_seed_000_scare_quoted_term_is_distanced(seed):
    hits = hits_of(seed, "000")
    (row,) = hits[hits["matched"] == "destabilizing"].itertuples()
    assert row.voice == "distanced"


def test_seed_003_labels(seed):
    hits = hits_of(seed, "003")
    naming = hits[hits["kind"] == "naming"]
    assert {"Daech", "FDS"} <= set(naming["matched"])
    assert "terrorists" in set(hits.loc[hits["frame"] == "terrorism", "matched"])


def test_actor_hits_have_no_target_and_frame_hits_may(seed):
    actors = seed.hits[seed.hits["kind"] == "actor"]
    assert actors["target"].isna().all()
    assert (actors["frame"].astype(str) == actors["pole"].astype(str)).all()  # categoricals of other categories
    assert seed.hits.loc[seed.hits["kind"] != "actor", "target"].notna().any()


def test_context_columns_come_from_the_context_stage(demo_corpus):
    """Negation and hedging reach the hits table (framing.text.context decides them)."""
    lex = Lexicon("t", "1", "", (), frames=(Frame("legitimacy", "", (Pole("legitimate", (Term("legitimate"),)),)),))
    body = "The presence is not legitimate.\nThe presence is allegedly legitimate.\nIt is legitimate."
    corpus = Corpus((Article("a", "Outlet", "T", None, "unknown", None, body, body),), LoadReport(1, 1))
    hits = analyze(corpus, [lex]).hits
    assert list(hits["negated"]) == [True, False, False]
    assert list(hits["hedged"]) == [False, True, False]
    assert list(hits["sentence_id"]) == [0, 1, 2]


def test_an_article_without_text_has_no_sentences_and_no_hits(demo_corpus):
    empty = Article("empty", "Outlet", "T", None, "unknown", None, "", "")
    corpus = Corpus(demo_corpus.articles[:1] + (empty,), LoadReport(2, 2))
    result = analyze(corpus)
    assert (result.hits["article_id"] != "empty").all() and (result.sentences["article_id"] != "empty").all()
    assert result.articles.set_index("article_id").loc["empty", "n_sentences"] == 0


def test_an_empty_corpus_gives_empty_typed_tables():
    result = analyze(Corpus((), LoadReport()), bundled_lexicons())
    assert result.hits.empty and list(result.hits.columns) == list(HIT_COLUMNS)
    assert result.hits["start"].dtype == "int32" and result.sentences.empty


def test_tables_built_in_batches_equal_one_batch(seed, demo_corpus, monkeypatch):
    monkeypatch.setattr(tables_module.ColumnBatches, "BATCH", 7)
    batched = analyze(demo_corpus)
    pd.testing.assert_frame_equal(batched.hits, seed.hits)
    pd.testing.assert_frame_equal(batched.sentences, seed.sentences)


def test_progress_is_reported(demo_corpus):
    calls = []
    analyze(demo_corpus, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (5, 5)


def test_select_hits(seed):
    actors = select_hits(seed.hits, kind="actor", frame="Iran", lexicons=seed.lexicons)
    assert len(actors) > 0 and set(actors["frame"]) == {"Iran"} and set(actors["kind"]) == {"actor"}
    with pytest.raises(SettingsError, match="no actor called 'Iranians'.*Iran"):
        select_hits(seed.hits, kind="actor", frame="Iranians", lexicons=seed.lexicons)
    with pytest.raises(SettingsError, match="kind must be one of frame, naming, actor"):
        select_hits(seed.hits, kind="frames")


# --------------------------------------------------------------------------- cache


def test_save_and_load_give_the_same_tables(seed, tmp_path):
    save_analysis(seed, tmp_path / "a")
    back = load_analysis(tmp_path / "a")
    for name in ("articles", "sentences", "hits"):
        pd.testing.assert_frame_equal(getattr(back, name), getattr(seed, name), check_dtype=False)
    assert back.hits["speaker"].isna().sum() == seed.hits["speaker"].isna().sum()
    assert [lexicon_fingerprint(lex) for lex in back.lexicons] == [lexicon_fingerprint(lex) for lex in seed.lexicons]


def test_articles_saved_a_slice_at_a_time_read_back_whole(seed, tmp_path, monkeypatch):
    """Bodies are converted to Arrow a few articles at a time; metadata that is missing in the
    first slice, or mixes types, reads back as it was."""
    monkeypatch.setattr(saved_module, "SLICE_ROWS", {"articles": 2})
    articles = seed.articles.assign(desk=[None, None, "World", None, "Politics"],
                                    tags=[None, ["war", "Syria"], "one tag", 3, None])
    save_analysis(seed.with_articles(articles, label="meta"), tmp_path / "a")
    back = load_analysis(tmp_path / "a").articles
    pd.testing.assert_frame_equal(back.drop(columns="tags"), articles.drop(columns="tags"), check_exact=True)
    assert back["body"].tolist() == seed.articles["body"].tolist() and len(back) == 5
    assert back["tags"].tolist() == [None, '["war", "Syria"]', '"one tag"', "3", None]  # mixed: as JSON text


def test_cached_analyze_reuses_the_cache_and_notices_changes(demo_corpus, tmp_path, monkeypatch):
    lexicons = bundled_lexicons()
    first = cached_analyze(demo_corpus, lexicons, cache_dir=tmp_path)
    assert len(list((tmp_path / "analyses").iterdir())) == 1

    def fail(*args, **kwargs):
        raise AssertionError("analyze ran although the cache holds this analysis")

    monkeypatch.setattr(pipeline_module, "analyze", fail)
    again = cached_analyze(demo_corpus, lexicons, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(again.hits, first.hits, check_dtype=False)
    assert again.corpus is demo_corpus
    monkeypatch.undo()

    fewer = Corpus(demo_corpus.articles[:2], demo_corpus.report, demo_corpus.path)
    cached_analyze(fewer, lexicons, cache_dir=tmp_path)
    other = (Lexicon("mine", "1", "", (), frames=(Frame("f", "", (Pole("f", (Term("Syria"),)),)),)),)
    only = cached_analyze(demo_corpus, other, cache_dir=tmp_path)
    assert set(only.hits["frame"]) == {"f"}
    assert len(list((tmp_path / "analyses").iterdir())) == 3


def test_a_damaged_cache_is_analysed_again(demo_corpus, tmp_path):
    cached_analyze(demo_corpus, cache_dir=tmp_path)
    (folder,) = (tmp_path / "analyses").iterdir()
    (folder / "hits.parquet").write_bytes(b"not parquet")
    assert len(cached_analyze(demo_corpus, cache_dir=tmp_path).hits) > 0


# --------------------------------------------------------------------------- CLI


def test_cli_hits_json_has_every_field(demo_corpus_path, capsys):
    assert main(["hits", str(demo_corpus_path), "--format", "json", "--frame", "legitimacy"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) == set(HIT_COLUMNS)
    assert {"illegal", "legitimately", "invitation"} <= {r["matched"] for r in rows}
    assert {r["frame"] for r in rows} == {"legitimacy"}


def test_cli_hits_csv_and_kind(demo_corpus_path, capsys):
    assert main(["hits", str(demo_corpus_path), "--format", "csv", "--kind", "naming"]) == 0
    table = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    assert list(table.columns) == list(HIT_COLUMNS) and set(table["kind"]) == {"naming"}
    assert "Daech" in set(table["matched"])


def test_cli_hits_table_with_a_user_lexicon(demo_corpus_path, tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nversion: '1'\ndescription: test\nlicence: CC0-1.0\n"
                    "sources:\n  - {title: own, licence: CC0-1.0}\n"
                    "frames:\n  withdrawal:\n    description: leaving\n    role: topic\n    terms: [withdraw*]\n", encoding="utf-8")
    assert main(["hits", str(demo_corpus_path), "--lexicon", str(path)]) == 0
    out = capsys.readouterr().out
    assert "withdraw" in out and "legitimacy" not in out
    assert out.splitlines()[0].split()[:4] == ["article_id", "outlet", "sentence_id", "start"]


def test_cli_hits_unknown_frame_is_a_clean_error(demo_corpus_path, capsys):
    assert main(["hits", str(demo_corpus_path), "--frame", "nonsense"]) == 2
    assert "no frame, naming set or actor called 'nonsense'" in capsys.readouterr().err


def test_several_workers_give_the_same_tables(demo_corpus, monkeypatch):
    monkeypatch.setattr(pipeline_module, "_CHUNK", 2)
    one = analyze(demo_corpus)
    two = analyze(demo_corpus, workers=2)
    for name in ("articles", "sentences", "hits"):
        pd.testing.assert_frame_equal(getattr(two, name), getattr(one, name))
    with pytest.raises(SettingsError, match="workers must be"):
        analyze(demo_corpus, workers=0)


def test_cli_table_cuts_long_cells_only(seed):
    from framing.cli.hits import TABLE_CELL, _shortened
    hits = seed.hits.head(2).copy()
    hits["speaker"] = pd.Series(["x" * (TABLE_CELL + 5), None], dtype=object)
    short = _shortened(hits)
    assert short["speaker"].iloc[0] == "x" * (TABLE_CELL - 1) + "…" and short["speaker"].iloc[1] is None
    assert list(short["matched"]) == list(hits["matched"])


def test_the_cache_key_covers_every_file_of_the_context_rules(monkeypatch):
    """framing/context is a package: an edit in any of its files changes the key."""
    from framing.measure.cache import ANALYSIS_CODE, code_digest
    before = code_digest(ANALYSIS_CODE)
    code_digest.cache_clear()
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes",
                        lambda path: read_bytes(path) + (b"# edited" if "context" in path.parts else b""))
    assert code_digest(ANALYSIS_CODE) != before
    code_digest.cache_clear()


def test_cli_json_written_in_pieces_is_one_array(seed):
    import io

    from framing.cli.output import write_json_lines_array
    out = io.StringIO()
    write_json_lines_array(seed.hits, out, rows_per_piece=7)
    rows = json.loads(out.getvalue())
    assert len(rows) == len(seed.hits) and rows[8]["matched"] == seed.hits["matched"].iloc[8]
    empty = io.StringIO()
    write_json_lines_array(seed.hits.head(0), empty)
    assert json.loads(empty.getvalue()) == []


def test_lexicons_must_be_lexicon_objects(demo_corpus):
    with pytest.raises(SettingsError, match="lexicons must be Lexicon objects.*got str"):
        analyze(demo_corpus, ["conflict"])


def test_sentence_text_false_leaves_each_sentence_to_its_body(demo_corpus):
    from framing.measure import score
    from framing.measure.analysis import sentence_texts

    full, lean = analyze(demo_corpus), analyze(demo_corpus, sentence_text=False)
    assert "text" not in lean.sentences.columns
    pd.testing.assert_frame_equal(lean.sentences, full.sentences.drop(columns="text"))
    pd.testing.assert_frame_equal(lean.hits, full.hits)
    assert sentence_texts(lean.sentences, lean.articles) == full.sentences["text"].tolist()
    assert sentence_texts(full.sentences, rows=[3, 1]) == full.sentences["text"].take([3, 1]).tolist()
    with pytest.raises(SettingsError, match="pass the articles table"):
        sentence_texts(lean.sentences)
    with pytest.raises(SettingsError, match="is not in the articles table"):
        sentence_texts(lean.sentences, lean.articles.iloc[1:])
    common = ScoreSettings(bootstrap=BootstrapSettings(n_boot=50))
    pd.testing.assert_frame_equal(score.actor_sentiment(lean, common), score.actor_sentiment(full, common))


def test_speaker_and_target_strings_are_shared_between_rows(demo_corpus):
    hits = analyze(demo_corpus).hits
    for column in ("speaker", "target"):
        values = [v for v in hits[column] if v is not None]
        assert values and all(isinstance(v, str) for v in values)
        assert len({id(v) for v in values}) == len(set(values))  # one object per distinct string
    assert hits["target"].isna().any()  # None stays None


def test_sentences_naming_an_actor_carry_their_vader_score(demo_corpus):
    from framing.measure.sentiment import compound_scores

    analysis = analyze(demo_corpus)
    sentences, hits = analysis.sentences, analysis.hits
    actor_rows = set(zip(hits.loc[hits["kind"] == "actor", "article_id"].astype(str),
                         hits.loc[hits["kind"] == "actor", "sentence_id"]))
    scored = sentences["compound"].notna()
    assert set(zip(sentences.loc[scored, "article_id"].astype(str), sentences.loc[scored, "sentence_id"])) == actor_rows
    assert 50 < scored.sum() < len(sentences)
    expected = compound_scores(sentences.loc[scored, "text"].tolist())
    assert sentences.loc[scored, "compound"].to_numpy() == pytest.approx(expected)


def test_actor_sentiment_reads_the_analysis_scores_and_scores_only_what_is_missing(demo_corpus, monkeypatch):
    from framing.measure import score
    analysis = analyze(demo_corpus)
    common = ScoreSettings(bootstrap=BootstrapSettings(n_boot=50))
    unscored = replace(analysis, sentences=analysis.sentences.drop(columns="compound"), key="unscored")
    rescored = score.actor_sentiment(unscored, common)

    def no_vader(*args, **kwargs):
        raise AssertionError("VADER ran although the analysis had scored every sentence")

    monkeypatch.setattr(score, "sentence_sentiment", no_vader)
    read = score.actor_sentiment(analysis, common)
    pd.testing.assert_frame_equal(read, rescored)
