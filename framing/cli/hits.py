"""``framing hits CORPUS``: every lexicon hit with its context; ``framing sentences CORPUS``:
every sentence with its loaded-language scores. As a table, CSV or JSON."""
from __future__ import annotations

import argparse
import sys
from functools import partial
from typing import TYPE_CHECKING

from framing.cli.options import (
    add_corpus_options,
    add_lexicon_option,
    add_output_option,
    add_role_option,
    add_workers_option,
    analysis_from_args,
    engine_settings,
    lexicons_from_args,
    read_options,
    require_corpus,
    role_choice,
    store_from_args,
)
from framing.cli.output import write_csv, write_csv_parts, write_table
from framing.cli.progress import progress_bar
from framing.measure.columns import HIT_COLUMNS
from framing.measure.hit_choice import check_hit_choice, hit_chosen
from framing.measure.hit_stream import rendered_hits
from framing.measure.workers import chosen_lexicons
from framing.text.match import KINDS

if TYPE_CHECKING:  # this module imports neither pandas nor Arrow: the CSV of a corpus needs neither
    import pandas as pd

    from framing.measure.store import Store

#: Longest cell of the table format (csv and json keep every character).
TABLE_CELL = 40
#: The columns ``framing sentences`` prints, and its orders.
SENTENCE_COLUMNS = ("article_id", "sentence_id", "start", "end", "text", "loaded", "loaded_author", "compound")
SORTS = ("position", "loaded", "loaded_author")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "hits", help="every lexicon hit with voice, speaker, negation, hedging and target",
        description="Find every lexicon term in the corpus and print one row per hit with all its "
                    "fields (columns: docs/data-model.md, hits table). The table format cuts text "
                    f"cells to {TABLE_CELL} characters; csv and json keep them whole.")
    add_corpus_options(parser)
    add_lexicon_option(parser)
    add_output_option(parser)
    parser.add_argument("--kind", choices=KINDS, help="only hits of this kind")
    parser.add_argument("--frame", metavar="NAME", help="only hits of this frame, naming set or actor")
    add_role_option(parser, default=None, help_tail="Only hits of these roles (default: every hit; actor "
                                                    "mentions are topic)")
    add_workers_option(parser)
    parser.set_defaults(func=run)

    sentences = subparsers.add_parser(
        "sentences", help="every sentence with its loaded-language scores",
        description="One row per sentence of the cleaned bodies: " + ", ".join(SENTENCE_COLUMNS) + " (docs/data-"
                    "model.md, sentences table). loaded sums the weights of the loaded lexicon's hits in the "
                    "sentence, every voice; loaded_author only those in the outlet's own voice (not quoted, not "
                    "in scare quotes); compound is VADER's score of sentences naming an actor (empty for the "
                    f"others). The table format cuts text to {TABLE_CELL * 2} characters.")
    add_corpus_options(sentences)
    add_lexicon_option(sentences)
    add_output_option(sentences)
    sentences.add_argument("--sort", choices=SORTS, default="position",
                           help="body order (default), or the most loaded sentences first")
    add_workers_option(sentences)
    sentences.set_defaults(func=run_sentences)


def run(args: argparse.Namespace) -> int:
    store = store_from_args(args)
    if store is not None and args.format == "csv":
        return _stream_csv(store, args)
    if args.format == "csv" and not args.outlets:
        return _analysed_csv(args)
    from framing.measure.analysis import select_hits

    analysis = analysis_from_args(args, sentiment=False)  # hits carry no sentiment
    hits = select_hits(analysis.hits, kind=args.kind, frame=args.frame, roles=role_choice(args.role),
                       lexicons=analysis.lexicons)
    write_table(hits, args.format, text=_text, empty="no hits", compact_json=True)
    return 0


def _text(hits: pd.DataFrame) -> str:
    return "no hits\n" if hits.empty else _shortened(hits).to_string(index=False) + "\n"


def _shortened(hits: pd.DataFrame) -> pd.DataFrame:
    """Text cells cut to ``TABLE_CELL`` characters (ending in …) so the table stays readable."""
    import pandas as pd

    hits = hits.copy()
    for column in ("matched", "term", "frame", "pole", "speaker", "target", "outlet"):
        values = hits[column].astype(object)
        hits[column] = pd.Series([v[:TABLE_CELL - 1] + "…" if isinstance(v, str) and len(v) > TABLE_CELL else v
                                  for v in values], index=hits.index, dtype=object)
    return hits


