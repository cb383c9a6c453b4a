"""Lexicons: frames (one set of terms, or two opposing poles), naming sets and actors.

A lexicon is a YAML file (format: ``lexicons/README.md``). Reading it validates everything and
reports every problem with its file and line, so a user writing their own lexicon learns what
to fix in one pass. Line numbers come from ``yaml.compose`` nodes, which also keep duplicate
mapping keys that ``yaml.safe_load`` would silently merge.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd
import yaml

from framing.errors import LexiconError

#: The lexicons shipped with framing (``conflict``, ``epistemic``, ``policy_frames``).
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "lexicons"

#: Columns of ``lexicon_terms``.
TERM_COLUMNS = ("lexicon", "kind", "frame", "pole", "term", "weight", "case_sensitive", "line")


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
    ``colour`` is an optional ``#rrggbb`` for charts."""

    name: str
    description: str
    poles: tuple[Pole, ...]
    colour: str = ""

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
    """An actor and the aliases that name it (the name itself is matched only if listed)."""

    name: str
    aliases: tuple[Term, ...]
    description: str = ""


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

    def frame(self, name: str) -> Frame:
        """The frame called ``name`` (KeyError names the frames there are)."""
        for frame in self.frames:
            if frame.name == name:
                return frame
        raise KeyError(f"lexicon {self.name!r} has no frame {name!r}; frames: {', '.join(f.name for f in self.frames)}")


# --------------------------------------------------------------------------- reading


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and validate the lexicon file at ``path``; LexiconError lists every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file. Bundled lexicons: {', '.join(bundled_lexicon_names())} (in {BUNDLED_DIR})") from None
    except IsADirectoryError:
        raise LexiconError(f"{path}: is a folder; give the path of one lexicon .yaml file") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    return replace(parse_lexicon(text, source=str(path)), path=str(path))


def parse_lexicon(text: str, *, source: str = "<text>") -> Lexicon:
    """Validate the YAML ``text`` of a lexicon and build it; ``source`` names it in messages."""
    from framing.lexicon.reader import read_lexicon

    lexicon, problems = read_lexicon(text, source=source)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise LexiconError(f"{source}: {count} in lexicon:\n" + "\n".join(problems), problems)
    assert lexicon is not None
    return lexicon


def lexicon_problems(text: str, *, source: str = "<text>") -> list[str]:
    """Every problem in the lexicon ``text`` as ``source:line: what to fix`` (empty if valid);
    cheap enough to run on every keystroke of an editor."""
    from framing.lexicon.reader import read_lexicon

    return read_lexicon(text, source=source)[1]


