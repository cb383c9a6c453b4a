"""Context of each lexicon hit: whose words (voice, speaker), negated, hedged, and whom about.

First version: quote regions and simple cue windows. Rules are documented in
``docs/context-rules.md``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Context:
    voice: str            # "author" | "quoted" | "distanced"
    speaker: str | None   # who is quoted, when recoverable
    negated: bool
    hedged: bool
    target: str | None    # the actor the term is about, None when unclear


_QUOTE = re.compile(r"[“”\"]")
_NEG = re.compile(r"(?i)\b(?:not|no|never|n[’']t|cannot|without)\b")
_HEDGE = re.compile(r"(?i)\b(?:allegedly|alleged|so-called|reportedly|apparently|likely|possibly|"
                    r"may|might|could|claimed|purported(?:ly)?)\b")
_BOUNDARY = re.compile(r"[,;:()—–]")


def _quote_regions(body: str) -> list[tuple[int, int]]:
    regions, open_at = [], None
    for m in _QUOTE.finditer(body):
        ch, pos = m.group(), m.start()
        if open_at is not None and body.find("\n", open_at, pos) != -1:
            regions.append((open_at, body.find("\n", open_at, pos)))
            open_at = None
        if open_at is None and ch != "”":
            open_at = pos
        elif open_at is not None and ch != "“":
            regions.append((open_at, pos + 1))
            open_at = None
    if open_at is not None:
        end = body.find("\n", open_at)
        regions.append((open_at, len(body) if end == -1 else end))
    return regions


def body_context(body: str, sentence_spans: Sequence[tuple[int, int]],
                 hit_spans: Sequence[tuple[int, int]],
                 actor_mentions: Sequence[tuple[int, int, str]]) -> list[Context]:
    """One Context per hit span, in order (see ``docs/context-rules.md``)."""
    regions = _quote_regions(body)
    starts = [r[0] for r in regions]
    sent_starts = [s for s, _ in sentence_spans]
    out = []
    for start, end in hit_spans:
        i = bisect_right(starts, start) - 1
        inside = i >= 0 and regions[i][0] < start and end <= regions[i][1]
        voice = "author"
        if inside:
            voice = "quoted" if len(body[regions[i][0]:regions[i][1]].split()) > 3 else "distanced"
        k = bisect_right(sent_starts, start) - 1
        s_start = sentence_spans[k][0] if k >= 0 else 0
        left = body[s_start:start]
        b = [m.end() for m in _BOUNDARY.finditer(left)]
        clause = left[b[-1]:] if b else left
        negated = bool(_NEG.search(" ".join(clause.split()[-4:])))
        hedged = bool(_HEDGE.search(clause))
        actors = {a for s, e, a in actor_mentions if s_start + (b[-1] if b else 0) <= s and e <= start}
        target = actors.pop() if len(actors) == 1 else None
        out.append(Context(voice, None, negated, hedged, target))
    return out
