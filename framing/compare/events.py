"""Same-event grouping: which articles report the same event, and which outlet covered which.

Similarity. TF-IDF (sublinear tf) of Snowball stems without stop words, of the title and of
the first ``lead_words`` words of the body (headline and lead state the event; the rest of a
long article drifts into background shared with every story on the topic). Title and lead are
unit vectors in one vocabulary, mixed as ``title_weight * title + (1 - title_weight) * lead``
and renormalised: the cosine of two articles also counts a name that one has in its headline,
the other only in its lead ("Aukus"). Kept as two blocks, such matches were lost (ARI on the
AllSides roundups at best 0.894; one vocabulary 0.912, bench/bench_events.py).

Dates. A date is an interval (``framing.corpus.dates.date_interval``): ``2019-03-18`` is one day,
``2019-03`` is 1-31 March 2019, ``2019`` the whole year. The gap between two articles is the
gap between their intervals (0 when they overlap). Pairs more than ``window_days`` apart are
never linked; closer pairs have their similarity multiplied by ``day_decay`` per day of gap
(time-decayed similarity as in Yang, Pierce & Carbonell 1998, "A study of retrospective and
on-line event detection"), except for a *lone report*: a pair at least ``lone_ratio`` times
as similar as the closest same-day match (dates overlapping) of one of its two articles keeps
its full similarity within the window. That article has no comparable company on its day: a
late report of an event, or a comment on it, joins the event days later; the next development
of a story, reported by several outlets on its own day, has close same-day matches and keeps
the decay. A decay alone could not tell them apart: softened to 0.7 a day it grouped more of
the multi-day reports but cut the ARI on the AllSides roundups from 0.912 to 0.840 (merging
each story's consecutive roundups); the lone-report rule keeps 0.909 and raises it with real
publication dates from 0.826 to 0.843 (bench/README.md, "multi-day coverage").

An article with no date links only to a near-duplicate: the mean of its title cosine and its
lead cosine with the other article is at least ``unknown_date_threshold`` (``None`` leaves
every undated article alone). Without a date topical similarity says too little, and a
template shared by the leads alone (a newsletter's standard opening) must not make a copy.

Opinion. Opinion pieces are grouped like reports: a column on an event, published a day or two
later, is usually a lone report and joins the event. ``opinion_flags`` (``framing.compare.opinion``)
marks them (the address, title, opening words or outlet name say "opinion", "op-ed", "column",
"editorial"...) so that a comparison can keep or leave them out. On the AllSides roundups it finds 86 of the 140 pieces
AllSides tags OPINION (the others come from opinion outlets whose addresses and titles say
nothing, such as National Review) and 1 it tags ANALYSIS (a National Review "Corner" post).

Grouping. Sparse average linkage (Sokal & Michener 1958, UPGMA): groups merge, most similar
first, while the mean similarity over *all* pairs of their articles is at least ``threshold``;
pairs that are not linked (too far apart, or below ``EDGE_FLOOR * threshold``) count as 0, so
one strong pair cannot chain two stories into one event (as connected components would).

Scale. Sparse products block by block in date order, each block against the articles its
window reaches (no dense n x n matrix); the pairs at or above the floor are kept until every
article's closest same-day match is known (about 500,000 for 33,000 dated articles), then each
article keeps its ``max_neighbours`` best candidates.

Comparing a grouping with a reference one, and coverage per outlet: ``framing.compare.coverage``.
"""
from __future__ import annotations

import heapq
import re
from functools import lru_cache

import numpy as np
import pandas as pd
import scipy.sparse as sp
from nltk.stem.snowball import SnowballStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from framing.corpus.dates import article_intervals, day_iso
from framing.errors import CorpusError, SettingsError
from framing.settings import EventSettings
from framing.text.tokenize import TOKEN_PATTERN

