"""The lexicon's records: a ``Lexicon`` of frames (one set of terms, or two opposing poles),
naming sets and actors, each term with its weight and case rule. Frozen, so a lexicon can key
caches; reading and writing them is in ``files``, ``reader`` and ``writer``."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from framing.settings import ROLES  # noqa: F401  (re-exported: the lexicon face offers it)

#: The role of every actor mention: an actor is who a text is about.
ACTOR_ROLE = "topic"


@dataclass(frozen=True)
class Term:
    """A term to match: a word, a multiword phrase (matched across any white space, hyphen and
    curly/straight quote variants; `` ... `` inside a phrase stands for one to three words, as in
    ``approved by the ... government``), or a stem with a trailing ``*`` (``destabiliz*``).
    Matching ignores case unless ``case_sensitive`` (for acronyms that are also common words:
    ``US``/us, ``IS``/is). ``line`` is where it stands in its lexicon file (for messages)."""

    text: str
    weight: float = 1.0
    line: int | None = None
    case_sensitive: bool = False

    @property
    def is_stem(self) -> bool:
        return self.text.endswith("*")

    @property
    def has_gap(self) -> bool:
        return " ... " in self.text


@dataclass(frozen=True)
class Pole:
    name: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Frame:
    """A frame: either one set of terms (``poles`` has one pole named like the frame) or an
    axis of exactly two opposing poles (the first pole is "A" in the axis balance).
    ``colour`` is an optional ``#rrggbb`` for charts; ``role`` one of ``ROLES`` (a lexicon
    file must declare it; built in code it defaults to ``framing``)."""

    name: str
    description: str
    poles: tuple[Pole, ...]
    colour: str = ""
    role: str = "framing"

    @property
    def is_axis(self) -> bool:
        return len(self.poles) == 2


@dataclass(frozen=True)
class NamingSet:
    """One referent and its competing labels; each label may have spelling variants. ``role``
    as a frame's: which label an outlet picks is word choice, so usually ``framing``."""

    name: str
    description: str
    labels: tuple[Pole, ...]
    role: str = "framing"


@dataclass(frozen=True)
class Actor:
    """An actor and the aliases that name it (the name itself is matched only if listed)."""

    name: str
    aliases: tuple[Term, ...]
    description: str = ""

    @property
    def role(self) -> str:
        return ACTOR_ROLE


@dataclass(frozen=True)
class Source:
    """A work a lexicon draws on, with the licence its material is available under."""

    title: str
    licence: str
    authors: str = ""
    year: str = ""
    url: str = ""
    note: str = ""

    def citation(self) -> str:
        head = f"{self.authors} ({self.year}). " if self.authors else ""
        tail = f" {self.url}" if self.url else ""
        return f"{head}{self.title}.{tail} Licence: {self.licence}."


@dataclass(frozen=True)
class Lexicon:
    """A whole lexicon. ``sources`` holds one citation string per source (``source_details``
    the same sources as records); ``licence`` is the licence of the lexicon file itself."""

    name: str
    version: str
    description: str
    sources: tuple[str, ...]
    frames: tuple[Frame, ...] = ()
    naming_sets: tuple[NamingSet, ...] = ()
    actors: tuple[Actor, ...] = ()
    path: str = ""
    licence: str = ""
    source_details: tuple[Source, ...] = ()

    def keeping(self, keep: Callable[[Frame | NamingSet], bool], *, actors: bool = True) -> Lexicon:
        """This lexicon with only the frames and naming sets ``keep`` accepts (and its actors
        when ``actors``): what a command that reads only some categories needs to match."""
        return replace(self, frames=tuple(f for f in self.frames if keep(f)),
                       naming_sets=tuple(n for n in self.naming_sets if keep(n)), actors=self.actors if actors else ())

    def frame(self, name: str) -> Frame:
        """The frame called ``name`` (KeyError names the frames there are)."""
        for frame in self.frames:
            if frame.name == name:
                return frame
        raise KeyError(f"lexicon {self.name!r} has no frame {name!r}; frames: {', '.join(f.name for f in self.frames)}")
