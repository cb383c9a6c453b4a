"""The command line's shared vocabulary: option groups that several commands take (reading a
corpus, lexicons, workers, output format, scoring and bootstrap, event grouping), and the
settings objects and analysis built from them, so every command spells an option the same
way and means the same thing by it (sqlite-utils' ``output_options`` is the model)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from framing.cli.progress import progress_bar
from framing.corpus.chunks import ReadOptions
from framing.corpus.load import FORMATS as INPUT_FORMATS
from framing.errors import SettingsError
from framing.lexicon import ROLES, Lexicon, resolve_lexicon
from framing.measure.engines import ENGINES, EngineSettings
from framing.measure.workers import chosen_lexicons
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

if TYPE_CHECKING:  # the analysis, stores and tables are imported where used: `framing hits --format csv`
    import pandas as pd  # on a corpus file imports neither pandas nor Arrow

    from framing.corpus.outlets import OutletTable
    from framing.corpus.records import Corpus
    from framing.measure.analysis import Analysis
    from framing.measure.store import Store

#: Article fields whose source column can be named (``--text-column`` ...).
MAPPING_OPTIONS = ("text", "outlet", "title", "date", "id", "url")
#: The ``--format`` choices of every command that prints a table.
OUTPUT_FORMATS = ("table", "csv", "json")
EVENTS = EventSettings()


def add_corpus_options(parser: argparse.ArgumentParser, *, positional: str = "corpus", store: bool = True) -> None:
    """The corpus argument, the options that say how to read it (``load_corpus``), and, unless
    ``store=False``, ``--store`` (read, or fill, a processed-corpus store)."""
    optional = store and positional == "corpus"
    parser.add_argument(positional, metavar="CORPUS" if positional == "corpus" else positional.upper(),
                        nargs="?" if optional else None,
                        help="corpus folder (with manifest.csv) or file (CSV, JSON lines, JSON, Parquet, HTML), "
                             "or a store folder made by `framing analyze`"
                             + (" (may be left out with --store)" if optional else ""))
    group = parser.add_argument_group("reading the corpus")
    group.add_argument("--input-format", choices=INPUT_FORMATS, help="corpus form (default: from the path)")
    for field in MAPPING_OPTIONS:
        group.add_argument(f"--{field}-column", metavar="COLUMN",
                           help=f"the source column holding the {field} (default: a recognised name)")
    group.add_argument("--no-clean", action="store_true", help="keep the raw text as the body")
    group.add_argument("--outlets", metavar="FILE",
                       help="a CSV of outlet metadata (an 'outlet' column plus any others, e.g. leaning, country) "
                            "joined onto the articles by outlet name, so --by can name its columns")
    if store:
        group.add_argument("--store", metavar="DIR",
                           help="a processed-corpus store (`framing analyze CORPUS --store DIR`): read it instead "
                                "of analysing CORPUS again; with CORPUS, CORPUS is added to it first if new")
    add_engine_options(parser)


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """Where the work runs (``EngineSettings``) and whether progress is shown."""
    group = parser.add_argument_group("where the work runs")
    group.add_argument("--workers", type=int, default=None, metavar="N",
                       help="processes (default: every CPU once the work is large enough: 800 articles to analyse, "
                            "8,000 texts whose terms are counted)")
    group.add_argument("--engine", choices=ENGINES, default="local",
                       help="local: processes on this machine (default); dask: Dask tasks, on a LocalCluster "
                            "or the cluster of --scheduler")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    group.add_argument("--quiet", action="store_true", help="no progress bar (none is drawn when stderr is not a terminal)")


def engine_settings(args: argparse.Namespace) -> EngineSettings:
    return EngineSettings(engine=getattr(args, "engine", "local"), workers=getattr(args, "workers", None),
                          scheduler=getattr(args, "scheduler", None))


def read_options(args: argparse.Namespace, *, keep_raw: bool = False) -> ReadOptions:
    """The ``ReadOptions`` of ``add_corpus_options``."""
    columns = tuple((field, getattr(args, f"{field}_column")) for field in MAPPING_OPTIONS
                    if getattr(args, f"{field}_column", None))
    return ReadOptions(format=args.input_format, columns=columns, clean=not args.no_clean, keep_raw=keep_raw)


def store_from_args(args: argparse.Namespace) -> Store | None:
    """The store the command reads: ``--store`` (filled with CORPUS first when CORPUS is given
    and new to it), or CORPUS itself when it is a store folder; None for a plain corpus."""
    directory = getattr(args, "store", None)
    if directory is None:
        corpus = getattr(args, "corpus", None)
        return _store(corpus) if corpus and _is_store(corpus) else None
    from framing.measure.store import analyze_into_store

    store = _store(directory)
    if args.corpus and not store.contains(args.corpus, read_options(args)):
        with progress_bar(f"adding to {directory}", quiet=args.quiet) as progress:
            analyze_into_store(args.corpus, directory, lexicons_from_args(args), read=read_options(args),
                               engine=engine_settings(args), progress=progress)
    if not store.exists():
        raise SettingsError(f"{directory}: no store there; make one with `framing analyze CORPUS --store {directory}`")
    return store


def reads_store(args: argparse.Namespace) -> bool:
    """Whether the command reads a store (``--store``, or CORPUS a store folder), not a corpus."""
    return getattr(args, "store", None) is not None or _is_store(getattr(args, "corpus", None))


def _is_store(corpus: str | None) -> bool:
    """Whether CORPUS is a store folder (a file never is: no need to import the store then)."""
    return bool(corpus and Path(corpus).is_dir() and _store(corpus).exists())


def _store(directory: str) -> Store:
    from framing.measure.store import Store

    return Store(directory)


def require_corpus(args: argparse.Namespace) -> str:
    if not getattr(args, "corpus", None):
        raise SettingsError("give a CORPUS (a folder or file), or --store DIR")
    return args.corpus


def corpus_options(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """The reading options given, as ``(option, value)`` pairs (part of the cache key)."""
    pairs = [(f"{field}_column", getattr(args, f"{field}_column", None)) for field in MAPPING_OPTIONS]
    pairs += [("format", getattr(args, "input_format", None)), ("clean", "no" if args.no_clean else None)]
    return tuple((name, value) for name, value in pairs if value)


def corpus_from_args(args: argparse.Namespace, *, keep_raw: bool = True, path: str | None = None) -> Corpus:
    """The corpus of ``add_corpus_options``, read and cleaned by ``--workers`` processes."""
    from framing.measure.chunked import load_path

    path = path or require_corpus(args)
    loaded = args.__dict__.setdefault("_loaded", {})  # one load per command, whoever asks
    if (path, keep_raw) not in loaded:
        with progress_bar("loading", quiet=getattr(args, "quiet", False)) as progress:
            loaded[path, keep_raw] = load_path(path, read=read_options(args, keep_raw=keep_raw),
                                               engine=engine_settings(args), progress=progress)
    return loaded[path, keep_raw]


def articles_from_args(args: argparse.Namespace) -> pd.DataFrame:
    """The articles table: from the store, or from the corpus (sentences estimated; raw texts
    not kept), with ``--outlets`` joined on."""
    from framing.measure.tables import corpus_frame

    store = store_from_args(args)
    if store is not None:
        return with_outlet_table(store.read_table("articles"), args)
    return with_outlet_table(corpus_frame(corpus_from_args(args, keep_raw=False), exact_sentences=False), args)


def with_outlet_table(articles: pd.DataFrame, args: argparse.Namespace, *, table: OutletTable | None = None
                      ) -> pd.DataFrame:
    """The articles table with ``--outlets FILE`` (or ``table``, read from it) joined on (as
    it is without the option); what the join found (outlets unmatched on either side, names
    read differently) goes to stderr."""
    if not getattr(args, "outlets", None):
        return articles
    from framing.corpus.outlets import join_outlet_table, read_outlet_table

    join = join_outlet_table(articles, table or read_outlet_table(args.outlets))
    for line in join.report_lines():
        print(f"framing: {line}", file=sys.stderr)
    return join.articles


def add_lexicon_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lexicon", metavar="FILE", action="append", default=None,
                        help="a lexicon YAML file or a bundled lexicon's name; repeat for several "
                             "(default: every bundled lexicon)")


def lexicons_from_args(args: argparse.Namespace) -> tuple[Lexicon, ...] | None:
    """The lexicons ``--lexicon`` names, or None for the bundled ones."""
    return None if not args.lexicon else tuple(resolve_lexicon(spec) for spec in args.lexicon)


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    """Kept for commands that take no corpus options: the engine options (``--workers`` ...)."""
    if not any("--workers" in action.option_strings for action in parser._actions):
        add_engine_options(parser)


def add_output_option(parser: argparse.ArgumentParser, *, help: str = "output format (default: table)") -> None:
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="table", help=help)


def analysis_from_args(args: argparse.Namespace, *, sentence_text: bool = False,
                       lexicons: tuple[Lexicon, ...] | None = None, sentiment: bool = True) -> Analysis:
    """The analysis of the store (``store_from_args``), or of the corpus read as
    ``add_corpus_options`` says, analysed with ``--lexicon`` (or ``lexicons``) by the engine of
    ``add_engine_options``: reading, cleaning and analysis together in its workers. Its key
    comes from the files, not their text. ``sentiment=False``: no VADER (for commands that never
    show sentiment)."""
    from framing.corpus.outlets import read_outlet_table
    from framing.measure.cache import analysis_key, source_key
    from framing.measure.chunked import analyze_path

    store = store_from_args(args)
    wanted = lexicons if lexicons is not None else lexicons_from_args(args)
    if store is not None:
        analysis = store.analysis(wanted if wanted else None)
    else:
        path = require_corpus(args)
        lexicons = chosen_lexicons(wanted)
        key = analysis_key(source_key(path, corpus_options(args)), lexicons)
        with progress_bar("analysing", quiet=args.quiet) as progress:
            analysis = analyze_path(path, lexicons, read=read_options(args), engine=engine_settings(args),
                                    progress=progress, sentence_text=sentence_text, key=key, sentiment=sentiment)
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
