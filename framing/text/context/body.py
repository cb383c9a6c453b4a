"""``body_context``: the Context of every hit of one body. The body is scanned once (cues,
quotes); what the hits need (sentence, clause bounds, nearest negation and hedge cues, quote
region, mentions in the clause, the attribution covering them) is looked up for all hits at
once with numpy, and the rules run in Python only for the few hits, quotes and sentences where
a lookup found something: a cue near the term, a quote, a speech verb, a mention."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .attribution import Attributions, covering
from .cues import QUOTE, Cues, character_classes
from .names import count_words
from .quotes import DOUBLE, SINGLE, Quotes
from .target import Targets
from .vocabulary import HEDGE_AFTER, NEG_VERB
from .voice import Voices


@dataclass(frozen=True)
class Context:
    voice: str            # "author" | "quoted" | "distanced"
    speaker: str | None   # who is quoted, when recoverable
    negated: bool
    hedged: bool
    target: str | None    # the actor the term is about, None when unclear (never a guess)


def body_context(body: str, sentence_spans: Sequence[tuple[int, int]],
                 hit_spans: Sequence[tuple[int, int]],
                 actor_mentions: Sequence[tuple[int, int, str]]) -> list[Context]:
    """One Context per hit span, in order. All offsets index ``body``; ``sentence_spans`` are
    all the body's sentences (``framing.text.tokenize.split_sentences(body)``); ``actor_mentions``
    are ``(start, end, actor_name)`` of every actor alias found in the body."""
    if len(hit_spans) == 0:
        return []
    start, end = _columns(hit_spans)
    return _Body(body, sentence_spans, actor_mentions).contexts(start, end)


def _columns(spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Starts and ends of ``spans`` as the two rows of an array."""
    flat = np.fromiter(chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans))
    return flat.reshape(-1, 2).T.copy()


_PLAIN = Context("author", None, False, False, None)
#: What the lookups found for a hit, as bit flags.
_NEGATED, _HEDGED, _MENTION_NEAR, _SPEECH_NEAR = 1, 2, 4, 8


