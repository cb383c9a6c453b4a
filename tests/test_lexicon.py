"""Lexicon format, validation (every problem with its line), round trip, bundled lexicons, CLI."""
import dataclasses
import re
from pathlib import Path

import pytest

from framing.cli import main
from framing.errors import LexiconError
from framing.lexicon import (
    BUNDLED_DIR,
    TERM_COLUMNS,
    Lexicon,
    bundled_lexicon_names,
    bundled_lexicons,
    lexicon_fingerprint,
    lexicon_problems,
    lexicon_terms,
    lexicon_to_yaml,
    load_lexicon,
    parse_lexicon,
    resolve_lexicon,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lexicons"
HEAD = 'name: t\nversion: "1"\n'


def problems_of(body: str, head: str = HEAD) -> list[str]:
    return lexicon_problems(head + body, source="t.yaml")


def without_lines(lexicon: Lexicon) -> Lexicon:
    """The lexicon with term line numbers and path cleared, to compare content."""
    def strip(terms):
        return tuple(dataclasses.replace(t, line=None) for t in terms)
    frames = tuple(dataclasses.replace(f, poles=tuple(dataclasses.replace(p, terms=strip(p.terms)) for p in f.poles))
                   for f in lexicon.frames)
    naming = tuple(dataclasses.replace(n, labels=tuple(dataclasses.replace(p, terms=strip(p.terms)) for p in n.labels))
                   for n in lexicon.naming_sets)
    actors = tuple(dataclasses.replace(a, aliases=strip(a.aliases)) for a in lexicon.actors)
    return dataclasses.replace(lexicon, frames=frames, naming_sets=naming, actors=actors, path="")


# --------------------------------------------------------------------------- the format


def test_user_lexicon_reads_every_feature_with_lines():
    lex = load_lexicon(FIXTURES / "migration.yaml")
    assert (lex.name, lex.version, lex.licence) == ("migration", "0.3", "CC0-1.0")
    assert lex.path == str(FIXTURES / "migration.yaml")
    (source,) = lex.source_details
    assert (source.title, source.licence, source.year) == ("Written for the framing test suite", "CC0-1.0", "2024")
    assert lex.sources == ("framing contributors (2024). Written for the framing test suite. "
                           "https://example.org/framing Licence: CC0-1.0.",)

    threat = lex.frame("threat")
    assert threat.is_axis and threat.colour == "#d62728"
    danger, contribution = threat.poles
    assert [t.text for t in danger.terms] == ["flood*", "invasion", "overwhelmed by the ... arrivals"]
    assert danger.terms[0].is_stem and danger.terms[2].has_gap
    assert danger.terms[1].weight == 2.0 and danger.terms[1].line == 21
    assert contribution.name == "contribution"

    humanitarian = lex.frame("humanitarian")
    assert not humanitarian.is_axis
    assert [p.name for p in humanitarian.poles] == ["humanitarian"]
    assert humanitarian.poles[0].terms[2].weight == 0.5

    (people,) = lex.naming_sets
    assert [label.name for label in people.labels] == ["migrants", "refugees", "illegals"]
    assert [t.text for t in people.labels[2].terms] == ["illegals", "illegal immigrants", "illegal aliens"]

    eu, uk = lex.actors
    assert eu.description == "The EU and its institutions." and uk.description == ""
    assert [(t.text, t.case_sensitive) for t in eu.aliases] == [
        ("European Union", False), ("EU", True), ("Brussels", False)]


def test_plain_scalars_are_read_as_text_so_yes_no_and_numbers_need_no_quotes():
    lex = parse_lexicon('name: t\nversion: 1.10\nframes:\n  f:\n    description: d\n    role: topic\n'
                        '    terms: [no, yes, 1914, null word]\n')
    assert lex.version == "1.10"
    assert [t.text for t in lex.frames[0].poles[0].terms] == ["no", "yes", "1914", "null word"]


def test_white_space_inside_a_term_is_collapsed():
    lex = parse_lexicon(HEAD + 'frames:\n  f:\n    description: d\n    role: topic\n    terms: ["at  the\\trequest   of "]\n')
    assert lex.frames[0].poles[0].terms[0].text == "at the request of"


# --------------------------------------------------------------------------- validation

FRAME = "frames:\n  f:\n    role: framing\n    description: d\n"

CASES = {
    "unknown top key, close match suggested": (
        "descripton: x\nframes:\n  f:\n    role: framing\n    description: d\n    terms: [a]\n",
        [(3, "unknown key 'descripton'; did you mean 'description'?")]),
    "unknown frame key": (
        FRAME + "    colour: '#123456'\n    term: [a]\n",
        [(4, "frame 'f' has neither `terms` nor `poles`"), (8, "unknown key 'term'; did you mean 'terms'?")]),
    "unknown term key": (
        FRAME + "    terms:\n      - {term: a, wieght: 2}\n",
        [(8, "unknown key 'wieght'; did you mean 'weight'?")]),
    "unknown actor key": (
        "actors:\n  Iran:\n    alias: [Iran]\n",
        [(4, "actor 'Iran' has no `aliases:`"), (5, "unknown key 'alias'; did you mean 'aliases'?")]),
    "empty pole": (
        FRAME + "    poles:\n      a: [x]\n      b: []\n",
        [(9, "frame 'f', pole 'b' is empty; list at least one term")]),
    "null pole": (
        FRAME + "    poles:\n      a: [x]\n      b:\n",
        [(9, "pole 'b' is empty")]),
    "neither terms nor poles": (
        "frames:\n  f:\n    role: framing\n    description: d\n",
        [(4, "frame 'f' has neither `terms` nor `poles`")]),
    "both terms and poles": (
        FRAME + "    terms: [a]\n    poles:\n      a: [x]\n      b: [y]\n",
        [(4, "frame 'f' has both `terms` and `poles`")]),
    "one pole": (
        FRAME + "    poles:\n      a: [x]\n",
        [(8, "frame 'f' has 1 pole; an axis needs exactly two")]),
    "three poles": (
        FRAME + "    poles:\n      a: [x]\n      b: [y]\n      c: [z]\n",
        [(8, "frame 'f' has 3 poles; an axis needs exactly two")]),
    "term in both poles, ignoring case and hyphens": (
        FRAME + "    poles:\n      a: [so-called, x]\n      b:\n        - y\n        - So called\n",
        [(11, "term 'So called' is in both poles ('a' line 8, 'b' here); keep it in one")]),
    "same term twice": (
        FRAME + "    terms:\n      - threat\n      - menace\n      - Threat\n",
        [(10, "term 'Threat' is listed twice (first at line 8); remove one")]),
    "star inside a word": (
        FRAME + "    terms: [desta*bilize]\n",
        [(7, "term 'desta*bilize' has '*' before its end")]),
    "star on a first word": (
        FRAME + "    terms: [pull* out]\n",
        [(7, "term 'pull* out' has '*' before its end")]),
    "double star": (
        FRAME + "    terms: [destabiliz**]\n",
        [(7, "term 'destabiliz**' has '**'")]),
    "bare star": (
        FRAME + "    terms: ['*']\n",
        [(7, "term '*' is a bare wildcard")]),
    "too short a stem": (
        FRAME + "    terms: [us*]\n",
        [(7, "term 'us*' is too short a stem")]),
    "gap at the start": (
        FRAME + "    terms: [... government]\n",
        [(7, "term '... government' has ' ... ' at its start")]),
    "gap at the end": (
        FRAME + "    terms:\n      - approved by ...\n",
        [(8, "term 'approved by ...' has ' ... ' at its end")]),
    "gap glued to a word": (
        FRAME + "    terms: [approved...government]\n",
        [(7, "has 'approved...government'; write a gap as ' ... ' with a space each side")]),
    "two gaps in a row": (
        FRAME + "    terms: [approved ... ... government]\n",
        [(7, "has two gaps in a row")]),
    "ellipsis character": (
        FRAME + "    terms: [approved by \u2026 government]\n",
        [(7, "uses the '\u2026' character")]),
    "punctuation only": (
        FRAME + "    terms: ['?!']\n",
        [(7, "term '?!' has no letters or digits")]),
    "duplicate frame name (YAML would merge)": (
        FRAME + "    terms: [a]\n  g:\n    role: framing\n    description: d\n    terms: [b]\n"
        "  f:\n    role: framing\n    description: again\n    terms: [c]\n",
        [(12, "'f' appears twice, first at line 4; YAML would silently keep only the last one")]),
    "frame names differing only by case": (
        FRAME + "    terms: [a]\n  F:\n    role: framing\n    description: d\n    terms: [b]\n",
        [(8, "'F' appears twice (same as 'f': names ignore case), first at line 4")]),
    "duplicate naming set": (
        "naming_sets:\n  n:\n    role: framing\n    labels: {a: [a], b: [b]}\n  n:\n    role: framing\n    labels: {c: [c], d: [d]}\n",
        [(7, "'n' appears twice, first at line 4")]),
    "duplicate actor": (
        "actors:\n  Iran:\n    aliases: [Iran]\n  Iran:\n    aliases: [Tehran]\n",
        [(6, "'Iran' appears twice, first at line 4")]),
    "duplicate key inside a frame": (
        FRAME + "    terms: [a]\n    description: again\n",
        [(8, "'description' appears twice, first at line 6")]),
    "non-numeric weight": (
        FRAME + "    terms:\n      - {term: a, weight: heavy}\n      - {term: b, weight: '2'}\n",
        [(8, "term 'a': weight must be a number such as 0.5 or 2, not text ('heavy')"),
         (9, "term 'b': weight must be a number such as 0.5 or 2, not text ('2')")]),
    "negative and infinite weights": (
        FRAME + "    terms:\n      - {term: a, weight: -1}\n      - {term: b, weight: .inf}\n",
        [(8, "term 'a': weight must be a positive finite number, not -1"),
         (9, "term 'b': weight must be a positive finite number, not .inf")]),
    "case_sensitive not a boolean": (
        FRAME + "    terms:\n      - {term: IS, case_sensitive: 1}\n",
        [(8, "term 'IS': case_sensitive must be true or false, not a number (1)")]),
    "term mapping without term": (
        FRAME + "    terms:\n      - {weight: 2}\n",
        [(8, "`term` is missing or empty")]),
    "term is a list": (
        FRAME + "    terms:\n      - [a, b]\n",
        [(8, "a term must be text or a mapping {term, weight, case_sensitive}, not a list")]),
    "terms is text": (
        FRAME + "    terms: threat\n",
        [(7, "frame 'f' must be a list of terms")]),
    "frames is a list": (
        "frames:\n  - legitimacy\n",
        [(4, "`frames` (a mapping of frame name to frame) must be a mapping (`key: value` lines), not a list")]),
    "description is a list": (
        "frames:\n  f:\n    role: framing\n    description: [a, b]\n    terms: [x]\n",
        [(6, "frame 'f': `description` must be text, not a list")]),
    "bad colour": (
        FRAME + "    colour: blue\n    terms: [a]\n",
        [(7, "colour 'blue' is not a hex colour")]),
    "naming set with one label": (
        "naming_sets:\n  n:\n    role: framing\n    labels:\n      ISIS: [ISIS]\n",
        [(7, "naming set 'n' has 1 label; a naming set compares competing labels, so give at least two")]),
    "spelling under two labels": (
        "naming_sets:\n  n:\n    role: framing\n    labels:\n      ISIS: [ISIS]\n      ISIL: [ISIL, isis]\n",
        [(8, "spelling 'isis' is under two labels ('ISIS' line 7, 'ISIL' here)")]),
    "naming set without labels": (
        "naming_sets:\n  n:\n    role: framing\n    description: d\n",
        [(4, "naming set 'n' has no `labels:`")]),
    "alias of two actors": (
        "actors:\n  Syria:\n    aliases: [Syria, Assad]\n  Assad family:\n    aliases: [assad]\n",
        [(7, "actor 'Assad family': alias 'assad' also names actor 'Syria' (line 5)")]),
    "actor is a list": (
        "actors:\n  Iran: [Iran, Tehran]\n",
        [(4, "actor 'Iran' must be a mapping (`key: value` lines), not a list")]),
    "source without licence": (
        "sources:\n  - title: A paper\nframes:\n  f:\n    role: framing\n    description: d\n    terms: [a]\n",
        [(4, "source: `licence` is missing or empty")]),
    "sources not a list": (
        "sources: A paper\nframes:\n  f:\n    role: framing\n    description: d\n    terms: [a]\n",
        [(3, "`sources` must be a list")]),
    "empty frames section": (
        "frames:\n",
        [(3, "`frames` is empty")]),
    "nothing to match": (
        "description: d\n",
        [(1, "lexicon defines nothing to match")]),
}


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_each_problem_is_reported_with_its_line_and_fix(body, expected):
    problems = problems_of(body)
    assert len(problems) == len(expected), "\n".join(problems)
    for problem, (line, fragment) in zip(problems, expected):
        assert problem.startswith(f"t.yaml:{line}: "), problem
        assert fragment in problem, problem


def test_missing_name_and_version():
    problems = lexicon_problems(FRAME + "    terms: [a]\n", source="x.yaml")
    assert problems == [
        "x.yaml:1: lexicon: `name` is missing or empty; add `name: my_lexicon` at the top (a short name used in tables)",
        'x.yaml:1: lexicon: `version` is missing or empty; add `version: "1.0"` (change it whenever the terms change)']


def test_yaml_syntax_error_names_its_line():
    (problem,) = lexicon_problems('name: t\nversion: "1"\nframes:\n  f:\n    terms: [a, b\n  g: x\n', source="s.yaml")
    assert re.match(r"s\.yaml:6: not valid YAML: ", problem), problem


def test_empty_file_and_a_file_that_is_not_a_mapping():
    assert lexicon_problems("", source="e.yaml") == [
        "e.yaml:1: the file is empty; a lexicon needs `name:`, `version:` and at least one of `frames:`, `naming_sets:`, `actors:`"]
    (problem,) = lexicon_problems("- a\n- b\n", source="l.yaml")
    assert problem == "l.yaml:1: lexicon must be a mapping (`key: value` lines), not a list"


def test_every_problem_of_a_broken_file_is_reported_in_line_order():
    text = (FIXTURES / "broken.yaml").read_text()
    problems = lexicon_problems(text, source="broken.yaml")
    lines = [int(p.split(":")[1]) for p in problems]
    assert lines == [1, 2, 9, 14, 15, 17, 18, 26, 31, 34, 35, 35, 41, 42, 47]
    with pytest.raises(LexiconError) as caught:
        load_lexicon(FIXTURES / "broken.yaml")
    assert caught.value.problems == [p.replace("broken.yaml", str(FIXTURES / "broken.yaml"), 1) for p in problems]
    assert str(caught.value).startswith(f"{FIXTURES / 'broken.yaml'}: 15 problems in lexicon:\n")


def test_load_lexicon_errors_for_missing_file_folder_and_bad_encoding(tmp_path):
    with pytest.raises(LexiconError, match=r"no such lexicon file\. Bundled lexicons: conflict, epistemic, loaded, policy_frames"):
        load_lexicon(tmp_path / "nope.yaml")
    with pytest.raises(LexiconError, match="is a folder"):
        load_lexicon(tmp_path)
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="not UTF-8 text"):
        load_lexicon(latin1)


