"""``framing analyze CORPUS --store DIR``: analyse a corpus into a processed-corpus store (or add
a new source to one), chunk by chunk, so later commands and the dashboard read the store
instead of analysing again."""
from __future__ import annotations

import argparse
import sys

from framing.cli.options import add_corpus_options, add_lexicon_option, engine_settings, lexicons_from_args, read_options, require_corpus
from framing.cli.progress import progress_bar
from framing.corpus.load import report_lines
from framing.errors import SettingsError
from framing.measure.store import Store, analyze_into_store


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "analyze", help="analyse a corpus into a store (Parquet) that every command can read",
        description="Read, clean and analyse CORPUS chunk by chunk into the store DIR: the articles, sentences "
                    "and hits tables as Parquet parts, and a manifest (corpus fingerprint, lexicons, settings, "
                    "framing version). Memory stays bounded whatever the corpus size. Run it again with "
                    "another CORPUS to add its articles (only those are analysed; repeated ids and texts are "
                    "skipped as in one corpus). Then give --store DIR (or DIR as the corpus) to hits, score, "
                    "kwic, terms, events and the dashboard.")
    add_corpus_options(p, store=False)
    p.add_argument("--store", metavar="DIR", required=True, help="the store folder (made if missing)")
    add_lexicon_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = require_corpus(args)
    store = Store(args.store)
    if store.contains(path, read_options(args)):
        raise SettingsError(f"{path} is already in the store {args.store} (same files, same options); nothing to add")
    with progress_bar("analysing", quiet=args.quiet) as progress:
        store = analyze_into_store(path, args.store, lexicons_from_args(args), read=read_options(args),
                                   engine=engine_settings(args), progress=progress)
    manifest = store.manifest()
    added = manifest["sources"][-1]
    print(f"{args.store}: added {path} ({added['seen']} items); the store holds {len(manifest['sources'])} "
          f"source(s), {len(manifest['parts'])} part(s)", file=sys.stderr)
    print("\n".join(report_lines(store.report())), file=sys.stderr)
    return 0
