"""``framing events`` (articles grouped into events, and which outlet covered which) and
``framing align`` (sentence pairs of one event across outlets, with their word differences)."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from framing.cli.options import (
    add_corpus_options,
    add_event_options,
    add_output_option,
    articles_from_args,
    corpus_from_args,
    event_settings,
    store_from_args,
)
from framing.cli.output import plain_text, write_table
from framing.compare.align import DEFAULT_THRESHOLD, SAME_FACT_THRESHOLD, align_event, diff_markup, event_omissions
from framing.compare.coverage import (
    MIN_EVENT_ARTICLES,
    MIN_SHARE,
    event_blindspots,
    event_coverage,
    group_coverage,
    shared_events,
)
from framing.compare.events import group_events
from framing.corpus.records import Corpus
from framing.errors import SettingsError
from framing.measure.analysis import Analysis
from framing.measure.pipeline import analyze
from framing.present.encoding import plural

GROUP_COLUMNS = ["event_id", "event_size", "event_start", "event_end", "cohesion", "event_source",
                 "article_id", "outlet", "date", "title"]


def register(subparsers) -> None:
    _register_events(subparsers)
    _register_align(subparsers)


def _register_events(subparsers) -> None:
    p = subparsers.add_parser(
        "events", help="group articles that report the same event; which outlet covered which",
        description="Articles reporting the same event, by TF-IDF similarity of title and lead within a "
                    "date window (partial dates are intervals; undated articles join only near-duplicates), "
                    "grouped by average linkage. A corpus with its own event_id keeps it. Columns: "
                    "docs/data-model.md, events.")
    add_corpus_options(p)
    add_event_options(p)
    p.add_argument("--min-size", type=int, default=1, metavar="N", help="show only events of N articles or more")
    p.add_argument("--coverage", action="store_true",
                   help="print the coverage table (event_id, outlet, n_articles) instead of the groups")
    p.add_argument("--covered-by", action="append", metavar="OUTLET",
                   help="only events every one of these outlets covered (repeatable)")
    p.add_argument("--by", metavar="COLUMN",
                   help="with --coverage: articles and outlets per event and value of this articles column (e.g. a "
                        "leaning) instead of per outlet; with --blindspots: the groups compared")
    p.add_argument("--blindspots", action="store_true",
                   help="one line per event: how its coverage splits between the groups of --by, events covered "
                        "only or mostly by one group (or with a group missing) first")
    p.add_argument("--min-share", type=float, default=MIN_SHARE, metavar="S",
                   help=f"with --blindspots: share of an event's articles that makes it 'mostly' one group's "
                        f"(default {MIN_SHARE})")
    p.add_argument("--min-articles", type=int, default=MIN_EVENT_ARTICLES, metavar="N",
                   help=f"with --blindspots: articles an event needs before it is called a blindspot "
                        f"(default {MIN_EVENT_ARTICLES})")
    add_output_option(p)
    p.set_defaults(func=run_events)


def _register_align(subparsers) -> None:
    p = subparsers.add_parser(
        "align", help="framing diff: the same fact in different outlets' words, for one event",
        description="Within one event (see `framing events`), pair sentences of different outlets that report "
                    "the same fact (sentence TF-IDF cosine, one-to-one best matches) and show their word "
                    "differences as [-words of A-]{+words of B+}. Pairs whose differences hit lexicon terms "
                    "come first, then the most similar yet most reworded. Columns: docs/data-model.md, alignment.")
    add_corpus_options(p)
    p.add_argument("--event", required=True, metavar="ID", help="event id, as `framing events` prints it")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="T",
                   help=f"sentence similarity for a pair (default {DEFAULT_THRESHOLD})")
    p.add_argument("--outlet", action="append", metavar="NAME", help="only these outlets (repeatable)")
    p.add_argument("--same-fact", type=float, default=SAME_FACT_THRESHOLD, metavar="S",
                   help=f"similarity from which a pair is labelled 'same fact', else 'related' (default "
                        f"{SAME_FACT_THRESHOLD}: checked by hand on AllSides roundups, bench/README.md)")
    p.add_argument("--omissions", action="store_true",
                   help="instead of pairs, the sentences of each outlet with no counterpart (no sentence of another "
                        "outlet reaches --threshold)")
    p.add_argument("--top", type=int, default=20, metavar="N", help="pairs shown (default 20; 0 for all)")
    add_event_options(p, threshold_flag="--event-threshold")
    add_output_option(p)
    p.set_defaults(func=run_align)


def _articles_with_events(args: argparse.Namespace) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = articles_from_args(args)
    return articles, group_events(articles, event_settings(args))


def run_events(args: argparse.Namespace) -> int:
    if args.blindspots and not args.by:
        raise SettingsError("--blindspots compares groups: name the column with --by (e.g. --by leaning)")
    articles, events = _articles_with_events(args)
    table = events.merge(articles[["article_id", "outlet", "date", "title"]], on="article_id")
    table = table[table["event_size"] >= args.min_size]
    coverage = event_coverage(articles, events)
    if args.covered_by:
        keep = set(shared_events(coverage, args.covered_by))
        table, coverage = table[table["event_id"].isin(keep)], coverage[coverage["event_id"].isin(keep)]
    coverage = coverage[coverage["event_id"].isin(set(table["event_id"]))]
    chosen = articles[articles["article_id"].isin(set(table["article_id"]))]
    if args.blindspots:
        spots = event_blindspots(chosen, args.by, events, min_share=args.min_share, min_articles=args.min_articles)
        write_table(spots, args.format, text=_blindspots_text)
        return 0
    if args.coverage:
        write_table(group_coverage(chosen, args.by, events) if args.by else coverage, args.format, text=plain_text)
        return 0
    table = table.sort_values(["event_start", "event_id", "date", "article_id"], na_position="last")[GROUP_COLUMNS]
    write_table(table, args.format, text=_groups_text)
    return 0


def _groups_text(table: pd.DataFrame) -> str:
    """A heading per event (dates, size, outlets, cohesion), then one line per article."""
    lines = []
    for event_id, part in table.groupby("event_id", sort=False):
        first = part.iloc[0]
        span = first["event_start"] if first["event_start"] == first["event_end"] else \
            f"{first['event_start']}..{first['event_end']}"
        cohesion = "" if pd.isna(first["cohesion"]) else f", cohesion {first['cohesion']:.2f}"
        lines.append(f"{event_id}  {span if isinstance(first['event_start'], str) else 'undated'}  "
                     f"{plural(len(part), 'article')}, {plural(part['outlet'].nunique(), 'outlet')}{cohesion}")
        for row in part.itertuples(index=False):
            date = row.date if isinstance(row.date, str) else "-"
            lines.append(f"    {date:<10}  {str(row.outlet)[:28]:<28}  {row.title}")
    return "".join(line + "\n" for line in lines)


def _blindspots_text(table: pd.DataFrame) -> str:
    """One line per event: kind, articles per group, groups missing."""
    lines = []
    for row in table.itertuples(index=False):
        kind = {"only": f"only {row.top_group}", "mostly": f"mostly {row.top_group} ({row.top_share:.0%})",
                "missing": "missing " + ", ".join(row.missing)}.get(row.kind, "balanced" if not row.missing else "-")
        counts = ", ".join(f"{group} {n}" for group, n in row.counts)
        lines.append(f"{row.event_id}  {kind:<28}  {plural(row.n_articles, 'article')} from "
                     f"{plural(row.n_outlets, 'outlet')}: {counts}")
    return "".join(line + "\n" for line in lines)


def run_align(args: argparse.Namespace) -> int:
    articles, events = _articles_with_events(args)
    members = set(events.loc[events["event_id"] == args.event, "article_id"])
    if not members:
        known = events["event_id"].dropna().unique()
        source = args.corpus or args.store
        raise SettingsError(f"{source}: no event {args.event!r} with these grouping options; "
                            f"`framing events {source}` lists them (e.g. {', '.join(sorted(map(str, known))[:5])})")
    analysis = _event_analysis(args, articles, members)
    if args.omissions:
        missing = event_omissions(analysis, args.event, threshold=args.threshold, outlets=args.outlet, events=events)
        write_table(_flat_omissions(missing) if args.format == "csv" else missing, args.format, text=_omissions_text)
        return 0
    pairs = align_event(analysis, args.event, threshold=args.threshold, outlets=args.outlet, events=events,
                        same_fact=args.same_fact)
    if args.top:
        pairs = pairs.head(args.top)
    if pairs.empty:
        print(f"framing: no two sentences of different outlets in event {args.event} reach similarity "
              f"{args.threshold} (try a lower --threshold)", file=sys.stderr)
    write_table(_flat_pairs(pairs) if args.format == "csv" else pairs, args.format, text=_pairs_text)
    return 0


def _event_analysis(args: argparse.Namespace, articles: pd.DataFrame, members: set) -> Analysis:
    """The analysis of one event's articles: a subset of the store, or its articles analysed."""
    store = store_from_args(args)
    if store is not None:
        return store.analysis().subset(articles[articles["article_id"].isin(members)], label=f"event:{args.event}")
    corpus = corpus_from_args(args, keep_raw=False)
    return analyze(Corpus(tuple(a for a in corpus.articles if a.id in members), corpus.report, corpus.path))


