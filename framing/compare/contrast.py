"""Where to start a lesson: the event that two outlets framed most differently, and the
sentence pairs that show it.

**Framing contrast** of two outlets in one event. Each outlet's framing words in its articles
of the event (``framing.compare.roles.framing_hits``; negated hits left out, as the scores
leave them out) are counted in cells ``(frame or naming set, pole or label, voice)``: the same
pole in the outlet's own words, in a quotation or in scare quotes are three cells, so
"legitimately" quoted from an official and "occupied territory" in the outlet's own voice
differ twice over. Each outlet's counts become shares, shrunk towards the two outlets' pooled
shares by a prior worth ``prior`` hits (a Dirichlet prior, as additive smoothing: Manning,
Raghavan & Schütze 2008, 13.2), so an article with two framing words cannot look as
different as one with twenty. The contrast is the total variation distance between the two
shrunk share vectors, ``1/2 * sum |p_a - p_b|``: the share of one outlet's framing that would
have to change to match the other's (0 alike, towards 1 nothing in common).

An event's contrast is that of its most contrasting pair of outlets; ``event_contrasts`` ranks
every pair of every event covered by two or more outlets, ``start_here`` picks the first and
returns its articles, the cells that differ most (what to tell the class) and the aligned
sentence pairs whose changed words are framing words (``framing.compare.align.align_event``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np
import pandas as pd

from framing.compare.align import align_event
from framing.compare.roles import framing_hits
from framing.errors import SettingsError
from framing.measure.analysis import Analysis

#: Hits of prior weight each outlet's shares are shrunk with (towards the pair's pooled shares).
PRIOR = 10.0
CELL = ("frame", "pole", "voice")
CONTRAST_COLUMNS = ("rank", "event_id", "outlet_a", "outlet_b", "articles_a", "articles_b", "hits_a", "hits_b",
                    "contrast")
DIFFERENCE_COLUMNS = ("frame", "pole", "voice", "hits_a", "hits_b", "share_a", "share_b", "difference")


@dataclass(frozen=True)
class StartHere:
    """The event to start with: the two outlets compared, one article of each (the one with
    the most framing words), their ``contrast``, the cells that differ most (``differences``:
    ``DIFFERENCE_COLUMNS``, largest first) and the aligned sentence pairs whose changes carry
    framing words (``pairs``: ``align.PAIR_COLUMNS``, best first)."""

    event_id: str
    outlet_a: str
    outlet_b: str
    article_a: str
    article_b: str
    contrast: float
    differences: pd.DataFrame
    pairs: pd.DataFrame


def _event_labels(analysis: Analysis, events: pd.DataFrame | None) -> pd.Series:
    """The event of every article (index: article id), from ``events`` or the articles' own."""
    articles = analysis.articles
    if events is not None:
        return events.set_index(events["article_id"].astype(str))["event_id"]
    if "event_id" not in articles.columns:
        raise SettingsError("the articles have no event_id: pass events=group_events(articles) "
                            "(framing.compare.events) to say which articles report the same event")
    return articles.set_index(articles["article_id"].astype(str))["event_id"]


def _multi_outlet_articles(analysis: Analysis, labels: pd.Series) -> pd.DataFrame:
    """article_id, outlet, event_id of the articles whose event two or more outlets covered."""
    articles = analysis.articles[["article_id", "outlet"]].astype(str)
    articles = articles.assign(event_id=articles["article_id"].map(labels).to_numpy())
    articles = articles[articles["event_id"].notna()]
    outlets = articles.groupby("event_id")["outlet"].nunique()
    return articles[articles["event_id"].isin(outlets.index[outlets >= 2])]


def _cell_counts(analysis: Analysis, articles: pd.DataFrame) -> pd.DataFrame:
    """Weighted framing hits per event, outlet and cell (negated hits left out)."""
    hits = analysis.hits[analysis.hits["article_id"].isin(articles["article_id"]).to_numpy(bool)]
    hits = framing_hits(hits[~hits["negated"].to_numpy(bool)])
    table = pd.DataFrame({c: hits[c].astype(str).to_numpy() for c in ("article_id", *CELL)})
    table["weight"] = hits["weight"].to_numpy(float)
    table = table.merge(articles, on="article_id")
    return table.groupby(["event_id", "outlet", *CELL], sort=True)["weight"].sum().reset_index()