# --------------------------------------------------------------------------- writing, hashing, tables


@pytest.mark.parametrize("lexicon", [*bundled_lexicons(), load_lexicon(FIXTURES / "migration.yaml")], ids=lambda lex: lex.name)
def test_yaml_round_trip_gives_an_equal_lexicon(lexicon):
    again = parse_lexicon(lexicon_to_yaml(lexicon))
    assert without_lines(again) == without_lines(lexicon)
    assert lexicon_fingerprint(again) == lexicon_fingerprint(lexicon)


def test_fingerprint_ignores_layout_and_path_but_not_content():
    lex = load_lexicon(FIXTURES / "migration.yaml")
    text = (FIXTURES / "migration.yaml").read_text()
    relaid = parse_lexicon("# a comment\n\n" + text.replace(
        "    terms: [drowned, asylum seekers, {term: aid, weight: 0.5}]",
        "    terms:\n      - drowned\n      - asylum seekers\n      - term: aid\n        weight: 0.5"))
    assert [t.line for t in relaid.frame("humanitarian").poles[0].terms] != [t.line for t in lex.frame("humanitarian").poles[0].terms]
    assert lexicon_fingerprint(relaid) == lexicon_fingerprint(lex)
    assert re.fullmatch(r"[0-9a-f]{64}", lexicon_fingerprint(lex))
    heavier = parse_lexicon(text.replace("weight: 0.5", "weight: 0.75"))
    assert lexicon_fingerprint(heavier) != lexicon_fingerprint(lex)
    renamed = parse_lexicon(text.replace("      refugees: [refugee, refugees]", "      refugee: [refugee, refugees]"))
    assert lexicon_fingerprint(renamed) != lexicon_fingerprint(lex)


