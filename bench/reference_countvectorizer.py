"""The reference process the whole-command benchmarks are compared with: a fresh Python that
reads the same JSON lines (optionally gzipped) and runs scikit-learn's
``CountVectorizer().fit_transform`` on the texts.

    python bench/reference_countvectorizer.py DATA_PATH [--limit N]

Time it as a whole process next to the command it is compared with (e.g. with
``/usr/bin/time -v``, interleaved A B A B on a shared machine). Prints the matrix's shape.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path


def read_texts(path: Path, limit: int | None) -> list[str]:
    if not path.is_file():
        sys.exit(f"reference_countvectorizer: {path}: no such file (give the JSON lines corpus, "
                 "e.g. ../shared/data/allsides_articles/articles.jsonl.gz)")
    opener = gzip.open if path.suffix == ".gz" else open
    texts = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(texts) >= limit:
                break
            if line.strip():
                texts.append(json.loads(line).get("text") or "")
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_path", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    texts = read_texts(args.data_path, args.limit)
    from sklearn.feature_extraction.text import CountVectorizer

    matrix = CountVectorizer().fit_transform(texts)
    print(f"{matrix.shape[0]} documents x {matrix.shape[1]} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
