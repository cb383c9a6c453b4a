"""The limits the loader holds every input to, each stated once and named in its messages.

A limit turns an input that would exhaust memory or time into a reported skip (one article
too big) or an error (a structure no corpus needs). Sizes in bytes are binary: ``MiB``.
"""
from __future__ import annotations

MiB = 1024 * 1024

#: Bytes of one record read whole: a line of JSON lines, an article file, a saved HTML page.
MAX_RECORD_BYTES = 32 * MiB
#: Characters of one article's text (about 170,000 words, far more than any news article).
MAX_ARTICLE_CHARS = 1_000_000
#: Characters of an id, outlet, title or address (a whole article in the title column is a mistake).
MAX_FIELD_CHARS = 2_000
#: Levels of nesting in one JSON document or line (an article object needs two or three).
MAX_JSON_DEPTH = 64


def mib(n_bytes: int) -> str:
    """``n_bytes`` in MiB for a message: ``32 MiB``, ``0.5 MiB``."""
    value = n_bytes / MiB
    return f"{value:,.0f} MiB" if value >= 10 or value == int(value) else f"{value:,.1f} MiB"
