"""Concordance (key word in context): every occurrence of a term, a phrase, a lexicon frame,
pole, naming set, label or actor, with its left and right context, outlet, article and voice.

Lexicon kinds (``frame``, ``pole``, ``naming``, ``label``, ``actor``) read the analysis hits,
which already carry voice, speaker, negation and hedging. Free searches read the bodies:

- ``term``: a counted term of ``framing.measure.terms`` (a word or an n-gram of adjacent words), with
  exactly the tokens and rules of the term counts, so an outlet's concordance of a distinctive
  term has as many lines as the term's count there;
- ``phrase``: a lexicon-style phrase found by ``framing.text.match`` (case ignored, whole words,
  quote/dash/white-space variants, ``destabiliz*`` stems, `` ... `` gaps);
- ``pattern``: a Python regular expression (case ignored), for forms no word list holds (the
  glossary's "passive voice without an agent").

Their voice, negation and hedging come from ``framing.text.hits.span_contexts``, as every
lexicon hit's do.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import SettingsError
from framing.lexicon import Frame, Lexicon, Pole, Term
from framing.measure.analysis import Analysis
from framing.text.hits import span_contexts
from framing.text.match import Matcher
from framing.text.tokenize import split_sentences, words

KINDS = ("term", "phrase", "pattern", "frame", "pole", "naming", "label", "actor")
HIT_KINDS = {"frame": ("frame", "frame"), "pole": ("frame", "pole"), "naming": ("naming", "frame"),
             "label": ("naming", "pole"), "actor": ("actor", "frame")}
SORTS = ("outlet", "article", "left", "right", "match", "voice")
COLUMNS = ("article_id", "outlet", "title", "sentence_id", "start", "end", "left", "match", "right",
           "voice", "speaker", "negated", "hedged", "target", "frame", "pole")


def concordance(analysis: Analysis, query: str, *, kind: str = "term", width: int = 60,
                outlets: Collection[str] | None = None, where: Mapping[str, Any] | None = None,
                sort: str = "outlet") -> pd.DataFrame:
    """Every occurrence of ``query`` in the articles of ``analysis``, one row each (columns: see
    docs/data-model.md). A ``term`` or ``phrase`` is searched in the bodies; a ``frame``,
    ``pole``, ``naming`` set, ``label`` or ``actor`` is read from the analysis's hits.

    ``width`` characters of context each side (white space runs shown as one space);
    ``outlets`` keeps those outlets; ``where`` keeps articles whose column has the given value
    (or one of the given values), e.g. ``{"bias_text": "left"}``; ``sort`` orders the rows:
    ``outlet`` (then article and position), ``article``, ``left`` (by the words just before,
    nearest first), ``right``, ``match`` or ``voice``."""
    if sort not in SORTS:
        raise SettingsError(f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
    if int(width) < 0:
        raise SettingsError(f"width must be 0 or more characters, got {width!r}")
    rows = occurrences(analysis, query, kind=kind, outlets=outlets, where=where)
    return _sorted(add_context(rows, analysis.articles, int(width)), sort)


def occurrences(analysis: Analysis, query: str, *, kind: str = "term", outlets: Collection[str] | None = None,
                where: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The rows of ``concordance`` (same arguments) in outlet, article and position order, with
    ``left``, ``match`` and ``right`` still empty: a caller that shows a few of many
    occurrences gives only those to ``add_context``."""
    return find_occurrences(analysis, query, kind=kind, outlets=outlets, where=where).rows


@dataclass(frozen=True)
class Occurrences:
    """The first ``limit`` occurrences of a query (``rows``, as ``occurrences`` gives them) and
    how many there are in all (``total``, in ``articles`` articles)."""

    rows: pd.DataFrame
    total: int
    articles: int


