"""Same-event grouping measured on the AllSides roundups (gold: AllSides' story, ``event_id``).

    python bench/eval_roundups.py ../shared/data/allsides_roundups/articles.jsonl
        [--set window_days=2 --set lone_ratio=None ...] [--json out.json]

Groups every article (ignoring event_id) twice: with the dates as shipped (AllSides stamps
every article of a story with the roundup's day, so every gold event has a 0-day gap) and with
publication dates read from the addresses where they have one (568 of 1,479; the others keep
the roundup day), which gives real multi-day gaps. For each: adjusted Rand index, gold events
split, automatic events mixing gold events, and split rates by the day span of each gold
event's reports; pair-level: share of gold pairs grouped together by their day gap, and
different-event pairs grouped together by gap. The same figures per half of the events
(crc32(event_id) & 1: half 0 is the tuning half, half 1 the held-out half; each half is
grouped on its own, so a merge across halves cannot hide). Opinion: ``opinion_tag`` (OPINION/ANALYSIS) and AllSides'
"Perspectives" roundups are reported apart, and the title/url opinion flag is scored against
``opinion_tag``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from event_data import Timer, load_roundups, parse_settings, require, stable_half, url_dates

from framing.compare.coverage import compare_events
from framing.compare.events import group_events, opinion_flags
from framing.corpus.dates import article_intervals
from framing.settings import EventSettings

GAP_BUCKETS = ("0", "1", "2", "3", "4", "5+")


def bucket(days: float) -> str:
    return str(int(days)) if days < 5 else "5+"


def evaluate(articles: pd.DataFrame, auto: pd.DataFrame, *, keep=None) -> dict:
    """Figures of one grouping ``auto`` against ``articles.event_id`` (rows ``keep`` only)."""
    keep = np.ones(len(articles), bool) if keep is None else keep
    gold = articles.loc[keep, ["article_id", "event_id"]]
    result = compare_events(auto[keep], gold)
    start, end = article_intervals(articles)
    frame = pd.DataFrame({"gold": articles["event_id"].to_numpy(), "auto": auto["event_id"].to_numpy(),
                          "start": start, "end": end, "opinion": opinion_gold(articles)})[keep]
    by_event = frame.groupby("gold").agg(n=("auto", "size"), parts=("auto", "nunique"),
                                         first_end=("end", "min"), last_start=("start", "max"))
    by_event = by_event[by_event["n"] > 1]
    by_event["span"] = np.maximum(0, by_event["last_start"] - by_event["first_end"]).map(bucket)
    split_by_gap = {b: [int((by_event[by_event.span == b]["parts"] > 1).sum()), int((by_event.span == b).sum())]
                    for b in GAP_BUCKETS}
    pairs = pair_table(frame)
    together = {b: [int(pairs[(pairs.same) & (pairs.gap == b)].together.sum()), int(((pairs.same) & (pairs.gap == b)).sum())]
                for b in GAP_BUCKETS}
    false_pairs = {b: int(pairs[(~pairs.same) & (pairs.gap == b)].together.sum()) for b in GAP_BUCKETS}
    return {"ari": round(result.ari, 4), "n_articles": result.n_articles, "gold_events": result.n_reference_events,
            "auto_events": result.n_events, "merged": result.merged, "split": result.split,
            "split_by_gap": split_by_gap, "gold_pairs_together_by_gap": together,
            "false_pairs_by_gap": false_pairs,
            "opinion_pairs_together": [int(pairs[pairs.same & pairs.any_opinion].together.sum()),
                                       int((pairs.same & pairs.any_opinion).sum())],
            "news_pairs_together": [int(pairs[pairs.same & ~pairs.any_opinion].together.sum()),
                                    int((pairs.same & ~pairs.any_opinion).sum())]}


def pair_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Every pair of articles that share a gold event or an automatic event, with its gap."""
    rows = []
    for key in ("gold", "auto"):
        for _, part in frame.groupby(key):
            idx = part.index.to_numpy()
            for x in range(len(idx)):
                for y in range(x + 1, len(idx)):
                    rows.append((idx[x], idx[y]))
    if not rows:
        return pd.DataFrame(columns=["same", "together", "gap", "any_opinion"])
    pairs = pd.DataFrame(sorted(set(rows)), columns=["a", "b"])
    a, b = frame.loc[pairs.a], frame.loc[pairs.b]
    gap = np.maximum(0, np.maximum(a.start.to_numpy(), b.start.to_numpy()) - np.minimum(a.end.to_numpy(), b.end.to_numpy()))
    return pd.DataFrame({"same": a.gold.to_numpy() == b.gold.to_numpy(),
                         "together": a.auto.to_numpy() == b.auto.to_numpy(),
                         "gap": [bucket(g) for g in gap],
                         "any_opinion": a.opinion.to_numpy() | b.opinion.to_numpy()})


