"""Context of each lexicon hit: whose words (voice, speaker), negated or hedged, and whom about.

Heuristic rules on surface cues, no parser; every rule, its examples and its known failures
are in ``docs/context-rules.md``. Work is done once per body (quote regions, a linear scan)
and once per sentence that holds a hit (cue words with one Aho-Corasick pass, clause
boundaries, attributions); each hit then costs a few bisections.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import ahocorasick


@dataclass(frozen=True)
class Context:
    voice: str            # "author" | "quoted" | "distanced"
    speaker: str | None   # who is quoted, when recoverable
    negated: bool
    hedged: bool
    target: str | None    # the actor the term is about, None when unclear (never a guess)


# Cue kinds (bit flags: one word may be several, "claimed" is both speech and a hedge).
NEG, NEG_VERB, HEDGE, HEDGE_AFTER, SPEECH, WEAK_SPEECH, ACCORDING, CALL, BOUND, THAT, \
    SUFFIX = (1 << i for i in range(11))
DISTANCE = 1 << 11  # set on CALL cues preceded by "what": what it calls, what media called

_VOCABULARY = {
    NEG: "not|no|never|cannot|neither|nor|nobody|none|nothing|nowhere|without|hardly|"
         "scarcely|barely",
    NEG | SUFFIX: "n't|n’t",
    NEG_VERB: "denied|denies|deny|denying|rejected|rejects|reject|rejecting|refused|refuses|"
              "refuse|refusing|ruled out|rules out|dismissed|dismisses",
    HEDGE | DISTANCE: "so-called|so called",
    HEDGE: "alleged|likely|unlikely|possibly|probably|perhaps|maybe|may|"
           "might|could|purported|seems|seem|seemed|appears|appear|appeared|claimed|claims|"
           "claim|claiming|potentially|rumored|rumoured|suspected",
    HEDGE | HEDGE_AFTER: "allegedly|reportedly|apparently|supposedly|purportedly|seemingly|"
                         "presumably|ostensibly",
    SPEECH: "said|says|say|saying|claimed|claiming|told|tell|tells|telling|stated|stating|stressed|stresses|"
            "stressing|added|adds|adding|declared|declares|declaring|announced|announces|"
            "announcing|warned|warns|accused|accuses|accusing|insisted|insists|insisting|argued|"
            "argues|arguing|noted|noting|explained|explains|asserted|asserts|urged|urges|urging|"
            "demanded|confirmed|confirms|admitted|admits|acknowledged|acknowledges|suggested|"
            "suggests|wrote|writes|tweeted|replied|clarified|asked|asks|emphasized|emphasised|"
            "emphasizes|emphasises|underlined|underscored|reiterated|affirmed|vowed|vows|pledged|"
            "threatened|threatens|predicted|complained|conceded|boasted|lamented|recalled|"
            "commented|remarked|believe|believes|indicated|indicates|reported|pointed out|"
            "appealed|described|describes|branded|labelled|labeled|dubbed|termed",
    WEAK_SPEECH: "notes|states|demands|reports",
    CALL: "call|calls|called|calling",
    ACCORDING: "according to",
    BOUND: "but|while|whereas|although|though|however|because|which|who|whom|whose|when|if|"
           "unless|whether|where",
    THAT: "that",
}
_NEG_NOT_NEGATION = re.compile(r"\s+(?:only|just|merely|least|doubt|less|matter|sooner)\b")
_CALL_ON = re.compile(r"\s+(?:on|for|upon)\b")
_WHAT_BEFORE = re.compile(r"\bwhat((?:\s+[\w’'-]+){1,3})\s*$")
_PUNCT = re.compile(r"[,;:()\[\]!?—–…]|\s-{1,2}\s")
_QUOTE_MARK = re.compile(r"[“”„«»\"‘‚'’]")
_WORD = re.compile(r"(?u)[^\W_]+(?:['’\-.][^\W_]+)*")
_TOKEN = re.compile(r"(?u)[^\W_]+(?:['’\-.][^\W_]+)*(?:\.(?=\s+[A-Z]))?|[^\w\s]")
_POSSESSIVE = re.compile(r"[’']s?(?![^\W_])")
_COORDINATED = re.compile(r"\s*(?:,|-|–|/|,?\s*(?:and|or|&))\s*(?:the\s+)?", re.IGNORECASE)
_SCOPE_END = re.compile(r";|\s[—–-]{1,2}\s|,\s+(?:a|an|which|while|whereas|but|although|though|"
                        r"however|despite|even though)\b|,\s+and\b(?!\s+that\b)")

_OPEN_DOUBLE, _CLOSE_DOUBLE, _SINGLE_QUOTES = "“„«", "”»", "'’"
_CLOSE_QUOTES = {"”", '"', "’", "'", "»"}
_CLAUSE_WORDS = set(_VOCABULARY[BOUND].split("|")) | {"that"}
_INVERTIBLE = {"said", "says", "added", "adds", "noted", "notes", "explained", "stressed",
               "declared", "wrote", "tweeted", "replied", "insisted", "argued", "recalled",
               "remarked", "commented", "asserted", "stated"}
_SCARE_QUOTE_MAX_WORDS = 3
_SUBORDINATORS = {"after", "when", "as", "since", "before", "while", "if", "although", "though",
                  "because", "once", "until", "unless", "whereas", "whenever", "in", "by", "upon"}
_PREPOSITIONS = {"in", "on", "at", "from", "to", "into", "onto", "of", "with", "without",
                 "against", "by", "for", "over", "under", "toward", "towards", "across",
                 "throughout", "near", "inside", "outside", "within", "between", "among", "about",
                 "around", "through", "via", "beyond", "after", "before", "since", "during",
                 "upon", "behind", "than", "like", "including", "per", "amid", "despite"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"}
_CONJUNCTIONS = {"and", "or", "that", "which", "who", "while", "but", "whereas", "although",
                 "though", "because", "if", "when", "as", "both", "either", "neither", "nor",
                 "then", "also", "so", "whether", "once"}
_LOCATIVE = {"in", "inside", "within", "throughout", "across", "near", "at", "into", "around"}
_FUNCTION = _PREPOSITIONS | {
    "the", "a", "an", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "has",
    "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "shall",
    "do", "does", "did", "to", "that", "which", "who", "whom", "whose", "this", "these", "those",
    "it", "its", "their", "his", "her", "our", "not", "no", "as", "than", "so", "if", "when",
    "while", "what", "also", "said", "says", "say"}
_SKIP_BEFORE_VERB = {"also", "later", "earlier", "previously", "recently", "again", "then",
                     "already", "repeatedly", "once", "further", "himself", "herself", "itself",
                     "themselves", "publicly", "privately", "openly", "separately",
                     "subsequently", "has", "have", "had", "will", "would", "reportedly",
                     "allegedly", "is", "are", "was", "were", "been", "being", "did", "does",
                     "once", "has", "repeatedly", "explicitly", "reportedly", "clearly"}
_PASSIVE_AUX = {"is", "are", "was", "were", "been", "being", "be"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_PERSONAL = {"he", "she"}
_CONNECTORS = {"of", "al", "bin", "ibn", "de", "la", "van", "von", "du", "abu", "el", "and"}
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
_ADJECTIVAL_ENDINGS = ("ian", "ean", "ese", "ish", "i", "ic")


def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for kind, words in _VOCABULARY.items():
        for word in words.split("|"):
            old = automaton.get(word, (0, 0))[1]
            automaton.add_word(word, (len(word), old | kind))
    automaton.make_automaton()
    return automaton


_CUES = _automaton()


class _Attribution(NamedTuple):
    scope_start: int
    scope_end: int
    cue: int          # where the speech verb or "according to" stands
    speaker: str | None
    named: bool       # the speaker is a proper-noun chain (usable to resolve "he"/"she")
    according: bool = False


class _Region(NamedTuple):
    open: int         # position of the opening mark
    close: int        # position after the closing mark (or the cap, when unclosed)
    closed: bool


class _Sentence(NamedTuple):
    start: int
    end: int
    cue_starts: list[int]
    cues: list[tuple[int, int, int]]   # (start, end, kind flags), by start
    b1_starts: list[int]               # clause boundaries for negation and hedges
    b1_ends: list[int]
    b2_starts: list[int]               # the same plus "that", for targets
    b2_ends: list[int]
    attributions: list[_Attribution]


def body_context(body: str, sentence_spans: Sequence[tuple[int, int]],
                 hit_spans: Sequence[tuple[int, int]],
                 actor_mentions: Sequence[tuple[int, int, str]]) -> list[Context]:
    """One Context per hit span, in order. All offsets index ``body``; ``sentence_spans`` are
    all the body's sentences (``framing.tokenize.split_sentences(body)``); ``actor_mentions``
    are ``(start, end, actor_name)`` of every actor alias found in the body."""
    if not hit_spans:
        return []
    state = _Body(body, sentence_spans, actor_mentions)
    done: dict[tuple[int, int], Context] = {}   # one span is often a hit of several frames
    out = []
    for start, end in hit_spans:
        key = (start, end)
        if key not in done:
            done[key] = state.context(start, end)
        out.append(done[key])
    return out


def _quote_regions(body: str, spans: Sequence[tuple[int, int]]) -> tuple[list[_Region], list[_Region]]:
    """Double- and single-quoted regions of ``body`` in one left-to-right scan. A region never
    crosses a line break (a paragraph); an unclosed double quote ends at its paragraph's end or
    two sentences after its opener's, whichever is first; an unclosed single quote is dropped
    (most lone single marks are apostrophes: "the jihadists’ last territory")."""
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    n = len(body)

    def unclosed(opened: int, limit: int) -> _Region:
        end = body.find("\n", opened, limit)
        end = limit if end == -1 else end
        k = bisect_right(starts, opened) - 1
        if k >= 0:
            end = min(end, max(ends[min(k + 2, len(ends) - 1)], opened + 1))
        return _Region(opened, end, False)

    doubles: list[_Region] = []
    singles: list[_Region] = []
    d_open = s_open = None
    for mark in _QUOTE_MARK.finditer(body):
        p, c = mark.start(), mark.group()
        prev = body[p - 1] if p else " "
        nxt = body[p + 1] if p + 1 < n else " "
        if c in _SINGLE_QUOTES and prev.isalnum() and nxt.isalnum():
            continue                            # an apostrophe: Iran’s, it's
        if d_open is not None and body.find("\n", d_open, p) != -1:
            doubles.append(unclosed(d_open, p))
            d_open = None
        if s_open is not None and body.find("\n", s_open, p) != -1:
            s_open = None
        if c in _OPEN_DOUBLE:
            if d_open is not None:
                doubles.append(unclosed(d_open, p))
            d_open = p
        elif c in _CLOSE_DOUBLE or c == '"':
            if d_open is not None:
                doubles.append(_Region(d_open, p + 1, True))
                d_open = None
            elif (c == '"' or prev.isspace()) and not nxt.isspace():
                d_open = p                      # a straight opener, or ” misused as one
        elif c in _SINGLE_QUOTES and s_open is not None and not prev.isspace():
            singles.append(_Region(s_open, p + 1, True))
            s_open = None
        elif s_open is None and not prev.isalnum() and (nxt.isalpha() or nxt in "“\""):
            s_open = p                          # ‘ ‚ ' ’ before a word
    if d_open is not None:
        doubles.append(unclosed(d_open, n))
    return doubles, singles


def _is_capitalized(word: str) -> bool:
    if not word[:1].isalpha():
        return False
    return word[0].isupper() or ("-" in word and word.rsplit("-", 1)[1][:1].isupper())


def _is_name_word(word: str) -> bool:
    low = word.lower()
    return _is_capitalized(word) and low not in _FUNCTION and low not in _CALENDAR \
        and low not in _PRONOUNS


def _is_content_word(word: str) -> bool:
    return word[:1].isalpha() and word.lower() not in _FUNCTION and word.lower() not in _PRONOUNS


def _covering(attributions: Sequence[_Attribution], pos: int, *, cue_after: bool | None = None
              ) -> _Attribution | None:
    """The attribution whose scope holds ``pos``: a speech verb before "according to", and the
    outermost (earliest) one: in "he said that as long as Damascus asks Iran to stay" the words
    are the sayer's, not the asker's."""
    best = None
    for a in attributions:
        if a.scope_start <= pos < a.scope_end and (cue_after is None or (a.cue > pos) == cue_after):
            if best is None or (a.according, a.cue) < (best.according, best.cue):
                best = a
    return best


class _Body:
    """Per-body state: quote regions up front; sentences analysed lazily, once each."""

    def __init__(self, body: str, spans: Sequence[tuple[int, int]],
                 mentions: Sequence[tuple[int, int, str]]):
        self.body = body
        lower = body.lower()
        self.lower = lower if len(lower) == len(body) else "".join(
            c.lower() if len(c.lower()) == 1 else c for c in body)
        self.spans = list(spans) or [(0, len(body))]
        self.starts = [s for s, _ in self.spans]
        self.mentions = sorted(mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.regions = _quote_regions(body, self.spans)
        self.region_opens = tuple([r.open for r in regions] for regions in self.regions)
        self.sentences: dict[int, _Sentence] = {}
        self.region_voice: dict[tuple[int, int], tuple[str, str | None]] = {}

    def words(self, start: int, end: int) -> int:
        return len(_WORD.findall(self.body, start, end)) if end > start else 0

    def tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(self.body, start, end)]

    def sentence_index(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def context(self, start: int, end: int) -> Context:
        k = self.sentence_index(start)
        sent = self.sentence(k)
        voice, speaker = self.voice(sent, start)
        return Context(voice, speaker, self.negated(sent, start), self.hedged(sent, start, end),
                       self.target(sent, start, end))

    # -- quote regions -------------------------------------------------------------------
    def region_at(self, pos: int) -> tuple[int, int] | None:
        for kind in (0, 1):          # a double quote wins over a single quote nested in it
            i = bisect_left(self.region_opens[kind], pos) - 1
            if i >= 0 and pos < self.regions[kind][i].close:
                return kind, i
        return None

    def region_voice_of(self, kind: int, i: int) -> tuple[str, str | None]:
        key = (kind, i)
        if key not in self.region_voice:
            region = self.regions[kind][i]
            attributed, speaker = self.region_attribution(kind, i)
            inner_end = region.close - 1 if region.closed else region.close
            distancer = self.distancer(region.open)
            if self.words(region.open + 1, inner_end) > _SCARE_QUOTE_MAX_WORDS:
                voice = ("quoted", speaker)
            elif distancer is not False:
                voice = ("distanced", distancer)
            else:
                voice = ("quoted", speaker) if attributed else ("distanced", None)
            self.region_voice[key] = voice
        return self.region_voice[key]

    def region_attribution(self, kind: int, i: int) -> tuple[bool, str | None]:
        """Who speaks a quote: an attribution right after its close ("...,” X said), one whose
        scope holds its opener (X said that “...”), else that of the previous quote of the
        paragraph ("“A,” he said. “B.”") or of the unclosed quote it continues."""
        region = self.regions[kind][i]
        if region.closed:
            k = self.sentence_index(region.close - 1)
            found = _covering(self.sentence(k).attributions, region.close - 1, cue_after=True)
            if found:
                return True, found.speaker
            if k + 1 < len(self.spans) and 0 <= self.spans[k + 1][0] - region.close <= 3:
                nxt = self.sentence(k + 1)
                for a in nxt.attributions:
                    if a.scope_end <= a.cue and self.words(nxt.start, a.cue) <= 6:
                        return True, a.speaker
        found = _covering(self.sentence(self.sentence_index(region.open)).attributions,
                          region.open, cue_after=False)
        if found:
            return True, found.speaker
        if i > 0:
            previous = self.regions[kind][i - 1]
            same_paragraph = self.body.find("\n", previous.close, region.open) == -1
            near = self.sentence_index(region.open) - self.sentence_index(previous.close - 1) <= 1
            continued = not previous.closed and \
                self.body[previous.close:region.open].strip() == ""
            if (same_paragraph and near) or continued:
                return self.region_attribution(kind, i - 1)
        return False, None

    def distancer(self, open_pos: int) -> str | None | bool:
        """"what X calls “...”" or "so-called “...”" just before a quote: X (or None when X
        is a pronoun); False when there is no such cue."""
        sent = self.sentence(self.sentence_index(open_pos))
        for s, e, kind in reversed(sent.cues[:bisect_left(sent.cue_starts, open_pos)]):
            if kind & DISTANCE and e <= open_pos and self.words(e, open_pos) <= 3:
                what = _WHAT_BEFORE.search(self.lower, max(sent.start, s - 60), s)
                who = self.body[what.start(1):what.end(1)].strip() if what else ""
                return who if _is_capitalized(who) else None
        return False

    # -- sentences: cues, clause boundaries, attributions ----------------------------------
    def sentence(self, k: int) -> _Sentence:
        if k not in self.sentences:
            self.sentences[k] = self.analyse(k)
        return self.sentences[k]

    def analyse(self, k: int) -> _Sentence:
        start, end = self.spans[k]
        cues = []
        for found in _CUES.iter(self.lower, start, end):
            cue = self.cue(found)
            if cue:
                cues.append(cue)
        cues.sort()
        b1 = [(m.start(), m.end()) for m in _PUNCT.finditer(self.body, start, end)]
        b2 = b1 + [(s, e) for s, e, kind in cues if kind & THAT]
        b1 += [(s, e) for s, e, kind in cues if kind & BOUND]
        b1.sort()
        b2 = sorted(b2 + [(s, e) for s, e, kind in cues if kind & BOUND])
        sent = _Sentence(start, end, [c[0] for c in cues], cues, [b[0] for b in b1],
                         [b[1] for b in b1], [b[0] for b in b2], [b[1] for b in b2], [])
        for s, e, kind in cues:
            if kind & (SPEECH | WEAK_SPEECH | ACCORDING) and self.region_at(s) is None:
                attribution = self.attribution(k, sent, s, e, kind)
                if attribution:
                    sent.attributions.append(attribution)
        return sent

    def cue(self, found: tuple[int, tuple[int, int]]) -> tuple[int, int, int] | None:
        last, (length, kind) = found
        s, e = last + 1 - length, last + 1
        low = self.lower
        if (s > 0 and not kind & SUFFIX and (low[s - 1].isalnum() or low[s - 1] in "-_")) or \
                (e < len(low) and (low[e].isalnum() or low[e] in "-_")):
            return None
        if self.body[s].isupper():        # "May 22", "Said" the name: not a cue
            kind &= ~(SPEECH | WEAK_SPEECH | CALL | (HEDGE if low[s:e] == "may" else 0))
        if kind & NEG and _NEG_NOT_NEGATION.match(low, e):
            kind &= ~NEG                       # not only, no doubt, no matter
        if kind & CALL or low[s:e] in ("described", "describes", "branded", "dubbed", "termed"):
            if _WHAT_BEFORE.search(low, max(0, s - 60), s):
                kind = DISTANCE | HEDGE            # what it calls, what media called
            elif kind & CALL:
                kind = SPEECH if _CALL_ON.match(low, e) else 0
        return (s, e, kind) if kind else None

    def attribution(self, k: int, sent: _Sentence, s: int, e: int, kind: int
                    ) -> _Attribution | None:
        """The speaker and scope of one speech verb or "according to" (docs/context-rules.md)."""
        if kind & ACCORDING:
            return self.according(sent, s, e)
        left = self.tokens(max(sent.start, s - 130), s)
        right = self.tokens(e, min(sent.end, e + 100))
        verb = _WORD.match(self.lower, s).group()
        speaker, named, lead, inverted = self.speaker(k, sent, left, right, verb)
        before = left[lead - 1][2] if lead > 0 else None
        quote_tail = before in _CLOSE_QUOTES or (before == "," and lead > 1
                                                   and left[lead - 2][2] in _CLOSE_QUOTES)
        comma_tail = before in (",", "–", "—", "-") and lead > 1
        following = right[inverted][2].lower() if len(right) > inverted else None
        if kind & WEAK_SPEECH and not (quote_tail or inverted or following == "that"):
            return None
        backward = inverted or quote_tail or (
            comma_tail and verb in _INVERTIBLE and self.words(sent.start, left[lead - 1][0]) >= 4
            and (following in (None, ".", ",", ";", "!", "?") or (
                following in _PREPOSITIONS | _CALENDAR and
                not {t[2].lower() for t in right} & {"that", ":", "“", '"'})))
        if backward:
            return _Attribution(sent.start, left[lead - 1][0] + 1 if lead else s, s, speaker,
                                named)
        stop = _SCOPE_END.search(self.body, e, sent.end)
        end = stop.start() if stop else sent.end
        first = _WORD.search(self.body, sent.start, s)
        subordinate = (first and first.group().lower() in _SUBORDINATORS) or \
            (left and left[-1][2].lower() in _PREPOSITIONS)
        if subordinate:
            comma = self.body.find(",", e, sent.end)
            if comma != -1 and self.body.find(",", sent.start, s) == -1:
                end = min(end, comma)
        return _Attribution(e, end, s, speaker, named)

    def according(self, sent: _Sentence, s: int, e: int) -> _Attribution:
        words = []
        for token in self.tokens(e, min(sent.end, e + 160)):
            low = token[2].lower()
            if (not token[2][0].isalnum() and token[2] not in "/&’'") or low in _CLAUSE_WORDS \
                    or len(words) == 8:
                break
            if words or low not in ("the", "a", "an"):
                words.append(token)
        speaker = " ".join(self.body[words[0][0]:words[-1][1]].split()) if words else None
        opening = [w.lower() for w in _WORD.findall(self.body, sent.start, s)]
        if not opening or opening in (["but"], ["and"], ["yet"]):
            return _Attribution(words[-1][1] if words else e, sent.end, s, speaker, False, True)
        return _Attribution(sent.start, s, s, speaker, False, True)

    def speaker(self, k: int, sent: _Sentence, left: list, right: list, verb: str
                ) -> tuple[str | None, bool, int, int]:
        """(speaker, named, index in ``left`` where the speaker phrase starts, tokens of
        ``right`` taken by an inverted speaker as in "..., said Tillerson")."""
        i, passive = len(left) - 1, False
        while i >= 0 and left[i][2].lower() in _SKIP_BEFORE_VERB:
            passive |= left[i][2].lower() in _PASSIVE_AUX
            i -= 1
        lead = i + 1
        if verb.endswith("ing"):                 # "..., saying that": the earlier speaker's
            earlier = sent.attributions[-1] if sent.attributions else None
            return (earlier.speaker, earlier.named, lead, 0) if earlier else (None, False, lead, 0)
        if passive or i < 0:
            return None, False, lead, 0
        if left[i][2] in _CLOSE_QUOTES or left[i][2] == ",":
            taken, name = self.chain_after(right) if verb in _INVERTIBLE else (0, None)
            if taken or left[i][2] in _CLOSE_QUOTES:
                return name, bool(name), lead, taken
        word = left[i][2].lower()
        if word in ("who", "which", "that"):    # "Tillerson, who said earlier that"
            i -= 2 if i > 0 and left[i - 1][2] == "," else 1
        elif word in (",", "–", "—", "-"):        # "Velayati, a top adviser ..., called on"
            i -= 1
            while i >= 0 and left[i][2] not in (",", "–", "—", "-"):
                i -= 1
            i -= 1
        if i < 0:
            return None, False, lead, 0
        word = left[i][2].lower()
        if word in _PRONOUNS:
            name = self.recent_speaker(k, sent) if word in _PERSONAL else None
            return name, bool(name), i, 0
        first, named = self.chain_before(left, i)
        if first is None:
            return None, False, lead, 0
        start, end = left[first][0], left[i][1]
        named = named and not self.is_actor_mention(start, end)
        return " ".join(self.body[start:end].split()), named, first, 0

    def chain_before(self, left: list, i: int) -> tuple[int | None, bool]:
        """Start of the proper-noun chain ending at ``left[i]`` ("Secretary of State Rex
        Tillerson"), else of a short noun phrase with a capital ("Syrian pro-government
        experts"); None for "local sources"."""
        words = [t[2] for t in left]
        if _is_name_word(words[i]):
            j = i
            while j > 0 and i - j < 8:
                if _is_name_word(words[j - 1]):
                    j -= 1
                elif words[j - 1].lower() in _CONNECTORS and j > 1 and _is_name_word(words[j - 2]):
                    j -= 2
                else:
                    break
            return j, True
        if _is_content_word(words[i]):
            j = i
            while j > 0 and i - j < 3:
                if _is_content_word(words[j - 1]):
                    j -= 1
                elif words[j - 1].lower() == "and" and j > 1 and _is_name_word(words[j - 2]):
                    j -= 2
                else:
                    break
            if any(_is_capitalized(w) for w in words[j:i + 1]):
                return j, False
        return None, False

    def chain_after(self, right: list) -> tuple[int, str | None]:
        """An inverted speaker: "said Tillerson", "notes analyst Hadi Mohamadi"."""
        words = [t[2] for t in right[:14]]
        t = 1 if words[:1] and words[0].lower() == "the" else 0
        first = t
        while t < len(words) and t - first < 3 and words[t][:1].islower() \
                and _is_content_word(words[t]):
            t += 1
        if t >= len(words) or not _is_name_word(words[t]):
            return 0, None
        u = t
        while u + 1 < len(words) and u - t < 8:
            if _is_name_word(words[u + 1]):
                u += 1
            elif words[u + 1].lower() in _CONNECTORS and u + 2 < len(words) \
                    and _is_name_word(words[u + 2]):
                u += 2
            else:
                break
        return u + 1, " ".join(self.body[right[t][0]:right[u][1]].split())

    def recent_speaker(self, k: int, sent: _Sentence) -> str | None:
        """"he"/"she": the last named speaker of this sentence or of the three before it in
        the same paragraph; None otherwise."""
        paragraph = self.body.rfind("\n", 0, sent.start)
        for j in range(k, max(k - 4, -1), -1):
            if j < k and self.spans[j][1] <= paragraph:
                break
            for a in reversed(sent.attributions if j == k else self.sentence(j).attributions):
                if a.named:
                    return a.speaker
        return None

    def is_actor_mention(self, start: int, end: int) -> bool:
        i = bisect_left(self.mention_starts, start)
        return i < len(self.mentions) and self.mentions[i][:2] == (start, end)

    # -- per hit ---------------------------------------------------------------------------
    def voice(self, sent: _Sentence, start: int) -> tuple[str, str | None]:
        region = self.region_at(start)
        if region is not None:
            return self.region_voice_of(*region)
        found = _covering(sent.attributions, start)
        return ("quoted", found.speaker) if found else ("author", None)

    def cues_before(self, sent: _Sentence, pos: int, flags: int, reach: int):
        """Cues of kind ``flags`` ending at or before ``pos`` and within ``reach`` characters,
        nearest first."""
        for s, e, kind in reversed(sent.cues[:bisect_left(sent.cue_starts, pos)]):
            if e < pos - reach:
                return
            if kind & flags and e <= pos:
                yield s, e, kind

    def negated(self, sent: _Sentence, start: int) -> bool:
        """A negation cue ending before the term, at most 3 words away (5 for deny, reject,
        refuse), with no clause boundary between."""
        for s, e, kind in self.cues_before(sent, start, NEG | NEG_VERB, 60):
            window = 5 if kind & NEG_VERB else 3
            boundary = bisect_left(sent.b1_starts, e)
            crossed = boundary < len(sent.b1_starts) and sent.b1_starts[boundary] < start
            return self.words(e, start) <= window and not crossed
        return False

    def hedged(self, sent: _Sentence, start: int, end: int) -> bool:
        """A hedge cue in the term's clause before it (at most 12 words back), or a hedging
        adverb right after it ("destabilizing allegedly")."""
        b = bisect_right(sent.b1_ends, start) - 1
        clause_start = sent.b1_ends[b] if b >= 0 else sent.start
        for s, e, kind in self.cues_before(sent, start, HEDGE, 120):
            if s >= clause_start and self.words(e, start) <= 12:
                return True
        i = bisect_left(sent.cue_starts, end)
        for s, e, kind in sent.cues[i:i + 3]:
            boundary = bisect_left(sent.b1_starts, end)
            crossed = boundary < len(sent.b1_starts) and sent.b1_starts[boundary] < s
            if kind & HEDGE_AFTER and not crossed and self.words(end, s) <= 1:
                return True
        return False

    def target(self, sent: _Sentence, start: int, end: int) -> str | None:
        """The actor the term is about (docs/context-rules.md, "target"): a possessive or
        modifying mention right before the term, else the first mention before it in its
        clause that is not governed by a preposition (the subject), else the nearest mention
        in the clause that is not a place after "in"/"at"...; None when there is none or the
        choice is a tie between different actors."""
        b = bisect_right(sent.b2_ends, start) - 1
        clause_start = sent.b2_ends[b] if b >= 0 else sent.start
        b = bisect_left(sent.b2_starts, end)
        clause_end = sent.b2_starts[b] if b < len(sent.b2_starts) else sent.end
        lo = bisect_left(self.mention_starts, clause_start)
        hi = bisect_left(self.mention_starts, clause_end)
        mentions = [m for m in self.mentions[lo:hi]
                    if m[1] <= clause_end and (m[1] <= start or m[0] >= end)]
        if not mentions:
            return None
        before = [m for m in mentions if m[1] <= start]
        if before and self.modifies(before[-1], start, clause_start):
            return self.unambiguous(before[-1], mentions)
        roles = [self.role(m, clause_start) for m in mentions]
        for m, role in zip(mentions, roles):
            if m[1] <= start and role == "subject":
                return self.unambiguous(m, mentions)
        eligible = [m for m, role in zip(mentions, roles) if role not in _LOCATIVE]
        if not eligible:
            return None
        distance = [self.words(m[1], start) if m[1] <= start else self.words(end, m[0])
                    for m in eligible]
        nearest = min(distance)
        actors = {m[2] for m, d in zip(eligible, distance) if d == nearest}
        if len(actors) > 1:
            return None
        return self.unambiguous(eligible[distance.index(nearest)], mentions)

    def modifies(self, mention: tuple[int, int, str], start: int, clause_start: int) -> bool:
        """"Tehran’s “destabilizing” role", "Iran’s armed forces", "US control",
        "Iranian-backed forces": at most two content words between mention and term."""
        possessive = _POSSESSIVE.match(self.body, mention[1])
        gap = _WORD.findall(self.body, possessive.end() if possessive else mention[1], start)
        if len(gap) > 2 or any(w.lower() in _FUNCTION for w in gap):
            return False
        if possessive or self.lower[mention[0]:mention[1]].endswith(_ADJECTIVAL_ENDINGS):
            return True
        return not gap and self.role(mention, clause_start) not in _PREPOSITIONS

    def role(self, mention: tuple[int, int, str], clause_start: int) -> str:
        """What stands before ``mention`` in its clause, past determiners and one adjective:
        a preposition ("in eastern Syria" -> "in"), "subject" (clause start or a conjunction:
        "that the US is ..."), or "object" (anything else, typically a verb: "pressure Iran")."""
        adjectives = 0
        for w in reversed(_WORD.findall(self.lower, max(clause_start, mention[0] - 60),
                                        mention[0])):
            if w in _DETERMINERS:
                continue
            if w in _PREPOSITIONS:
                return w
            if w in _CONJUNCTIONS:
                return "subject"
            if adjectives or w in _FUNCTION or not w.isalpha():
                return "object"
            adjectives = 1
        return "subject"

    def unambiguous(self, mention: tuple[int, int, str], mentions: list) -> str | None:
        """None when ``mention`` is coordinated with another actor ("Iran and Syria")."""
        i = mentions.index(mention)
        for a, b in ((mentions[i - 1], mention) if i else (None, None),
                     (mention, mentions[i + 1]) if i + 1 < len(mentions) else (None, None)):
            if a and a[2] != b[2] and _COORDINATED.fullmatch(self.body, a[1], b[0]):
                return None
        return mention[2]
