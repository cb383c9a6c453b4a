"""Which articles a view rests on: the filters of the dashboard as pure functions of the
analysis tables (no Streamlit here, so tests reach them directly).

A filter never edits a table in place; it returns the articles (and their hits and
sentences) kept. Partial dates (``2019-03``) cover every day they could mean, so a filter
from 15 March keeps an article dated March 2019; undated articles are kept only on request.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from framing.corpus.dates import EPOCH, date_interval, parse_date


@dataclass(frozen=True)
class ArticleFilter:
    """``event``: keep one event's articles; ``date_from``/``date_to``: ISO days (inclusive);
    ``keep_undated``: keep articles without a date when a date range is set."""

    event: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    keep_undated: bool = True

    @property
    def is_empty(self) -> bool:
        return not (self.event or self.date_from or self.date_to)


def _day_number(iso: str | None) -> int | None:
    day = parse_day(iso)
    return None if day is None else (day - EPOCH).days


def _date_mask(articles: pd.DataFrame, date_from: str | None, date_to: str | None, keep_undated: bool) -> pd.Series:
    lo, hi = _day_number(date_from), _day_number(date_to)
    keep = []
    for date, precision in zip(articles["date"], articles.get("date_precision", pd.Series(None, index=articles.index))):
        interval = date_interval(date, precision) if isinstance(date, str) and date else None
        if interval is None:
            keep.append(keep_undated)
            continue
        start, end = interval
        keep.append((lo is None or end >= lo) and (hi is None or start <= hi))
    return pd.Series(keep, index=articles.index, dtype=bool)


def filter_articles(articles: pd.DataFrame, flt: ArticleFilter) -> pd.DataFrame:
    """The rows of ``articles`` the filter keeps (same columns, original order)."""
    mask = pd.Series(True, index=articles.index)
    if flt.event:
        mask &= articles["event_id"].astype(object).eq(flt.event)
    if flt.date_from or flt.date_to:
        mask &= _date_mask(articles, flt.date_from, flt.date_to, flt.keep_undated)
    return articles[mask]


def date_bounds(articles: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest day the dated articles may fall on (None when none is dated)."""
    days = [date_interval(d, p) for d, p in zip(articles["date"], articles["date_precision"])
            if isinstance(d, str) and d]
    days = [d for d in days if d is not None]
    if not days:
        return None
    lo, hi = min(d[0] for d in days), max(d[1] for d in days)
    return EPOCH + dt.timedelta(days=lo), EPOCH + dt.timedelta(days=hi)


def parse_day(value: str | None) -> dt.date | None:
    """An ISO day from the URL (``2019-03-18``), or None when it is not one."""
    if not value:
        return None
    parsed = parse_date(str(value))
    if parsed.precision != "day" or not parsed.value:
        return None
    return dt.date.fromisoformat(parsed.value)


def event_labels(articles: pd.DataFrame, *, width: int = 70) -> dict[str, str]:
    """A one-line label for every event: id, size, outlets and its first headline."""
    rows = articles.dropna(subset=["event_id"])
    grouped = rows.groupby(rows["event_id"].astype(str), sort=False)
    summary = pd.DataFrame({"size": grouped.size(), "outlets": grouped["outlet"].nunique(),
                            "title": grouped["title"].first().astype(str)})
    titles = [t if len(t) <= width else t[: width - 1] + "…" for t in summary["title"]]
    return {event: f"{event} · {_count(size, 'article')}, {_count(outlets, 'outlet')} · {title}"
            for event, size, outlets, title in zip(summary.index, summary["size"], summary["outlets"], titles)}


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def articles_of(articles: pd.DataFrame, *, outlet: str | None = None, event: str | None = None) -> pd.DataFrame:
    """One outlet's or one event's articles, dated ones first (newest first), then by title."""
    rows = articles
    if outlet is not None:
        rows = rows[rows["outlet"].astype(str) == outlet]
    if event is not None:
        rows = rows[rows["event_id"].astype(object).eq(event)]
    return rows.sort_values(["date", "title"], ascending=[False, True], na_position="last", kind="stable")


def hits_of(hits: pd.DataFrame, article_id: str, *, kinds: tuple[str, ...] = ("frame", "naming", "actor"),
            lexicon: str | None = None, role: str | None = None) -> pd.DataFrame:
    """The hits of one article, of the given kinds (and of one lexicon and one role, when given)."""
    mask = (hits["article_id"] == article_id) & hits["kind"].isin(list(kinds))
    if lexicon is not None:
        mask &= hits["lexicon"] == lexicon
    if role is not None:
        mask &= hits["role"] == role
    return hits[mask]


