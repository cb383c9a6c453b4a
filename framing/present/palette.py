"""Colours a colour-blind pupil and a projector can tell apart.

Every colour here is from Paul Tol's colour-blind-safe schemes (Tol 2021, "Colour Schemes",
SRON/EPS/TN/09-002, https://personal.sron.nl/~pault/): the *light* scheme for backgrounds
under dark text, the *bright* scheme for lines and underlines, and the blue/orange contrast
pair of his diverging schemes for "only in A" / "only in B". The two poles of every axis get two
different hues of one of ``POLE_PAIRS`` (never one colour hatched), each pair chosen so that
it stays apart under protanopia, deuteranopia and tritanopia as simulated by
``simulate_cvd`` (Machado, Oliveira & Fernandes 2009, severity 1): ``tests/test_palette.py``
checks it. The pairs also differ in lightness, so a black-and-white print keeps them apart.

These are library functions only: ``framing.present.highlight`` and the report take the
mappings they return.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from framing.lexicon import Lexicon

#: Tol's light scheme: backgrounds for dark text.
LIGHT = {"light blue": "#77AADD", "light cyan": "#99DDFF", "mint": "#44BB99", "pear": "#BBCC33",
         "olive": "#AAAA00", "light yellow": "#EEDD88", "orange": "#EE8866", "pink": "#FFAABB",
         "pale grey": "#DDDDDD"}
#: Tol's bright scheme: lines, underlines and markers.
BRIGHT = {"blue": "#4477AA", "cyan": "#66CCEE", "green": "#228833", "yellow": "#CCBB44", "red": "#EE6677",
          "purple": "#AA3377", "grey": "#BBBBBB"}
#: Background pairs for the two poles of an axis (pole A first): hues that readers with any of
#: the three colour vision deficiencies still tell apart (CIE76 difference 35 or more as
#: simulated), one pale and one darker (L* 17-25 apart), so a grey print keeps them apart too.
#: Axes take them in order, then cycle.
POLE_PAIRS = (
    ("#CCEEFF", "#EE8866"),  # pale cyan / orange
    ("#EEEEBB", "#77AADD"),  # pale yellow / light blue
    ("#99DDFF", "#AAAA00"),  # light cyan / olive
    ("#EEDD88", "#44BB99"),  # light yellow / mint
)
#: One-set frames.
SINGLE = ("#FFAABB", "#BBCC33", "#FFCCCC", "#CCDDAA", "#BBCCEE")
#: Every naming label: the name itself is what to read (drawn in a dashed box).
NAMING = "#DDDDDD"
#: Whose words a hit is in: the outlet's own (yellow), quoted (light blue), scare quotes (pink).
VOICE = {"author": "#EEDD88", "quoted": "#77AADD", "distanced": "#FFAABB"}
#: Words only in sentence A (blue, struck through) and only in sentence B (orange, underlined).
DIFF = {"a": {"background": "#BBDDFF", "text": "#004488", "line": "line-through"},
        "b": {"background": "#FFDDBB", "text": "#883300", "line": "underline"}}

# Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
# Vision Deficiency", IEEE TVCG 15(6), table of matrices at severity 1.0, on linear RGB.
_CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
CVD_KINDS = tuple(_CVD)


def _linear(colour: str) -> tuple[float, float, float]:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)  # type: ignore[return-value]


def _hex(linear: Iterable[float]) -> str:
    out = []
    for c in linear:
        c = min(max(c, 0.0), 1.0)
        s = 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
        out.append(f"{round(s * 255):02x}")
    return "#" + "".join(out)


def simulate_cvd(colour: str, kind: str) -> str:
    """``colour`` (``#rrggbb``) as a reader with ``kind`` (one of ``CVD_KINDS``) sees it."""
    matrix = _CVD[kind]
    rgb = _linear(colour)
    return _hex(sum(m * c for m, c in zip(row, rgb)) for row in matrix)


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    r, g, b = _linear(colour)
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = [(t / n) ** (1 / 3) if t / n > 0.008856 else 7.787 * t / n + 16 / 116
         for t, n in zip(xyz, (0.95047, 1.0, 1.08883))]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def colour_difference(a: str, b: str) -> float:
    """CIE76 colour difference (Euclidean distance in L*a*b*): about 2.3 is just noticeable,
    over 20 clearly different at a glance."""
    return sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b))) ** 0.5


def lightness(colour: str) -> float:
    """CIE L* (0 black to 100 white): what a black-and-white print keeps of a colour."""
    return _lab(colour)[0]


def worst_case_difference(a: str, b: str) -> float:
    """The smallest ``colour_difference`` of ``a`` and ``b`` for normal vision and under each
    simulated colour vision deficiency."""
    return min([colour_difference(a, b)] + [colour_difference(simulate_cvd(a, k), simulate_cvd(b, k))
                                            for k in CVD_KINDS])


def frame_pole_colours(lexicons: Iterable[Lexicon], *, present: Iterable[tuple[str, str]] | None = None
                       ) -> dict[tuple[str, str], str]:
    """A background colour for every ``(frame, pole)`` of the lexicons' frames and every
    ``(naming set, label)``: the two poles of each axis get the two colours of one of
    ``POLE_PAIRS``; one-set frames take ``SINGLE``; every naming label is ``NAMING`` grey.
    ``present`` keeps the frames that have at least one of these pairs (the ones on screen), so
    the few axes shown get the most distinct pairs."""
    wanted = None if present is None else {frame for frame, _ in present}
    colours: dict[tuple[str, str], str] = {}
    axes = singles = 0
    for lexicon in lexicons:
        for frame in lexicon.frames:
            if wanted is not None and frame.name not in wanted:
                continue
            if len(frame.poles) == 2:
                pair = POLE_PAIRS[axes % len(POLE_PAIRS)]
                colours[(frame.name, frame.poles[0].name)] = pair[0]
                colours[(frame.name, frame.poles[1].name)] = pair[1]
                axes += 1
            else:
                for pole in frame.poles:
                    colours[(frame.name, pole.name)] = SINGLE[singles % len(SINGLE)]
                singles += 1
        for naming in lexicon.naming_sets:
            if wanted is not None and naming.name not in wanted:
                continue
            for label in naming.labels:
                colours[(naming.name, label.name)] = NAMING
    return colours


def pole_legend(lexicons: Iterable[Lexicon], colours: Mapping[tuple[str, str], str],
                present: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Legend entries for the ``(frame, pole)`` pairs in ``present`` coloured by ``colours``
    (``frame_pole_colours``): ``frame: pole`` for each pole of an axis, the frame's name for a
    one-set frame, one entry for all naming labels (grey, dashed box)."""
    lexicons = list(lexicons)
    axes = {f.name for lex in lexicons for f in lex.frames if len(f.poles) == 2}
    naming = {n.name for lex in lexicons for n in lex.naming_sets}
    present = set(present)
    entries: dict[str, str] = {}
    for (frame, pole), colour in colours.items():
        if (frame, pole) in present and frame not in naming:
            entries[f"{frame}: {pole}" if frame in axes else frame.replace("_", " ")] = colour
    if any(frame in naming for frame, _ in present):
        entries["a name chosen for a group (grey, dashed box)"] = NAMING
    return entries
