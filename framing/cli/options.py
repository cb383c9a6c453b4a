"""The command line's shared vocabulary: option groups that several commands take (reading a
corpus, lexicons, workers, output format, scoring and bootstrap, event grouping), and the
settings objects and analysis built from them, so every command spells an option the same
way and means the same thing by it (sqlite-utils' ``output_options`` is the model)."""
from __future__ import annotations

import argparse
import sys

import pandas as pd

from framing.corpus.load import FORMATS as INPUT_FORMATS
from framing.corpus.load import load_corpus
from framing.corpus.outlets import OutletTable, join_outlet_table, read_outlet_table
from framing.corpus.records import Corpus
from framing.errors import SettingsError
from framing.lexicon import ROLES, Lexicon, resolve_lexicon
from framing.measure.analysis import Analysis
from framing.measure.cache import analysis_key, source_key
from framing.measure.pipeline import analyze, chosen_lexicons
from framing.measure.tables import corpus_frame
from framing.settings import (
    MAX_BOOT,
    MIN_ARTICLES,
    NEGATED,
    PERIODS,
    SCORE_KINDS,
    STOP_WORDS,
    TERM_METHODS,
    VOICES,
    BootstrapSettings,
    EventSettings,
    ScoreSettings,
    TermSettings,
)

#: Article fields whose source column can be named (``--text-column`` ...).
MAPPING_OPTIONS = ("text", "outlet", "title", "date", "id", "url")
#: The ``--format`` choices of every command that prints a table.
OUTPUT_FORMATS = ("table", "csv", "json")
EVENTS = EventSettings()


def add_corpus_options(parser: argparse.ArgumentParser, *, positional: str = "corpus") -> None:
    """The corpus argument, and the options that say how to read it (``load_corpus``)."""
    parser.add_argument(positional, metavar="CORPUS" if positional == "corpus" else positional.upper(),
                        help="corpus folder (with manifest.csv) or file (CSV, JSON lines, JSON, Parquet, HTML)")
    group = parser.add_argument_group("reading the corpus")
    group.add_argument("--input-format", choices=INPUT_FORMATS, help="corpus form (default: from the path)")
    for field in MAPPING_OPTIONS:
        group.add_argument(f"--{field}-column", metavar="COLUMN",
                           help=f"the source column holding the {field} (default: a recognised name)")
    group.add_argument("--no-clean", action="store_true", help="keep the raw text as the body")
    group.add_argument("--outlets", metavar="FILE",
                       help="a CSV of outlet metadata (an 'outlet' column plus any others, e.g. leaning, country) "
                            "joined onto the articles by outlet name, so --by can name its columns")


def corpus_options(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """The reading options given, as ``(option, value)`` pairs (part of the cache key)."""
    pairs = [(f"{field}_column", getattr(args, f"{field}_column", None)) for field in MAPPING_OPTIONS]
    pairs += [("format", getattr(args, "input_format", None)), ("clean", "no" if args.no_clean else None)]
    return tuple((name, value) for name, value in pairs if value)


def corpus_from_args(args: argparse.Namespace, *, keep_raw: bool = True, path: str | None = None) -> Corpus:
    """``load_corpus`` with the options of ``add_corpus_options``."""
    mapping = {f"{field}_column": getattr(args, f"{field}_column", None) for field in MAPPING_OPTIONS}
    return load_corpus(path or args.corpus, format=args.input_format, clean=not args.no_clean, keep_raw=keep_raw,
                       **mapping)


def with_outlet_table(articles: pd.DataFrame, args: argparse.Namespace, *, table: OutletTable | None = None
                      ) -> pd.DataFrame:
    """The articles table with ``--outlets FILE`` (or ``table``, read from it) joined on (as
    it is without the option); what the join found (outlets unmatched on either side, names
    read differently) goes to stderr."""
    if not getattr(args, "outlets", None):
        return articles
    join = join_outlet_table(articles, table or read_outlet_table(args.outlets))
    for line in join.report_lines():
        print(f"framing: {line}", file=sys.stderr)
    return join.articles


def articles_from_args(args: argparse.Namespace, *, exact_sentences: bool = False,
                       keep_raw: bool = True) -> tuple[Corpus, pd.DataFrame]:
    """The corpus and its articles table (``corpus_frame``), ``--outlets`` joined on;
    ``keep_raw=False`` keeps only the cleaned bodies (``load_corpus``)."""
    corpus = corpus_from_args(args, keep_raw=keep_raw)
    return corpus, with_outlet_table(corpus_frame(corpus, exact_sentences=exact_sentences), args)


def add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lexicon", metavar="FILE", action="append", default=None,
                        help="a lexicon YAML file or a bundled lexicon's name; repeat for several "
                             "(default: every bundled lexicon)")


