"""The command line's outputs on the demo corpus, byte for byte: a refactoring must not change
what a user sees. A deliberate change of output regenerates the files with
``FRAMING_UPDATE_GOLDEN=1 pytest tests/test_cli_golden.py`` and shows up in the diff."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from framing.cli import main

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

COMMANDS = {
    "load": ["load", "corpus"],
    "load_csv": ["load", "corpus", "--format", "csv"],
    "hits_csv": ["hits", "corpus", "--format", "csv"],
    "hits_table": ["hits", "corpus", "--frame", "legitimacy"],
    "score_rates_each": ["score", "corpus", "--voice", "each", "--format", "csv", "--boot", "200"],
    "score_balance": ["score", "corpus", "--table", "balance", "--boot", "200"],
    "score_shares": ["score", "corpus", "--table", "shares", "--format", "csv", "--boot", "200"],
    "score_sentiment": ["score", "corpus", "--table", "sentiment", "--format", "csv", "--boot", "200"],
    "score_targets": ["score", "corpus", "--table", "targets", "--format", "json", "--boot", "200"],
    "terms": ["terms", "corpus", "--top", "8", "--min-count", "2", "--format", "csv"],
    "terms_tfidf": ["terms", "corpus", "--method", "tfidf", "--top", "5"],
    "kwic": ["kwic", "corpus", "destabiliz*", "--kind", "phrase"],
    "events": ["events", "corpus"],
    "events_coverage": ["events", "corpus", "--coverage", "--format", "csv"],
    "align": ["align", "corpus", "--event", "E0003", "--top", "5"],
    "lexicon_terms": ["lexicon", "terms", "conflict", "--format", "csv"],
    "sentences_csv": ["sentences", "corpus", "--format", "csv"],
    "score_loaded": ["score", "corpus", "--table", "loaded", "--voice", "each", "--boot", "200"],
    "score_loaded_words": ["score", "corpus", "--table", "loaded_words", "--top", "3", "--format", "csv"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_cli_output_is_unchanged(name, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(COMMANDS[name]) == 0
    out = capsys.readouterr().out
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("FRAMING_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run FRAMING_UPDATE_GOLDEN=1 pytest {__file__}"
    assert out == path.read_text(encoding="utf-8"), f"framing {' '.join(COMMANDS[name])} printed something else"
