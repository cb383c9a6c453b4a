"""Benchmark of same-event grouping (framing.compare.events).

1. Accuracy: the AllSides roundups (1,479 excerpts, 506 stories; ``event_id`` is AllSides'
   own story grouping), loaded with ``framing.corpus.load.load_corpus``, grouped with the default
   settings while ignoring their event_id; adjusted Rand index against AllSides' grouping,
   counts of merged and split events, and the largest errors.
2. Scale: time and peak memory (``resource.getrusage(...).ru_maxrss``) to group the 37,554
   full articles of allsides_articles. The text is read straight from the jsonl.gz (``--reader
   direct``, default: this measures grouping, not loading and cleaning) or through
   ``framing.corpus.load`` (``--reader load``).

    python bench/bench_events.py --roundups ../shared/data/allsides_roundups/articles.jsonl \
        --articles ../shared/data/allsides_articles/articles.jsonl.gz
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd
from event_data import read_direct  # a sibling script: the folder of the script run is on sys.path

from framing.compare.coverage import compare_events, event_blindspots, group_coverage
from framing.compare.events import group_events
from framing.corpus.load import load_corpus
from framing.measure.periods import with_periods
from framing.measure.tables import corpus_frame
from framing.settings import EventSettings


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def roundups(path: Path, *, show: int) -> None:
    articles = corpus_frame(load_corpus(path), exact_sentences=False)
    gold = articles[["article_id", "event_id"]].copy()
    titles = articles.groupby("event_id")["event_title"].first() if "event_title" in articles else None
    start = time.perf_counter()
    auto = group_events(articles, EventSettings(use_existing=False))
    seconds = time.perf_counter() - start
    result = compare_events(auto, gold)
    print(f"roundups: {result.n_articles} articles, {result.n_reference_events} AllSides events, "
          f"{result.n_events} automatic events ({seconds:.1f} s)")
    print(f"  adjusted Rand index: {result.ari:.3f}")
    print(f"  merged: {result.merged} automatic events mix 2+ AllSides events; "
          f"split: {result.split} AllSides events spread over 2+ automatic events")
    for kind in ("merged", "split"):
        rows = result.errors[result.errors["kind"] == kind].sort_values("n_articles", ascending=False)
        for row in rows.head(show).itertuples():
            parts = ", ".join(f"{name} x{n}" + (f" ({titles.get(name, '')[:60]})" if kind == "merged" and titles is not None else "")
                              for name, n in row.parts)
            label = f" ({titles.get(row.event_id, '')[:60]})" if kind == "split" and titles is not None else ""
            print(f"    {kind} {row.event_id}{label}: {parts}")
    print("  " + opinion_share(result, titles))
    if titles is not None:
        news = set(titles.index[~titles.astype(str).str.startswith("Perspectives")])
        kept = gold["event_id"].isin(news).to_numpy()
        print(f"  news roundups only ({int(kept.sum())} articles): adjusted Rand index "
              f"{compare_events(auto[kept], gold[kept]).ari:.3f}")
    same_day = compare_events(group_events(articles, EventSettings(use_existing=False, window_days=0)), gold)
    print(f"  same day only (window_days=0): adjusted Rand index {same_day.ari:.3f}")
    shifted, n_dated = url_dates(articles)
    result = compare_events(group_events(shifted, EventSettings(use_existing=False)), gold)
    print(f"  with publication dates from the addresses ({n_dated} articles): adjusted Rand index "
          f"{result.ari:.3f}, merged {result.merged}, split {result.split}")


def opinion_share(result, titles) -> str:
    """How many errors involve AllSides' "Perspectives" (opinion) roundups."""
    if titles is None:
        return "(no event_title column: opinion roundups not identified)"
    opinion = {name for name, title in titles.items() if str(title).startswith("Perspectives")}
    merged = result.errors[result.errors["kind"] == "merged"]
    split = result.errors[result.errors["kind"] == "split"]
    n_merged = sum(any(name in opinion for name, _ in parts) for parts in merged["parts"])
    n_split = int(split["event_id"].isin(opinion).sum())
    return (f"opinion roundups (\"Perspectives\", {len(opinion)} of {len(titles)} AllSides events): in "
            f"{n_merged} of {len(merged)} merges, {n_split} of {len(split)} splits")


def url_dates(articles: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The roundups with each article's publication date read from its address where it has
    one (/2021/05/11/): AllSides dates every article of a story with the roundup's day, real
    corpora do not. Shows how the day decay copes with real publication dates."""
    found = articles["url"].astype(str).str.extract(r"/(20\d\d)[/-](\d\d)[/-](\d\d)(?:/|$|[^\d])")
    dated = found.notna().all(axis=1)
    out = articles.copy()
    out.loc[dated, "date"] = found[0] + "-" + found[1] + "-" + found[2]
    return out, int(dated.sum())


def scale(path: Path, *, reader: str) -> None:
    start = time.perf_counter()
    if reader == "direct":
        articles = read_direct(path, extra=("bias_text",))
    else:
        articles = corpus_frame(load_corpus(path), exact_sentences=False)
    read_seconds, read_peak = time.perf_counter() - start, peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    events = group_events(articles, EventSettings(use_existing=False))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    sizes = events.groupby("event_id").size()
    print(f"scale: {len(articles):,} articles read ({reader}) in {read_seconds:.1f} s, peak {read_peak:,.0f} MB")
    print(f"  group_events: {seconds:.1f} s wall, {cpu:.1f} s CPU; peak memory of the process {peak_mb():,.0f} MB "
          f"(+{peak_mb() - read_peak:,.0f} MB over reading)")
    print(f"  {len(sizes):,} events; {int((sizes > 1).sum()):,} of 2+ articles holding "
          f"{int(sizes[sizes > 1].sum()):,} articles; largest {int(sizes.max())}; "
          f"undated articles: {int(articles['date'].isna().sum()):,}")
    if "bias_text" in articles:
        blindspots(articles, events)


def blindspots(articles: pd.DataFrame, events: pd.DataFrame) -> None:
    """Coverage by leaning and the blindspot list of the automatic events (issue 14), timed."""
    start = time.perf_counter()
    coverage = group_coverage(articles, "bias_text", events)
    spots = event_blindspots(articles, "bias_text", events)
    seconds = time.perf_counter() - start
    several = spots[spots["n_articles"] >= 2]
    print(f"  blindspots by bias_text: {seconds:.1f} s ({len(coverage):,} event x leaning rows); of "
          f"{len(several):,} events of 2+ articles: " + ", ".join(
              f"{kind or 'balanced'} {n:,}" for kind, n in several["kind"].value_counts().items()))
    start = time.perf_counter()
    _, report = with_periods(articles, "month")
    print(f"  months: {time.perf_counter() - start:.2f} s; " + "; ".join(report.lines()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roundups", type=Path, help="allsides_roundups/articles.jsonl")
    parser.add_argument("--articles", type=Path, help="allsides_articles/articles.jsonl.gz")
    parser.add_argument("--reader", choices=("direct", "load"), default="direct",
                        help="read the large corpus straight from JSON (default) or with framing.corpus.load")
    parser.add_argument("--show", type=int, default=10, help="errors of each kind to list (default 10)")
    args = parser.parse_args(argv)
    if not args.roundups and not args.articles:
        parser.error("give --roundups and/or --articles")
    for path in (args.roundups, args.articles):
        if path and not path.exists():
            parser.error(f"{path} does not exist")
    if args.roundups:
        roundups(args.roundups, show=args.show)
    if args.articles:
        scale(args.articles, reader=args.reader)
    return 0


if __name__ == "__main__":
    sys.exit(main())
