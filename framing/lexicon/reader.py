"""Reading a lexicon's YAML: validation with file and line for every problem.

The YAML is composed into nodes (``yaml.compose``) and read by hand, so every value keeps its
line and duplicate keys stay visible. Each problem says what is wrong and how to fix it; reading
goes on after a problem, so one pass reports them all. Public entry points are in
``framing.lexicon.files``.
"""
from __future__ import annotations

import difflib
import math
import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from framing.lexicon.model import ROLES, Actor, Frame, Lexicon, NamingSet, Pole, Source, Term

TOP_KEYS = ("name", "version", "description", "licence", "sources", "frames", "naming_sets", "actors")
SOURCE_KEYS = ("title", "authors", "year", "url", "licence", "note")
FRAME_KEYS = ("description", "role", "colour", "terms", "poles")
NAMING_KEYS = ("description", "role", "labels")
ACTOR_KEYS = ("description", "aliases")
TERM_KEYS = ("term", "weight", "case_sensitive")
MIN_STEM = 3  # letters before a trailing `*`: shorter stems match far too many words
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
_DASHES = re.compile(r"[\s\-\u2010-\u2015]+")
_TAG = "tag:yaml.org,2002:"
_ROLE_HINT = ("add `role: framing` (evaluative, loaded or (de)legitimising word choice), `role: topic` (what the "
              "text is about: subjects, institutions, events) or `role: attribution` (neutral reporting verbs "
              "such as 'said', hedges); see lexicons/README.md, Roles")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 7x faster, same marks


def read_lexicon(text: str, *, source: str) -> tuple[Lexicon | None, list[str]]:
    """The lexicon in ``text`` (None if there were problems) and every problem found."""
    reader = _Reader(source)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}" if mark else source
        return None, [f"{where}: not valid YAML: {exc.problem or exc.context}. "
                      "Check indentation, colons and quotes on or just above this line."]
    except yaml.YAMLError as exc:
        return None, [f"{source}: not valid YAML: {exc}"]
    if root is None:
        return None, [f"{source}:1: the file is empty; a lexicon needs `name:`, `version:` "
                      "and at least one of `frames:`, `naming_sets:`, `actors:`"]
    lexicon = reader.lexicon(root)
    problems = [message for _, message in sorted(reader.problems, key=lambda p: p[0])]
    return (None if problems else lexicon), problems


def term_problems(text: str) -> list[str]:
    """What is wrong with the syntax of one term (an empty list when it is well-formed)."""
    if not text.replace("*", "").strip():
        return ["is a bare wildcard; a stem needs letters before its '*', e.g. 'destabiliz*'"]
    if not re.search(r"\w", text):
        return ["has no letters or digits; a term is a word, a phrase or a stem like 'destabiliz*'"]
    problems = []
    words = text.split(" ")
    if "\u2026" in text:
        problems.append("uses the '\u2026' character; write a gap as three dots with a space each side: 'approved by the ... government'")
    if "*" in text:
        if "**" in text:
            problems.append("has '**'; a stem takes one '*' at its end, e.g. 'destabiliz*'")
        elif text.count("*") > 1 or not text.endswith("*"):
            problems.append("has '*' before its end; '*' may only end the last word, e.g. 'destabiliz*'")
        elif len(words[-1]) - 1 < MIN_STEM:
            problems.append(f"is too short a stem: give at least {MIN_STEM} letters before '*' (or list the words in full)")
    for i, word in enumerate(words):
        if "..." in word and word != "...":
            problems.append(f"has '{word}'; write a gap as ' ... ' with a space each side, e.g. 'approved by the ... government'")
        elif word == "..." and i in (0, len(words) - 1):
            problems.append("has ' ... ' at its " + ("start" if i == 0 else "end")
                            + "; a gap must stand between two words ('approved by the ... government')")
        elif word == "..." and words[i - 1] == "...":
            problems.append("has two gaps in a row; one ' ... ' already stands for one to three words")
    return problems


def term_key(text: str) -> str:
    """What two terms must share to match the same words: case, hyphen/space and quote
    variants are ignored, as the matcher ignores them."""
    return _DASHES.sub(" ", text.lower().replace("\u2019", "'").replace("\u2018", "'")).strip()


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    kind = node.tag.removeprefix(_TAG)
    return {"null": "an empty value", "bool": f"true/false ({node.value})", "int": f"a number ({node.value})",
            "float": f"a number ({node.value})"}.get(kind, f"text ({node.value!r})")


