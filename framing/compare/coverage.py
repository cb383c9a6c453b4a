"""Events compared: an automatic grouping against a reference one (adjusted Rand index, events
merged or split), and which outlet covered which event (so outlets are compared on the events
they all covered, not on what each chose to cover). The grouping itself is ``framing.compare.events``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

from framing.compare.events import has_value, require_articles
from framing.errors import CorpusError, SettingsError


@dataclass(frozen=True)
class EventComparison:
    """An automatic grouping against a reference one, on the articles both label.
    ``ari``: adjusted Rand index (Hubert & Arabie 1985; 1 = identical, about 0 = chance).
    ``merged``: automatic events mixing articles of 2+ reference events; ``split``: reference
    events spread over 2+ automatic events. ``errors`` lists each (kind, event_id, parts,
    n_articles), ``parts`` being the other grouping's ids with their article counts."""

    ari: float
    n_articles: int
    n_events: int
    n_reference_events: int
    merged: int
    split: int
    errors: pd.DataFrame


def _labels(table, name: str) -> pd.Series:
    if isinstance(table, pd.Series):
        labels = table
    elif isinstance(table, pd.DataFrame) and {"article_id", "event_id"} <= set(table.columns):
        labels = table.set_index("article_id")["event_id"]
    else:
        raise CorpusError(f"compare_events: {name} must be a table with article_id and event_id columns "
                          f"(or a Series of event ids indexed by article id)")
    labels = labels.astype(object)
    singles = ["\0" + str(a) for a in labels.index]  # an unlabelled article is its own event
    return pd.Series(np.where(labels.map(has_value), labels, singles), index=labels.index.astype(str))


def compare_events(auto, reference) -> EventComparison:
    """Compare an automatic grouping with a reference (gold) one: adjusted Rand index and the
    events merged or split (see ``EventComparison``)."""
    auto_labels, ref_labels = _labels(auto, "auto"), _labels(reference, "reference")
    both = auto_labels.index.intersection(ref_labels.index)
    if len(both) == 0:
        raise CorpusError("compare_events: no article_id is in both groupings")
    pairs = pd.DataFrame({"auto": auto_labels[both].to_numpy(), "ref": ref_labels[both].to_numpy()})
    errors = _errors(pairs, "auto", "ref", "merged") + _errors(pairs, "ref", "auto", "split")
    table = pd.DataFrame(errors, columns=["kind", "event_id", "parts", "n_articles"])
    return EventComparison(
        ari=float(adjusted_rand_score(pairs["ref"], pairs["auto"])), n_articles=len(pairs),
        n_events=pairs["auto"].nunique(), n_reference_events=pairs["ref"].nunique(),
        merged=int((table["kind"] == "merged").sum()), split=int((table["kind"] == "split").sum()),
        errors=table)


def _errors(pairs: pd.DataFrame, group: str, other: str, kind: str) -> list[tuple]:
    rows = []
    for event, part in pairs.groupby(group, sort=True):
        counts = part[other].value_counts(sort=False).sort_index()
        if len(counts) > 1:
            parts = tuple((str(k).lstrip("\0"), int(v)) for k, v in counts.items())
            rows.append((kind, str(event).lstrip("\0"), parts, len(part)))
    return rows


def event_coverage(articles: pd.DataFrame, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which outlet covered which event: tidy ``event_id, outlet, n_articles``, sorted. Events
    come from ``events`` (a ``group_events`` table) or else the articles' own ``event_id``;
    articles without an event are left out."""
    require_articles(articles, ("article_id", "outlet"), "event_coverage")
    if events is not None:
        labels = events.set_index(events["article_id"].astype(str))["event_id"]
        event_ids = articles["article_id"].astype(str).map(labels)
    elif "event_id" in articles:
        event_ids = articles["event_id"]
    else:
        raise CorpusError("event_coverage: the articles table has no event_id column; pass events=group_events(articles)")
    frame = pd.DataFrame({"event_id": event_ids.astype(object), "outlet": articles["outlet"].to_numpy()})
    frame = frame[frame["event_id"].map(has_value)]
    counts = frame.groupby(["event_id", "outlet"]).size().rename("n_articles").reset_index()
    return counts.sort_values(["event_id", "outlet"], ignore_index=True)


def shared_events(coverage: pd.DataFrame, outlets=None) -> list[str]:
    """Events that every one of ``outlets`` covered (all outlets in ``coverage`` when None),
    so outlets can be compared on the same events."""
    known = set(coverage["outlet"])
    wanted = sorted(known) if outlets is None else list(outlets)
    unknown = [o for o in wanted if o not in known]
    if unknown:
        raise SettingsError(f"outlet {unknown[0]!r} covers no event; known outlets: {', '.join(sorted(known))}")
    chosen = coverage[coverage["outlet"].isin(wanted)]
    per_event = chosen.groupby("event_id")["outlet"].nunique()
    return sorted(per_event.index[per_event == len(set(wanted))])
