"""Where the per-chunk analysis runs: this process, a pool of local processes (the default), or
the tasks of a Dask cluster (``--engine dask``: a ``LocalCluster`` by default, or any running
scheduler: ``--scheduler tcp://HOST:8786``).

Every engine maps one function over the chunks and hands the results back IN CHUNK ORDER, with
at most a few chunks in flight per worker, so a corpus of any size is never held whole and the
tables are merged exactly as the one-process run makes them: the engine changes where the work
runs, never what it gives.
"""
from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from framing.errors import SettingsError
from framing.parallel import available_cpus, process_pool, resolve_workers

ENGINES = ("local", "dask")
#: Chunks in flight per worker: enough to keep every worker busy while results are gathered.
_AHEAD = 2


@dataclass(frozen=True)
class EngineSettings:
    """``engine`` (local or dask), ``workers`` (local processes or LocalCluster workers; None:
    every CPU once there are ``min_chunks`` chunks) and ``scheduler`` (a running Dask
    scheduler's address; None: start a LocalCluster)."""

    engine: str = "local"
    workers: int | None = None
    scheduler: str | None = None

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise SettingsError(f"engine must be one of {', '.join(ENGINES)}, got {self.engine!r}")
        if self.scheduler and self.engine != "dask":
            raise SettingsError("--scheduler names a Dask scheduler: give it with --engine dask")
        resolve_workers(self.workers, 1, min_units=1)  # checks a given number

    @property
    def slices(self) -> bool:
        """Whether workers should read their own byte ranges of the corpus (Dask)."""
        return self.engine == "dask"


def map_chunks(settings: EngineSettings, work: Callable[..., Any], chunks: Iterable, *,
               setup: Callable[..., None] | None = None, setup_args: tuple = (), min_chunks: int = 4
               ) -> Iterator[Any]:
    """``work(chunk)`` for every chunk, results in chunk order. ``setup(*setup_args)``, when given, prepares
    each worker process once (or this process, when the work stays here)."""
    chunks = iter(chunks)
    if settings.engine == "dask":
        yield from _dask_map(settings, work, chunks, setup, setup_args)
        return
    head = list(itertools.islice(chunks, min_chunks))
    workers = resolve_workers(settings.workers, len(head), min_units=min_chunks)
    chunks = itertools.chain(head, chunks)
    if workers == 1 or len(head) < 2:
        if setup is not None:
            setup(*setup_args)
        yield from map(work, chunks)
        return
    with process_pool(workers, initializer=setup, initargs=setup_args, **_safe_start()) as pool:
        yield from _ordered(lambda chunk: pool.submit(work, chunk), chunks, workers * _AHEAD)


def _safe_start() -> dict:
    """Fork from the main thread (fast, shares the parent's pages); from any other thread (a
    Streamlit session, a web server) start workers from a fresh forkserver process instead, as
    forking a process that runs other threads can copy a lock some thread holds."""
    if threading.current_thread() is threading.main_thread():
        return {}
    import multiprocessing

    return {"mp_context": multiprocessing.get_context("forkserver")}


def _ordered(submit: Callable[[Any], Any], chunks: Iterator, ahead: int) -> Iterator[Any]:
    """Results of the futures ``submit`` makes, in order, with at most ``ahead`` pending."""
    pending: deque = deque(submit(chunk) for chunk in itertools.islice(chunks, ahead))
    while pending:
        result = pending.popleft().result()
        for chunk in itertools.islice(chunks, 1):
            pending.append(submit(chunk))
        yield result


# --- Dask ------------------------------------------------------------------------------------

def _dask_map(settings: EngineSettings, work, chunks: Iterator, setup, setup_args) -> Iterator[Any]:
    with _dask_client(settings) as client:
        shared = client.scatter(setup_args, broadcast=True) if setup_args else ()  # sent to each worker once
        workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))

        def submit(chunk):
            inline = not getattr(chunk, "is_slice", False)
            # straight to a worker, not via the scheduler; as one item (a tuple would be scattered part by part)
            # and not named by its content (two chunks holding an equal part would share one key)
            data = client.scatter([chunk], direct=True, hash=False)[0] if inline else chunk
            return client.submit(_prepared, work, setup, shared, data, pure=False)

        yield from _ordered(submit, chunks, workers * _AHEAD)


def _prepared(work, setup, setup_args, chunk):
    """``work(chunk)`` on a Dask worker; ``setup`` (if any) does nothing once the worker is prepared."""
    if setup is not None:
        setup(*setup_args)
    return work(chunk)


class _dask_client:
    """A Client of the scheduler named, or of a LocalCluster of ``workers`` processes
    (default: every CPU), closed on exit."""

    def __init__(self, settings: EngineSettings):
        self.settings = settings
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self):
        from distributed import Client, LocalCluster

        if self.settings.scheduler:
            self.client = Client(self.settings.scheduler)
        else:
            n = self.settings.workers or available_cpus()
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
