"""``term_counts.count_terms`` gives exactly what scikit-learn's ``CountVectorizer`` gives with
the analyzer it replaces (below, as it was in ``term_matrix``), rare terms then dropped: the
same terms in the same order, the same counts per text, the same word and n-gram totals, on
the bundled corpus and the test corpora, across chunk boundaries and at the ``min_count`` edge."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from framing.corpus.load import load_corpus
from framing.measure import term_counts
from framing.measure.term_counts import WORD_OR_BREAK, count_terms, is_break, stop_set
from framing.settings import TermSettings

REPO = Path(__file__).resolve().parent.parent
CORPORA = ("corpus", "tests/fixtures/corpus/articles.jsonl", "tests/fixtures/corpus/articles.csv",
           "tests/fixtures/sides/articles.jsonl", "tests/fixtures/three_sides/articles.csv")
EDGES = ["", "...", "U.S. officials; the U.S. Senate", "Iran’s talks — Iran's talks", "a - b -- c", "word",
         "", "New York, New York. new york\nnew york", "the the the", "Ünïcode wörds, wörds", ""]
RANGES = ((1, 1), (1, 2), (2, 2), (1, 3), (2, 3), (3, 3))


def reference_analyzer(settings: TermSettings, totals: list):
    """The analyzer ``CountVectorizer`` was given before ``term_counts``; appends each text's
    ``(0, words, bigrams, ..., hi-grams)`` to ``totals``."""
    preprocess = CountVectorizer(lowercase=True).build_preprocessor()
    stop = stop_set(settings.stop_words)
    lo, hi = settings.ngram_range

    def analyze(doc: str) -> list[str]:
        tokens = WORD_OR_BREAK.findall(preprocess(doc).replace("’", "'"))
        breaks = [i for i, t in enumerate(tokens) if is_break(t)]
        runs = np.diff(np.array([-1, *breaks, len(tokens)])) - 1
        totals.append((0, *(int(np.maximum(runs - k + 1, 0).sum()) for k in range(1, hi + 1))))
        kept = [t not in stop and not is_break(t) for t in tokens]
        grams: list[str] = []
        for n in range(lo, hi + 1):
            grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1) if all(kept[i:i + n]))
        return grams

    return analyze


def reference_counts(texts: list[str], settings: TermSettings):
    totals: list = []
    vectorizer = CountVectorizer(analyzer=reference_analyzer(settings, totals), dtype=np.int64)
    try:
        counts = vectorizer.fit_transform(texts).tocsc()
        terms = np.array(vectorizer.get_feature_names_out(), dtype=object)
    except ValueError:  # no term at all
        counts, terms = np.zeros((len(texts), 0), dtype=np.int64), np.array([], dtype=object)
    keep = np.asarray(counts.sum(axis=0)).ravel() >= settings.min_count
    return counts[:, keep], terms[keep], np.array(totals, dtype=np.int64).reshape(len(texts), settings.ngram_range[1] + 1)


def assert_same(texts: list[str], settings: TermSettings) -> np.ndarray:
    expected_counts, expected_terms, expected_totals = reference_counts(texts, settings)
    counted = count_terms(iter(texts), settings)
    assert counted.terms.tolist() == expected_terms.tolist()
    assert counted.per_article.shape == expected_counts.shape
    assert (counted.per_article != expected_counts).nnz == 0 if counted.per_article.shape[1] else True
    assert counted.per_article.has_sorted_indices and counted.per_article.dtype == np.int32
    assert np.array_equal(counted.totals, expected_totals)
    return np.asarray(expected_counts.sum(axis=0)).ravel()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    bodies = [article.body for path in CORPORA for article in load_corpus(REPO / path).articles]
    assert len(bodies) > 300
    return bodies + EDGES


@pytest.mark.parametrize("ngram_range", RANGES)
def test_the_counts_are_count_vectorizers_on_real_text(texts, ngram_range):
    for min_count in (1, 2, 5):
        used = assert_same(texts, TermSettings(ngram_range=ngram_range, min_count=min_count))
        if min_count > 1:  # the cut-off itself was met: terms used exactly min_count times are kept
            assert (used == min_count).any()


@pytest.mark.parametrize("chunk", [1, 2, 7])
def test_chunks_change_nothing(texts, monkeypatch, chunk):
    """Texts counted in small chunks: counts merged across chunks, a term reaching
    ``min_count`` only over several chunks kept, an n-gram's prefix counted elsewhere."""
    monkeypatch.setattr(term_counts, "CHUNK_TEXTS", chunk)
    sample = texts[:40] + EDGES
    for settings in (TermSettings(min_count=3), TermSettings(ngram_range=(1, 3), min_count=2, stop_words="none")):
        assert_same(sample, settings)


def test_stop_words_none_and_own(texts):
    assert_same(texts, TermSettings(stop_words="none", min_count=3))
    assert_same(texts, TermSettings(stop_words=["Iran", "talks", "U.S", "said"], ngram_range=(1, 3), min_count=2))


def test_the_min_count_edge_by_hand(monkeypatch):
    monkeypatch.setattr(term_counts, "CHUNK_TEXTS", 2)
    texts = ["war peace", "war peace", "war, peace", "peace war trade", "", "war peace trade trade"]
    counted = count_terms(iter(texts), TermSettings(min_count=3))
    # war 5, peace 5, "war peace" 3 (the comma breaks the third), trade 3, "peace war" 1, "peace trade" 1,
    # "war trade" 0 (never adjacent), "trade trade" 1
    assert counted.terms.tolist() == ["peace", "trade", "war", "war peace"]
    assert counted.per_article.toarray().tolist() == [[1, 0, 1, 1], [1, 0, 1, 1], [1, 0, 1, 0], [1, 1, 1, 0],
                                                      [0, 0, 0, 0], [1, 2, 1, 1]]
    assert count_terms(iter(texts), TermSettings(min_count=4)).terms.tolist() == ["peace", "war"]


def test_nothing_to_count():
    for texts in ([], ["", "..."], ["the of and"]):
        counted = count_terms(iter(texts), TermSettings())
        assert counted.per_article.shape == (len(texts), 0) and counted.terms.tolist() == []
        assert counted.totals.shape == (len(texts), 3)
    assert_same(["", "...", "the of and"], TermSettings(min_count=1))


def test_bodies_are_read_as_fillna_astype_str_read_them():
    """``term_matrix._bodies`` yields one body at a time what ``fillna("").astype(str)`` held."""
    from framing.measure.term_matrix import _bodies
    for bodies in (pd.Series(["war peace", None, np.nan, 123, pd.NA, "war"], dtype=object),
                   pd.Series(["war", None, "peace"], dtype="str")):
        assert list(_bodies(bodies)) == list(bodies.fillna("").astype(str))
