"""Chunked reading, the processed-corpus store, the Dask engine and the progress bar, on a corpus
of a few hundred articles made from the demo corpus's real paragraphs (tests/many_articles.py)."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from many_articles import article_records, write_jsonl

from framing.cli import main
from framing.corpus.chunks import ReadOptions
from framing.corpus.load import load_corpus
from framing.corpus.records import corpus_fingerprint
from framing.measure import score
from framing.measure.chunked import analyze_path, load_path
from framing.measure.engines import EngineSettings
from framing.measure.pipeline import analyze
from framing.measure.store import Store, analyze_into_store
from framing.settings import BootstrapSettings, ScoreSettings

TABLES = ("articles", "sentences", "hits")
BOOT = BootstrapSettings(n_boot=200)


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("many") / "articles.jsonl", article_records())


@pytest.fixture(scope="module")
def in_memory(corpus_file):
    """The corpus analysed as before chunked reading existed: load, then analyse."""
    return analyze(load_corpus(corpus_file, keep_raw=False), workers=1, sentence_text=False)


@pytest.fixture(scope="module")
def store(corpus_file, tmp_path_factory) -> Store:
    return analyze_into_store(corpus_file, tmp_path_factory.mktemp("store") / "s", engine=EngineSettings(workers=1),
                              part_articles=120)


def assert_same_tables(a, b) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_reading_in_chunks_gives_the_corpus_and_report_load_corpus_gives(corpus_file):
    whole = load_corpus(corpus_file)
    chunked = load_path(corpus_file, read=ReadOptions(keep_raw=True), engine=EngineSettings(workers=1),
                        chunk_articles=7)
    assert chunked.articles == whole.articles
    assert chunked.report == whole.report
    assert whole.report.fingerprint == corpus_fingerprint(whole)  # kept while loading, from the raw texts
    reasons = {item.reason.split(" (")[0] for item in whole.report.skipped}
    assert reasons == {"duplicate id", "duplicate text within outlet", "missing required field: outlet"}
    assert any(note.startswith("no date:") for note in whole.report.notes)


def test_analysis_in_chunks_in_two_processes_equals_load_then_analyse(corpus_file, in_memory):
    chunked = analyze_path(corpus_file, engine=EngineSettings(workers=2), sentence_text=False, chunk_articles=40)
    assert_same_tables(in_memory, chunked)
    assert chunked.report == in_memory.report


def test_store_round_trips_the_tables_and_report(store, in_memory):
    stored = store.analysis()
    assert not stored.loaded("hits")
    assert_same_tables(in_memory, stored)
    assert stored.report == in_memory.report
    manifest = store.manifest()
    assert len(manifest["parts"]) == 2 and len(manifest["sources"]) == 1  # parts end on chunk boundaries
    assert [lex["name"] for lex in manifest["lexicons"]] == [lex.name for lex in in_memory.lexicons]


@pytest.mark.parametrize("table", [score.frame_rates, score.axis_balance, score.label_shares,
                                   score.actor_sentiment, score.target_rates])
def test_scores_from_a_store_equal_scores_from_memory_without_reading_the_hits(store, in_memory, table):
    stored = store.analysis()
    settings = ScoreSettings(voice="each", bootstrap=BOOT)
    pd.testing.assert_frame_equal(table(stored, settings), table(in_memory, settings))
    assert not stored.loaded("hits") and not stored.loaded("articles")


def test_scores_of_a_subset_of_a_store_equal_those_of_the_subset_in_memory(store, in_memory):
    chosen = in_memory.articles[in_memory.articles["bias"] == "left"]
    settings = ScoreSettings(bootstrap=BOOT)
    from_store = score.frame_rates(store.analysis().subset(chosen, label="left"), settings)
    pd.testing.assert_frame_equal(from_store, score.frame_rates(in_memory.subset(chosen, label="left"), settings))


def test_appending_a_source_equals_analysing_the_whole_corpus(corpus_file, store, tmp_path):
    records = article_records()
    first = write_jsonl(tmp_path / "first.jsonl", records[:150], blank_after=None)
    second = write_jsonl(tmp_path / "second.jsonl", records[150:], blank_after=None)
    analyze_into_store(first, tmp_path / "s", engine=EngineSettings(workers=1))
    appended = analyze_into_store(second, tmp_path / "s", engine=EngineSettings(workers=1))
    whole = store.analysis()
    assert_same_tables(whole, appended.analysis())
    assert appended.report().loaded == whole.report.loaded
    assert appended.report().fingerprint == whole.report.fingerprint == corpus_fingerprint(load_corpus(corpus_file))
    assert [s.reason for s in appended.report().skipped] == [s.reason for s in whole.report.skipped]
    with pytest.raises(Exception, match="already in the store"):
        analyze_into_store(second, tmp_path / "s")


def test_a_store_refuses_other_lexicons(store, tmp_path):
    from framing.lexicon import bundled_lexicons

    with pytest.raises(Exception, match="other lexicons"):
        store.analysis(bundled_lexicons()[:1])


def cli(*argv: str, capsys) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_cli_reads_a_store_and_prints_what_the_corpus_gives(corpus_file, store, capsys):
    for command in (["score", "--table", "balance"], ["score", "--table", "sentiment"], ["hits"]):
        direct = cli(*command, str(corpus_file), "--format", "csv", "--boot", "200", capsys=capsys) \
            if command[0] == "score" else cli(*command, str(corpus_file), "--format", "csv", capsys=capsys)
        extra = ["--boot", "200"] if command[0] == "score" else []
        assert cli(*command, "--store", str(store.directory), "--format", "csv", *extra, capsys=capsys) == direct
        assert cli(*command, str(store.directory), "--format", "csv", *extra, capsys=capsys) == direct


@pytest.fixture(scope="module")
def dask_scheduler():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                                  silence_logs=40) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("command", [["hits"], ["score", "--table", "rates", "--voice", "each", "--boot", "200"]])
def test_the_dask_engine_prints_byte_for_byte_what_the_default_engine_prints(corpus_file, dask_scheduler, command,
                                                                             capsys):
    default = cli(*command, str(corpus_file), "--format", "csv", capsys=capsys)
    on_dask = cli(*command, str(corpus_file), "--format", "csv", "--engine", "dask", "--scheduler", dask_scheduler,
                  capsys=capsys)
    assert on_dask == default and default.count("\n") > 300


def test_a_store_made_on_dask_equals_one_made_locally(corpus_file, store, dask_scheduler, tmp_path):
    on_dask = analyze_into_store(corpus_file, tmp_path / "d", engine=EngineSettings(engine="dask", scheduler=dask_scheduler),
                                 part_articles=120)
    assert_same_tables(store.analysis(), on_dask.analysis())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_and_never_in_the_csv(corpus_file, capsys, monkeypatch):
    from framing.cli import progress

    monkeypatch.setattr(progress, "DELAY", 0)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    out = cli("hits", str(corpus_file), "--format", "csv", "--workers", "1", capsys=capsys)
    assert "analysing" in terminal.getvalue() and "articles" in terminal.getvalue()
    assert out.startswith("article_id,") and "analysing" not in out
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert cli("hits", str(corpus_file), "--format", "csv", "--workers", "1", "--quiet", capsys=capsys) == out
    assert quiet.getvalue() == ""
