"""Scaling of the processed-corpus store: time and peak memory of ``framing analyze`` and of
``framing score`` from the store, as a user runs them (whole processes), on the corpus and on
copies of it 2x and 4x as large (each copy's articles get new ids and a last line naming the
copy, so none is a repeat).

    python bench/bench_store.py DATA_PATH [--scales 1,2,4] [--work DIR] [--table sentiment]

``--replicate-store`` makes the larger stores from the 1x store's parts (ids suffixed), to
measure ``framing score`` from a big store without analysing it. Prints, for each scale:
articles, wall and CPU seconds of each command (CPU of the process and all its workers), and
the peak memory of all its processes together (PSS, shared pages counted once, sampled four
times a second from /proc by ``memory.tree_pss_mb``).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from memory import tree_pss_mb

PYTHON = sys.executable


def replicate(source: Path, copies: int, target: Path) -> int:
    """``copies`` copies of every record of ``source`` (JSON lines) into ``target``; returns the records."""
    opener = gzip.open if source.suffix == ".gz" else open
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            with opener(source, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    if copy:
                        record["id"] = f"{record.get('id')}-copy{copy}"
                        record["text"] = f"{record.get('text') or ''}\n\nCopy {copy}."
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
    return count


def replicated_store(source: Path, copies: int, target: Path) -> None:
    """A store of ``copies`` copies of the store ``source``, each copy's article ids suffixed
    ``-copyK``: the tables analysing the replicated corpus would give (less the copy's last line),
    made in seconds, for measuring what reading a bigger store costs without analysing it."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    shutil.rmtree(target, ignore_errors=True)
    manifest = json.loads((source / "manifest.json").read_text())
    parts = []
    for table in ("articles", "sentences", "hits"):
        (target / table).mkdir(parents=True)
    for copy in range(copies):
        for part in manifest["parts"]:
            name = f"{part}-copy{copy}"
            for table in ("articles", "sentences", "hits"):
                data = pq.read_table(source / table / f"{part}.parquet")
                if copy:
                    ids = pc.binary_join_element_wise(data["article_id"].cast(pa.string()), f"-copy{copy}", "")
                    data = data.set_column(data.schema.get_field_index("article_id"), "article_id",
                                           ids if table == "articles" else ids.dictionary_encode())
                pq.write_table(data, target / table / f"{name}.parquet")
            parts.append(name)
    manifest["parts"] = parts
    manifest["report"]["loaded"] *= copies
    manifest["report"]["seen"] *= copies
    (target / "manifest.json").write_text(json.dumps(manifest))
    shutil.copy(source / manifest["load_state"], target / manifest["load_state"])


def measured(command: list[str], stdout) -> dict:
    """Run ``command``; its wall and CPU seconds (workers included) and the peak PSS of its tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, text=True)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_mb(process.pid))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        sys.exit(f"bench_store: {' '.join(command)} failed ({process.returncode}): {err[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak": peak[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_path", type=Path)
    parser.add_argument("--scales", default="1,2,4", help="corpus copies to measure (default 1,2,4)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/framing-bench-store"),
                        help="where the copies and stores are written (default /tmp/framing-bench-store)")
    parser.add_argument("--table", default="sentiment", help="the score table (default sentiment)")
    parser.add_argument("--replicate-store", action="store_true",
                        help="make the 2x, 4x stores by copying the 1x store's parts with new ids (seconds) "
                             "instead of analysing replicated corpora (hours on a busy machine); "
                             "analyze is then measured at 1x only")
    args = parser.parse_args(argv)
    if not args.data_path.is_file():
        sys.exit(f"bench_store: {args.data_path}: no such file (give the AllSides JSON lines, "
                 "e.g. ../shared/data/allsides_articles/articles.jsonl.gz)")
    args.work.mkdir(parents=True, exist_ok=True)
    framing = [PYTHON, "-m", "framing"]
    print(f"{'scale':>5} {'articles':>9}  {'analyze wall':>12} {'CPU':>7} {'peak MB':>8}   "
          f"{'score wall':>10} {'CPU':>7} {'peak MB':>8}", flush=True)
    for scale in (int(s) for s in args.scales.split(",")):
        corpus = args.data_path
        if scale > 1 and not args.replicate_store:
            corpus = args.work / f"corpus-x{scale}.jsonl"
            if not corpus.exists():
                replicate(args.data_path, scale, corpus)
        store = args.work / f"store-x{scale}"
        if args.replicate_store and scale > 1:
            replicated_store(args.work / "store-x1", scale, store)
            analyzed = {"wall": float("nan"), "cpu": float("nan"), "peak": float("nan")}
        else:
            shutil.rmtree(store, ignore_errors=True)
            analyzed = measured([*framing, "analyze", str(corpus), "--store", str(store), "--quiet"], subprocess.DEVNULL)
        n = json.loads((store / "manifest.json").read_text())["report"]["loaded"]
        with open(os.devnull, "w") as sink:
            scored = measured([*framing, "score", "--store", str(store), "--table", args.table, "--format", "csv",
                               "--quiet"], sink)
        print(f"{scale:>5} {n:>9,}  {analyzed['wall']:>10.1f} s {analyzed['cpu']:>6.1f}s {analyzed['peak']:>8,.0f}   "
              f"{scored['wall']:>8.1f} s {scored['cpu']:>6.1f}s {scored['peak']:>8,.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
