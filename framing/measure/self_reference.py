"""Outlet self-reference: the words an outlet writes about itself, not about the news.

Compared with each other, outlets differ first in how they name themselves ("told Fox News",
"CNN's", "HuffPost reported"), sign their pieces (bylines, author bios, "Washington (CNN) --"
datelines, "(AP)" wire tags) and label their transcripts ("AMY GOODMAN:", a NYT podcast's
"michael barbaro" and "archived recording" lines). Projected as "distinctive terms", such a list
teaches that CNN says "CNN". Before the terms of an article are counted, ``strip_self_reference``
removes these from its text (each removed stretch becomes a line break, so no bigram bridges
it), and says what it removed and why:

- ``outlet name``: the article's own outlet named in its text: the outlet column's name and
  its short forms (``outlet_names``: "Fox Online News" gives "fox online news", "fox news",
  "fox"; "New York Times - News" gives "new york times", "nyt", "the times"), and the host of
  the article's address ("foxnews", "foxnews.com"; a guest writer's piece on cnn.com names
  CNN); other outlets named in its text stay (a right-leaning site writing about CNN is
  framing);
- ``dateline``: "WASHINGTON (AP) --", "Washington (CNN)", "NEW YORK, May 3 (Reuters) -" at the
  start of a line; ``wire tag``: any other "(AP)", "(Reuters)"...;
- ``byline``: a short line "By Jane Doe and John Roe, CNN"; ``credit``: a short line saying who
  "contributed to this report", or a syndication footer ("available without charge to any
  eligible news publisher... licensing opportunities"); ``author bio``: among the first two or last three lines, a
  line "<Name> is a ... writer/editor/columnist/... " of 60 words or fewer; ``editor's note``:
  a first line starting "Editor's note:";
- ``photo credit``: "(John Moore / Getty Images)", "Photograph: X/AFP/Getty Images";
- ``transcript label``: a speaker label at the start of a line ("AMY GOODMAN:", upper case,
  one to four words, when the article has two or more), or a short line (four words or fewer,
  no sentence punctuation) that recurs three times or more in the same article ("michael
  barbaro", "archived recording"), or a stage direction line "(SOUNDBITE OF ARCHIVED
  RECORDING)", "(APPLAUSE)", or an inline "archived recording 1", "archived recording (donald
  trump):"; ``host name``: the name of the transcript's first speaker when labelled three times
  or more, where it stands in the running text ("I'm Amy Goodman"); ``section label``: a first
  line such as "ANALYSIS/OPINION:", or a newsletter's section label anywhere
  (``SECTION_LABELS``: "Why it matters:", "The big picture:").

Known limits: a name the outlet uses for itself that neither its outlet column nor its address
spells ("the Gray Lady") stays; a bio in the middle of an article stays; an outlet's column
named after a person (a host's show) is not its name.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

#: Words that describe an outlet's medium rather than name it ("Fox Online News" is Fox News).
DESCRIPTORS = frozenset({"online", "web", "news", "network", "channel", "tv", "radio", "com", "digital"})
#: An outlet whose name ends with one of these calls itself "the <word>" ("told The Times").
SELF_SHORT = frozenset({"times", "post", "journal", "tribune", "telegraph", "herald", "globe", "monitor",
                        "examiner", "beast", "caller", "wire", "guardian", "observer", "independent",
                        "economist", "atlantic", "hill", "blaze", "federalist", "intercept", "spectator"})
_LABEL_SUFFIX = re.compile(r"\s*(\([^)]*\)|\s-\s.*)$")
_WORDS = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*")
_JOBS = ("writer|editor|columnist|correspondent|contributor|reporter|host|anchor|analyst|commentator|"
         "fellow|professor|author|producer|journalist|blogger|director|president|founder|chief|"
         "strategist|attorney|lawyer|member|intern|senior|staff|chair|cohost|co-host")
_BIO = re.compile(rf"^\s*[•·*-]?\s*(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:is|was|has been|serves as)\s+"
                  rf"(?:\S+\s+){{0,12}}?(?:{_JOBS})\b")
_BYLINE = re.compile(r"^\s*(?:By|BY|by)\s+[A-Z][\w.'’-]*(?:[\s,&|]+(?:and\s+)?[A-Z][\w.'’-]*){0,10}\s*[.,]?\s*$")
_CREDIT = re.compile(r"contributed (?:to this report|reporting|to this story)|wrote this report"
                     r"|available without charge|licensing opportunities|republish(?:ed)? (?:this|our)", re.I)
_EDITORS_NOTE = re.compile(r"^\s*editor['’]s note\s*:", re.I)
_DATELINE = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s*,?\s*){1,5}(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
                       r"\((?:[A-Z][\w.&' ]{0,24})\)\s*(?:[-—–]+|:)?\s*")
_WIRE = re.compile(r"\((?:AP|Reuters|AFP|UPI|CNN|Bloomberg|AP Photo|The Associated Press)\)\s*(?:[-—–]+\s*)?")
_SPEAKER = re.compile(r"\s*([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})\s*:\s")
_SECTION = re.compile(r"^\s*[A-Z][A-Z/ &'’-]{2,40}:\s*$")
_STAGE = re.compile(r"^\s*\((?:SOUNDBITE|APPLAUSE|LAUGHTER|CROSSTALK|BEGIN|END|COMMERCIAL|MUSIC|ARCHIVED)[A-Z ,.'’-]*\)\s*$")
_PHOTO = re.compile(r"\([^()\n]{0,80}?(?:Getty Images|Photo\b|Photograph|Shutterstock|AP Images)[^()\n]{0,80}\)"
                    r"|(?:Photograph|Photo|Image|Credit)\s*:\s*[^\n]{0,80}(?:Getty Images|AFP|Reuters|AP|EPA|"
                    r"Shutterstock|Photography)\b"
                    r"|(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s*/\s*(?:[A-Z][\w-]*\s*/\s*)*Getty Images"
                    r"(?:\s+for\s+(?:[A-Z][\w'’-]*\s?){1,5})?")
_RECORDING = re.compile(r"\[?\b(?:archived recording|soundbite of archived recording)\b\]?(?:\s+\d+\b|\s*\([^)\n]{0,60}\))?"
                        r"(?:\s*:)?", re.I)
#: Newsletter section labels (Axios: "Why it matters:", "The big picture:", "Go deeper:"...).
SECTION_LABELS = ("Why it matters", "The big picture", "Driving the news", "Between the lines", "Go deeper",
                  "The bottom line", "What to watch", "What they're saying", "What they’re saying", "By the numbers",
                  "State of play", "Yes, but", "What's next", "What’s next", "Our thought bubble", "Be smart",
                  "Reality check", "The intrigue", "Zoom in", "Zoom out", "Catch up quick", "The backstory",
                  "Flashback", "Worth noting", "What's happening", "What’s happening", "The other side")
_SECTION_LABEL = re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(label) for label in SECTION_LABELS) + r"):\s")
_SHORT_LINE = re.compile(r"\s*[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,3}[ \t]*$")
MAX_BIO_WORDS = 60
MAX_BYLINE_WORDS = 15
#: Lines longer than this (characters) cannot be a byline, bio, label or credit line.
_LONGEST_LINE_RULE = 1200


@dataclass(frozen=True)
class Removal:
    """One stretch removed from a text: offsets into it and why."""

    start: int
    end: int
    reason: str


@dataclass
class SelfReferenceReport:
    """What was removed over many texts: stretches by reason, and a few examples of each."""

    removed: Counter = field(default_factory=Counter)
    articles: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, found: Iterable[tuple[str, str]], *, keep: int = 5) -> None:
        """Count what was removed from one text: ``(reason, example)`` pairs (``examples``)."""
        found = list(found)
        for reason in {reason for reason, _ in found}:
            self.articles[reason] += 1
        for reason, example in found:
            self.removed[reason] += 1
            seen = self.examples.setdefault(reason, [])
            if len(seen) < keep and example not in seen:
                seen.append(example)

    def lines(self) -> list[str]:
        """One line per reason: stretches, articles and examples."""
        return [f"{reason}: {n:,} removed in {self.articles[reason]:,} articles (e.g. "
                + "; ".join(repr(e) for e in self.examples.get(reason, [])[:3]) + ")"
                for reason, n in self.removed.most_common()]


def _words(name: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORDS.findall(name)]


@lru_cache(maxsize=4096)
def outlet_names(outlet: str) -> tuple[str, ...]:
    """The names an outlet (as its outlet column spells it) goes by in its own texts, lowercase:
    the name without a trailing "(Web News)" or " - News", without the medium words
    (``DESCRIPTORS``) and, keeping two words or more, without a leading "the"; "the <word>" for
    a name ending in ``SELF_SHORT``; the initials of a name of three words or more ("nyt")."""
    base = _LABEL_SUFFIX.sub("", str(outlet or "")).strip()
    words = _words(base)
    if not words:
        return ()
    names = {" ".join(words)}
    plain = [w for w in words if w not in DESCRIPTORS - {"news"}]
    core = [w for w in words if w not in DESCRIPTORS]
    for variant in (plain, core):
        if variant:
            names.add(" ".join(variant))
    for name in list(names):
        parts = name.split()
        if parts[0] == "the" and len(parts) > 2:
            names.add(" ".join(parts[1:]))
    if core and core[-1] in SELF_SHORT and len(core) > 1:
        names.add(f"the {core[-1]}")
    initials = [w for w in core if w not in ("the", "of", "and", "&")]
    if len(initials) >= 3:
        names.add("".join(w[0] for w in initials))
    return tuple(sorted(n for n in names if len(n) >= 2 and n not in ("the",)))


def host_name(url: str | None) -> str | None:
    """The host of an address without ``www.``-like prefixes and its last part: "foxnews" for
    ``https://www.foxnews.com/...``; None without a host."""
    if not url or not isinstance(url, str):
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    parts = [p for p in host.lower().split(".") if p]
    while len(parts) > 2 and re.fullmatch(r"www\d*|m|amp|online|edition|mobile|beta", parts[0]):
        parts = parts[1:]
    if len(parts) >= 2 and re.fullmatch(r"www\d*", parts[0]):
        parts = parts[1:]
    return parts[0] if len(parts) >= 2 else None


