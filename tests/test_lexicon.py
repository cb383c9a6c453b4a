"""Lexicon format, validation (every problem with its line), round trip and bundled lexicons."""
from framing.lexicon import bundled_lexicons, lexicon_terms


def test_conflict_lexicon_loads_with_frames_naming_sets_and_actors():
    (conflict,) = bundled_lexicons(["conflict"])
    assert conflict.frame("legitimacy").is_axis
    assert [p.name for p in conflict.frame("legitimacy").poles] == ["legitimate", "illegitimate"]
    terms = lexicon_terms(conflict)
    assert {"frame", "naming", "actor"} == set(terms["kind"])
