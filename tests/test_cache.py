"""The one disk cache (``framing.measure.cache``): corpora, analyses and derived tables read
back equal to what was computed, and computed afresh when the files, lexicons or code change."""
from __future__ import annotations

import shutil

from framing.corpus.load import load_corpus
from framing.lexicon import bundled_lexicons
from framing.measure.cache import DiskCache, analysis_key, code_digest, derived_key, source_key
from framing.measure.pipeline import analyze


def test_corpus_cache_reads_back_the_same_corpus_and_notices_edits(tmp_path, demo_corpus_path):
    folder = tmp_path / "corpus"
    shutil.copytree(demo_corpus_path, folder)
    calls = []

    def counting_load(path):
        calls.append(path)
        return load_corpus(path)

    cache = DiskCache(tmp_path / "cache")
    first = cache.corpus(folder, counting_load)
    again = cache.corpus(folder, counting_load)
    assert len(calls) == 1
    assert again.articles == first.articles and again.report == first.report and again.path == first.path
    assert [a.removed for a in again] == [a.removed for a in first] and again.articles[0].removed
    assert dict(again.articles[0].meta) == dict(first.articles[0].meta)
    key = source_key(folder)
    (folder / "manifest.csv").write_text((folder / "manifest.csv").read_text() + "\n", encoding="utf-8")
    assert source_key(folder) != key
    cache.corpus(folder, counting_load)
    assert len(calls) == 2
    assert source_key(folder, (("text", "story"),)) != source_key(folder), "loading options are in the key"


def test_a_stored_analysis_opens_without_the_corpus_with_its_report(tmp_path, demo_corpus_path):
    lexicons = bundled_lexicons()
    key = analysis_key(source_key(demo_corpus_path), lexicons)
    runs = []

    def analyse():
        runs.append(1)
        return analyze(load_corpus(demo_corpus_path), lexicons)

    cache = DiskCache(tmp_path)
    first = cache.analysis(key, analyse, lexicons=lexicons)
    again = DiskCache(tmp_path).analysis(key, analyse)
    assert runs == [1] and again.corpus is None and again.key == first.key == key
    assert again == first and hash(again) == hash(first)
    assert again.report == first.report and again.report.loaded == 5
    assert again.hits[["article_id", "start", "end", "frame", "pole", "voice"]].equals(
        first.hits[["article_id", "start", "end", "frame", "pole", "voice"]])
    assert [lex.name for lex in again.lexicons] == [lex.name for lex in lexicons], "lexicons rebuilt from YAML"


def test_derived_tables_are_kept_per_key(tmp_path):
    cache = DiskCache(tmp_path)
    calls = []
    first = cache.table(derived_key("k", "frame_rates", 1000), lambda: calls.append(1) or {"rows": 3})
    same = cache.table(derived_key("k", "frame_rates", 1000), lambda: calls.append(1) or None)
    assert calls == [1] and same == first
    cache.table(derived_key("k", "frame_rates", 200), lambda: calls.append(1))
    cache.table(derived_key("other", "frame_rates", 1000), lambda: calls.append(1))
    assert calls == [1, 1, 1]


def test_a_damaged_entry_is_computed_again(tmp_path):
    cache = DiskCache(tmp_path)
    key = derived_key("k", "t")
    cache.table(key, lambda: [1, 2])
    (target,) = (tmp_path / "tables").iterdir()
    target.write_bytes(b"not a pickle")
    assert cache.table(key, lambda: [3]) == [3]


def test_lexicons_and_code_are_in_the_analysis_key(demo_corpus_path, monkeypatch):
    conflict, epistemic = bundled_lexicons(["conflict", "epistemic"])
    source = source_key(demo_corpus_path)
    assert analysis_key(source, [conflict]) != analysis_key(source, [conflict, epistemic])
    before = analysis_key(source, [conflict])
    code_digest.cache_clear()
    monkeypatch.setattr("framing.measure.cache.__version__", "0.0.0-edited")
    try:
        assert analysis_key(source, [conflict]) != before
    finally:
        code_digest.cache_clear()
