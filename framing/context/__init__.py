"""Context of each lexicon hit: whose words (voice, speaker), negated or hedged, and whom about.

Heuristic rules on surface cues, no parser; every rule, its examples and its known failures
are in ``docs/context-rules.md``. Each body is scanned once: quote marks, clause punctuation,
and every cue word in one Aho-Corasick pass. Attributions (speech verbs and their speakers)
are worked out only for sentences that hold a hit and a speech verb, and each hit then costs
a few bisections and some string work on a few words around it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Sequence

import ahocorasick
import numpy as np


@dataclass(frozen=True)
class Context:
    voice: str            # "author" | "quoted" | "distanced"
    speaker: str | None   # who is quoted, when recoverable
    negated: bool
    hedged: bool
    target: str | None    # the actor the term is about, None when unclear (never a guess)


# Cue kinds, as bit flags: one word may be several ("claimed" is a speech verb and a hedge).
NEG, NEG_VERB, HEDGE, HEDGE_AFTER, SPEECH, WEAK_SPEECH, ACCORDING, CALL, BOUND, THAT, \
    SUFFIX, DISTANCE = (1 << i for i in range(12))

_VOCABULARY = {
    NEG: "not|no|never|cannot|neither|nor|nobody|none|nothing|nowhere|without|hardly|"
         "scarcely|barely",
    NEG | SUFFIX: "n't|n’t",
    NEG_VERB: "denied|denies|deny|denying|rejected|rejects|reject|rejecting|refused|refuses|"
              "refuse|refusing|ruled out|rules out|dismissed|dismisses",
    HEDGE | DISTANCE: "so-called|so called",
    HEDGE: "alleged|likely|unlikely|possibly|probably|perhaps|maybe|may|might|could|purported|"
           "seems|seem|seemed|appears|appear|appeared|claims|claim|potentially|rumored|"
           "rumoured|suspected",
    HEDGE | HEDGE_AFTER: "allegedly|reportedly|apparently|supposedly|purportedly|seemingly|"
                         "presumably|ostensibly",
    HEDGE | SPEECH: "claimed|claiming",
    SPEECH: "said|says|say|saying|told|tell|tells|telling|stated|stating|stressed|stresses|"
            "stressing|added|adds|adding|declared|declares|declaring|announced|announces|"
            "announcing|warned|warns|accused|accuses|accusing|insisted|insists|insisting|argued|"
            "argues|arguing|noted|noting|explained|explains|asserted|asserts|urged|urges|urging|"
            "demanded|confirmed|confirms|admitted|admits|acknowledged|acknowledges|suggested|"
            "suggests|wrote|writes|tweeted|replied|clarified|asked|asks|emphasized|emphasised|"
            "emphasizes|emphasises|underlined|underscored|reiterated|affirmed|vowed|vows|pledged|"
            "threatened|threatens|predicted|complained|conceded|boasted|lamented|recalled|"
            "commented|remarked|believe|believes|indicated|indicates|pointed out|"
            "appealed|described|describes|branded|labelled|labeled|dubbed|termed",
    WEAK_SPEECH: "notes|states|demands|reports|reported",
    CALL: "call|calls|called|calling",
    ACCORDING: "according to",
    BOUND: "but|while|whereas|although|though|however|because|which|who|whom|whose|when|if|"
           "unless|whether|where",
    THAT: "that",
}
_NAMING_VERBS = {"described", "describes", "branded", "labelled", "labeled", "dubbed", "termed"}
_NOT_NEGATION = re.compile(r"\s+(?:only|just|merely|least|doubt|less|matter|sooner)\b", re.I)
_CALL_ON = re.compile(r"\s+(?:on|for|upon)\b")
_WHAT_BEFORE = re.compile(r"\bwhat((?:\s+[\w’'-]+){1,3})\s*$", re.I)
_FORWARD_MARK = re.compile(r"[:“\"]|that\b")
_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
_FIRST_WORD = re.compile(r"\W*(\w+)")
#: Every character's class: a clause boundary, a quote mark, or nothing (0).
_BOUNDARY, _QUOTE = 1, 2
_CHARACTER_CLASS = np.zeros(0x110000, dtype=np.uint8)
_CHARACTER_CLASS[[ord(c) for c in ",;:()[]!?—–…"]] = _BOUNDARY
_CHARACTER_CLASS[[ord(c) for c in "“”„«»\"‘‚'"]] = _QUOTE
_MARKS = re.compile(r"[“”„«»\"‘‚']")
#: What may stand before a word (a space, a quote, a bracket, a dash): cue words are looked for
#: after one of these, so that "no" in "know" is never even reported by the automaton.
_BEFORE_WORD = (" ", "\n", "\t", "\xa0", "“", '"', "(", "[", "‘", "'", "—", "–", "/")
#: A straight single quote opens only after one of these (‘ opens anywhere; ’ never opens: as
#: an opener it is a typo, and it is mostly an apostrophe).
_BEFORE_SINGLE_OPENER = " \n\t\xa0([“\""
_AFTER_WORD = (" ", "\n", "\t", "\xa0", ",", ".", ";", ":", "!", "?", "”", '"', "’", "'", ")", "]",
               "…", "—", "–", "/")
_SINGLE = re.compile(r"['’]")
_TOKEN = re.compile(r"\w+(?:['’\-.]\w+)*(?:\.(?=\s+[A-Z]))?|[^\w\s]")
_POSSESSIVE = re.compile(r"[’']s?(?![^\W_])")
_COORDINATED = re.compile(r"\s*(?:,|-|–|/|,?\s*(?:and|or|&))\s*(?:the\s+)?", re.IGNORECASE)
_SCOPE_END = re.compile(r";|\s[—–-]{1,2}\s|,\s+(?:a|an|which|while|whereas|but|although|though|"
                        r"however|despite|even though)\b|,\s+and\b(?!\s+that\b)")
_STRIP = "“”\"‘’'()[]{},.;:!?—–…«»/"

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"
_CLOSE_QUOTES = {"”", '"', "’", "'", "»"}
_DASHES = (",", "–", "—", "-")
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
_FUNCTION = _PREPOSITIONS | _DETERMINERS | {
    "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does",
    "did", "to", "that", "which", "who", "whom", "whose", "it", "not", "no", "as", "so", "if",
    "when", "while", "what", "also", "said", "says", "say"}
_SKIP_BEFORE_VERB = {"also", "later", "earlier", "previously", "recently", "again", "then",
                     "already", "repeatedly", "once", "further", "himself", "herself", "itself",
                     "themselves", "publicly", "privately", "openly", "separately",
                     "subsequently", "has", "have", "had", "will", "would", "reportedly",
                     "allegedly", "is", "are", "was", "were", "been", "being", "did", "does",
                     "explicitly", "clearly"}
_OPENERS = {"that", ":", "“", '"'}
_WHEN = {"in", "on", "last", "this", "next", "early", "late", "since"}
_REFUSALS = {"declined", "declines", "refused", "refuses", "unwilling", "reluctant"}
_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                "may", "might", "must", "should", "did", "does", "do", "said", "says"}
_PASSIVE_AUX = {"is", "are", "was", "were", "been", "being", "be"}
_ACTIVE_SKIP = _SKIP_BEFORE_VERB - _PASSIVE_AUX
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_CONNECTORS = {"of", "al", "bin", "ibn", "de", "la", "van", "von", "du", "abu", "el", "and"}
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
_ADJECTIVAL_ENDINGS = ("ian", "ean", "ese", "ish", "i", "ic")


@lru_cache(maxsize=None)
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
    for kind, words in _VOCABULARY.items():
        for word in words.split("|"):
            forms = {word} if kind & (SPEECH | WEAK_SPEECH | CALL) or word == "may" \
                else {word, word[0].upper() + word[1:]}
            for form in forms:
                kinds[form] = kinds.get(form, 0) | kind
    automaton = ahocorasick.Automaton()
    for form, kind in kinds.items():
        refine = bool(kind & (NEG | CALL) or form in _NAMING_VERBS)
        value = (len(form), kind, refine, _destinations(kind))
        for before in [""] if kind & SUFFIX else _BEFORE_WORD:
            for after in _AFTER_WORD:
                automaton.add_word(before + form + after, value)
    automaton.make_automaton()
    return automaton


_CUES = _automaton()


class _Attribution(NamedTuple):
    scope_start: int
    scope_end: int
    cue: int              # where the speech verb or "according to" stands
    speaker: str | None
    named: bool           # a proper-noun chain that is not an actor alias: may resolve "he"
    according: bool = False


class _Region(NamedTuple):
    open: int             # position of the opening mark
    close: int            # position after the closing mark (or the cap, when unclosed)
    closed: bool


class _NeedMore(Exception):
    """The speaker search ran off the start of its window: retry with a wider one."""


class _NotSaid(Exception):
    """A negated or refused speech verb ("did not say"): no attribution."""


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


def _words(text: str) -> list[str]:
    """The words of a short stretch of text, punctuation stripped."""
    return [w for w in (t.strip(_STRIP) for t in text.split()) if w]


def _more_words_than(text: str, n: int) -> bool:
    pieces = text.split(None, n + 1)        # stops splitting after n + 1 pieces
    return len(pieces) > n + 1 or sum(1 for p in pieces if p.strip(_STRIP)) > n


def _quote_regions(body: str, spans: Sequence[tuple[int, int]], marks: list[int] | None = None
                   ) -> tuple[list[_Region], list[_Region]]:
    """Double- and single-quoted regions of ``body`` in one left-to-right scan. A region never
    crosses a line break (a paragraph). An unclosed double quote ends at its paragraph's end
    or two sentences after its opener's, whichever is first. A single quote opens only before
    a letter after a space, bracket or dash ("'tripartite'", not "Iran’s") and counts only if
    it closes in its paragraph (most lone single marks are apostrophes: "jihadists’ land").
    ``marks``: the positions of every character of ``_MARKS``, when the caller has them."""
    if marks is None:
        marks = [m.start() for m in _MARKS.finditer(body)]
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
    d_open, single_done = None, -1
    for p in marks:
        c = body[p]
        if c == "'" and p and body[p - 1] not in _BEFORE_SINGLE_OPENER:
            continue                            # an apostrophe: it's, Iraq's, officials'
        nxt = body[p + 1] if p + 1 < n else " "
        if c in "'‘‚":
            if p >= single_done and (nxt.isalpha() or nxt in "“\""):
                close = _single_close(body, p)
                if close:
                    singles.append(_Region(p, close, True))
                    single_done = close
            continue
        if d_open is not None and body.find("\n", d_open, p) != -1:
            doubles.append(unclosed(d_open, p))
            d_open = None
        prev = body[p - 1] if p else " "
        if c in _OPEN_DOUBLE:
            if d_open is not None:
                doubles.append(unclosed(d_open, p))
            d_open = p
        elif d_open is not None:               # ” » or a straight " closes
            doubles.append(_Region(d_open, p + 1, True))
            d_open = None
        elif (c == '"' or prev.isspace()) and not nxt.isspace():
            d_open = p                          # a straight opener, or ” misused as one
    if d_open is not None:
        doubles.append(unclosed(d_open, n))
    return doubles, singles


def _single_close(body: str, p: int) -> int | None:
    """Position after the mark closing the single quote opened at ``p``, in its paragraph."""
    limit = body.find("\n", p)
    limit = len(body) if limit == -1 else limit
    for mark in _SINGLE.finditer(body, p + 1, min(limit, p + 1000)):
        q = mark.start()
        prev, nxt = body[q - 1], body[q + 1] if q + 1 < len(body) else " "
        if not prev.isspace() and not (prev.isalnum() and nxt.isalnum()):
            return q + 1
    return None


def _is_capitalized(word: str) -> bool:
    if not word[:1].isalpha():
        return False
    return word[0].isupper() or ("-" in word and word.rsplit("-", 1)[1][:1].isupper())


def _is_name_word(word: str) -> bool:
    low = word.lower()
    return _is_capitalized(word) and low not in _FUNCTION and low not in _CALENDAR \
        and low not in _PRONOUNS


def _is_content_word(word: str) -> bool:
    low = word.lower()
    return word[:1].isalpha() and low not in _FUNCTION and low not in _PRONOUNS \
        and low not in _CALENDAR


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


def _bisect_items(items: list, starts: list[int], lo: int, hi: int) -> list:
    return items[bisect_left(starts, lo):bisect_left(starts, hi)]


_LOW, _HIGH = -(1 << 62), 1 << 62


def _cue_end(cue: tuple[int, int, int]) -> int:
    return cue[1]


def _boundaries(punct: np.ndarray, words: list[tuple[int, int, int]]
                ) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of clause boundaries (one-character punctuation and cue words), sorted
    and between sentinels; boundaries never overlap, so both orders agree."""
    starts = np.array([c[0] for c in words], dtype=np.int64)
    ends = np.array([c[1] for c in words], dtype=np.int64)
    edges = np.array([_LOW, _HIGH], dtype=np.int64)
    return (np.sort(np.concatenate((edges, punct, starts))),
            np.sort(np.concatenate((edges, punct + 1, ends))))


