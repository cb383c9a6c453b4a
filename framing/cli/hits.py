"""``framing hits CORPUS``: every lexicon hit with its context, as a table, CSV or JSON."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from framing.cli.options import (
    add_corpus_options,
    add_lexicon_option,
    add_output_option,
    add_workers_option,
    analysis_from_args,
    store_from_args,
)
from framing.cli.output import write_csv, write_table
from framing.measure.analysis import select_hits
from framing.measure.store import Store
from framing.text.match import KINDS

#: Longest cell of the table format (csv and json keep every character).
TABLE_CELL = 40


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "hits", help="every lexicon hit with voice, speaker, negation, hedging and target",
        description="Find every lexicon term in the corpus and print one row per hit with all its "
                    "fields (columns: docs/data-model.md, hits table). The table format cuts text "
                    f"cells to {TABLE_CELL} characters; csv and json keep them whole.")
    add_corpus_options(parser)
    add_lexicon_option(parser)
    add_output_option(parser)
    parser.add_argument("--kind", choices=KINDS, help="only hits of this kind")
    parser.add_argument("--frame", metavar="NAME", help="only hits of this frame, naming set or actor")
    add_workers_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    if store is not None and args.format == "csv":
        return _stream_csv(store, args)
    analysis = analysis_from_args(args, sentiment=False)  # hits carry no sentiment
    hits = select_hits(analysis.hits, kind=args.kind, frame=args.frame, lexicons=analysis.lexicons)
    write_table(hits, args.format, text=_text, empty="no hits", compact_json=True)
    return 0


def _text(hits: pd.DataFrame) -> str:
    return "no hits\n" if hits.empty else _shortened(hits).to_string(index=False) + "\n"


def _shortened(hits: pd.DataFrame) -> pd.DataFrame:
    """Text cells cut to ``TABLE_CELL`` characters (ending in …) so the table stays readable."""
    hits = hits.copy()
    for column in ("matched", "term", "frame", "pole", "speaker", "target", "outlet"):
        values = hits[column].astype(object)
        hits[column] = pd.Series([v[:TABLE_CELL - 1] + "…" if isinstance(v, str) and len(v) > TABLE_CELL else v
                                  for v in values], index=hits.index, dtype=object)
    return hits


def _stream_csv(store: Store, args: argparse.Namespace) -> int:
    """The hits of a store as CSV, one Parquet part at a time (memory of one part, any corpus size)."""
    lexicons = store.lexicons()
    select_hits(pd.DataFrame(columns=["kind", "frame"]), kind=args.kind, frame=args.frame, lexicons=lexicons)
    for i, part in enumerate(store.table_parts("hits")):
        write_csv(select_hits(part, kind=args.kind, frame=args.frame, lexicons=lexicons), sys.stdout, header=i == 0)
    return 0
