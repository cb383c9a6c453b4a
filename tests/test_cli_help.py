"""Every command's help names only commands that exist (sqlite-utils checks its docs the same way)."""
import re

from framing.cli import build_parser


def helps():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, command in sub.choices.items():
        yield name, command.format_help()


def test_help_mentions_only_real_commands():
    names = {name for name, _ in helps()}
    for name, text in helps():
        # a command named as one: `framing X` or 'framing X' (prose such as "framing words" is not)
        for mentioned in re.findall(r"[`'\"]framing ([a-z]+)\b", " ".join(text.split())):
            assert mentioned in names, f"`framing {name} --help` points to `framing {mentioned}`, which does not exist"


def test_every_command_has_a_description():
    for name, text in helps():
        assert len(text.split("\n\n")) >= 2, f"framing {name} --help has no description"