def lexicons_from_args(args: argparse.Namespace) -> tuple[Lexicon, ...] | None:
    """The lexicons ``--lexicon`` names, or None for the bundled ones."""
    return None if not args.lexicon else tuple(resolve_lexicon(spec) for spec in args.lexicon)


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="analyse with N processes (default: every CPU once the corpus has 800 articles "
                             "or more; at most the CPUs this machine has)")


def add_output_option(parser: argparse.ArgumentParser, *, help: str = "output format (default: table)") -> None:
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="table", help=help)


def analysis_from_args(args: argparse.Namespace, *, sentence_text: bool = False,
                       lexicons: tuple[Lexicon, ...] | None = None) -> Analysis:
    """The corpus read as ``add_corpus_options`` says, analysed with ``--lexicon`` (or
    ``lexicons``) by ``--workers`` processes. Its key comes from the files, not their text."""
    lexicons = chosen_lexicons(lexicons if lexicons is not None else lexicons_from_args(args))
    corpus = corpus_from_args(args, keep_raw=False)
    key = analysis_key(source_key(args.corpus, corpus_options(args)), lexicons)
    analysis = analyze(corpus, lexicons, workers=getattr(args, "workers", None), sentence_text=sentence_text, key=key)
    if not getattr(args, "outlets", None):
        return analysis
    table = read_outlet_table(args.outlets)
    return analysis.with_articles(with_outlet_table(analysis.articles, args, table=table),
                                  label=f"outlets-{table.digest[:16]}")


def add_bootstrap_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("intervals")
    group.add_argument("--boot", type=int, default=1000, metavar="N",
                       help=f"bootstrap resamples (default 1000; at most {MAX_BOOT:,})")
    group.add_argument("--seed", type=int, default=0, metavar="S", help="random seed of the bootstrap (default 0)")
    group.add_argument("--level", type=float, default=0.95, help="interval level (default 0.95)")
    group.add_argument("--min-articles", type=int, default=MIN_ARTICLES, metavar="N",
                       help=f"mark figures resting on fewer articles as low_support (default {MIN_ARTICLES})")


def add_score_options(parser: argparse.ArgumentParser) -> None:
    """What a score counts and how it groups (``ScoreSettings``), with the bootstrap options."""
    parser.add_argument("--by", default="outlet", metavar="outlet|article|event|COLUMN",
                        help="group articles by outlet, article, event or any articles column; several "
                             "columns separated by commas (e.g. event_id,outlet). Default: outlet")
    parser.add_argument("--voice", choices=(*VOICES, "each"), default="all",
                        help="count only hits in the outlet's own voice (author), in quotes (quoted), in "
                             "scare quotes (distanced), any (all, default) or each of these in turn (each)")
    parser.add_argument("--frame", metavar="NAME", action="append", default=None,
                        help="only this frame (rates, balance, targets) or naming set (shares); repeatable")
    parser.add_argument("--kind", choices=SCORE_KINDS, default="frame",
                        help="rates of frame poles (default), naming labels or actor mentions")
    add_role_option(parser, default="framing",
                    help_tail="scores count frames and naming sets of these roles (default framing: word choice; "
                              "topic and attribution are their own views); actor mentions are always counted")
    parser.add_argument("--negated", choices=NEGATED, default="exclude",
                        help="negated hits ('not legitimate'): left out of the counts (default, still "
                             "shown in negated_hits), counted, or counted alone")
    parser.add_argument("--min-precision", type=float, default=None, metavar="P",
                        help="leave out the hits of terms whose coded precision is below P (0-1), read from "
                             "--precision-file (a file coded after 'framing validate sample')")
    parser.add_argument("--precision-file", metavar="CODED.csv", default=None,
                        help="the coded file --min-precision reads")
    parser.add_argument("--period", choices=PERIODS, default=None,
                        help="also split every group by the month, week (ISO, Monday to Sunday) or year of its "
                             "articles; articles dated less precisely than that are left out and counted on stderr")
    add_bootstrap_options(parser)


def add_role_option(parser: argparse.ArgumentParser, *, default: str | None, help_tail: str) -> None:
    """``--role``: which roles of lexicon category to keep (lexicons/README.md, Roles)."""
    parser.add_argument("--role", default=default, metavar="|".join((*ROLES, "all")),
                        help=f"{', '.join(ROLES)} or all; several separated by commas. {help_tail}")


def role_choice(value: str | None) -> tuple[str, ...] | None:
    """The roles ``--role`` names (None when not given); an unknown one is a clear error."""
    if value is None:
        return None
    roles = ROLES if value.strip() == "all" else tuple(r.strip() for r in value.split(",") if r.strip())
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise SettingsError(f"--role: {', '.join(map(repr, unknown)) or 'nothing'} is not a role; "
                            f"give one or more of {', '.join(ROLES)}, or all")
    return roles