def find_occurrences(analysis: Analysis, query: str, *, kind: str = "term", outlets: Collection[str] | None = None,
                     where: Mapping[str, Any] | None = None, limit: int | None = None) -> Occurrences:
    """``occurrences`` (same arguments), only the first ``limit`` rows in outlet, article and
    position order, with the counts of all: a term or phrase is found in every body, but the
    voice, speaker and negation (``span_contexts``, most of the work) are read for those rows only."""
    if kind not in KINDS:
        raise SettingsError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if not str(query).strip():
        raise SettingsError("the concordance query is empty: give a term, phrase or lexicon name")
    if limit is not None and int(limit) < 0:
        raise SettingsError(f"limit must be 0 or more rows, got {limit!r}")
    articles = _filter_articles(analysis.articles, outlets=outlets, where=where)
    if kind in HIT_KINDS:
        _check_lexicon_name(analysis.lexicons, query, kind)
        rows = _sorted(_with_articles(_hit_rows(articles, analysis.hits, query, kind), articles), "outlet")
        total, n_articles = len(rows), int(rows["article_id"].nunique())
        rows = rows if limit is None else rows.head(int(limit))
    else:
        found = _found_spans(articles, query, kind)
        total, n_articles = sum(len(spans) for _, _, spans in found), len(found)
        rows = _search_rows(found, analysis.sentences, analysis.hits, limit)
        rows = _sorted(_with_articles(rows, articles), "outlet")
    return Occurrences(rows.reset_index(drop=True), total, n_articles)


def _filter_articles(articles: pd.DataFrame, *, outlets, where) -> pd.DataFrame:
    missing = [c for c in ("article_id", "outlet", "body") if c not in articles.columns]
    if missing:
        raise SettingsError(f"the articles table has no column {missing[0]!r}; "
                            f"its columns are: {', '.join(map(str, articles.columns))}")
    keep = np.ones(len(articles), dtype=bool)
    conditions = dict(where or {})
    if outlets is not None:
        conditions["outlet"] = outlets
    for column, wanted in conditions.items():
        if column not in articles.columns:
            raise SettingsError(f"cannot filter on {column!r}: the articles table has no such column; "
                                f"its columns are: {', '.join(map(str, articles.columns))}")
        values = [wanted] if isinstance(wanted, str) or not isinstance(wanted, Collection) else list(wanted)
        keep &= articles[column].astype(str).isin([str(v) for v in values]).to_numpy()
    return articles[keep]


def _lexicon_names(lexicons, kind: str) -> set[str]:
    """Every name of ``kind`` the lexicons define (poles and labels also as ``FRAME/POLE``)."""
    names: set[str] = set()
    for lexicon in lexicons:
        groups = {"frame": lexicon.frames, "pole": lexicon.frames, "naming": lexicon.naming_sets,
                  "label": lexicon.naming_sets, "actor": lexicon.actors}[kind]
        for group in groups:
            if kind in ("pole", "label"):
                members = group.poles if kind == "pole" else group.labels
                names.update(m.name for m in members)
                names.update(f"{group.name}/{m.name}" for m in members)
            else:
                names.add(group.name)
    return names


def _check_lexicon_name(lexicons, query: str, kind: str) -> None:
    """A name no analysed lexicon has is a typo, not an empty concordance: say which exist."""
    names = _lexicon_names(lexicons, kind)
    wanted = "/".join(part.strip() for part in str(query).casefold().split("/", 1))
    if wanted not in {n.casefold() for n in names}:
        plain = sorted(n for n in names if "/" not in n) or sorted(names)
        raise SettingsError(f"no {kind} called {query!r} in the lexicons analysed; there are: {', '.join(plain)}")


def _hit_rows(articles: pd.DataFrame, hits: pd.DataFrame, query: str, kind: str) -> pd.DataFrame:
    """The analysis hits of a lexicon frame/pole/naming set/label/actor. ``FRAME/POLE`` (or
    ``SET/LABEL``) names a pole or label of one frame only; names ignore case."""
    hit_kind, column = HIT_KINDS[kind]
    chosen = hits[(hits["kind"] == hit_kind) & hits["article_id"].isin(articles["article_id"])]
    name = str(query).strip().casefold()
    if column == "pole" and "/" in name:
        frame, name = (part.strip() for part in name.split("/", 1))
        chosen = chosen[_casefold_equals(chosen["frame"], frame)]
    chosen = chosen[_casefold_equals(chosen[column], name)]
    keep = ["article_id", "sentence_id", "start", "end", "voice", "speaker", "negated", "hedged", "target",
            "frame", "pole"]
    rows = chosen[[c for c in keep if c in chosen.columns]].reset_index(drop=True)
    return rows.astype({c: "str" for c in rows.columns if isinstance(rows[c].dtype, pd.CategoricalDtype)})


