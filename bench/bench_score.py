"""Benchmark: the full ``framing score`` pipeline against sklearn's CountVectorizer.

    python bench/bench_score.py DATA_PATH [--limit N] [--workers N] [--boot N] [--no-memory-run]

DATA_PATH is any corpus ``framing.corpus.load.load_corpus`` reads (e.g.
../shared/data/allsides_articles/articles.jsonl.gz). Times each stage: analysis (sentences,
hits with context, VADER on the sentences naming an actor), frame rates and axis balance split
by voice, target rates, label shares, actor sentiment; then, in the same run,
``CountVectorizer().fit_transform`` on the same article bodies. Prints the times, their ratio
(target: the pipeline within 3x CountVectorizer) and the peak memory (target < 2 GB).

The pipeline runs twice. The first run measures memory: this process's peak (``ru_maxrss``)
and the peak PSS of all its processes together, sampled four times a second from
``/proc/<pid>/smaps_rollup`` (``memory.TreeMemory``). Reading those walks the page tables of
every process, which slows the worker processes it samples by seconds, so the times compared
with CountVectorizer come from the second run, made without the sampler.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from contextlib import contextmanager

from memory import TreeMemory

from framing.corpus.load import load_corpus
from framing.corpus.records import Corpus
from framing.measure import score
from framing.measure.pipeline import analyze
from framing.settings import BootstrapSettings, ScoreSettings

TIMES: dict[str, float] = {}
TREE = TreeMemory()
#: False in a timed run that follows the memory run: this process's peak is then the larger of the two.
SHOW_MEMORY = True


@contextmanager
def stage(name: str):
    start = time.perf_counter()
    yield
    TIMES[name] = time.perf_counter() - start
    tree = f"; all processes {TREE.peak_mb:7,.0f} MB" if TREE.running else ""
    memory = f"   peak so far: this process {peak_mb(resource.RUSAGE_SELF):7,.0f} MB{tree}" if SHOW_MEMORY else ""
    print(f"  {name:<28} {TIMES[name]:8.1f} s{memory}", flush=True)


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports kilobytes


def run_pipeline(corpus: Corpus, *, workers: int | None, n_boot: int) -> dict:
    boot = BootstrapSettings(n_boot=n_boot, seed=0)
    each, one = ScoreSettings(voice="each", bootstrap=boot), ScoreSettings(bootstrap=boot)
    with stage("analyze"):
        analysis = analyze(corpus, workers=workers, sentence_text=False)  # as `framing score` does
    out = {"hits": len(analysis.hits), "sentences": len(analysis.sentences)}
    with stage("frame rates (each voice)"):
        out["rates"] = score.frame_rates(analysis, each)
    with stage("axis balance (each voice)"):
        out["balance"] = score.axis_balance(analysis, each)
    with stage("target rates"):
        out["targets"] = score.target_rates(analysis, one)
    with stage("label shares"):
        out["shares"] = score.label_shares(analysis, one)
    out["scored_sentences"] = int(analysis.sentences["compound"].notna().sum())  # VADER ran in analyze
    with stage("actor sentiment"):
        out["sentiment"] = score.actor_sentiment(analysis, one)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_path")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (default: all)")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for the analysis and VADER (default: every CPU, as `framing score`)")
    parser.add_argument("--boot", type=int, default=1000, help="bootstrap resamples (default 1000)")
    parser.add_argument("--no-memory-run", action="store_true",
                        help="run the pipeline once, timed, without measuring the memory of its processes")
    args = parser.parse_args(argv)

    print(f"bench_score: {args.data_path}", flush=True)
    with stage("load (not compared)"):
        corpus = load_corpus(args.data_path, keep_raw=False)  # as `framing score` does
    if args.limit:
        corpus = Corpus(corpus.articles[:args.limit], corpus.report, corpus.path)
    texts = [a.body for a in corpus.articles]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    outlets = len({a.outlet for a in corpus.articles})
    print(f"  {len(texts):,} articles, {outlets:,} outlets, {megabytes:.1f} MB of body text", flush=True)

    if not args.no_memory_run:
        print("memory run (its times are slowed by the memory sampler):", flush=True)
        with TREE:
            out = run_pipeline(corpus, workers=args.workers, n_boot=args.boot)
        del out
        TIMES.clear()
        global SHOW_MEMORY
        SHOW_MEMORY = False
    own, children = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)  # before CountVectorizer
    print("timed run:", flush=True)
    out = run_pipeline(corpus, workers=args.workers, n_boot=args.boot)
    if args.no_memory_run:
        own, children = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
    print(f"  {out['sentences']:,} sentences, {out['hits']:,} hits, {out['scored_sentences']:,} sentences "
          f"scored by VADER; rates table {len(out['rates']):,} rows", flush=True)
    pipeline = sum(t for name, t in TIMES.items() if not name.startswith("load"))

    from sklearn.feature_extraction.text import CountVectorizer
    with stage("CountVectorizer"):
        CountVectorizer().fit_transform(texts)
    ratio = pipeline / TIMES["CountVectorizer"]
    print(f"framing score pipeline: {pipeline:.1f} s; CountVectorizer: {TIMES['CountVectorizer']:.1f} s; "
          f"ratio {ratio:.2f}x (target <= 3x)")
    print(f"peak memory of the pipeline: {own:,.0f} MB (this process, loading included)"
          + (f", {children:,.0f} MB (largest worker; its RSS counts pages it shares with this process)"
             if children else "") + " (target < 2,048 MB)")
    if TREE.available and not args.no_memory_run:
        print(f"peak memory of the pipeline's processes together (PSS, shared pages counted once): "
              f"{TREE.peak_mb:,.0f} MB (target < 2,048 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
