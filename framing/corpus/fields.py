"""What an article's fields may hold. The text, outlet, title, address and declared precision
must be text and the id text or a whole number: a value of another type (a number, an
object, a list, bytes) is never turned into text (``{'a': 1}``, ``b'Officials said'``) but
makes the item a reported skip naming the field and the type found (``FieldProblem``).
"""
from __future__ import annotations

import datetime as dt
import numbers
import unicodedata
from collections.abc import Mapping
from typing import Any

from framing.corpus.decoding import binary_reason_utf8
from framing.corpus.limits import MAX_ARTICLE_CHARS, MAX_FIELD_CHARS


class FieldProblem(Exception):
    """Why an item cannot become an article (the skip reason)."""


def is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def kind_of(value: Any) -> str:
    """What a value is, for a message: ``a number (int)``, ``an object (dict)``..."""
    name = type(value).__name__
    if isinstance(value, bool):
        return f"a true/false value ({name})"
    if isinstance(value, numbers.Number):
        return f"a number ({name})"
    if isinstance(value, Mapping):
        return f"an object ({name})"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"binary data ({name})"
    if isinstance(value, (dt.date, dt.time)):
        return f"a date or time ({name})"
    if hasattr(value, "__len__") and not isinstance(value, str):
        return f"a list ({name})"
    return f"a value of type {name}"


def article_text(value: Any, column: str) -> str:
    """The text of an article, or FieldProblem: missing, not text, too long, not decodable,
    or binary data."""
    if is_missing(value):
        raise FieldProblem("empty text")
    if not isinstance(value, str):
        raise FieldProblem(f"wrong type for the text ({column!r} holds {kind_of(value)}, not text)")
    if not value.strip():
        raise FieldProblem("empty text")
    if len(value) > MAX_ARTICLE_CHARS:
        raise FieldProblem(f"text too long ({len(value):,} characters, more than the {MAX_ARTICLE_CHARS:,} one "
                           f"article may have: MAX_ARTICLE_CHARS)")
    try:
        encoded = value.encode("utf-8")
    except UnicodeEncodeError:
        raise FieldProblem("undecodable bytes (lone surrogate characters in the text)") from None
    reason = binary_reason_utf8(encoded, len(value))
    if reason:
        raise FieldProblem(f"text looks like binary data ({reason.split(': ', 1)[1]})")
    return value


def short_text(value: Any, field: str, column: str | None) -> str | None:
    """An outlet, title, address or other short field: stripped text, or None when missing
    or blank; FieldProblem when it is not text or longer than MAX_FIELD_CHARS."""
    if column is None or is_missing(value):
        return None
    if not isinstance(value, str):
        raise FieldProblem(f"wrong type for the {field} ({column!r} holds {kind_of(value)}, not text)")
    return _bounded(value.strip(), field) or None


def article_id(value: Any, column: str | None) -> str | None:
    """An id: text, or a whole number written in digits (``12`` and ``12.0`` are ``"12"``)."""
    if column is None or is_missing(value):
        return None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if not isinstance(value, str):
        raise FieldProblem(f"wrong type for the id ({column!r} holds {kind_of(value)}, not text or a whole number)")
    return _bounded(value.strip(), "id") or None


def _bounded(text: str, field: str) -> str:
    if len(text) > MAX_FIELD_CHARS:
        raise FieldProblem(f"{field} too long ({len(text):,} characters, more than the {MAX_FIELD_CHARS:,} "
                           f"allowed: MAX_FIELD_CHARS)")
    return text


def has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def invisible_characters(text: str) -> list[str]:
    """The control and format characters in ``text`` (direction overrides such as U+202E,
    zero-width spaces, controls) as ``U+XXXX`` names, once each."""
    if text.isprintable():  # no Cc or Cf character (the common case, checked in C)
        return []
    found = {f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) in ("Cc", "Cf")}
    return sorted(found)


def only_invisible(text: str) -> bool:
    """True when ``text`` holds nothing a reader would see (spaces, controls, format characters)."""
    if text.isprintable():  # no control or format character: invisible only if blank
        return not text.strip()
    return all(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in text)
