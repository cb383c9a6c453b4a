"""Bytes to text, decoded before they are split and line by line where the encoding allows.

UTF-16 and UTF-32 are recognised by their byte order mark, and UTF-16 without one by the
pattern of its NUL bytes; such a file is decoded whole before anything splits it into lines.
Any other file is UTF-8 when it all is; else each line is decoded on its own (UTF-8, then
cp1252, then latin-1) and the lines that fell back are listed, so one cp1252 row never turns
the UTF-8 rows around it into mojibake. Bytes that are not text raise ``UndecodableError``
with the reason: NUL bytes in an 8-bit file, a text that is mostly control characters, or
lines made mostly of bytes above 127 that are not UTF-8 (binary data, or an encoding such as
cp1251 or Shift-JIS that would come out as garbage).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: Share of control characters (C0 but tab, newlines and form feeds; DEL; C1; U+FFFD) above
#: which a text is taken for binary data. Real text has next to none.
BINARY_CONTROL_SHARE = 0.05
#: Share of bytes above 127 in the lines that are not UTF-8 above which they are taken for
#: binary data or an unsupported encoding (cp1252 prose has a few per cent).
FOREIGN_BYTE_SHARE = 0.30
#: Lines shorter than this are not judged by FOREIGN_BYTE_SHARE alone ("Ça" is 2 bytes of 3).
_FOREIGN_MIN_BYTES = 16
_SNIFF_BYTES = 4096
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_HIGH = re.compile(rb"[\x80-\xff]")


class UndecodableError(ValueError):
    """Bytes that are not text in any encoding we read (binary data, NUL bytes)."""


@dataclass(frozen=True)
class Fallback:
    """A line that is not UTF-8: its number (from 1), its characters in the decoded text
    (``start``, ``end``), the encoding used and whether it looks like binary data."""

    line: int
    start: int
    end: int
    encoding: str
    foreign: bool = False


@dataclass(frozen=True)
class Decoded:
    """Decoded text; ``encoding`` is ``utf-8`` (possibly with ``fallbacks``: lines in cp1252 or
    latin-1), ``utf-16``/``utf-32`` (by byte order mark) or ``utf-16-le``/``utf-16-be``
    (recognised without one)."""

    text: str
    encoding: str = "utf-8"
    fallbacks: tuple[Fallback, ...] = ()
    mixed: bool = False  # some lines needed no fallback although they hold non-ASCII UTF-8

    def fallback_encoding(self) -> str | None:
        """The weakest fallback used (latin-1 over cp1252), or None."""
        encodings = {f.encoding for f in self.fallbacks}
        return "latin-1" if "latin-1" in encodings else ("cp1252" if encodings else None)


def wide_encoding(head: bytes) -> str | None:
    """``utf-32``/``utf-16`` when ``head`` starts with their byte order mark, ``utf-16-le`` or
    ``utf-16-be`` when its NUL bytes fall where those of UTF-16 text do; else None."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[: min(len(head), _SNIFF_BYTES) // 2 * 2]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def binary_reason(text: str) -> str | None:
    """Why ``text`` looks like binary data rather than text, or None."""
    if not text:
        return None
    controls = len(_CONTROL.findall(text))
    if controls > BINARY_CONTROL_SHARE * len(text):
        return (f"looks like binary data: {controls / len(text):.0%} of its characters are control characters "
                f"(more than {BINARY_CONTROL_SHARE:.0%})")
    return None


_C0_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def binary_reason_utf8(encoded: bytes, n_chars: int) -> str | None:
    """``binary_reason`` of a text from its UTF-8 bytes (which the caller has anyway): the
    same characters counted in one pass of ``bytes.translate``, a third of the regex's cost."""
    controls = len(encoded) - len(encoded.translate(None, _C0_BYTES)) + encoded.count(b"\xef\xbf\xbd")
    if b"\xc2" in encoded:
        controls += len(_C1_UTF8.findall(encoded))
    if n_chars and controls > BINARY_CONTROL_SHARE * n_chars:
        return (f"looks like binary data: {controls / n_chars:.0%} of its characters are control characters "
                f"(more than {BINARY_CONTROL_SHARE:.0%})")
    return None


