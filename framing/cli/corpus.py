"""``framing load PATH`` and ``framing clean FILE``: what loading and cleaning did, per article.

``add_corpus_options(parser)`` and ``corpus_from_args(args)`` let any other command accept the
same column-mapping options as ``framing load``.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys

from framing.corpus.load import FORMATS as INPUT_FORMATS
from framing.corpus.load import clean_file, load_corpus, report_lines, skip_counts
from framing.corpus.records import Corpus
from framing.text.tokenize import count_words
from .output import FORMATS as OUTPUT_FORMATS

MAPPING_OPTIONS = ("text", "outlet", "title", "date", "id", "url")
SUMMARY_COLUMNS = ("article_id", "outlet", "date", "raw_words", "body_words", "removed_segments")


def register(subparsers) -> None:
    load = subparsers.add_parser(
        "load", help="load a corpus and report what happened to every input",
        description="Load a folder with manifest.csv, a CSV, JSON lines (.gz), JSON, Parquet file or saved HTML "
                    "pages; print one line per article (id, outlet, date, words in the raw text, words in the "
                    "cleaned body, segments removed) and the load report (seen, loaded, skipped with reasons, notes).")
    load.add_argument("path", metavar="PATH", help="corpus folder or file")
    load.add_argument("--format", choices=OUTPUT_FORMATS, default="table",
                      help="output: a table, CSV (report on stderr) or one JSON object (default: table)")
    add_corpus_options(load)
    load.set_defaults(func=run_load)

    clean = subparsers.add_parser(
        "clean", help="print the cleaned body of one article file",
        description="Clean one article file (.txt, .md, or .html through trafilatura) and print its body; "
                    "--show-removed also lists each removed segment with its reason (see docs/cleaning.md).")
    clean.add_argument("file", metavar="FILE", help="an article file")
    clean.add_argument("--show-removed", action="store_true", help="list each removed segment with its reason")
    clean.add_argument("--title", help="the article's headline (default: from the page or a manifest.csv beside it)")
    clean.set_defaults(func=run_clean)


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """The column-mapping and input options of ``load_corpus`` as command-line options."""
    group = parser.add_argument_group("reading the corpus")
    group.add_argument("--input-format", choices=INPUT_FORMATS, help="corpus form (default: from the path)")
    for field in MAPPING_OPTIONS:
        group.add_argument(f"--{field}-column", metavar="COLUMN", help=f"the source column holding the {field}")
    group.add_argument("--no-clean", action="store_true", help="keep the raw text as the body")


def corpus_from_args(args: argparse.Namespace, path: str) -> Corpus:
    """``load_corpus`` with the options added by ``add_corpus_options``."""
    mapping = {f"{field}_column": getattr(args, f"{field}_column", None) for field in MAPPING_OPTIONS}
    return load_corpus(path, format=getattr(args, "input_format", None), clean=not getattr(args, "no_clean", False), **mapping)


def article_rows(corpus: Corpus) -> list[dict]:
    """One summary row per article (SUMMARY_COLUMNS)."""
    return [{"article_id": a.id, "outlet": a.outlet, "date": a.date, "raw_words": count_words(a.raw_text),
             "body_words": count_words(a.body), "removed_segments": len(a.removed)} for a in corpus]


def run_load(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args, args.path)
    rows = article_rows(corpus)
    out = sys.stdout
    if args.format == "json":
        json.dump({"articles": rows, "report": _report_dict(corpus)}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        print("\n".join(report_lines(corpus.report)), file=sys.stderr)
    else:
        out.write(_table(rows))
        out.write("\n".join(report_lines(corpus.report) + _skipped_lines(corpus)) + "\n")
    return 0


def _skipped_lines(corpus: Corpus, limit: int = 20) -> list[str]:
    skipped = corpus.report.skipped
    lines = [f"  skipped: {s.source}" + (f" [{s.item_id}]" if s.item_id else "") + f": {s.reason}" for s in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"  ... and {len(skipped) - limit} more skipped items (--format json lists them all)")
    return lines


def _report_dict(corpus: Corpus) -> dict:
    report = corpus.report
    return {"seen": report.seen, "loaded": report.loaded, "skipped_by_reason": skip_counts(report),
            "skipped": [{"source": s.source, "reason": s.reason, "item_id": s.item_id} for s in report.skipped],
            "notes": list(report.notes)}


def _table(rows: list[dict]) -> str:
    if not rows:
        return "no articles\n"
    cells = [[str(row[c]) if row[c] is not None else "-" for c in SUMMARY_COLUMNS] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(SUMMARY_COLUMNS)]
    numeric = {3, 4, 5}
    lines = []
    for values in [list(SUMMARY_COLUMNS), *cells]:
        lines.append("  ".join(v.rjust(w) if i in numeric else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths))).rstrip())
    return "\n".join(lines) + "\n"


def run_clean(args: argparse.Namespace) -> int:
    _, cleaned = clean_file(args.file, title=args.title)
    out = sys.stdout
    out.write(cleaned.body + "\n")
    if args.show_removed:
        out.write(f"\n--- removed: {len(cleaned.removed)} segment(s)\n")
        for seg in cleaned.removed:
            out.write(f"[{seg.reason}] characters {seg.start}-{seg.end}\n")
            out.write("".join(f"    {line}\n" for line in seg.text.splitlines()))
    return 0
