"""The progress bar of long commands (tqdm on standard error): articles done, rate and time
left, shown once a command has run for ``DELAY`` seconds; never with ``--quiet`` or when
standard error is not a terminal, so piped and redirected output stays clean."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: Seconds before a bar appears (shorter commands show none).
DELAY = 2.0


@contextmanager
def progress_bar(label: str, *, quiet: bool = False, stream=None) -> Iterator[Callable[[int, float | None], None] | None]:
    """A ``progress(articles done, share of the source read)`` callback drawing a bar on
    ``stream`` (default: standard error), or None when quiet or not on a terminal."""
    stream = sys.stderr if stream is None else stream
    if quiet or not getattr(stream, "isatty", lambda: False)():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=None, desc=label, unit=" articles", file=stream, delay=DELAY, mininterval=0.5,
               dynamic_ncols=True, leave=False)

    def progress(done: int, share: float | None) -> None:
        if share:
            bar.total = max(done, round(done / share))
        bar.update(done - bar.n)

    try:
        yield progress
    finally:
        bar.close()