def score_settings(args: argparse.Namespace, *, by_target: bool = False) -> ScoreSettings:
    """The ``ScoreSettings`` of ``add_score_options``."""
    boot = BootstrapSettings(n_boot=args.boot, seed=args.seed, level=args.level, min_articles=args.min_articles)
    return ScoreSettings(by=args.by, voice=args.voice, negated=args.negated, kind=args.kind,
                         frames=tuple(args.frame) if args.frame else None, roles=role_choice(args.role) or ("framing",),
                         by_target=by_target, period=getattr(args, "period", None), bootstrap=boot,
                         min_precision=getattr(args, "min_precision", None),
                         precision_file=getattr(args, "precision_file", None))


def add_event_options(parser: argparse.ArgumentParser, *, threshold_flag: str = "--threshold") -> None:
    """How articles are grouped into events (``EventSettings``)."""
    group = parser.add_argument_group("grouping articles into events")
    group.add_argument(threshold_flag, dest="event_threshold", type=float, default=EVENTS.threshold, metavar="T",
                       help=f"mean TF-IDF cosine similarity for articles to form one event (default {EVENTS.threshold})")
    group.add_argument("--window-days", type=int, default=EVENTS.window_days, metavar="N",
                       help=f"articles more than N days apart are never one event (default {EVENTS.window_days})")
    group.add_argument("--lone-ratio", type=_ratio, default=EVENTS.lone_ratio, metavar="R|none",
                       help="a report at least R times as similar to an article of another day as to any article of "
                            f"its own day joins it within the window, undecayed (default {EVENTS.lone_ratio}; none: "
                            "every pair decays with its day gap)")
    group.add_argument("--ignore-existing", action="store_true",
                       help="group every article, even when the corpus has its own event_id")


def event_settings(args: argparse.Namespace) -> EventSettings:
    """The ``EventSettings`` of ``add_event_options`` (the defaults for a command without them)."""
    if not hasattr(args, "event_threshold"):
        return EVENTS
    return EventSettings(threshold=args.event_threshold, window_days=args.window_days,
                         lone_ratio=args.lone_ratio, use_existing=not args.ignore_existing)


def _ratio(text: str) -> float | None:
    if text.strip().lower() == "none":
        return None
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number or 'none', got {text!r}") from None


def add_term_options(parser: argparse.ArgumentParser) -> None:
    """How distinctive terms are counted and tested (``TermSettings``)."""
    parser.add_argument("--by", default="outlet", metavar="outlet|COLUMN",
                        help="group articles by this column (default: outlet; e.g. bias_text)")
    group = parser.add_argument_group("counting and testing terms")
    group.add_argument("--method", choices=TERM_METHODS, default="logodds")
    group.add_argument("--ngrams", type=int, choices=(1, 2), default=2, help="1: single words; 2: words and bigrams (default)")
    group.add_argument("--min-count", type=int, default=5, metavar="N", help="drop terms used fewer than N times (default 5)")
    group.add_argument("--stop-words", choices=STOP_WORDS, default="english")
    group.add_argument("--prior-scale", type=float, default=1.0, metavar="X",
                       help="weight of the corpus prior, in average groups (default 1)")
    group.add_argument("--alpha", type=float, default=0.05, help="false discovery rate for 'significant' (default 0.05)")
    group.add_argument("--top", type=int, default=20, metavar="N", help="terms per group (default 20; 0 for all)")
    group.add_argument("--keep-self-reference", action="store_true",
                       help="count each outlet's own name, bylines, datelines, wire tags and transcript labels "
                            "(removed by default: they say who wrote, not how)")
    group.add_argument("--keep-style", action="store_true",
                       help="list house-style terms too (honorifics, title forms, party-state tags, contractions, "
                            "attribution habits, page furniture; flagged in the style column)")
    within = group.add_mutually_exclusive_group()
    within.add_argument("--within-events", dest="within_events", action="store_true", default=None,
                        help="compare groups inside the events they share (default when the corpus has event ids; "
                             "without them, articles are grouped into events first)")
    within.add_argument("--pooled", dest="within_events", action="store_false",
                        help="compare groups over the whole corpus, events ignored")


def term_settings(args: argparse.Namespace) -> TermSettings:
    """The ``TermSettings`` of ``add_term_options``."""
    return TermSettings(by=args.by, ngram_range=(1, args.ngrams), min_count=args.min_count,
                        stop_words=args.stop_words, method=args.method, prior_scale=args.prior_scale,
                        alpha=args.alpha, top=args.top or None, keep_self_reference=args.keep_self_reference,
                        keep_style=args.keep_style, within_events=args.within_events)
