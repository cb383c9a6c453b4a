"""Load a corpus from what researchers have: a folder of text/HTML files with a manifest,
CSV, JSON lines (optionally gzipped), Parquet, or saved HTML pages.

PLACEHOLDER (to be completed by the corpus work): only a folder with ``manifest.csv`` is read
here, and no cleaning is applied yet.
"""
from __future__ import annotations

import csv
from pathlib import Path

from .errors import CorpusError
from .records import Article, Corpus, LoadReport


def load_corpus(path: str | Path) -> Corpus:
    """Load every article under ``path`` and a report that accounts for each input."""
    path = Path(path)
    manifest = path / "manifest.csv"
    if not manifest.exists():
        raise CorpusError(f"{path}: no manifest.csv found")
    report = LoadReport()
    articles = []
    with manifest.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            report.seen += 1
            raw = (path / row["file"]).read_text(encoding="utf-8")
            articles.append(Article(
                id=Path(row["file"]).stem, outlet=row["outlet"], title=row["title"],
                date=row["date"] or None, date_precision=row.get("date_precision") or "unknown",
                url=row["url"] or None, raw_text=raw, body=raw, source=str(path / row["file"]),
            ))
            report.loaded += 1
    return Corpus(tuple(articles), report, str(path))