def shrunk_shares(counts_a: np.ndarray, counts_b: np.ndarray, prior: float = PRIOR) -> tuple[np.ndarray, np.ndarray]:
    """Each side's shares over the same cells, shrunk towards the pooled shares by ``prior`` hits."""
    pooled = counts_a + counts_b
    total = pooled.sum()
    if total <= 0:
        return np.zeros_like(pooled), np.zeros_like(pooled)
    centre = pooled / total
    return ((counts_a + prior * centre) / (counts_a.sum() + prior),
            (counts_b + prior * centre) / (counts_b.sum() + prior))


def framing_contrast(counts_a: np.ndarray, counts_b: np.ndarray, prior: float = PRIOR) -> float:
    """Total variation distance between the two sides' shrunk shares (module doc)."""
    p_a, p_b = shrunk_shares(np.asarray(counts_a, float), np.asarray(counts_b, float), prior)
    return float(np.abs(p_a - p_b).sum() / 2)


def event_contrasts(analysis: Analysis, *, events: pd.DataFrame | None = None, prior: float = PRIOR) -> pd.DataFrame:
    """Every pair of outlets of every event two or more outlets covered, with its framing
    contrast (``CONTRAST_COLUMNS``), most contrasting first; ties: more framing words first,
    then event id. ``events`` (a ``group_events`` table) or the articles' ``event_id`` say
    which articles report the same event."""
    if prior < 0:
        raise SettingsError(f"prior must be 0 or more hits, got {prior!r}")
    articles = _multi_outlet_articles(analysis, _event_labels(analysis, events))
    counts = _cell_counts(analysis, articles)
    n_articles = articles.groupby(["event_id", "outlet"]).size()
    rows = []
    by_event = dict(tuple(counts.groupby("event_id", sort=False)))
    empty = counts.iloc[:0]
    for event_id, part in articles.groupby("event_id", sort=True):
        cells = by_event.get(event_id, empty)
        wide = cells.pivot_table(index="outlet", columns=list(CELL), values="weight", aggfunc="sum", fill_value=0.0)
        for outlet_a, outlet_b in combinations(sorted(part["outlet"].unique()), 2):
            a = wide.loc[outlet_a].to_numpy(float) if outlet_a in wide.index else np.zeros(wide.shape[1])
            b = wide.loc[outlet_b].to_numpy(float) if outlet_b in wide.index else np.zeros(wide.shape[1])
            rows.append({"event_id": event_id, "outlet_a": outlet_a, "outlet_b": outlet_b,
                         "articles_a": int(n_articles[(event_id, outlet_a)]),
                         "articles_b": int(n_articles[(event_id, outlet_b)]),
                         "hits_a": float(a.sum()), "hits_b": float(b.sum()),
                         "contrast": framing_contrast(a, b, prior) if a.size else 0.0})
    table = pd.DataFrame(rows, columns=[c for c in CONTRAST_COLUMNS if c != "rank"])
    table = table.assign(_hits=table["hits_a"] + table["hits_b"]).sort_values(
        ["contrast", "_hits", "event_id", "outlet_a", "outlet_b"], ascending=[False, False, True, True, True],
        ignore_index=True).drop(columns="_hits")
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    return table


def contrast_differences(analysis: Analysis, event_id: str, outlet_a: str, outlet_b: str, *,
                         events: pd.DataFrame | None = None, prior: float = PRIOR) -> pd.DataFrame:
    """The cells of two outlets' framing in one event, largest difference of shrunk shares
    first (``DIFFERENCE_COLUMNS``); the ``difference`` column sums to the contrast."""
    labels = _event_labels(analysis, events)
    articles = analysis.articles[["article_id", "outlet"]].astype(str)
    articles = articles.assign(event_id=articles["article_id"].map(labels).to_numpy())
    articles = articles[(articles["event_id"] == event_id) & articles["outlet"].isin([outlet_a, outlet_b])]
    cells = _cell_counts(analysis, articles)
    wide = cells.pivot_table(index="outlet", columns=list(CELL), values="weight", aggfunc="sum", fill_value=0.0)
    wide = wide.reindex([outlet_a, outlet_b], fill_value=0.0)
    a, b = wide.iloc[0].to_numpy(float), wide.iloc[1].to_numpy(float)
    p_a, p_b = shrunk_shares(a, b, prior)
    table = pd.DataFrame(list(wide.columns), columns=list(CELL)).assign(
        hits_a=a, hits_b=b, share_a=p_a, share_b=p_b, difference=np.abs(p_a - p_b) / 2)
    return table.sort_values(["difference", "frame", "pole", "voice"], ascending=[False, True, True, True],
                             ignore_index=True)[list(DIFFERENCE_COLUMNS)]


