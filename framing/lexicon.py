"""Lexicons: frames (one set of terms, or two opposing poles), naming sets and actors.

PLACEHOLDER: the dataclasses below are the interface the matcher uses; reading and validating
YAML files is to be completed by the lexicon work.
"""
from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class Pole:
    name: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Frame:
    """A frame: either one set of terms (``poles`` has one pole named like the frame) or an
    axis of exactly two opposing poles (the first pole is "A" in the axis balance)."""

    name: str
    description: str
    poles: tuple[Pole, ...]

    @property
    def is_axis(self) -> bool:
        return len(self.poles) == 2


@dataclass(frozen=True)
class NamingSet:
    """One referent and its competing labels; each label may have spelling variants."""

    name: str
    description: str
    labels: tuple[Pole, ...]


@dataclass(frozen=True)
class Actor:
    name: str
    aliases: tuple[Term, ...]


@dataclass(frozen=True)
class Lexicon:
    name: str
    version: str
    description: str
    sources: tuple[str, ...]
    frames: tuple[Frame, ...] = ()
    naming_sets: tuple[NamingSet, ...] = ()
    actors: tuple[Actor, ...] = ()
    path: str = ""