class _Body:
    """One body: cues, clause boundaries and quote regions found once; sentences'
    attributions, quotes' voices and mentions' roles worked out when a hit first needs them."""

    def __init__(self, body: str, spans: Sequence[tuple[int, int]],
                 mentions: Sequence[tuple[int, int, str]]):
        self.body = body
        self.spans = list(spans) or [(0, len(body))]
        mentions = sorted(mentions)
        self.mention_starts = np.array([m[0] for m in mentions], dtype=np.int64)
        self.sentence_starts, self.sentence_ends = _columns(self.spans)
        codes, classes = character_classes(body)
        self.quotes = Quotes(body, self.spans, np.flatnonzero(classes == QUOTE).tolist())
        self.cues = Cues(body, codes, classes)
        self.attributions = Attributions(body, self.spans, self.cues, self.quotes, mentions)
        self.voices = Voices(body, self.spans, self.cues, self.quotes, self.attributions)
        self.targets = Targets(body, mentions, self.cues)

    def contexts(self, start: np.ndarray, end: np.ndarray) -> list[Context]:
        """The Context of each hit ``(start[i], end[i])``: ``author`` and nothing else unless
        a lookup (``lookups``) found a quote, a speech cue in the sentence, a mention in the
        clause, or a negation or hedge cue near the term; the rules run only for those."""
        out = [_PLAIN] * len(start)
        interned: dict[tuple, Context] = {}
        region_voice, attributions = self.voices.region_voice, self.attributions
        target_of = self.targets.target
        # A span that is a hit of several frames is worked out again: every rule gives the
        # same answer for the same span, whatever was worked out before.
        for h, (s, e, k, clause_start, clause_end, flags, double, single) in \
                self.lookups(start, end):
            if double >= 0:
                voice, speaker = region_voice(DOUBLE, double)
            elif single >= 0:
                voice, speaker = region_voice(SINGLE, single)
            elif flags & _SPEECH_NEAR:
                found = covering(attributions(k), s)
                voice, speaker = ("quoted", found.speaker) if found else ("author", None)
            else:
                voice, speaker = "author", None
            target = target_of(clause_start, clause_end, s, e) if flags & _MENTION_NEAR else None
            key = (voice, speaker, flags & _NEGATED, flags & _HEDGED, target)
            context = interned.get(key)
            if context is None:
                context = interned[key] = Context(voice, speaker, bool(flags & _NEGATED),
                                                  bool(flags & _HEDGED), target)
            out[h] = context
        return out

    def lookups(self, start: np.ndarray, end: np.ndarray):
        """For all hits at once, with ``numpy.searchsorted``: sentence, clause bounds,
        negation and hedging, quote regions, whether the sentence has a speech cue and the
        clause a mention. Yields, in hit order, (hit index, (start, end, sentence, clause
        start and end, flags, double and single quote region)) of each hit where one of these
        was found."""
        cues = self.cues
        k = self.sentence_starts.searchsorted(start, "right") - 1
        np.maximum(k, 0, out=k)
        ss, se = self.sentence_starts[k], self.sentence_ends[k]
        flags = np.zeros(len(start), dtype=np.int64)
        flags[self.negated(start, ss)] = _NEGATED
        flags[self.hedged(start, end, ss, se)] |= _HEDGED
        ms = self.mention_starts
        if len(ms):
            b2_starts, b2_ends = cues.b2
            clause_start = np.maximum(ss, b2_ends[b2_ends.searchsorted(start, "right") - 1])
            clause_end = np.minimum(se, b2_starts[b2_starts.searchsorted(end)])
            # A mention in the clause other than those starting inside the term (an actor
            # hit's own mention): without one, the target is None.
            flags[ms.searchsorted(clause_end) - ms.searchsorted(clause_start) > np.maximum(
                ms.searchsorted(np.minimum(clause_end, end)) -
                ms.searchsorted(np.maximum(clause_start, start)), 0)] |= _MENTION_NEAR
        else:
            clause_start = clause_end = ss
        speech_starts = cues.speech_starts
        if len(speech_starts):
            flags[speech_starts.searchsorted(se) > speech_starts.searchsorted(ss)] |= \
                _SPEECH_NEAR
        double = self.quotes.region_index(DOUBLE, start)
        single = self.quotes.region_index(SINGLE, start)
        found = np.flatnonzero(flags | (double >= 0) | (single >= 0))
        return zip(found.tolist(), zip(*(column[found].tolist() for column in (
            start, end, k, clause_start, clause_end, flags, double, single))))

    def negated(self, start: np.ndarray, ss: np.ndarray) -> list[int]:
        """The hits with a negation cue ending before the term in its sentence, with no
        clause boundary between, within 80 characters and 3 words (5 after a negating
        verb)."""
        neg_ends, neg_starts, neg_kinds = self.cues.neg
        if len(neg_ends) == 2:                    # the sentinels only
            return []
        i = neg_ends.searchsorted(start, "right") - 1       # nearest negation cue before
        neg_end = neg_ends[i]
        b1_starts = self.cues.b1[0]
        near = np.flatnonzero((neg_starts[i] >= ss) & (neg_end >= start - 80) &
                              (b1_starts[b1_starts.searchsorted(start) - 1] < neg_end))
        return [h for h, cue_end, kind, s in zip(near.tolist(), neg_end[near].tolist(),
                                                 neg_kinds[i[near]].tolist(),
                                                 start[near].tolist())
                if count_words(self.body, cue_end, s) <= (5 if kind & NEG_VERB else 3)]

    def hedged(self, start: np.ndarray, end: np.ndarray, ss: np.ndarray, se: np.ndarray
               ) -> list[int]:
        """The hits with a hedge cue in the term's clause at most 12 words before it, or a
        hedging adverb after it in its clause with at most one word between."""
        hedge_ends, hedge_starts = self.cues.hedge_by_end
        if len(hedge_ends) == 2:                  # the sentinels only
            return []
        b1_starts, b1_ends = self.cues.b1
        i = hedge_ends.searchsorted(start, "right") - 1
        before = np.flatnonzero(hedge_starts[i] >= np.maximum(
            ss, b1_ends[b1_ends.searchsorted(start, "right") - 1]))    # in the term's clause
        hedged = {h for h, cue_end, s in zip(before.tolist(), hedge_ends[i[before]].tolist(),
                                            start[before].tolist())
                  if count_words(self.body, cue_end, s) <= 12}
        if self.cues.hedges_after:
            after_starts, after_kinds = self.cues.hedge_by_start
            j = after_starts.searchsorted(end)
            after_start = after_starts[j]
            after = np.flatnonzero(((after_kinds[j] & HEDGE_AFTER) > 0) & (after_start < se) &
                                   (b1_starts[b1_starts.searchsorted(end)] >= after_start))
            hedged.update(h for h, e, a in zip(after.tolist(), end[after].tolist(),
                                               after_start[after].tolist())
                          if count_words(self.body, e, a) <= 1)
        return sorted(hedged)
