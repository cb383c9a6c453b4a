"""Rare terms are dropped from the per-article counts without a column-major copy of every
column (``term_matrix._frequent``): the result must be what slicing the columns gives."""
from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from framing.measure.term_matrix import _frequent

DOCS = ["the occupation of the territory", "", "occupation occupation forces", "invited forces", "", "the forces"]


def test_frequent_columns_equal_the_sliced_matrix_with_empty_rows():
    for min_count in (1, 2, 3, 4):
        vectorizer = CountVectorizer()
        counts = vectorizer.fit_transform(DOCS)
        every_term = np.array(sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get), dtype=object)
        keep = np.asarray(counts.sum(axis=0)).ravel() >= min_count
        expected = sparse.csc_matrix(counts)[:, keep].tocsr()
        pruned, terms = _frequent(counts, vectorizer, min_count)
        assert list(terms) == list(every_term[keep])
        assert (pruned != expected).nnz == 0 and pruned.shape == expected.shape
        assert np.array_equal(pruned.indptr, expected.indptr) and np.array_equal(pruned.indices, expected.indices)
        assert vectorizer.vocabulary_ == {}, "the whole vocabulary is released"


def test_frequent_keeps_the_counts_of_the_words_used_often():
    vectorizer = CountVectorizer()
    pruned, terms = _frequent(vectorizer.fit_transform(DOCS), vectorizer, 3)
    assert list(terms) == ["forces", "occupation", "the"]
    assert pruned.toarray().tolist() == [[0, 1, 2], [0, 0, 0], [1, 2, 0], [1, 0, 0], [0, 0, 0], [1, 0, 1]]
