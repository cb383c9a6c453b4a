"""The ``framing`` command: parses arguments and calls the library; nothing else.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function;
library errors (``FramingError``) become one clean line on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from framing import __version__
from framing.errors import FramingError

#: Modules that add subcommands, in the order they appear in ``framing --help``.
COMMAND_MODULES = ("corpus", "lexicon", "analyze", "hits", "scores", "terms", "events", "report", "dashboard")


#: The module of each subcommand, so a command imports only its own module (start-up time).
COMMAND_OF = {"load": "corpus", "clean": "corpus", "lexicon": "lexicon", "analyze": "analyze", "hits": "hits",
              "score": "scores", "terms": "terms", "kwic": "terms", "events": "events", "align": "events",
              "report": "report", "dashboard": "dashboard"}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; with ``argv`` naming a subcommand first, only that subcommand's
    module is imported (``framing --help`` and anything else imports them all)."""
    parser = argparse.ArgumentParser(prog="framing", description="Show how news outlets frame the same events.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    first = argv[0] if argv else None
    for name in (COMMAND_OF[first],) if first in COMMAND_OF else COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return args.func(args) or 0
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
