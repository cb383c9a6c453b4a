"""One scan of a body for every cue the rules use: cue words (negation, hedges, speech verbs,
clause words, "that") in one Aho-Corasick pass that reports whole words only, and quote marks
and clause punctuation from a numpy table of character classes. The cues come out as sorted
lists and arrays, so that each hit's nearest cue is a bisection away."""
from __future__ import annotations

import re
from functools import cache

import ahocorasick
import numpy as np

from framing.text.tokenize import code_points

from .vocabulary import (
    ACCORDING,
    BOUND,
    CALL,
    DETERMINERS,
    DISTANCE,
    HEDGE,
    HEDGE_AFTER,
    NAMING_VERBS,
    NEG,
    NEG_VERB,
    SPEECH,
    SUFFIX,
    THAT,
    VOCABULARY,
    WEAK_SPEECH,
)

_NOT_NEGATION = re.compile(r"\s+(?:only|just|merely|least|doubt|less|matter|sooner)\b", re.I)
_SPACED_HYPHEN = re.compile(r" -(?= |- )")
_CALL_ON = re.compile(r"\s+(?:on|for|upon)\b")
#: "what X calls" (up to three words for X) ending right before a naming verb or a quote.
WHAT_BEFORE = re.compile(r"\bwhat((?:\s+[\w’'-]+){1,3})\s*$", re.I)
#: Every character's class: a clause boundary, a quote mark, or nothing (0).
BOUNDARY, QUOTE = 1, 2
_CHARACTER_CLASS = np.zeros(0x110000, dtype=np.uint8)
_CHARACTER_CLASS[[ord(c) for c in ",;:()[]!?—–…"]] = BOUNDARY
_CHARACTER_CLASS[[ord(c) for c in "“”„«»\"‘‚'"]] = QUOTE
#: What may stand before a word (a space, a quote, a bracket, a dash): cue words are looked for
#: after one of these, so that "no" in "know" is never even reported by the automaton.
_BEFORE_WORD = (" ", "\n", "\t", "\xa0", "“", '"', "(", "[", "‘", "'", "—", "–", "/")
_AFTER_WORD = (" ", "\n", "\t", "\xa0", ",", ".", ";", ":", "!", "?", "”", '"', "’", "'", ")", "]",
               "…", "—", "–", "/")
#: Sentinels below and above every offset: see ``sentineled``.
LOW, HIGH = -(1 << 62), 1 << 62


def character_classes(body: str) -> tuple[np.ndarray, np.ndarray]:
    """The code point and the class (``BOUNDARY``, ``QUOTE`` or 0) of every character."""
    codes = code_points(body)
    return codes, _CHARACTER_CLASS.take(codes)


@cache
def _destinations(kind: int) -> tuple[int, ...]:
    """Which of the body's cue lists (negation, hedge, speech, boundary, "that") take a cue."""
    return tuple(i for i, flags in enumerate((NEG | NEG_VERB, HEDGE, SPEECH | WEAK_SPEECH |
                                              ACCORDING, BOUND, THAT)) if kind & flags)


def _automaton() -> ahocorasick.Automaton:
    """Every cue word between a possible word start (``_BEFORE_WORD``; none for suffixes such
    as "n't") and a possible word end (``_AFTER_WORD``), so that the automaton reports whole
    words only; lower case and (except verbs and "may", to spare "Said" and "May")
    capitalised. Values: (length of the word, kind flags, needs a look at its neighbours,
    destination lists)."""
    kinds: dict[str, int] = {}
    for kind, words in VOCABULARY.items():
        for word in words.split("|"):
            forms = {word} if kind & (SPEECH | WEAK_SPEECH | CALL) or word == "may" \
                else {word, word[0].upper() + word[1:]}
            for form in forms:
                kinds[form] = kinds.get(form, 0) | kind
    automaton = ahocorasick.Automaton()
    for form, kind in kinds.items():
        refine = bool(kind & (NEG | CALL) or form in NAMING_VERBS)
        value = (len(form), kind, refine, _destinations(kind))
        for before in [""] if kind & SUFFIX else _BEFORE_WORD:
            for after in _AFTER_WORD:
                automaton.add_word(before + form + after, value)
    automaton.make_automaton()
    return automaton


_CUES = _automaton()