def test_lexicon_terms_table():
    lex = load_lexicon(FIXTURES / "migration.yaml")
    table = lexicon_terms(lex)
    assert list(table.columns) == list(TERM_COLUMNS)
    assert len(table) == 5 + 3 + 7 + 7
    assert table.groupby("kind").size().to_dict() == {"actor": 7, "frame": 8, "naming": 7}
    row = table[table.term == "invasion"].iloc[0]
    assert (row.lexicon, row.kind, row.frame, row.pole, row.weight, row.line) == ("migration", "frame", "threat", "danger", 2.0, 21)
    eu = table[table.term == "EU"].iloc[0]
    assert (eu.kind, eu.frame, eu.pole, bool(eu.case_sensitive)) == ("actor", "European Union", "European Union", True)
    assert set(table[table.kind == "naming"].pole) == {"migrants", "refugees", "illegals"}
    assert str(table.weight.dtype) == "float64" and str(table.case_sensitive.dtype) == "bool"
    empty = lexicon_terms([])
    assert list(empty.columns) == list(TERM_COLUMNS) and empty.empty


# --------------------------------------------------------------------------- bundled lexicons


def test_bundled_lexicons_all_validate_and_are_named_after_their_files():
    names = bundled_lexicon_names()
    assert names == ("conflict", "epistemic", "loaded", "policy_frames")
    for lex in bundled_lexicons():
        assert lexicon_problems(Path(lex.path).read_text(), source=lex.path) == []
        assert Path(lex.path).stem == lex.name and Path(lex.path).parent == BUNDLED_DIR
        assert lex.licence and lex.source_details and all(s.licence for s in lex.source_details)
        assert all(f.description for f in lex.frames)
    assert [lex.name for lex in bundled_lexicons(["policy_frames", "conflict"])] == ["policy_frames", "conflict"]
    assert bundled_lexicons("epistemic")[0].name == "epistemic"


