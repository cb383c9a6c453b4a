"""Uploaded files onto disk, safely, so ``framing.corpus.load.load_corpus`` can read them.

No Streamlit here: the dashboard hands over the name and bytes of an upload. A file lands in
its own folder named by its content hash (the same upload twice is the same path, so the
loader's cache recognises it). Every limit is checked before anything is written, and every
refusal is an ``UploadError`` saying what to fix:

- an upload: at most ``MAX_UPLOAD_BYTES`` (the widget refuses more);
- a ZIP: no absolute paths, ``..`` components, links, special files, encrypted or repeated
  members; at most ``MAX_ZIP_FILES`` files and ``MAX_UNPACKED_BYTES`` unpacked, as the
  archive declares them (which is also all that is ever read: a member whose data does not
  match its header, by size or CRC, refuses the archive); it is unpacked into a fresh folder
  that only takes its place once every member is out, so a damaged archive leaves nothing;
- a gzipped table or a Parquet file: at most ``MAX_UNPACKED_BYTES`` once unpacked (a small
  file can unpack to gigabytes).
"""
from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import stat
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path, PurePosixPath

from framing.errors import FramingError

MiB = 1024 * 1024
#: File forms the loader reads (a ZIP is unpacked into a folder with a manifest first).
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz", ".parquet")
#: Bytes of one uploaded file (Streamlit's own limit is set to the same, in MiB).
MAX_UPLOAD_BYTES = 200 * MiB
#: Bytes an upload may unpack to: a ZIP's members together, a gzipped table, a Parquet file's data.
MAX_UNPACKED_BYTES = 200 * MiB
MAX_ZIP_BYTES = MAX_UNPACKED_BYTES  # the name earlier versions used
#: Files in one ZIP archive.
MAX_ZIP_FILES = 20_000
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_LARGER = "load a corpus this size with a path instead"


class UploadError(FramingError):
    """An uploaded file cannot be used (names the file or archive member and what to fix)."""


def mib(n_bytes: int) -> str:
    value = n_bytes / MiB
    return f"{value:,.0f} MiB" if value >= 10 or value == int(value) else f"{value:,.1f} MiB"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def safe_file_name(name: str) -> str:
    """The last path component of ``name`` with anything unusual replaced by ``_``."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = _SAFE_NAME.sub("_", base).lstrip(".")
    return cleaned[-200:] or "upload"


def table_suffix(name: str) -> str | None:
    """The table suffix ``name`` ends with (``.jsonl.gz`` before ``.gz``), or None."""
    lower = name.lower()
    return next((s for s in sorted(TABLE_SUFFIXES, key=len, reverse=True) if lower.endswith(s)), None)


def _check_size(name: str, data: bytes) -> None:
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(f"{name}: {mib(len(data))}, more than the {mib(MAX_UPLOAD_BYTES)} an upload may have "
                          f"(MAX_UPLOAD_BYTES); {_LARGER}")


def save_upload(name: str, data: bytes, root: str | Path) -> Path:
    """Write an uploaded table file under ``root/<content hash>/`` and return its path."""
    suffix = table_suffix(name)
    if suffix is None:
        raise UploadError(f"{name}: not a corpus table; upload one of {', '.join(TABLE_SUFFIXES)} "
                          "or a .zip of text/HTML files with a manifest.csv")
    _check_size(name, data)
    if suffix.endswith(".gz"):
        _check_gzip(name, data)
    elif suffix == ".parquet":
        _check_parquet(name, data)
    folder = Path(root) / _digest(data)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_file_name(name)
    if not path.exists():
        partial = folder / f".{path.name}.{os.getpid()}.part"
        partial.write_bytes(data)
        partial.replace(path)
    return path


def _check_gzip(name: str, data: bytes, *, limit: int = MAX_UNPACKED_BYTES) -> None:
    """Refuse a gzip file that is damaged or unpacks to more than ``limit`` bytes (read in
    chunks, never held whole)."""
    total = 0
    try:
        with gzip.GzipFile(fileobj=BytesIO(data)) as stream:
            while chunk := stream.read(MiB):
                total += len(chunk)
                if total > limit:
                    raise UploadError(f"{name}: unpacks to more than the {mib(limit)} allowed (MAX_UNPACKED_BYTES); "
                                      f"{_LARGER}")
    except UploadError:
        raise
    except Exception as exc:
        raise UploadError(f"{name}: not a readable gzip file ({type(exc).__name__}: {exc}); compress it again") from None


def _check_parquet(name: str, data: bytes, *, limit: int = MAX_UNPACKED_BYTES) -> None:
    """Refuse a Parquet file that is not one, or whose data unpacks to more than ``limit`` bytes
    (as its own metadata declares)."""
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(BytesIO(data)).metadata
        total = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    except Exception as exc:
        raise UploadError(f"{name}: not a readable Parquet file ({type(exc).__name__}: {exc})") from None
    if total > limit:
        raise UploadError(f"{name}: its data unpacks to {mib(total)}, more than the {mib(limit)} allowed "
                          f"(MAX_UNPACKED_BYTES); {_LARGER}")


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return "is an absolute path"
    if ".." in parts:
        return "climbs out of the archive with '..'"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "is a special file (a FIFO, socket or device)"
    if info.flag_bits & 0x1:
        return "is encrypted (the dashboard takes no passwords)"
    return None


def check_zip(archive: zipfile.ZipFile, *, name: str, max_bytes: int = MAX_UNPACKED_BYTES,
              max_files: int = MAX_ZIP_FILES) -> list[zipfile.ZipInfo]:
    """The archive's file members, after refusing unsafe, empty or oversized archives."""
    infos = archive.infolist()
    for info in infos:
        problem = _member_problem(info)
        if problem:
            raise UploadError(f"{name}: member {info.filename!r} {problem}; refusing the archive. "
                              "Zip the corpus folder itself (manifest.csv and the text files).")
    members = [info for info in infos if not info.is_dir()]
    if not members:
        raise UploadError(f"{name}: the archive holds no files; zip the corpus folder (manifest.csv and the text files)")
    if len(members) > max_files:
        raise UploadError(f"{name}: {len(members):,} files, more than the {max_files:,} allowed (MAX_ZIP_FILES); "
                          "split the corpus")
    seen: set[str] = set()
    for info in members:
        key = str(PurePosixPath(info.filename))  # "a.txt" and "./a.txt" are one file on disk
        if key in seen:
            raise UploadError(f"{name}: member {info.filename!r} appears twice; one would silently replace the "
                              "other: zip the corpus folder again")
        seen.add(key)
    total = sum(info.file_size for info in members)
    if total > max_bytes:
        raise UploadError(f"{name}: unpacks to {mib(total)}, more than the {mib(max_bytes)} allowed "
                          f"(MAX_UNPACKED_BYTES); {_LARGER}")
    return members


