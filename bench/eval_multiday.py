"""Same-event grouping measured on the multi-day set built by build_multiday.py.

    python bench/build_multiday.py ../shared/data/allsides_articles/articles.jsonl.gz --out /tmp/multiday.jsonl
    python bench/eval_multiday.py ../shared/data/allsides_articles/articles.jsonl.gz --pairs /tmp/multiday.jsonl \
        [--set window_days=2 --set lone_ratio=None ...] [--json out.json]

Groups all 37,554 articles of allsides_articles (read straight from the jsonl.gz like
bench/bench_events.py ``--reader direct``), as a user would, then reads off each pair of the
set: grouped together or not. Positives (label 1): share grouped together, by day gap, for all
of them and for the pairs read and judged ``same`` (the same news event) or ``development``
(the same story, a later development: AllSides would make it another roundup, so grouping
these is not a success). Negatives (label 0, different stories with shared topic words):
share wrongly grouped together, by gap. Each figure also per part (0: tuning, 1: held out).
Also the grouping's time (wall and CPU, in this process) and the size of its events.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np
from event_data import Timer, parse_settings, read_direct, require

from framing.compare.events import group_events
from framing.settings import EventSettings

GAPS = ("0", "1", "2", "3", "4", "1-4")


def rates(rows: list[dict]) -> dict:
    out = {}
    for gap in GAPS:
        sel = [r for r in rows if (r["gap_days"] >= 1 if gap == "1-4" else r["gap_days"] == int(gap))]
        if sel:
            out[gap] = [sum(r["together"] for r in sel), len(sel)]
    return out


def evaluate(pairs: list[dict]) -> dict:
    pos = [p for p in pairs if p["label"] == 1]
    neg = [p for p in pairs if p["label"] == 0]
    out = {"positives": rates(pos), "positives_same": rates([p for p in pos if p["checked"] == "same"]),
           "positives_development": rates([p for p in pos if p["checked"] == "development"]),
           "negatives": rates(neg),
           "negatives_checked_not_same": rates([p for p in neg if p["checked"] in ("different", "development")])}
    for part in (0, 1):
        sel = [p for p in pairs if p["part"] == part]
        out[f"part{part}"] = {"positives": rates([p for p in sel if p["label"] == 1]),
                              "positives_same": rates([p for p in sel if p["label"] == 1 and p["checked"] == "same"]),
                              "negatives": rates([p for p in sel if p["label"] == 0])}
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="allsides_articles/articles.jsonl.gz")
    parser.add_argument("--pairs", type=Path, required=True, help="the pairs written by bench/build_multiday.py")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="an EventSettings field (repeatable), e.g. window_days=2 lone_ratio=None")
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    changes = parse_settings(args.set)
    require(args.pairs, "the pairs of bench/build_multiday.py (--out)", "eval_multiday")
    with Timer() as read_t:
        articles = read_direct(require(args.path, "allsides_articles/articles.jsonl.gz", "eval_multiday"))
    with Timer() as t:
        events = group_events(articles, EventSettings(**{**changes, "use_existing": False}))
    label = dict(zip(events["article_id"], events["event_id"]))
    pairs = [json.loads(line) for line in args.pairs.read_text().splitlines() if line.strip()]
    for p in pairs:
        p["together"] = label.get(p["a"]) is not None and label.get(p["a"]) == label.get(p["b"])
    sizes = events.groupby("event_id").size()
    report = {"settings": changes, "read_seconds": round(read_t.wall, 1),
              "group_seconds_wall": round(t.wall, 1), "group_seconds_cpu": round(t.cpu, 1),
              "n_articles": len(articles), "n_events": int(len(sizes)), "events_2plus": int((sizes > 1).sum()),
              "articles_in_2plus": int(sizes[sizes > 1].sum()), "largest_event": int(sizes.max()),
              "size_histogram": {str(k): int(v) for k, v in collections.Counter(
                  np.minimum(sizes.to_numpy(), 10)).items()},
              **evaluate(pairs)}
    show(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


def fmt(d: dict) -> str:
    return " ".join(f"{g}:{v[0]}/{v[1]}" for g, v in d.items())


def show(r: dict) -> None:
    print(f"settings changed from the defaults: {r['settings'] or 'none'}")
    print(f"  read {r['read_seconds']} s; group_events {r['group_seconds_wall']} s wall, {r['group_seconds_cpu']} s CPU; "
          f"{r['n_events']} events, {r['events_2plus']} of 2+ holding {r['articles_in_2plus']} articles, largest {r['largest_event']}")
    print(f"  positives together by gap         {fmt(r['positives'])}")
    print(f"    read as same event              {fmt(r['positives_same'])}")
    print(f"    read as later development       {fmt(r['positives_development'])}")
    print(f"  negatives wrongly together by gap {fmt(r['negatives'])}")
    for part in ("part0", "part1"):
        p = r[part]
        print(f"  {part}: positives {fmt(p['positives'])} | same {fmt(p['positives_same'])} | negatives {fmt(p['negatives'])}")


if __name__ == "__main__":
    sys.exit(main())
