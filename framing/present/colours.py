"""Colours of frames, naming sets and actors: one rule for every view.

``lexicon_colours`` gives each name of the lexicons shown its colour (the lexicon's own
``colour`` unless an earlier name's looks like it, else the first palette colour unlike any
taken), so the highlighted articles, the word diffs of aligned sentences and their legends
agree; ``striped_poles`` names the second pole of every axis (its spans carry ``pole-b``, so a
print style sheet can mark it without colour).
``readable_background`` lightens a colour until dark text on it stays readable (WCAG).
The poles of frames and the naming labels, whose words a hit is in (``VOICE_COLOURS``) and the
word diffs take the colour-blind-safe colours of ``framing.present.palette`` (Tol's schemes, the
two poles of an axis in two hues) in the dashboard and the report alike; ``lexicon_colours``
colours what has no pole (actors, and frames where a view colours by frame).
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence

from framing.lexicon import Lexicon
from framing.present.palette import VOICE

#: Light background colours, readable under dark text (ColorBrewer Set3 and Pastel1, then light
#: tab20 colours for when a lexicon's own colours take the first ones).
PALETTE = (
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f", "#fbb4ae", "#b3cde3", "#decbe4", "#fed9a6",
    "#dbdb8d", "#c49c94", "#9edae5", "#f7b6d2", "#f1e2cc",
)
#: Colours of whose words a hit is in (``colour_by="voice"`` of ``highlight_html``).
VOICE_COLOURS = VOICE
#: Two colours closer than this (RGB distance, 0-441, after lightening for dark text) look alike.
MIN_COLOUR_DISTANCE = 35


def lexicon_names(lexicons: Iterable[Lexicon]) -> Iterator[str]:
    """The names a hit's ``frame`` column holds, in lexicon order: each lexicon's frames, then
    its naming sets, then its actors."""
    for lexicon in lexicons:
        yield from (f.name for f in lexicon.frames)
        yield from (n.name for n in lexicon.naming_sets)
        yield from (a.name for a in lexicon.actors)


def lexicon_colours(lexicons: Sequence[Lexicon], *, shown: Collection[str] | None = None) -> dict[str, str]:
    """The colour of every frame, naming set and actor of ``lexicons`` (only those in ``shown``
    when given: a view spends the palette on what it shows), by ``frame_colours`` with each
    frame's own colour preferred."""
    names = [name for name in lexicon_names(lexicons) if shown is None or name in shown]
    preferred = {f.name: f.colour for lex in lexicons for f in lex.frames if f.colour}
    return frame_colours(names, preferred=preferred)


def striped_poles(lexicons: Iterable[Lexicon]) -> set[tuple[str, str]]:
    """``(frame, pole)`` of the second pole of every two-pole frame: drawn striped, so the two
    poles of an axis, which share their frame's colour, differ at a glance."""
    return {(f.name, f.poles[1].name) for lex in lexicons for f in lex.frames if len(f.poles) == 2}


def frame_colours(names: Iterable[str], *, preferred: Mapping[str, str] | None = None) -> dict[str, str]:
    """A colour for each name, in the order given (repeats ignored): its ``preferred`` colour
    (a lexicon's ``colour``) unless an earlier name's preferred colour looks like it, else the
    first palette colour that looks like none taken. Frames of several lexicons shown together
    thus never share a colour (while the palette lasts; then it cycles)."""
    preferred = preferred or {}
    names = list(dict.fromkeys(names))
    kept: dict[str, str] = {}
    for name in names:  # lexicon colours first, so a fallback never takes one of them
        wanted = preferred.get(name)
        if wanted and not _looks_like(wanted, kept.values()):
            kept[name] = wanted
    colours: dict[str, str] = {}
    for name in names:
        if name in kept:
            colours[name] = kept[name]
            continue
        taken = list(kept.values()) + list(colours.values())
        free = [c for c in PALETTE if not _looks_like(c, taken)]
        colours[name] = free[0] if free else PALETTE[len(colours) % len(PALETTE)]
    return colours


def readable_background(colour: str, *, min_luminance: float = 0.55) -> str:
    """``colour`` (``#rrggbb``) mixed with white until dark text on it stays readable (WCAG
    relative luminance at least ``min_luminance``); other colour forms pass unchanged."""
    rgb = _rgb(colour)
    if rgb is None:
        return colour
    channels = [c / 255 for c in rgb]
    mix = 0.0
    while luminance([c + (1 - c) * mix for c in channels]) < min_luminance and mix < 1:
        mix += 0.05
    return "#" + "".join(f"{round((c + (1 - c) * mix) * 255):02x}" for c in channels)


def luminance(rgb: Sequence[float]) -> float:
    """WCAG relative luminance of an sRGB colour with channels in [0, 1]."""
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _rgb(colour: str) -> tuple[int, int, int] | None:
    if not (isinstance(colour, str) and len(colour) == 7 and colour.startswith("#")):
        return None
    try:
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    except ValueError:
        return None


def _looks_like(colour: str, used: Iterable[str]) -> bool:
    """True when ``colour``, lightened as it will be drawn, is near one of ``used``."""
    rgb = _rgb(readable_background(colour))
    if rgb is None:
        return colour in used
    for other in used:
        other_rgb = _rgb(readable_background(other))
        if other_rgb is not None and sum((a - b) ** 2 for a, b in zip(rgb, other_rgb)) ** 0.5 < MIN_COLOUR_DISTANCE:
            return True
    return False