#: The default settings (``framing.settings.EventSettings``).
DEFAULTS = EventSettings()
#: Pairs below ``EDGE_FLOOR * threshold`` are not stored and count as 0 in group averages.
EDGE_FLOOR = 0.5
#: Block rows x candidate articles per sparse product (bounds peak memory).
PAIR_BUDGET = 2_000_000

EVENT_COLUMNS = ("article_id", "event_id", "event_source", "event_size", "event_start",
                 "event_end", "cohesion")
_WORD = re.compile(TOKEN_PATTERN)
_STEMMER = SnowballStemmer("english")


# ----------------------------------------------------------------------------- vectors
@lru_cache(maxsize=1 << 18)
def _stem(word: str) -> str:
    return _STEMMER.stem(word)


def event_terms(text: str) -> list[str]:
    """The terms grouping compares: lowercased words (``TOKEN_PATTERN``) without English stop
    words, Snowball-stemmed (Porter 1980) so "vaccine"/"vaccines"/"vaccinated" agree."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return [_stem(w) for w in words if w not in ENGLISH_STOP_WORDS]


def lead(text: str, words: int | None) -> str:
    """The first ``words`` words of ``text`` (all of it when None or shorter)."""
    if words is None:
        return text
    for count, match in enumerate(_WORD.finditer(text), start=1):
        if count == words:
            return text[:match.end()]
    return text


def title_lead_vectors(articles: pd.DataFrame, *, lead_words: int | None = DEFAULTS.lead_words):
    """Unit TF-IDF rows of the titles and of the leads, in one vocabulary (sublinear tf)."""
    titles = articles["title"].fillna("").astype(str).tolist()
    bodies = [lead(b, lead_words) for b in articles["body"].fillna("").astype(str)]
    vectorizer = TfidfVectorizer(analyzer=event_terms, sublinear_tf=True, dtype=np.float32)
    try:
        both = normalize(vectorizer.fit_transform(titles + bodies), copy=False)
    except ValueError:  # empty vocabulary: nothing to compare
        both = sp.csr_matrix((2 * len(articles), 1), dtype=np.float32)
    return both[:len(articles)], both[len(articles):]


def article_vectors(articles: pd.DataFrame, *, title_weight: float = DEFAULTS.title_weight,
                    lead_words: int | None = DEFAULTS.lead_words) -> sp.csr_matrix:
    """Unit-length rows whose dot products are the grouping similarity (see module doc)."""
    titles, leads = title_lead_vectors(articles, lead_words=lead_words)
    return normalize(title_weight * titles + (1 - title_weight) * leads, copy=False)


def duplicate_vectors(titles: sp.csr_matrix, leads: sp.csr_matrix) -> sp.csr_matrix:
    """Rows whose dot products are the mean of the title and the lead cosines: what decides
    near-duplicates (an undated article's links); a template shared by leads gives 0.5."""
    return normalize(sp.hstack([titles, leads]).tocsr(), copy=False)


# ----------------------------------------------------------------------------- candidate pairs
def _top_k(rows: np.ndarray, cols: np.ndarray, sims: np.ndarray, k: int):
    order = np.lexsort((cols, -sims, rows))
    rows, cols, sims = rows[order], cols[order], sims[order]
    first = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
    rank = np.arange(len(rows)) - np.repeat(first, np.diff(np.r_[first, len(rows)]))
    keep = rank < k
    return rows[keep], cols[keep], sims[keep]


def _block_pairs(X, block, cands, start, end, *, floor, window):
    """Pairs (block article, candidate) whose dates are within ``window`` days (any date when
    None) and whose similarity is at least ``floor``, with their day gaps; and, per block
    article, its best similarity to another article of the same day (0 when none)."""
    product = (X[block] @ X[cands].T).tocoo()
    rows, cols, sims = block[product.row], cands[product.col], product.data.astype(float)
    keep = rows != cols
    gap = np.zeros(len(rows))
    best_same_day = np.zeros(len(block))
    if window is not None:
        gap = np.maximum(0, np.maximum(start[rows], start[cols]) - np.minimum(end[rows], end[cols]))
        keep &= gap <= window
        same_day = keep & (gap == 0)
        np.maximum.at(best_same_day, product.row[same_day], sims[same_day])
    keep &= sims >= floor
    return rows[keep], cols[keep], sims[keep], gap[keep], best_same_day


def day_penalty(sims, gaps, best_a, best_b, *, day_decay, lone_ratio):
    """Similarities times ``day_decay`` per day of gap, except lone reports (module doc): a pair
    at least ``lone_ratio`` times as similar as the closest same-day match of one of its
    articles (``best_a``, ``best_b``) keeps its similarity. ``lone_ratio`` None: no exception."""
    decayed = sims * day_decay ** gaps
    if lone_ratio is None:
        return decayed
    lone = sims >= lone_ratio * np.minimum(best_a, best_b)
    return np.where(lone, sims, decayed)


def _dated_blocks(start, end, window):
    """(block, candidates) index pairs covering every dated article, in date order."""
    dated = np.flatnonzero(~np.isnan(start))
    order = dated[np.argsort(start[dated], kind="stable")]
    sorted_start = start[order]
    pos, size = 0, 512
    while pos < len(order):
        block = order[pos:pos + size]
        reach = np.searchsorted(sorted_start, end[block].max() + window, side="right")
        cands = order[:reach][end[order[:reach]] >= start[block].min() - window]
        if len(block) > 1 and len(block) * len(cands) > PAIR_BUDGET:
            size = max(1, min(len(block) - 1, PAIR_BUDGET // max(len(cands), 1)))
            continue
        yield block, cands
        pos += len(block)
        size = 512


def _dated_pairs(X, start, end, *, window_days, floor, k, day_decay, lone_ratio):
    """Candidate pairs among dated articles: every pair within the window at or above ``floor``
    is scored (the closest same-day match of each article comes with the same products), then
    day-penalised, floored again and cut to each article's ``k`` best."""
    found, best = [], np.zeros(X.shape[0])
    for block, cands in _dated_blocks(start, end, window_days):
        rows, cols, sims, gaps, best_same_day = _block_pairs(X, block, cands, start, end,
                                                             floor=floor, window=window_days)
        best[block] = best_same_day
        found.append((rows, cols, sims, gaps))
    if not found:
        return np.array([], int), np.array([], int), np.array([], float)
    rows, cols, sims, gaps = (np.concatenate(parts) for parts in zip(*found))
    sims = day_penalty(sims, gaps, best[rows], best[cols], day_decay=day_decay, lone_ratio=lone_ratio)
    keep = sims >= floor
    return _top_k(rows[keep], cols[keep], sims[keep], k)


def similarity_pairs(X, start, end, *, window_days, floor, unknown_floor, k, day_decay=1.0, duplicates=None,
                     lone_ratio=None):
    """Sparse graph of candidate pairs ``(i, j, similarity)`` with ``i < j``; pairs with an
    undated article are scored on ``duplicates`` (rows like ``X``'s) when given."""
    found = [_dated_pairs(X, start, end, window_days=window_days, floor=floor, k=k, day_decay=day_decay,
                          lone_ratio=lone_ratio)]
    undated = np.flatnonzero(np.isnan(start))
    if unknown_floor is not None and len(undated):
        everyone = np.arange(X.shape[0])
        step = max(1, PAIR_BUDGET // max(len(everyone), 1))
        for pos in range(0, len(undated), step):
            block = undated[pos:pos + step]
            rows, cols, sims, _, _ = _block_pairs(X if duplicates is None else duplicates, block, everyone, start, end,
                                                  floor=unknown_floor, window=None)
            found.append(_top_k(rows, cols, sims, k))
    rows = np.concatenate([f[0] for f in found])
    cols = np.concatenate([f[1] for f in found])
    sims = np.concatenate([f[2] for f in found]).astype(float)
    if len(rows) == 0:
        return np.array([], int), np.array([], int), np.array([], float)
    lo, hi = np.minimum(rows, cols), np.maximum(rows, cols)
    _, first = np.unique(lo.astype(np.int64) * X.shape[0] + hi, return_index=True)
    return lo[first], hi[first], sims[first]


# ----------------------------------------------------------------------------- linkage
def average_linkage(n: int, i, j, sims, *, threshold: float) -> tuple[list[list[int]], list[float]]:
    """Groups of ``range(n)`` by average linkage on a sparse similarity graph (absent pairs
    count as 0), merging while the best mean similarity is at least ``threshold``. Returns the
    groups and each group's mean pairwise similarity (NaN for a single article)."""
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, s in zip(np.asarray(i).tolist(), np.asarray(j).tolist(), np.asarray(sims).tolist()):
        links[a][b] = links[b][a] = s
    size, within = [1] * n, [0.0] * n
    members = [[a] for a in range(n)]
    heap = [(-s, a, b) for a in range(n) for b, s in links[a].items() if a < b and s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        total = links[a].get(b)
        if total is None or total / (size[a] * size[b]) != -neg:
            continue  # stale entry: a or b merged since it was pushed
        keep, gone = (a, b) if len(links[a]) >= len(links[b]) else (b, a)
        del links[keep][gone], links[gone][keep]
        for c, s in links[gone].items():
            links[keep][c] = links[c][keep] = links[keep].get(c, 0.0) + s
            del links[c][gone]
        links[gone] = {}
        size[keep] += size[gone]
        within[keep] += within[gone] + total
        members[keep] += members[gone]
        members[gone] = []
        for c, s in links[keep].items():
            mean = s / (size[keep] * size[c])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(keep, c), max(keep, c)))
    roots = [r for r in range(n) if members[r]]
    groups = [sorted(members[r]) for r in roots]
    cohesion = [within[r] / (size[r] * (size[r] - 1) / 2) if size[r] > 1 else np.nan for r in roots]
    return groups, cohesion


# ----------------------------------------------------------------------------- public API
def require_articles(articles: pd.DataFrame, columns: tuple[str, ...], what: str) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise CorpusError(f"{what}: expected the articles table (a pandas DataFrame), got {type(articles).__name__}")
    missing = [c for c in columns if c not in articles.columns]
    if missing:
        raise CorpusError(f"{what}: the articles table has no column {', '.join(map(repr, missing))}; "
                          f"expected the columns of docs/data-model.md (articles), as made by corpus_frame")
    duplicated = articles["article_id"][articles["article_id"].duplicated()]
    if len(duplicated):
        raise CorpusError(f"{what}: article_id {duplicated.iloc[0]!r} appears more than once; ids must be unique")


def has_value(value) -> bool:
    return value is not None and not (not isinstance(value, str) and pd.isna(value)) and str(value) != ""


def group_events(articles: pd.DataFrame, settings: EventSettings | None = None, *,
                 min_size: int = 1) -> pd.DataFrame:
    """One row per article of the articles table, in its order, with the event it reports
    (columns ``EVENT_COLUMNS``, documented in docs/data-model.md "events"). With
    ``settings.use_existing``, an article whose ``event_id`` is set keeps it (``event_source``
    "existing"); the others are grouped as the module doc says (``event_source`` "grouped").
    Grouped events smaller than ``min_size`` get ``event_id`` None. Ids are "E0001",
    "E0002"... by earliest date (undated last), then first article id; they never reuse an
    existing id."""
    require_articles(articles, ("article_id", "title", "body", "date"), "group_events")
    settings = settings or EventSettings()
    use_existing = settings.use_existing
    if min_size < 1:
        raise SettingsError(f"events: min_size must be 1 or more, got {min_size!r}")
    start, end = article_intervals(articles)
    ids = articles["article_id"].astype(str).to_numpy()
    existing = (articles["event_id"].map(has_value).to_numpy(bool)
                if use_existing and "event_id" in articles else np.zeros(len(articles), bool))
    todo = np.flatnonzero(~existing)
    groups, cohesion = _group(articles.iloc[todo], start[todo], end[todo], settings)
    groups = [todo[g] for g in groups]
    order = sorted(range(len(groups)), key=lambda g: (_earliest(start[groups[g]]), min(ids[groups[g]])))
    taken = set(articles.loc[existing, "event_id"].astype(str)) if existing.any() else set()
    names = _event_names(len(groups), taken)
    event_id = np.full(len(ids), None, dtype=object)
    size, cohesion_of = np.ones(len(ids), dtype=int), np.full(len(ids), np.nan)
    for rank, g in enumerate(order):
        rows = groups[g]
        event_id[rows] = names[rank] if len(rows) >= min_size else None
        size[rows], cohesion_of[rows] = len(rows), cohesion[g]
    if existing.any():
        labels = articles["event_id"].astype(object).to_numpy()[existing]
        event_id[existing] = labels
        size[existing] = pd.Series(labels).map(pd.Series(labels).value_counts()).to_numpy()
    out = pd.DataFrame({"article_id": ids, "event_id": event_id,
                        "event_source": np.where(existing, "existing", "grouped"), "event_size": size})
    _fill_event_dates(out, start, end)
    out["cohesion"] = cohesion_of
    return out


def _group(articles, start, end, settings: EventSettings):
    if len(articles) == 0:
        return [], []
    titles, leads = title_lead_vectors(articles, lead_words=settings.lead_words)
    X = normalize(settings.title_weight * titles + (1 - settings.title_weight) * leads, copy=False)
    i, j, sims = similarity_pairs(X, start, end, window_days=settings.window_days,
                                  floor=EDGE_FLOOR * settings.threshold, day_decay=settings.day_decay,
                                  lone_ratio=settings.lone_ratio,
                                  unknown_floor=settings.unknown_date_threshold, k=settings.max_neighbours,
                                  duplicates=duplicate_vectors(titles, leads) if np.isnan(start).any() else None)
    groups, cohesion = average_linkage(len(articles), i, j, sims, threshold=settings.threshold)
    return [np.asarray(g, dtype=int) for g in groups], cohesion


def _earliest(starts: np.ndarray) -> float:
    dated = starts[~np.isnan(starts)]
    return float(dated.min()) if len(dated) else np.inf


def _event_names(count: int, taken: set[str]) -> list[str]:
    width = max(4, len(str(count)))
    names: list[str] = []
    index = 0
    while len(names) < count:
        index += 1
        name = f"E{index:0{width}d}"
        if name not in taken:
            names.append(name)
    return names


def _fill_event_dates(out: pd.DataFrame, start: np.ndarray, end: np.ndarray) -> None:
    """``event_start``/``event_end``: first and last day the event's dated articles can mean."""
    key = out["event_id"].where(out["event_id"].notna(), "\0" + out["article_id"])
    frame = pd.DataFrame({"key": key, "start": start, "end": end})
    spans = frame.groupby("key", sort=False).agg(first=("start", "min"), last=("end", "max"))
    out["event_start"] = [day_iso(d) for d in key.map(spans["first"])]
    out["event_end"] = [day_iso(d) for d in key.map(spans["last"])]


def with_events(articles: pd.DataFrame, settings: EventSettings | None = None) -> pd.DataFrame:
    """A copy of the articles table whose ``event_id`` is filled by ``group_events`` (existing
    ids kept unless ``settings.use_existing`` is False), ready for per-event scores."""
    events = group_events(articles, settings)
    out = articles.copy()
    out["event_id"] = events["event_id"].to_numpy()
    return out
