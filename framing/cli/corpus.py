"""``framing load PATH`` and ``framing clean FILE``: what loading and cleaning did, per article."""
from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from framing.cli.options import add_corpus_options, add_output_option, corpus_from_args
from framing.cli.output import write_table
from framing.corpus.load import clean_file, report_lines, skip_counts
from framing.corpus.records import Corpus
from framing.present.encoding import plural
from framing.text.tokenize import count_words

SUMMARY_COLUMNS = ("article_id", "outlet", "date", "raw_words", "body_words", "removed_segments")


def register(subparsers) -> None:
    load = subparsers.add_parser(
        "load", help="load a corpus and report what happened to every input",
        description="Load a folder with manifest.csv, a CSV, JSON lines (.gz), JSON, Parquet file or saved HTML "
                    "pages; print one line per article (id, outlet, date, words in the raw text, words in the "
                    "cleaned body, segments removed) and the load report (seen, loaded, skipped with reasons, notes).")
    add_corpus_options(load)
    add_output_option(load, help="output: a table, CSV (report on stderr) or one JSON object (default: table)")
    load.set_defaults(func=run_load)

    clean = subparsers.add_parser(
        "clean", help="print the cleaned body of one article file",
        description="Clean one article file (.txt, .md, or .html through trafilatura) and print its body; "
                    "--show-removed also lists each removed segment with its reason (see docs/cleaning.md).")
    clean.add_argument("file", metavar="FILE", help="an article file")
    clean.add_argument("--show-removed", action="store_true", help="list each removed segment with its reason")
    clean.add_argument("--title", help="the article's headline (default: from the page or a manifest.csv beside it)")
    clean.set_defaults(func=run_clean)


def article_rows(corpus: Corpus) -> list[dict]:
    """One summary row per article (SUMMARY_COLUMNS)."""
    return [{"article_id": a.id, "outlet": a.outlet, "date": a.date, "raw_words": count_words(a.raw_text),
             "body_words": count_words(a.body), "removed_segments": len(a.removed)} for a in corpus]


def run_load(args: argparse.Namespace) -> int:
    corpus = corpus_from_args(args)
    rows = article_rows(corpus)
    out = sys.stdout
    if args.format == "json":
        json.dump({"articles": rows, "report": _report_dict(corpus)}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "csv":
        write_table(pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS)), "csv", out=out)
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
        out.write(f"\n--- removed: {plural(len(cleaned.removed), 'segment')}\n")
        for seg in cleaned.removed:
            out.write(f"[{seg.reason}] characters {seg.start}-{seg.end}\n")
            out.write("".join(f"    {line}\n" for line in seg.text.splitlines()))
    return 0
