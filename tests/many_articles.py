"""A corpus of a few hundred articles made from the demo corpus's real paragraphs (for tests of
chunked reading, stores and engines): each article is a run of consecutive paragraphs of one
demo article, under one of its outlets. Some lines are made to be skipped or noted: a repeated
id, a text its outlet already has, an article with no outlet, a blank line, an undated article."""
from __future__ import annotations

import csv
import json
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "corpus"


def demo_paragraphs() -> list[tuple[str, list[str]]]:
    """(outlet, paragraphs) of each demo article."""
    with (DEMO / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        text = (DEMO / row["file"]).read_text(encoding="utf-8")
        out.append((row["outlet"], [p.strip() for p in text.split("\n") if len(p.strip()) > 40]))
    return out


def article_records(n: int = 300) -> list[dict]:
    """``n`` JSON records (id, outlet, title, date, text, bias) and a few odd ones."""
    sources = demo_paragraphs()
    records = []
    for i in range(n):
        outlet, paragraphs = sources[i % len(sources)]
        start = (i // len(sources)) % max(1, len(paragraphs) - 3)
        size = 2 + i % 4
        records.append({"id": f"a{i:04d}", "outlet": f"{outlet} {i % 3}", "title": f"Report {i}",
                        "date": None if i % 17 == 0 else f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        "bias": ("left", "center", "right")[i % 3],
                        "text": "\n\n".join(paragraphs[start:start + size]) + f"\n\nReport number {i}."})
    records.append(dict(records[7]))                                   # a repeated id
    records.append(dict(records[8], id="copy-of-8"))                   # a text its outlet already has
    records.append(dict(records[9], id="no-outlet", outlet=None))      # no outlet: skipped
    return records


def write_jsonl(path: Path, records: list[dict], *, blank_after: int | None = 50) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, record in enumerate(records):
            fh.write(json.dumps(record) + "\n")
            if i == blank_after:
                fh.write("\n")
    return path
