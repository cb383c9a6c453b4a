"""How many processes a stage uses: the ``workers`` option of ``analyze``, ``compound_scores``
and the CLI. ``None`` (the default) means every CPU this process may run on, once the work is
big enough to pay for starting the processes; a whole number is taken as it is."""
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


def resolve_workers(workers: int | None, units: int, *, min_units: int) -> int:
    """Processes for ``units`` pieces of work: ``workers`` when given (a whole number, 1 or
    more); with None, ``available_cpus()`` (at most one per unit) when there are at least
    ``min_units`` units, else 1."""
    if workers is None:
        return min(available_cpus(), units) if units >= min_units else 1
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise SettingsError(f"workers must be a whole number of processes, 1 or more (or None for every "
                            f"CPU); got {workers!r}")
    return workers


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
