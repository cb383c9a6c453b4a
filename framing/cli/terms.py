"""``framing terms`` (distinctive terms per outlet or group) and ``framing kwic`` (concordance)."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from framing.cli.options import (
    add_corpus_options,
    add_event_options,
    add_lexicon_option,
    add_output_option,
    add_term_options,
    add_workers_option,
    analysis_from_args,
    articles_from_args,
    engine_settings,
    event_settings,
    term_settings,
)
from framing.cli.output import write_table
from framing.compare.events import with_events
from framing.compare.kwic import HIT_KINDS, KINDS, SORTS, concordance
from framing.compare.paired_words import SOURCES, paired_words
from framing.measure.terms import build_term_matrix, distinctive_terms, has_events, left_out_lines

TERM_COLUMNS = ["group", "vs", "rank", "term", "count", "count_vs", "n_articles", "n_events", "score", "z", "z_articles",
                "p", "significant", "style"]
KWIC_COLUMNS = ["outlet", "article_id", "sentence_id", "left", "match", "right", "voice", "negated", "hedged"]


def register(subparsers) -> None:
    _register_terms(subparsers)
    _register_paired(subparsers)
    _register_kwic(subparsers)


def _register_paired(subparsers) -> None:
    p = subparsers.add_parser(
        "paired", help="paired words: what one outlet calls a thing where another, on the same event, says another word",
        description="For every event two outlets (or groups) covered: the naming-set labels each used most "
                    "when they differ ('regime' / 'government'), and the words swapped in sentences that "
                    "report the same fact; ranked by the number of events. Articles without event ids are "
                    "grouped into events first.")
    add_corpus_options(p)
    add_lexicon_option(p)
    add_workers_option(p)
    p.add_argument("--by", default="outlet", metavar="outlet|COLUMN", help="the sides compared (default: outlet)")
    p.add_argument("--source", choices=SOURCES, action="append", default=None,
                   help="naming labels, aligned sentences, or both (default)")
    p.add_argument("--top", type=int, default=30, metavar="N", help="pairs listed (default 30; 0 for all)")
    add_event_options(p, threshold_flag="--event-threshold")
    add_output_option(p)
    p.set_defaults(func=run_paired)


def run_paired(args: argparse.Namespace) -> int:
    analysis = analysis_from_args(args, sentence_text=True)
    if not has_events(analysis.articles):
        analysis = analysis.with_articles(with_events(analysis.articles, event_settings(args)), label="events")
    table = paired_words(analysis, by=args.by, sources=args.source or SOURCES, top=args.top or None)
    if table.empty:
        print("framing: no paired words: no event was covered by two sides with different words", file=sys.stderr)
    write_table(table if args.format != "table" else table.drop(columns=["events"]), args.format)
    return 0


def _register_terms(subparsers) -> None:
    p = subparsers.add_parser(
        "terms", help="distinctive terms of each outlet or group (log-odds z-scores or TF-IDF)",
        description="Terms each outlet (or group) uses more than the rest of the corpus, or more than "
                    "one other outlet: log-odds ratio with an informative Dirichlet prior (Monroe, "
                    "Colaresi & Quinn 2008), significance after Benjamini-Hochberg correction; or TF-IDF "
                    "with each group's articles as one document. With event ids, outlets are compared "
                    "within the events they share. Each outlet's self-reference (its own name, bylines, "
                    "datelines, wire tags, transcript labels) is removed before counting and house-style "
                    "terms (honorifics, title forms, attribution habits...) are not listed, unless asked.")
    add_corpus_options(p)
    add_term_options(p)
    p.add_argument("--group", action="append", metavar="NAME", help="only this group (repeatable; default: every group)")
    p.add_argument("--vs", metavar="NAME", help="compare against this group (default: the rest of the corpus)")
    add_event_options(p, threshold_flag="--event-threshold")
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
    settings = term_settings(args)
    articles = articles_from_args(args)
    if settings.within_events and not has_events(articles):
        print("framing: grouping the articles into events first (the corpus has no event ids)", file=sys.stderr)
        articles = with_events(articles, event_settings(args))
    matrix = build_term_matrix(articles, settings, engine=engine_settings(args))  # texts read on --workers / --engine
    result = distinctive_terms(matrix, settings, group=args.group, vs=args.vs)
    if result.empty:
        print(f"framing: no term is used {args.min_count} times or more in the texts compared "
              "(try a lower --min-count)", file=sys.stderr)
    for line in left_out_lines(matrix, settings):
        print(f"framing: {line}", file=sys.stderr)
    if args.format == "table":
        hidden = {"z", "z_articles", "p", "significant"} if settings.method == "tfidf" else set()
        if result["n_events"].isna().all():
            hidden.add("n_events")
        if not settings.keep_style:
            hidden.add("style")
        write_table(result[[c for c in TERM_COLUMNS if c not in hidden]], "table", text=_table_text)
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