def _richest_article(analysis: Analysis, labels: pd.Series, event_id: str, outlet: str) -> str:
    """The outlet's article of the event with the most framing words (then the first by id)."""
    articles = analysis.articles
    members = set(labels.index[(labels == event_id).to_numpy(bool)])
    ids = articles.loc[(articles["outlet"].astype(str) == outlet).to_numpy(bool), "article_id"].astype(str)
    ids = sorted(i for i in ids if i in members)
    hits = analysis.hits[analysis.hits["article_id"].isin(ids).to_numpy(bool)]
    counts = framing_hits(hits)["article_id"].astype(str).value_counts()
    return max(ids, key=lambda i: (counts.get(i, 0), -ids.index(i)))


def start_here(analysis: Analysis, *, events: pd.DataFrame | None = None, prior: float = PRIOR,
               contrasts: pd.DataFrame | None = None, rank: int = 1) -> StartHere | None:
    """The pair of ``event_contrasts`` at ``rank`` (1: the most contrasting), with one article
    of each outlet, the cells that differ and the aligned sentence pairs whose changes carry
    framing words; None when no event was covered by two outlets."""
    contrasts = event_contrasts(analysis, events=events, prior=prior) if contrasts is None else contrasts
    if len(contrasts) < rank:
        return None
    top = contrasts.iloc[rank - 1]
    labels = _event_labels(analysis, events)
    article_a = _richest_article(analysis, labels, top["event_id"], top["outlet_a"])
    article_b = _richest_article(analysis, labels, top["event_id"], top["outlet_b"])
    return StartHere(event_id=str(top["event_id"]), outlet_a=str(top["outlet_a"]), outlet_b=str(top["outlet_b"]),
                     article_a=article_a, article_b=article_b, contrast=float(top["contrast"]),
                     differences=contrast_differences(analysis, top["event_id"], top["outlet_a"], top["outlet_b"],
                                                      events=events, prior=prior),
                     pairs=framing_pairs(analysis, top["event_id"], [article_a, article_b], events=events))


def top_picks(analysis: Analysis, n: int, *, contrasts: pd.DataFrame | None = None,
              events: pd.DataFrame | None = None, prior: float = PRIOR) -> list[StartHere]:
    """``start_here`` of the ``n`` most contrasting events, each with its most contrasting pair
    of outlets (the first row of ``contrasts`` for that event)."""
    contrasts = event_contrasts(analysis, events=events, prior=prior) if contrasts is None else contrasts
    first_rows = contrasts.drop_duplicates("event_id").head(n)
    picks = (start_here(analysis, events=events, prior=prior, contrasts=contrasts, rank=int(i) + 1)
             for i in first_rows.index)
    return [p for p in picks if p is not None]


def framing_pairs(analysis: Analysis, event_id: str, article_ids: list[str], *,
                  events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Aligned sentence pairs of some articles of one event whose changed words carry framing
    words, best first (``align_event`` on the framing hits only)."""
    chosen = analysis.articles[analysis.articles["article_id"].astype(str).isin(article_ids).to_numpy(bool)]
    framed = replace(analysis.subset(chosen, label=f"articles {sorted(article_ids)}"), key=f"{analysis.key}/framing")
    framed = replace(framed, hits=framing_hits(framed.hits))
    pairs = align_event(framed, event_id, events=events)
    marked = [bool(a or b) for a, b in zip(pairs["lexicon_terms_a"], pairs["lexicon_terms_b"])]
    return framing_first(pairs[marked])


def framing_first(pairs: pd.DataFrame) -> pd.DataFrame:
    """Aligned pairs with those whose changed words carry more framing words first (then as
    ``align_event`` ranked them), renumbered from 1."""
    if pairs.empty:
        return pairs.reset_index(drop=True)
    marked = [len(a) + len(b) for a, b in zip(pairs["lexicon_terms_a"], pairs["lexicon_terms_b"])]
    ordered = pairs.assign(_marked=marked).sort_values(["_marked", "pair_id"], ascending=[False, True], kind="stable")
    return ordered.drop(columns="_marked").assign(pair_id=range(1, len(pairs) + 1)).reset_index(drop=True)