def test_unknown_bundled_name_lists_the_available_ones():
    with pytest.raises(LexiconError, match=r"no bundled lexicon named 'conflicts'; bundled: conflict, epistemic, loaded, policy_frames"):
        bundled_lexicons(["conflicts"])


def test_resolve_lexicon_takes_a_bundled_name_or_a_path():
    assert resolve_lexicon("conflict") is bundled_lexicons("conflict")[0]
    assert resolve_lexicon(str(FIXTURES / "migration.yaml")).name == "migration"


def test_acronyms_that_are_also_words_are_case_sensitive_in_every_bundled_lexicon():
    table = lexicon_terms(bundled_lexicons())
    for row in table.itertuples():
        words = set(re.split(r"[ \-]", row.term))
        if words & {"US", "IS", "UN", "may", "united", "Turkey"}:
            assert row.case_sensitive, f"{row.lexicon}/{row.frame}: {row.term!r} must be case_sensitive"


def _terms_of(table, **where) -> set[str]:
    for column, value in where.items():
        table = table[table[column] == value]
    return set(table.term)


def test_conflict_lexicon_covers_the_brief():
    conflict = bundled_lexicons("conflict")[0]
    table = lexicon_terms(conflict)
    assert [f.name for f in conflict.frames] == ["legitimacy", "threat", "terrorism", "cooperation", "withdrawal", "humanitarian"]
    assert {"legitimate", "legitimately", "invited", "invitation", "at the request of", "approved by the ... government",
            "sovereignty", "lawful"} <= _terms_of(table, frame="legitimacy", pole="legitimate")
    assert {"occupation", "occupied", "occupying", "illegal", "illegally", "uninvited", "without permission",
            "not been permitted", "invasion"} <= _terms_of(table, frame="legitimacy", pole="illegitimate")
    assert {"destabiliz*", "threat", "aggression", "malign", "expansionism", "hegemon*"} <= _terms_of(table, pole="threat")
    assert {"stability", "stable", "regional security", "security and stability", "stabiliz*"} <= _terms_of(table, pole="stability")
    assert "security" not in _terms_of(table), "bare 'security' is mostly national/homeland/social security"
    assert {"terrorist*", "terrorism", "jihadist*", "extremist*", "takfiri*", "militant*"} <= _terms_of(table, frame="terrorism")
    assert {"unity", "united", "cooperation", "allies", "entente"} <= _terms_of(table, pole="cooperation")
    assert {"confrontation*", "coerc*", "pressur*", "crush*", "threaten*"} <= _terms_of(table, pole="confrontation")
    assert {"civilians", "refugee*", "aid", "camp", "humanitarian*"} <= _terms_of(table, frame="humanitarian")
    labels = {n.name: {label.name for label in n.labels} for n in conflict.naming_sets}
    assert {"Islamic State", "ISIS", "ISIL", "IS", "Daesh"} <= labels["islamic_state"]
    assert {"Syrian government", "Damascus government", "Assad government", "Assad regime", "the regime"} <= labels["syrian_government"]
    assert {"Syrian Democratic Forces", "SDF", "FDS", "Kurdish-led militia", "US-backed militia", "proxies"} <= labels["sdf"]
    assert {"Daech"} <= _terms_of(table, frame="islamic_state", pole="Daesh")
    actors = {a.name for a in conflict.actors}
    assert {"United States", "Iran", "Syria", "Russia", "Iraq", "Turkey", "Israel", "Kurdish forces", "Islamic State",
            "Hezbollah"} <= actors
    assert {"US", "U.S.", "USA", "America", "American", "Americans", "Washington", "Pentagon",
            "Trump administration"} <= _terms_of(table, kind="actor", frame="United States")
    assert {"Iranian", "Iranians", "Tehran", "Islamic Republic"} <= _terms_of(table, kind="actor", frame="Iran")


