"""A lesson on framing from any corpus, as the dashboard's classroom mode gives it: the events
two outlets framed most differently (``framing.compare.contrast``), read with every outlet
hidden as a letter (``framing.present.anonymise``), and paragraphs for a class to guess from.

``prepare_lesson(analysis)`` cuts the lesson's articles out of the corpus: every article of the
``top_events`` most contrasting events, and the article with the most framing words of each of
the ``guess_outlets`` outlets with the most articles (so a guessing game meets many outlets).
It hides the outlets with the letters of the whole corpus (the key names every outlet, and an
outlet only named in a text is masked too) and picks the same events again in letters. The
corpus is never anonymised whole: a lesson reads a few dozen articles however large it is.

``guess_paragraphs(analysis)`` lists paragraphs (the lines of a body) with enough framing words,
each with its stance on the axis it uses most: the weighted framing words of either pole.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.compare.contrast import StartHere, event_contrasts, start_here, top_picks
from framing.compare.roles import framing_hits
from framing.errors import SettingsError
from framing.measure.analysis import Analysis
from framing.present.anonymise import Anonymised, anonymise

TOP_EVENTS = 5
GUESS_OUTLETS = 26
PARAGRAPH_COLUMNS = ("article_id", "outlet", "title", "start", "end", "n_words", "n_framing", "axis", "pole_a",
                     "pole_b", "weight_a", "weight_b", "leans")


@dataclass(frozen=True)
class Lesson:
    """The lesson's articles with outlets hidden (``hidden``), the most contrasting events
    picked in letters (``picks``, most contrasting first) and the size of the whole corpus:
    ``n_outlets``, ``n_articles`` and ``n_events`` (events reported by two or more outlets)."""

    hidden: Anonymised
    picks: tuple[StartHere, ...]
    n_outlets: int
    n_articles: int
    n_events: int

    @property
    def analysis(self) -> Analysis:
        return self.hidden.analysis

    def key(self) -> dict[str, str]:
        """``{label: outlet}`` of every outlet of the corpus, A first."""
        return dict(sorted(self.hidden.reveal().items(), key=lambda item: (len(item[0]), item[0])))


def _largest_outlets(articles: pd.DataFrame, n: int) -> list[str]:
    counts = articles["outlet"].astype(str).value_counts()
    return [o for o, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]]


def richest_articles(analysis: Analysis, outlets: list[str]) -> list[str]:
    """The article with the most framing words of each of ``outlets`` (the first by id on ties)."""
    counts = framing_hits(analysis.hits)["article_id"].astype(str).value_counts()
    articles = analysis.articles[["article_id", "outlet"]].astype(str)
    articles = articles[articles["outlet"].isin(outlets).to_numpy(bool)]
    articles = articles.assign(n=articles["article_id"].map(counts).fillna(0).to_numpy(float))
    ordered = articles.sort_values(["outlet", "n", "article_id"], ascending=[True, False, True])
    return ordered.drop_duplicates("outlet")["article_id"].tolist()


def prepare_lesson(analysis: Analysis, *, top_events: int = TOP_EVENTS, guess_outlets: int = GUESS_OUTLETS) -> Lesson:
    """The lesson of ``analysis`` (module doc); its articles must carry an ``event_id``
    (``framing.compare.events.with_events``)."""
    articles = analysis.articles
    if "event_id" not in articles.columns:
        raise SettingsError("a lesson needs the articles' events: group them first "
                            "(framing.compare.events.with_events)")
    picks = top_picks(analysis, top_events, contrasts=event_contrasts(analysis))
    picked = articles["event_id"].astype(str).isin({p.event_id for p in picks}).to_numpy(bool)
    wanted = set(articles.loc[picked, "article_id"].astype(str))
    wanted |= set(richest_articles(analysis, _largest_outlets(articles, guess_outlets)))
    chosen = articles[articles["article_id"].astype(str).isin(wanted).to_numpy(bool)]
    hidden = anonymise(analysis.subset(chosen, label="lesson"), order=[o for p in picks for o in (p.outlet_a, p.outlet_b)],
                       corpus_articles=articles[[c for c in ("outlet", "url") if c in articles.columns]])
    covered = articles.groupby(articles["event_id"].astype(str))["outlet"].nunique()
    return Lesson(hidden, _in_letters(hidden, picks), n_outlets=int(articles["outlet"].nunique()),
                  n_articles=len(articles), n_events=int((covered >= 2).sum()))


def _in_letters(hidden: Anonymised, picks: list[StartHere]) -> tuple[StartHere, ...]:
    """The same picks (event and pair of outlets) read from the hidden analysis."""
    contrasts = event_contrasts(hidden.analysis)
    pairs = [frozenset(p) for p in zip(contrasts["outlet_a"], contrasts["outlet_b"])]
    found = []
    for pick in picks:
        pair = frozenset((hidden.labels[pick.outlet_a], hidden.labels[pick.outlet_b]))
        rows = np.flatnonzero((contrasts["event_id"] == pick.event_id).to_numpy(bool) & np.array([p == pair for p in pairs]))
        if len(rows):
            found.append(start_here(hidden.analysis, contrasts=contrasts, rank=int(rows[0]) + 1))
    return tuple(p for p in found if p is not None)


def _lines(body: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line of ``body``, spaces around it left out."""
    spans, at = [], 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            start = at + line.index(stripped)
            spans.append((start, start + len(stripped)))
        at += len(line) + 1
    return spans


