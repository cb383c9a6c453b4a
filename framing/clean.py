"""Clean captured web pages: keep every sentence of the report, remove the page furniture.

A page is read line by line (a line of a saved page is one block: a paragraph, a menu, a
button). Each rule is a small pure function ``rule(page) -> {line index: reason}`` that looks
at the lines no earlier rule removed; ``clean_text`` runs them in order and returns the body
and every removed segment (offsets into the raw text, and a reason). Rules match patterns of
page furniture, not phrases of particular pages; docs/cleaning.md lists them with examples.

Reasons: ``navigation``, ``share``, ``advertisement``, ``comment-form``, ``comments``,
``donation``, ``subscription``, ``related``, ``duplicate-headline``, ``duplicate-caption``,
``duplicate-text``, ``duplicate-quote``, ``photo-credit``.
Every pattern is anchored to a whole line or applied only to short lines, so the cost is
linear in the length of the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, NamedTuple, Sequence

from .records import RemovedSegment

#: A line with more words than this is a paragraph of text, never a widget or a prompt.
SHORT_LINE_WORDS = 30
#: Lines of at most this many words without closing punctuation read as headings or links.
HEADING_WORDS = 14


class Line(NamedTuple):
    start: int  # offset of the line's first character in the raw text
    end: int  # offset just past its last character (line break excluded)
    text: str  # the line stripped of surrounding white space
    indent: int  # leading white space characters
    words: int


@dataclass(frozen=True)
class Page:
    """The lines of a raw text, which of them earlier rules removed, and the known headline."""

    lines: tuple[Line, ...]
    reasons: tuple[str | None, ...]
    title: str | None = None

    def kept(self) -> Iterator[tuple[int, Line]]:
        """Non-blank lines that no rule removed yet."""
        return ((i, line) for i, line in enumerate(self.lines) if line.text and self.reasons[i] is None)

    def next_content(self, i: int, step: int = 1) -> int | None:
        """Index of the next non-blank line after (step=1) or before (step=-1) line ``i``."""
        j = i + step
        while 0 <= j < len(self.lines):
            if self.lines[j].text:
                return j
            j += step
        return None


@dataclass(frozen=True)
class Cleaned:
    """The cleaned ``body`` and the ``removed`` segments (offsets into the raw text)."""

    body: str
    removed: tuple[RemovedSegment, ...]


Rule = Callable[[Page], dict]


_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def split_lines(raw: str) -> tuple[Line, ...]:
    """The lines of ``raw`` with their offsets (any line break ends a line: \\n, \\r\\n, \\r...)."""
    lines = []
    offset = 0
    for piece in raw.splitlines(keepends=True):
        content = piece.rstrip(_LINE_BREAKS)
        stripped = content.strip()
        lines.append(Line(offset, offset + len(content), stripped, len(content) - len(content.lstrip()), len(stripped.split())))
        offset += len(piece)
    return tuple(lines)


# --- patterns ---------------------------------------------------------------------------
def _whole(*alternatives: str) -> re.Pattern:
    return re.compile(r"(?:" + "|".join(alternatives) + r")[\s:.!?»›>|*]*", re.IGNORECASE)


_SKIP_LINK = _whole(r"skip to (?:the )?(?:main )?(?:content|navigation|menu|search|footer)", r"jump to (?:navigation|content|main content)")
_NAV_WORD = _whole(r"menu", r"main menu", r"search", r"home", r"close", r"log ?in", r"log ?out", r"sign in", r"sign out",
                   r"my account", r"toggle navigation", r"navigation", r"back to top", r"top", r"next", r"previous",
                   r"next (?:article|post|story)", r"previous (?:article|post|story)", r"print", r"print this (?:page|article)",
                   r"font size", r"a\+? ?a-?", r"listen to (?:this )?article", r"\d+ min(?:ute)? read")
_TAGS = _whole(r"(?:tags?|topics?|filed under|categories|category|keywords)\s*:.*", r"tags?", r"topics")
_SHARE = _whole(r"share", r"share this(?: article| story| post)?", r"share on (?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram)",
                r"tweet", r"e-?mail", r"facebook", r"twitter", r"whatsapp", r"linkedin", r"pinterest", r"reddit", r"telegram",
                r"copy link", r"click to share on \w+", r"like this:?", r"follow us(?: on \w+)?", r"share via")
_AD = _whole(r"advertisement", r"advertising", r"sponsored(?: content)?", r"ad", r"story continues below(?: advertisement)?",
             r"article continues below(?: advertisement)?", r"continue reading below", r"promoted(?: stories)?")
_COMMENT_FORM = _whole(
    r"leave a (?:reply|comment)", r"post a comment", r"add a comment", r"cancel reply", r"post comment",
    r"submit comment", r"your email address will not be published\.?(?: required fields are marked)?",
    r"required fields are marked", r"notify me of (?:follow-up comments|new posts|new comments).*",
    r"save my name,? email,? and website.*", r"you must be (?:logged in|registered) to post a comment.*",
    r"comments? are closed", r"comment", r"name", r"e-?mail(?: address)?", r"website", r"message")
_COMMENT_HEADING = _whole(r"\d+\s+(?:comments?|responses?|replies|thoughts? on\b.*)", r"comments?(?: \(\d+\))?", r"reader comments",
                          r"join the (?:discussion|conversation)", r"show comments", r"view comments", r"sort by(?: best| newest| oldest)?",
                          r"responses")
_COMMENT_HEADER = re.compile(r"(?:[\w .'\-]{1,40}\s+(?:says|said|wrote)\s*:|reply|log in to reply|reply\s*↓|↓\s*reply)\s*", re.IGNORECASE)
_COMMENT_STAMP = re.compile(r"(?:\w+ \d{1,2},? \d{4}|\d{1,2} \w+,? \d{4}|\d{4}-\d{2}-\d{2}) (?:at|@) \d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_BULLET_NAME = re.compile(r"[•·▪◦●*\-–]\s*\S.{0,38}")

_AMOUNT = r"(?:[$€£¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£¥₹]|usd|eur|gbp|dollars?|euros?))"
_LONE_AMOUNT = re.compile(r"(?:(?:raised|goal|target|of|total)[:\s]*)?" + _AMOUNT + r"(?:\s*(?:raised|goal|/\s*" + _AMOUNT + r"))?", re.IGNORECASE)
_PRICE = re.compile(r"\b(?:only|just|from|for)?\s*" + _AMOUNT + r"\s*(?:/|per|a|an|each|every)\s*(?:year|yr|month|mo|week|day|issue)\b", re.IGNORECASE)
_DONATION = re.compile(
    r"\b(?:donate(?: now| today| here)?|make a (?:donation|contribution)|your (?:donation|contribution|support)"
    r"|(?:one-time|monthly|recurring) (?:donation|gift)|tax[- ]deductible|consider (?:helping|supporting|donating to) us"
    r"|help us (?:keep|continue|grow|fund|stay|remain)|support (?:us|our (?:work|journalism|reporting|mission|site))"
    r"|support (?:independent|quality) (?:journalism|media|news)|become a (?:patron|supporter|sustaining member)"
    r"|patreon|paypal|buy me a coffee|ko-fi|chip in"
    r"|(?:do you )?(?:like|enjoy|enjoyed|value|appreciate) (?:this|our) (?:content|article|work|reporting|journalism)\b)",
    re.IGNORECASE)
_SUBSCRIPTION = re.compile(
    r"^(?:subscribe|subscribe now|subscribe today|sign up|sign up now|sign up today|register now|get started|"
    r"start (?:your )?free trial|join now|join today)[.!]?$"
    r"|\bsubscribe (?:to (?:our|the|my) (?:newsletter|channel|podcast|mailing list|feed)|now|today|for (?:free|only|just|\$))"
    r"|\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|a) (?:free )?(?:\w+ )?(?:newsletter|briefing|digest|alerts)"
    r"|\bnewsletters?\b.*\b(?:inbox|delivered|sign up|subscribe)\b|\b(?:inbox|sign up|subscribe)\b.*\bnewsletters?\b"
    r"|\balready (?:a )?(?:subscriber|member|have an account)|\bbecome a (?:subscriber|member|premium member)"
    r"|\bsubscribers? (?:only|get|can|enjoy)|\bunlimited (?:digital )?access|\bfree trial\b|\bpremium (?:content|members?|subscription)"
    r"|\bto continue reading\b|\blog in to (?:read|continue)|^join our (?:community|mailing list|newsletter)"
    r"|\bcancel (?:at )?any ?time\b|\bsubscription (?:plans?|options?)\b|\b(?:in|to|into) your inbox\b", re.IGNORECASE)
_RELATED_HEADING = _whole(
    r"check (?:also|this out)", r"see also", r"also read", r"read (?:more|also|next)",
    r"related(?: (?:articles?|posts?|stories|news|content|coverage|reading|topics|links))?",
    r"more (?:from|on|in) [\w\s'’-]{1,40}", r"more (?:stories|news|articles|headlines)", r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"recommended(?: for you| stories| articles)?", r"trending(?: now| stories)?", r"most (?:read|popular|viewed|shared)",
    r"popular (?:posts|stories|articles)", r"don'?t miss", r"editor'?s picks?", r"latest (?:news|stories|posts|articles)",
    r"further reading", r"top stories", r"what to read next", r"keep reading", r"in case you missed it")
_RELATED_INLINE = re.compile(r"(?:read more|also read|see also|related|read also|recommended|watch|listen)\s*:\s*\S", re.IGNORECASE)
_TEASER_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more\s*[»›>]*|continue reading\s*[»›>→]*)$", re.IGNORECASE)
_BREADCRUMB_SEP = re.compile(r"\s+(?:/|>|»|›|\||::|→)\s+")
_BREADCRUMB_ROOT = re.compile(r"(?:home|homepage|start|main|news|front page)", re.IGNORECASE)
_CREDIT = re.compile(r"\(?\s*(?:(?:photo|image|picture|video|graphic|illustration)s?\s*(?:credit|courtesy|by|source)?|credit)\s*:\s*[^()]{1,80}\)?", re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"\s*\(?\s*(?:(?:photo|image|picture)s?\s*(?:credit|courtesy|by|source)?|credit)\s*:\s*[^()]{1,80}\)?\s*$", re.IGNORECASE)
_QUOTE = re.compile(r"[“\"]([^”\"]{25,}?)[”\"]")
_CLOSING = tuple(".!?:;”\"’)…")


def _is_heading_like(line: Line) -> bool:
    """A short line with no closing punctuation: a heading, a link or a tagline."""
    return 0 < line.words <= HEADING_WORDS and not line.text.endswith(_CLOSING)


def _whole_line_rule(pattern: re.Pattern, reason: str, max_words: int = 12) -> Rule:
    def rule(page: Page) -> dict:
        return {i: reason for i, line in page.kept() if line.words <= max_words and pattern.fullmatch(line.text)}
    rule.__name__ = f"remove_{reason.replace('-', '_')}_lines"
    rule.__doc__ = f"Whole lines that are {reason} furniture."
    return rule


remove_skip_links = _whole_line_rule(_SKIP_LINK, "navigation")
remove_navigation_words = _whole_line_rule(_NAV_WORD, "navigation", 4)
remove_tag_lists = _whole_line_rule(_TAGS, "navigation", 20)
remove_share_buttons = _whole_line_rule(_SHARE, "share", 6)
remove_advertisements = _whole_line_rule(_AD, "advertisement", 5)
remove_comment_form = _whole_line_rule(_COMMENT_FORM, "comment-form", 20)


def remove_breadcrumbs(page: Page) -> dict:
    """"Home / Iran / Headline" trails and "News | World | Sport" menus."""
    found = {}
    for i, line in page.kept():
        if line.words > 40 or line.text.endswith((".", "!", "?")):
            continue
        parts = _BREADCRUMB_SEP.split(line.text)
        if len(parts) < 2:
            continue
        rooted = _BREADCRUMB_ROOT.fullmatch(parts[0]) is not None
        menu = len(parts) >= 3 and all(0 < len(part.split()) <= 3 for part in parts)
        if rooted or menu:
            found[i] = "navigation"
    return found


def remove_comment_section(page: Page) -> dict:
    """Reader comments: from the first comment marker (a "Name" bullet followed by indented
    text, "Name says:", "Reply", a time stamp, a "12 Comments" heading) to the end of the page,
    when at least two markers follow, or one marker right after a heading or a removed prompt."""
    markers = [i for i, _ in page.kept() if _is_comment_marker(page, i)]
    headings = [i for i, line in page.kept() if line.words <= 8 and _COMMENT_HEADING.fullmatch(line.text)]
    start = None
    if headings:
        start = headings[0]
    if markers and (start is None or markers[0] < start):
        before = page.next_content(markers[0], -1)
        after_boundary = before is not None and page.reasons[before] is not None
        if len(markers) >= 2 or after_boundary:
            start = markers[0]
    if start is None:
        return {}
    return {i: "comments" for i in range(start, len(page.lines)) if page.reasons[i] is None}


def _is_comment_marker(page: Page, i: int) -> bool:
    line = page.lines[i]
    if line.words <= 8 and (_COMMENT_HEADER.fullmatch(line.text) or _COMMENT_STAMP.fullmatch(line.text)):
        return True
    if line.words > 4 or not _BULLET_NAME.fullmatch(line.text) or line.text.endswith((".", "!", "?", ":")):
        return False
    following = page.next_content(i)
    if following is None:
        return False
    nxt = page.lines[following]
    return nxt.indent > line.indent and not _BULLET_NAME.fullmatch(nxt.text)


def remove_donation_prompts(page: Page) -> dict:
    """Donation prompts ("Consider helping us!", "Donate now") and lone amounts ("2,500 $")."""
    found = {}
    for i, line in page.kept():
        if line.words <= SHORT_LINE_WORDS and _DONATION.search(line.text):
            found[i] = "donation"
        elif line.words <= 6 and _LONE_AMOUNT.fullmatch(line.text):
            found[i] = "donation"
    return found


def remove_subscription_prompts(page: Page) -> dict:
    """Subscription boxes: a prompt or price line ("Subscribe", "Only $100 per year.") and the
    heading-like lines around it (the box's tagline), up to two on each side."""
    anchors = [i for i, line in page.kept()
               if line.words <= SHORT_LINE_WORDS and (_SUBSCRIPTION.search(line.text) or (line.words <= 12 and _PRICE.search(line.text)))]
    found = dict.fromkeys(anchors, "subscription")
    for i in anchors:
        for step in (-1, 1):
            j = i
            for _ in range(2):
                j = page.next_content(j, step)
                if j is None or page.reasons[j] is not None or j in found or not _is_heading_like(page.lines[j]):
                    break
                found[j] = "subscription"
    return found


def remove_related_links(page: Page) -> dict:
    """"Check Also" / "Related" / "Read more" blocks with the linked headlines and teasers
    that follow them, and single "Read more: <headline>" lines."""
    found = {}
    for i, line in page.kept():
        if i in found:
            continue
        if line.words <= 8 and _RELATED_HEADING.fullmatch(line.text):
            found[i] = "related"
            j = i
            for _ in range(12):
                j = page.next_content(j)
                if j is None or page.reasons[j] is not None or not _is_link_or_teaser(page.lines[j]):
                    break
                found[j] = "related"
        elif line.words <= 25 and _RELATED_INLINE.match(line.text):
            found[i] = "related"
    return found


def _is_link_or_teaser(line: Line) -> bool:
    return _is_heading_like(line) or (line.words <= 50 and _TEASER_END.search(line.text) is not None)


def remove_repeated_lines(page: Page) -> dict:
    """A headline, caption or paragraph repeated verbatim (ignoring case, spacing and a photo
    credit): the first copy stays, later copies go (with a credit line right after them)."""
    first_seen: dict[str, int] = {}
    title_key = _line_key(page.title) if page.title else None
    found = {}
    for i, line in page.kept():
        key = _line_key(line.text)
        if line.words < 3 and key != title_key:
            continue
        if key not in first_seen:
            first_seen[key] = i
            continue
        reason = _repeat_reason(page, first_seen[key], i, key, title_key)
        found[i] = reason
        following = page.next_content(i)
        if following is not None and page.reasons[following] is None and _CREDIT.fullmatch(page.lines[following].text):
            found[following] = reason
    return found


def _line_key(text: str) -> str:
    text = _CREDIT_TAIL.sub("", text)
    return " ".join(text.casefold().split()).strip(" .,;:!?\"'“”‘’")


def _repeat_reason(page: Page, first: int, later: int, key: str, title_key: str | None) -> str:
    if key == title_key or first == next((i for i, _ in page.kept()), None):
        return "duplicate-headline"
    credited = any(_CREDIT_TAIL.search(page.lines[k].text) for k in (first, later))
    credit_follows = any(
        (n := page.next_content(k)) is not None and _CREDIT.fullmatch(page.lines[n].text) for k in (first, later))
    return "duplicate-caption" if credited or credit_follows else "duplicate-text"


def remove_repeated_quotes(page: Page) -> dict:
    """A pull quote: a one-sentence line whose quotation (six words or more) the report
    repeats verbatim inside a longer paragraph; the paragraph keeps it."""
    where: dict[str, list[int]] = {}
    for i, line in page.kept():
        for quote in _QUOTE.findall(line.text):
            if len(quote.split()) >= 6:
                where.setdefault(_line_key(quote), []).append(i)
    found = {}
    for indices in where.values():
        for i in set(indices):
            others = [j for j in indices if j != i]
            if others and _is_pull_quote(page.lines[i]) and any(page.lines[j].words > page.lines[i].words * 1.5 for j in others):
                found[i] = "duplicate-quote"
    return found


def _is_pull_quote(line: Line) -> bool:
    tail = _QUOTE.sub("", line.text)
    return len(tail.split()) <= 15 and line.text.count(". ") <= 1


def remove_photo_credits(page: Page) -> dict:
    """Lone "(photo credit: ...)" lines."""
    return {i: "photo-credit" for i, line in page.kept() if line.words <= 12 and _CREDIT.fullmatch(line.text)}


#: The rules in the order they run (later rules see what earlier ones removed).
RULES: tuple[Rule, ...] = (
    remove_skip_links, remove_breadcrumbs, remove_navigation_words, remove_tag_lists, remove_share_buttons,
    remove_advertisements, remove_comment_form, remove_donation_prompts, remove_subscription_prompts,
    remove_comment_section, remove_related_links, remove_repeated_lines, remove_photo_credits,
    remove_repeated_quotes,
)


def clean_text(raw: str, *, title: str | None = None, rules: Sequence[Rule] = RULES) -> Cleaned:
    """The body of ``raw`` without page furniture, and each removed segment with its reason.
    ``title`` (the known headline) lets a repeated headline be recognised as such."""
    lines = split_lines(raw)
    reasons: list[str | None] = [None] * len(lines)
    for rule in rules:
        page = Page(lines, tuple(reasons), title)
        for i, reason in rule(page).items():
            if reasons[i] is None:
                reasons[i] = reason
    return Cleaned(_body(lines, reasons), _segments(raw, lines, reasons))


def _body(lines: Sequence[Line], reasons: Sequence[str | None]) -> str:
    """Kept lines, stripped, with runs of blank lines (and removed lines) as one blank line."""
    out: list[str] = []
    gap = False
    for line, reason in zip(lines, reasons):
        if reason is not None or not line.text:
            gap = gap or bool(out)
            continue
        if gap and out:
            out.append("")
        out.append(line.text)
        gap = False
    return "\n".join(out)


def _segments(raw: str, lines: Sequence[Line], reasons: Sequence[str | None]) -> tuple[RemovedSegment, ...]:
    """Consecutive removed lines with one reason (blank lines between them included) as one
    segment, trimmed to its first and last visible character."""
    segments: list[RemovedSegment] = []
    current: tuple[int, int, str] | None = None
    for line, reason in zip(lines, reasons):
        if not line.text:
            continue
        if current and reason == current[2]:
            current = (current[0], line.end, reason)
            continue
        if current:
            segments.append(_segment(raw, *current))
        current = (line.start, line.end, reason) if reason else None
    if current:
        segments.append(_segment(raw, *current))
    return tuple(segments)


def _segment(raw: str, start: int, end: int, reason: str) -> RemovedSegment:
    text = raw[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    return RemovedSegment(start, end, raw[start:end], reason)
