"""``framing score CORPUS``: frame rates, axis balance, target splits, label shares or actor
sentiment per outlet, article, event or any column, with bootstrap intervals."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from framing.cli.options import (
    add_corpus_options,
    add_event_options,
    add_lexicon_option,
    add_output_option,
    add_score_options,
    add_workers_option,
    analysis_from_args,
    event_settings,
    lexicons_from_args,
    reads_store,
    score_settings,
)
from framing.cli.output import write_table
from framing.lexicon import Frame, Lexicon, NamingSet
from framing.measure import score
from framing.measure.analysis import Analysis
from framing.measure.bootstrap import group_columns
from framing.measure.loaded import LOADED_LEXICON, top_loaded_words
from framing.measure.periods import with_periods
from framing.measure.pipeline import chosen_lexicons
from framing.settings import ScoreSettings

TABLES = ("rates", "balance", "targets", "shares", "sentiment", "loaded", "loaded_words")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "score", help="frame rates, axis balance, label shares, actor sentiment per outlet/article/event",
        description="Scores per group with expanded percentile bootstrap intervals over articles (Efron & "
                    "Tibshirani 1993; Hesterberg 2015): hits per 1,000 words for every frame pole (rates), "
                    "(A - B) / (A + B) for every two-pole frame (balance), rates split by target actor "
                    "(targets), each label's share of its referent's mentions (shares), mean VADER "
                    "sentiment of sentences mentioning each actor (sentiment), loaded language per 1,000 words "
                    "(loaded: the weights of the loaded lexicon's hits, negated ones included) and each group's "
                    "most loaded words (loaded_words, --top per group). Columns: docs/data-model.md, scores.")
    add_corpus_options(p)
    p.add_argument("--table", choices=TABLES, default="rates", help="which scores (default: rates)")
    p.add_argument("--top", type=int, default=10, metavar="N", help="loaded_words: the N most loaded words of each group")
    add_score_options(p)
    add_lexicon_option(p)
    add_output_option(p)
    add_workers_option(p)
    add_event_options(p, threshold_flag="--event-threshold")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = score_settings(args, by_target=args.table == "targets")  # a bad option fails before the analysis
    lexicons = None if reads_store(args) else needed_lexicons(args.table, chosen_lexicons(lexicons_from_args(args)), settings)
    analysis = analysis_from_args(args, sentiment=args.table == "sentiment", lexicons=lexicons)  # VADER: sentiment
    write_table(compute(analysis, args, settings), args.format, text=_text)
    return 0


def needed_lexicons(table: str, lexicons: tuple[Lexicon, ...], settings: ScoreSettings) -> tuple[Lexicon, ...]:
    """The parts of ``lexicons`` that ``table`` reads: every actor (they give hits their
    targets and are what sentiment scores), and only the frames or naming sets of the roles
    counted (any frame named with ``--frame``; the whole ``loaded`` lexicon for the loaded
    tables). A category's hits depend only on its own terms and on the actors (matching keeps
    overlaps within a category; the context rules read cue words and actor mentions), so the
    table is the same as from every lexicon, without matching what it never reads."""
    if table in ("loaded", "loaded_words"):
        return tuple(lex if lex.name == LOADED_LEXICON else lex.keeping(lambda category: False) for lex in lexicons)
    kind = {"balance": "frame", "shares": "naming", "sentiment": "actor"}.get(table, settings.kind)
    categories: dict[str, type | tuple[type, ...]] = {"frame": Frame, "naming": NamingSet, "actor": ()}
    named = set(settings.frames or ())
    return tuple(lex.keeping(lambda category: isinstance(category, categories[kind])
                             and (category.role in settings.roles or category.name in named)) for lex in lexicons)


def compute(analysis: Analysis, args: argparse.Namespace, settings: ScoreSettings | None = None) -> pd.DataFrame:
    """The table ``args.table`` asks for, from an ``Analysis``; events are grouped first where
    ``--by`` names them and the source gave none."""
    settings = settings or score_settings(args, by_target=args.table == "targets")
    if "event_id" in group_columns(settings.by) and analysis.article_columns(["event_id"])["event_id"].isna().any():
        from framing.compare.events import with_events  # imports nltk's stemmer: only when events are grouped

        analysis = analysis.with_articles(with_events(analysis.articles, event_settings(args)), label="events")
    if settings.period:
        for line in with_periods(analysis.articles, settings.period)[1].lines():
            print(f"framing: {line}", file=sys.stderr)
    if args.table in ("rates", "targets"):
        return score.frame_rates(analysis, settings)
    if args.table == "balance":
        return score.axis_balance(analysis, settings)
    if args.table == "shares":
        return score.label_shares(analysis, settings)
    if args.table == "loaded":
        return score.loaded_rates(analysis, settings)
    if args.table == "loaded_words":
        return _loaded_words(analysis, settings, args.top)
    return score.actor_sentiment(analysis, settings, workers=args.workers)


def _loaded_words(analysis: Analysis, settings, top: int) -> pd.DataFrame:
    """``top_loaded_words`` for each voice asked, the by columns joined into one group column."""
    by = group_columns(settings.by)
    if len(by) > 1:
        articles = analysis.articles.assign(_group=analysis.articles[by].astype(str).agg(" / ".join, axis=1))
        analysis, column = analysis.with_articles(articles, label="joined-group"), "_group"
    else:
        column = by[0]
    tables = [top_loaded_words(analysis, by=column, voice=voice, top=top).assign(voice=voice) for voice in settings.voices]
    return pd.concat(tables, ignore_index=True)


def _text(table: pd.DataFrame) -> str:
    if table.empty:
        return "no scores\n"
    if "group" in table and table.columns[1] != "group" and (table["group"] == table.iloc[:, 1].astype(str)).all():
        table = table.drop(columns="group")  # the one by column says it already
    return table.to_string(index=False, float_format=lambda x: f"{x:.3f}") + "\n"
