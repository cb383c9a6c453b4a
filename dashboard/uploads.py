"""Uploaded files onto disk, safely, so ``framing.corpus.load.load_corpus`` can read them.

No Streamlit here: the dashboard hands over the name and bytes of an upload. A file lands in
its own folder named by its content hash (the same upload twice is the same path, so the
loader's cache recognises it). A ZIP is checked before anything is written: absolute paths,
``..`` components, links, too many files and too many bytes (as the archive declares them,
which is also all ``zipfile`` will read) are refused with a message saying what to fix.
"""
from __future__ import annotations

import hashlib
import re
import stat
import zipfile
from io import BytesIO
from pathlib import Path, PurePosixPath

from framing.errors import FramingError

#: File forms the loader reads (a ZIP is unpacked into a folder with a manifest first).
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz", ".parquet")
MAX_ZIP_BYTES = 200 * 1024 * 1024
MAX_ZIP_FILES = 20_000
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class UploadError(FramingError):
    """An uploaded file cannot be used (names the file or archive member and what to fix)."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def safe_file_name(name: str) -> str:
    """The last path component of ``name`` with anything unusual replaced by ``_``."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = _SAFE_NAME.sub("_", base).lstrip(".")
    return cleaned or "upload"


def table_suffix(name: str) -> str | None:
    """The table suffix ``name`` ends with (``.jsonl.gz`` before ``.gz``), or None."""
    lower = name.lower()
    return next((s for s in sorted(TABLE_SUFFIXES, key=len, reverse=True) if lower.endswith(s)), None)


def save_upload(name: str, data: bytes, root: str | Path) -> Path:
    """Write an uploaded table file under ``root/<content hash>/`` and return its path."""
    if table_suffix(name) is None:
        raise UploadError(f"{name}: not a corpus table; upload one of {', '.join(TABLE_SUFFIXES)} "
                          "or a .zip of text/HTML files with a manifest.csv")
    folder = Path(root) / _digest(data)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_file_name(name)
    if not path.exists():
        path.write_bytes(data)
    return path


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "is an absolute path"
    if ".." in parts:
        return "climbs out of the archive with '..'"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    return None


def check_zip(archive: zipfile.ZipFile, *, name: str, max_bytes: int, max_files: int) -> list[zipfile.ZipInfo]:
    """The archive's file members, after refusing unsafe or oversized archives."""
    members = [info for info in archive.infolist() if not info.is_dir()]
    for info in archive.infolist():
        problem = _member_problem(info)
        if problem:
            raise UploadError(f"{name}: member {info.filename!r} {problem}; refusing the archive. "
                              "Zip the corpus folder itself (manifest.csv and the text files).")
    if len(members) > max_files:
        raise UploadError(f"{name}: {len(members)} files, more than the {max_files} allowed; split the corpus")
    total = sum(info.file_size for info in members)
    if total > max_bytes:
        raise UploadError(f"{name}: unpacks to {total / 1e6:.1f} MB, more than the {max_bytes / 1e6:.0f} MB allowed; "
                          "load a folder this size with a path instead")
    return members


def extract_zip(name: str, data: bytes, root: str | Path, *, max_bytes: int = MAX_ZIP_BYTES,
                max_files: int = MAX_ZIP_FILES) -> Path:
    """Unpack an uploaded ZIP under ``root/<content hash>/`` and return the folder holding
    its ``manifest.csv`` (the shallowest one), or the unpacked folder when there is none."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UploadError(f"{name}: not a readable ZIP archive ({exc})") from None
    with archive:
        members = check_zip(archive, name=name, max_bytes=max_bytes, max_files=max_files)
        dest = (Path(root) / _digest(data)).resolve()
        done = dest / ".complete"
        if not done.exists():
            for info in members:
                target = (dest / info.filename).resolve()
                if dest not in target.parents:
                    raise UploadError(f"{name}: member {info.filename!r} would land outside the archive folder")
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as src:
                    target.write_bytes(src.read(info.file_size + 1)[: info.file_size])
            done.touch()
    manifests = sorted(dest.rglob("manifest.csv"), key=lambda p: (len(p.parts), str(p)))
    manifests = [m for m in manifests if "__MACOSX" not in m.parts]
    return manifests[0].parent if manifests else dest
