"""Quoted regions of a body: double and single quotes found in one left-to-right scan of its
quote marks, apostrophes told apart from single quotes, unclosed quotes cut at their paragraph
(docs/context-rules.md, 1.1); and which region holds a position."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from .cues import HIGH, LOW

#: A straight single quote opens only after one of these (‘ opens anywhere; ’ never opens: as
#: an opener it is a typo, and it is mostly an apostrophe).
_BEFORE_SINGLE_OPENER = " \n\t\xa0([“\""
_OPEN_DOUBLE = "“„«"
_SINGLE = re.compile(r"['’]")


class Region(NamedTuple):
    open: int             # position of the opening mark
    close: int            # position after the closing mark (or the cap, when unclosed)
    closed: bool


DOUBLE, SINGLE = 0, 1
_NO_REGIONS = (None, None)


class Quotes:
    """The double (``regions[DOUBLE]``) and single (``regions[SINGLE]``) quoted regions of a
    body, in order; ``marks`` are the positions of its quote marks."""

    def __init__(self, body: str, spans: Sequence[tuple[int, int]], marks: list[int]):
        self.regions = quote_regions(body, spans, marks)
        self.opens = tuple([r.open for r in regions] for regions in self.regions)
        self.bounds = tuple((np.array([LOW] + opens + [HIGH], dtype=np.int64),
                             np.array([LOW] + [r.close for r in regions] + [LOW], dtype=np.int64))
                            if regions else _NO_REGIONS
                            for opens, regions in zip(self.opens, self.regions))

    def region_at(self, pos: int) -> tuple[int, int] | None:
        """(kind, index) of the region holding ``pos``, None outside quotes."""
        for kind in (DOUBLE, SINGLE):   # a double quote wins over a single quote nested in it
            i = bisect_left(self.opens[kind], pos) - 1
            if i >= 0 and pos < self.regions[kind][i].close:
                return kind, i
        return None

    def region_index(self, kind: int, start: np.ndarray) -> np.ndarray:
        """Index of the region of ``kind`` holding each start, else -1."""
        opens, closes = self.bounds[kind]
        if opens is None or closes is None:  # both or neither
            return np.full(len(start), -1, dtype=np.int64)
        i = opens.searchsorted(start) - 1
        return np.where(start < closes[i], i - 1, -1)


def quote_regions(body: str, spans: Sequence[tuple[int, int]], marks: list[int]
                  ) -> tuple[list[Region], list[Region]]:
    """Double- and single-quoted regions of ``body`` in one left-to-right scan of ``marks``
    (the positions of its quote marks). A region never crosses a line break (a paragraph).
    An unclosed double quote ends at its paragraph's end or two sentences after its opener's,
    whichever is first. A single quote opens only before a letter after a space, bracket or
    dash ("'tripartite'", not "Iran’s") and counts only if it closes in its paragraph (most
    lone single marks are apostrophes: "jihadists’ land")."""
    n = len(body)
    starts: list[int] = []

    def unclosed(opened: int, limit: int) -> Region:
        end = body.find("\n", opened, limit)
        end = limit if end == -1 else end
        if not starts:                          # most bodies have no unclosed quote
            starts.extend(s for s, _ in spans)
        k = bisect_right(starts, opened) - 1
        if k >= 0:
            end = min(end, max(spans[min(k + 2, len(spans) - 1)][1], opened + 1))
        return Region(opened, end, False)

    doubles: list[Region] = []
    singles: list[Region] = []
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
                    singles.append(Region(p, close, True))
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
            doubles.append(Region(d_open, p + 1, True))
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
