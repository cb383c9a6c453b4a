"""The one place a command's errors become messages (framework.cli.main): a FramingError is one
line and exit 2; anything else is one line naming its type, exit 1, and a pointer to --debug,
which shows the traceback instead (issue 10: tracebacks instead of the promised one line)."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DEMO_CORPUS

from framing.cli import main, unexpected_message
from framing.corpus import chunks as chunks_module
from framing.corpus import load as load_module


def _break_reading(monkeypatch, error) -> None:
    """Make reading any corpus raise ``error`` (both readers: whole and in chunks)."""
    for module in (load_module, chunks_module):
        monkeypatch.setattr(module, "read_source", error)


def _explode(*args, **kwargs):
    raise ValueError("a value nobody expected\nover two lines")


def test_an_unexpected_exception_is_one_line_with_exit_1(capsys, monkeypatch):
    _break_reading(monkeypatch, _explode)
    code = main(["load", str(DEMO_CORPUS)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == ("framing: error: unexpected ValueError: a value nobody expected over two lines; this is a bug "
                   "or an input framing does not handle yet: run again with --debug for the traceback, and please "
                   "report it\n")


@pytest.mark.parametrize("argv", [["--debug", "load", str(DEMO_CORPUS)], ["load", str(DEMO_CORPUS), "--debug"]])
def test_debug_shows_the_traceback_instead(monkeypatch, argv):
    _break_reading(monkeypatch, _explode)
    with pytest.raises(ValueError, match="a value nobody expected"):
        main(argv)


def test_recursion_and_memory_errors_are_one_line_too(capsys, monkeypatch):
    def deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    _break_reading(monkeypatch, deep)
    assert main(["load", str(DEMO_CORPUS)]) == 1
    assert capsys.readouterr().err.startswith("framing: error: unexpected RecursionError: maximum recursion depth")


def test_long_messages_are_shortened():
    message = unexpected_message(OSError("x" * 1000))
    assert "x" * 299 + "…;" in message and len(message) < 450


def test_too_many_workers_is_a_settings_error_naming_the_option(capsys):
    """Issue 10: --workers 10000 forked every process at once: a traceback, then a hang."""
    code = main(["hits", str(DEMO_CORPUS), "--workers", "10000"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "workers must be at most" in err and "(--workers" in err and "got 10,000" in err


def test_the_installed_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "framing", "load", str(bad)], capture_output=True, text=True,
                          timeout=120)
    assert "Traceback" not in done.stderr and done.stderr.startswith("framing: error: ")
    assert done.returncode in (1, 2) and done.stderr.count("\n") == 1


def test_a_bad_score_option_fails_before_the_corpus_is_read(capsys, tmp_path):
    """--boot is checked first: no minutes of analysis before "n_boot must be ... 10,000"."""
    assert main(["score", str(tmp_path / "not-read-yet.jsonl"), "--boot", "99999999"]) == 2
    err = capsys.readouterr().err
    assert "n_boot must be a whole number from 1 to 10,000" in err and "not-read-yet" not in err
