"""The matcher on varied sentences of our own and on the seed articles."""
import pytest

from framing.errors import LexiconError
from framing.lexicon import Actor, Frame, Lexicon, NamingSet, Pole, Term
from framing.text.match import Matcher, normalize


def lexicon(frames=(), naming_sets=(), actors=(), name="test"):
    return Lexicon(name, "1", "", (), frames=tuple(frames), naming_sets=tuple(naming_sets),
                   actors=tuple(actors))


def frame(name, *terms, pole=None):
    return Frame(name, "", (Pole(pole or name, tuple(t if isinstance(t, Term) else Term(t) for t in terms)),))


def axis(name, a, b):
    return Frame(name, "", (Pole(a[0], tuple(Term(t) for t in a[1])), Pole(b[0], tuple(Term(t) for t in b[1]))))


def found(matcher, text):
    matches = matcher.find(text)
    for m in matches:
        assert text[m.start:m.end] == m.matched, m
    return [m.matched for m in matches]


@pytest.mark.parametrize("term, text, expected", [
    ("war", "They warn of war, not a warning.", ["war"]),
    ("war", "War. WAR! war’s end", ["War", "WAR", "war"]),
    ("Iran", "Iran’s and Iran's role, Iranian forces", ["Iran", "Iran"]),
    ("Assad", "al-Assad met Assad", ["Assad", "Assad"]),
    ("ISIS", "ISIS, ISIS-held and ISISx", ["ISIS", "ISIS"]),
    ("occupied territory", "the occupied\nterritory and the occupied  \n\n  territory",
     ["occupied\nterritory", "occupied  \n\n  territory"]),
    ("occupied territory", "occupied, territory", []),
    ("so-called", "a so-called, so called, so–called and so—called state", ["so-called", "so called", "so–called", "so—called"]),
    ("Kurdish led militia", "the Kurdish-led militia", ["Kurdish-led militia"]),
    ("what it calls", "what it\u00a0calls", ["what it\u00a0calls"]),
    ("Iran's role", "Iran’s role and Iran's role", ["Iran’s role", "Iran's role"]),
    ("destabiliz*", "destabilizing, destabilization and destabilize; undestabilized", ["destabilizing", "destabilization", "destabilize"]),
    ("terror*", "terror-linked terrorists", ["terror", "terrorists"]),
    ("war crime*", "war crimes and war-crimes", ["war crimes", "war-crimes"]),
    ("approved by the ... government", "approved by the Damascus government", ["approved by the Damascus government"]),
    ("approved by the ... government", "approved by the Syrian Arab Republic’s government",
     ["approved by the Syrian Arab Republic’s government"]),
    ("approved by the ... government", "approved by the government", []),
    ("approved by the ... government", "approved by the one two three four government", []),
    ("approved by the ... government", "approved by the\nDamascus\ngovernment", ["approved by the\nDamascus\ngovernment"]),
    ("approved by the ... government", "approved by the people. The government", []),
    ("end ... presence", "to end its military presence there", ["end its military presence"]),
    ("end ... presence", "to end its military presences", []),
    ("called ... terror*", "called them terrorists", ["called them terrorists"]),
])
def test_term_matching(term, text, expected):
    assert found(Matcher([lexicon([frame("f", term)])]), text) == expected


def test_case_sensitive_terms_match_only_their_case():
    actors = [Actor("United States", (Term("US", case_sensitive=True), Term("U.S."))),
              Actor("Islamic State", (Term("IS", case_sensitive=True),))]
    matcher = Matcher([lexicon(actors=actors)])
    text = "Let us see: the US and U.S. forces; IS fighters, ISIS, this is Is."
    assert found(matcher, text) == ["US", "U.S.", "IS"]


def test_offsets_survive_collapsed_white_space_and_wide_characters():
    matcher = Matcher([lexicon([frame("f", "occupied territory", "threat")])])
    text = "İİ  “x” \n\n\n  occupied \t territory —\n\n threat \u2028 threat"
    matches = matcher.find(text)
    assert [(text[m.start:m.end], m.matched) for m in matches] == [
        ("occupied \t territory", "occupied \t territory"), ("threat", "threat"), ("threat", "threat")]


def test_normalize_keeps_length_of_quotes_and_dashes_and_maps_back():
    text = "a  “b”\n\n–c"
    norm = normalize(text)
    assert norm.lower == 'a "b" -c'
    assert [text[norm.original(i)] for i in range(len(norm.lower))] == list("a “b”\n–c")


def test_longest_match_within_a_frame_wins():
    legitimacy = axis("legitimacy", ("legitimate", ["approved by the ... government"]),
                      ("illegitimate", ["occupied", "occupied territory", "territory"]))
    matcher = Matcher([lexicon([legitimacy])])
    matches = matcher.find("the occupied territory, occupied land, approved by the Damascus government")
    assert [(m.matched, m.pole) for m in matches] == [
        ("occupied territory", "illegitimate"), ("occupied", "illegitimate"),
        ("approved by the Damascus government", "legitimate")]


def test_overlapping_terms_of_different_frames_are_all_kept():
    lex = lexicon([frame("threat", "terrorists"), frame("labels", "terror*")],
                  naming_sets=[NamingSet("opposition", "", (Pole("terrorists", (Term("armed terrorists"),)),
                                                            Pole("rebels", (Term("rebels"),))))])
    matches = Matcher([lex]).find("armed terrorists")
    assert sorted((m.kind, m.frame, m.matched) for m in matches) == [
        ("frame", "labels", "terrorists"), ("frame", "threat", "terrorists"),
        ("naming", "opposition", "armed terrorists")]


