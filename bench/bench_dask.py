"""The Dask engine on a real cluster on this machine: an explicitly started ``dask scheduler``
and one, then two, ``dask worker`` processes (one thread each), running
``framing analyze CORPUS --store DIR --engine dask --scheduler ADDRESS`` as a user runs it;
one worker and two in turn, ``--repeat`` rounds; then the default engine on the same corpus.
Prints each run's wall time, the medians, the speed-up of two workers over one pair by pair,
and whether the stores' tables are identical.

    python bench/bench_dask.py DATA_PATH [--limit N] [--work DIR] [--port 8786] [--repeat 3]

The workers read their chunks from the corpus file themselves, so DATA_PATH is first written
out uncompressed (``--limit`` keeps the first N articles) under ``--work``.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import statistics
import subprocess
import sys
import time
from pathlib import Path

PYTHON = sys.executable
DASK = str(Path(PYTHON).with_name("dask"))


def uncompressed(source: Path, target: Path, limit: int | None) -> Path:
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as fh, target.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice((line for line in fh if line.strip()), limit))
    return target


def started(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stopped(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)


def wait_for_workers(address: str, n: int) -> None:
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(n, timeout=120)
        deadline = time.time() + 60
        while len(client.scheduler_info(n_workers=-1)["workers"]) != n:  # a stopped worker has left
            if time.time() > deadline:
                raise SystemExit(f"bench_dask: the scheduler does not see exactly {n} worker(s)")
            time.sleep(0.2)


def timed_analyze(corpus: Path, store: Path, extra: list[str]) -> float:
    import shutil

    shutil.rmtree(store, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([PYTHON, "-m", "framing", "analyze", str(corpus), "--store", str(store), "--quiet", *extra],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def same_tables(a: Path, b: Path) -> bool:
    import pandas as pd

    from framing.measure.store import Store

    for table in ("articles", "sentences", "hits"):
        try:
            pd.testing.assert_frame_equal(Store(a).read_table(table), Store(b).read_table(table))
        except AssertionError:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_path", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (default: all)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/framing-bench-dask"))
    parser.add_argument("--port", type=int, default=8786)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of (1 worker, 2 workers), in turn (default 3)")
    args = parser.parse_args(argv)
    if not args.data_path.is_file():
        sys.exit(f"bench_dask: {args.data_path}: no such file (give the AllSides JSON lines)")
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = uncompressed(args.data_path, args.work / "corpus.jsonl", args.limit)
    address = f"tcp://127.0.0.1:{args.port}"
    scheduler = started([DASK, "scheduler", "--port", str(args.port), "--no-dashboard"])
    workers: list[subprocess.Popen] = []
    times: dict[int, list[float]] = {1: [], 2: []}
    try:
        for round_ in range(args.repeat):  # one worker, then two, in turn: a drift in the machine's speed hits both
            for n in (1, 2):
                while len(workers) > n:
                    stopped(workers.pop())
                while len(workers) < n:
                    workers.append(started([DASK, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                            "--no-dashboard"]))
                wait_for_workers(address, n)
                seconds = timed_analyze(corpus, args.work / f"store-dask{n}", ["--engine", "dask", "--scheduler", address])
                times[n].append(seconds)
                print(f"round {round_ + 1}: dask scheduler + {n} worker(s): {seconds:.1f} s wall", flush=True)
    finally:
        for process in [*workers, scheduler]:
            stopped(process)
    local = timed_analyze(corpus, args.work / "store-local", [])
    print(f"default engine (every CPU): {local:.1f} s wall")
    ratios = [one / two for one, two in zip(times[1], times[2])]
    print(f"median wall: 1 worker {statistics.median(times[1]):.1f} s, 2 workers {statistics.median(times[2]):.1f} s; "
          f"two workers over one, pair by pair: median {statistics.median(ratios):.2f}x "
          f"({min(ratios):.2f}-{max(ratios):.2f}; target >= 1.7x)")
    print(f"tables identical to the default engine's: {same_tables(args.work / 'store-dask2', args.work / 'store-local')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
