"""Which hits ``framing hits --kind/--frame/--role`` keeps, checked before any work and decided
one hit at a time (``framing.measure.analysis.select_hits`` and ``hit_mask`` do it for a
table). Light: no pandas, so the hits can be chosen in the workers that find them."""
from __future__ import annotations

from collections.abc import Iterable

from framing.errors import SettingsError
from framing.lexicon import Lexicon
from framing.text.match import KINDS


def check_hit_choice(hits, *, kind: str | None = None, frame: str | None = None,
                     lexicons: Iterable[Lexicon] | None = None) -> None:
    """``select_hits``'s checks alone: ``SettingsError`` for an unknown kind, or a ``frame`` that
    none of ``lexicons`` (or, without them, none of ``hits``) has."""
    if kind is not None and kind not in KINDS:
        raise SettingsError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if frame is not None:
        names = _names(lexicons, kind) if lexicons is not None else set(
            hits["frame"] if kind is None else hits.loc[hits["kind"] == kind, "frame"])
        if frame not in names:
            what = {"frame": "frame", "naming": "naming set", "actor": "actor"}.get(kind or "", "frame, naming set or actor")
            raise SettingsError(f"no {what} called {frame!r}; there are: {', '.join(sorted(names)) or '(none)'}")


def hit_chosen(kind_value: str, frame_value: str, role_value: str, *, kind: str | None = None,
               frame: str | None = None, roles: Iterable[str] | None = None) -> bool:
    """``hit_mask`` for one hit, given its kind, frame and role."""
    return ((kind is None or kind_value == kind) and (frame is None or frame_value == frame)
            and (roles is None or role_value in roles))


def _names(lexicons: Iterable[Lexicon], kind: str | None) -> set[str]:
    names: set[str] = set()
    for lex in lexicons:
        if kind in (None, "frame"):
            names.update(f.name for f in lex.frames)
        if kind in (None, "naming"):
            names.update(n.name for n in lex.naming_sets)
        if kind in (None, "actor"):
            names.update(a.name for a in lex.actors)
    return names
