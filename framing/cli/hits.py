"""``framing hits CORPUS``: every lexicon hit with its context, as a table, CSV or JSON."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from framing.measure.pipeline import analyze
from framing.measure.analysis import select_hits
from framing.lexicon import resolve_lexicon
from framing.corpus.load import load_corpus
from framing.text.match import KINDS
from .output import FORMATS

#: Longest cell of the table format (csv and json keep every character).
TABLE_CELL = 40


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "hits", help="every lexicon hit with voice, speaker, negation, hedging and target",
        description="Find every lexicon term in the corpus and print one row per hit with all its "
                    "fields (columns: docs/data-model.md, hits table). The table format cuts text "
                    f"cells to {TABLE_CELL} characters; csv and json keep them whole.")
    parser.add_argument("corpus", metavar="CORPUS", help="corpus folder or file, as `framing load` reads it")
    parser.add_argument("--lexicon", metavar="FILE", action="append", default=None,
                        help="a lexicon YAML file or a bundled lexicon's name; repeat for several "
                             "(default: every bundled lexicon)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--kind", choices=KINDS, help="only hits of this kind")
    parser.add_argument("--frame", metavar="NAME", help="only hits of this frame, naming set or actor")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="analyse with N processes (default: every CPU for 800 articles or more)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lexicons = None if not args.lexicon else [resolve_lexicon(spec) for spec in args.lexicon]
    analysis = analyze(load_corpus(args.corpus, keep_raw=False), lexicons, workers=args.workers, sentence_text=False)
    hits = select_hits(analysis.hits, kind=args.kind, frame=args.frame, lexicons=analysis.lexicons)
    out = sys.stdout
    if args.format == "csv":
        hits.to_csv(out, index=False)
    elif args.format == "json":
        _write_json(hits, out)
    elif hits.empty:
        out.write("no hits\n")
    else:
        out.write(_shortened(hits).to_string(index=False))
        out.write("\n")
    return 0


def _shortened(hits):
    """Text cells cut to ``TABLE_CELL`` characters (ending in …) so the table stays readable."""
    hits = hits.copy()
    for column in ("matched", "term", "frame", "pole", "speaker", "target", "outlet"):
        values = hits[column].astype(object)
        hits[column] = pd.Series([v[:TABLE_CELL - 1] + "…" if isinstance(v, str) and len(v) > TABLE_CELL else v
                                  for v in values], index=hits.index, dtype=object)
    return hits


def _write_json(hits: pd.DataFrame, out, *, rows_per_piece: int = 50_000) -> None:
    """One JSON array of hit objects, written piece by piece so millions of hits never make
    one giant string."""
    out.write("[")
    for first in range(0, len(hits), rows_per_piece):
        piece = hits.iloc[first:first + rows_per_piece].to_json(orient="records", force_ascii=False, lines=True)
        out.write(("," if first else "") + "\n" + ",\n".join(piece.splitlines()))
    out.write("\n]\n")