def bundled_lexicon_names() -> tuple[str, ...]:
    """Names of the bundled lexicons (their file stems in ``BUNDLED_DIR``)."""
    return tuple(sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml")))


def bundled_lexicons(names: Iterable[str] | str | None = None) -> tuple[Lexicon, ...]:
    """The bundled lexicons (all, or those named, in the order given)."""
    available = bundled_lexicon_names()
    wanted = available if names is None else ((names,) if isinstance(names, str) else tuple(names))
    unknown = [n for n in wanted if n not in available]
    if unknown:
        raise LexiconError(f"no bundled lexicon named {', '.join(map(repr, unknown))}; bundled: {', '.join(available)}")
    return tuple(_load_bundled(str(BUNDLED_DIR / f"{n}.yaml"), (BUNDLED_DIR / f"{n}.yaml").stat().st_mtime_ns) for n in wanted)


@lru_cache(maxsize=16)
def _load_bundled(path: str, mtime_ns: int) -> Lexicon:
    return load_lexicon(path)


def resolve_lexicon(spec: str | Path) -> Lexicon:
    """A lexicon from a file path, or from a bundled lexicon's name (``conflict``)."""
    path = Path(spec)
    if not path.exists() and str(spec) in bundled_lexicon_names():
        return bundled_lexicons(str(spec))[0]
    return load_lexicon(path)


# --------------------------------------------------------------------------- writing


class _FlowList(list):
    """A list of terms, written on one line: ``[a, b, c]``."""


class _FlowDict(dict):
    """A term with options, written on one line: ``{term: IS, case_sensitive: true}``."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_FlowDict, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True))


def _term_to_yaml(term: Term):
    if term.weight == 1.0 and not term.case_sensitive:
        return term.text
    entry = _FlowDict(term=term.text)
    if term.weight != 1.0:
        entry["weight"] = term.weight
    if term.case_sensitive:
        entry["case_sensitive"] = True
    return entry


def _terms_to_yaml(terms: Iterable[Term]) -> list:
    return _FlowList(_term_to_yaml(t) for t in terms)


def _source_to_yaml(source: Source) -> dict:
    fields = ("title", "authors", "year", "url", "licence", "note")
    return {k: getattr(source, k) for k in fields if getattr(source, k) or k in ("title", "licence")}


def _frame_to_yaml(frame: Frame) -> dict:
    entry: dict = {"description": frame.description}
    if frame.colour:
        entry["colour"] = frame.colour
    if frame.is_axis:
        entry["poles"] = {p.name: _terms_to_yaml(p.terms) for p in frame.poles}
    else:
        entry["terms"] = _terms_to_yaml(t for p in frame.poles for t in p.terms)
    return entry


def lexicon_to_yaml(lexicon: Lexicon) -> str:
    """The lexicon as YAML text in the bundled format; ``parse_lexicon`` reads it back to an
    equal lexicon (term line numbers aside)."""
    doc: dict = {"name": lexicon.name, "version": lexicon.version, "description": lexicon.description}
    if lexicon.licence:
        doc["licence"] = lexicon.licence
    sources = lexicon.source_details or tuple(Source(title=s, licence="unknown") for s in lexicon.sources)
    if sources:
        doc["sources"] = [_source_to_yaml(s) for s in sources]
    if lexicon.frames:
        doc["frames"] = {f.name: _frame_to_yaml(f) for f in lexicon.frames}
    if lexicon.naming_sets:
        doc["naming_sets"] = {
            n.name: {**({"description": n.description} if n.description else {}),
                     "labels": {label.name: _terms_to_yaml(label.terms) for label in n.labels}}
            for n in lexicon.naming_sets}
    if lexicon.actors:
        doc["actors"] = {
            a.name: {**({"description": a.description} if a.description else {}), "aliases": _terms_to_yaml(a.aliases)}
            for a in lexicon.actors}
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)


def _content(lexicon: Lexicon) -> dict:
    """Everything that defines the lexicon, without where it was read from."""
    data = asdict(replace(lexicon, path=""))
    data.pop("path")

    def drop_lines(value):
        if isinstance(value, dict):
            return {k: drop_lines(v) for k, v in value.items() if k != "line"}
        if isinstance(value, (list, tuple)):
            return [drop_lines(v) for v in value]
        return value

    return drop_lines(data)


def lexicon_fingerprint(lexicon: Lexicon) -> str:
    """SHA-256 (hex) of the lexicon's content: names, descriptions, sources and every term with
    its weight and case flag. Independent of the file's path, layout and comments, so it keys
    caches and identifies the lexicon in reproducibility manifests."""
    canonical = json.dumps(_content(lexicon), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def lexicon_terms(lexicons: Lexicon | Iterable[Lexicon]) -> pd.DataFrame:
    """One row per term of the given lexicons (columns ``TERM_COLUMNS``): ``kind`` is
    ``frame``, ``naming`` or ``actor``; ``frame`` the frame, naming-set or actor name; ``pole``
    the pole, label, or (for an actor) the actor name; ``line`` the term's line in its file."""
    if isinstance(lexicons, Lexicon):
        lexicons = (lexicons,)
    rows = []
    for lex in lexicons:
        groups = [("frame", f.name, p) for f in lex.frames for p in f.poles]
        groups += [("naming", n.name, label) for n in lex.naming_sets for label in n.labels]
        groups += [("actor", a.name, Pole(a.name, a.aliases)) for a in lex.actors]
        for kind, frame, pole in groups:
            rows.extend((lex.name, kind, frame, pole.name, t.text, t.weight, t.case_sensitive, t.line) for t in pole.terms)
    table = pd.DataFrame(rows, columns=list(TERM_COLUMNS))
    return table.astype({"weight": "float64", "case_sensitive": "bool", "line": "Int64"})
