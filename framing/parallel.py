"""How many processes a stage uses: the ``workers`` option of ``analyze``, ``compound_scores``
and the CLI. ``None`` (the default) means every CPU this process may run on, once the work is
big enough to pay for starting the processes; a whole number is taken as it is, up to the CPUs
this process may run on (more only slows the work down, and every process is started at
once: ``--workers 10000`` used to fork ten thousand of them)."""
from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

from framing.errors import SettingsError


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def check_workers(workers: int | None) -> int | None:
    """``workers`` when it is None or a whole number from 1 to ``available_cpus()``; else a
    SettingsError naming the option (``--workers``) and the allowed values. Settings can call
    it before any work starts; ``resolve_workers`` calls it too."""
    if workers is None:
        return None
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise SettingsError(f"workers must be a whole number of processes, 1 or more (--workers N; leave it "
                            f"out, or None, for every CPU); got {workers!r}")
    cpus = available_cpus()
    if workers > cpus:
        raise SettingsError(f"workers must be at most {cpus}, the CPU{'' if cpus == 1 else 's'} this process "
                            f"may run on (--workers {cpus} or fewer; leave it out for every CPU); got {workers:,}")
    return workers


def resolve_workers(workers: int | None, units: int, *, min_units: int) -> int:
    """Processes for ``units`` pieces of work: ``workers`` when given (checked by
    ``check_workers``: 1 up to the CPUs available); with None, ``available_cpus()`` (at most
    one per unit) when there are at least ``min_units`` units, else 1."""
    checked = check_workers(workers)
    if checked is None:
        return min(available_cpus(), units) if units >= min_units else 1
    return checked


@contextmanager
def process_pool(workers: int, **options) -> Iterator:
    """A ``concurrent.futures.ProcessPoolExecutor`` of ``workers`` processes (``options`` go
    to it). While it runs, this process's objects are frozen out of the garbage collector
    (``gc.freeze``), so that forked workers never copy the pages of a big corpus they share
    with it just to look for garbage in them."""
    from concurrent.futures import ProcessPoolExecutor

    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, **options) as pool:
            yield pool
    finally:
        gc.unfreeze()
