"""The ``framing`` command: parses arguments and calls the library; nothing else.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function.
``main`` is the one place errors become messages: library errors (``FramingError``) are one
clean line on stderr and exit status 2; any other exception (a bug, or an input nobody
foresaw) is one line naming its type, with exit status 1 and a pointer to ``--debug``, which
shows the traceback instead.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from framing import __version__
from framing.errors import FramingError

#: Modules that add subcommands, in the order they appear in ``framing --help``, and the
#: commands each adds (tests/test_cli_docs.py checks them).
COMMAND_MODULES = {"corpus": ("load", "clean"), "lexicon": ("lexicon",), "analyze": ("analyze",), "hits": ("hits", "sentences"),
                   "scores": ("score",),
                   "terms": ("terms", "paired", "kwic"), "events": ("events", "align"), "validate": ("validate",),
                   "report": ("report",), "dashboard": ("dashboard",)}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or, when ``argv`` names a command, of that command only:
    its module alone is imported, so ``framing load`` does not import what ``framing terms``
    needs (scikit-learn, NLTK: about 1 s of start-up)."""
    parser = argparse.ArgumentParser(prog="framing", description="Show how news outlets frame the same events.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="on an unexpected error, show the full traceback instead of one line")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = [name for name, commands in COMMAND_MODULES.items() if argv and argv[0] in commands]
    for name in named or COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted anywhere on the line, not only before the command
    argv = [arg for arg in argv if arg != "--debug"]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.debug = debug
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
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"framing: error: {unexpected_message(exc)}", file=sys.stderr)
        return 1


def unexpected_message(exc: BaseException, *, limit: int = 300) -> str:
    """One line for an exception nobody foresaw: its type and message (shortened), and how to
    see the traceback."""
    text = " ".join(str(exc).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return (f"unexpected {detail}; this is a bug or an input framing does not handle yet: run again with "
            f"--debug for the traceback, and please report it")


if __name__ == "__main__":
    sys.exit(main())
