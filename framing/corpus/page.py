"""A raw text as a page of lines: each line with its offsets in the raw text, its words and
lowercased text (for cheap tests), and which lines the cleaning rules removed so far.

A line of a saved page is one block: a paragraph, a menu, a button. ``split_lines`` cuts a
caption's widget label (and, when asked, its photo credit) into a line of its own, so a rule
can remove it without the caption; ``framing.corpus.clean`` runs its rules over a ``Page``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from framing.corpus.furniture import caption_pieces, is_heading_like


class Line(NamedTuple):
    start: int  # offset of the line's first character in the raw text
    end: int  # offset just past its last character (line break excluded)
    text: str  # the line stripped of surrounding white space
    indent: int  # leading white space characters
    words: int
    joined: bool = False  # the rest of the previous line, after a widget label split off it
    low: str = ""  # the text lowercased, for cheap substring tests

    def heading_like(self) -> bool:
        return is_heading_like(self.text, self.words)


@dataclass(frozen=True)
class Page:
    """The lines of a raw text, which of them earlier rules removed, the known headline and the
    outlet's boilerplate paragraphs."""

    lines: tuple[Line, ...]
    reasons: tuple[str | None, ...]
    title: str | None = None
    boilerplate: frozenset[str] = frozenset()  # paragraphs the outlet repeats across articles

    def kept(self) -> list[tuple[int, Line]]:
        """Non-blank lines that no rule removed yet."""
        return self._kept

    @cached_property
    def _kept(self) -> list[tuple[int, Line]]:
        return [(i, line) for i, line in enumerate(self.lines) if line.text and self.reasons[i] is None]

    def next_content(self, i: int, step: int = 1) -> int | None:
        """Index of the next non-blank line after (step=1) or before (step=-1) line ``i``."""
        j = i + step
        while 0 <= j < len(self.lines):
            if self.lines[j].text:
                return j
            j += step
        return None


_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


_CAPTION_HEADS = ("I", "i", "F", "f")  # first letters of the caption labels split off ("Image ...", "Facebook ...")


def split_lines(raw: str, *, caption_credits: bool = False) -> tuple[Line, ...]:
    """The lines of ``raw`` with their offsets (any line break ends a line: \\n, \\r\\n, \\r...).
    A caption's widget label, and with ``caption_credits`` the photo credit ending a caption,
    becomes a line of its own (``joined``)."""
    lines = []
    offset = 0
    for piece in raw.splitlines(keepends=True):
        content = piece.rstrip(_LINE_BREAKS)
        stripped = content.strip()
        indent = len(content) - len(content.lstrip())
        if caption_credits or stripped[:1] in _CAPTION_HEADS:
            for n, (start, end) in enumerate(caption_pieces(stripped, credits=caption_credits)):
                lines.append(_line(offset + indent + start, stripped[start:end], indent if n == 0 else 0, joined=n > 0))
        else:
            lines.append(_line(offset + indent, stripped, indent))
        offset += len(piece)
    return tuple(lines)


def _line(start: int, text: str, indent: int, joined: bool = False) -> Line:
    words = len(text.split()) if len(text) < 400 else text.count(" ") + 1  # long: a paragraph anyway
    return Line(start - indent, start + len(text), text, indent, words, joined, text.lower())
