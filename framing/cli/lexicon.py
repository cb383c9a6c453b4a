"""``framing lexicon check|list|terms``: validate a lexicon, list the bundled ones, export terms."""
from __future__ import annotations

import argparse
import sys

from framing.cli.options import add_output_option
from framing.cli.output import write_table
from framing.errors import LexiconError
from framing.lexicon import BUNDLED_DIR, Lexicon, bundled_lexicons, lexicon_fingerprint, lexicon_terms, resolve_lexicon
from framing.present.encoding import plural

_SHOWN_ALIASES = 8


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lexicon", help="check a lexicon file, list the bundled lexicons, export their terms",
        description="Lexicons are YAML files of frames, naming sets and actors (format: lexicons/README.md).")
    sub = parser.add_subparsers(dest="lexicon_command", metavar="SUBCOMMAND", required=True)

    check = sub.add_parser(
        "check", help="validate lexicon files and show what they contain",
        description="Validate each lexicon and print its frames (poles and term counts), naming sets and "
                    "actors; or print every problem as FILE:LINE: what to fix, and exit with status 2.")
    check.add_argument("files", nargs="+", metavar="FILE", help="a lexicon YAML file or a bundled lexicon's name")
    check.set_defaults(func=run_check)

    listing = sub.add_parser("list", help="the bundled lexicons", description=f"The lexicons shipped in {BUNDLED_DIR}.")
    listing.set_defaults(func=run_list)

    terms = sub.add_parser(
        "terms", help="every term of some lexicons, one row each",
        description="One row per term: lexicon, kind (frame|naming|actor), frame, pole, term, weight, "
                    "case_sensitive, line (docs/data-model.md, lexicon terms table).")
    terms.add_argument("lexicons", nargs="*", metavar="LEXICON", help="files or bundled names (default: every bundled lexicon)")
    add_output_option(terms)
    terms.set_defaults(func=run_terms)


def run_check(args: argparse.Namespace) -> int:
    status = 0
    for index, spec in enumerate(args.files):
        if index:
            print()
        try:
            lexicon = resolve_lexicon(spec)
        except LexiconError as exc:
            status = 2
            if not exc.problems:
                print(f"framing: error: {exc}", file=sys.stderr)
                continue
            print("\n".join(exc.problems))
            print(f"{spec}: {len(exc.problems)} problem{'s' if len(exc.problems) > 1 else ''}; nothing loaded", file=sys.stderr)
            continue
        print(describe_lexicon(lexicon))
    return status


def describe_lexicon(lexicon: Lexicon) -> str:
    """What a valid lexicon contains, for a person to read."""
    lines = [f"{lexicon.path or lexicon.name}: OK",
             f"{lexicon.name} {lexicon.version}: {lexicon.description}".rstrip(": "),
             f"fingerprint {lexicon_fingerprint(lexicon)}"]
    if lexicon.licence:
        lines.append(f"licence: {lexicon.licence}")
    lines += [f"source: {s}" for s in lexicon.sources]
    if lexicon.frames:
        lines.append(f"frames ({len(lexicon.frames)}):")
        width = max(len(f.name) for f in lexicon.frames)
        for frame in lexicon.frames:
            if frame.is_axis:
                a, b = frame.poles
                body = f"axis: {a.name} ({plural(len(a.terms), 'term')}) vs {b.name} ({plural(len(b.terms), 'term')})"
            else:
                body = f"terms: {len(frame.poles[0].terms)}"
            lines.append(f"  {frame.name:<{width}}  {body}")
    if lexicon.naming_sets:
        lines.append(f"naming sets ({len(lexicon.naming_sets)}):")
        for naming in lexicon.naming_sets:
            labels = " / ".join(f"{label.name} ({len(label.terms)})" for label in naming.labels)
            lines.append(f"  {naming.name}: {labels}")
    if lexicon.actors:
        lines.append(f"actors ({len(lexicon.actors)}):")
        for actor in lexicon.actors:
            shown = ", ".join(t.text + (" [case-sensitive]" if t.case_sensitive else "") for t in actor.aliases[:_SHOWN_ALIASES])
            more = f", ... (+{len(actor.aliases) - _SHOWN_ALIASES})" if len(actor.aliases) > _SHOWN_ALIASES else ""
            lines.append(f"  {actor.name} ({plural(len(actor.aliases), 'alias', 'aliases')}): {shown}{more}")
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    for lexicon in bundled_lexicons():
        terms = lexicon_terms(lexicon)
        counts = ", ".join(plural(n, noun) for n, noun in ((len(lexicon.frames), "frame"),
                                                           (len(lexicon.naming_sets), "naming set"),
                                                           (len(lexicon.actors), "actor"), (len(terms), "term")))
        print(f"{lexicon.name} {lexicon.version}  {counts}  ({lexicon.path})")
        print(f"  {lexicon.description}")
    return 0


def run_terms(args: argparse.Namespace) -> int:
    lexicons = [resolve_lexicon(spec) for spec in args.lexicons] if args.lexicons else bundled_lexicons()
    write_table(lexicon_terms(lexicons), args.format, text=lambda t: t.to_string(index=False) + "\n")
    return 0