def _casefold_equals(values: pd.Series, name: str) -> np.ndarray:
    """Which ``values`` equal ``name`` (already casefolded), case ignored; a categorical
    column (the hits table's) is compared through its few categories, not row by row."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = values.cat.categories
        return values.isin(categories[categories.astype(str).str.casefold() == name]).to_numpy(bool)
    return (values.astype(str).str.casefold() == name).to_numpy(bool)


def _found_spans(articles: pd.DataFrame, query: str, kind: str) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """``(article id, body, spans)`` of every article where a free term, phrase or pattern
    occurs, in outlet and article order (the order of ``occurrences``' rows)."""
    find = {"term": _term_finder, "phrase": _phrase_finder, "pattern": _pattern_finder}[kind](query)
    ordered = articles.sort_values(["outlet", "article_id"], kind="stable")
    return [(article_id, body, spans) for article_id, body in zip(ordered["article_id"], ordered["body"].fillna("").astype(str))
            if (spans := find(body))]


def _search_rows(found, sentences, hits, limit: int | None = None) -> pd.DataFrame:
    """Rows of the ``found`` spans (``_found_spans``; the first ``limit`` only), with their
    sentence and voice (``framing.text.hits.span_contexts``, the context every lexicon hit gets too)."""
    if limit is not None:
        kept, count = [], 0
        for article_id, body, spans in found:
            if count >= limit:
                break
            kept.append((article_id, body, spans[:limit - count]))
            count += len(kept[-1][2])
        found = kept
    matched = [article_id for article_id, _, _ in found]  # only their sentences and actor mentions are read
    sentence_spans = _sentence_spans(sentences, matched)
    actor_mentions = _actor_mentions(hits, matched)
    rows = []
    for article_id, body, spans in found:
        article_sentences = sentence_spans.get(article_id) or split_sentences(body)
        starts = [s for s, _ in article_sentences]
        contexts = span_contexts(body, article_sentences, spans, actor_mentions.get(article_id, []))
        for (start, end), c in zip(spans, contexts):
            rows.append({"article_id": article_id, "sentence_id": max(bisect_right(starts, start) - 1, 0),
                         "start": start, "end": end, "voice": c.voice, "speaker": c.speaker,
                         "negated": c.negated, "hedged": c.hedged, "target": c.target})
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "start", "end", "voice", "speaker",
                                       "negated", "hedged", "target"])


def _term_finder(query: str):
    """Spans of a counted term. A term never crosses a line break, so only the lines holding
    all its words are tokenized (``terms.term_spans`` on each): same spans, a fraction of the work."""
    from framing.measure.term_counts import normalize_token  # here: the term counts load scikit-learn
    from framing.measure.term_matrix import term_spans

    term = " ".join(normalize_token(w) for w in words(query))
    if not term:
        raise SettingsError(f"the term {query!r} has no word in it; for punctuation, search a phrase")
    needed = set(term.split())

    def find(body: str) -> list[tuple[int, int]]:
        lowered = normalize_token(body)
        if not all(word in lowered for word in needed):
            return []
        if len(lowered) != len(body):  # a character lowercased to two: offsets would drift
            return term_spans(body, term)
        spans: list[tuple[int, int]] = []
        start = 0
        for line in lowered.split("\n"):
            if all(word in line for word in needed):
                spans.extend((start + s, start + e) for s, e in term_spans(body[start:start + len(line)], term))
            start += len(line) + 1
        return spans
    return find


def _phrase_finder(query: str):
    """Spans of a lexicon-style phrase, found by ``framing.text.match`` under the lexicon rules."""
    pole = Pole(name=query, terms=(Term(text=query),))
    lexicon = Lexicon(name="query", version="", description="", sources=(),
                      frames=(Frame(name="query", description="", poles=(pole,)),))
    matcher = Matcher([lexicon])
    return lambda body: [(m.start, m.end) for m in matcher.find(body)]


def _pattern_finder(query: str):
    """Spans of a regular expression (case ignored); empty matches are skipped."""
    try:
        pattern = re.compile(query, re.IGNORECASE)
    except re.error as exc:
        raise SettingsError(f"the pattern {query!r} is not a valid regular expression: {exc}") from None
    return lambda body: [m.span() for m in pattern.finditer(body) if m.end() > m.start()]