def _arrays(rows: list[tuple], *columns: tuple[int, int, int]) -> tuple[np.ndarray, ...]:
    """For each (index, low, high): that column of ``rows`` as an array between two
    sentinels, so that ``array[searchsorted(array, x) - 1]`` and ``array[searchsorted(array,
    x)]`` never fall off the ends; the sentinels are chosen to fail every test on them."""
    return tuple(np.array([low] + [row[i] for row in rows] + [high], dtype=np.int64)
                 for i, low, high in columns)


def _word_at(body: str, pos: int, end: int) -> str:
    """The first token at or after ``pos`` (before ``end``), "" when there is none."""
    found = _NEXT_TOKEN.match(body, pos, end)
    return found.group(1) if found else ""


def _token_start(body: str, start: int, tokens: list[str], index: int) -> int:
    """Where ``tokens[index]`` (tokens found from ``start``) stands in ``body``."""
    pos = start
    for token in tokens[:index]:
        pos = body.find(token, pos) + len(token)
    return body.find(tokens[index], pos)


def _chain_before(words: list[str], i: int) -> tuple[int | None, str | None, bool]:
    """The speaker phrase ending at ``words[i]``: (where it starts, the speaker, whether it is
    a proper-noun chain). A proper-noun chain ("Secretary of State Rex Tillerson"), else a
    short noun phrase, which names a speaker only if it has a capital ("Syrian
    pro-government experts"; "the ministry" starts a phrase but names no one)."""
    if _is_name_word(words[i]):
        j = i
        while j > 0 and i - j < 8:
            if _is_name_word(words[j - 1]):
                j -= 1
            elif words[j - 1].lower() in _CONNECTORS and j > 1 and _is_name_word(words[j - 2]):
                j -= 2
            else:
                break
        return j, " ".join(words[j:i + 1]), True
    if _is_content_word(words[i]):
        j = i
        while j > 0 and i - j < 3:
            if _is_content_word(words[j - 1]):
                j -= 1
            elif words[j - 1].lower() == "and" and j > 1 and _is_name_word(words[j - 2]):
                j -= 2
            else:
                break
        name = " ".join(words[j:i + 1]) if any(_is_capitalized(w) for w in words[j:i + 1]) \
            else None
        if j > 0 and words[j - 1].lower() in ("the", "a", "an"):
            j -= 1
        return j, name, False
    return None, None, False


