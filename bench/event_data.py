"""Helpers shared by the event-grouping evaluations of bench/ (eval_roundups.py,
eval_multiday.py): reading the data, publication dates from addresses, stable halves."""
from __future__ import annotations

import gzip
import json
import sys
import time
import zlib
from pathlib import Path

import pandas as pd

#: A publication date in an address: /2021/05/11/.
URL_DATE = r"/(20\d\d)[/-](\d\d)[/-](\d\d)(?:/|$|[^\d])"


def require(path: Path, what: str, script: str) -> Path:
    """``path``, or exit with a message saying what to pass."""
    if not path.exists():
        sys.exit(f"{script}: {path} not found; pass the path of {what}")
    return path


def url_dates(articles: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Publication dates read from the addresses (/2021/05/11/) where there is one; the other
    articles keep their date (in the roundups: AllSides' roundup day)."""
    found = articles["url"].astype(str).str.extract(URL_DATE)
    dated = found.notna().all(axis=1)
    out = articles.copy()
    out.loc[dated, "date"] = found[0] + "-" + found[1] + "-" + found[2]
    out.loc[dated, "date_precision"] = "day"
    return out, int(dated.sum())


def load_roundups(path) -> pd.DataFrame:
    """The roundups as the library loads them."""
    from framing.corpus.load import load_corpus
    from framing.measure.tables import corpus_frame
    return corpus_frame(load_corpus(Path(path)), exact_sentences=False)


def read_direct(path, extra: tuple[str, ...] = ("url", "topic")) -> pd.DataFrame:
    """allsides_articles straight from the jsonl.gz (no cleaning), with the ``extra`` fields
    (a missing url is "")."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            date = item.get("date") or None
            rows.append({"article_id": item["id"], "outlet": item["outlet"], "title": item.get("title") or "",
                         "body": item.get("text") or "", "date": date,
                         "date_precision": "day" if date else "unknown",
                         **{field: item.get(field) or ("" if field == "url" else None) for field in extra}})
    return pd.DataFrame(rows)


def stable_half(key: str) -> int:
    """0 or 1 from a stable hash of ``key`` (crc32: the same in every run and Python)."""
    return zlib.crc32(str(key).encode()) & 1


def parse_settings(items: list[str]) -> dict:
    """``NAME=VALUE`` strings as ``EventSettings`` fields (numbers, None)."""
    out: dict = {}
    for item in items:
        name, _, value = item.partition("=")
        out[name] = None if value == "None" else (int(value) if value.lstrip("-").isdigit() else float(value))
    return out


class Timer:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
