"""Benchmark: what classroom mode computes on a corpus, step by step, in one process, as the
dashboard does it (analysis and event grouping read back from the disk cache when an earlier
run stored them).

    python bench/bench_classroom.py CORPUS [--cache DIR]

CORPUS is anything ``framing.corpus.load.load_corpus`` reads, e.g.
../shared/data/allsides_articles/articles.jsonl.gz. Prints the seconds (wall and CPU) of each
step: the analysis, the events, the lesson (``prepare_lesson``: contrasts, picks, anonymised
articles, the picks again in letters), the paragraphs to guess from, and the glossary's live
examples of every device; then the lesson's size and its first pick.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path


def step(name: str, work):
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    print(f"{name:<44} {time.perf_counter() - wall:8.2f} s wall {time.process_time() - cpu:8.2f} s CPU", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--cache", default=os.environ.get("FRAMING_CACHE_DIR", str(Path.home() / ".cache" / "framing")))
    args = parser.parse_args(argv)
    if not Path(args.corpus).exists():
        print(f"{args.corpus}: no such corpus; give the path of a corpus file or folder (see /work/shared/data)",
              file=sys.stderr)
        return 2
    from framing.compare.events import with_events
    from framing.corpus.load import load_corpus
    from framing.lexicon import bundled_lexicons
    from framing.measure.cache import DiskCache, analysis_key, derived_key, source_key
    from framing.measure.pipeline import analyze
    from framing.present.glossary import device_examples, devices
    from framing.present.lesson import guess_paragraphs, prepare_lesson
    from framing.settings import EventSettings

    cache, lexicons = DiskCache(Path(args.cache)), tuple(bundled_lexicons())
    key = analysis_key(source_key(args.corpus, ()), lexicons)
    analysis = step("analysis (cached on disk after a first run)", lambda: cache.analysis(
        key, lambda: analyze(load_corpus(args.corpus), lexicons), lexicons=lexicons))
    settings = EventSettings()
    events = step("events (cached on disk after a first run)", lambda: cache.table(
        derived_key(analysis.key, "events", settings), lambda: with_events(analysis.articles, settings)[["article_id", "event_id"]]))
    with_ids = analysis.with_articles(analysis.articles.assign(event_id=events["event_id"].to_numpy()), label="events")
    lesson = step("prepare_lesson (contrasts, picks, anonymise)", lambda: prepare_lesson(with_ids))
    paragraphs = step("guess_paragraphs", lambda: guess_paragraphs(lesson.analysis))
    first = lesson.picks[0] if lesson.picks else None
    step("glossary examples, all devices", lambda: [device_examples(
        lesson.analysis, d.key, event_id=first.event_id if first else None,
        article_ids=[first.article_a, first.article_b] if first else ()) for d in devices()])
    print(f"corpus: {lesson.n_articles:,} articles, {lesson.n_outlets:,} outlets, {lesson.n_events:,} events with 2+ "
          f"outlets; lesson: {len(lesson.analysis.articles):,} articles, {len(paragraphs):,} paragraphs to guess")
    if first is not None:
        print(f"first pick: {first.event_id} {lesson.key()[first.outlet_a]} / {lesson.key()[first.outlet_b]}, "
              f"contrast {first.contrast:.3f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