def _flat_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs for CSV: the diff as markup text, lexicon terms joined by '; '."""
    flat = pairs.drop(columns=["ops"]).assign(diff=[diff_markup(ops) for ops in pairs["ops"]])
    for column in ("lexicon_terms_a", "lexicon_terms_b"):
        flat[column] = ["; ".join(terms) for terms in flat[column]]
    return flat


def _pairs_text(pairs: pd.DataFrame) -> str:
    lines = []
    for row in pairs.itertuples(index=False):
        lines += [f"#{row.pair_id}  similarity {row.similarity:.2f} ({row.match})  words changed {row.changed_words} "
                  f"({row.changed_share:.0%})  score {row.diff_score:.2f}",
                  f"  A  {row.outlet_a} [{row.article_a} s{row.sentence_a}]: {row.text_a}",
                  f"  B  {row.outlet_b} [{row.article_b} s{row.sentence_b}]: {row.text_b}",
                  f"  diff  {diff_markup(row.ops)}"]
        lines += [f"  lexicon terms changed in {side}: {', '.join(terms)}"
                  for side, terms in (("A", row.lexicon_terms_a), ("B", row.lexicon_terms_b)) if terms]
        lines.append("")
    return "".join(line + "\n" for line in lines)


def _flat_omissions(table: pd.DataFrame) -> pd.DataFrame:
    return table.assign(lexicon_terms=["; ".join(terms) for terms in table["lexicon_terms"]])


def _omissions_text(table: pd.DataFrame) -> str:
    """Per outlet, its sentences the others have no counterpart for, with the closest one."""
    if table.empty:
        return "every sentence has a counterpart in another outlet\n"
    lines = []
    for outlet, part in table.groupby("outlet", sort=False):
        lines.append(f"{outlet}: {plural(len(part), 'sentence')} with no counterpart in "
                     f"{plural(part['n_other_outlets'].iloc[0], 'other outlet')}")
        for row in part.itertuples(index=False):
            lines.append(f"  [{row.article_id} s{row.sentence_id}] {row.text}")
            if isinstance(row.best_text, str):
                lines.append(f"      closest ({row.best_similarity:.2f}, {row.best_outlet}): {row.best_text}")
            if row.lexicon_terms:
                lines.append(f"      lexicon terms: {', '.join(row.lexicon_terms)}")
        lines.append("")
    return "".join(line + "\n" for line in lines)
