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
    event_ids = _event_ids(articles, events, "event_coverage")
    frame = pd.DataFrame({"event_id": event_ids.to_numpy(), "outlet": articles["outlet"].to_numpy()})
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


# ----------------------------------------------------------------------------- by group
#: ``event_blindspots`` defaults: an event is covered "mostly" by one group when that group
#: has at least this share of its grouped articles ...
MIN_SHARE = 0.75
#: ... and it has at least this many grouped articles (one article is no coverage pattern).
MIN_EVENT_ARTICLES = 2
#: Order of ``kind`` in the blindspot list.
BLINDSPOT_KINDS = ("only", "mostly", "missing", "")
#: A blindspot list compares a few groups; more values than this are refused.
MAX_BLINDSPOT_GROUPS = 60


def _event_ids(articles: pd.DataFrame, events: pd.DataFrame | None, caller: str) -> pd.Series:
    if events is not None:
        labels = events.set_index(events["article_id"].astype(str))["event_id"]
        return articles["article_id"].astype(str).map(labels).astype(object)
    if "event_id" in articles:
        return articles["event_id"].astype(object)
    raise CorpusError(f"{caller}: the articles table has no event_id column; pass events=group_events(articles)")


def group_coverage(articles: pd.DataFrame, by: str, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which group (a value of the articles column ``by``: a leaning, a country) covered which
    event: tidy ``event_id, group, n_articles, n_outlets, outlets`` (the outlets, sorted, so
    they stay visible inside a group), sorted by event then group. Articles without an event
    or without a value in ``by`` are left out (``event_blindspots`` counts the latter)."""
    frame = _event_groups(articles, by, events, "group_coverage")
    pairs = frame.drop_duplicates(["event_id", "group", "outlet"])
    pairs = pairs.assign(_key=pairs["outlet"].astype(str).str.casefold()).sort_values(
        ["event_id", "group", "_key"], kind="stable")
    grouped = pairs.groupby(["event_id", "group"], sort=True)["outlet"]
    table = pd.DataFrame({"n_articles": frame.groupby(["event_id", "group"], sort=True).size(),
                          "n_outlets": grouped.size(), "outlets": grouped.agg(lambda o: tuple(map(str, o)))})
    columns = ["event_id", "group", "n_articles", "n_outlets", "outlets"]
    return table.reset_index()[columns] if len(table) else pd.DataFrame(columns=columns)


def _event_groups(articles: pd.DataFrame, by: str, events: pd.DataFrame | None, caller: str) -> pd.DataFrame:
    """``event_id, group, outlet`` of the articles with an event and a ``by`` value."""
    require_articles(articles, ("article_id", "outlet", by), caller)
    frame = pd.DataFrame({"event_id": _event_ids(articles, events, caller).to_numpy(),
                          "group": articles[by].astype(object).to_numpy(), "outlet": articles["outlet"].to_numpy()})
    frame = frame[frame["event_id"].map(has_value) & frame["group"].map(has_value)]
    return frame.assign(group=frame["group"].astype(str))


def event_blindspots(articles: pd.DataFrame, by: str, events: pd.DataFrame | None = None, *,
                     min_share: float = MIN_SHARE, min_articles: int = MIN_EVENT_ARTICLES) -> pd.DataFrame:
    """One row per event: how its coverage splits between the groups of ``by`` (a blindspot
    list in the manner of Ground News and AllSides: stories one side covers and the other
    leaves out). Columns: ``event_id``, ``n_articles`` (articles with a group), ``n_outlets``,
    ``n_ungrouped`` (articles of the event with no value in ``by``), ``n_groups`` (groups with
    an article), ``top_group``, ``top_share`` (its share of the grouped articles),
    ``expected_share`` (that group's share of all grouped event articles of the corpus: the
    share it would have if coverage did not lean), ``missing`` (tuple: groups of the corpus
    with no article here), ``counts`` (tuple of ``(group, articles)``), ``kind``:

    - ``only``: one group has every grouped article, and there are ``min_articles`` or more;
    - ``mostly``: the top group has ``min_share`` or more of ``min_articles`` or more;
    - ``missing``: some group has none, with ``min_articles`` or more (an event covered by two
      of three sides);
    - ``""``: every group covered it, none with ``min_share``; or too few articles to say.

    Rows: ``only``, ``mostly``, ``missing``, then the rest, each by articles (most first),
    outlets, then event id."""
    if not 0 < min_share <= 1:
        raise SettingsError(f"event_blindspots: min_share must be in (0, 1], got {min_share!r}")
    if min_articles < 1:
        raise SettingsError(f"event_blindspots: min_articles must be 1 or more, got {min_articles!r}")
    coverage = _event_groups(articles, by, events, "event_blindspots").groupby(
        ["event_id", "group"]).size().rename("n_articles").reset_index()
    groups = sorted(coverage["group"].unique(), key=str.casefold)
    if len(groups) > MAX_BLINDSPOT_GROUPS:
        raise SettingsError(f"event_blindspots: {by!r} has {len(groups):,} values; a blindspot list compares a few groups "
                            f"(at most {MAX_BLINDSPOT_GROUPS}: leanings, countries), so group the outlets first "
                            "(an outlet table with a leaning column, --outlets FILE)")
    event_ids = _event_ids(articles, events, "event_blindspots")
    has_event = event_ids.map(has_value).to_numpy(bool)
    ungrouped = event_ids[has_event & ~articles[by].map(has_value).to_numpy(bool)].value_counts()
    outlets = pd.DataFrame({"event_id": event_ids[has_event], "outlet": articles["outlet"][has_event]}
                           ).groupby("event_id")["outlet"].nunique()
    wide = coverage.pivot_table(index="event_id", columns="group", values="n_articles", aggfunc="sum",
                                fill_value=0).reindex(columns=groups, fill_value=0)
    table = _blindspot_table(wide, groups, min_share, min_articles)
    table["n_outlets"] = outlets.reindex(table["event_id"]).fillna(0).astype(int).to_numpy()
    table["n_ungrouped"] = ungrouped.reindex(table["event_id"]).fillna(0).astype(int).to_numpy()
    rank = table["kind"].map({k: i for i, k in enumerate(BLINDSPOT_KINDS)})
    order = table.assign(_rank=rank, _neg=-table["n_articles"], _neg_outlets=-table["n_outlets"]).sort_values(
        ["_rank", "_neg", "_neg_outlets", "event_id"], kind="stable").index
    return table.loc[order].reset_index(drop=True)


def _blindspot_table(wide: pd.DataFrame, groups: list, min_share: float, min_articles: int) -> pd.DataFrame:
    """The blindspot columns of every event from its events x groups article counts."""
    counts = wide.to_numpy(np.int64)
    n = counts.sum(axis=1)
    top = counts.argmax(axis=1)  # ties: the group that sorts first
    share = counts[np.arange(len(counts)), top] / np.maximum(n, 1)
    present = counts > 0
    n_groups = present.sum(axis=1)
    totals = counts.sum(axis=0)
    expected = totals / max(totals.sum(), 1)
    enough, several = n >= min_articles, len(groups) > 1
    kind = np.select([enough & several & (n_groups == 1), enough & several & (share >= min_share),
                      enough & (n_groups < len(groups))], ["only", "mostly", "missing"], "")
    names = np.array(groups, dtype=object)
    return pd.DataFrame({
        "event_id": wide.index.to_numpy(object), "kind": kind, "top_group": names[top], "top_share": share,
        "expected_share": expected[top], "n_articles": n, "n_outlets": 0, "n_groups": n_groups,
        "missing": [tuple(names[~row]) for row in present],
        "counts": [tuple(zip(names[row], map(int, c[row]))) for row, c in zip(present, counts)],
        "n_ungrouped": 0})


def event_table(articles: pd.DataFrame, events: pd.DataFrame | None = None, *, by: str | None = None) -> pd.DataFrame:
    """One row per event, for a searchable, sortable list of hundreds of events: ``event_id``,
    ``title`` (the headline of its earliest article, or the corpus's ``event_title``), ``start``,
    ``end`` (first and last date of its dated articles, ISO as precise as known; None when
    none is dated), ``n_articles``, ``n_outlets``, ``outlets`` (names joined by ", ", sorted)
    and, with ``by``, ``groups`` ("left 2 · right 1": articles per value of that column). Rows
    by articles, then outlets (most first), then event id."""
    require_articles(articles, ("article_id", "outlet", "title"), "event_table")
    table = pd.DataFrame({"event_id": _event_ids(articles, events, "event_table").to_numpy(),
                          "outlet": articles["outlet"].astype(str).to_numpy(),
                          "title": articles["title"].astype(object).to_numpy(),
                          "date": articles["date"].astype(object).to_numpy() if "date" in articles else None})
    if "event_title" in articles:
        table["title"] = articles["event_title"].astype(object).where(articles["event_title"].notna(),
                                                                      articles["title"]).to_numpy()
    table = table[table["event_id"].map(has_value)]
    dated = table[table["date"].map(has_value)]
    ordered = table.assign(_date=table["date"].where(table["date"].map(has_value), "\uffff")).sort_values(
        ["event_id", "_date"], kind="stable")
    grouped = ordered.groupby("event_id", sort=False)
    names = table.drop_duplicates(["event_id", "outlet"])
    names = names.assign(_key=names["outlet"].str.casefold()).sort_values(["event_id", "_key"], kind="stable")
    out = pd.DataFrame({"title": grouped["title"].first(),
                        "start": dated.groupby("event_id")["date"].min(), "end": dated.groupby("event_id")["date"].max(),
                        "n_articles": grouped.size(), "n_outlets": grouped["outlet"].nunique(),
                        "outlets": names.groupby("event_id", sort=False)["outlet"].agg(", ".join)})
    if by is not None:
        counts = _event_groups(articles, by, events, "event_table").groupby(["event_id", "group"]).size().reset_index()
        counts = counts.assign(_key=counts["group"].str.casefold()).sort_values(["event_id", "_key"], kind="stable")
        counts["text"] = counts["group"] + " " + counts[0].astype(str)
        out["groups"] = counts.groupby("event_id", sort=False)["text"].agg(" · ".join)
    out = out.rename_axis("event_id").reset_index()
    out = out.assign(_a=-out["n_articles"], _o=-out["n_outlets"]).sort_values(["_a", "_o", "event_id"], kind="stable")
    out = out.drop(columns=["_a", "_o"]).reset_index(drop=True)
    for column in ("start", "end") + (("groups",) if by is not None else ()):
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def search_events(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows of an ``event_table`` whose id, title or outlets contain every word of
    ``query`` (case ignored), in the table's order; all rows for an empty query."""
    words = [w.casefold() for w in str(query).split()]
    if not words:
        return table
    text = (table["event_id"].astype(str) + " " + table["title"].astype(str) + " " + table["outlets"].astype(str)
            + (" " + table["groups"].astype(str) if "groups" in table else "")).str.casefold()
    mask = pd.Series(True, index=table.index)
    for word in words:
        mask &= text.str.contains(word, regex=False)
    return table[mask]
