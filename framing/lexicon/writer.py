"""Writing lexicons out: back to YAML (``lexicon_to_yaml``), as a content fingerprint that keys
caches and manifests (``lexicon_fingerprint``), and as a table of every term (``lexicon_terms``)."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

import yaml

from framing.lexicon.model import Frame, Lexicon, Pole, Source, Term

if TYPE_CHECKING:  # pandas only for the terms table: loading a lexicon needs none
    import pandas as pd

#: Columns of ``lexicon_terms``.
TERM_COLUMNS = ("lexicon", "kind", "role", "frame", "pole", "term", "weight", "case_sensitive", "line")


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
    entry: dict = {"description": frame.description, "role": frame.role}
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
            n.name: {**({"description": n.description} if n.description else {}), "role": n.role,
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
    ``frame``, ``naming`` or ``actor``; ``role`` the category's role (``framing``, ``topic``,
    ``attribution``; actors ``topic``); ``frame`` the frame, naming-set or actor name; ``pole``
    the pole, label, or (for an actor) the actor name; ``line`` the term's line in its file."""
    if isinstance(lexicons, Lexicon):
        lexicons = (lexicons,)
    rows: list[tuple] = []
    for lex in lexicons:
        groups = [("frame", f.role, f.name, p) for f in lex.frames for p in f.poles]
        groups += [("naming", n.role, n.name, label) for n in lex.naming_sets for label in n.labels]
        groups += [("actor", a.role, a.name, Pole(a.name, a.aliases)) for a in lex.actors]
        for kind, role, frame, pole in groups:
            rows.extend((lex.name, kind, role, frame, pole.name, t.text, t.weight, t.case_sensitive, t.line)
                        for t in pole.terms)
    import pandas as pd

    table = pd.DataFrame(rows, columns=list(TERM_COLUMNS))
    return table.astype({"weight": "float64", "case_sensitive": "bool", "line": "Int64"})