def _axes(analysis: Analysis) -> dict[str, tuple[str, str]]:
    return {f.name: (f.poles[0].name, f.poles[1].name) for lex in analysis.lexicons for f in lex.frames
            if len(f.poles) == 2}


def _stance(hits: pd.DataFrame, axes: dict[str, tuple[str, str]]) -> dict:
    """The axis with the most weighted framing words among ``hits`` and the weight of each pole."""
    on_axis = hits[hits["frame"].isin(list(axes)).to_numpy(bool)]
    if on_axis.empty:
        return {"axis": None, "pole_a": None, "pole_b": None, "weight_a": 0.0, "weight_b": 0.0, "leans": None}
    totals = on_axis.groupby("frame")["weight"].sum()
    axis = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[0][0]
    pole_a, pole_b = axes[axis]
    weights = on_axis[on_axis["frame"] == axis].groupby("pole")["weight"].sum()
    weight_a, weight_b = float(weights.get(pole_a, 0.0)), float(weights.get(pole_b, 0.0))
    leans = pole_a if weight_a > weight_b else pole_b if weight_b > weight_a else None
    return {"axis": axis, "pole_a": pole_a, "pole_b": pole_b, "weight_a": weight_a, "weight_b": weight_b,
            "leans": leans}


def guess_paragraphs(analysis: Analysis, *, min_framing: int = 3, max_words: int = 160) -> pd.DataFrame:
    """Paragraphs with at least ``min_framing`` framing words (negated ones not counted) and at
    most ``max_words`` words (``PARAGRAPH_COLUMNS``; offsets into the body), taken from each
    outlet in turn, the richest first; ``axis`` is the two-pole frame the paragraph uses most
    (None when it uses none), ``weight_a``/``weight_b`` its weighted words of either pole and
    ``leans`` the pole with more (None when even)."""
    hits = framing_hits(analysis.hits)
    hits = hits[~hits["negated"].to_numpy(bool)]
    table = pd.DataFrame({"article_id": hits["article_id"].astype(str).to_numpy(),
                          "start": hits["start"].to_numpy(np.int64), "end": hits["end"].to_numpy(np.int64),
                          "frame": hits["frame"].astype(str).to_numpy(), "pole": hits["pole"].astype(str).to_numpy(),
                          "weight": hits["weight"].to_numpy(float)})
    by_article = dict(tuple(table.groupby("article_id", sort=False)))
    axes, rows = _axes(analysis), []
    for article_id, outlet, title, body in analysis.articles[["article_id", "outlet", "title", "body"]].astype(str) \
            .itertuples(index=False):
        mine = by_article.get(article_id)
        if mine is None:
            continue
        for start, end in _lines(body):
            inside = mine[(mine["start"] >= start).to_numpy(bool) & (mine["end"] <= end).to_numpy(bool)]
            n_words = len(body[start:end].split())
            if len(inside) >= min_framing and n_words <= max_words:
                rows.append({"article_id": article_id, "outlet": outlet, "title": title, "start": start, "end": end,
                             "n_words": n_words, "n_framing": len(inside), **_stance(inside, axes)})
    found = pd.DataFrame(rows, columns=list(PARAGRAPH_COLUMNS))
    found = found.sort_values(["outlet", "n_framing", "article_id", "start"], ascending=[True, False, True, True])
    found = found.assign(_turn=found.groupby("outlet", sort=False).cumcount())
    return found.sort_values(["_turn", "n_framing", "outlet"], ascending=[True, False, True], kind="stable") \
        .drop(columns="_turn").reset_index(drop=True)


def stance_paragraphs(paragraphs: pd.DataFrame, *, min_words: int = 2) -> pd.DataFrame:
    """The rows of ``guess_paragraphs`` that lean to one pole with at least ``min_words``
    weighted words of their axis, the clearest lean first (then in their order)."""
    leaning = paragraphs[paragraphs["leans"].notna().to_numpy(bool)
                         & ((paragraphs["weight_a"] + paragraphs["weight_b"]) >= min_words).to_numpy(bool)]
    margin = (leaning["weight_a"] - leaning["weight_b"]).abs()
    return leaning.assign(_margin=margin).sort_values("_margin", ascending=False, kind="stable") \
        .drop(columns="_margin").reset_index(drop=True)


def paragraph_hits(analysis: Analysis, paragraph) -> tuple[str, pd.DataFrame]:
    """The text of one row of ``guess_paragraphs`` and its framing hits, offsets moved into it."""
    articles = analysis.articles
    body = str(articles.loc[(articles["article_id"].astype(str) == paragraph.article_id).to_numpy(bool), "body"].iloc[0])
    hits = framing_hits(analysis.hits)
    inside = hits[(hits["article_id"].astype(str) == paragraph.article_id).to_numpy(bool)
                  & (hits["start"] >= paragraph.start).to_numpy(bool) & (hits["end"] <= paragraph.end).to_numpy(bool)]
    moved = inside.assign(start=inside["start"] - paragraph.start, end=inside["end"] - paragraph.start)
    return body[paragraph.start:paragraph.end], moved