def test_epistemic_lexicon_has_the_recasens_categories():
    table = lexicon_terms(bundled_lexicons("epistemic"))
    assert {"said", "says", "stated", "told", "added", "noted"} <= _terms_of(table, frame="report_verbs")
    assert {"admit*", "reveal*", "acknowledg*", "pointed out", "conceded"} <= _terms_of(table, frame="factive_verbs")
    assert {"insist*", "asserted", "contended"} <= _terms_of(table, frame="assertive_verbs")
    assert {"stressed", "warned", "urged"} <= _terms_of(table, frame="emphatic_report_verbs")
    assert {"claimed", "so-called", "what ... calls", "purported"} <= _terms_of(table, frame="doubt_markers")
    assert {"likely", "reportedly", "apparently", "possibly", "may", "might", "suggest*", "alleged"} <= _terms_of(table, frame="hedges")
    assert not table.duplicated("term").any(), "each epistemic marker belongs to one category"


def test_policy_frames_lexicon_has_fourteen_codebook_frames_of_20_to_40_terms():
    lex = bundled_lexicons("policy_frames")[0]
    assert [f.name for f in lex.frames] == [
        "economic", "capacity_and_resources", "morality", "fairness_and_equality", "legality", "policy_prescription",
        "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life", "cultural_identity",
        "public_opinion", "political", "external_regulation_and_reputation"]
    for frame in lex.frames:
        assert 20 <= len(frame.poles[0].terms) <= 40, frame.name
    assert not lexicon_terms(lex).duplicated("term").any(), "each term belongs to one policy frame"


