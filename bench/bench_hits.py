"""Hit extraction with full context versus sklearn's CountVectorizer, on the same texts.

    python bench/bench_hits.py DATA_PATH [--limit N] [--profile]

DATA_PATH is a JSON-lines file (optionally gzipped) with a ``text`` field, such as
``allsides_articles/articles.jsonl.gz``. Reading the file is not timed. Timed, in one run:

1. ``CountVectorizer().fit_transform(texts)`` (scikit-learn defaults);
2. hit extraction with full context: ``framing.measure.analysis.article_hits`` on every text, i.e.
   sentence splitting, matching every term of the bundled lexicons and the context of every
   hit (voice, speaker, negation, hedging, target);
3. its parts alone: sentence splitting, matching, context;
4. with every CPU (``--workers``, default: all this process may use; wall time, since it runs
   in several processes): (2) again, the articles shared among the processes in chunks of
   200; and the whole ``framing.measure.analysis.analyze`` (sentences, hits with context, VADER on
   the sentences naming an actor, the three tables), as ``framing hits`` and ``framing score``
   run it;
5. with ``--analyze`` (run first, so the peak memory it reports is reading plus analysis):
   ``analyze`` in one process, and the size of each table.

Prints MB (UTF-8), seconds and MB/s of each, and the ratios of (2) and (4) to (1).
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import pstats
import sys
import time
from pathlib import Path


def read_records(path: Path, limit: int | None) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    records = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(records) >= limit:
                break
            record = json.loads(line)
            records.append({"id": str(record.get("id", len(records))), "outlet": record.get("outlet") or "",
                            "text": record.get("text") or ""})
    return records


def as_corpus(records: list[dict]):
    """The records as a Corpus whose bodies are the texts as they are (no cleaning)."""
    from framing.corpus.records import Article, Corpus, LoadReport

    articles = tuple(Article(r["id"], r["outlet"], "", None, "unknown", None, r["text"], r["text"])
                     for r in records)
    return Corpus(articles, LoadReport(len(articles), len(articles)))


def timed(label: str, megabytes: float, work) -> tuple[float, object]:
    """Run ``work``; print and return its CPU time (steadier than wall time on a shared
    machine; this process is single-threaded, so the two agree on an idle one)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{label:<46} {cpu:7.2f} s CPU {megabytes / cpu:7.2f} MB/s   ({wall:.2f} s wall)", flush=True)
    return cpu, result


def text_in_hit_lines(text: str, matches) -> int:
    """Characters of ``text`` in the lines (split_sentences' first cut) that hold a match."""
    lines = set()
    for start, end, _ in matches:
        lines.add((text.rfind("\n", 0, start) + 1, text.find("\n", end) % (len(text) + 1)))
    return sum(end - start for start, end in lines)


_matcher = None


def _start_hit_worker(lexicons) -> None:
    global _matcher
    from framing.text.match import Matcher
    _matcher = Matcher(lexicons)


def _count_hits(texts: list[str]) -> int:
    from framing.text.hits import article_hits
    return sum(len(article_hits(t, _matcher).rows) for t in texts)


