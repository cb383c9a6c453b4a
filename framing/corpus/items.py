"""One raw item to an article or a reason: the checks of every field's type and size, the
outlet (NFC, else the address's host), cleaning and the date, decided without the rest of the
corpus so that any process can decide it (``framing.corpus.load.CorpusBuilder`` then accepts
the outcomes in corpus order)."""
from __future__ import annotations

import unicodedata
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from framing.corpus.clean import Cleaned, clean_text
from framing.corpus.dates import ParsedDate, is_implausible, parse_date, truncate
from framing.corpus.fields import FieldProblem, article_id, article_text, invisible_characters, is_missing, only_invisible, short_text
from framing.corpus.readers import Item
from framing.corpus.records import DATE_PRECISIONS, Article, article_digest


class ItemOutcome(NamedTuple):
    """What one item becomes, decided without the rest of the corpus (so any process can decide
    it): a reason it is skipped before its id is checked (``early``), or after (``late``), or
    an article; the notes it raises, in order (``reader_notes`` while it was read,
    ``notes`` before the duplicate checks, ``date_notes`` once it is accepted). Whether it
    repeats an earlier id or text is decided in order by ``CorpusBuilder.accept``."""

    source: str
    article_id: str | None
    early: str | None = None
    late: str | None = None
    article: Article | None = None
    reader_notes: tuple[tuple[str, str], ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    date_notes: tuple[tuple[str, str], ...] = ()
    #: ``article_digest`` of the article as read (raw text included, kept or not).
    digest: bytes = b""

    def accepted_article(self) -> Article:
        """The article of an outcome with no reason to skip it (``item_outcome`` always builds one then)."""
        assert self.article is not None, f"{self.source}: an item with no reason to skip it has an article"
        return self.article


def item_outcome(item: Item, mapping: dict[str, str | None], *, clean: bool = True, keep_raw: bool = True,
                 reader_notes: tuple[tuple[str, str], ...] = ()) -> ItemOutcome:
    """What ``item`` becomes with ``mapping`` (``resolve_columns``): its checks of every field's
    type and size (``framing.corpus.fields``), cleaning and date, which need no other article."""
    row = item.row
    try:
        given_id = article_id(_value(row, mapping["id"]), mapping["id"])
    except FieldProblem as problem:
        return ItemOutcome(item.source, item.default_id, early=str(problem), reader_notes=reader_notes)
    item_id = given_id or item.default_id
    outcome = ItemOutcome(item.source, item_id, reader_notes=reader_notes)
    if item.problem:
        return outcome._replace(early=item.problem)
    try:
        column = mapping["text"]
        assert column is not None, "only sources with a text column reach this point"
        raw = article_text(row.get(column), column)
    except FieldProblem as problem:
        return outcome._replace(early=str(problem))
    notes: list[tuple[str, str]] = []
    try:
        url, outlet, title = (short_text(_value(row, mapping[f]), f, mapping[f]) for f in ("url", "outlet", "title"))
        outlet = _outlet(outlet, url, item_id, notes)
    except FieldProblem as problem:
        return outcome._replace(late=str(problem), notes=tuple(notes))
    cleaned = clean_text(raw, title=title) if clean else Cleaned(raw, ())
    if not cleaned.body.strip():
        return outcome._replace(late="empty after cleaning (only page furniture)", notes=tuple(notes))
    accepted_notes = _invisible_notes(item_id, id=item_id, outlet=outlet, title=title)
    try:
        date = _item_date(row, mapping, item_id, lambda kind, example: accepted_notes.append((kind, example)))
    except FieldProblem as problem:
        return outcome._replace(late=str(problem), notes=tuple(notes))
    article = Article(
        id=item_id, outlet=outlet, title=title or "", date=date.value, date_precision=date.precision,
        url=url, raw_text=raw if keep_raw else cleaned.body, body=cleaned.body,
        removed=cleaned.removed if keep_raw else (), meta=_meta(row, mapping), source=item.source)
    digest = article_digest(item_id, outlet, title or "", date.value, date.precision, url, raw)
    return outcome._replace(article=article, notes=tuple(notes), date_notes=tuple(accepted_notes), digest=digest)


def _outlet(outlet: str | None, url: str | None, item_id: str, notes: list[tuple[str, str]]) -> str:
    """The outlet's name in Unicode NFC (names that look the same are one outlet), else the
    host of the address; FieldProblem when there is neither."""
    if outlet and only_invisible(outlet):
        notes.append(("outlet made only of invisible characters (taken as missing)", f"{item_id}: {outlet!r}"))
        outlet = None
    if outlet and not unicodedata.is_normalized("NFC", outlet):
        outlet = unicodedata.normalize("NFC", outlet)
        notes.append(("outlet name normalised to Unicode NFC (so that names that look the same are one outlet)",
                      f"{item_id}: {outlet!r}"))
    if not outlet and url:
        outlet = _host(url)
        if outlet:
            notes.append(("outlet missing, taken from the url's host", item_id))
    if not outlet:
        raise FieldProblem("missing required field: outlet")
    return outlet


def _invisible_notes(item_id: str, **fields: str | None) -> list[tuple[str, str]]:
    """A note for each id, outlet or title holding invisible or control characters."""
    if "".join(value or "" for value in fields.values()).isprintable():  # the common case, in C
        return []
    notes = []
    for field, value in fields.items():
        value = value or ""
        found = invisible_characters(value)
        if found:
            shown = value if len(value) <= 60 else value[:59] + "…"
            notes.append(("invisible or control characters in an id, outlet or title (kept as given)",
                          f"{item_id}: {field} {shown!r} has {', '.join(found)}"))
    return notes


def _item_date(row: dict, mapping: dict[str, str | None], article_id: str, note) -> ParsedDate:
    value = row.get(mapping["date"]) if mapping["date"] else None
    date = parse_date(value)
    declared = short_text(_value(row, mapping["date_precision"]), "date_precision", mapping["date_precision"])
    if declared and date.value:
        date = _apply_declared_precision(date, declared.lower(), article_id, note)
    if date.problem:
        note(date.problem.split(" '")[0].split(" (")[0], f"{article_id}: {date.problem}")
    if date.value is None and not date.problem:
        note("no date", article_id)
    elif is_implausible(date.value):
        note("implausible date (before 1800 or after today; kept as given)", f"{article_id} ({date.value})")
    return date


def _apply_declared_precision(date: ParsedDate, declared: str, article_id: str, note) -> ParsedDate:
    if declared not in DATE_PRECISIONS or declared == "unknown":
        note("date_precision not one of day, month, year (ignored)", f"{article_id}: {declared!r}")
        return date
    if DATE_PRECISIONS.index(declared) < DATE_PRECISIONS.index(date.precision):
        note("date_precision finer than the date given (kept the date's own precision)", article_id)
        return date
    return truncate(date, declared)


def _value(row: dict, column: str | None) -> Any:
    return row.get(column) if column else None


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # "http://[::1" and other addresses urllib cannot split
        return None
    return host.removeprefix("www.") if host else None


def _meta(row: dict, mapping: dict[str, str | None]) -> dict[str, Any]:
    """Every field of the source that is not an article field, unchanged; plus ``event_id``."""
    used = {column for field, column in mapping.items() if column and field != "event_id"}
    meta = {key: None if is_missing(value) else value for key, value in row.items() if key not in used}
    if mapping["event_id"] and mapping["event_id"] != "event_id":
        meta["event_id"] = meta.pop(mapping["event_id"])
    return meta
