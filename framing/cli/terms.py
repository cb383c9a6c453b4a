"""``framing terms`` (distinctive terms per outlet or group) and ``framing kwic`` (concordance)."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from framing.cli.options import add_corpus_options, add_output_option, analysis_from_args, articles_from_args
from framing.cli.output import write_table
from framing.compare.kwic import HIT_KINDS, KINDS, SORTS, concordance
from framing.measure.terms import METHODS, distinctive_terms

TERM_COLUMNS = ["group", "vs", "rank", "term", "count", "count_vs", "n_articles", "score", "z", "z_articles", "p", "significant"]
KWIC_COLUMNS = ["outlet", "article_id", "sentence_id", "left", "match", "right", "voice", "negated", "hedged"]


def register(subparsers) -> None:
    _register_terms(subparsers)
    _register_kwic(subparsers)


def _register_terms(subparsers) -> None:
    p = subparsers.add_parser(
        "terms", help="distinctive terms of each outlet or group (log-odds z-scores or TF-IDF)",
        description="Terms each outlet (or group) uses more than the rest of the corpus, or more than "
                    "one other outlet: log-odds ratio with an informative Dirichlet prior (Monroe, "
                    "Colaresi & Quinn 2008), significance after Benjamini-Hochberg correction; or TF-IDF "
                    "with each group's articles as one document.")
    add_corpus_options(p)
    p.add_argument("--by", default="outlet", metavar="outlet|COLUMN",
                   help="group articles by this column (default: outlet; e.g. bias_text)")
    p.add_argument("--group", action="append", metavar="NAME", help="only this group (repeatable; default: every group)")
    p.add_argument("--vs", metavar="NAME", help="compare against this group (default: the rest of the corpus)")
    p.add_argument("--method", choices=METHODS, default="logodds")
    p.add_argument("--ngrams", type=int, choices=(1, 2), default=2, help="1: single words; 2: words and bigrams (default)")
    p.add_argument("--min-count", type=int, default=5, metavar="N", help="drop terms used fewer than N times (default 5)")
    p.add_argument("--stop-words", choices=("english", "none"), default="english")
    p.add_argument("--prior-scale", type=float, default=1.0, metavar="X",
                   help="weight of the corpus prior, in average groups (default 1)")
    p.add_argument("--alpha", type=float, default=0.05, help="false discovery rate for 'significant' (default 0.05)")
    p.add_argument("--top", type=int, default=20, metavar="N", help="terms per group (default 20; 0 for all)")
    add_output_option(p)
    p.set_defaults(func=run_terms)


def _register_kwic(subparsers) -> None:
    p = subparsers.add_parser(
        "kwic", help="concordance: every occurrence of a term, phrase, frame or label in context",
        description="Every occurrence with its left and right context, outlet, article and voice. A term is "
                    "a word or bigram as 'framing terms' counts it; a phrase follows the lexicon rules "
                    "(quote and dash variants, destabiliz* stems); frame, pole, naming, label and actor "
                    "read the lexicon hits of the analysis.")
    add_corpus_options(p)
    p.add_argument("query", metavar="TERM", help="the term, phrase, or lexicon frame/pole/naming set/label/actor name")
    p.add_argument("--kind", choices=KINDS, default="term")
    p.add_argument("--outlet", action="append", metavar="NAME", help="only this outlet (repeatable)")
    p.add_argument("--where", action="append", metavar="COLUMN=VALUE", type=_condition,
                   help="only articles whose COLUMN has VALUE, e.g. bias_text=left (repeatable)")
    p.add_argument("--width", type=int, default=60, metavar="N", help="characters of context each side (default 60)")
    p.add_argument("--sort", choices=SORTS, default="outlet")
    add_output_option(p)
    p.set_defaults(func=run_kwic)


def run_terms(args: argparse.Namespace) -> int:
    articles = articles_from_args(args)
    result = distinctive_terms(
        articles, by=args.by, method=args.method, group=args.group, vs=args.vs, ngram_range=(1, args.ngrams),
        min_count=args.min_count, stop_words=args.stop_words, prior_scale=args.prior_scale, alpha=args.alpha,
        top=args.top or None)
    if result.empty:
        print(f"framing: no term is used {args.min_count} times or more in the texts compared "
              "(try a lower --min-count)", file=sys.stderr)
    if args.format == "table":
        columns = [c for c in TERM_COLUMNS if not (args.method == "tfidf" and c in ("z", "z_articles", "p", "significant"))]
        write_table(result[columns], "table", text=_table_text)
        where = "--outlet NAME" if args.by == "outlet" else f"--where {args.by}=NAME"
        print(f"every use of a term: framing kwic {args.corpus or '--store ' + str(args.store)} TERM {where}", file=sys.stderr)
    else:
        write_table(result, args.format)
    return 0


def run_kwic(args: argparse.Namespace) -> int:
    analysis = analysis_from_args(args, lexicons=None if args.kind in HIT_KINDS else ())
    where: dict[str, list[str]] = {}
    for column, value in args.where or []:
        where.setdefault(column, []).append(value)
    table = concordance(analysis, args.query, kind=args.kind, width=args.width, outlets=args.outlet, where=where,
                        sort=args.sort)
    if table.empty:
        print(f"framing: no occurrence of {args.kind} {args.query!r}"
              + (f" in {', '.join(args.outlet)}" if args.outlet else ""), file=sys.stderr)
    write_table(table, args.format, text=lambda t: _kwic_text(t, args.width))
    return 0


def _condition(text: str) -> tuple[str, str]:
    column, sep, value = text.partition("=")
    if not sep or not column.strip():
        raise argparse.ArgumentTypeError(f"expected COLUMN=VALUE, got {text!r}")
    return column.strip(), value.strip()


def _table_text(table: pd.DataFrame) -> str:
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                           "display.float_format", "{:.4g}".format):
        return table.to_string(index=False) + "\n"


def _kwic_text(table: pd.DataFrame, width: int) -> str:
    """One aligned line per occurrence: outlet, left context, [match], right context, voice."""
    lines = []
    for row in table.itertuples(index=False):
        voice = "" if pd.isna(row.voice) else f"  ({row.voice})"
        lines.append(f"{str(row.outlet)[:24]:<24}  {row.left[-width:]:>{width}} [{row.match}] "
                     f"{row.right[:width]:<{width}}{voice}\n")
    return "".join(lines)