def opinion_gold(articles: pd.DataFrame) -> np.ndarray:
    """AllSides' own genre marks: opinion_tag OPINION/ANALYSIS, or a "Perspectives" roundup."""
    tag = articles.get("opinion_tag", pd.Series(None, index=articles.index)).astype(str).str.upper()
    persp = articles.get("event_title", pd.Series("", index=articles.index)).astype(str).str.startswith("Perspectives")
    return (tag.isin(["OPINION", "ANALYSIS"]) | persp).to_numpy()


def opinion_flag_score(articles: pd.DataFrame) -> dict:
    """The opinion flag (framing.compare.events.opinion_flags) against opinion_tag."""
    flag = opinion_flags(articles).to_numpy()
    tag = articles["opinion_tag"].astype(str).str.upper()
    gold = tag.isin(["OPINION", "ANALYSIS"]).to_numpy()
    opinion_only = (tag == "OPINION").to_numpy()
    return {"flagged": int(flag.sum()), "tagged_opinion_or_analysis": int(gold.sum()),
            "flag_and_tag": int((flag & gold).sum()), "flag_not_tag": int((flag & ~gold).sum()),
            "recall_on_OPINION": [int((flag & opinion_only).sum()), int(opinion_only.sum())]}


def run(articles: pd.DataFrame, settings: EventSettings) -> tuple[dict, float]:
    with Timer() as t:
        auto = group_events(articles, settings)
    halves = articles["event_id"].map(stable_half).to_numpy()
    out = {"all": evaluate(articles, auto)}
    for h in (0, 1):
        part = articles[halves == h].reset_index(drop=True)
        out[f"half{h}"] = evaluate(part, group_events(part, settings))
    return out, t.wall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="allsides_roundups/articles.jsonl")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="an EventSettings field (repeatable), e.g. window_days=2 lone_ratio=None")
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args(argv)
    changes = parse_settings(args.set)
    settings = EventSettings(**{**changes, "use_existing": False})
    articles = load_roundups(require(args.path, "allsides_roundups/articles.jsonl", "eval_roundups"))
    shifted, n_dated = url_dates(articles)
    report = {"settings": changes, "url_dated_articles": n_dated}
    for name, frame in (("stamped_dates", articles), ("url_dates", shifted)):
        report[name], seconds = run(frame, settings)
        report[name]["seconds"] = round(seconds, 2)
    report["opinion_flag"] = opinion_flag_score(articles)
    print_report(report)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(report, fh, indent=1)
    return 0


def fmt_rate(pair) -> str:
    return f"{pair[0]}/{pair[1]}"


def print_report(report: dict) -> None:
    print(f"settings changed from the defaults: {report['settings'] or 'none'}")
    for name in ("stamped_dates", "url_dates"):
        print(f"[{name}] grouping {report[name]['seconds']} s")
        for part in ("all", "half0", "half1"):
            r = report[name][part]
            print(f"  {part:5s} ARI {r['ari']:.3f}  gold {r['gold_events']} auto {r['auto_events']}  "
                  f"merged {r['merged']} split {r['split']}  "
                  f"split by span " + " ".join(f"{b}:{fmt_rate(v)}" for b, v in r["split_by_gap"].items() if v[1]))
            together = r["gold_pairs_together_by_gap"]
            print("        gold pairs together by gap " + " ".join(f"{b}:{fmt_rate(v)}" for b, v in together.items() if v[1])
                  + "  | false pairs by gap " + " ".join(f"{b}:{v}" for b, v in r["false_pairs_by_gap"].items() if v)
                  + f"  | opinion pairs {fmt_rate(r['opinion_pairs_together'])} news pairs {fmt_rate(r['news_pairs_together'])}")
    if report.get("opinion_flag"):
        print(f"opinion flag vs opinion_tag: {report['opinion_flag']}")


if __name__ == "__main__":
    sys.exit(main())