def test_conflict_lexicon_finds_the_seed_articles_legitimacy_language():
    from framing.text.match import Matcher

    text = (Path(__file__).resolve().parent.parent / "corpus" / "002_63e0d81dc0e8eb47.txt").read_text()
    found = {(m.frame, m.pole, m.matched) for m in Matcher(bundled_lexicons("conflict")).find(text)}
    assert {("legitimacy", "legitimate", "approved by the Damascus government"),
            ("legitimacy", "legitimate", "legitimately"), ("legitimacy", "legitimate", "invitation"),
            ("legitimacy", "illegitimate", "illegal"), ("legitimacy", "illegitimate", "not been permitted"),
            ("threat", "threat", "destabilizing"), ("terrorism", "terrorism", "takfiri"),
            ("sdf", "proxies", "proxies"), ("United States", "United States", "USA")} <= found
    assert ("United States", "United States", "us") not in found


# --------------------------------------------------------------------------- CLI


def test_cli_check_prints_what_a_valid_lexicon_contains(capsys):
    assert main(["lexicon", "check", str(FIXTURES / "migration.yaml"), "conflict"]) == 0
    out = capsys.readouterr().out
    assert f"{FIXTURES / 'migration.yaml'}: OK" in out
    assert "  threat        axis: danger (3 terms) vs contribution (2 terms)" in out
    assert "  humanitarian  terms: 3" in out
    assert "  people_on_the_move: migrants (2) / refugees (2) / illegals (3)" in out
    assert "  European Union (3 aliases): European Union, EU [case-sensitive], Brussels" in out
    assert "legitimacy    axis: legitimate (" in out and "actors (12):" in out


