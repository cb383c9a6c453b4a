"""Voice and speaker of a hit: inside a quote, the quote's (a long quote is ``quoted``; a short
one is ``distanced`` unless attributed); outside quotes, ``quoted`` when an attribution of its
sentence covers it, else ``author`` (docs/context-rules.md, 1.1 to 1.3)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Literal

from .attribution import Attributions, covering
from .cues import WHAT_BEFORE, Cues
from .names import count_words, is_capitalized, more_words_than
from .quotes import Quotes
from .vocabulary import DISTANCE, SCARE_QUOTE_MAX_WORDS

Voice = tuple[str, "str | None"]


class Voices:
    """Voices of one body's hits; each quote region's voice is worked out once."""

    def __init__(self, body: str, spans: list[tuple[int, int]], cues: Cues, quotes: Quotes,
                 attributions: Attributions):
        self.body, self.spans, self.cues, self.quotes = body, spans, cues, quotes
        self.attributions = attributions
        self.starts = [s for s, _ in spans]
        self.of_region: dict[tuple[int, int], Voice] = {}
        self.attributed: dict[tuple[int, int], tuple[bool, str | None]] = {}

    def sentence_index(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def region_voice(self, kind: int, i: int) -> Voice:
        """A hit inside region ``i`` of ``kind`` (``quotes.DOUBLE`` or ``quotes.SINGLE``)."""
        key = (kind, i)
        if key not in self.of_region:
            region = self.quotes.regions[kind][i]
            attributed, speaker = self.region_attribution(kind, i)
            inner = self.body[region.open + 1:region.close - 1 if region.closed else region.close]
            if more_words_than(inner, SCARE_QUOTE_MAX_WORDS):
                voice = ("quoted", speaker)
            elif (distancer := self.distancer(region.open)) is not False:
                voice = ("distanced", distancer)
            else:
                voice = ("quoted", speaker) if attributed else ("distanced", None)
            self.of_region[key] = voice
        return self.of_region[key]

    def region_attribution(self, kind: int, i: int) -> tuple[bool, str | None]:
        """Who speaks a quote: an attribution right after its close ("...,” X said), one whose
        scope holds its opener (X said that “...”), else that of the previous quote of the
        paragraph ("“A,” he said. “B.”") or of the unclosed quote it continues."""
        found = self.attributed.get((kind, i))
        if found is None:
            found = self.attributed[kind, i] = self.find_region_attribution(kind, i)
        return found

    def find_region_attribution(self, kind: int, i: int) -> tuple[bool, str | None]:
        region = self.quotes.regions[kind][i]
        if region.closed:
            k = self.sentence_index(region.close - 1)
            found = covering(self.attributions(k), region.close - 1, cue_after=True)
            if found:
                return True, found.speaker
            if k + 1 < len(self.spans) and 0 <= self.spans[k + 1][0] - region.close <= 3:
                for a in self.attributions(k + 1):          # “...Syria.” Tillerson said.
                    between = self.body[self.spans[k + 1][0]:a.cue]
                    if a.scope_end <= a.cue and len(between.split()) <= 6 and \
                            not any(mark in between for mark in "“”\""):
                        return True, a.speaker
        found = covering(self.attributions(self.sentence_index(region.open)), region.open,
                         cue_after=False)
        if found:
            return True, found.speaker
        if i > 0:
            previous = self.quotes.regions[kind][i - 1]
            same_paragraph = self.body.find("\n", previous.close, region.open) == -1
            near = self.sentence_index(region.open) - self.sentence_index(previous.close - 1) <= 1
            continued = not previous.closed and not self.body[previous.close:region.open].strip()
            if (same_paragraph and near) or continued:
                return self.region_attribution(kind, i - 1)
        return False, None

    def distancer(self, open_pos: int) -> str | None | Literal[False]:
        """"what X calls “...”" or "so-called “...”" just before a quote: X (None when X is a
        pronoun or absent); False when there is no such cue."""
        hedge = self.cues.hedge
        i = bisect_left(self.cues.hedge_start_list, open_pos) - 1
        while i >= 0 and hedge[i][1] > open_pos - 60:
            s, e, kind = hedge[i]
            if kind & DISTANCE and e <= open_pos and count_words(self.body, e, open_pos) <= 3:
                what = WHAT_BEFORE.search(self.body, max(0, s - 60), s)
                who = self.body[what.start(1):what.end(1)].strip() if what else ""
                return who if is_capitalized(who) else None
            i -= 1
        return False
