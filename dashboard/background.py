"""Tables a new analysis needs for some views, computed in a background process so that the
first page does not wait for them.

On the 37,554 AllSides articles, grouping the articles into events and counting each article's
terms took 18 and 17 s after the 52 s analysis, and the first page waited for both. Now one
background process (started from a forkserver, never forked from Streamlit's threads) computes
them one after the other and keeps them in the disk cache (``framing.measure.cache.DiskCache``)
while the first page is drawn; a view that needs one before it is ready waits for it (``wait``).
Each job runs in a fresh process that ends with it, so the memory it used goes back to the
system.

This module does not import Streamlit: the background process imports it to run the jobs.
"""
from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

from framing.measure.cache import DiskCache
from framing.measure.engines import EngineSettings
from framing.measure.term_matrix import ArticleTerms, count_article_terms
from framing.settings import EventSettings, TermSettings

#: Smaller corpora get these tables in a second or two: computed when first needed, in the page's
#: own process (starting a process would cost more than it saves).
MIN_ARTICLES = 800

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_jobs: dict[str, Future] = {}

#: Reads the analysis's articles table (picklable: the background process calls it).
ArticlesReader = Callable[[], pd.DataFrame]


def grouped_events(read_articles: ArticlesReader, settings: EventSettings) -> pd.DataFrame:
    """``article_id`` and the ``event_id`` ``framing.compare.events.with_events`` gives each article."""
    from framing.compare.events import with_events

    return with_events(read_articles(), settings)[["article_id", "event_id"]]


def counted_terms(read_articles: ArticlesReader, settings: TermSettings, workers: int | None) -> ArticleTerms:
    """Each article's term counts (``framing.measure.term_matrix.count_article_terms``)."""
    return count_article_terms(read_articles(), settings, engine=EngineSettings(workers=workers))


def start(root: Path, key: str, compute: Callable[[], Any]) -> None:
    """Compute ``compute()`` in the background process and keep it in ``DiskCache(root)``
    under ``key``, unless it is kept there already or on its way. Jobs run in the order given."""
    with _lock:
        if key in _jobs or DiskCache(root).has_table(key):
            return
        _jobs[key] = _executor().submit(_keep, root, key, compute)


def wait(key: str) -> None:
    """Return once the background job for ``key`` (if any) has ended. A job that failed is
    logged and left to the caller, which computes the table itself and reports any error."""
    job = _jobs.get(key)
    if job is None:
        return
    try:
        job.result()
    except Exception as exc:  # the process died (memory) or the job raised: computed again by the caller
        _log.warning("the background job %s failed (%s: %s); computing it in this process", key[:12],
                     type(exc).__name__, exc)


def job_keys() -> list[str]:
    """The keys of the jobs started in this process, in the order they were started."""
    return list(_jobs)


def peak_mb() -> float | None:
    """The largest peak memory (MB) of the background processes whose jobs ended well (their
    own worker processes not included), None before any has."""
    peaks = [job.result() for job in _jobs.values() if job.done() and job.exception() is None]
    return max(peaks) if peaks else None


def _keep(root: Path, key: str, compute: Callable[[], Any]) -> float:
    """Keep ``compute()`` on disk (nothing big travels back); the process's peak memory in MB."""
    import resource

    DiskCache(root).table(key, compute)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver"),
                                    max_tasks_per_child=1)
    return _pool
