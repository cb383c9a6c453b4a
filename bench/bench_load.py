"""Loading speed and memory on a real corpus, and the oddities the load report finds.

    python bench/bench_load.py DATA_PATH [--no-frame] [--no-clean]

DATA_PATH is anything ``framing.corpus.load.load_corpus`` reads, such as
``allsides_articles/articles.jsonl.gz`` (37,554 articles). Timed, in one run:

1. ``load_corpus(DATA_PATH)``: streaming the file, mapping the columns, parsing dates and
   cleaning every text (``--no-clean`` skips cleaning);
2. ``corpus_frame(corpus)``: the articles table, i.e. words and Punkt sentences of every body
   (``--no-frame`` skips it).

Prints articles/s, MB/s of raw text, wall time, peak memory (``ru_maxrss``), the load report
(skips by reason, missing and implausible dates, decoding fallbacks) and what cleaning removed.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from framing.corpus.load import load_corpus, report_lines
from framing.measure.tables import corpus_frame


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def removed_by_reason(corpus) -> tuple[Counter, Counter]:
    segments, articles = Counter(), Counter()
    for article in corpus:
        reasons = [seg.reason for seg in article.removed]
        segments.update(reasons)
        articles.update(set(reasons))
    return segments, articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_path", metavar="DATA_PATH")
    parser.add_argument("--no-frame", action="store_true", help="do not time corpus_frame")
    parser.add_argument("--no-clean", action="store_true", help="load without cleaning")
    args = parser.parse_args(argv)

    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    wall, cpu = time.perf_counter(), time.process_time()
    corpus = load_corpus(args.data_path, clean=not args.no_clean)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    n = len(corpus)
    megabytes = sum(len(a.raw_text.encode("utf-8")) for a in corpus) / 1e6
    print(f"load_corpus: {n} articles ({megabytes:.1f} MB of raw text) in {wall:.1f} s wall, {cpu:.1f} s CPU: "
          f"{n / wall:,.0f} articles/s wall ({n / cpu:,.0f} per CPU second), {megabytes / wall:.1f} MB/s wall; "
          f"peak memory {peak_memory_mb():,.0f} MB")

    if not args.no_frame:
        for exact in (False, True):
            wall, cpu = time.perf_counter(), time.process_time()
            frame = corpus_frame(corpus, exact_sentences=exact)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            how = "Punkt" if exact else "estimated"
            print(f"corpus_frame(exact_sentences={exact}): {len(frame)} rows in {wall:.1f} s wall, {cpu:.1f} s CPU "
                  f"({frame['n_sentences'].sum():,} {how} sentences, {frame['n_words'].sum():,} words); "
                  f"peak memory {peak_memory_mb():,.0f} MB")
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    print("\nload report:")
    print("\n".join(report_lines(corpus.report)))
    segments, articles = removed_by_reason(corpus)
    print("\nremoved by cleaning (segments, articles):")
    for reason, count in segments.most_common():
        print(f"  {reason}: {count} segments in {articles[reason]} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