def _sentence_spans(sentences: pd.DataFrame | None, ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of each sentence of the articles ``ids``, in sentence order."""
    if sentences is None or sentences.empty:
        return {}
    chosen = sentences[sentences["article_id"].isin(ids)].sort_values(["article_id", "sentence_id"], kind="stable")
    return _rows_by_article(chosen, ["start", "end"])


def _actor_mentions(hits: pd.DataFrame | None, ids: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, actor) of each actor mention of the articles ``ids``, in the hits' order."""
    if hits is None or hits.empty:
        return {}
    actors = hits[(hits["kind"] == "actor").to_numpy() & hits["article_id"].isin(ids).to_numpy()]
    return _rows_by_article(actors.assign(frame=actors["frame"].astype(str)), ["start", "end", "frame"])


def _rows_by_article(table: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    """Article id -> the tuples of ``columns`` of its rows (plain Python values), in table order."""
    out: dict[str, list[tuple]] = {}
    values = [table[c].tolist() for c in columns]
    for article_id, *row in zip(table["article_id"].astype(str).tolist(), *values):
        out.setdefault(article_id, []).append(tuple(row))
    return out


def _with_articles(rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Occurrence rows in the columns of ``COLUMNS``, with their article's outlet and title."""
    meta = articles.set_index("article_id")
    table = pd.DataFrame({column: rows.get(column) for column in COLUMNS})
    if len(table):
        table["outlet"] = table["article_id"].map(meta["outlet"]).to_numpy()
        table["title"] = table["article_id"].map(meta["title"]).to_numpy() if "title" in meta else None
    return table.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})


def add_context(rows: pd.DataFrame, articles: pd.DataFrame, width: int = 60) -> pd.DataFrame:
    """``rows`` of ``occurrences`` with the left context, match and right context read from
    their articles' bodies (``articles``: the analysis's articles table)."""
    if rows.empty:
        return rows
    ids = set(rows["article_id"])
    chosen = articles[articles["article_id"].isin(ids)]
    bodies = dict(zip(chosen["article_id"], chosen["body"].fillna("").astype(str)))
    pieces = [_kwic(bodies[a], int(s), int(e), width) for a, s, e in zip(rows["article_id"], rows["start"], rows["end"])]
    table = rows.copy()
    table["left"], table["match"], table["right"] = zip(*pieces)
    return table


def _kwic(body: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    """Left context, match, right context: at most ``width`` characters each side, cut at a
    word boundary (never inside a word) and marked "…" where the text goes on."""
    def flat(text: str) -> str:
        return " ".join(text.split())
    left = _context(body[:start][::-1], width)[::-1]
    right = _context(body[end:], width)
    # keep a space that touches the match, so "calls “x”" and "calls x" read differently
    return ((flat(left) + (" " if left[-1:].isspace() else "")).lstrip(), flat(body[start:end]),
            ((" " if right[:1].isspace() else "") + flat(right)).rstrip())


def _context(text: str, width: int) -> str:
    """The first ``width`` characters of ``text`` (read outwards from the match), ending at a
    word boundary; when the text goes on, the last characters make room for "…"."""
    if len(text) <= width:
        return text
    if width < 2:
        return ""
    piece = text[:width - 1]
    if not text[width - 1].isspace():  # the cut falls inside a word: leave that word out
        at = max(piece.rfind(" "), piece.rfind("\n"), piece.rfind("\t"))
        piece = piece[:at + 1] if at >= 0 else ""
    return piece.rstrip() + "…"


def _sorted(table: pd.DataFrame, sort: str) -> pd.DataFrame:
    position = ["article_id", "start"]
    if sort in ("left", "right", "match"):  # by the words, nearest to the match first
        from framing.measure.term_counts import normalize_token

        nearest_first = (lambda ws: ws[::-1]) if sort == "left" else (lambda ws: ws)
        key = table[sort].map(lambda text: " ".join(nearest_first(words(normalize_token(text)))))
        table = table.assign(_key=key).sort_values(["_key", *position], kind="mergesort").drop(columns="_key")
    elif sort == "voice":
        table = table.sort_values(["voice", "outlet", *position], kind="mergesort", na_position="last")
    else:
        table = table.sort_values(["outlet", *position] if sort == "outlet" else position, kind="mergesort")
    return table.reset_index(drop=True)