def test_an_alias_inside_a_longer_alias_of_another_actor_is_not_a_mention():
    actors = [Actor("Syria", (Term("Syrian"), Term("Damascus"))),
              Actor("Kurdish forces", (Term("Syrian Democratic Forces"), Term("SDF")))]
    matches = Matcher([lexicon(actors=actors)]).find("The Syrian Democratic Forces and the Syrian army")
    assert [(m.matched, m.frame, m.pole, m.kind) for m in matches] == [
        ("Syrian Democratic Forces", "Kurdish forces", "Kurdish forces", "actor"),
        ("Syrian", "Syria", "Syria", "actor")]


def test_match_fields_name_their_lexicon_frame_pole_and_weight():
    lex = Lexicon("conflict-test", "1", "", (), frames=(Frame("threat", "", (
        Pole("threat", (Term("destabiliz*", weight=2.0),)), Pole("stability", (Term("stability"),)))),))
    (m,) = Matcher([lex]).find("It is destabilizing.")
    assert m._asdict() == {"start": 6, "end": 19, "matched": "destabilizing", "term": "destabiliz*",
                           "lexicon": "conflict-test", "kind": "frame", "role": "framing", "frame": "threat",
                           "pole": "threat", "weight": 2.0}


@pytest.mark.parametrize("bad, problem", [
    ("destabiliz*ing", "not at the very end"),
    ("... government", "gap"),
    ("approved by ... ... government", "gap"),
    ("terror**", "more than one"),
    ("  ", "empty"),
])
def test_malformed_terms_are_reported_with_their_line(bad, problem):
    lex = Lexicon("mine", "1", "", (), frames=(frame("f", Term(bad, line=7)),), path="mine.yaml")
    with pytest.raises(LexiconError) as error:
        Matcher([lex])
    assert "mine.yaml, line 7" in str(error.value) and problem in str(error.value)


def test_no_terms_no_matches():
    assert Matcher([]).find("anything at all") == []
    assert Matcher([lexicon([frame("f", "war")])]).find("") == []


# --------------------------------------------------------------------------- seed articles


def body(demo_corpus, prefix):
    (article,) = [a for a in demo_corpus.articles if a.id.startswith(prefix)]
    return article.body


def test_seed_002_legitimacy_and_threat_terms(demo_corpus):
    lex = lexicon([axis("legitimacy", ("legitimate", ["legitimately", "invitation", "approved by the ... government"]),
                        ("illegitimate", ["illegal"])),
                   frame("threat", "destabiliz*")])
    text = body(demo_corpus, "002")
    assert found(Matcher([lex]), text) == ["illegal", "approved by the Damascus government", "legitimately",
                                          "invitation", "destabilizing", "destabilizing"]


def test_seed_003_phrases_and_labels(demo_corpus):
    lex = lexicon([axis("legitimacy", ("legitimate", ["legitimate"]), ("illegitimate", ["occupied", "occupied territory"])),
                   frame("terrorism", "terrorist*")],
                  naming_sets=[NamingSet("islamic_state", "", (Pole("Daesh", (Term("Daesh"), Term("Daech"))),)),
                               NamingSet("sdf", "", (Pole("FDS", (Term("FDS"),)),))])
    text = body(demo_corpus, "003")
    matches = Matcher([lex]).find(text)
    by_frame = {}
    for m in matches:
        assert text[m.start:m.end] == m.matched
        by_frame.setdefault(m.frame, []).append(m.matched)
    assert by_frame["legitimacy"] == ["occupied territory"]
    assert by_frame["terrorism"] == ["terrorists", "terrorists", "terrorist"]
    assert by_frame["islamic_state"] == ["Daech", "Daech", "Daech"]
    assert by_frame["sdf"] == ["FDS"]


def test_seed_000_curly_quoted_term(demo_corpus):
    text = body(demo_corpus, "000")
    (m,) = Matcher([lexicon([frame("threat", "destabiliz*")])]).find(text)
    assert text[m.start - 1] == "“" and text[m.end] == "”"


def test_bundled_lexicons_on_the_seed_corpus(demo_corpus):
    from framing.lexicon import bundled_lexicons
    matcher = Matcher(bundled_lexicons())
    text = body(demo_corpus, "002")
    hits = {(m.matched, m.frame, m.pole) for m in matcher.find(text)}
    assert ("illegal", "legitimacy", "illegitimate") in hits
    assert ("legitimately", "legitimacy", "legitimate") in hits
    assert ("invitation", "legitimacy", "legitimate") in hits
    assert sum(1 for m in matcher.find(text) if m.matched == "destabilizing") == 2
    text = body(demo_corpus, "003")
    kinds = {(m.matched, m.kind) for m in matcher.find(text)}
    assert {("Daech", "naming"), ("Daech", "actor"), ("FDS", "naming"), ("terrorists", "frame")} <= kinds
    assert ("US", "actor") in kinds and not any(m.matched == "us" for m in matcher.find(text))


def test_gap_words_may_be_abbreviations():
    matcher = Matcher([lexicon([frame("f", "approved by the ... government")])])
    assert found(matcher, "approved by the U.S. government") == ["approved by the U.S. government"]


def test_every_white_space_character_is_collapsed():
    from framing.text.match import WHITESPACE_OTHER_THAN_SPACE
    missing = [hex(c) for c in range(0x3100) if chr(c).isspace() and chr(c) != " " and chr(c) not in WHITESPACE_OTHER_THAN_SPACE]
    assert missing == []