def _chain_after(words: list[str]) -> tuple[int, str | None]:
    """An inverted speaker at the start of ``words``: "said Tillerson", "notes analyst Hadi
    Mohamadi", "said University of Alabama law professor Heather Elliott" (the last name of
    the phrase); returns (words taken, speaker), or (0, None) when the name does not end the
    clause ("..., said McConnell was offering": not inverted)."""
    t, u = 1 if words[:1] and words[0].lower() == "the" else 0, -1
    while True:
        first = t                                # skip up to three lower-case title words
        while t < len(words) and t - first < 3 and words[t][:1].islower() \
                and _is_content_word(words[t]):
            t += 1
        if t >= len(words) or not _is_name_word(words[t]):
            break
        u = _name_end(words, t)
        if u + 1 < len(words) and words[u + 1][:1].islower() and _is_content_word(words[u + 1]):
            t = u + 1                            # "University of Alabama law professor ..."
            continue
        break
    if u < 0:
        return 0, None
    after = words[u + 1].lower() if u + 1 < len(words) else ""
    if after[:1].isalnum() and after not in _PREPOSITIONS | _CALENDAR | {"who", "according"}:
        return 0, None
    start = u
    while start > 0 and (_is_name_word(words[start - 1]) or (
            words[start - 1].lower() in _CONNECTORS and start > 1
            and _is_name_word(words[start - 2]))):
        start -= 1 if _is_name_word(words[start - 1]) else 2
    return u + 1, " ".join(words[start:u + 1])


