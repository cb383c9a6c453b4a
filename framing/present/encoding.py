"""Honest encodings shared by the figures: what a colour, a fade or a label may claim.

- **Evidence.** A figure shows "not enough evidence" (faded, and labelled so in its hover and
  legend) when it rests on fewer than ``min_articles`` articles, when it has no interval (one
  article, or none), or when its interval is wider than ``max_width`` of the scale's range:
  an interval spanning half of -1..+1 says the data cannot tell the sides apart.
- **Colour scales** run from 0 (or the data's minimum) to the largest value that has enough
  evidence, so one hit in a short article does not set the top of the scale; the cell also
  prints its count ("3.1 · 1 hit").
- **Counts** go next to every share or rate (``plural``: "1 hit", "2 hits").
- **One row order** per page: ``group_order`` puts leanings in their political order (left to
  right) and anything else in alphabetical order, case ignored; every figure of a page takes
  the same list.
- **Colours of groups** (``group_colours``): leanings get fixed colours (left blue, centre
  grey, right red: ColorBrewer's RdBu ends); other groups Tol's colour-blind-safe schemes, and
  past their length no colour is reused: the figure labels lines directly instead
  (``many_groups``).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from framing.present.palette import BRIGHT
from framing.settings import MIN_ARTICLES

NOT_ENOUGH_EVIDENCE = "not enough evidence"
#: An interval wider than this share of the scale's range is "not enough evidence".
MAX_INTERVAL_SHARE = 0.5
#: Opacity of a figure with not enough evidence.
FADED_OPACITY = 0.3
#: Significant terms and the rest (greyed).
SIGNIFICANT_COLOURS = {True: ("#b2182b", "#2166ac"), False: ("#c9c9c9", "#c9c9c9")}
#: Leanings in political order, with their colours (AllSides' five points, and common spellings).
LEANINGS = {"left": "#2166ac", "lean left": "#67a9cf", "left-center": "#67a9cf", "center-left": "#67a9cf",
            "center": "#7f7f7f", "centre": "#7f7f7f", "lean right": "#ef8a62", "right-center": "#ef8a62",
            "center-right": "#ef8a62", "right": "#b2182b", "mixed": "#9467bd", "allsides": "#9467bd"}
#: Paul Tol's muted scheme (Tol 2021), after his bright one.
TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
#: Distinct colours for groups that are not leanings: Tol's colour-blind-safe bright scheme (the
#: palette of ``framing.present.palette``, grey left out), then his muted one; more groups than
#: this are labelled directly, not coloured.
PALETTE = tuple(dict.fromkeys([c for name, c in BRIGHT.items() if name != "grey"] + list(TOL_MUTED)))


def plural(n: float, noun: str, nouns: str | None = None) -> str:
    """``1 hit``, ``2 hits``, ``1,204 articles`` (``nouns``: an irregular plural)."""
    if n is None or (isinstance(n, float) and np.isnan(n)):
        return f"? {nouns or noun + 's'}"
    whole = float(n).is_integer()
    number = f"{n:,.0f}" if whole else f"{n:,.1f}"
    return f"{number} {noun if whole and abs(n) == 1 else (nouns or noun + 's')}"


def weak_evidence(low, high, n_articles, *, scale_range: float, min_articles: int = MIN_ARTICLES,
                  max_share: float = MAX_INTERVAL_SHARE) -> np.ndarray:
    """Which figures have "not enough evidence" (module doc): fewer than ``min_articles``
    articles, no interval, or an interval wider than ``max_share`` of ``scale_range``."""
    low, high = np.asarray(low, float), np.asarray(high, float)
    n = np.asarray(n_articles, float)
    no_interval = np.isnan(low) | np.isnan(high)
    with np.errstate(invalid="ignore"):
        wide = (high - low) > max_share * scale_range
    return no_interval | wide | ~(n >= min_articles)


def evidence_note(*, scale: str, min_articles: int = MIN_ARTICLES, max_share: float = MAX_INTERVAL_SHARE,
                  min_hits: int | None = None) -> str:
    """The legend line that defines the fade (``min_hits``: rates also need that many hits)."""
    hits = f", 1 to {min_hits - 1} hits" if min_hits else ""
    return (f"faded: {NOT_ENOUGH_EVIDENCE} (fewer than {min_articles} articles{hits}, no interval, or an interval "
            f"wider than {max_share:.0%} of {scale})")


def colour_range(values, strong=None) -> tuple[float, float]:
    """(low, high) of a colour scale: from min(0, smallest) to the largest value of the figures
    with enough evidence (``strong``; all when None or when none is strong)."""
    values = np.asarray(values, float)
    finite = np.isfinite(values)
    if not finite.any():
        return 0.0, 1.0
    chosen = finite if strong is None else finite & np.asarray(strong, bool)
    top = float(values[chosen].max()) if chosen.any() else float(values[finite].max())
    low = min(0.0, float(values[finite].min()))
    return low, top if top > low else low + 1.0


def group_order(groups: Iterable) -> list[str]:
    """Groups in one order for every figure of a page: leanings left to right first, then the
    rest alphabetically with case ignored (labels joined by " / " are ordered part by part)."""
    def key(group: str):
        return tuple(_part_key(part) for part in str(group).split(" / "))
    return sorted(dict.fromkeys(str(g) for g in groups), key=key)


def _part_key(part: str) -> tuple:
    names = list(LEANINGS)
    low = part.strip().casefold()
    return (0, names.index(low), "") if low in LEANINGS else (1, 0, low)


def many_groups(groups: Sequence) -> bool:
    """More groups than distinct colours: label them directly instead of by colour alone."""
    return len([g for g in groups if str(g).casefold() not in LEANINGS]) > len(PALETTE)


def group_colours(groups: Sequence) -> dict[str, str]:
    """A colour per group: leanings their fixed colour, others the palette in ``groups``'
    order; past the palette's length, grey (the figure labels those directly)."""
    colours, i = {}, 0
    for group in groups:
        name = str(group)
        if name.casefold() in LEANINGS:
            colours[name] = LEANINGS[name.casefold()]
        else:
            colours[name] = PALETTE[i] if i < len(PALETTE) else "#8c8c8c"
            i += 1
    return colours


def rgba(colour: str, alpha: float) -> str:
    """``#rrggbb`` as ``rgba(r,g,b,alpha)`` (plotly fills and faded markers)."""
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"
