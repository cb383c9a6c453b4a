"""Paired words: what one outlet calls a thing where another, reporting the same event, calls it
something else ("regime" / "government", "occupied" / "disputed", "withdraw" / "retreat").

Two sources, each read event by event, for every two outlets (or groups) that covered it:

- ``naming``: the lexicon's naming sets. Each side's label for a referent is the one it uses
  most in the event (ties: alphabetical); when the two labels differ, the event pairs them.
- ``aligned``: sentences that report the same fact (``framing.compare.align.align_event``); a
  word diff step that replaces one to three words by one to three others (not numbers, not
  only stop words, case ignored) pairs them.

``paired_words`` ranks the pairs across events: most events first, then most outlet pairs.
Each pair keeps its orientation: ``word_a`` is what ``side_a`` (the outlet or group that sorts
first) wrote. With ``by`` another articles column (``bias_text``), sides are its values.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.compare.align import align_event
from framing.errors import SettingsError
from framing.measure.analysis import Analysis

PAIR_COLUMNS = ("source", "set", "side_a", "word_a", "side_b", "word_b", "n_events", "n_pairs", "events")
SOURCES = ("naming", "aligned")
MAX_WORDS = 3


def paired_words(analysis: Analysis, *, by: str = "outlet", sources: Iterable[str] = SOURCES,
                 top: int | None = None, min_events: int = 1) -> pd.DataFrame:
    """Word pairs across the events of ``analysis`` (its articles need an ``event_id``:
    ``framing.compare.events.with_events``), one row per pair and two sides, ranked (module
    doc); columns ``PAIR_COLUMNS``, ``events`` the ids (at most ten)."""
    sources = tuple(sources)
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:
        raise SettingsError(f"paired words: source must be among {', '.join(SOURCES)}, got {unknown[0]!r}")
    articles = analysis.articles
    for column in ("event_id", by):
        if column not in articles.columns:
            raise SettingsError(f"paired words: the articles table has no column {column!r}; group the articles "
                                "into events first (framing.compare.events.with_events)")
    side_of = dict(zip(articles["article_id"].astype(str), articles[by].astype(str)))
    found: dict[tuple, set] = defaultdict(set)
    counts: dict[tuple, int] = defaultdict(int)
    events = articles.loc[articles["event_id"].notna()].groupby("event_id")[by].nunique()
    shared = [str(e) for e, n in events.items() if n >= 2]
    if "naming" in sources:
        for key, event in _naming_pairs(analysis, side_of, set(shared)):
            found[key].add(event)
            counts[key] += 1
    if "aligned" in sources:
        for event in shared:
            for key in _aligned_pairs(analysis, event, side_of):
                found[key].add(event)
                counts[key] += 1
    rows = [{"source": k[0], "set": k[1], "side_a": k[2], "word_a": k[3], "side_b": k[4], "word_b": k[5],
             "n_events": len(ev), "n_pairs": counts[k], "events": tuple(sorted(ev))[:10]}
            for k, ev in found.items() if len(ev) >= min_events]
    table = pd.DataFrame(rows, columns=list(PAIR_COLUMNS))
    table = table.sort_values(["n_events", "n_pairs", "source", "word_a", "word_b", "side_a", "side_b"],
                              ascending=[False, False, True, True, True, True, True], ignore_index=True)
    return table.head(top) if top else table


def _naming_pairs(analysis: Analysis, side_of: dict, shared: set):
    """((source, set, side a, label a, side b, label b), event) for each event where two
    sides' most used labels of a naming set differ."""
    hits = analysis.hits[analysis.hits["kind"] == "naming"]
    if hits.empty:
        return
    event_of = dict(zip(analysis.articles["article_id"].astype(str), analysis.articles["event_id"]))
    table = pd.DataFrame({"event": hits["article_id"].astype(str).map(event_of), "set": hits["frame"].astype(str),
                          "side": hits["article_id"].astype(str).map(side_of), "label": hits["pole"].astype(str)})
    table = table[table["event"].astype(str).isin(shared)]
    uses = table.groupby(["event", "set", "side", "label"]).size().rename("uses").reset_index()
    top = uses.sort_values(["uses", "label"], ascending=[False, True]).drop_duplicates(["event", "set", "side"])
    for (event, name), group in top.groupby(["event", "set"]):
        sides = group.sort_values("side")[["side", "label"]].to_numpy().tolist()
        for k, (side_a, label_a) in enumerate(sides):
            for side_b, label_b in sides[k + 1:]:
                if label_a != label_b:
                    yield ("naming", name, side_a, label_a, side_b, label_b), str(event)


def _aligned_pairs(analysis: Analysis, event: str, side_of: dict):
    """(source, "", side a, words a, side b, words b) for each replacement in the aligned
    sentences of ``event``."""
    pairs = align_event(analysis, event)
    for row in pairs.itertuples(index=False):
        side_a, side_b = side_of[str(row.article_a)], side_of[str(row.article_b)]
        if side_a == side_b:
            continue
        for op in row.ops:
            words = _replacement(op)
            if words is None:
                continue
            a, b = words
            if side_a > side_b:
                side_a_, a_, side_b_, b_ = side_b, b, side_a, a
            else:
                side_a_, a_, side_b_, b_ = side_a, a, side_b, b
            yield ("aligned", "", side_a_, a_, side_b_, b_)


def _replacement(op: dict) -> tuple[str, str] | None:
    """The two sides of a word diff step that swaps a few words for a few others."""
    if op["tag"] != "replace":
        return None
    a = [w.lower().replace("’", "'") for w in op["a_words"]]
    b = [w.lower().replace("’", "'") for w in op["b_words"]]
    if not (1 <= len(a) <= MAX_WORDS and 1 <= len(b) <= MAX_WORDS) or a == b:
        return None
    for side in (a, b):
        if any(w.isdigit() for w in side) or all(w in ENGLISH_STOP_WORDS for w in side):
            return None
    return " ".join(a), " ".join(b)
