"""Target: the actor a term is about, from the actor mentions of its clause by word order
(possessive or modifier, subject, nearest non-place), None when unclear
(docs/context-rules.md, 4)."""
from __future__ import annotations

import re
from bisect import bisect_left

from .cues import Cues
from .names import count_words, is_name_word, words
from .vocabulary import (
    ACTIVE_SKIP,
    ADJECTIVAL_ENDINGS,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    FUNCTION,
    LOCATIVE,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH,
    STRIP,
)

_POSSESSIVE = re.compile(r"[’']s?(?![^\W_])")
_NEVER = float("inf")
_COORDINATED = re.compile(r"\s*(?:,|-|–|/|,?\s*(?:and|or|&))\s*(?:the\s+)?", re.IGNORECASE)


class Targets:
    """The target rules over one body's actor ``mentions`` ((start, end, actor), sorted); the
    role of each mention in its clause is worked out once."""

    def __init__(self, body: str, mentions: list[tuple[int, int, str]], cues: Cues):
        self.body, self.mentions, self.cues = body, mentions, cues
        self.mention_starts = [m[0] for m in mentions]
        self.roles: dict[int, str] = {}
        self.speaks_until: list[float | None] = [None] * len(mentions)

    def target(self, clause_start: int, clause_end: int, start: int, end: int) -> str | None:
        """The actor the term is about: a possessive or modifying mention right before the
        term, else the first mention before it in its clause in subject position, else the
        nearest mention in the clause that is not a place ("in Syria"); None when there is
        none or the choice is a tie between different actors."""
        lo = bisect_left(self.mention_starts, clause_start)
        hi = bisect_left(self.mention_starts, clause_end)
        mentions, speaks_until = self.mentions, self.speaks_until
        inside = []
        for i in range(lo, hi):
            mention_start, mention_end, _ = mentions[i]
            if mention_end <= clause_end and (mention_end <= start or mention_start >= end):
                until = speaks_until[i]
                if until is None:
                    until = speaks_until[i] = self.speaks_before(i)
                if until > start:                # not only the speaker of a verb before
                    inside.append(i)
        if not inside:
            return None
        before = [i for i in inside if mentions[i][1] <= start]
        if before and self.modifies(before[-1], start, clause_start):
            return self.unambiguous(before[-1], inside)
        for i in before:
            if self.role(i, clause_start) == "subject":
                return self.unambiguous(i, inside)
        eligible = [i for i in inside if self.role(i, clause_start) not in LOCATIVE]
        if not eligible:
            return None
        distance = [count_words(self.body, self.mentions[i][1], start)
                    if self.mentions[i][1] <= start
                    else count_words(self.body, end, self.mentions[i][0]) for i in eligible]
        nearest = min(distance)
        if len({self.mentions[i][2] for i, d in zip(eligible, distance) if d == nearest}) > 1:
            return None
        return self.unambiguous(eligible[distance.index(nearest)], inside)

    def speaks_before(self, i: int) -> float:
        """Where mention ``i`` starts to only speak: the end of a speech verb standing after
        it whose reported clause has a subject of its own, so that terms from there on are
        not about it: "Tillerson said Iran’s presence is destabilizing" (Tillerson only
        speaks), but not "Iran said it would not leave" (it = Iran) nor "Iran is said to be
        destabilizing" (passive). Infinity when it speaks no such verb."""
        end = self.mentions[i][1]
        speech = self.cues.speech
        j = bisect_left(self.cues.speech_list, end)
        if j == len(speech) or speech[j][0] > end + 40:
            return _NEVER
        verb_start, verb_end, kind = speech[j]
        between = [w.strip(STRIP) for w in self.body[end:verb_start].split()]
        if len(between) > 3 or not kind & SPEECH or not all(
                w.lower() in ACTIVE_SKIP or is_name_word(w) for w in between):
            return _NEVER
        after = [w.lower() for w in self.body[verb_end:verb_end + 30].split()[:2]]
        if after[:1] == ["that"]:
            after = after[1:]
        return _NEVER if after and after[0].strip(STRIP) in PRONOUNS else verb_end

    def modifies(self, i: int, start: int, clause_start: int) -> bool:
        """"Tehran’s “destabilizing” role", "Iran’s armed forces", "Iranian-backed forces"
        (possessive or adjective, at most two content words between), "US control" (a bare
        name right before the term, not after a preposition)."""
        mention = self.mentions[i]
        possessive = _POSSESSIVE.match(self.body, mention[1])
        gap = words(self.body[possessive.end() if possessive else mention[1]:start])
        if len(gap) > 2 or any(w.lower() in FUNCTION for w in gap):
            return False
        if possessive or self.body[mention[0]:mention[1]].lower().endswith(ADJECTIVAL_ENDINGS):
            return True
        return not gap and self.role(i, clause_start) not in PREPOSITIONS

    def role(self, i: int, clause_start: int) -> str:
        """The part mention ``i`` plays in its clause: "subject" when an auxiliary follows it
        ("the US is trying") or, past determiners and one adjective, the clause start or a
        conjunction stands before it ("that the US ..."); else the preposition before it ("in
        eastern Syria" -> "in"); else "object" (typically a verb before it: "pressure Iran")."""
        if i not in self.roles:
            start, end = self.mentions[i][:2]
            role, adjectives = "subject", 0
            for piece in reversed(self.body[max(clause_start, start - 60):start].split()):
                w = piece.strip(STRIP).lower()
                if not w or w in DETERMINERS:
                    continue
                if w in PREPOSITIONS:
                    role = w
                elif w in CONJUNCTIONS:
                    role = "subject"
                elif adjectives or w in FUNCTION or not w.isalpha():
                    role = "object"
                else:
                    adjectives = 1
                    continue
                break
            if role not in PREPOSITIONS:
                following = self.body[end:end + 12].split(None, 1)[:1]
                if following and following[0].lower() in AUXILIARIES:   # "the US is trying"
                    role = "subject"
            self.roles[i] = role
        return self.roles[i]

    def unambiguous(self, i: int, inside: list[int]) -> str | None:
        """The actor of mention ``i``, or None when it is coordinated with another actor
        ("Iran and Syria", "Iraq-Syria-Iran")."""
        m = self.mentions
        for a, b in ((i - 1, i), (i, i + 1)):
            if a in inside and b in inside and m[a][2] != m[b][2] and \
                    _COORDINATED.fullmatch(self.body, m[a][1], m[b][0]):
                return None
        return m[i][2]
