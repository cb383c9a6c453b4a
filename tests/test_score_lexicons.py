"""`framing score` matches only the lexicon categories its table reads (``needed_lexicons``):
the table must be the same, to the byte, as from an analysis with every lexicon."""
from __future__ import annotations

import pytest

from framing.cli import build_parser
from framing.cli.options import score_settings
from framing.cli.scores import TABLES, compute, needed_lexicons
from framing.errors import SettingsError
from framing.lexicon import bundled_lexicons
from framing.measure.pipeline import analyze

CASES = [[f"--table={table}", "--voice=each"] for table in TABLES if table != "loaded_words"] + [
    ["--table=loaded_words"], ["--table=rates", "--role=all"], ["--table=rates", "--kind=naming", "--role=all"],
    ["--table=rates", "--role=topic", "--kind=actor"], ["--table=balance", "--frame=legitimacy"],
    ["--table=rates", "--frame=economic", "--role=all"],
]


@pytest.mark.parametrize("options", CASES, ids=" ".join)
def test_a_table_from_the_lexicons_it_needs_equals_the_table_from_all(demo_corpus, demo_analysis, options):
    args = build_parser(["score"]).parse_args(["score", "corpus", "--boot=200", *options])
    settings = score_settings(args, by_target=args.table == "targets")
    needed = needed_lexicons(args.table, tuple(bundled_lexicons()), settings)
    assert sum(len(lex.frames) + len(lex.naming_sets) for lex in needed) < sum(
        len(lex.frames) + len(lex.naming_sets) for lex in bundled_lexicons()), "something was left out"
    smaller = analyze(demo_corpus, needed)
    assert len(smaller.hits) < len(demo_analysis.hits)
    assert compute(smaller, args, settings).to_csv() == compute(demo_analysis, args, settings).to_csv()


def test_sentiment_matches_only_the_actors(demo_corpus):
    args = build_parser(["score"]).parse_args(["score", "corpus", "--table=sentiment"])
    needed = needed_lexicons("sentiment", tuple(bundled_lexicons()), score_settings(args))
    assert all(not lex.frames and not lex.naming_sets for lex in needed)
    assert sum(len(lex.actors) for lex in needed) == sum(len(lex.actors) for lex in bundled_lexicons())


def test_a_frame_named_outside_the_roles_counted_is_still_the_helpful_error(demo_corpus):
    args = build_parser(["score"]).parse_args(["score", "corpus", "--frame=economic"])
    settings = score_settings(args)
    smaller = analyze(demo_corpus, needed_lexicons("rates", tuple(bundled_lexicons()), settings))
    with pytest.raises(SettingsError, match="'economic' has role topic.*add --role topic"):
        compute(smaller, args, settings)