def sentineled(rows: list[tuple], *columns: tuple[int, int, int]) -> tuple[np.ndarray, ...]:
    """For each (index, low, high): that column of ``rows`` as an array between two
    sentinels, so that ``array[searchsorted(array, x) - 1]`` and ``array[searchsorted(array,
    x)]`` never fall off the ends; the sentinels are chosen to fail every test on them."""
    return tuple(np.array([low] + [row[i] for row in rows] + [high], dtype=np.int64)
                 for i, low, high in columns)


def _cue_end(cue: tuple[int, int, int]) -> int:
    return cue[1]


def _boundaries(punct: np.ndarray, words: list[tuple[int, int, int]]
                ) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of clause boundaries (one-character punctuation and cue words), sorted
    and between sentinels; boundaries never overlap, so both orders agree."""
    starts = np.array([c[0] for c in words], dtype=np.int64)
    ends = np.array([c[1] for c in words], dtype=np.int64)
    edges = np.array([LOW, HIGH], dtype=np.int64)
    return (np.sort(np.concatenate((edges, punct, starts))),
            np.sort(np.concatenate((edges, punct + 1, ends))))


class Cues:
    """The cues of one body, each ``(start, end, kind flags)``: ``speech`` (speech verbs and
    "according to", by start) and ``hedge`` (by start) as lists; negation and hedges as
    sentineled arrays by end (the cue before a term) and hedges by start (the one after);
    clause boundaries without (``b1``) and with (``b2``) "that" as (starts, ends) arrays."""

    def __init__(self, body: str, codes: np.ndarray, classes: np.ndarray):
        self.body = body
        lists: tuple[list, ...] = ([], [], [], [], [])
        # " " on both sides: a word may open or close the body; ``last`` is the index of the
        # character after the word in that padded text, so the word ends at ``last - 1``.
        for last, (length, kind, refine, destinations) in _CUES.iter(" " + body + " "):
            e = last - 1
            s = e - length
            if refine:
                kind = self.refine(s, e, kind)
                destinations = _destinations(kind)
            cue = (s, e, kind)
            for d in destinations:
                lists[d].append(cue)
        neg, hedge, speech, b1, that = lists
        punct = np.flatnonzero(classes == BOUNDARY)
        last = len(body) - 3                     # " - " and " -- " as dashes, not at the ends
        dashes = [m.start() + 1 for m in _SPACED_HYPHEN.finditer(body) if m.start() < last]
        if dashes:
            punct = np.concatenate((punct, dashes))
        self.b1 = _boundaries(punct, b1)
        self.b2 = _boundaries(punct, b1 + that)
        speech.sort()
        self.speech = speech
        self.speech_list = [c[0] for c in speech]
        self.speech_starts = np.array(self.speech_list, dtype=np.int64)
        neg.sort(key=_cue_end)                    # negation and hedges before a term: by end
        self.neg = sentineled(neg, (1, LOW, HIGH), (0, LOW, LOW), (2, 0, 0))
        hedge.sort(key=_cue_end)
        self.hedge_by_end = sentineled(hedge, (1, LOW, HIGH), (0, LOW, LOW))
        hedge.sort()
        self.hedge, self.hedge_start_list = hedge, [c[0] for c in hedge]
        self.hedge_by_start = sentineled(hedge, (0, LOW, HIGH), (2, 0, 0))
        self.hedges_after = any(c[2] & HEDGE_AFTER for c in hedge)

    def refine(self, s: int, e: int, kind: int) -> int:
        """Context-dependent cues: "not only" is no negation; "what it calls" distances;
        "called on"/"calls for" is speech, a bare "called" (naming) is nothing."""
        if kind & NEG and _NOT_NEGATION.match(self.body, e):
            kind &= ~NEG
        if kind & CALL or (kind & SPEECH and self.body[s:e] in NAMING_VERBS):
            if WHAT_BEFORE.search(self.body, max(0, s - 60), s):
                return DISTANCE | HEDGE
            if kind & CALL:                      # "called on X to", not "a call for"
                before = self.body[max(0, s - 6):s].split()[-1:]
                noun = before and before[0].lower() in DETERMINERS
                return SPEECH if _CALL_ON.match(self.body, e) and not noun else 0
        return kind