def _name_end(words: list[str], t: int) -> int:
    """Index of the last word of the proper-noun chain starting at ``words[t]``."""
    u = t
    while u + 1 < len(words) and u - t < 8:
        if _is_name_word(words[u + 1]):
            u += 1
        elif words[u + 1].lower() in _CONNECTORS and u + 2 < len(words) \
                and _is_name_word(words[u + 2]):
            u += 2
        else:
            break
    return u


class _Body:
    """One body: cues, clause boundaries and quote regions found once; sentences'
    attributions and mentions' roles worked out when a hit first needs them."""

    def __init__(self, body: str, spans: Sequence[tuple[int, int]],
                 mentions: Sequence[tuple[int, int, str]]):
        self.body = body
        self.spans = list(spans) or [(0, len(body))]
        self.starts = [s for s, _ in self.spans]
        self.mentions = sorted(mentions)
        self.mention_starts = [m[0] for m in self.mentions]
        self.mention_starts_array = np.array(self.mention_starts, dtype=np.int64)
        self.sentence_starts = np.array(self.starts, dtype=np.int64)
        self.sentence_ends = np.array([e for _, e in self.spans], dtype=np.int64)
        self.mention_texts = {body[m[0]:m[1]] for m in self.mentions}
        self.actor_names = {m[2] for m in self.mentions}
        codes = np.frombuffer(body.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        classes = _CHARACTER_CLASS[codes]
        self.regions = _quote_regions(body, self.spans, np.flatnonzero(classes == _QUOTE).tolist())
        self.region_opens = tuple([r.open for r in regions] for regions in self.regions)
        self.region_bounds = tuple(_arrays(regions, (0, _LOW, _HIGH), (1, _LOW, _LOW))
                                   for regions in self.regions)
        self.find_cues(codes, classes)
        self.attributions_of: dict[int, list[_Attribution]] = {}
        self.region_voice: dict[tuple[int, int], tuple[str, str | None]] = {}
        self.roles: dict[int, str] = {}

    def find_cues(self, codes: np.ndarray, classes: np.ndarray) -> None:
        body = self.body
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
        punct = np.flatnonzero(classes == _BOUNDARY)
        hyphens = np.flatnonzero(codes[1:-2] == 45) + 1        # " - " and " -- " as dashes
        spaced = (codes[hyphens - 1] == 32) & ((codes[hyphens + 1] == 32) | (
            (codes[hyphens + 1] == 45) & (codes[np.minimum(hyphens + 2, len(codes) - 1)] == 32)))
        punct = np.concatenate((punct, hyphens[spaced]))
        self.b1 = _boundaries(punct, b1)
        self.b2 = _boundaries(punct, b1 + that)
        speech.sort()
        self.speech = speech
        self.speech_list = [c[0] for c in speech]
        self.speech_starts = np.array(self.speech_list, dtype=np.int64)
        # Sorted arrays for numpy.searchsorted, with sentinels at both ends (``_sentineled``).
        neg.sort(key=_cue_end)                    # negation and hedges before a term: by end
        self.neg = _arrays(neg, (1, _LOW, _HIGH), (0, _LOW, _LOW), (2, 0, 0))
        hedge.sort(key=_cue_end)
        self.hedge_by_end = _arrays(hedge, (1, _LOW, _HIGH), (0, _LOW, _LOW))
        hedge.sort()
        self.hedge, self.hedge_start_list = hedge, [c[0] for c in hedge]
        self.hedge_by_start = _arrays(hedge, (0, _LOW, _HIGH), (2, 0, 0))

    def refine(self, s: int, e: int, kind: int) -> int:
        """Context-dependent cues: "not only" is no negation; "what it calls" distances;
        "called on"/"calls for" is speech, a bare "called" (naming) is nothing."""
        if kind & NEG and _NOT_NEGATION.match(self.body, e):
            kind &= ~NEG
        if kind & CALL or (kind & SPEECH and self.body[s:e] in _NAMING_VERBS):
            if _WHAT_BEFORE.search(self.body, max(0, s - 60), s):
                return DISTANCE | HEDGE
            if kind & CALL:                      # "called on X to", not "a call for"
                before = self.body[max(0, s - 6):s].split()[-1:]
                noun = before and before[0].lower() in _DETERMINERS
                return SPEECH if _CALL_ON.match(self.body, e) and not noun else 0
        return kind

    def words(self, start: int, end: int) -> int:
        """Words between two offsets: white-space separated pieces."""
        return len(self.body[start:end].split()) if end > start else 0

    def sentence_index(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    # -- all hits of the body at once -------------------------------------------------------
    def contexts(self, spans: list[tuple[int, int]]) -> list[Context]:
        """The Context of each distinct span; the rules run in Python only where a lookup
        (``lookups``) found a cue, a quote, a speech verb or a mention near the span."""
        interned: dict[tuple, Context] = {}
        out = []
        for (s, e), (k, cs2, ce2, ne, nk, negation_near, he, hedge_before, a_start,
                     hedge_after, has_mention, double, single, speech_near) \
                in zip(spans, zip(*self.lookups(spans))):
            if double >= 0:
                voice, speaker = self.region_voice_of(0, double)
            elif single >= 0:
                voice, speaker = self.region_voice_of(1, single)
            elif speech_near:
                found = _covering(self.attributions(k), s)
                voice, speaker = ("quoted", found.speaker) if found else ("author", None)
            else:
                voice, speaker = "author", None
            negated = negation_near and self.words(ne, s) <= (5 if nk & NEG_VERB else 3)
            hedged = (hedge_before and self.words(he, s) <= 12) or \
                (hedge_after and self.words(e, a_start) <= 1)
            target = self.target(cs2, ce2, s, e) if has_mention else None
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
        start = np.array([s for s, _ in spans], dtype=np.int64)
        end = np.array([e for _, e in spans], dtype=np.int64)
        k = np.maximum(self.sentence_starts.searchsorted(start, "right") - 1, 0)
        ss, se = self.sentence_starts[k], self.sentence_ends[k]
        (b1_starts, b1_ends), (b2_starts, b2_ends) = self.b1, self.b2
        cs1 = np.maximum(ss, b1_ends[b1_ends.searchsorted(start, "right") - 1])
        before_b1 = b1_starts[b1_starts.searchsorted(start) - 1]    # last boundary < start
        after_b1 = b1_starts[b1_starts.searchsorted(end)]          # first one >= end
        cs2 = np.maximum(ss, b2_ends[b2_ends.searchsorted(start, "right") - 1])
        ce2 = np.minimum(se, b2_starts[b2_starts.searchsorted(end)])
        i = self.neg[0].searchsorted(start, "right") - 1      # nearest negation cue before
        ne, ns, nk = (a[i] for a in self.neg)
        negation_near = (ns >= ss) & (ne >= start - 80) & (before_b1 < ne)
        i = self.hedge_by_end[0].searchsorted(start, "right") - 1
        he, hs = (a[i] for a in self.hedge_by_end)
        i = self.hedge_by_start[0].searchsorted(end)
        a_start, a_kind = (a[i] for a in self.hedge_by_start)
        hedge_after = ((a_kind & HEDGE_AFTER) > 0) & (a_start < se) & (after_b1 >= a_start)
        has_mention = self.mention_starts_array.searchsorted(ce2) > \
            self.mention_starts_array.searchsorted(cs2)
        speech_near = self.speech_starts.searchsorted(se) > self.speech_starts.searchsorted(ss)
        return [a.tolist() for a in (k, cs2, ce2, ne, nk, negation_near, he, hs >= cs1, a_start,
                                     hedge_after, has_mention, self.region_index(0, start),
                                     self.region_index(1, start), speech_near)]

    def region_index(self, kind: int, start: np.ndarray) -> np.ndarray:
        """Index of the quote region (0 double, 1 single) holding each start, else -1."""
        opens, closes = self.region_bounds[kind]
        i = opens.searchsorted(start) - 1
        return np.where(start < closes[i], i - 1, -1)

    # -- voice -----------------------------------------------------------------------------
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
            inner = self.body[region.open + 1:region.close - 1 if region.closed else region.close]
            if _more_words_than(inner, _SCARE_QUOTE_MAX_WORDS):
                voice = ("quoted", speaker)
            elif (distancer := self.distancer(region.open)) is not False:
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
            found = _covering(self.attributions(k), region.close - 1, cue_after=True)
            if found:
                return True, found.speaker
            if k + 1 < len(self.spans) and 0 <= self.spans[k + 1][0] - region.close <= 3:
                for a in self.attributions(k + 1):          # “...Syria.” Tillerson said.
                    between = self.body[self.spans[k + 1][0]:a.cue]
                    if a.scope_end <= a.cue and len(between.split()) <= 6 and \
                            not any(mark in between for mark in "“”\""):
                        return True, a.speaker
        found = _covering(self.attributions(self.sentence_index(region.open)), region.open,
                          cue_after=False)
        if found:
            return True, found.speaker
        if i > 0:
            previous = self.regions[kind][i - 1]
            same_paragraph = self.body.find("\n", previous.close, region.open) == -1
            near = self.sentence_index(region.open) - self.sentence_index(previous.close - 1) <= 1
            continued = not previous.closed and not self.body[previous.close:region.open].strip()
            if (same_paragraph and near) or continued:
                return self.region_attribution(kind, i - 1)
        return False, None

    def distancer(self, open_pos: int) -> str | None | bool:
        """"what X calls “...”" or "so-called “...”" just before a quote: X (None when X is a
        pronoun or absent); False when there is no such cue."""
        i = bisect_left(self.hedge_start_list, open_pos) - 1
        while i >= 0 and self.hedge[i][1] > open_pos - 60:
            s, e, kind = self.hedge[i]
            if kind & DISTANCE and e <= open_pos and self.words(e, open_pos) <= 3:
                what = _WHAT_BEFORE.search(self.body, max(0, s - 60), s)
                who = self.body[what.start(1):what.end(1)].strip() if what else ""
                return who if _is_capitalized(who) else None
            i -= 1
        return False

    # -- attributions ----------------------------------------------------------------------
    def attributions(self, k: int) -> list[_Attribution]:
        """Speech verbs and "according to" of sentence ``k`` (outside quotes), each with its
        speaker and the stretch of the sentence it attributes (docs/context-rules.md)."""
        found = self.attributions_of.get(k)
        if found is None:
            ss, se = self.spans[k]
            found = self.attributions_of[k] = []
            for s, e, kind in _bisect_items(self.speech, self.speech_list, ss, se):
                if self.region_at(s) is None:
                    attribution = self.attribution(k, found, s, e, kind)
                    if attribution:
                        found.append(attribution)
        return found

    def attribution(self, k: int, earlier: list[_Attribution], s: int, e: int, kind: int
                    ) -> _Attribution | None:
        ss, se = self.spans[k]
        if kind & ACCORDING:
            return self.according(ss, se, s, e)
        body = self.body
        verb = body[s:e].lower()
        for width in (50, 250, 10 ** 9):
            left_start = max(ss, s - width)
            left = _TOKEN.findall(body, left_start, s)
            try:
                speaker, named, lead, inverted = self.speaker(
                    k, earlier, left, e, se, verb, truncated=left_start > ss)
                break
            except _NeedMore:
                continue
            except _NotSaid:
                return None
        before = left[lead - 1] if lead > 0 else None
        quote_tail = before in _CLOSE_QUOTES or (before == "," and lead > 1
                                                   and left[lead - 2] in _CLOSE_QUOTES)
        if kind & WEAK_SPEECH and not (quote_tail or inverted or (
                named and _word_at(body, e, se).lower() == "that")):
            return None                          # "member states that", "the notes"
        backward = bool(inverted) or quote_tail
        if not backward and before in _DASHES and lead > 1:
            following = _word_at(body, e, se).lower()       # "..., Tillerson said (on Monday)."
            clause_before = left_start > ss or sum(w[0].isalnum() for w in left[:lead - 1]) >= 3
            backward = clause_before and (following in ("", ".", ",", ";", "!", "?") or (
                verb in _INVERTIBLE and following in _PREPOSITIONS | _CALENDAR and
                not _FORWARD_MARK.search(body, e, se)))
        if backward:
            end = _token_start(body, left_start, left, lead - 1) + 1 if lead else s
            return _Attribution(ss, end, s, speaker, named)
        stop = _SCOPE_END.search(body, e, se)
        end = stop.start() if stop else se
        first = _FIRST_WORD.match(body, ss, se)
        if (first and first.group(1).lower() in _SUBORDINATORS) or \
                (left and left[-1].lower() in _PREPOSITIONS):   # "After X declared ..., "
            comma = body.find(",", e, se)
            if comma != -1 and body.find(",", ss, s) == -1:
                end = min(end, comma)
        return _Attribution(e, end, s, speaker, named)

    def according(self, ss: int, se: int, s: int, e: int) -> _Attribution:
        """"according to X": X is up to eight words, to the next punctuation or clause word;
        it attributes the rest of the sentence when it opens it, else what stands before."""
        words: list[str] = []
        for token in _TOKEN.findall(self.body, e, min(se, e + 160)):
            low = token.lower()
            if (not token[0].isalnum() and token not in "/&’'") or low in _CLAUSE_WORDS \
                    or len(words) == 8:
                break
            if words or low not in ("the", "a", "an"):
                words.append(token)
        speaker = " ".join(words) or None
        opening = [w.lower() for w in _words(self.body[ss:s])]
        if not opening or opening in (["but"], ["and"], ["yet"]):
            end = _token_start(self.body, e, words, len(words) - 1) + len(words[-1]) \
                if words else e
            return _Attribution(end, se, s, speaker, False, True)
        return _Attribution(ss, s, s, speaker, False, True)

    def speaker(self, k: int, earlier: list[_Attribution], left: list[str], e: int, se: int,
                verb: str, *, truncated: bool) -> tuple[str | None, bool, int, int]:
        """(speaker, named, index in ``left`` where the speaker phrase starts, words after
        the verb taken by an inverted speaker as in "..., said Tillerson")."""
        i, passive = len(left) - 1, False
        while i >= 0:
            word = left[i].lower()
            if word in _SKIP_BEFORE_VERB:
                passive |= word in _PASSIVE_AUX
                i -= 1
            elif word in _CALENDAR and i > 0 and left[i - 1].lower() in _WHEN:
                i -= 2                           # "Washington in December declared"
            else:
                break
        lead = i + 1
        if verb.endswith("ing"):                 # "..., saying that": the earlier speaker's
            if not (left and left[-1] == ",") and _word_at(self.body, e, se) not in _OPENERS:
                raise _NotSaid                   # "was telling the truth"
            last = earlier[-1] if earlier else None
            return (last.speaker, last.named, lead, 0) if last else (None, False, lead, 0)
        if i < 0 and truncated:
            raise _NeedMore
        if passive or i < 0:
            return None, False, lead, 0
        word = left[i].lower()
        if word in ("not", "never") or word.endswith(("n't", "n’t")) or (
                word == "to" and i > 0 and left[i - 1].lower() in _REFUSALS) or (
                word == "that" and _word_at(self.body, e, se) == ","):
            raise _NotSaid                       # "did not say", "declined to say", "that said,"
        if left[i] in _CLOSE_QUOTES or left[i] == ",":
            taken, name = _chain_after(_TOKEN.findall(self.body, e, min(se, e + 80))) \
                if verb in _INVERTIBLE else (0, None)
            if taken or left[i] in _CLOSE_QUOTES:
                return name, bool(name), lead, taken
        word = left[i].lower()
        if word in ("who", "which", "that"):    # "Tillerson, who said earlier that"
            i -= 2 if i > 0 and left[i - 1] == "," else 1
        elif word in _DASHES:                    # "Velayati, a top adviser ..., called on"
            i -= 1
            while i >= 0 and left[i] not in _DASHES:
                i -= 1
            i -= 1
        if i < 0:
            if truncated:
                raise _NeedMore
            return None, False, lead, 0
        word = left[i].lower()
        if word in _PRONOUNS:
            name = self.recent_speaker(k, earlier) if word in ("he", "she") else None
            return name, bool(name), i, 0
        first, name, named = _chain_before(left, i)
        if first is None:
            return None, False, lead, 0
        title = first                            # "”, national security lawyer Brad Moss said"
        while title > 0 and first - title < 4 and _is_content_word(left[title - 1]) \
                and left[title - 1][:1].islower():
            title -= 1
        if title < first and title > 0 and left[title - 1] in _CLOSE_QUOTES | {","}:
            first = title
        if first == 0 and truncated:
            raise _NeedMore
        return name, named and self.may_be_a_person(name), first, 0

    def may_be_a_person(self, name: str) -> bool:
        """Whether "he"/"she" may stand for ``name``: not an actor's own name ("Iran") nor a
        plural alias ("Iranians"); officials listed as aliases ("Baqeri") may."""
        return name not in self.actor_names and not (name in self.mention_texts
                                                     and name.endswith("s"))

    def recent_speaker(self, k: int, earlier: list[_Attribution]) -> str | None:
        """"he"/"she": the last named speaker of this sentence or of the three before it in
        the same paragraph; None otherwise."""
        paragraph = self.body.rfind("\n", 0, self.spans[k][0])
        for j in range(k, max(k - 4, -1), -1):
            if j < k and self.spans[j][1] <= paragraph:
                break
            for a in reversed(earlier if j == k else self.attributions(j)):
                if a.named:
                    return a.speaker
        return None

    # -- negation, hedges, target ----------------------------------------------------------
    def target(self, clause_start: int, clause_end: int, start: int, end: int) -> str | None:
        """The actor the term is about (docs/context-rules.md, "target"): a possessive or
        modifying mention right before the term, else the first mention before it in its
        clause in subject position, else the nearest mention in the clause that is not a place
        ("in Syria"); None when there is none or the choice is a tie between different actors."""
        lo = bisect_left(self.mention_starts, clause_start)
        hi = bisect_left(self.mention_starts, clause_end)
        inside = [i for i in range(lo, hi) if self.mentions[i][1] <= clause_end and
                  (self.mentions[i][1] <= start or self.mentions[i][0] >= end)
                  and not self.only_speaks(i, start)]
        if not inside:
            return None
        before = [i for i in inside if self.mentions[i][1] <= start]
        if before and self.modifies(before[-1], start, clause_start):
            return self.unambiguous(before[-1], inside)
        for i in before:
            if self.role(i, clause_start) == "subject":
                return self.unambiguous(i, inside)
        eligible = [i for i in inside if self.role(i, clause_start) not in _LOCATIVE]
        if not eligible:
            return None
        distance = [self.words(self.mentions[i][1], start) if self.mentions[i][1] <= start
                    else self.words(end, self.mentions[i][0]) for i in eligible]
        nearest = min(distance)
        if len({self.mentions[i][2] for i, d in zip(eligible, distance) if d == nearest}) > 1:
            return None
        return self.unambiguous(eligible[distance.index(nearest)], inside)

    def only_speaks(self, i: int, start: int) -> bool:
        """Whether mention ``i`` is the speaker of a speech verb standing between it and the
        term, and the reported clause has a subject of its own: "Tillerson said Iran’s
        presence is destabilizing" (Tillerson only speaks), but not "Iran said it would not
        leave" (it = Iran) nor "Iran is said to be destabilizing" (passive)."""
        end = self.mentions[i][1]
        j = bisect_left(self.speech_list, end)
        if j == len(self.speech) or self.speech[j][1] > start or self.speech[j][0] > end + 40:
            return False
        verb_start, verb_end, kind = self.speech[j]
        between = [w.strip(_STRIP) for w in self.body[end:verb_start].split()]
        if len(between) > 3 or not kind & SPEECH or not all(
                w.lower() in _ACTIVE_SKIP or _is_name_word(w) for w in between):
            return False
        after = [w.lower() for w in self.body[verb_end:verb_end + 30].split()[:2]]
        if after[:1] == ["that"]:
            after = after[1:]
        return not (after and after[0].strip(_STRIP) in _PRONOUNS)

    def modifies(self, i: int, start: int, clause_start: int) -> bool:
        """"Tehran’s “destabilizing” role", "Iran’s armed forces", "Iranian-backed forces"
        (possessive or adjective, at most two content words between), "US control" (a bare
        name right before the term, not after a preposition)."""
        mention = self.mentions[i]
        possessive = _POSSESSIVE.match(self.body, mention[1])
        gap = _words(self.body[possessive.end() if possessive else mention[1]:start])
        if len(gap) > 2 or any(w.lower() in _FUNCTION for w in gap):
            return False
        if possessive or self.body[mention[0]:mention[1]].lower().endswith(_ADJECTIVAL_ENDINGS):
            return True
        return not gap and self.role(i, clause_start) not in _PREPOSITIONS

    def role(self, i: int, clause_start: int) -> str:
        """The part mention ``i`` plays in its clause: "subject" when an auxiliary follows it
        ("the US is trying") or, past determiners and one adjective, the clause start or a
        conjunction stands before it ("that the US ..."); else the preposition before it ("in
        eastern Syria" -> "in"); else "object" (typically a verb before it: "pressure Iran")."""
        if i not in self.roles:
            start, end = self.mentions[i][:2]
            role, adjectives = "subject", 0
            for w in reversed(_words(self.body[max(clause_start, start - 60):start].lower())):
                if w in _DETERMINERS:
                    continue
                if w in _PREPOSITIONS:
                    role = w
                elif w in _CONJUNCTIONS:
                    role = "subject"
                elif adjectives or w in _FUNCTION or not w.isalpha():
                    role = "object"
                else:
                    adjectives = 1
                    continue
                break
            if role not in _PREPOSITIONS:
                following = self.body[end:end + 12].split(None, 1)[:1]
                if following and following[0].lower() in _AUXILIARIES:   # "the US is trying"
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