def _is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == _TAG + "null")


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Walks the composed YAML; ``problems`` collects ``(line, message)``."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[tuple[int, str]] = []

    def problem(self, node: Node, message: str) -> None:
        self.problems.append((_line(node), f"{self.source}:{_line(node)}: {message}"))

    # ---- generic shapes

    def mapping(self, node: Node, what: str, allowed: tuple[str, ...] | None = None) -> dict[str, tuple[Node, Node]]:
        """Keys of a mapping node -> (key node, value node); reports duplicates and unknown keys."""
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping (`key: value` lines), not {_describe(node)}")
            return {}
        items: dict[str, tuple[Node, Node]] = {}
        seen: dict[str, tuple[str, int]] = {}
        for key, value in node.value:
            name = " ".join(key.value.split()) if isinstance(key, ScalarNode) and not _is_null(key) else ""
            if not name:
                self.problem(key, f"{what}: a key must be plain text, not {_describe(key)}")
                continue
            if name.casefold() in seen:
                first, line = seen[name.casefold()]
                same = "" if first == name else f" (same as '{first}': names ignore case)"
                self.problem(key, f"{what}: '{name}' appears twice{same}, first at line {line}; "
                                  "YAML would silently keep only the last one, so rename or merge them")
                continue
            seen[name.casefold()] = (name, _line(key))
            if allowed is not None and name not in allowed:
                self.unknown_key(key, name, what, allowed)
                continue
            items[name] = (key, value)
        return items

    def unknown_key(self, key: Node, name: str, what: str, allowed: tuple[str, ...]) -> None:
        close = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        self.problem(key, f"{what}: unknown key '{name}'; {hint}allowed keys: {', '.join(allowed)}")

    def text(self, fields: dict, key: str, parent: Node, what: str, *, required: bool, hint: str = "") -> str:
        if key not in fields or _is_null(fields[key][1]):
            if required:
                at = fields[key][0] if key in fields else parent
                self.problem(at, f"{what}: `{key}` is missing or empty; {hint or f'add `{key}: ...`'}")
            return ""
        node = fields[key][1]
        if not isinstance(node, ScalarNode):
            self.problem(node, f"{what}: `{key}` must be text, not {_describe(node)}")
            return ""
        return node.value.strip()

    # ---- terms

    def terms(self, node: Node, what: str) -> tuple[Term, ...]:
        if _is_null(node) or (isinstance(node, SequenceNode) and not node.value):
            self.problem(node, f"{what} is empty; list at least one term")
            return ()
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{what} must be a list of terms (`- term` lines or [a, b]), not {_describe(node)}")
            return ()
        terms = tuple(t for t in (self.term(item, what) for item in node.value) if t is not None)
        for (first, _), (term, _) in _repeats((t, what) for t in terms):
            self.at_term(term, f"{what}: term '{term.text}' is listed twice (first at line {first.line}); remove one")
        return terms

    def term(self, node: Node, what: str) -> Term | None:
        if isinstance(node, ScalarNode) and not _is_null(node):
            text, weight, case_sensitive = node.value, 1.0, False
        elif isinstance(node, MappingNode):
            fields = self.mapping(node, f"{what}: term", TERM_KEYS)
            text = self.text(fields, "term", node, f"{what}: term", required=True, hint="write `{term: ..., weight: 2}`")
            where = f"{what}: term '{text}'" if text else what
            weight = self.weight(fields["weight"][1], where) if "weight" in fields else 1.0
            case_sensitive = self.flag(fields["case_sensitive"][1], where) if "case_sensitive" in fields else False
            if not text:
                return None
        else:
            self.problem(node, f"{what}: a term must be text or a mapping {{term, weight, case_sensitive}}, not {_describe(node)}")
            return None
        text = " ".join(text.split())
        for message in term_problems(text):
            self.problem(node, f"{what}: term '{text}' {message}")
        return Term(text=text, weight=weight, line=_line(node), case_sensitive=case_sensitive)

    def weight(self, node: Node, what: str) -> float:
        if not (isinstance(node, ScalarNode) and node.tag in (_TAG + "int", _TAG + "float")):
            self.problem(node, f"{what}: weight must be a number such as 0.5 or 2, not {_describe(node)}")
            return 1.0
        value = float(yaml.constructor.SafeConstructor().construct_object(node))
        if not math.isfinite(value) or value <= 0:
            self.problem(node, f"{what}: weight must be a positive finite number, not {node.value}")
            return 1.0
        return value

    def flag(self, node: Node, what: str) -> bool:
        if isinstance(node, ScalarNode) and node.tag == _TAG + "bool":
            return bool(yaml.constructor.SafeConstructor().construct_object(node))
        self.problem(node, f"{what}: case_sensitive must be true or false, not {_describe(node)}")
        return False

    def at_term(self, term: Term, message: str) -> None:
        self.problems.append((term.line or 0, f"{self.source}:{term.line}: {message}"))

    # ---- the parts of a lexicon

    def lexicon(self, root: Node) -> Lexicon | None:
        fields = self.mapping(root, "lexicon", TOP_KEYS)
        if not isinstance(root, MappingNode):
            return None
        text = lambda key, **kw: self.text(fields, key, root, "lexicon", **kw)
        name = text("name", required=True, hint="add `name: my_lexicon` at the top (a short name used in tables)")
        version = text("version", required=True, hint='add `version: "1.0"` (change it whenever the terms change)')
        details = self.sources(fields["sources"][1]) if "sources" in fields else ()
        lexicon = Lexicon(
            name=name, version=version, description=text("description", required=False),
            sources=tuple(s.citation() for s in details), source_details=details,
            licence=text("licence", required=False),
            frames=self.section(fields, "frames", self.frame),
            naming_sets=self.section(fields, "naming_sets", self.naming_set),
            actors=self.section(fields, "actors", self.actor))
        if not any(k in fields for k in ("frames", "naming_sets", "actors")):
            self.problem(root, "lexicon defines nothing to match: add `frames:`, `naming_sets:` or `actors:`")
        self.check_actor_aliases(lexicon.actors)
        return lexicon

    def section(self, fields: dict, key: str, read_one) -> tuple:
        if key not in fields:
            return ()
        node = fields[key][1]
        if _is_null(node):
            self.problem(node, f"`{key}` is empty; list its entries below it or remove the key")
            return ()
        what = key.rstrip("s").replace("_", " ")
        entries = self.mapping(node, f"`{key}` (a mapping of {what} name to {what})")
        return tuple(x for x in (read_one(name, k, v) for name, (k, v) in entries.items()) if x is not None)

    def sources(self, node: Node) -> tuple[Source, ...]:
        if not isinstance(node, SequenceNode):
            self.problem(node, f"`sources` must be a list (`- title: ...` entries), not {_describe(node)}")
            return ()
        details = []
        for item in node.value:
            fields = self.mapping(item, "source", SOURCE_KEYS)
            if not isinstance(item, MappingNode):
                continue
            licence_hint = "give the licence its material is under, or 'cited only (no text copied)'"
            values = {k: self.text(fields, k, item, "source", required=k in ("title", "licence"),
                                   hint=licence_hint if k == "licence" else "")
                      for k in SOURCE_KEYS}
            details.append(Source(**values))
        return tuple(details)

    def frame(self, name: str, key: Node, node: Node) -> Frame | None:
        what = f"frame '{name}'"
        fields = self.mapping(node, what, FRAME_KEYS)
        if not isinstance(node, MappingNode):
            return None
        description = self.text(fields, "description", node, what, required=True, hint="say in a sentence what the frame captures")
        role = self.role(fields, key, what)
        colour = self.text(fields, "colour", node, what, required=False)
        if colour and not _COLOUR.fullmatch(colour):
            self.problem(fields["colour"][1], f"{what}: colour '{colour}' is not a hex colour; write it like \"#1f77b4\" (quoted)")
        if ("terms" in fields) == ("poles" in fields):
            has = "both `terms` and `poles`" if "terms" in fields else "neither `terms` nor `poles`"
            self.problem(key, f"{what} has {has}: give either `terms:` (one set of terms) or `poles:` (exactly two opposing poles)")
            return None
        poles: tuple[Pole, ...]
        if "terms" in fields:
            poles = (Pole(name, self.terms(fields["terms"][1], what)),)
        else:
            poles = self.poles(fields["poles"][1], what)
        return Frame(name=name, description=description, poles=poles, colour=colour, role=role)

    def role(self, fields: dict, key: Node, what: str) -> str:
        """The category's ``role`` (one of ``ROLES``); every frame and naming set declares one."""
        if "role" not in fields:
            self.problem(key, f"{what} has no `role:`; {_ROLE_HINT}")
            return ROLES[0]
        role = self.text(fields, "role", key, what, required=True, hint=_ROLE_HINT)
        if role and role not in ROLES:
            close = difflib.get_close_matches(role.lower(), ROLES, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.problem(fields["role"][1], f"{what}: role '{role}' is not a role; {hint}write one of {', '.join(ROLES)}")
        return role if role in ROLES else ROLES[0]

    def poles(self, node: Node, what: str) -> tuple[Pole, ...]:
        entries = self.mapping(node, f"{what}: `poles` (a mapping of pole name to terms)")
        if isinstance(node, MappingNode) and len(entries) != 2:
            self.problem(node, f"{what} has {len(entries)} pole{'' if len(entries) == 1 else 's'}; an axis needs exactly "
                               "two opposing poles (the first is pole A), and one set of terms goes under `terms:`")
        poles = tuple(Pole(pole, self.terms(value, f"{what}, pole '{pole}'")) for pole, (_, value) in entries.items())
        for (first, other), (term, pole) in _repeats((t, p.name) for p in poles for t in p.terms):
            if other != pole:
                self.at_term(term, f"{what}: term '{term.text}' is in both poles ('{other}' line {first.line}, "
                                   f"'{pole}' here); keep it in one")
        return poles

    def naming_set(self, name: str, key: Node, node: Node) -> NamingSet | None:
        what = f"naming set '{name}'"
        fields = self.mapping(node, what, NAMING_KEYS)
        if not isinstance(node, MappingNode):
            return None
        description = self.text(fields, "description", node, what, required=False)
        role = self.role(fields, key, what)
        if "labels" not in fields:
            self.problem(key, f"{what} has no `labels:`; give each competing label and its spellings, e.g. `ISIL: [ISIL]`")
            return None
        entries = self.mapping(fields["labels"][1], f"{what}: `labels` (a mapping of label to its spellings)")
        labels = tuple(Pole(label, self.terms(value, f"{what}, label '{label}'")) for label, (_, value) in entries.items())
        if isinstance(fields["labels"][1], MappingNode) and len(labels) < 2:
            self.problem(fields["labels"][1], f"{what} has {len(labels)} label; a naming set compares competing labels, "
                                              "so give at least two")
        for (first, other), (term, label) in _repeats((t, each.name) for each in labels for t in each.terms):
            if other != label:
                self.at_term(term, f"{what}: spelling '{term.text}' is under two labels ('{other}' line {first.line}, "
                                   f"'{label}' here); a spelling must belong to one label")
        return NamingSet(name=name, description=description, labels=labels, role=role)

    def actor(self, name: str, key: Node, node: Node) -> Actor | None:
        what = f"actor '{name}'"
        fields = self.mapping(node, what, ACTOR_KEYS)
        if not isinstance(node, MappingNode):
            return None
        if "aliases" not in fields:
            self.problem(key, f"{what} has no `aliases:`; list the words that name it, e.g. `aliases: [Iran, Iranian, Tehran]`")
            return None
        return Actor(name=name, aliases=self.terms(fields["aliases"][1], f"{what}: aliases"),
                     description=self.text(fields, "description", node, what, required=False))

    def check_actor_aliases(self, actors: tuple[Actor, ...]) -> None:
        """An alias naming two actors would attribute every hit to both."""
        for (first, other), (term, actor) in _repeats((t, a.name) for a in actors for t in a.aliases):
            if other != actor:
                self.at_term(term, f"actor '{actor}': alias '{term.text}' also names actor '{other}' (line {first.line}); "
                                   "an alias must name one actor")


def _repeats(entries):
    """Each (term, owner) whose term matches the same words as an earlier one, with that first."""
    seen: dict[str, tuple[Term, str]] = {}
    for term, owner in entries:
        key = term_key(term.text)
        if key in seen:
            yield seen[key], (term, owner)
        else:
            seen[key] = (term, owner)
