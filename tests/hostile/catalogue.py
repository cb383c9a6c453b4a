"""The hostile-input catalogue: each case writes one corpus (a file or a folder) that an
attacker or a careless user might hand over, and states its exact outcome:

- ``Fails(...)``: ``framing load`` exits 2 with one line naming the file (and line or field);
- ``Loads(...)``: exit 0, ``loaded + skipped == seen``, exactly these articles (with these
  bodies) and exactly these skips (with the start of their reason), and these notes.

ZIP uploads have a catalogue of their own (``ZIP_CASES``): ``Refused(...)`` for an upload
the dashboard turns down with a message, or ``Loads`` for the corpus it unpacks to.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import stat
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from framing.corpus.limits import MAX_ARTICLE_CHARS, MAX_FIELD_CHARS, MAX_RECORD_BYTES, MiB

S1 = "Officials said the talks in Geneva would resume on Monday after a pause."
S2 = "The delegation from the north walked out of the meeting on Friday evening."
S3 = "Ministers agreed to reopen the main border crossing for trade next week."
CP = "Caf\u00e9 owners said the \u201cnew\u201d rules were unfair \u2013 and costly for them."


@dataclass(frozen=True)
class Fails:
    """One line on stderr, exit 2, naming each of ``must``."""

    must: tuple[str, ...]


@dataclass(frozen=True)
class Loads:
    """``loaded``: article id -> exact body (None: any); ``skipped``: id -> start of the reason;
    ``notes``: a substring of some note each; ``outlets``: id -> exact outlet."""

    loaded: dict[str, str | None]
    skipped: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    outlets: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Refused:
    """An upload the dashboard refuses with an UploadError naming each of ``must``."""

    must: tuple[str, ...]


CASES: dict[str, tuple[Callable[[Path], Path], Fails | Loads]] = {}
ZIP_CASES: dict[str, tuple[Callable[[], bytes], Refused | Loads]] = {}


def case(name: str, expect: Fails | Loads):
    def register(make: Callable[[Path], Path]):
        assert name not in CASES, name
        CASES[name] = (make, expect)
        return make
    return register


def zip_case(name: str, expect: Refused | Loads):
    def register(make: Callable[[], bytes]):
        assert name not in ZIP_CASES, name
        ZIP_CASES[name] = (make, expect)
        return make
    return register


def write(tmp: Path, name: str, data: bytes | str) -> Path:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def csv_text(*rows: tuple[str, ...], header: str = "id,outlet,text") -> str:
    return header + "\n" + "".join(",".join(f'"{v}"' if ("," in v or "\n" in v) else v for v in row) + "\n"
                                   for row in rows)


def jsonl(*objects) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)


def folder(tmp: Path, manifest: str, files: dict[str, bytes | str] | None = None) -> Path:
    root = tmp / "corpus"
    root.mkdir()
    write(root, "manifest.csv", manifest)
    for name, data in (files or {}).items():
        write(root, name, data)
    return root


def random_bytes(n: int, *, seed: int, exclude: bytes = b"\x00") -> bytes:
    rng = random.Random(seed)
    allowed = [b for b in range(256) if b not in exclude]
    return bytes(rng.choice(allowed) for _ in range(n))


# --- CSV: encodings ---------------------------------------------------------------------------
@case("csv-mixed-utf8-and-cp1252-rows", Loads({"a": CP, "b": CP + " Again.", "c": S1},
                                              notes=("not UTF-8, decoded as cp1252: 1 (mixed.csv row 2)",)))
def _(tmp):
    return write(tmp, "mixed.csv", b"id,outlet,text\n" + f"a,A,{CP}\n".encode()
                 + f"b,B,{CP} Again.\n".encode("cp1252") + f"c,C,{S1}\n".encode())


@case("csv-all-cp1252", Loads({"a": CP}, notes=("not UTF-8, decoded as cp1252: 1 (win.csv row 1)",)))
def _(tmp):
    return write(tmp, "win.csv", f"id,outlet,text\na,A,{CP}\n".encode("cp1252"))


@case("csv-latin1-byte-undefined-in-cp1252", Loads({"a": "Caf\u00e9 owners \u0081 protested on Monday in the square."},
                                                   notes=("decoded as latin-1",)))
def _(tmp):
    return write(tmp, "odd.csv", b"id,outlet,text\na,A,Caf\xe9 owners \x81 protested on Monday in the square.\n")


@case("csv-utf8-bom", Loads({"a": S1}))
def _(tmp):
    return write(tmp, "bom.csv", codecs.BOM_UTF8 + csv_text(("a", "A", S1)).encode())


@case("csv-utf16-le-with-bom", Loads({"a": CP}))
def _(tmp):
    return write(tmp, "u16.csv", codecs.BOM_UTF16_LE + csv_text(("a", "A", CP)).encode("utf-16-le"))


@case("csv-utf16-be-with-bom", Loads({"a": CP}))
def _(tmp):
    return write(tmp, "u16be.csv", codecs.BOM_UTF16_BE + csv_text(("a", "A", CP)).encode("utf-16-be"))


@case("csv-utf16-le-without-bom", Loads({"a": CP}, notes=("UTF-16 without a byte order mark (decoded as UTF-16-LE): 1 (nobom.csv)",)))
def _(tmp):
    return write(tmp, "nobom.csv", csv_text(("a", "A", CP)).encode("utf-16-le"))


@case("csv-utf16-truncated-odd-byte", Fails(("odd16.csv", "not valid UTF-16", "save it as UTF-8")))
def _(tmp):
    return write(tmp, "odd16.csv", codecs.BOM_UTF16_LE + csv_text(("a", "A", S1)).encode("utf-16-le") + b"x")


@case("csv-cp1251-row-is-a-skip", Loads({"a": S1}, skipped={"u-2": "undecodable bytes (not UTF-8, and mostly bytes above 127"}))
def _(tmp):
    russian = "\u041e\u0444\u0438\u0446\u0438\u0430\u043b\u044c\u043d\u044b\u0435 \u043b\u0438\u0446\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0438 \u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u0430\u0445"
    return write(tmp, "u.csv", f"id,outlet,text\na,A,{S1}\n".encode() + f",B,{russian}\n".encode("cp1251"))


@case("csv-random-bytes", Fails(("noise.csv", "cannot read as CSV", "binary data")))
def _(tmp):
    return write(tmp, "noise.csv", random_bytes(4000, seed=1))


@case("csv-nul-bytes", Fails(("nul.csv", "cannot read as CSV", "NUL bytes")))
def _(tmp):
    return write(tmp, "nul.csv", b"id,outlet,text\na,A,Officials\x00said\n")


@case("csv-empty-file", Fails(("empty.csv", "empty CSV file (no header row)")))
def _(tmp):
    return write(tmp, "empty.csv", b"")


@case("csv-header-only", Fails(("head.csv", "no articles found")))
def _(tmp):
    return write(tmp, "head.csv", "id,outlet,text\n")


# --- CSV: structure -------------------------------------------------------------------------
@case("csv-duplicate-text-column", Fails(("dup.csv", "column 'text' appears twice", "columns 3 and 4")))
def _(tmp):
    return write(tmp, "dup.csv", "id,outlet,text,text\na,A,first text here now,second text silently wins\n")


@case("csv-two-unnamed-columns", Fails(("blank.csv", "two columns have no name", "columns 4 and 5")))
def _(tmp):
    return write(tmp, "blank.csv", f"id,outlet,text,,\na,A,{S1},x,y\n")


@case("csv-unknown-outlet-column", Fails(("paper.csv", "no outlet column", "paper", "--outlet-column")))
def _(tmp):
    return write(tmp, "paper.csv", "paper,text\n" + "".join(f"P{i},{S1} {i}\n" for i in range(20)))


@case("csv-unknown-text-column", Fails(("story.csv", "no text column", "story_text", "--text-column")))
def _(tmp):
    return write(tmp, "story.csv", f"outlet,story_text\nA,{S1}\n")


@case("csv-unclosed-quote", Fails(("quote.csv", "malformed CSV in the row after data row 1", "quoting")))
def _(tmp):
    return write(tmp, "quote.csv", f'id,outlet,text\na,A,"{S1}"\nb,B,"{S2}\nc,C,"{S3}"\n')


@case("csv-extra-values", Loads({"a": S1}, notes=("CSV row with more values than header columns (extra values dropped): 1 (extra.csv row 1)",)))
def _(tmp):
    return write(tmp, "extra.csv", f"id,outlet,text\na,A,{S1},surplus,more\n")


@case("csv-formula-cells-stay-text", Loads({"a": "=HYPERLINK(\"http://evil.example\",\"click\") said officials on Monday.",
                                            "b": "+cmd|' /C calc'!A0 and @SUM(1+1) appear as written here."},
                                           outlets={"a": "=1+2", "b": "@SUM(A1:A9)"}))
def _(tmp):
    return write(tmp, "formula.csv", 'id,outlet,text\na,=1+2,"=HYPERLINK(""http://evil.example"",""click"") said officials on Monday."\n'
                 "b,@SUM(A1:A9),+cmd|' /C calc'!A0 and @SUM(1+1) appear as written here.\n")


@case("csv-old-mac-line-endings", Loads({"a": S1, "b": S2}))
def _(tmp):
    return write(tmp, "mac.csv", f"id,outlet,text\ra,A,{S1}\rb,B,{S2}\r")


@case("csv-crlf-with-a-cp1252-row", Loads({"a": S1, "b": CP}, notes=("not UTF-8, decoded as cp1252: 1 (crlf.csv row 2)",)))
def _(tmp):
    return write(tmp, "crlf.csv", f"id,outlet,text\r\na,A,{S1}\r\n".encode() + f"b,B,{CP}\r\n".encode("cp1252"))


@case("csv-quoted-newlines-span-rows", Loads({"a": f"{S1}\n\n{S2}", "b": S3}))
def _(tmp):
    return write(tmp, "multi.csv", f'id,outlet,text\na,A,"{S1}\n\n{S2}"\nb,B,{S3}\n')


# --- CSV: field values ----------------------------------------------------------------------
@case("text-mostly-control-characters", Loads({"a": S1}, skipped={"b": "text looks like binary data"}))
def _(tmp):
    noise = "".join(chr(c) for c in range(1, 9)) * 20
    return write(tmp, "ctl.csv", csv_text(("a", "A", S1), ("b", "B", noise + S2)))


@case("text-a-few-control-characters-kept", Loads({"a": S1 + "\x07 " + S2}))
def _(tmp):
    return write(tmp, "bell.csv", csv_text(("a", "A", S1 + "\x07 " + S2)))


@case("text-longer-than-an-article-may-be", Loads({"a": S1}, skipped={"big": "text too long (1,000,001 characters, more than the 1,000,000"}))
def _(tmp):
    return write(tmp, "big.csv", csv_text(("a", "A", S1), ("big", "B", "x" * (MAX_ARTICLE_CHARS + 1))))


@case("title-longer-than-a-field-may-be", Loads({"a": S1}, skipped={"b": "title too long"}))
def _(tmp):
    return write(tmp, "title.csv", csv_text(("a", "A", S1, "Fine"), ("b", "B", S2, "T" * (MAX_FIELD_CHARS + 1)),
                                            header="id,outlet,text,title"))


@case("id-longer-than-a-field-may-be", Loads({"a": S1}, skipped={"huge-2": "id too long"}))
def _(tmp):
    return write(tmp, "huge.csv", csv_text(("a", "A", S1), ("9" * (MAX_FIELD_CHARS + 1), "B", S2)))


@case("id-with-path-separators-is-just-an-id", Loads({"../../etc/passwd": S1, "C:\\Windows\\win.ini": S2}))
def _(tmp):
    return write(tmp, "ids.csv", csv_text(("../../etc/passwd", "A", S1), ("C:\\Windows\\win.ini", "B", S2)))


@case("outlet-with-rtl-override", Loads({"a": S1}, outlets={"a": "Daily \u202eswen\u202c Post"},
                                        notes=("invisible or control characters in an id, outlet or title (kept as given): 1 (a: outlet",
                                               "U+202C, U+202E")))
def _(tmp):
    return write(tmp, "rtl.csv", csv_text(("a", "Daily \u202eswen\u202c Post", S1)))


@case("outlet-names-differing-only-in-unicode-form", Loads({"a": S1, "b": S2}, outlets={"a": "Caf\u00e9 Post", "b": "Caf\u00e9 Post"},
                                                          notes=("outlet name normalised to Unicode NFC",)))
def _(tmp):
    return write(tmp, "nfd.csv", csv_text(("a", "Caf\u00e9 Post", S1), ("b", "Cafe\u0301 Post", S2)))


@case("outlet-of-zero-width-spaces-is-missing", Loads({"a": S1}, skipped={"b": "missing required field: outlet"},
                                                      notes=("outlet made only of invisible characters",)))
def _(tmp):
    return write(tmp, "zw.csv", csv_text(("a", "A", S1), ("b", "\u200b\u200b", S2)))


@case("outlet-with-a-newline", Loads({"a": S1}, outlets={"a": "Daily\nPost"}, notes=("U+000A",)))
def _(tmp):
    return write(tmp, "nl.csv", csv_text(("a", "Daily\nPost", S1)))


@case("url-urllib-cannot-split", Loads({"a": S1}, skipped={"b": "missing required field: outlet"}))
def _(tmp):
    return write(tmp, "url.csv", csv_text(("a", "A", S1, ""), ("b", "", S2, "http://[::1"), header="id,outlet,text,url"))


@case("dates-that-are-not-dates", Loads({"a": S1, "b": S2, "c": S3}, notes=("impossible date", "unreadable date")))
def _(tmp):
    return write(tmp, "dates.csv", csv_text(("a", "A", S1, "9999-99-99"), ("b", "B", S2, "-1"), ("c", "C", S3, "x" * 5000),
                                            header="id,outlet,text,date"))


@case("duplicate-ids-and-texts", Loads({"a": S1, "c": S1}, skipped={"a": "duplicate id", "b": "duplicate text within outlet (same as a)"}))
def _(tmp):
    return write(tmp, "dups.csv", csv_text(("a", "A", S1), ("a", "A", S2), ("b", "A", S1), ("c", "C", S1)))


@case("only-page-furniture", Loads({"a": S1}, skipped={"b": "empty after cleaning (only page furniture)"}))
def _(tmp):
    return write(tmp, "furniture.csv", csv_text(("a", "A", S1), ("b", "B", "Subscribe to our newsletter\nShare on Facebook")))


@case("tsv-with-cp1252", Loads({"a": CP}, notes=("not UTF-8, decoded as cp1252: 1 (t.tsv row 1)",)))
def _(tmp):
    return write(tmp, "t.tsv", f"id\toutlet\ttext\na\tA\t{CP}\n".encode("cp1252"))


# --- JSON lines ---------------------------------------------------------------------------------
@case("jsonl-binary-line", Fails(("bin.jsonl:2", "binary data (NUL bytes)", "fix or delete that line")))
def _(tmp):
    return write(tmp, "bin.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1}).encode() + b"\x00\x01\x02\xff\xfe\n")


@case("jsonl-random-bytes-without-nul", Fails(("noise.jsonl:1", "malformed JSON line")))
def _(tmp):
    return write(tmp, "noise.jsonl", random_bytes(3000, seed=2, exclude=b"\x00\n"))


@case("jsonl-utf16-le-with-bom", Loads({"a": CP, "b": S1}))
def _(tmp):
    return write(tmp, "u16.jsonl", codecs.BOM_UTF16_LE + jsonl({"id": "a", "outlet": "A", "text": CP},
                                                              {"id": "b", "outlet": "B", "text": S1}).encode("utf-16-le"))


@case("jsonl-utf16-be-with-bom", Loads({"a": CP}))
def _(tmp):
    return write(tmp, "u16be.jsonl", codecs.BOM_UTF16_BE + jsonl({"id": "a", "outlet": "A", "text": CP}).encode("utf-16-be"))


@case("jsonl-utf16-le-without-bom", Loads({"a": CP}, notes=("UTF-16 without a byte order mark",)))
def _(tmp):
    return write(tmp, "nobom.jsonl", jsonl({"id": "a", "outlet": "A", "text": CP}).encode("utf-16-le"))


@case("jsonl-utf32-with-bom", Loads({"a": CP}))
def _(tmp):
    return write(tmp, "u32.jsonl", jsonl({"id": "a", "outlet": "A", "text": CP}).encode("utf-32"))


@case("jsonl-utf8-bom", Loads({"a": S1}))
def _(tmp):
    return write(tmp, "bom.jsonl", codecs.BOM_UTF8 + jsonl({"id": "a", "outlet": "A", "text": S1}).encode())


@case("jsonl-a-cp1252-line", Loads({"a": S1, "b": CP}, notes=("not UTF-8, decoded as cp1252: 1 (mix.jsonl:2)",)))
def _(tmp):
    return write(tmp, "mix.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1}).encode()
                 + jsonl({"id": "b", "outlet": "B", "text": CP}).encode("cp1252"))


@case("jsonl-nested-100000-deep", Fails(("deep.jsonl:2", "nested deeper than the 64 levels allowed (MAX_JSON_DEPTH)")))
def _(tmp):
    return write(tmp, "deep.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1}) + '{"m": ' + "[" * 100_000 + "]" * 100_000 + "}\n")


@case("jsonl-nested-just-over-the-limit", Fails(("over.jsonl:1", "JSON nested 65 levels deep, more than the 64 allowed")))
def _(tmp):
    return write(tmp, "over.jsonl", '{"id": "a", "outlet": "A", "text": "%s", "m": %s}\n' % (S1, "[" * 64 + "]" * 64))


@case("jsonl-nested-meta-within-the-limit", Loads({"a": S1}))
def _(tmp):
    return write(tmp, "meta.jsonl", '{"id": "a", "outlet": "A", "text": "%s", "m": %s}\n' % (S1, "[" * 10 + "1" + "]" * 10))


@case("jsonl-text-of-every-wrong-type", Loads({"ok": S1}, skipped={
    "n": "wrong type for the text ('text' holds a number (int), not text)",
    "f": "wrong type for the text ('text' holds a number (float), not text)",
    "o": "wrong type for the text ('text' holds an object (dict), not text)",
    "l": "wrong type for the text ('text' holds a list (list), not text)",
    "t": "wrong type for the text ('text' holds a true/false value (bool), not text)",
    "z": "empty text", "nan": "empty text"}))
def _(tmp):
    return write(tmp, "types.jsonl", jsonl({"id": "ok", "outlet": "A", "text": S1}, {"id": "n", "outlet": "A", "text": 123},
                                           {"id": "f", "outlet": "A", "text": 1.5}, {"id": "o", "outlet": "A", "text": {"a": 1}},
                                           {"id": "l", "outlet": "A", "text": ["Officials", "said"]},
                                           {"id": "t", "outlet": "A", "text": True}, {"id": "z", "outlet": "A", "text": None})
                 + '{"id": "nan", "outlet": "A", "text": NaN}\n')


@case("jsonl-outlet-title-url-of-wrong-types", Loads({}, skipped={
    "o": "wrong type for the outlet ('outlet' holds a number (int), not text)",
    "i": "wrong type for the outlet ('outlet' holds a number (float), not text)",
    "t": "wrong type for the title ('title' holds a list (list), not text)",
    "u": "wrong type for the url ('url' holds an object (dict), not text)"}))
def _(tmp):
    return write(tmp, "fields.jsonl", jsonl({"id": "o", "outlet": 7, "text": S1}, {"id": "t", "outlet": "A", "text": S2, "title": ["x"]},
                                            {"id": "u", "outlet": "A", "text": S3, "url": {"href": "x"}})
                 + '{"id": "i", "outlet": Infinity, "text": "%s"}\n' % CP)


@case("jsonl-ids-numbers-and-wrong-types", Loads({"12": S1, "123456789012345678901234567890": S2, "7": S3},
                                                 skipped={"ids-4": "wrong type for the id ('id' holds a true/false value (bool)",
                                                          "ids-5": "wrong type for the id ('id' holds an object (dict)"}))
def _(tmp):
    return write(tmp, "ids.jsonl", jsonl({"id": 12, "outlet": "A", "text": S1}, {"id": 123456789012345678901234567890, "outlet": "A", "text": S2},
                                         {"id": 7.0, "outlet": "A", "text": S3}, {"id": True, "outlet": "A", "text": CP},
                                         {"id": {"x": 1}, "outlet": "A", "text": CP + "!"}))


@case("jsonl-huge-integer", Fails(("bigint.jsonl:1", "a whole number of 5000 digits", "write it as a string")))
def _(tmp):
    return write(tmp, "bigint.jsonl", '{"id": %s, "outlet": "A", "text": "%s"}\n' % ("9" * 5000, S1))


@case("jsonl-duplicate-keys", Loads({"a": S1}, skipped={"b": "duplicate key in a JSON object ('text' given twice"}))
def _(tmp):
    return write(tmp, "dupkeys.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1})
                 + '{"id": "b", "outlet": "B", "text": "%s", "text": "%s"}\n' % (S2, S3))


@case("jsonl-duplicate-keys-nested", Loads({"a": S1}, skipped={"b": "duplicate key in a JSON object ('k' given twice"}))
def _(tmp):
    return write(tmp, "nested.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1})
                 + '{"id": "b", "outlet": "B", "text": "%s", "meta": {"k": 1, "k": 2}}\n' % S2)


@case("jsonl-nan-and-infinity-in-metadata", Loads({"a": S1}))
def _(tmp):
    return write(tmp, "nan.jsonl", '{"id": "a", "outlet": "A", "text": "%s", "score": NaN, "weight": -Infinity}\n' % S1)


@case("jsonl-not-an-object", Fails(("list.jsonl:1", "expected one JSON object per line, got list")))
def _(tmp):
    return write(tmp, "list.jsonl", '["text", "outlet"]\n')


@case("jsonl-unescaped-control-character", Fails(("ctl.jsonl:1", "Invalid control character at column")))
def _(tmp):
    return write(tmp, "ctl.jsonl", '{"id": "a", "outlet": "A", "text": "tab\there"}\n')


@case("jsonl-unterminated-string", Fails(("open.jsonl:1", "Unterminated string starting at column")))
def _(tmp):
    return write(tmp, "open.jsonl", '{"id": "a", "outlet": "A", "text": "never closed}\n')


@case("jsonl-escaped-nul-characters", Loads({"a": S1}, skipped={"b": "text looks like binary data"}))
def _(tmp):
    return write(tmp, "esc.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1}, {"id": "b", "outlet": "B", "text": "\x00" * 50 + S2}))


@case("jsonl-lone-surrogate", Loads({"a": S1}, skipped={"b": "undecodable bytes (lone surrogate"}))
def _(tmp):
    return write(tmp, "sur.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1}) + '{"id": "b", "outlet": "B", "text": "bad \\ud800 %s"}\n' % S2)


@case("jsonl-empty-file", Fails(("empty.jsonl", "no articles found (the file is empty)")))
def _(tmp):
    return write(tmp, "empty.jsonl", b"")


@case("jsonl-blank-lines-only", Fails(("blank.jsonl", "no articles found")))
def _(tmp):
    return write(tmp, "blank.jsonl", "\n \n\t\n")


@case("jsonl-gz-truncated", Fails(("cut.jsonl.gz", "cannot read", "check the file is complete")))
def _(tmp):
    data = gzip.compress(jsonl(*({"id": str(i), "outlet": "A", "text": f"{S1} {i}"} for i in range(200))).encode())
    return write(tmp, "cut.jsonl.gz", data[: len(data) // 2])


@case("jsonl-gz-not-gzip", Fails(("fake.jsonl.gz", "cannot read")))
def _(tmp):
    return write(tmp, "fake.jsonl.gz", jsonl({"id": "a", "outlet": "A", "text": S1}))


@case("jsonl-gz-line-bigger-than-a-record-may-be", Loads({"a": S1, "c": S3}, skipped={"huge-2": "record too big (a line of more than 32 MiB"}))
def _(tmp):
    with gzip.open(tmp / "huge.jsonl.gz", "wb", compresslevel=1) as out:
        out.write(jsonl({"id": "a", "outlet": "A", "text": S1}).encode())
        out.write(b'{"id": "b", "outlet": "B", "text": "' + b" " * (MAX_RECORD_BYTES + 10) + b'"}\n')
        out.write(jsonl({"id": "c", "outlet": "C", "text": S3}).encode())
    return tmp / "huge.jsonl.gz"


@case("jsonl-cr-only-line-ends", Fails(("cr.jsonl:1", "malformed JSON line (Extra data")))
def _(tmp):
    return write(tmp, "cr.jsonl", jsonl({"id": "a", "outlet": "A", "text": S1}).replace("\n", "\r") * 2)


# --- JSON documents -----------------------------------------------------------------------------
@case("json-utf16-without-bom", Loads({"a": CP}, notes=("UTF-16 without a byte order mark (decoded as UTF-16-LE): 1 (u16.json)",)))
def _(tmp):
    return write(tmp, "u16.json", json.dumps([{"id": "a", "outlet": "A", "text": CP}]).encode("utf-16-le"))


@case("json-utf16-be-without-bom", Loads({"a": S1}, notes=("decoded as UTF-16-BE",)))
def _(tmp):
    return write(tmp, "be.json", json.dumps([{"id": "a", "outlet": "A", "text": S1}]).encode("utf-16-be"))


@case("json-nested-100000-deep", Fails(("deep.json", "nested deeper than the 64 levels allowed")))
def _(tmp):
    return write(tmp, "deep.json", "[" * 100_000 + "]" * 100_000)


@case("json-element-not-an-object", Fails(("mixed.json", "element 1 of the array is not an object")))
def _(tmp):
    return write(tmp, "mixed.json", json.dumps([{"id": "a", "outlet": "A", "text": S1}, "stray"]))


@case("json-single-pretty-object", Loads({"a": S1}))
def _(tmp):
    return write(tmp, "one.json", json.dumps({"id": "a", "outlet": "A", "text": S1}, indent=2))


@case("json-top-level-string", Fails(("str.json:1", "expected one JSON object per line, got str")))
def _(tmp):
    return write(tmp, "str.json", '"just a string"')


@case("json-trailing-comma", Fails(("comma.json:1", "malformed JSON (Expecting value at column")))
def _(tmp):
    return write(tmp, "comma.json", '[{"id": "a", "outlet": "A", "text": "%s"},]' % S1)


@case("json-empty-array", Fails(("none.json", "no articles found")))
def _(tmp):
    return write(tmp, "none.json", "[]")


@case("json-duplicate-key-in-one-element", Loads({"a": S1}, skipped={"b": "duplicate key in a JSON object ('outlet' given twice"}))
def _(tmp):
    return write(tmp, "dk.json", '[{"id": "a", "outlet": "A", "text": "%s"}, {"id": "b", "outlet": "B", "outlet": "C", "text": "%s"}]' % (S1, S2))


@case("json-objects-one-per-line", Loads({"a": S1, "b": S2}))
def _(tmp):
    return write(tmp, "lines.json", jsonl({"id": "a", "outlet": "A", "text": S1}, {"id": "b", "outlet": "B", "text": S2}))


@case("json-random-bytes", Fails(("noise.json", "cannot read as JSON")))
def _(tmp):
    return write(tmp, "noise.json", random_bytes(5000, seed=3))


# --- Parquet ------------------------------------------------------------------------------------
def parquet(tmp: Path, name: str, columns: dict, names: list[str] | None = None) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(columns) if names is None else pa.Table.from_arrays(list(columns.values()), names=names)
    pq.write_table(table, tmp / name)
    return tmp / name


@case("parquet-int-text-column", Loads({}, skipped={"p-1": "wrong type for the text ('text' holds a number (int), not text)",
                                                    "p-2": "wrong type for the text"}))
def _(tmp):
    return parquet(tmp, "p.parquet", {"outlet": ["A", "B"], "text": [1, 2]})


@case("parquet-list-text-column", Loads({}, skipped={"l-1": "wrong type for the text ('text' holds a list (ndarray), not text)"}))
def _(tmp):
    return parquet(tmp, "l.parquet", {"outlet": ["A"], "text": [["Officials", "said"]]})


@case("parquet-binary-text-column", Loads({}, skipped={"b-1": "wrong type for the text ('text' holds binary data (bytes), not text)"}))
def _(tmp):
    return parquet(tmp, "b.parquet", {"outlet": ["A"], "text": [S1.encode()]})


@case("parquet-struct-text-column", Loads({}, skipped={"s-1": "wrong type for the text ('text' holds an object (dict), not text)"}))
def _(tmp):
    return parquet(tmp, "s.parquet", {"outlet": ["A"], "text": [{"a": 1}]})


@case("parquet-duplicate-column-names", Fails(("d.parquet", "column 'text' appears twice")))
def _(tmp):
    import pyarrow as pa

    return parquet(tmp, "d.parquet", {"o": pa.array(["A"]), "t1": pa.array([S1]), "t2": pa.array([S2])},
                   names=["outlet", "text", "text"])


@case("parquet-null-and-int-ids", Loads({"1": S1, "p-2": S2}, skipped={"3": "empty text"}))
def _(tmp):
    return parquet(tmp, "p.parquet", {"id": [1, None, 3], "outlet": ["A", "B", "C"], "text": [S1, S2, None]})


@case("parquet-not-parquet", Fails(("fake.parquet", "cannot read as Parquet")))
def _(tmp):
    return write(tmp, "fake.parquet", b"PAR1 not really")


# --- folders with a manifest ------------------------------------------------------------------
MANIFEST = "file,outlet\n"


@case("manifest-names-files-outside", Loads({"ok": S1}, skipped={
    "passwd": "file listed in manifest.csv is an absolute path", "shadow": "file listed in manifest.csv is a path with '..'",
    "hosts": "file listed in manifest.csv is an absolute path",
    "..\\..\\win": "file listed in manifest.csv is a path with '..'"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\n/etc/passwd,B\n../../etc/shadow,C\nC:/Windows/hosts,D\n..\\..\\win.txt,E\n", {"ok.txt": S1})


@case("manifest-link-leading-outside", Loads({"ok": S1}, skipped={"link": "file listed in manifest.csv is a link that leads outside"}))
def _(tmp):
    write(tmp, "secret.txt", "The secret sentence nobody may read in this test.")
    root = folder(tmp, MANIFEST + "ok.txt,A\nlink.txt,B\n", {"ok.txt": S1})
    (root / "link.txt").symlink_to(tmp / "secret.txt")
    return root


@case("manifest-itself-a-link-outside", Fails(("manifest.csv", "is a link that leads outside the corpus folder")))
def _(tmp):
    write(tmp, "elsewhere.csv", MANIFEST + "ok.txt,A\n")
    root = tmp / "corpus"
    root.mkdir()
    write(root, "ok.txt", S1)
    (root / "manifest.csv").symlink_to(tmp / "elsewhere.csv")
    return root


@case("txt-random-bytes-without-nul", Loads({"ok": S1}, skipped={"noise": "undecodable bytes (looks like binary data"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\nnoise.txt,B\n", {"ok.txt": S1, "noise.txt": random_bytes(4000, seed=4)})


@case("txt-high-bytes-only", Loads({"ok": S1}, skipped={"high": "undecodable bytes (not UTF-8, and"}))
def _(tmp):
    no_c1 = bytes(range(0xA0))  # bytes 0xA0-0xFF only: every one a cp1252 letter or sign, none a control
    return folder(tmp, MANIFEST + "ok.txt,A\nhigh.txt,B\n", {"ok.txt": S1, "high.txt": random_bytes(2000, seed=5, exclude=no_c1)})


@case("txt-png-with-nul", Loads({"ok": S1}, skipped={"img": "undecodable bytes (contains NUL bytes"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\nimg.txt,B\n", {"ok.txt": S1, "img.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})


@case("txt-cp1252", Loads({"win": CP}, notes=("not UTF-8, decoded as cp1252: 1 (win.txt)",)))
def _(tmp):
    return folder(tmp, MANIFEST + "win.txt,A\n", {"win.txt": CP.encode("cp1252")})


@case("txt-mixed-lines", Loads({"mix": f"{CP}\n{CP} Again."}, notes=(
    "some lines not UTF-8, decoded as cp1252 (the others as UTF-8): 1 (mix.txt line 2)",)))
def _(tmp):
    return folder(tmp, MANIFEST + "mix.txt,A\n", {"mix.txt": (CP + "\n").encode() + f"{CP} Again.".encode("cp1252")})


@case("txt-utf16-without-bom", Loads({"w": CP}, notes=("UTF-16 without a byte order mark",)))
def _(tmp):
    return folder(tmp, MANIFEST + "w.txt,A\n", {"w.txt": CP.encode("utf-16-le")})


@case("txt-cp1251-russian", Loads({"ok": S1}, skipped={"ru": "undecodable bytes (not UTF-8, and"}))
def _(tmp):
    russian = ("\u041e\u0444\u0438\u0446\u0438\u0430\u043b\u044c\u043d\u044b\u0435 \u043b\u0438\u0446\u0430 "
               "\u0437\u0430\u044f\u0432\u0438\u043b\u0438 \u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u0430\u0445.") * 5
    return folder(tmp, MANIFEST + "ok.txt,A\nru.txt,B\n", {"ok.txt": S1, "ru.txt": russian.encode("cp1251")})


@case("txt-rtl-and-zero-width-characters-kept", Loads({"r": "Officials \u202esaid\u202c the\u200b talks would resume on Monday."}))
def _(tmp):
    return folder(tmp, MANIFEST + "r.txt,A\n", {"r.txt": "Officials \u202esaid\u202c the\u200b talks would resume on Monday."})


@case("folder-named-like-a-file", Loads({"ok": S1}, skipped={"dir": "file listed in manifest.csv is a folder, not a file"}))
def _(tmp):
    root = folder(tmp, MANIFEST + "ok.txt,A\ndir.txt,B\n", {"ok.txt": S1})
    (root / "dir.txt").mkdir()
    return root


@case("fifo-listed-in-the-manifest", Loads({"ok": S1}, skipped={"pipe": "file listed in manifest.csv is not a regular file"}))
def _(tmp):
    root = folder(tmp, MANIFEST + "ok.txt,A\npipe.txt,B\n", {"ok.txt": S1})
    os.mkfifo(root / "pipe.txt")
    return root


@case("corpus-path-is-a-fifo", Fails(("pipe.jsonl", "not a regular file or folder")))
def _(tmp):
    os.mkfifo(tmp / "pipe.jsonl")
    return tmp / "pipe.jsonl"


@case("file-bigger-than-a-record-may-be", Loads({"ok": S1}, skipped={"huge": "record too big (the file listed in manifest.csv has 33 MiB"}))
def _(tmp):
    root = folder(tmp, MANIFEST + "ok.txt,A\nhuge.txt,B\n", {"ok.txt": S1})
    with open(root / "huge.txt", "wb") as fh:
        fh.truncate(MAX_RECORD_BYTES + MiB)  # sparse: nothing is written, nothing may be read
    return root


@case("unlisted-files-count-as-seen", Loads({"ok": S1}, skipped={"extra": "file in the folder but not in manifest.csv",
                                                                 "page": "file in the folder but not in manifest.csv"}))
def _(tmp):
    return folder(tmp, MANIFEST + "./ok.txt,A\n", {"ok.txt": S1, "extra.txt": S2, "page.html": "<p>x</p>", "README.md": "about"})


@case("manifest-lists-itself", Loads({"ok": S1}, skipped={"manifest": "file listed in manifest.csv is the manifest itself"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\nmanifest.csv,B\n", {"ok.txt": S1})


@case("manifest-name-with-nul", Fails(("manifest.csv", "cannot read as CSV: contains NUL bytes")))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\na\x00b.txt,B\n", {"ok.txt": S1})


@case("manifest-name-too-long-for-the-disk", Loads({"ok": S1}, skipped={
    "x" * 300: "file listed in manifest.csv cannot be opened (File name too long)"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\n" + "x" * 300 + ".txt,B\n", {"ok.txt": S1})


@case("empty-text-file", Loads({"ok": S1}, skipped={"empty": "empty text"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\nempty.txt,B\n", {"ok.txt": S1, "empty.txt": b""})


@case("same-file-listed-twice", Loads({"ok": S1}, skipped={"ok": "duplicate id"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\nok.txt,A\n", {"ok.txt": S1})


@case("manifest-without-outlet-column", Fails(("manifest.csv", "no outlet column", "--outlet-column")))
def _(tmp):
    return folder(tmp, "file,paper\nok.txt,A\n", {"ok.txt": S1})


@case("manifest-random-bytes", Fails(("manifest.csv", "cannot read as CSV")))
def _(tmp):
    root = tmp / "corpus"
    root.mkdir()
    write(root, "manifest.csv", random_bytes(3000, seed=6))
    return root


@case("html-page-without-article-text", Loads({"ok": S1}, skipped={"blank": "no article text found in the page"}))
def _(tmp):
    return folder(tmp, MANIFEST + "ok.txt,A\nblank.html,B\n", {"ok.txt": S1, "blank.html": "<html><script>var x = 1;</script></html>"})


@case("html-pages-binary-and-blank", Loads({}, skipped={"blank": "no article text found in the page",
                                                        "bin": "undecodable bytes (contains NUL bytes"}))
def _(tmp):
    pages = tmp / "pages"
    pages.mkdir()
    write(pages, "blank.html", "<html><body></body></html>")
    write(pages, "bin.html", b"\x00\x01GIF89a\x00")
    return pages


@case("html-page-with-script-in-the-text", Loads({"p": None}))
def _(tmp):
    body = "".join(f"<p>{S1} Paragraph {i} &lt;script&gt;alert(1)&lt;/script&gt; stays text.</p>" for i in range(4))
    return write(tmp, "p.html", f"<html><head><title>T</title><meta property='og:site_name' content='Site'></head>"
                                f"<body><article>{body}</article></body></html>")


# --- ZIP uploads ----------------------------------------------------------------------------------
def zipped(members: dict[str, bytes | str], **options) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=options.get("compression", zipfile.ZIP_DEFLATED)) as archive:
        for name, data in members.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()


def demo_members(**extra) -> dict[str, bytes | str]:
    return {"corpus/manifest.csv": MANIFEST + "ok.txt,A\n", "corpus/ok.txt": S1, **extra}


def patched(data: bytes, name: str, *, crc: int | None = None, size: int | None = None, mode: int | None = None,
            flags: int | None = None, method: int | None = None) -> bytes:
    """``data`` (a ZIP) with the central directory entry of ``name`` changed: the archive lies."""
    out = bytearray(data)
    encoded = name.encode()
    at = out.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", out, at + 28)[0]
        if bytes(out[at + 46: at + 46 + length]) == encoded:
            if flags is not None:
                struct.pack_into("<H", out, at + 8, flags)
            if method is not None:
                struct.pack_into("<H", out, at + 10, method)
            if crc is not None:
                struct.pack_into("<I", out, at + 16, crc)
            if size is not None:
                struct.pack_into("<I", out, at + 24, size)
            if mode is not None:
                struct.pack_into("<I", out, at + 38, mode << 16)
            return bytes(out)
        at = out.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{name} not in the archive")


@zip_case("zip-fine", Loads({"ok": S1}))
def _():
    return zipped(demo_members())


@zip_case("zip-empty", Refused(("empty.zip", "the archive holds no files")))
def _():
    return zipped({})


@zip_case("zip-only-folders", Refused(("empty.zip", "the archive holds no files")))
def _():
    return zipped({"corpus/": b"", "corpus/sub/": b""})


@zip_case("zip-not-a-zip", Refused(("empty.zip", "not a readable ZIP archive")))
def _():
    return b"PK\x03\x04 this is not an archive"


@zip_case("zip-truncated", Refused(("empty.zip", "not a readable ZIP archive")))
def _():
    data = zipped(demo_members())
    return data[: len(data) - 30]


@zip_case("zip-bad-crc", Refused(("empty.zip", "member 'corpus/ok.txt' cannot be unpacked", "Bad CRC-32")))
def _():
    return patched(zipped(demo_members()), "corpus/ok.txt", crc=0)


@zip_case("zip-size-header-says-less", Refused(("empty.zip", "member 'corpus/ok.txt' cannot be unpacked")))
def _():
    return patched(zipped(demo_members()), "corpus/ok.txt", size=10)


@zip_case("zip-size-header-says-more", Refused(("empty.zip", "member 'corpus/ok.txt' cannot be unpacked")))
def _():
    return patched(zipped(demo_members()), "corpus/ok.txt", size=len(S1) + 1000)


@zip_case("zip-bomb-declared", Refused(("empty.zip", "unpacks to", "more than the 200 MiB allowed (MAX_UNPACKED_BYTES)")))
def _():
    return zipped(demo_members(**{"corpus/zeros.txt": b"\x00" * (201 * MiB)}))


@zip_case("zip-bomb-that-lies", Refused(("empty.zip", "member 'corpus/zeros.txt' cannot be unpacked")))
def _():
    return patched(zipped(demo_members(**{"corpus/zeros.txt": b"0" * (8 * MiB)})), "corpus/zeros.txt", size=1000)


@zip_case("zip-dot-dot-member", Refused(("empty.zip", "'../evil.txt'", "climbs out of the archive with '..'")))
def _():
    return zipped(demo_members(**{"../evil.txt": "x"}))


@zip_case("zip-absolute-member", Refused(("empty.zip", "'/tmp/evil.txt'", "is an absolute path")))
def _():
    return zipped(demo_members(**{"/tmp/evil.txt": "x"}))


@zip_case("zip-backslash-dot-dot-member", Refused(("empty.zip", "climbs out of the archive with '..'")))
def _():
    return zipped(demo_members(**{"..\\..\\evil.txt": "x"}))


@zip_case("zip-drive-letter-member", Refused(("empty.zip", "is an absolute path")))
def _():
    return zipped(demo_members(**{"C:\\evil.txt": "x"}))


@zip_case("zip-symlink-member", Refused(("empty.zip", "is a symbolic link")))
def _():
    return patched(zipped(demo_members(**{"corpus/link.txt": "/etc/passwd"})), "corpus/link.txt", mode=stat.S_IFLNK | 0o777)


@zip_case("zip-fifo-member", Refused(("empty.zip", "is a special file")))
def _():
    return patched(zipped(demo_members(**{"corpus/pipe.txt": ""})), "corpus/pipe.txt", mode=stat.S_IFIFO | 0o644)


@zip_case("zip-encrypted-member", Refused(("empty.zip", "is encrypted")))
def _():
    return patched(zipped(demo_members()), "corpus/ok.txt", flags=0x1)


@zip_case("zip-unknown-compression", Refused(("empty.zip", "member 'corpus/ok.txt' cannot be unpacked")))
def _():
    return patched(zipped(demo_members()), "corpus/ok.txt", method=99)


@zip_case("zip-duplicate-member", Refused(("empty.zip", "appears twice")))
def _():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("corpus/manifest.csv", MANIFEST + "ok.txt,A\n")
        archive.writestr("corpus/ok.txt", S1)
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            archive.writestr("corpus/ok.txt", "The second copy that would silently replace the first.")
    return buffer.getvalue()


@zip_case("zip-same-file-by-two-names", Refused(("empty.zip", "'corpus/./ok.txt' appears twice")))
def _():
    return zipped(demo_members(**{"corpus/./ok.txt": S2}))


@zip_case("zip-member-name-too-long", Refused(("empty.zip", "cannot be unpacked", "File name too long")))
def _():
    return zipped(demo_members(**{"corpus/" + "x" * 300 + ".txt": S2}))


@zip_case("zip-file-where-a-folder-must-be", Refused(("empty.zip", "cannot be unpacked")))
def _():
    return zipped(demo_members(**{"corpus/a": "x", "corpus/a/b.txt": S2}))


@zip_case("zip-manifest-names-files-outside", Loads({"ok": S1}, skipped={
    "passwd": "file listed in manifest.csv is an absolute path", "shadow": "file listed in manifest.csv is a path with '..'"}))
def _():
    return zipped({"corpus/manifest.csv": MANIFEST + "ok.txt,A\n/etc/passwd,B\n../../../../etc/shadow,C\n", "corpus/ok.txt": S1})


@zip_case("zip-nested-zip-listed-as-text", Loads({"ok": S1}, skipped={"inner": "undecodable bytes"}))
def _():
    return zipped({"corpus/manifest.csv": MANIFEST + "ok.txt,A\ninner.txt,B\n", "corpus/ok.txt": S1,
                   "corpus/inner.txt": zipped({"x.txt": random_bytes(3000, seed=7)}, compression=zipfile.ZIP_STORED)})


@zip_case("zip-unicode-and-nfd-names", Loads({"caf\u00e9": S1, "cafe\u0301-2": S2}))
def _():
    return zipped({"corpus/manifest.csv": MANIFEST + "caf\u00e9.txt,A\ncafe\u0301-2.txt,B\n", "corpus/caf\u00e9.txt": S1,
                   "corpus/cafe\u0301-2.txt": S2})


@zip_case("zip-macosx-manifest-ignored", Loads({"ok": S1}))
def _():
    return zipped({"__MACOSX/manifest.csv": b"\x00\x05\x16\x07", **demo_members()})


@zip_case("zip-scribbled-compressed-data", Refused(("empty.zip", "member 'corpus/ok.txt' cannot be unpacked")))
def _():
    data = bytearray(zipped(demo_members(**{"corpus/ok.txt": S1 * 20})))
    name = b"corpus/ok.txt"
    at = data.find(name)  # the local header's copy of the name comes first
    extra = struct.unpack_from("<H", data, at - 2)[0]
    start = at + len(name) + extra
    data[start: start + 16] = b"\xff" * 16  # the deflate stream no longer inflates (or fails its CRC)
    return bytes(data)
