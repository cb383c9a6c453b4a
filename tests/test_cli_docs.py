"""Every command and every option is documented: in ``framing COMMAND --help`` and in the
README's table of commands (sqlite-utils checks its documentation the same way)."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from framing.cli import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"
#: How the README names a shared option group instead of listing its options.
GROUP = "*reading the corpus*"


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """``(words, parser)`` of every command that runs something (``lexicon check``, not ``lexicon``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = list(commands(sub, (*prefix, name)))
                yield from nested or [((*prefix, name), sub)]


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for action in parser._actions for o in action.option_strings if o not in ("-h", "--help")}


COMMANDS = dict(commands(build_parser()))


def readme_table() -> dict[tuple[str, ...], set[str]]:
    """The README's command table: each command's options, the shared group expanded."""
    text = README.read_text(encoding="utf-8")
    group_line = re.search(re.escape(GROUP) + r", on every command that reads a corpus:(.+?)\.\s*An option", text, re.S)
    assert group_line, f"README: the sentence listing the options of {GROUP} is missing"
    group = set(re.findall(r"`(--[\w-]+)`", group_line.group(1)))
    table = {}
    for line in text.splitlines():
        match = re.match(r"\| `framing ([\w ]+)` \|[^|]*\|([^|]*)\|", line)
        if match:
            cell = match.group(2)
            documented = set(re.findall(r"`(--[\w-]+)`", cell)) | (group if GROUP in cell else set())
            table[tuple(match.group(1).split())] = documented
    return table


def test_the_readme_table_lists_every_command():
    assert sorted(readme_table()) == sorted(COMMANDS)


@pytest.mark.parametrize("words", sorted(COMMANDS), ids=" ".join)
def test_every_option_is_in_the_readme_table_and_the_help(words):
    parser = COMMANDS[words]
    wanted = options(parser)
    assert readme_table()[words] == wanted, f"README, `framing {' '.join(words)}`: the options differ from the parser's"
    shown = parser.format_help()
    missing = [o for o in sorted(wanted) if o not in shown]
    assert not missing, f"framing {' '.join(words)} --help does not show {missing}"


def test_the_top_help_names_every_command():
    shown = build_parser().format_help()
    assert all(re.search(rf"^\s+{words[0]}\b", shown, re.M) for words in COMMANDS)


def test_each_command_module_adds_the_commands_the_lazy_parser_expects():
    """``framing COMMAND`` builds only the parser of COMMAND's module: COMMAND_MODULES must say
    which module adds which command, or a command would not parse."""
    import importlib

    from framing.cli import COMMAND_MODULES

    for module, expected in COMMAND_MODULES.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"framing.cli.{module}").register(sub)
        assert tuple(sub.choices) == expected, f"framing.cli.{module} adds {tuple(sub.choices)}"
    for words in COMMANDS:
        built = build_parser(list(words))
        commands = next(a for a in built._actions if isinstance(a, argparse._SubParsersAction)).choices
        assert list(commands) == list(next(c for c in COMMAND_MODULES.values() if words[0] in c))
