"""Counting the terms (unigrams, bigrams, trigrams) of many texts without spelling out every n-gram.

What is counted (``framing.measure.term_matrix`` describes it): ``normalize_token`` words of
``WORD_OR_BREAK``; an n-gram is ``n`` adjacent words of one text, none a break or a stop word.
scikit-learn's ``CountVectorizer`` counts the same with the matching analyzer, but it first
holds every distinct n-gram of the corpus as a string (millions of bigrams used once: most of
the memory of ``framing terms`` on a large corpus) and only then can the rare ones be dropped.
Here each text is read once into word ids (a vocabulary of words, not of n-grams), kept in
chunks as 32-bit integers; an n-gram is an integer code (the position of its first ``n - 1``
words among the kept (n-1)-grams, times the number of words, plus its last word's id), the
codes are counted with numpy, and only the n-grams used ``min_count`` times or more are ever
written out as text. An n-gram is looked for only when its first ``n - 1`` words form a kept
(n-1)-gram: it cannot be used more often than the (n-1)-gram it starts with, so none is missed.
The result is exactly ``CountVectorizer``'s (checked by ``tests/test_term_counts.py``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import NamedTuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.settings import TermSettings
from framing.text.tokenize import TOKEN_PATTERN

#: Where a bigram may not reach across: line breaks, clause and sentence marks, a dash between
#: spaces, and a full stop that ends a word (not the inner dots of "U.S", nor the last dot of
#: "U.S." or "D.C."). Found in the same pass as the words, as one-character "break" tokens.
_BREAK = r"[\n\r,;:!?()\[\]{}…—–|]|(?<=\s)-(?=-*\s)|(?<!\.[^\W_])\.(?![^\W_])"
WORD_OR_BREAK = re.compile(f"{TOKEN_PATTERN}|{_BREAK}")
#: Texts read into one chunk of word ids (the arrays of one chunk are the working memory).
CHUNK_TEXTS = 2_000


class TermCounts(NamedTuple):
    """``per_article``: texts x terms counts (CSR, sorted columns, int32: half the memory of int64, and
    no text uses a term 2^31 times; sums of them are int64); ``terms``: the terms used
    ``min_count`` times or more, sorted as strings (CountVectorizer's order); ``totals``: texts x
    (n-gram order + 1), column ``k`` every word (``k`` = 1) or clause-internal ``k``-gram of the
    text, stop words and rare terms included (column 0 is 0)."""

    per_article: sparse.csr_matrix
    terms: np.ndarray
    totals: np.ndarray


class _Chunk(NamedTuple):
    ids: np.ndarray  # the word (and break) ids of the chunk's texts, one text after the other
    lengths: np.ndarray  # how many ids each text has

    @property
    def n_texts(self) -> int:
        return len(self.lengths)

    @property
    def text(self) -> np.ndarray:
        """The text (counted from the chunk's first) of each position."""
        return np.repeat(np.arange(len(self.lengths), dtype=np.int32), self.lengths)


class _Corpus(NamedTuple):
    chunks: list[_Chunk]
    words: np.ndarray  # each word id's word
    kept: np.ndarray  # per word id: neither a break nor a stop word (may be part of a term)
    breaks: np.ndarray  # per word id: a break


def normalize_token(token: str) -> str:
    """The form a word is counted under: lowercase, curly apostrophe made straight."""
    return token.lower().replace("’", "'")


def is_break(token: str) -> bool:
    """Whether a token of ``WORD_OR_BREAK`` is a break (punctuation), not a word."""
    return not token[0].isalnum()


def stop_set(stop_words) -> frozenset:
    """The stop words ``TermSettings.stop_words`` names."""
    if stop_words == "english":
        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset() if stop_words == "none" else stop_words


def count_terms(texts: Iterable[str], settings: TermSettings) -> TermCounts:
    """Count the terms of ``settings.ngram_range`` in ``texts``, keeping those used
    ``settings.min_count`` times or more in all of them."""
    return count_tokens(map(tokenize, _batches(iter(texts))), settings)


def count_tokens(pieces: Iterable[Tokens], settings: TermSettings) -> TermCounts:
    """``count_terms`` of texts already read into ``Tokens``, piece by piece (in text order;
    each piece may have been read in another process)."""
    corpus = _read(pieces, stop_set(settings.stop_words))
    hi = settings.ngram_range[1]
    frequent: dict[int, np.ndarray] = {}
    for n in range(1, hi + 1):
        frequent[n] = _frequent_codes(corpus, n, frequent, settings.min_count)
    terms, columns = _sorted_terms(frequent, settings.ngram_range, corpus.words)
    pieces = [_chunk_counts(corpus, chunk, frequent, columns, len(terms)) for chunk in corpus.chunks]
    per_article = sparse.vstack(pieces, format="csr") if pieces else sparse.csr_matrix((0, len(terms)), dtype=np.int32)
    totals = np.concatenate([np.zeros((0, hi + 1), dtype=np.int64),
                             *(_gram_totals(corpus, chunk, hi) for chunk in corpus.chunks)])
    return TermCounts(per_article=per_article, terms=terms, totals=totals)


class Tokens(NamedTuple):
    """Some texts read into word (and break) ids of their own small vocabulary: ``words`` (each
    id's word), ``ids`` (int32, one text after the other), ``lengths`` (ids per text). What a
    worker process sends back (``tokenize``); ``count_tokens`` merges the vocabularies."""

    words: list[str]
    ids: np.ndarray
    lengths: np.ndarray


def tokenize(texts: Iterable[str]) -> Tokens:
    """``texts`` as ``Tokens``: ``WORD_OR_BREAK`` tokens, ``normalize_token``-ed."""
    index: defaultdict[str, int] = defaultdict()
    index.default_factory = index.__len__  # a new word gets the next id
    find = WORD_OR_BREAK.findall
    ids = [np.fromiter(map(index.__getitem__, find(normalize_token(text))), dtype=np.int32) for text in texts]
    return Tokens(words=list(index), ids=np.concatenate([np.zeros(0, dtype=np.int32), *ids]),
                  lengths=np.array([len(i) for i in ids], dtype=np.int64))


def _batches(texts: Iterator[str]) -> Iterator[list[str]]:
    while batch := list(islice(texts, CHUNK_TEXTS)):
        yield batch


def _sorted_terms(frequent: dict[int, np.ndarray], ngram_range: tuple[int, int], words: np.ndarray
                  ) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """The frequent terms of the orders in ``ngram_range``, sorted as Python sorts strings
    (as CountVectorizer orders its columns), and each order's columns, code by code."""
    lo, hi = ngram_range
    spelt = [_spelt(frequent, n, words) for n in range(lo, hi + 1)]
    terms = np.concatenate([np.zeros(0, dtype=object), *spelt])
    order = np.argsort(terms, kind="stable")
    column = np.empty(len(terms), dtype=np.int64)
    column[order] = np.arange(len(terms))
    bounds = np.cumsum([0, *map(len, spelt)])
    return terms[order], {n: column[bounds[n - lo]:bounds[n - lo + 1]] for n in range(lo, hi + 1)}


def _read(pieces: Iterable[Tokens], stop: frozenset) -> _Corpus:
    """The pieces' ids made ids of one vocabulary, piece by piece, and what each word id is."""
    index: dict[str, int] = {}
    chunks = []
    for piece in pieces:
        own = np.fromiter((index.setdefault(word, len(index)) for word in piece.words), dtype=np.int32,
                          count=len(piece.words))
        chunks.append(_Chunk(ids=own[piece.ids], lengths=piece.lengths))
    words = np.array(list(index), dtype=object)
    breaks = np.fromiter((is_break(w) for w in words), dtype=bool, count=len(words))
    stops = np.fromiter((w in stop for w in words), dtype=bool, count=len(words))
    return _Corpus(chunks=chunks, words=words, kept=~breaks & ~stops, breaks=breaks)


def _windows(mask: np.ndarray, text: np.ndarray, n: int) -> np.ndarray:
    """Where runs of ``n`` positions all in ``mask`` and in one text start."""
    starts = len(mask) - n + 1
    if starts <= 0:
        return np.zeros(0, dtype=np.int64)
    ok = mask[:starts] & (text[n - 1:] == text[:starts])
    for j in range(1, n):
        ok &= mask[j:j + starts]
    return np.flatnonzero(ok)


def _codes(corpus: _Corpus, chunk: _Chunk, n: int, frequent: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The text (in the chunk) and code of each of the chunk's n-grams whose first n - 1 words
    are a frequent (n-1)-gram (``frequent[k]``: the sorted codes of the frequent k-grams)."""
    text = chunk.text
    starts = _windows(corpus.kept[chunk.ids], text, n)
    code = chunk.ids[starts].astype(np.int64)
    for k in range(1, n):
        position, found = _lookup(frequent[k], code)
        starts = starts[found]
        code = position[found] * len(corpus.words) + chunk.ids[starts + k]
    return text[starts], code


def _lookup(sorted_codes: np.ndarray, code: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each code is in ``sorted_codes``, and whether it is there: read from a table
    indexed by code when the codes are small (word ids), else found by binary search."""
    if len(sorted_codes) and sorted_codes[-1] < 4 * len(code):
        table = np.full(sorted_codes[-1] + 2, -1, dtype=np.int64)  # the last entry stands for every larger code
        table[sorted_codes] = np.arange(len(sorted_codes))
        position = table[np.minimum(code, len(table) - 1)]
        return position, position >= 0
    position = np.searchsorted(sorted_codes, code)
    found = position < len(sorted_codes)
    found[found] = sorted_codes[position[found]] == code[found]
    return position, found


def _frequent_codes(corpus: _Corpus, n: int, frequent: dict[int, np.ndarray], min_count: int) -> np.ndarray:
    """The sorted codes of the n-grams used ``min_count`` times or more in all the texts."""
    codes, counts = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for chunk in corpus.chunks:
        chunk_codes, chunk_counts = np.unique(_codes(corpus, chunk, n, frequent)[1], return_counts=True)
        codes.append(chunk_codes)
        counts.append(chunk_counts)
    distinct, where = np.unique(np.concatenate(codes), return_inverse=True)
    return distinct[np.bincount(where, weights=np.concatenate(counts), minlength=len(distinct)) >= min_count]


def _spelt(frequent: dict[int, np.ndarray], n: int, words: np.ndarray) -> np.ndarray:
    """The frequent n-grams as text, in the order of their codes."""
    code, parts = frequent[n], []
    for k in range(n, 1, -1):
        prefix, last = np.divmod(code, len(words))
        parts.append(words[last])
        code = frequent[k - 1][prefix]
    parts.append(words[code])
    spelt = np.empty(len(code), dtype=object)
    spelt[:] = [" ".join(gram) for gram in zip(*reversed(parts))]
    return spelt


def _chunk_counts(corpus: _Corpus, chunk: _Chunk, frequent, columns: dict[int, np.ndarray], n_terms: int
                  ) -> sparse.csr_matrix:
    """The chunk's texts x terms counts."""
    rows, cols = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for n, column in columns.items():
        row, code = _codes(corpus, chunk, n, frequent)
        position, found = _lookup(frequent[n], code)
        rows.append(row[found].astype(np.int64))
        cols.append(column[position[found]])
    key, count = np.unique(np.concatenate(rows) * max(n_terms, 1) + np.concatenate(cols), return_counts=True)
    row, col = np.divmod(key, max(n_terms, 1))
    indptr = np.searchsorted(row, np.arange(chunk.n_texts + 1))
    return sparse.csr_matrix((count.astype(np.int32), col, indptr), shape=(chunk.n_texts, n_terms))


def _gram_totals(corpus: _Corpus, chunk: _Chunk, hi: int) -> np.ndarray:
    """The chunk's texts x ``(0, words, clause-internal bigrams, ..., hi-grams)``, stop words
    included."""
    words, text = ~corpus.breaks[chunk.ids], chunk.text
    totals = np.zeros((chunk.n_texts, hi + 1), dtype=np.int64)
    for k in range(1, hi + 1):
        totals[:, k] = np.bincount(text[_windows(words, text, k)], minlength=chunk.n_texts)
    return totals
