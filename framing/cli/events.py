"""``framing events`` (articles grouped into events, and which outlet covered which) and
``framing align`` (sentence pairs of one event across outlets, with their word differences)."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from .output import FORMATS, write_csv_or_json

GROUP_COLUMNS = ["event_id", "event_size", "event_start", "event_end", "cohesion", "event_source",
                 "article_id", "outlet", "date", "title"]


def register(subparsers) -> None:
    _register_events(subparsers)
    _register_align(subparsers)


def _grouping_options(p: argparse.ArgumentParser, flag: str) -> None:
    from framing.compare.events import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
    p.add_argument(flag, dest="event_threshold", type=float, default=DEFAULT_THRESHOLD, metavar="T",
                   help=f"mean TF-IDF cosine similarity for articles to form one event (default {DEFAULT_THRESHOLD})")
    p.add_argument("--window-days", type=int, default=DEFAULT_WINDOW_DAYS, metavar="N",
                   help=f"articles more than N days apart are never one event (default {DEFAULT_WINDOW_DAYS})")
    p.add_argument("--ignore-existing", action="store_true",
                   help="group every article, even when the corpus has its own event_id")


def _register_events(subparsers) -> None:
    p = subparsers.add_parser(
        "events", help="group articles that report the same event; which outlet covered which",
        description="Articles reporting the same event, by TF-IDF similarity of title and lead within a "
                    "date window (partial dates are intervals; undated articles join only near-duplicates), "
                    "grouped by average linkage. A corpus with its own event_id keeps it. Columns: "
                    "docs/data-model.md, events.")
    p.add_argument("corpus", metavar="CORPUS", help="corpus folder or file (see `framing corpus`)")
    _grouping_options(p, "--threshold")
    p.add_argument("--min-size", type=int, default=1, metavar="N", help="show only events of N articles or more")
    p.add_argument("--coverage", action="store_true",
                   help="print the coverage table (event_id, outlet, n_articles) instead of the groups")
    p.add_argument("--covered-by", action="append", metavar="OUTLET",
                   help="only events every one of these outlets covered (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.set_defaults(func=run_events)


def _register_align(subparsers) -> None:
    from framing.compare.align import DEFAULT_THRESHOLD
    p = subparsers.add_parser(
        "align", help="framing diff: the same fact in different outlets' words, for one event",
        description="Within one event (see `framing events`), pair sentences of different outlets that report "
                    "the same fact (sentence TF-IDF cosine, one-to-one best matches) and show their word "
                    "differences as [-words of A-]{+words of B+}. Pairs whose differences hit lexicon terms "
                    "come first, then the most similar yet most reworded. Columns: docs/data-model.md, alignment.")
    p.add_argument("corpus", metavar="CORPUS", help="corpus folder or file")
    p.add_argument("--event", required=True, metavar="ID", help="event id, as `framing events` prints it")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="T",
                   help=f"sentence similarity for a pair (default {DEFAULT_THRESHOLD})")
    p.add_argument("--outlet", action="append", metavar="NAME", help="only these outlets (repeatable)")
    p.add_argument("--top", type=int, default=20, metavar="N", help="pairs shown (default 20; 0 for all)")
    _grouping_options(p, "--event-threshold")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.set_defaults(func=run_align)


def _articles_with_events(args: argparse.Namespace):
    from framing.compare.events import group_events
    from framing.measure.tables import corpus_frame
    from framing.corpus.load import load_corpus
    corpus = load_corpus(args.corpus)
    articles = corpus_frame(corpus, exact_sentences=False)
    events = group_events(articles, threshold=args.event_threshold, window_days=args.window_days,
                          use_existing=not args.ignore_existing)
    return corpus, articles, events


def run_events(args: argparse.Namespace) -> int:
    from framing.compare.coverage import event_coverage, shared_events
    _, articles, events = _articles_with_events(args)
    table = events.merge(articles[["article_id", "outlet", "date", "title"]], on="article_id")
    table = table[table["event_size"] >= args.min_size]
    coverage = event_coverage(articles, events)
    if args.covered_by:
        keep = set(shared_events(coverage, args.covered_by))
        table, coverage = table[table["event_id"].isin(keep)], coverage[coverage["event_id"].isin(keep)]
    coverage = coverage[coverage["event_id"].isin(set(table["event_id"]))]
    if args.coverage:
        _write(coverage, args.format)
        return 0
    table = table.sort_values(["event_start", "event_id", "date", "article_id"], na_position="last")[GROUP_COLUMNS]
    if args.format == "table":
        _print_groups(table)
    else:
        _write(table, args.format)
    return 0


def _print_groups(table: pd.DataFrame) -> None:
    """A heading per event (dates, size, outlets, cohesion), then one line per article."""
    for event_id, part in table.groupby("event_id", sort=False):
        first = part.iloc[0]
        span = first["event_start"] if first["event_start"] == first["event_end"] else \
            f"{first['event_start']}..{first['event_end']}"
        cohesion = "" if pd.isna(first["cohesion"]) else f", cohesion {first['cohesion']:.2f}"
        print(f"{event_id}  {span if isinstance(first['event_start'], str) else 'undated'}  "
              f"{len(part)} article(s), {part['outlet'].nunique()} outlet(s){cohesion}")
        for row in part.itertuples(index=False):
            date = row.date if isinstance(row.date, str) else "-"
            print(f"    {date:<10}  {str(row.outlet)[:28]:<28}  {row.title}")


def run_align(args: argparse.Namespace) -> int:
    from framing.compare.align import align_event
    from framing.measure.pipeline import analyze
    from framing.errors import SettingsError
    from framing.corpus.records import Corpus
    corpus, _, events = _articles_with_events(args)
    members = set(events.loc[events["event_id"] == args.event, "article_id"])
    if not members:
        known = events["event_id"].dropna().unique()
        raise SettingsError(f"{args.corpus}: no event {args.event!r} with these grouping options; "
                            f"`framing events {args.corpus}` lists them (e.g. {', '.join(sorted(map(str, known))[:5])})")
    subset = Corpus(tuple(a for a in corpus.articles if a.id in members), corpus.report, corpus.path)
    pairs = align_event(analyze(subset), args.event, threshold=args.threshold, outlets=args.outlet,
                        events=events)
    if args.top:
        pairs = pairs.head(args.top)
    if pairs.empty:
        print(f"framing: no two sentences of different outlets in event {args.event} reach similarity "
              f"{args.threshold} (try a lower --threshold)", file=sys.stderr)
    if args.format == "table":
        _print_pairs(pairs)
    elif args.format == "csv":
        _write(_flat_pairs(pairs), "csv")
    else:
        _write(pairs, "json")
    return 0


def _flat_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs for CSV: the diff as markup text, lexicon terms joined by '; '."""
    from framing.compare.align import diff_markup
    flat = pairs.drop(columns=["ops"]).assign(diff=[diff_markup(ops) for ops in pairs["ops"]])
    for column in ("lexicon_terms_a", "lexicon_terms_b"):
        flat[column] = ["; ".join(terms) for terms in flat[column]]
    return flat


def _print_pairs(pairs: pd.DataFrame) -> None:
    from framing.compare.align import diff_markup
    for row in pairs.itertuples(index=False):
        print(f"#{row.pair_id}  similarity {row.similarity:.2f}  words changed {row.changed_words} "
              f"({row.changed_share:.0%})  score {row.diff_score:.2f}")
        print(f"  A  {row.outlet_a} [{row.article_a} s{row.sentence_a}]: {row.text_a}")
        print(f"  B  {row.outlet_b} [{row.article_b} s{row.sentence_b}]: {row.text_b}")
        print(f"  diff  {diff_markup(row.ops)}")
        for side, terms in (("A", row.lexicon_terms_a), ("B", row.lexicon_terms_b)):
            if terms:
                print(f"  lexicon terms changed in {side}: {', '.join(terms)}")
        print()


def _write(table: pd.DataFrame, fmt: str) -> None:
    if fmt != "table":
        write_csv_or_json(table, fmt)
        return
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200):
        print(table.to_string(index=False))
