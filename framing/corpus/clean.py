"""Clean captured web pages: keep every sentence of the report, remove the page furniture.

A page is read line by line (``framing.corpus.page``: a line of a saved page is one block, a
paragraph, a menu, a button). Each rule is a small pure function ``rule(page) -> {line index: reason}`` that looks
at the lines no earlier rule removed; ``clean_text`` runs them in order and returns the body
and every removed segment (offsets into the raw text, and a reason). Rules match patterns of
page furniture, not phrases of particular pages (the patterns and single-line tests live in
``framing.corpus.furniture``); docs/cleaning.md lists them with examples. Reasons: ``navigation``,
``share``, ``advertisement``, ``comment-form``, ``comments``, ``donation``, ``subscription``,
``related``, ``duplicate-headline``, ``duplicate-caption``, ``duplicate-text``, ``duplicate-quote``,
``photo-credit``, ``copyright``, ``promotion``, ``markup``, ``video``, ``gallery``, ``credit``,
``boilerplate`` (an outlet's paragraphs repeated across a corpus: ``repeated_paragraphs``).
Patterns are anchored to a whole line, or searched only in short lines or after a cheap
substring test, so the cost is linear in the length of the page.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from framing.corpus.furniture import (  # the patterns, and tests of single lines
    AD,
    BREADCRUMB_ROOT,
    BREADCRUMB_SEP,
    BULLET_NAME,
    CAPTION_WIDGET,
    COMMENT_AUTHOR,
    COMMENT_FORM,
    COMMENT_HEADING,
    COMMENT_REPLY,
    COMMENT_STAMP,
    COPYRIGHT,
    CREDIT_HINTS,
    CREDIT_TAIL,
    DONATION,
    DONATION_HINTS,
    GALLERY_CONTROL,
    GALLERY_SLIDE,
    GALLERY_STARTS,
    GALLERY_TITLE,
    LONE_AMOUNT,
    MARKUP,
    MONEY_HINTS,
    NAV_WORD,
    PROMO,
    QUOTE,
    RELATED_HEADING,
    RELATED_INLINE,
    RELATED_LINE,
    RELATED_STARTS,
    SHARE,
    SIGNUP_HINTS,
    SKIP_LINK,
    TAGS,
    VIDEO,
    VIDEO_STARTS,
    has_hint,
    is_credit_line,
    is_link_or_teaser,
    is_one_sentence,
    is_photo_credit,
    is_signup_form,
    is_subscription_prompt,
    line_key,
    repeated_paragraphs,  # noqa: F401  (part of this module's API, with clean_text)
    repeats,
)
from framing.corpus.page import Line, Page, split_lines
from framing.corpus.records import RemovedSegment

#: A line with more words than this is a paragraph of text, never a widget or a prompt.
SHORT_LINE_WORDS = 30
#: Donation prompts are short: a longer line that mentions donating is a report sentence.
PROMPT_WORDS = 20
#: Credit lines sign a report off: they are looked for among the last lines left (on the AllSides
#: corpus 99% of them were among the last 4, all but one among the last 9).
CREDIT_LINES = 8


@dataclass(frozen=True)
class Cleaned:
    """The cleaned ``body`` and the ``removed`` segments (offsets into the raw text)."""

    body: str
    removed: tuple[RemovedSegment, ...]


Rule = Callable[[Page], dict]


def _whole_line_rule(pattern: re.Pattern, reason: str, max_words: int = 12, starts: tuple[str, ...] = ("",)) -> Rule:
    """A rule removing lines of at most ``max_words`` that ``pattern`` matches whole; ``starts``
    (lowercase) is a cheap test of how such a line begins."""
    def rule(page: Page) -> dict:
        return {i: reason for i, line in page.kept()
                if line.words <= max_words and line.low.startswith(starts) and pattern.fullmatch(line.text)}
    rule.__name__ = f"remove_{reason.replace('-', '_')}_lines"
    rule.__doc__ = f"Whole lines that are {reason} furniture."
    return rule


remove_skip_links = _whole_line_rule(SKIP_LINK, "navigation")
remove_navigation_words = _whole_line_rule(NAV_WORD, "navigation", 6)
remove_tag_lists = _whole_line_rule(TAGS, "navigation", 20)
remove_share_buttons = _whole_line_rule(SHARE, "share", 12)
remove_advertisements = _whole_line_rule(AD, "advertisement", 8)
remove_comment_form = _whole_line_rule(COMMENT_FORM, "comment-form", 20)
remove_promotions = _whole_line_rule(PROMO, "promotion", 20)
remove_markup = _whole_line_rule(MARKUP, "markup", 10)
remove_video_players = _whole_line_rule(VIDEO, "video", 60, VIDEO_STARTS)
remove_gallery_controls = _whole_line_rule(GALLERY_CONTROL, "gallery", 15, GALLERY_STARTS)
remove_caption_widgets = _whole_line_rule(CAPTION_WIDGET, "photo-credit", 40, ("enlarge", "toggle", "image"))


def remove_gallery_slides(page: Page) -> dict:
    """Slides of a photo gallery, whatever their length (a whole gallery can sit on one line):
    "Photos: <gallery> <caption> Hide Caption 3 of 17", "Hide caption <caption> Previous Next <credit>",
    and a "Photos: <gallery>" line right before a slide."""
    found = {i: "gallery" for i, line in page.kept() if "aption" in line.text and GALLERY_SLIDE.search(line.text)}
    for i in list(found):
        before = page.next_content(i, -1)
        if before is not None and before not in found and GALLERY_TITLE.match(page.lines[before].text):
            found[before] = "gallery"
    return found


def remove_breadcrumbs(page: Page) -> dict:
    """"Home / Iran / Headline" trails and "News | World | Sport" menus."""
    found = {}
    for i, line in page.kept():
        if line.words > 40 or line.text.endswith((".", "!", "?")):
            continue
        parts = BREADCRUMB_SEP.split(line.text)
        if len(parts) < 2:
            continue
        rooted = BREADCRUMB_ROOT.fullmatch(parts[0]) is not None
        menu = len(parts) >= 3 and all(0 < len(part.split()) <= 3 for part in parts)
        if rooted or menu:
            found[i] = "navigation"
    return found


def remove_comment_section(page: Page) -> dict:
    """Reader comments: from the first comment marker (a "Name" bullet followed by indented
    text, "Name says:" followed by a time stamp, "Reply", a time stamp) to the end of the page,
    when at least two markers follow, or one marker right after a heading ("12 Comments") or a
    removed prompt. A comment heading with no marker after it goes alone."""
    markers = [i for i, _ in page.kept() if _is_comment_marker(page, i)]
    headings = [i for i, line in page.kept() if line.words <= 8 and COMMENT_HEADING.fullmatch(line.text)]
    if not markers:
        return dict.fromkeys(headings, "comments")
    before = page.next_content(markers[0], -1)
    boundary = before is not None and (page.reasons[before] is not None or before in headings)
    if len(markers) < 2 and not boundary:
        return dict.fromkeys(headings, "comments")
    start = min([markers[0], *(h for h in headings if h < markers[0])])
    found = {i: "comments" for i in range(start, len(page.lines)) if page.lines[i].text}
    return {**dict.fromkeys(headings, "comments"), **found}


def _is_comment_marker(page: Page, i: int) -> bool:
    line = page.lines[i]
    if line.words <= 8 and (COMMENT_REPLY.fullmatch(line.text) or COMMENT_STAMP.fullmatch(line.text)):
        return True
    following = page.next_content(i)
    if following is None:
        return False
    nxt = page.lines[following]
    if line.words <= 6 and COMMENT_AUTHOR.fullmatch(line.text):
        return COMMENT_STAMP.fullmatch(nxt.text) is not None  # "Jane says:" then "March 3, 2019 at 5:12 pm"
    if line.words > 4 or not BULLET_NAME.fullmatch(line.text) or line.text.endswith((".", "!", "?", ":")):
        return False
    return nxt.indent > line.indent and not BULLET_NAME.fullmatch(nxt.text)


def remove_donation_prompts(page: Page) -> dict:
    """Donation prompts ("Consider helping us!", "Donate now") and lone amounts ("2,500 $")."""
    found = {}
    for i, line in page.kept():
        prompt = line.words <= PROMPT_WORDS and has_hint(line.low, DONATION_HINTS) and DONATION.search(line.text)
        amount = line.words <= 6 and has_hint(line.low, MONEY_HINTS) and LONE_AMOUNT.fullmatch(line.text)
        if prompt or amount:
            found[i] = "donation"
    return found


def remove_subscription_prompts(page: Page) -> dict:
    """Subscription boxes: a prompt or price line ("Subscribe", "Only $100 per year."), or a longer
    newsletter sign-up box (its form's fine print, or a sentence opening with a sign-up prompt);
    around a short prompt, the heading-like lines (the box's tagline), up to two on each side."""
    anchors = [i for i, line in page.kept()
               if line.words <= SHORT_LINE_WORDS and is_subscription_prompt(line.text, line.low, line.words)]
    found = dict.fromkeys(anchors, "subscription")
    found.update((i, "subscription") for i, line in page.kept()  # sign-up boxes and prompts: not swept with neighbours
                 if i not in found and has_hint(line.low[:300], SIGNUP_HINTS) and is_signup_form(line.text, line.words))
    for i in anchors:
        for step in (-1, 1):
            j = i
            for _ in range(2):
                near = page.next_content(j, step)
                if near is None or page.reasons[near] is not None or near in found or not page.lines[near].heading_like():
                    break
                found[near] = "subscription"
                j = near
    return found


def remove_related_links(page: Page) -> dict:
    """"Check Also" / "Related" / "Read more from X:" headings with the linked headlines and
    teasers that follow them, and single link lines ("Read more: <headline>", "Related Coverage
    <headline>", "Click for more from The Wall Street Journal.")."""
    found = {}
    for i, line in page.kept():
        if i in found:
            continue
        heading = line.words <= 8 and RELATED_HEADING.fullmatch(line.text) is not None
        link = not heading and line.words <= 25 and (RELATED_INLINE.match(line.text) is not None or (
            line.low.startswith(RELATED_STARTS) and RELATED_LINE.fullmatch(line.text) is not None))
        if heading or link:
            found[i] = "related"
        j = i
        for _ in range(12 if heading or (link and line.text.endswith(":")) else 0):
            near = page.next_content(j)
            if near is None or page.reasons[near] is not None or not is_link_or_teaser(page.lines[near].text,
                                                                                       page.lines[near].words):
                break
            found[near] = "related"
            j = near
    return found


def remove_repeated_lines(page: Page) -> dict:
    """A headline, caption or paragraph repeated verbatim (ignoring case, spacing and a photo
    credit): the first copy stays, later copies go (with a credit line right after them)."""
    first_seen: dict[str, int] = {}
    title_key = line_key(page.title) if page.title else None
    found = {}
    for i, line in page.kept():
        key = line_key(line.text)
        if line.words < 3 and key != title_key:
            continue
        if key not in first_seen:
            first_seen[key] = i
            continue
        reason = _repeat_reason(page, first_seen[key], i, key, title_key)
        found[i] = reason
        following = page.next_content(i)
        if following is not None and page.reasons[following] is None and _is_credit(page.lines[following]):
            found[following] = reason
    return found


def _repeat_reason(page: Page, first: int, later: int, key: str, title_key: str | None) -> str:
    if key == title_key or (title_key is None and page.lines[first].heading_like()
                            and first == next((i for i, _ in page.kept()), None)):
        return "duplicate-headline"
    credited = any(CREDIT_TAIL.search(page.lines[k].text[-100:]) for k in (first, later))
    credit_follows = any((n := page.next_content(k)) is not None and _is_credit(page.lines[n]) for k in (first, later))
    return "duplicate-caption" if credited or credit_follows else "duplicate-text"


def _is_credit(line: Line) -> bool:
    return line.words <= 14 and is_photo_credit(line.text, line.low, line.words)


def remove_repeated_quotes(page: Page) -> dict:
    """A pull quote: a one-sentence line quoting six words or more that a longer paragraph of
    the page repeats with its attribution (nearly all the line's words are in that paragraph);
    the paragraph keeps it."""
    where: dict[str, list[int]] = {}
    for i, line in page.kept():
        if '"' in line.text or "“" in line.text:
            for quote in QUOTE.findall(line.text):
                if len(quote.split()) >= 6:
                    where.setdefault(line_key(quote), []).append(i)
    found = {}
    for indices in where.values():
        for i in dict.fromkeys(indices):
            line = page.lines[i]
            if i in found or not is_one_sentence(line.text, line.words):
                continue
            others = [page.lines[j] for j in indices if j != i and j not in found]
            if any(repeats(line.text, line.words, other.text, other.words) for other in others):
                found[i] = "duplicate-quote"
    return found


def remove_copyright_notices(page: Page) -> dict:
    """"© 2019 Example Media. All rights reserved." lines."""
    return {i: "copyright" for i, line in page.kept() if line.words <= 25 and COPYRIGHT.fullmatch(line.text)}


def remove_credit_lines(page: Page) -> dict:
    """Lines that only credit the people and agencies behind the report ("The Associated Press
    contributed to this report.", "(Reporting by Jane Doe; Editing by John Roe)", "Doe reported
    from Denver.") among the last ``CREDIT_LINES`` lines left, where reports sign off. A credit
    inside a report paragraph stays (the line is not only credits)."""
    return {i: "credit" for i, line in page.kept()[-CREDIT_LINES:]
            if line.words <= 100 and has_hint(line.low, CREDIT_HINTS) and is_credit_line(line.text)}


def remove_photo_credits(page: Page) -> dict:
    """Lone credit lines: "(photo credit: ...)", "Getty Images", "(Jane Doe/Reuters)", "Photo: Jane
    Doe/The Washington Post via Getty Images"."""
    return {i: "photo-credit" for i, line in page.kept()
            if line.words <= 14 and is_photo_credit(line.text, line.low, line.words)}


def remove_boilerplate(page: Page) -> dict:
    """Paragraphs the outlet prints verbatim in many articles (``Page.boilerplate``)."""
    return {i: "boilerplate" for i, line in page.kept() if page.boilerplate and line.text in page.boilerplate}


#: The rules in the order they run (later rules see what earlier ones removed).
RULES: tuple[Rule, ...] = (
    remove_skip_links, remove_breadcrumbs, remove_navigation_words, remove_tag_lists, remove_share_buttons,
    remove_advertisements, remove_promotions, remove_markup, remove_video_players, remove_gallery_slides,
    remove_gallery_controls, remove_caption_widgets, remove_comment_form, remove_donation_prompts,
    remove_subscription_prompts, remove_comment_section, remove_related_links, remove_credit_lines,
    remove_repeated_lines, remove_photo_credits, remove_repeated_quotes, remove_copyright_notices, remove_boilerplate,
)


def clean_text(raw: str, *, title: str | None = None, rules: Sequence[Rule] = RULES,
               boilerplate: frozenset[str] = frozenset(), caption_credits: bool = False) -> Cleaned:
    """The body of ``raw`` without page furniture, and each removed segment with its reason.
    ``title`` (the known headline) lets a repeated headline be recognised as such;
    ``boilerplate`` holds the outlet's repeated paragraphs (see ``repeated_paragraphs``);
    ``caption_credits`` also cuts the photo credit ending a caption ("... (Jane Doe/Reuters)")."""
    lines = split_lines(raw, caption_credits=caption_credits)
    reasons: list[str | None] = [None] * len(lines)
    page = Page(lines, tuple(reasons), title, boilerplate)
    for rule in rules:
        found = rule(page)
        for i, reason in found.items():
            if reasons[i] is None or reason == "comments":  # a comment section takes in the furniture inside it
                reasons[i] = reason
        if found:
            page = Page(lines, tuple(reasons), title, boilerplate)
    body = _body(lines, reasons)
    return Cleaned(raw if body == raw else body, _segments(raw, lines, reasons))  # share the text when unchanged


def _body(lines: Sequence[Line], reasons: Sequence[str | None]) -> str:
    """Kept lines, stripped, with runs of blank lines (and removed lines) as one blank line."""
    out: list[str] = []
    gap = False
    for line, reason in zip(lines, reasons):
        if reason is not None or not line.text:
            gap = gap or bool(out)
            continue
        if line.joined and out and not gap:  # a split line whose label stayed: one line again
            out[-1] += " " + line.text
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