def extract_zip(name: str, data: bytes, root: str | Path, *, max_bytes: int = MAX_UNPACKED_BYTES,
                max_files: int = MAX_ZIP_FILES) -> Path:
    """Unpack an uploaded ZIP under ``root/<content hash>/`` and return the folder holding
    its ``manifest.csv`` (the shallowest one), or the unpacked folder when there is none."""
    _check_size(name, data)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except Exception as exc:
        raise UploadError(f"{name}: not a readable ZIP archive ({type(exc).__name__}: {exc})") from None
    root = Path(root)
    dest = (root / _digest(data)).resolve()
    with archive:
        members = check_zip(archive, name=name, max_bytes=max_bytes, max_files=max_files)
        if not dest.is_dir():
            root.mkdir(parents=True, exist_ok=True)
            fresh = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=root)).resolve()
            try:
                for info in members:
                    _unpack(archive, info, fresh, name)
                fresh.rename(dest)
            except OSError:
                if not dest.is_dir():  # another session unpacked the same archive meanwhile: keep theirs
                    raise
            finally:
                shutil.rmtree(fresh, ignore_errors=True)
    manifests = sorted(dest.rglob("manifest.csv"), key=lambda p: (len(p.parts), str(p)))
    manifests = [m for m in manifests if "__MACOSX" not in m.parts]
    return manifests[0].parent if manifests else dest


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, name: str) -> None:
    """Write one member under ``dest``, reading no more than its header declares."""
    target = (dest / info.filename).resolve()
    if dest not in target.parents:  # also a name that is the folder itself ("", ".")
        raise UploadError(f"{name}: member {info.filename!r} would land outside the archive folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as src:
            content = src.read(info.file_size + 1)
        if len(content) != info.file_size:
            raise zipfile.BadZipFile(f"holds {len(content):,} bytes where its header says {info.file_size:,}")
        target.write_bytes(content)
    except UploadError:
        raise
    except Exception as exc:
        raise UploadError(f"{name}: member {info.filename!r} cannot be unpacked ({type(exc).__name__}: {exc}); "
                          "the archive is damaged: zip the corpus folder again") from None
