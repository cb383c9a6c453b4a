"""Benchmark: how fast the dashboard answers, measured through Streamlit's AppTest (the
script's full run on the server: loading, analysis, scores, figures; not the browser's
drawing).

    python bench/bench_dashboard.py [CORPUS] [--limit N] [--views overview,side-by-side,...]

CORPUS is anything ``framing.corpus.load.load_corpus`` reads (default: the bundled demo corpus), e.g.
../shared/data/allsides_articles/articles.jsonl.gz. Each phase runs in a fresh Python process
so Streamlit's in-memory caches start empty:

- cold: empty caches on disk: load, analyse, score and draw the overview; then (``--open-first``)
  open some views while the events and term counts are computed in the background, and wait
  for those jobs to end;
- cached: the analysis and the overview's scores are on disk from the cold run (a user
  opening the dashboard again); then, in that warm process: a filter change (voice), a
  lexicon change, and each view (the first time computes its tables and stores them);
- restart: a fresh process once every view's tables are on disk: first render and each view.

Aims (issue 5): demo under 3 s; the large corpus's first render under 15 s once cached;
interactions under 1 s warm.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "dashboard" / "app.py"
VIEWS = ("side-by-side", "actors", "naming", "terms", "events", "time", "coverage", "export")


def timed(at, action) -> float:
    start = time.perf_counter()
    action(at).run()
    seconds = time.perf_counter() - start
    problems = [e.value for e in at.exception] + [e.value for e in at.error]
    if problems:
        raise SystemExit(f"the dashboard reported a problem: {problems[0]}")
    return seconds


def child(args) -> None:
    """One fresh process: first render, then (with --interact) warm interactions."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=3600)
    if args.by:
        at.query_params["by"] = args.by
    times = {"first render": timed(at, lambda a: a)}
    for view in [v for v in args.open_first.split(",") if v]:
        times[f"open view {view} right after"] = timed(at, lambda a, view=view: a.sidebar.radio(key="view").set_value(view))
    if args.background:
        times["background tables ready (after the above)"] = _background_done()
    if args.interact:
        times["filter change (voice: author)"] = timed(at, lambda a: a.selectbox(key="voice").select("author"))
        times["filter change (voice: all)"] = timed(at, lambda a: a.selectbox(key="voice").select("all"))
        lexicons = at.selectbox(key="lexicon_view").options
        if len(lexicons) > 1:
            times[f"lexicon change ({lexicons[1]})"] = timed(at, lambda a: a.selectbox(key="lexicon_view").select(lexicons[1]))
        for view in args.views.split(","):
            times[f"open view {view} (first time)"] = timed(at, lambda a, view=view: a.sidebar.radio(key="view").set_value(view))
            times[f"rerun view {view} (warm)"] = timed(at, lambda a: a)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from dashboard import background

    print(json.dumps({"times": times, "peak_mb": peak, "background_peak_mb": background.peak_mb()}))


def _background_done() -> float:
    """Seconds until the jobs the page started in the background (events, term counts) end."""
    from dashboard import background

    start = time.perf_counter()
    for key in background.job_keys():
        background.wait(key)
    return time.perf_counter() - start


def run_phase(corpus: str | None, cache: Path, *, interact: bool, views: str, by: str | None = None,
              open_first: str = "", background: bool = False) -> dict:
    env = dict(os.environ, FRAMING_CACHE_DIR=str(cache))
    env.pop("FRAMING_CORPUS", None)
    if corpus:
        env["FRAMING_CORPUS"] = corpus
    command = [sys.executable, __file__, "--child", "--views", views, "--open-first", open_first] \
        + (["--interact"] if interact else []) + (["--by", by] if by else []) + (["--background"] if background else [])
    out = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"phase failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def limited_copy(corpus: str, limit: int, folder: Path) -> str:
    """The first ``limit`` lines of a JSON lines corpus (for quick trial runs)."""
    import gzip

    opener = gzip.open if corpus.endswith(".gz") else open
    target = folder / "limited.jsonl"
    with opener(corpus, "rt", encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="corpus path (default: the bundled demo corpus)")
    parser.add_argument("--limit", type=int, help="use only the first N lines of a JSON lines corpus")
    parser.add_argument("--views", default=",".join(VIEWS), help="views to open once warm (comma-separated)")
    parser.add_argument("--by", help="compare by this column in every phase (URL by=COLUMN), e.g. bias_text")
    parser.add_argument("--open-first", default="", help="views to open right after the cold first render, while the "
                                                         "background jobs run (comma-separated), e.g. events,terms")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--background", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--interact", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        corpus = args.corpus
        if corpus and args.limit:
            corpus = limited_copy(corpus, args.limit, Path(tmp))
        cache = Path(tmp) / "cache"
        print(f"corpus: {args.corpus or 'bundled demo corpus'}" + (f" (first {args.limit} lines)" if args.limit else "")
              + (f"; compare by {args.by}" if args.by else ""))
        cold = run_phase(corpus, cache, interact=False, views=args.views, by=args.by, open_first=args.open_first,
                         background=True)
        for name, seconds in cold["times"].items():
            label = "cold first render (empty analysis cache)" if name == "first render" else name
            print(f"{label:<52} {seconds:8.2f} s", flush=True)
        background = cold["background_peak_mb"]
        print(f"{'peak memory of the cold run':<52} {cold['peak_mb']:8.0f} MB"
              + (f"   (background process: {background:.0f} MB)" if background else ""), flush=True)
        warm = run_phase(corpus, cache, interact=True, views=args.views, by=args.by)
        for name, seconds in warm["times"].items():
            label = "first render, analysis cached on disk" if name == "first render" else name
            print(f"{label:<52} {seconds:8.2f} s", flush=True)
        print(f"{'peak memory of the cached run':<52} {warm['peak_mb']:8.0f} MB", flush=True)
        again = run_phase(corpus, cache, interact=True, views=args.views, by=args.by)
        print("after a restart, every view's tables on disk:")
        for name, seconds in again["times"].items():
            if name == "first render" or name.startswith("open view"):
                print(f"  {name:<50} {seconds:8.2f} s", flush=True)
        print(f"  {'peak memory':<50} {again['peak_mb']:8.0f} MB")


if __name__ == "__main__":
    main()
