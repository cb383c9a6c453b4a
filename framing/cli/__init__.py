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

#: Modules that add subcommands, in the order they appear in ``framing --help``, and the
#: commands each adds.
COMMAND_MODULES = {"corpus": ("load", "clean"), "lexicon": ("lexicon",), "hits": ("hits",), "scores": ("score",),
                   "terms": ("terms", "kwic"), "events": ("events", "align"), "dashboard": ("dashboard",)}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or, when ``argv`` names a command, of that command only:
    its module alone is imported, so ``framing load`` does not import what ``framing terms``
    needs (scikit-learn, NLTK: about 1 s of start-up)."""
    parser = argparse.ArgumentParser(prog="framing", description="Show how news outlets frame the same events.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = [name for name, commands in COMMAND_MODULES.items() if argv and argv[0] in commands]
    for name in named or COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
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