def naming_table(shares: pd.DataFrame, *, naming_set: str, voice: str) -> pd.DataFrame:
    """One naming set's label shares per outlet, for reading: outlets that name it only."""
    rows = shares[(shares["naming_set"] == naming_set) & (shares["voice"] == voice) & (shares["total"] > 0)]
    columns = ["group", "label", "count", "total", "share", "ci_low", "ci_high", "n_articles", "low_support"]
    return rows[[c for c in columns if c in rows]].reset_index(drop=True)


def multi_outlet_events(articles: pd.DataFrame) -> list[str]:
    """Events reported by two or more outlets, the most widely covered first."""
    rows = articles.dropna(subset=["event_id"])
    counts = rows.groupby("event_id")["outlet"].nunique()
    counts = counts[counts >= 2].sort_values(ascending=False, kind="stable")
    return [str(e) for e in counts.index]


def largest_outlets(articles: pd.DataFrame, n: int) -> list[str]:
    """The ``n`` outlets with the most articles (ties by name), largest first."""
    counts = articles.groupby(articles["outlet"].astype(str)).size()
    order = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [outlet for outlet, _ in order[:n]]


def of_role(scores: pd.DataFrame, role: str) -> pd.DataFrame:
    """The rows of a score table (or hits table) whose ``role`` is ``role``."""
    return scores[(scores["role"] == role).to_numpy()]


def busiest_cell(scores: pd.DataFrame, *, voice: str, lexicon: str | None = None, count: str = "hits",
                 cell: tuple[str, ...] = ("frame", "pole"), ties: tuple[str, ...] = ("rate",)) -> tuple[str, str] | None:
    """The outlet and cell (``frame/pole`` of a rates table; ``cell=("label",)`` for the label
    shares of one naming set, counted in ``count``) with the most ``count`` in ``voice`` (ties:
    the higher ``ties`` columns, then names): where the evidence below a figure starts, so it
    never opens empty."""
    rows = scores[scores["voice"] == voice]
    if lexicon is not None and "lexicon" in rows:
        rows = rows[rows["lexicon"] == lexicon]
    rows = rows[rows[count] > 0]
    if rows.empty:
        return None
    order = [count, *ties, "group", *cell]
    best = rows.sort_values(order, ascending=[False] * (1 + len(ties)) + [True] * (1 + len(cell)), kind="stable").iloc[0]
    return str(best["group"]), "/".join(str(best[column]) for column in cell)


def tables_of_articles(hits: pd.DataFrame, sentences: pd.DataFrame, article_ids) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hits and sentences of these articles only: narrow the big tables once before
    looking up many sentences of a few articles (``sentence_hits``)."""
    ids = list(dict.fromkeys(map(str, article_ids)))
    return hits[hits["article_id"].isin(ids)], sentences[sentences["article_id"].isin(ids)]


def sentence_hits(hits: pd.DataFrame, sentences: pd.DataFrame, article_id: str, sentence_id: int, *,
                  kinds: tuple[str, ...] = ("frame", "naming")) -> list[dict]:
    """The hits of one sentence, of the given kinds, with ``start``/``end`` made relative to
    the sentence (as ``align`` ops count them)."""
    sentence = sentences[(sentences["article_id"] == article_id) & (sentences["sentence_id"] == sentence_id)]
    if sentence.empty:
        return []
    first, last = int(sentence["start"].iloc[0]), int(sentence["end"].iloc[0])
    rows = hits[(hits["article_id"] == article_id) & hits["kind"].isin(list(kinds))
                & (hits["start"] < last) & (hits["end"] > first)]
    records = rows.to_dict("records")
    for record in records:
        record["start"], record["end"] = int(record["start"]) - first, int(record["end"]) - first
    return records


def loaded_words_summary(words: pd.DataFrame, rates: pd.DataFrame, *, groups=None, per_group: int = 6) -> pd.DataFrame:
    """One row per outlet, the most loaded first: its loaded-language rate (from a
    ``loaded_rates`` table of one voice) and its most loaded words as ``word (uses)``."""
    listed = words.sort_values(["group", "rank"]).groupby("group").head(per_group)
    text = listed.assign(item=listed["example"] + " (" + listed["hits"].astype(str) + ")").groupby("group")["item"]
    table = rates[["group", "rate", "ci_low", "ci_high", "n_articles"]].copy()
    if groups is not None:
        table = table[table["group"].isin(list(groups))]
    table["loaded words"] = table["group"].map(text.agg(", ".join)).fillna("")
    table = table.sort_values(["rate", "group"], ascending=[False, True])
    return table.rename(columns={"group": "outlet", "rate": "per 1,000 words"}).round(
        {"per 1,000 words": 2, "ci_low": 2, "ci_high": 2}).reset_index(drop=True)
