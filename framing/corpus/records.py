"""Immutable records that flow between stages (see docs/data-model.md)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

DATE_PRECISIONS = ("day", "month", "year", "unknown")


@dataclass(frozen=True)
class RemovedSegment:
    """A span of the raw text that cleaning removed, and why (``reason`` is a short code
    such as ``navigation``, ``subscription``, ``donation``, ``comments``, ``duplicate-headline``)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One article. ``date`` is an ISO date as precise as the source is (``2019``,
    ``2019-03`` or ``2019-03-18``; ``None`` when unknown) and ``date_precision`` says which.
    ``body`` is the cleaned text every later stage reads; ``removed`` says what cleaning took
    out of ``raw_text``; ``meta`` keeps every extra column or field the source had;
    ``source`` names the file (and line or row) the article came from."""

    id: str
    outlet: str
    title: str
    date: str | None
    date_precision: str
    url: str | None
    raw_text: str
    body: str
    removed: tuple[RemovedSegment, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), hash=False, compare=False)
    source: str = ""

    def __post_init__(self) -> None:
        if self.date_precision not in DATE_PRECISIONS:
            raise ValueError(f"date_precision must be one of {DATE_PRECISIONS}, got {self.date_precision!r}")
        if not isinstance(self.meta, MappingProxyType):
            object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    def __reduce__(self):
        """Pickled with ``meta`` as a dict (a mapping proxy cannot be), so articles can travel
        between processes."""
        return (Article, (self.id, self.outlet, self.title, self.date, self.date_precision, self.url,
                          self.raw_text, self.body, self.removed, dict(self.meta), self.source))


@dataclass(frozen=True)
class SkippedItem:
    """An input that did not become an article: where it was and why."""

    source: str
    reason: str
    item_id: str | None = None


@dataclass
class LoadReport:
    """Accounts for every input: ``loaded + len(skipped) == seen`` always.
    ``notes`` holds things worth knowing that did not stop an article from loading
    (a decoding fallback, an implausible date, a manifest row without a file...)."""

    seen: int = 0
    loaded: int = 0
    skipped: list[SkippedItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: ``corpus_fingerprint`` of the articles loaded, from their raw texts (None when not known).
    fingerprint: str | None = None

    def skip(self, source: str, reason: str, item_id: str | None = None) -> None:
        self.skipped.append(SkippedItem(source, reason, item_id))

    @property
    def balanced(self) -> bool:
        return self.loaded + len(self.skipped) == self.seen


@dataclass(frozen=True)
class Corpus:
    """The articles a load produced, with the report that accounts for every input."""

    articles: tuple[Article, ...]
    report: LoadReport
    path: str = ""

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self):
        return iter(self.articles)


def article_digest(article_id: str, outlet: str, title: str, date: str | None, date_precision: str,
                   url: str | None, raw_text: str) -> bytes:
    """SHA-256 of one article's id, outlet, title, date, address and raw text (each prefixed by
    its length, so no two different articles share the bytes hashed)."""
    digest = hashlib.sha256()
    for value in (article_id, outlet, title, date or "", date_precision, url or "", raw_text):
        encoded = value.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))
        digest.update(encoded)
    return digest.digest()


class FingerprintSum:
    """A corpus fingerprint built one article at a time, in any order: the sum modulo 2**256
    of the articles' digests (the additive multiset hash, MSet-Add-Hash, of Clarke et al.
    2003, "Incremental multiset hash functions and their application to memory integrity
    checking"), so a load read in parallel chunks, or a store added to later, fingerprints its
    articles exactly as one pass over the whole corpus does."""

    MODULUS = 1 << 256

    def __init__(self, count: int = 0, total: int = 0):
        self.count, self.total = count, total

    def add(self, digest: bytes) -> None:
        self.count += 1
        self.total = (self.total + int.from_bytes(digest, "big")) % self.MODULUS

    def hexdigest(self) -> str:
        return hashlib.sha256(b"framing corpus fingerprint 2" + self.count.to_bytes(8, "big")
                              + self.total.to_bytes(32, "big")).hexdigest()

    def state(self) -> list:
        return [self.count, format(self.total, "064x")]

    @classmethod
    def from_state(cls, state: list) -> FingerprintSum:
        return cls(int(state[0]), int(state[1], 16))


def corpus_fingerprint(corpus: Corpus | Iterable[Article]) -> str:
    """A digest of every article's id, outlet, title, date, address and raw text
    (``article_digest``, combined by ``FingerprintSum``): the same articles give the same
    fingerprint whatever order or folder they were loaded from; any changed character gives
    another. A load computes it as it reads (``LoadReport.fingerprint``), from the raw texts
    even when it does not keep them."""
    total = FingerprintSum()
    for article in corpus:
        total.add(article_digest(article.id, article.outlet, article.title, article.date, article.date_precision,
                                 article.url, article.raw_text))
    return total.hexdigest()