def decode_line(raw: bytes) -> tuple[str, str | None, bool]:
    """One line of an 8-bit file: its text, the fallback encoding used (None for UTF-8) and
    whether it looks foreign (mostly bytes above 127 without being UTF-8)."""
    try:
        return raw.decode("utf-8"), None, False
    except UnicodeDecodeError:
        pass
    high = len(_HIGH.findall(raw))
    foreign = len(raw) >= _FOREIGN_MIN_BYTES and high > FOREIGN_BYTE_SHARE * len(raw)
    try:
        return raw.decode("cp1252"), "cp1252", foreign
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1", foreign


def decode_text(data: bytes, *, whole_file_is_text: bool = True) -> Decoded:
    """The text of a whole file (see the module's docstring). Raises UndecodableError; with
    ``whole_file_is_text=False`` (tables, whose records are judged one by one) a high share
    of control characters is left for the caller to judge."""
    wide = wide_encoding(data[:_SNIFF_BYTES])
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"starts like {wide.upper()} text but byte {exc.start:,} is not valid "
                                   f"{wide.upper()}; save it as UTF-8") from None
        decoded = Decoded(text, wide)
    elif b"\x00" in data:
        raise UndecodableError("contains NUL bytes (a binary file, or UTF-16 without a byte order mark)")
    else:
        try:
            decoded = Decoded(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            decoded = _decode_lines(data)
    reason = binary_reason(decoded.text) if whole_file_is_text else None
    if reason:
        raise UndecodableError(reason)
    return decoded


def _decode_lines(data: bytes) -> Decoded:
    """Each line on its own: UTF-8, else cp1252, else latin-1 (line ends are ASCII in all three)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    pieces: list[str] = []
    fallbacks: list[Fallback] = []
    offset, mixed = 0, False
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        text, encoding, foreign = decode_line(raw)
        if encoding:
            fallbacks.append(Fallback(number, offset, offset + len(text), encoding, foreign))
        elif not raw.isascii():
            mixed = True
        pieces.append(text)
        offset += len(text)
    return Decoded("".join(pieces), "utf-8", tuple(fallbacks), mixed)


def foreign_reason(fallbacks: tuple[Fallback, ...] | list[Fallback], text: str) -> str | None:
    """Why the fallback lines of ``text`` look like binary data or an unsupported encoding
    (judged over all of them together), or None."""
    if not fallbacks:
        return None
    chars = sum(f.end - f.start for f in fallbacks)
    high = sum(sum(1 for ch in text[f.start:f.end] if ord(ch) > 127) for f in fallbacks)
    if chars >= _FOREIGN_MIN_BYTES and high > FOREIGN_BYTE_SHARE * chars:
        return (f"not UTF-8, and {high / chars:.0%} of the bytes that are not are above 127: binary data, or "
                f"text in an encoding other than UTF-8, cp1252 or latin-1; save it as UTF-8")
    return None


def fallback_note(decoded: Decoded, name: str) -> tuple[str, str] | None:
    """The note (kind, example) for a decoded file whose lines fell back, or None: the file's
    name when every non-ASCII line did, else the file and the lines."""
    encoding = decoded.fallback_encoding()
    if encoding is None:
        if decoded.encoding in ("utf-16-le", "utf-16-be"):
            return f"UTF-16 without a byte order mark (decoded as {decoded.encoding.upper()})", name
        return None
    if not decoded.mixed:
        return f"not UTF-8, decoded as {encoding}", name
    lines = [f.line for f in decoded.fallbacks]
    shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
    return f"some lines not UTF-8, decoded as {encoding} (the others as UTF-8)", f"{name} line{'s' if len(lines) > 1 else ''} {shown}"
