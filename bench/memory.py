"""Peak memory of a benchmark's whole process tree (the process and its worker processes).

``ru_maxrss`` of a worker counts the pages it shares with the process that forked it, so
the sum of the processes' peaks overstates what they use together. ``TreeMemory`` samples
the proportional set size (PSS: each shared page split among the processes sharing it) of
the process and all its descendants from ``/proc/<pid>/smaps_rollup``, and keeps the largest
total seen. Linux only; elsewhere ``available`` is False and the peak stays 0.

Sampling is not free: the kernel walks every sampled process's page tables to sum its PSS, and
on the AllSides analysis (two workers, 1.6 GB in all) four samples a second slowed it by 2-5 s
of 38. Time a pipeline in a run of its own, without the sampler.
"""
from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):  # the task ended while we looked
            found += [int(p) for p in task.read_text().split()]
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_pss_mb(root: int | None = None) -> float:
    """PSS of ``root`` (default: this process) and every descendant, in MB."""
    todo, total = [root or os.getpid()], 0
    while todo:
        pid = todo.pop()
        total += _pss_kb(pid)
        todo += _children(pid)
    return total / 1024


class TreeMemory:
    """Samples ``tree_pss_mb`` every ``interval`` seconds in a thread while running."""

    available = Path("/proc/self/smaps_rollup").exists()

    def __init__(self, interval: float = 0.25):
        self.interval, self.peak_mb, self.running = interval, 0.0, False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, tree_pss_mb())
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        if self.available:
            self._thread.start()
            self.running = True
        return self

    def __exit__(self, *exc) -> None:
        self.running = False
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
