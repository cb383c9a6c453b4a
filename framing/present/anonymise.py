"""Outlets hidden as "Outlet A", "Outlet B"... so a class judges the words, not the name.

``anonymise(analysis)`` returns an analysis in which no outlet's name is left anywhere a page
could show it: the ``outlet`` columns hold the labels; every title, body, sentence, matched
word, speaker and target has each outlet's names replaced by its label (so "told Fox News" in
another outlet's report becomes "told Outlet C"); addresses are dropped; article ids are
renumbered (an id may hold a name: ``foxnews-123``); metadata columns other than the event are
dropped; the corpus and its load report (file names) are not carried over. Offsets of hits
and sentences are moved with the text, so ``body[start:end] == matched`` still holds. Word
counts are the original ones, so rates are unchanged.

An outlet's names (``outlet_aliases``): its name as written, without a leading "The", with
the spaces of a joined name ("SouthFront": "South Front"), and its web site (``jpost.com``,
``jpost``) read from the addresses of its articles; case is ignored, whole words only. A
nickname nothing in the corpus gives (``NYT``) is not known: pass it in ``extra_aliases``.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from framing.measure.analysis import Analysis

#: Articles columns an anonymised analysis keeps (others may name the outlet: file names, hosts).
KEPT_COLUMNS = ("article_id", "outlet", "title", "date", "date_precision", "url", "n_words", "n_sentences",
                "body", "event_id")
#: Host parts that say nothing about the outlet.
_HOST_NOISE = {"www", "m", "amp", "edition", "en", "news", "com", "org", "net", "co", "uk", "us", "io", "info"}


def outlet_labels(outlets: Iterable[str]) -> dict[str, str]:
    """``{outlet: "Outlet A"}`` in the order given (repeats ignored): A..Z, then AA, AB..."""
    labels = {}
    for i, outlet in enumerate(dict.fromkeys(outlets)):
        letters, n = "", i
        while True:
            letters = string.ascii_uppercase[n % 26] + letters
            n = n // 26 - 1
            if n < 0:
                break
        labels[outlet] = f"Outlet {letters}"
    return labels


def _hosts(urls: Iterable[object]) -> set[str]:
    hosts = set()
    for url in urls:
        if isinstance(url, str) and "//" in url:
            host = (urlsplit(url).hostname or "").lower()
            if host:
                hosts.add(host.removeprefix("www."))
    return hosts


def outlet_aliases(outlet: str, urls: Iterable[object] = ()) -> list[str]:
    """The names an outlet goes by in text (module doc), longest first."""
    names = {outlet.strip()}
    for name in list(names):
        if name.lower().startswith("the "):
            names.add(name[4:])
    for name in list(names):
        split = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
        if split != name:
            names.add(split)
    for host in _hosts(urls):
        names.add(host)
        parts = [p for p in host.split(".") if p not in _HOST_NOISE]
        if parts and len(parts[0]) >= 4:
            names.add(parts[0])
    return sorted((n for n in names if len(n) >= 2), key=lambda n: (-len(n), n))


def name_pattern(aliases: Iterable[str]) -> re.Pattern | None:
    """One case-insensitive whole-word pattern for all the aliases (spaces, hyphens and dots
    between words may vary)."""
    parts = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        words = re.split(r"[\s\-]+", alias.strip())
        parts.append(r"[\s\-]*".join(re.escape(w) for w in words if w))
    parts = [p for p in parts if p]
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Masker:
    """Replaces every outlet's names by its label in any text."""

    patterns: tuple[tuple[re.Pattern, str], ...]

    def edits(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` of every name in ``text``, in order, never overlapping
        (a longer name found first wins)."""
        found: list[tuple[int, int, str]] = []
        for pattern, label in self.patterns:
            for m in pattern.finditer(text):
                if not any(m.start() < e and m.end() > s for s, e, _ in found):
                    found.append((m.start(), m.end(), label))
        return sorted(found)

    def mask(self, text: object) -> object:
        """``text`` with every name replaced (non-strings returned as they are)."""
        if not isinstance(text, str):
            return text
        return apply_edits(text, self.edits(text))


def make_masker(labels: Mapping[str, str], aliases: Mapping[str, Sequence[str]]) -> Masker:
    """A ``Masker`` for outlets with these labels and aliases; outlets with the longest names
    are matched first, so "Fox News" is not cut by an outlet named "Fox"."""
    ordered = sorted(labels, key=lambda o: -max((len(a) for a in aliases.get(o, [o])), default=0))
    patterns = []
    for outlet in ordered:
        pattern = name_pattern(aliases.get(outlet, [outlet]))
        if pattern is not None:
            patterns.append((pattern, labels[outlet]))
    return Masker(tuple(patterns))


def apply_edits(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, new in edits:
        out.append(text[at:start])
        out.append(new)
        at = end
    out.append(text[at:])
    return "".join(out)


def moved_offsets(positions: np.ndarray, edits: Sequence[tuple[int, int, str]], *, end: bool) -> np.ndarray:
    """Offsets into a text after ``edits``: shifted by the change in length of every edit
    before them; an offset inside an edited stretch moves to its start (``end=False``) or to
    the end of the replacement (``end=True``)."""
    positions = np.asarray(positions, dtype=np.int64)
    if not edits:
        return positions.copy()
    starts = np.array([s for s, _, _ in edits], dtype=np.int64)
    ends = np.array([e for _, e, _ in edits], dtype=np.int64)
    deltas = np.array([len(new) - (e - s) for s, e, new in edits], dtype=np.int64)
    shift_before = np.concatenate([[0], np.cumsum(deltas)])
    done = np.searchsorted(ends, positions, side="right")  # edits wholly before (end <= position)
    moved = positions + shift_before[done]
    inside = np.searchsorted(starts, positions, side="right") - 1
    for i, (pos, k) in enumerate(zip(positions, inside)):
        if k >= 0 and starts[k] < pos < ends[k]:
            new_start = starts[k] + shift_before[k]
            moved[i] = new_start + (len(edits[k][2]) if end else 0)
    return moved


@dataclass(frozen=True)
class Anonymised:
    """An analysis with its outlets hidden (module doc), ``labels`` (outlet -> label) and
    ``masker`` (to hide the names in any other text shown beside it)."""

    analysis: Analysis
    labels: dict[str, str]
    masker: Masker

    def reveal(self) -> dict[str, str]:
        """``{label: outlet}``: the key a teacher reads out."""
        return {label: outlet for outlet, label in self.labels.items()}


def anonymise(analysis: Analysis, *, order: Sequence[str] = (),
              extra_aliases: Mapping[str, Sequence[str]] | None = None,
              corpus_articles: pd.DataFrame | None = None) -> Anonymised:
    """``analysis`` with every outlet hidden (module doc). Outlets in ``order`` come first (A,
    B...: the two outlets a lesson starts with), the rest by name. ``corpus_articles`` (the
    ``outlet`` and ``url`` columns of the whole corpus ``analysis`` was cut from) gives every
    outlet of the corpus its letter and masks its names, so a lesson on a few articles keeps
    the letters and the key of the whole corpus, and hides an outlet that is only named."""
    articles = analysis.articles
    every = articles if corpus_articles is None else corpus_articles
    outlets = sorted(every["outlet"].astype(str).unique())
    labels = outlet_labels([*(o for o in order if o in outlets), *outlets])
    urls = every.groupby(every["outlet"].astype(str), observed=True)["url"].apply(list) if "url" in every else {}
    aliases = {o: outlet_aliases(o, urls.get(o, []) if len(urls) else []) for o in outlets}
    for outlet, more in (extra_aliases or {}).items():
        aliases.setdefault(outlet, [outlet]).extend(more)
    masker = make_masker(labels, aliases)
    ids = {a: f"text-{i + 1}" for i, a in enumerate(articles["article_id"].astype(str))}
    body_edits = {ids[a]: masker.edits(str(b)) for a, b in zip(articles["article_id"].astype(str), articles["body"])}
    new_articles = _articles(articles, labels, masker, ids)
    bodies = dict(zip(new_articles["article_id"], new_articles["body"]))
    hits = _moved(analysis.hits, ids, body_edits, bodies, text_column="matched")
    hits = hits.assign(outlet=hits["outlet"].astype(str).map(labels).astype("category"),
                       speaker=hits["speaker"].map(masker.mask), target=hits["target"].map(masker.mask))
    sentences = _moved(analysis.sentences, ids, body_edits, bodies, text_column="text")
    hidden = replace(analysis, articles=new_articles, hits=hits, sentences=sentences, corpus=None, report=None,
                     key=f"{analysis.key}/anonymised/{sorted(labels.items())}")
    return Anonymised(hidden, labels, masker)


def _articles(articles: pd.DataFrame, labels: Mapping[str, str], masker: Masker, ids: Mapping[str, str]) -> pd.DataFrame:
    kept = articles[[c for c in KEPT_COLUMNS if c in articles.columns]].copy()
    kept["article_id"] = kept["article_id"].astype(str).map(ids)
    kept["outlet"] = kept["outlet"].astype(str).map(labels)
    kept["title"] = kept["title"].map(masker.mask)
    kept["body"] = kept["body"].map(masker.mask)
    if "url" in kept:
        kept["url"] = None
    return kept.reset_index(drop=True)


def _moved(table: pd.DataFrame, ids: Mapping[str, str], edits: Mapping[str, list], bodies: Mapping[str, str], *,
           text_column: str) -> pd.DataFrame:
    """A hits or sentences table with article ids renamed and offsets moved with the masked
    bodies; its text column read again from them."""
    table = table[table["article_id"].astype(str).isin(ids)].copy()
    new_ids = table["article_id"].astype(str).map(ids)
    table["article_id"] = new_ids.astype("category")
    starts, ends = table["start"].to_numpy(np.int64).copy(), table["end"].to_numpy(np.int64).copy()
    for article_id in new_ids.unique():
        rows = np.flatnonzero((new_ids == article_id).to_numpy())
        if edits.get(article_id):
            starts[rows] = moved_offsets(starts[rows], edits[article_id], end=False)
            ends[rows] = moved_offsets(ends[rows], edits[article_id], end=True)
    table["start"], table["end"] = starts, ends
    if text_column in table.columns:
        texts = [bodies[a][s:e] for a, s, e in zip(new_ids, starts, ends)]
        table[text_column] = pd.Categorical(texts) if isinstance(table[text_column].dtype, pd.CategoricalDtype) \
            else texts
    return table.reset_index(drop=True)