def test_cli_check_prints_every_problem_and_exits_2(capsys):
    path = FIXTURES / "broken.yaml"
    assert main(["lexicon", "check", str(path)]) == 2
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 15
    assert lines[2] == (f"{path}:9: frame 'legitimacy': term 'invited' is in both poles "
                        "('legitimate' line 8, 'illegitimate' here); keep it in one")
    assert lines[8] == (f"{path}:31: frame 'empty_pole': role 'frame' is not a role; did you mean 'framing'? "
                        "write one of framing, topic, attribution")
    assert lines[10].startswith(f"{path}:35: frame 'nothing' has no `role:`; add `role: framing`")
    assert f"{path}: 15 problems; nothing loaded" in captured.err


def test_cli_check_missing_file_is_a_clean_error(capsys):
    assert main(["lexicon", "check", "no-such.yaml"]) == 2
    assert "no-such.yaml: no such lexicon file" in capsys.readouterr().err


def test_cli_list_and_terms(capsys):
    assert main(["lexicon", "list"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^conflict 1\.2  6 frames, 7 naming sets, 12 actors, \d+ terms", out, re.M)
    assert re.search(r"^policy_frames 1\.0  14 frames", out, re.M)
    assert main(["lexicon", "terms", str(FIXTURES / "migration.yaml"), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ",".join(TERM_COLUMNS)
    assert "migration,actor,topic,European Union,European Union,EU,1.0,True,43" in out
    assert len(out) == 1 + 22