_BEFORE_NAME = re.compile(r"[\w'’.-]")
_AFTER_NAME = re.compile(r"(?:\.(?:com|org|net|co\.uk|io))?(?:['’]s)?(?![\w'’-]|\.[^\W_])")


def name_spans(lowered: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of ``names`` stands in ``lowered`` (lowercased text) as whole words, with a
    possessive and, for a host name, its domain ("foxnews.com"). Found with ``str.find``
    (a regular expression with look-behind tries every position: several times slower)."""
    spans = []
    for name in names:
        pos = lowered.find(name)
        while pos != -1:
            end = pos + len(name)
            after = _AFTER_NAME.match(lowered, end)
            if after and not (pos and _BEFORE_NAME.match(lowered, pos - 1)):
                spans.append((pos, after.end()))
            pos = lowered.find(name, end)
    return spans


class SelfReference:
    """Finds the self-reference of each article (module doc). ``known`` outlets (every outlet of
    the corpus) let a host such as "washingtontimes" also match "Washington Times"."""

    def __init__(self, known: Iterable[str] = ()):
        self._by_host: dict[str, set[str]] = {}
        for outlet in known:
            for name in outlet_names(outlet):
                self._by_host.setdefault(name.replace(" ", ""), set()).add(name)

    def names(self, outlet: str, url: str | None = None) -> tuple[str, ...]:
        """The names that count as the article's own: its outlet's and its address's host's."""
        names = set(outlet_names(outlet))
        host = host_name(url)
        if host:
            names.add(host)
            names |= self._by_host.get(host, set())
        return tuple(sorted(names))

    def find(self, text: str, outlet: str, url: str | None = None) -> list[Removal]:
        """Every stretch of ``text`` that is self-reference, in text order, not overlapping."""
        found = line_removals(text)
        lowered = text.lower()
        found += [Removal(s, e, "outlet name") for s, e in name_spans(lowered, self.names(outlet, url))]
        found += [Removal(s, e, "host name") for s, e in name_spans(lowered, host_names(text, found))]
        return _merged(found)

    def stripped(self, text: str, outlet: str, url: str | None = None) -> tuple[str, tuple[tuple[str, str], ...]]:
        """``text`` with each self-reference stretch replaced by a line break (lengths change),
        and what was removed as ``(reason, example)`` pairs (``examples``)."""
        removals = self.find(text, outlet, url)
        if not removals:
            return text, ()
        pieces, pos = [], 0
        for r in removals:
            pieces += [text[pos:r.start], "\n"]
            pos = r.end
        pieces.append(text[pos:])
        return "".join(pieces), examples(text, removals)


def examples(text: str, removals: list[Removal]) -> tuple[tuple[str, str], ...]:
    """Each removal's reason and its text, spaces collapsed, cut to 60 characters."""
    return tuple((r.reason, " ".join(text[r.start:r.end].split())[:60]) for r in removals)


def host_names(text: str, found: list[Removal]) -> tuple[str, ...]:
    """The name of a transcript's host: its first speaker label ("AMY GOODMAN:", "michael
    barbaro") when it recurs three times or more, as it may also stand in the running text
    ("I'm Amy Goodman"). Only the first: in a debate transcript the candidates are guests."""
    labels = [" ".join(text[r.start:r.end].rstrip(": \t").lower().split()) for r in sorted(found, key=lambda r: r.start)
              if r.reason == "transcript label" and not text[r.start:r.end].lstrip().startswith("(")]
    if labels and " " in labels[0] and labels.count(labels[0]) >= 3 and "recording" not in labels[0]:
        return (labels[0],)
    return ()


def _merged(found: list[Removal]) -> list[Removal]:
    out: list[Removal] = []
    for r in sorted(found, key=lambda r: (r.start, -r.end)):
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


def line_removals(text: str) -> list[Removal]:
    """The removals that read whole lines: datelines, wire tags, bylines, credits, bios,
    editor's notes, transcript and section labels (module doc)."""
    content, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            content.append((start, end))
        start = end + 1
    if not content:
        return []
    out: list[Removal] = []
    edges = set(content[:2]) | set(content[-3:])
    short = Counter(" ".join(text[s:e].lower().split()) for s, e in content
                    if e - s < 80 and _SHORT_LINE.match(text, s, e))
    speakers = [(s, m) for s, e in content if (m := _SPEAKER.match(text, s, e))]
    for index, (s, e) in enumerate(content):
        line = text[s:e]
        reason = _whole_line_reason(line, index, (s, e) in edges, short) if e - s < _LONGEST_LINE_RULE else None
        if reason:
            out.append(Removal(s, e, reason))
            continue
        if ":" in line:
            out += [Removal(s + m.start(), s + m.end(), "section label") for m in _SECTION_LABEL.finditer(line)]
        if "recording" in line or "RECORDING" in line:
            out += [Removal(s + m.start(), s + m.end(), "transcript label") for m in _RECORDING.finditer(line)]
        if "Getty" in line or "Photo" in line or "Image" in line:
            out += [Removal(s + m.start(), s + m.end(), "photo credit") for m in _PHOTO.finditer(line)]
        if "(" not in line:
            continue
        dateline = _DATELINE.match(line) if index < 3 else None
        if dateline and dateline.end() < len(line):
            out.append(Removal(s, s + dateline.end(), "dateline"))
        out += [Removal(s + m.start(), s + m.end(), "wire tag") for m in _WIRE.finditer(line)
                if not (dateline and m.start() < dateline.end())]
    if len(speakers) >= 2:
        out += [Removal(m.start(1), m.end(), "transcript label") for _, m in speakers]
    return out


def _whole_line_reason(line: str, index: int, at_edge: bool, short: Counter) -> str | None:
    if len(line) < 200 and line.lstrip()[:3].lower() == "by " and _BYLINE.match(line) \
            and len(line.split()) <= MAX_BYLINE_WORDS:
        return "byline"
    if index == 0 and _EDITORS_NOTE.match(line):
        return "editor's note"
    if index == 0 and _SECTION.match(line):
        return "section label"
    if len(line) < 80 and (short.get(" ".join(line.lower().split()), 0) >= 3 or _STAGE.match(line)):
        return "transcript label"
    if any(cue in line for cue in ("contributed", "wrote this", "without charge", "licensing", "republish")) \
            and _CREDIT.search(line) and len(line.split()) <= 60:
        return "credit"
    if at_edge and _BIO.match(line) and len(line.split()) <= MAX_BIO_WORDS:
        return "author bio"
    return None
