"""``framing report CORPUS --out FILE.html``: one self-contained HTML report (and ``--pdf`` for
a handout), the analysis and the event grouping kept in the cache for the next run."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from framing.cli.options import (
    add_corpus_options,
    add_event_options,
    add_lexicon_option,
    add_workers_option,
    analysis_from_args,
    corpus_options,
    event_settings,
    lexicons_from_args,
    require_corpus,
    store_from_args,
)
from framing.compare.events import with_events
from framing.errors import SettingsError
from framing.measure.analysis import Analysis
from framing.measure.cache import DiskCache, analysis_key, default_cache_dir, derived_key, source_key
from framing.measure.pipeline import chosen_lexicons
from framing.present.pdf import print_pdf
from framing.present.report import ReportSettings, build_report
from framing.settings import BootstrapSettings


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "report", help="one self-contained HTML report (opens offline), optionally printed to PDF",
        description="Writes one HTML file with everything inside (figures, style, script; nothing fetched): what "
                    "the corpus is, framing words per outlet, the events whose reports differ most side by side "
                    "with their framing words highlighted, naming choices, the framing diff, a glossary of "
                    "framing devices for pupils and the methods. --classroom hides the outlets as Outlet A, B... "
                    "(the key is the last page). The analysis and the event grouping are cached "
                    "(FRAMING_CACHE_DIR, else ~/.cache/framing), so a second report of the same corpus is quick.")
    add_corpus_options(p)
    p.add_argument("--out", required=True, metavar="FILE.html", help="the HTML file to write")
    p.add_argument("--pdf", metavar="FILE.pdf", help="also print the report to this PDF (A4) with Chromium")
    p.add_argument("--event", metavar="ID", help="show this event (as `framing events` prints it) instead of the "
                                                 "most contrasting ones")
    p.add_argument("--classroom", action="store_true", help="hide the outlets as Outlet A, B...; larger type; "
                                                            "text coloured by whose words it is in")
    p.add_argument("--top-events", type=int, default=3, metavar="N", help="events shown side by side (default 3)")
    p.add_argument("--top-outlets", type=int, default=25, metavar="N",
                   help="outlets in the overview, those with the most articles (default 25)")
    p.add_argument("--boot", type=int, default=1000, metavar="N", help="bootstrap resamples (default 1000)")
    p.add_argument("--title", default="", help="the report's title")
    p.add_argument("--cache-dir", metavar="DIR", help="where analyses are kept (default: FRAMING_CACHE_DIR or "
                                                      "~/.cache/framing)")
    p.add_argument("--no-cache", action="store_true", help="analyse afresh and keep nothing")
    add_lexicon_option(p)
    add_workers_option(p)
    add_event_options(p, threshold_flag="--event-threshold")
    p.set_defaults(func=run)


def _analysis(args: argparse.Namespace, cache: DiskCache | None) -> Analysis:
    store = store_from_args(args)
    if store is not None:
        analysis = store.analysis(lexicons_from_args(args))
    else:
        lexicons = chosen_lexicons(lexicons_from_args(args))
        key = analysis_key(source_key(require_corpus(args), corpus_options(args)), lexicons)
        analyse = lambda: analysis_from_args(args, sentence_text=True, lexicons=lexicons)
        analysis = cache.analysis(key, analyse, lexicons=lexicons) if cache else analyse()
    settings = event_settings(args)
    articles = analysis.articles
    if "event_id" in articles.columns and articles["event_id"].notna().all():
        return analysis
    group = lambda: with_events(articles, settings)[["article_id", "event_id"]]
    events = cache.table(derived_key(analysis.key, "report events", settings), group) if cache else group()
    return analysis.with_articles(articles.assign(event_id=events["event_id"].to_numpy()),
                                  label=f"events {settings!r}")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise SettingsError(f"--out {args.out}: the report is HTML; give a file name ending in .html")
    started = time.perf_counter()
    cache = None if args.no_cache else DiskCache(args.cache_dir or default_cache_dir())
    analysis = _analysis(args, cache)
    settings = ReportSettings(top_events=args.top_events, top_outlets=args.top_outlets, event=args.event,
                              classroom=args.classroom, bootstrap=BootstrapSettings(n_boot=args.boot),
                              events=event_settings(args), title=args.title)
    html = build_report(analysis, settings, corpus_label=Path(args.corpus or args.store).name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(f"framing: wrote {out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    if args.pdf:
        pdf = print_pdf(out, args.pdf)
        print(f"framing: wrote {pdf} ({pdf.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0
