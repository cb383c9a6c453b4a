"""``body_context``: the Context of every hit of one body. The body is scanned once (cues,
quotes); everything each hit needs (sentence, clause bounds, nearest negation and hedge cues,
quote region, mentions in its clause) is looked up for all hits at once with
``numpy.searchsorted``; the rules then run in Python only where a lookup found something."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .attribution import Attributions
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
    all the body's sentences (``framing.tokenize.split_sentences(body)``); ``actor_mentions``
    are ``(start, end, actor_name)`` of every actor alias found in the body."""
    if len(hit_spans) == 0:
        return []
    spans = list(dict.fromkeys(map(tuple, hit_spans)))    # one span is often a hit of several
    found = dict(zip(spans, _Body(body, sentence_spans, actor_mentions).contexts(spans)))
    return [found[tuple(span)] for span in hit_spans]


class _Body:
    """One body: cues, clause boundaries and quote regions found once; sentences'
    attributions and mentions' roles worked out when a hit first needs them."""

    def __init__(self, body: str, spans: Sequence[tuple[int, int]],
                 mentions: Sequence[tuple[int, int, str]]):
        self.body = body
        self.spans = list(spans) or [(0, len(body))]
        mentions = sorted(mentions)
        self.mention_starts = np.array([m[0] for m in mentions], dtype=np.int64)
        self.sentence_starts = np.array([s for s, _ in self.spans], dtype=np.int64)
        self.sentence_ends = np.array([e for _, e in self.spans], dtype=np.int64)
        codes, classes = character_classes(body)
        self.quotes = Quotes(body, self.spans, np.flatnonzero(classes == QUOTE).tolist())
        self.cues = Cues(body, codes, classes)
        attributions = Attributions(body, self.spans, self.cues, self.quotes, mentions)
        self.voices = Voices(body, self.spans, self.cues, self.quotes, attributions)
        self.targets = Targets(body, mentions, self.cues)

    def contexts(self, spans: list[tuple[int, int]]) -> list[Context]:
        """The Context of each distinct span; the rules run in Python only where a lookup
        (``lookups``) found a cue, a quote, a speech verb or a mention near the span."""
        interned: dict[tuple, Context] = {}
        out = []
        for (s, e), (k, cs2, ce2, ne, nk, negation_near, he, hedge_before, a_start,
                     hedge_after, has_mention, double, single, speech_near) \
                in zip(spans, zip(*self.lookups(spans))):
            if double >= 0:
                voice, speaker = self.voices.region_voice(DOUBLE, double)
            elif single >= 0:
                voice, speaker = self.voices.region_voice(SINGLE, single)
            elif speech_near:
                voice, speaker = self.voices.outside_quotes(k, s)
            else:
                voice, speaker = "author", None
            negated = negation_near and \
                count_words(self.body, ne, s) <= (5 if nk & NEG_VERB else 3)
            hedged = (hedge_before and count_words(self.body, he, s) <= 12) or \
                (hedge_after and count_words(self.body, e, a_start) <= 1)
            target = self.targets.target(cs2, ce2, s, e) if has_mention else None
            key = (voice, speaker, negated, hedged, target)
            context = interned.get(key)
            if context is None:
                context = interned[key] = Context(*key)
            out.append(context)
        return out

    def lookups(self, spans: list[tuple[int, int]]) -> list[list]:
        """For all spans at once, with ``numpy.searchsorted``: sentence, clause bounds, the
        nearest negation cue before and hedge cues around, mentions in the clause, quote
        regions, speech verbs in the sentence. Returns columns as lists."""
        cues = self.cues
        start = np.array([s for s, _ in spans], dtype=np.int64)
        end = np.array([e for _, e in spans], dtype=np.int64)
        k = np.maximum(self.sentence_starts.searchsorted(start, "right") - 1, 0)
        ss, se = self.sentence_starts[k], self.sentence_ends[k]
        (b1_starts, b1_ends), (b2_starts, b2_ends) = cues.b1, cues.b2
        cs1 = np.maximum(ss, b1_ends[b1_ends.searchsorted(start, "right") - 1])
        before_b1 = b1_starts[b1_starts.searchsorted(start) - 1]    # last boundary < start
        after_b1 = b1_starts[b1_starts.searchsorted(end)]          # first one >= end
        cs2 = np.maximum(ss, b2_ends[b2_ends.searchsorted(start, "right") - 1])
        ce2 = np.minimum(se, b2_starts[b2_starts.searchsorted(end)])
        i = cues.neg[0].searchsorted(start, "right") - 1      # nearest negation cue before
        ne, ns, nk = (a[i] for a in cues.neg)
        negation_near = (ns >= ss) & (ne >= start - 80) & (before_b1 < ne)
        i = cues.hedge_by_end[0].searchsorted(start, "right") - 1
        he, hs = (a[i] for a in cues.hedge_by_end)
        i = cues.hedge_by_start[0].searchsorted(end)
        a_start, a_kind = (a[i] for a in cues.hedge_by_start)
        hedge_after = ((a_kind & HEDGE_AFTER) > 0) & (a_start < se) & (after_b1 >= a_start)
        has_mention = self.mention_starts.searchsorted(ce2) > \
            self.mention_starts.searchsorted(cs2)
        speech_near = cues.speech_starts.searchsorted(se) > cues.speech_starts.searchsorted(ss)
        return [a.tolist() for a in (k, cs2, ce2, ne, nk, negation_near, he, hs >= cs1, a_start,
                                     hedge_after, has_mention,
                                     self.quotes.region_index(DOUBLE, start),
                                     self.quotes.region_index(SINGLE, start), speech_near)]
