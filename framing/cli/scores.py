"""``framing score CORPUS``: frame rates, axis balance, target splits, label shares or actor
sentiment per outlet, article, event or any column, with bootstrap intervals."""
from __future__ import annotations

import argparse
import sys

from framing.measure.bootstrap import MIN_ARTICLES
from .output import FORMATS, write_csv_or_json

TABLES = ("rates", "balance", "targets", "shares", "sentiment")
VOICE_CHOICES = ("all", "author", "quoted", "distanced", "each")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "score", help="frame rates, axis balance, label shares, actor sentiment per outlet/article/event",
        description="Scores per group with expanded percentile bootstrap intervals over articles (Efron & "
                    "Tibshirani 1993; Hesterberg 2015): hits per 1,000 words for every frame pole (rates), "
                    "(A - B) / (A + B) for every two-pole frame (balance), rates split by target actor "
                    "(targets), each label's share of its referent's mentions (shares), mean VADER "
                    "sentiment of sentences mentioning each actor (sentiment). Columns: "
                    "docs/data-model.md, scores.")
    p.add_argument("corpus", metavar="CORPUS", help="corpus folder or file (see `framing corpus`)")
    p.add_argument("--table", choices=TABLES, default="rates", help="which scores (default: rates)")
    p.add_argument("--by", default="outlet", metavar="outlet|article|event|COLUMN",
                   help="group articles by outlet, article, event or any articles column; several "
                        "columns separated by commas (e.g. event_id,outlet). Default: outlet")
    p.add_argument("--voice", choices=VOICE_CHOICES, default="all",
                   help="count only hits in the outlet's own voice (author), in quotes (quoted), in "
                        "scare quotes (distanced), any (all, default) or each of these in turn (each)")
    p.add_argument("--frame", metavar="NAME", action="append", default=None,
                   help="only this frame (rates, balance, targets) or naming set (shares); repeatable")
    p.add_argument("--kind", choices=("frame", "naming", "actor"), default="frame",
                   help="rates of frame poles (default), naming labels or actor mentions")
    p.add_argument("--negated", choices=("exclude", "include", "only"), default="exclude",
                   help="negated hits ('not legitimate'): left out of the counts (default, still "
                        "shown in negated_hits), counted, or counted alone")
    p.add_argument("--lexicon", metavar="FILE", action="append", default=None,
                   help="a lexicon YAML file or a bundled lexicon's name; repeatable (default: every bundled lexicon)")
    p.add_argument("--boot", type=int, default=1000, metavar="N", help="bootstrap resamples (default 1000)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed of the bootstrap (default 0)")
    p.add_argument("--level", type=float, default=0.95, help="interval level (default 0.95)")
    p.add_argument("--min-articles", type=int, default=MIN_ARTICLES, metavar="N",
                   help=f"mark figures resting on fewer articles as low_support (default {MIN_ARTICLES})")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="analyse (and score sentiment) with N processes (default: every CPU once the "
                        "corpus is big enough to gain from it)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from framing.measure.pipeline import analyze
    from framing.lexicon import resolve_lexicon
    from framing.corpus.load import load_corpus

    lexicons = None if not args.lexicon else [resolve_lexicon(spec) for spec in args.lexicon]
    analysis = analyze(load_corpus(args.corpus, keep_raw=False), lexicons, workers=args.workers, sentence_text=False)
    table = compute(analysis, args)
    _write(table, args.format, sys.stdout)
    return 0


def compute(analysis, args: argparse.Namespace):
    """The table ``args.table`` asks for, from an ``Analysis``."""
    from framing.measure import score
    from framing.measure.bootstrap import group_columns

    by = [c.strip() for c in args.by.split(",")] if "," in args.by else args.by
    common = dict(by=by, voice=args.voice, lexicons=analysis.lexicons, n_boot=args.boot, seed=args.seed,
                  min_articles=args.min_articles, level=args.level)
    hits, articles = analysis.hits, analysis.articles
    if "event_id" in group_columns(by) and articles["event_id"].isna().any():
        from framing.compare.events import with_events
        articles = with_events(articles)  # events grouped where the source gave none
    if args.table in ("rates", "targets"):
        return score.frame_rates(hits, articles, kind=args.kind, frames=args.frame, negated=args.negated,
                                 by_target=args.table == "targets", **common)
    if args.table == "balance":
        return score.axis_balance(hits, articles, frames=args.frame, negated=args.negated, **common)
    if args.table == "shares":
        return score.label_shares(hits, articles, naming_sets=args.frame, **common)
    return score.actor_sentiment(analysis.sentences, hits, articles, workers=getattr(args, "workers", None), **common)


def _write(table, fmt: str, out) -> None:
    if fmt != "table":
        write_csv_or_json(table, fmt, out=out)
    elif table.empty:
        out.write("no scores\n")
    else:
        if "group" in table and table.columns[1] != "group" and (table["group"] == table.iloc[:, 1].astype(str)).all():
            table = table.drop(columns="group")  # the one by column says it already
        out.write(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        out.write("\n")