def _stream_csv(store: Store, args: argparse.Namespace) -> int:
    """The hits of a store as CSV, one Parquet part at a time (memory of one part, any corpus size)."""
    import pandas as pd

    from framing.measure.analysis import select_hits

    lexicons, roles = store.lexicons(), role_choice(args.role)
    select_hits(pd.DataFrame(columns=["kind", "frame", "role"]), kind=args.kind, frame=args.frame, roles=roles,
                lexicons=lexicons)
    for i, part in enumerate(store.table_parts("hits")):
        write_csv(select_hits(part, kind=args.kind, frame=args.frame, roles=roles, lexicons=lexicons), sys.stdout,
                  header=i == 0)
    return 0


def _analysed_csv(args: argparse.Namespace) -> int:
    """The corpus's hits as CSV, each chunk's rows made in the worker that analysed it and
    written as soon as the chunks before it are (the same bytes as the whole table's CSV)."""
    lexicons, roles = chosen_lexicons(lexicons_from_args(args)), role_choice(args.role)
    check_hit_choice(None, kind=args.kind, frame=args.frame, lexicons=lexicons)
    render = partial(csv_parts, kind=args.kind, frame=args.frame, roles=roles)
    with progress_bar("analysing", quiet=args.quiet) as progress:
        parts = rendered_hits(require_corpus(args), lexicons, render=render, read=read_options(args),
                              engine=engine_settings(args), progress=progress)
        write_csv_parts(list(HIT_COLUMNS), parts, sys.stdout)
    return 0


def csv_parts(articles: list[tuple[str, str, str, list]], *, kind: str | None = None, frame: str | None = None,
              roles: tuple[str, ...] | None = None) -> list[bytes]:
    """The CSV rows of each article's hits that ``select_hits`` keeps, one bytes part per
    article (``(id, outlet, body, hits)``, ``hits`` as ``framing.text.hits.hit_parts`` gives
    them): the bytes ``write_csv`` gives the hits table's rows, made row by row, the fields of
    each lexicon entry and of each context rendered once."""
    from framing.cli.csv_text import field, quoted

    entries: dict[int, str] = {}  # by id(fields): the matcher's tuples outlive the chunk
    contexts: dict[tuple, str] = {}

    def entry_text(fields: tuple) -> str:
        """The entry's fields ("" when the choice leaves its hits out)."""
        if not hit_chosen(fields[2], fields[4], fields[3], kind=kind, frame=frame, roles=roles):
            return ""
        text = _ENTRY_TEXTS.get(fields)
        if text is None:
            if len(_ENTRY_TEXTS) > 200_000:
                _ENTRY_TEXTS.clear()
            text = _ENTRY_TEXTS[fields] = ",".join(map(field, fields, _ENTRY_DTYPES))
        return text

    parts = []
    for article_id, outlet, body, hits in articles:
        prefix = f"{quoted(article_id)},{quoted(outlet)},"
        lines = []
        for sentence_id, start, end, fields, context in hits:
            entry = entries.get(id(fields))
            if entry is None:
                entry = entries[id(fields)] = entry_text(fields)
            if not entry:
                continue
            tail = contexts.get(context)
            if tail is None:
                tail = contexts[context] = ",".join(map(field, context, _CONTEXT_DTYPES))
            # sentence_id, start and end are int32 columns: str(int)
            lines.append(f"{prefix}{sentence_id},{start},{end},{quoted(body[start:end])},{entry},{tail}\n")
        parts.append("".join(lines).encode("utf-8"))
    return parts


#: A lexicon entry's fields as CSV, by their values: the same in every chunk a worker renders.
_ENTRY_TEXTS: dict[tuple, str] = {}
#: The dtypes of a hit's ``fields`` and ``context`` (``hit_parts``): the hits table's columns after ``matched``.
_ENTRY_DTYPES = tuple(HIT_COLUMNS.values())[6:13]
_CONTEXT_DTYPES = tuple(HIT_COLUMNS.values())[13:]


def run_sentences(args: argparse.Namespace) -> int:
    from framing.measure.loaded import LOADED_LEXICON, has_loaded_lexicon

    analysis = analysis_from_args(args, sentence_text=True)
    if not has_loaded_lexicon(analysis.lexicons):
        print(f"framing: note: no lexicon named {LOADED_LEXICON!r} was analysed, so loaded and loaded_author are "
              f"empty; add --lexicon {LOADED_LEXICON}", file=sys.stderr)
    table = analysis.sentences[list(SENTENCE_COLUMNS)]
    if args.sort != "position":
        table = table.sort_values(args.sort, ascending=False, kind="stable")
    write_table(table.reset_index(drop=True), args.format, text=_sentence_text, empty="no sentences",
                compact_json=True)
    return 0


def _sentence_text(table: pd.DataFrame) -> str:
    width = TABLE_CELL * 2
    table = table.assign(text=[t if len(t) <= width else t[:width - 1] + "…" for t in table["text"].astype(str)])
    return table.to_string(index=False, float_format=lambda x: f"{x:.2f}") + "\n"
