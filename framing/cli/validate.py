"""``framing validate sample`` (hits for coders) and ``framing validate report`` (precision per
term, frame and outlet, and the coders' agreement)."""
from __future__ import annotations

import argparse
import sys

from framing.cli.options import add_corpus_options, add_lexicon_option, add_output_option, add_workers_option, analysis_from_args
from framing.cli.output import write_table
from framing.measure.validation import sample_hits, validation_report, write_sample


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "validate", help="check a lexicon against human judgement: sample hits to code, report precision",
        description="Validate a lexicon by hand (Grimmer & Stewart 2013): 'sample' draws hits of every term, "
                    "spread over the outlets, with their sentence, into a CSV whose 'correct' column coders "
                    "fill with yes/no; 'report' reads one coded file per coder and gives precision per term, "
                    "frame and outlet with Wilson intervals, and Krippendorff's alpha between coders.")
    sub = p.add_subparsers(dest="validate_command", metavar="STEP", required=True)
    sample = sub.add_parser("sample", help="draw hits for coders into a CSV")
    add_corpus_options(sample)
    add_lexicon_option(sample)
    add_workers_option(sample)
    sample.add_argument("--per-term", type=int, default=10, metavar="N", help="hits per lexicon term (default 10)")
    sample.add_argument("--seed", type=int, default=0, metavar="S", help="random seed of the draw (default 0)")
    sample.add_argument("--only", metavar="NAME", help="only the hits of this lexicon (default: every lexicon given)")
    sample.add_argument("--out", required=True, metavar="FILE.csv", help="where to write the sample")
    sample.set_defaults(func=run_sample)
    report = sub.add_parser("report", help="precision and agreement from coded files")
    report.add_argument("files", nargs="+", metavar="FILE.csv", help="coded files, one per coder")
    report.add_argument("--table", choices=("terms", "frames", "outlets", "agreement"), default=None,
                        help="print only this table (default: all, as text)")
    add_output_option(report)
    report.set_defaults(func=run_report)


def run_sample(args: argparse.Namespace) -> int:
    analysis = analysis_from_args(args)
    sample = sample_hits(analysis, lexicon=args.only, per_term=args.per_term, seed=args.seed)
    write_sample(sample, args.out)
    terms = sample.groupby(["lexicon", "frame", "pole", "term"]).ngroups
    print(f"framing: {len(sample):,} hits of {terms:,} terms written to {args.out}; fill 'correct' with yes/no "
          "(and 'right_frame' when the hit belongs elsewhere), then: framing validate report "
          f"{args.out}", file=sys.stderr)
    return 0


def run_report(args: argparse.Namespace) -> int:
    report = validation_report(args.files)
    tables = {"terms": report.terms, "frames": report.frames, "outlets": report.outlets,
              "agreement": report.agreement}
    if args.table:
        write_table(tables[args.table], args.format)
        return 0
    if args.format != "table":
        raise SystemExit("framing: error: --format csv/json needs --table (terms, frames, outlets or agreement)")
    print(f"{report.n_hits:,} hits in {len(args.files)} file(s); {report.n_uncoded:,} not coded yet\n")
    for name, table in tables.items():
        print(f"precision per {name[:-1]}" if name != "agreement" else "agreement between coders (Krippendorff's alpha, nominal)")
        write_table(table, "table")
        print()
    return 0