def time_parallel_analysis(records, lexicons, megabytes: float, cv_seconds: float, workers: int | None) -> None:
    """Wall times of hit extraction and of ``analyze`` with ``workers`` processes (None: every
    CPU), against CountVectorizer's time on one CPU."""
    from framing.measure.pipeline import analyze
    from framing.parallel import available_cpus, process_pool, resolve_workers

    corpus = as_corpus(records)
    n = resolve_workers(workers, len(records), min_units=1)
    texts = [r["text"] for r in records]
    chunks = [texts[i:i + 200] for i in range(0, len(texts), 200)]
    start = time.perf_counter()
    with process_pool(n, initializer=_start_hit_worker, initargs=(tuple(lexicons),)) as pool:
        n_hits = sum(pool.map(_count_hits, chunks))
    wall = time.perf_counter() - start
    print(f"{f'hit extraction with full context, {n} processes':<46} {wall:7.2f} s wall {megabytes / wall:7.2f} MB/s"
          f"   ({n_hits:,} hits)", flush=True)
    print(f"ratio: hit extraction with {n} processes takes {wall / cv_seconds:.2f}x CountVectorizer's time "
          f"(its speed is {cv_seconds / wall:.2f} of CountVectorizer's on one CPU; target >= 0.5)", flush=True)
    start = time.perf_counter()
    result = analyze(corpus, lexicons, workers=n)
    wall = time.perf_counter() - start
    print(f"{f'whole analysis, {n} processes ({available_cpus()} CPUs)':<46} {wall:7.2f} s wall {megabytes / wall:7.2f} MB/s"
          f"   ({len(result.hits):,} hits, {len(result.sentences):,} sentences)", flush=True)
    print(f"ratio: the whole analysis with {n} processes takes {wall / cv_seconds:.2f}x CountVectorizer's time "
          f"(its speed is {cv_seconds / wall:.2f} of CountVectorizer's on one CPU; target >= 0.5)", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="JSON lines (.jsonl or .jsonl.gz) with a text field")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick run)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the hit extraction")
    parser.add_argument("--no-parts", action="store_true", help="skip timing the parts alone")
    parser.add_argument("--analyze", action="store_true", help="also time the whole analyze() and report peak memory")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for the whole analysis (default: every CPU; 0 skips that step)")
    args = parser.parse_args(argv)

    from sklearn.feature_extraction.text import CountVectorizer

    from framing.lexicon import bundled_lexicons
    from framing.text.hits import _contexts, article_hits
    from framing.text.match import Matcher
    from framing.text.tokenize import split_sentences

    records = read_records(args.data, args.limit)
    texts = [r["text"] for r in records]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lexicons = bundled_lexicons()
    matcher = Matcher(lexicons)
    print(f"{len(texts):,} articles, {megabytes:.1f} MB; lexicons: {', '.join(lex.name for lex in lexicons)} "
          f"({matcher.n_entries_:,} term spellings)", flush=True)

    if args.analyze:
        import resource

        from framing.measure.pipeline import analyze

        corpus = as_corpus(records)
        result = timed("whole analyze() (articles, sentences, hits)", megabytes,
                       lambda: analyze(corpus, lexicons))[1]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sizes = ", ".join(f"{name} {getattr(result, name).memory_usage(deep=True).sum() / 1e6:,.0f} MB"
                          for name in ("articles", "sentences", "hits"))
        print(f"  {len(result.sentences):,} sentences, {len(result.hits):,} hits; tables: {sizes}; "
              f"peak memory of this process (reading included) {peak:,.0f} MB")
        del result, corpus
    cv_seconds, matrix = timed("CountVectorizer().fit_transform", megabytes,
                               lambda: CountVectorizer().fit_transform(texts))
    hits_seconds, n_hits = timed("hit extraction with full context", megabytes,
                                 lambda: sum(len(article_hits(t, matcher).rows) for t in texts))
    print(f"{n_hits:,} hits ({n_hits / max(len(texts), 1):.1f} per article); "
          f"vocabulary {matrix.shape[1]:,} terms")
    print(f"ratio: hit extraction takes {hits_seconds / cv_seconds:.2f}x CountVectorizer's time "
          f"(its speed is {cv_seconds / hits_seconds:.2f} of CountVectorizer's; target >= 0.5)")
    if args.workers != 0:
        time_parallel_analysis(records, lexicons, megabytes, cv_seconds, args.workers)

    if not args.no_parts:
        spans = timed("  parts: sentence splitting (split_sentences)", megabytes,
                      lambda: [split_sentences(t) for t in texts])[1]
        matches = timed("  parts: matching (Matcher.find_spans)", megabytes,
                        lambda: [matcher.find_spans(t) for t in texts])[1]
        timed("  parts: context (body_context)", megabytes,
              lambda: [_contexts(t, s, m) for t, s, m in zip(texts, spans, matches) if m])
        share = sum(map(text_in_hit_lines, texts, matches)) / max(sum(map(len, texts)), 1)
        print(f"  {share:.0%} of the text is in lines holding a hit: splitting only those lines "
              f"would save at most {1 - share:.0%} of the splitting time")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [article_hits(t, matcher) for t in texts])
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
