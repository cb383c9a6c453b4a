"""Speech attributions: for each speech verb or "according to" of a sentence (outside quotes),
who speaks and which stretch of the sentence is theirs (docs/context-rules.md, 1.2 and 1.4).
Worked out only for the sentences a hit asks about, and cached."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from .cues import Cues
from .names import TOKEN, chain_after, chain_before, is_content_word, token_start, word_at, words
from .quotes import Quotes
from .vocabulary import (
    ACCORDING,
    CALENDAR,
    CLAUSE_WORDS,
    CLOSE_QUOTES,
    DASHES,
    INVERTIBLE,
    OPENERS,
    PASSIVE_AUX,
    PREPOSITIONS,
    PRONOUNS,
    REFUSALS,
    SKIP_BEFORE_VERB,
    SUBORDINATORS,
    WEAK_SPEECH,
    WHEN,
)

_FIRST_WORD = re.compile(r"\W*(\w+)")
_FORWARD_MARK = re.compile(r"[:“\"]|that\b")
_SCOPE_END = re.compile(r";|\s[—–-]{1,2}\s|,\s+(?:a|an|which|while|whereas|but|although|though|"
                        r"however|despite|even though)\b|,\s+and\b(?!\s+that\b)")


class Attribution(NamedTuple):
    scope_start: int
    scope_end: int
    cue: int              # where the speech verb or "according to" stands
    speaker: str | None
    named: bool           # a proper-noun chain that is not an actor alias: may resolve "he"
    according: bool = False


class _NeedMore(Exception):
    """The speaker search ran off the start of its window: retry with a wider one."""


class _NotSaid(Exception):
    """A negated or refused speech verb ("did not say"): no attribution."""


def covering(attributions: Sequence[Attribution], pos: int, *, cue_after: bool | None = None
             ) -> Attribution | None:
    """The attribution whose scope holds ``pos``: a speech verb before "according to", and the
    outermost (earliest) one: in "he said that as long as Damascus asks Iran to stay" the words
    are the sayer's, not the asker's."""
    best = None
    for a in attributions:
        inside = a.scope_start <= pos < a.scope_end and (cue_after is None or (a.cue > pos) == cue_after)
        if inside and (best is None or (a.according, a.cue) < (best.according, best.cue)):
            best = a
    return best


def _before_auxiliaries(left: list[str]) -> tuple[int, bool]:
    """The index of the last word of ``left`` before the auxiliaries and time phrases that may
    stand before a speech verb ("has", "also", "in December"), and whether they make it passive."""
    i, passive = len(left) - 1, False
    while i >= 0:
        word = left[i].lower()
        if word in SKIP_BEFORE_VERB:
            passive |= word in PASSIVE_AUX
            i -= 1
        elif word in CALENDAR and i > 0 and left[i - 1].lower() in WHEN:
            i -= 2                               # "Washington in December declared"
        else:
            break
    return i, passive


def _with_title(left: list[str], first: int) -> int:
    """Where a speaker's name starts once a lowercase title before it is taken in, when a
    quote or a comma precedes the title ("”, national security lawyer Brad Moss said")."""
    title = first
    while title > 0 and first - title < 4 and is_content_word(left[title - 1]) and left[title - 1][:1].islower():
        title -= 1
    return title if 0 < title < first and left[title - 1] in CLOSE_QUOTES | {","} else first


class Attributions:
    """The attributions of a body's sentences, worked out when first asked for."""

    def __init__(self, body: str, spans: list[tuple[int, int]], cues: Cues, quotes: Quotes,
                 mentions: list[tuple[int, int, str]]):
        self.body, self.spans, self.cues, self.quotes = body, spans, cues, quotes
        self.mention_texts = {body[m[0]:m[1]] for m in mentions}
        self.actor_names = {m[2] for m in mentions}
        self.of_sentence: dict[int, list[Attribution]] = {}

    def __call__(self, k: int) -> list[Attribution]:
        """Speech verbs and "according to" of sentence ``k`` (outside quotes), each with its
        speaker and the stretch of the sentence it attributes."""
        found = self.of_sentence.get(k)
        if found is None:
            ss, se = self.spans[k]
            found = self.of_sentence[k] = []
            speech, starts = self.cues.speech, self.cues.speech_list
            for s, e, kind in speech[bisect_left(starts, ss):bisect_left(starts, se)]:
                if self.quotes.region_at(s) is None:
                    attribution = self.attribution(k, found, s, e, kind)
                    if attribution:
                        found.append(attribution)
        return found

    def attribution(self, k: int, earlier: list[Attribution], s: int, e: int, kind: int
                    ) -> Attribution | None:
        ss, se = self.spans[k]
        if kind & ACCORDING:
            return self.according(ss, se, s, e)
        body = self.body
        verb = body[s:e].lower()
        if self.cannot_attribute(ss, se, s, e, verb, kind):
            return None
        for width in (50, 250, 10 ** 9):
            left_start = max(ss, s - width)
            left = TOKEN.findall(body, left_start, s)
            try:
                speaker, named, lead, inverted = self.speaker(
                    k, earlier, left, e, se, verb, truncated=left_start > ss)
                break
            except _NeedMore:
                continue
            except _NotSaid:
                return None
        before = left[lead - 1] if lead > 0 else None
        quote_tail = before in CLOSE_QUOTES or (before == "," and lead > 1
                                                  and left[lead - 2] in CLOSE_QUOTES)
        if kind & WEAK_SPEECH and not (quote_tail or inverted or (
                named and word_at(body, e, se).lower() == "that")):
            return None                          # "member states that", "the notes"
        backward = bool(inverted) or quote_tail
        if not backward and before in DASHES and lead > 1:
            following = word_at(body, e, se).lower()       # "..., Tillerson said (on Monday)."
            clause_before = left_start > ss or sum(w[0].isalnum() for w in left[:lead - 1]) >= 3
            backward = clause_before and (following in ("", ".", ",", ";", "!", "?") or (
                verb in INVERTIBLE and following in PREPOSITIONS | CALENDAR and
                not _FORWARD_MARK.search(body, e, se)))
        if backward:
            end = token_start(body, left_start, left, lead - 1) + 1 if lead else s
            return Attribution(ss, end, s, speaker, named)
        stop = _SCOPE_END.search(body, e, se)
        end = stop.start() if stop else se
        first = _FIRST_WORD.match(body, ss, se)
        if (first and first.group(1).lower() in SUBORDINATORS) or \
                (left and left[-1].lower() in PREPOSITIONS):   # "After X declared ..., "
            comma = body.find(",", e, se)
            if comma != -1 and body.find(",", ss, s) == -1:
                end = min(end, comma)
        return Attribution(e, end, s, speaker, named)

    def cannot_attribute(self, ss: int, se: int, s: int, e: int, verb: str, kind: int) -> bool:
        """Cheap tests that spare the speaker search when its outcome is known: a weak verb
        ("states", "reports") with no closing quote before it, nor a comma before an
        invertible one, nor "that" after it; an -ing form ("saying") with no comma right
        before it nor "that", a colon or a quote after it."""
        if kind & WEAK_SPEECH:
            if word_at(self.body, e, se).lower() == "that":
                return False
            before = self.body[ss:s]
            return not (any(q in before for q in CLOSE_QUOTES) or
                        (verb in INVERTIBLE and "," in before))
        if verb.endswith("ing"):
            return not self.body[max(ss, s - 50):s].rstrip().endswith(",") and \
                word_at(self.body, e, se) not in OPENERS
        return False

    def according(self, ss: int, se: int, s: int, e: int) -> Attribution:
        """"according to X": X is up to eight words, to the next punctuation or clause word;
        it attributes the rest of the sentence when it opens it, else what stands before."""
        found: list[str] = []
        for token in TOKEN.findall(self.body, e, min(se, e + 160)):
            low = token.lower()
            if (not token[0].isalnum() and token not in "/&’'") or low in CLAUSE_WORDS \
                    or len(found) == 8:
                break
            if found or low not in ("the", "a", "an"):
                found.append(token)
        speaker = " ".join(found) or None
        opening = [w.lower() for w in words(self.body[ss:s])]
        if not opening or opening in (["but"], ["and"], ["yet"]):
            end = token_start(self.body, e, found, len(found) - 1) + len(found[-1]) \
                if found else e
            return Attribution(end, se, s, speaker, False, True)
        return Attribution(ss, s, s, speaker, False, True)

    def speaker(self, k: int, earlier: list[Attribution], left: list[str], e: int, se: int,
                verb: str, *, truncated: bool) -> tuple[str | None, bool, int, int]:
        """(speaker, named, index in ``left`` where the speaker phrase starts, words after
        the verb taken by an inverted speaker as in "..., said Tillerson")."""
        i, passive = _before_auxiliaries(left)
        lead = i + 1
        if verb.endswith("ing"):                 # "..., saying that": the earlier speaker's
            if not (left and left[-1] == ",") and word_at(self.body, e, se) not in OPENERS:
                raise _NotSaid                   # "was telling the truth"
            last = earlier[-1] if earlier else None
            return (last.speaker, last.named, lead, 0) if last else (None, False, lead, 0)
        if i < 0 and truncated:
            raise _NeedMore
        if passive or i < 0:
            return None, False, lead, 0
        word = left[i].lower()
        if word in ("not", "never") or word.endswith(("n't", "n’t")) or (
                word == "to" and i > 0 and left[i - 1].lower() in REFUSALS) or (
                word == "that" and word_at(self.body, e, se) == ","):
            raise _NotSaid                       # "did not say", "declined to say", "that said,"
        if left[i] in CLOSE_QUOTES or left[i] == ",":
            taken, name = chain_after(TOKEN.findall(self.body, e, min(se, e + 80))) \
                if verb in INVERTIBLE else (0, None)
            if taken or left[i] in CLOSE_QUOTES:
                return name, bool(name), lead, taken
        word = left[i].lower()
        if word in ("who", "which", "that"):    # "Tillerson, who said earlier that"
            i -= 2 if i > 0 and left[i - 1] == "," else 1
        elif word in DASHES:                     # "Velayati, a top adviser ..., called on"
            i -= 1
            while i >= 0 and left[i] not in DASHES:
                i -= 1
            i -= 1
        if i < 0:
            if truncated:
                raise _NeedMore
            return None, False, lead, 0
        word = left[i].lower()
        if word in PRONOUNS:
            name = self.recent_speaker(k, earlier) if word in ("he", "she") else None
            return name, bool(name), i, 0
        first, name, named = chain_before(left, i)
        if first is None:
            return None, False, lead, 0
        first = _with_title(left, first)
        if first == 0 and truncated:
            raise _NeedMore
        return name, named and name is not None and self.may_be_a_person(name), first, 0

    def may_be_a_person(self, name: str) -> bool:
        """Whether "he"/"she" may stand for ``name``: not an actor's own name ("Iran") nor a
        plural alias ("Iranians"); officials listed as aliases ("Baqeri") may."""
        return name not in self.actor_names and not (name in self.mention_texts
                                                     and name.endswith("s"))

    def recent_speaker(self, k: int, earlier: list[Attribution]) -> str | None:
        """"he"/"she": the last named speaker of this sentence or of the three before it in
        the same paragraph; None otherwise."""
        paragraph = self.body.rfind("\n", 0, self.spans[k][0])
        for j in range(k, max(k - 4, -1), -1):
            if j < k and self.spans[j][1] <= paragraph:
                break
            for a in reversed(earlier if j == k else self(j)):
                if a.named:
                    return a.speaker
        return None
