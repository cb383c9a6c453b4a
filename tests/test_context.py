"""Context rules (framing.text.context, docs/context-rules.md): voice, speaker, negation, hedges and
target of lexicon hits, on the seed articles and on sentences written to test each rule.

Actor mentions are built here with a small alias table, so the tests do not depend on the
lexicon files."""
import re
import time
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from framing.text.context import Context, body_context
from framing.text.tokenize import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

ALIASES = {
    "Iran": ["Iran", "Iranian", "Iranians", "Tehran", "Islamic Republic"],
    "United States": ["United States", "US", "U.S.", "Washington", "America", "American",
                      "Americans", "Pentagon"],
    "Syria": ["Syria", "Syrian", "Damascus"],
    "Russia": ["Russia", "Russian", "Moscow", "Kremlin"],
    "Iraq": ["Iraq", "Iraqi", "Baghdad"],
    "Turkey": ["Turkey", "Turkish", "Ankara"],
    "Israel": ["Israel", "Israeli"],
}
_ACTOR = {alias: actor for actor, aliases in ALIASES.items() for alias in aliases}
_ALIAS = re.compile(r"(?<![\w.])(" + "|".join(
    re.escape(a) for a in sorted(_ACTOR, key=len, reverse=True)) + r")(?!\w)")


def mentions(text):
    return [(m.start(), m.end(), _ACTOR[m.group()]) for m in _ALIAS.finditer(text)]


def seed(prefix):
    [path] = CORPUS.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


def context_of(text, term, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(term, start + 1)
    [ctx] = body_context(text, split_sentences(text), [(start, start + len(term))], mentions(text))
    return ctx


def check(ctx, expected, where):
    got = {field: getattr(ctx, field) for field in expected}
    assert got == expected, f"{where}: expected {expected}, got {got}"


# (seed file, term, occurrence, expected fields)
SEED_CASES = [
    # 000 The Crystal Eyes: scare quotes in the outlet's own sentence
    ("000", "destabilizing", 0, dict(voice="distanced", speaker=None, hedged=True, target="Iran")),
    ("000", "united against terrorism", 0,
     dict(voice="quoted", speaker="Major General Mohammad Baqeri")),
    ("000", "reconciliation agreements", 0, dict(voice="distanced", speaker=None)),
    ("000", "pull out", 0, dict(voice="quoted", speaker="Iran and Syria")),
    ("000", "coercion", 0, dict(voice="author", target="Syria")),
    ("000", "restrain", 0, dict(voice="author", target="United States")),
    # 001 Al-Monitor: Peskov's word, negation by "rejected the idea of"
    ("001", "illegally", 0, dict(voice="quoted", speaker="Dmitry Peskov")),
    ("001", "pulling forces", 0, dict(voice="author", negated=True, target="Iran")),
    ("001", "removing forces", 0, dict(negated=True, target="Iran")),
    ("001", "withdrawn", 0, dict(voice="quoted", speaker="Russian President Vladimir Putin")),
    ("001", "retreating", 0, dict(voice="quoted", speaker="Entekhab website", target="Russia")),
    ("001", "from the entirety", 0, dict(voice="quoted", speaker=None)),
    # 002 SouthFront: Velayati and Tillerson
    ("002", "legitimately", 0, dict(voice="quoted", speaker="Velayati", target="Iran")),
    ("002", "permitted", 0, dict(voice="quoted", speaker="Velayati", negated=True)),
    ("002", "destabilizing", 0, dict(voice="quoted", speaker="Secretary of State Rex Tillerson",
                                     target="Iran", negated=False)),
    ("002", "only destabilizing", 0, dict(voice="quoted", speaker="Tillerson", target="Iran")),
    ("002", "withdraw its military", 0, dict(voice="quoted", speaker="Tillerson")),
    ("002", "illegal", 0, dict(voice="quoted", speaker="Ali Akbar Velayati", target=None)),
    ("002", "approved by", 0, dict(voice="quoted", speaker="Khamenei’s top advisor")),
    ("002", "pressure", 0, dict(voice="quoted", speaker="Syrian pro-government experts",
                                target="United States")),
    ("002", "proxies", 0, dict(target="United States")),
    ("002", "foiled", 0, dict(voice="quoted", speaker="US-led coalition", hedged=True)),
    ("002", "strip the US", 0, dict(
        voice="quoted", hedged=True,
        speaker="several reports of Syrian opposition and pro-government sources")),
    # 003 Observatoire: the outlet's own "occupied territory"
    ("003", "occupied territory", 0, dict(voice="author", speaker=None)),
    ("003", "implemented", 0, dict(voice="author", negated=True, target="United States")),
    ("003", "coalition", 0, dict(voice="author", hedged=True)),
    ("003", "confrontation", 0, dict(voice="quoted", speaker="Hadi Mohamadi")),
    ("003", "only support terrorists", 0, dict(voice="quoted")),
    # 004 The Jerusalem Post: Baqeri stressed that uninvited “foreign forces” must leave
    ("004", "uninvited", 0, dict(voice="quoted", speaker="Baqeri")),
    ("004", "foreign forces", 0, dict(voice="quoted", speaker="Baqeri")),
    ("004", "tripartite", 0, dict(voice="distanced", speaker=None, target=None)),
    ("004", "tripartite", 1, dict(voice="distanced", speaker="Iranian media", hedged=True)),
    ("004", "unity", 0, dict(voice="quoted", speaker="Syrian President Bashar Assad")),
    ("004", "unity", 1, dict(voice="quoted", speaker="Assad")),
    ("000", "withdraw troops", 0, dict(voice="quoted", speaker="Washington")),
    ("004", "stay", 0, dict(voice="quoted", speaker="Baqeri")),   # "He said": the last named
    ("004", "instability", 0, dict(voice="author", target="Iran")),
    ("004", "stable", 0, dict(negated=False, target="Syria")),   # "not only"
    ("004", "withdraw from Syria and", 0, dict(voice="quoted", speaker="US", negated=True,
                                                hedged=True, target="United States")),
]


@pytest.mark.parametrize("prefix,term,nth,expected", SEED_CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in SEED_CASES])
def test_seed_sentences(prefix, term, nth, expected):
    check(context_of(seed(prefix), term, nth), expected, f"corpus/{prefix} {term!r}")


# (text, term, occurrence, expected fields): one or more cases for every rule
RULE_CASES = [
    # voice and speaker: quotation marks and attributions
    ("“We will never leave,” the minister said.", "leave", 0,
     dict(voice="quoted", speaker=None, negated=True)),
    ('"Iran is a threat to the region," said Tillerson.', "threat", 0,
     dict(voice="quoted", speaker="Tillerson", target="Iran")),
    ('"It is the right fight on the wrong territory," said University of Alabama law professor '
     'Heather Elliott, a former clerk.', "territory", 0,
     dict(voice="quoted", speaker="Heather Elliott")),
    ("Scott Jennings, a former adviser, said McConnell was offering a “dispassionate” view.",
     "dispassionate", 0, dict(voice="quoted", speaker="Scott Jennings")),
    ("Tillerson said: “Iran is a threat to the region.”", "threat", 0,
     dict(voice="quoted", speaker="Tillerson")),
    ("“Our troops are invited. Their presence is legal. The Americans are occupiers,” Pompeo "
     "said on Monday.", "occupiers", 0, dict(voice="quoted", speaker="Pompeo")),
    ("“They are occupiers,” Lavrov said. “The occupation must end.”", "occupation", 0,
     dict(voice="quoted", speaker="Lavrov")),
    ("“The Americans are occupiers.”\n“They must go home,” Lavrov told reporters.", "occupiers", 0,
     dict(voice="quoted", speaker=None)),
    ("Lavrov said the presence was “illegal”.", "illegal", 0, dict(voice="quoted", speaker="Lavrov")),
    ("Lavrov said the presence was illegal.", "illegal", 0, dict(voice="quoted", speaker="Lavrov")),
    ("The presence is illegal, Lavrov said.", "illegal", 0, dict(voice="quoted", speaker="Lavrov")),
    ("The occupation continues, the ministry said.", "occupation", 0,
     dict(voice="quoted", speaker=None)),
    ("According to Reuters, the strike was illegal.", "illegal", 0,
     dict(voice="quoted", speaker="Reuters")),
    ("The strike was illegal, according to the Syrian foreign ministry.", "illegal", 0,
     dict(voice="quoted", speaker="Syrian foreign ministry")),
    ("“We are ready,” Lavrov said. He added that the occupation must end.", "occupation", 0,
     dict(voice="quoted", speaker="Lavrov")),
    ("Putin's envoy said Iran's forces would stay.", "forces", 0,
     dict(voice="quoted", speaker="Putin's envoy", target="Iran")),
    ("Iran is said to be destabilizing the region.", "destabilizing", 0,
     dict(voice="quoted", speaker=None, target="Iran")),
    ("Russia did not say whether the operation was legitimate.", "legitimate", 0,
     dict(voice="author")),                                # a negated speech verb attributes nothing
    ("After Washington announced the withdrawal, the militants attacked the base.", "attacked", 0,
     dict(voice="author")),
    ("Moscow said the strikes were defensive, a claim that observers dispute.", "defensive", 0,
     dict(voice="quoted", speaker="Moscow")),
    ("Moscow said the strikes were defensive, a claim that observers dispute.", "claim", 0,
     dict(voice="author")),
    ("The occupation was condemned, and the talks ended.", "occupation", 0, dict(voice="author")),
    # scare quotes and distancing
    ("The so-called “liberation” of the city killed hundreds.", "liberation", 0,
     dict(voice="distanced", hedged=True)),
    ("Washington has promised to contain what it calls Tehran’s “destabilizing” role.",
     "destabilizing", 0, dict(voice="distanced", speaker=None, hedged=True, target="Iran")),
    ("Large areas were retaken through “reconciliation agreements” last year.", "reconciliation", 0,
     dict(voice="distanced", speaker=None, hedged=False)),
    ("Iraq-Syria-Iran hold 'tripartite' meeting against U.S. in Syria", "tripartite", 0,
     dict(voice="distanced", target=None)),
    # apostrophes are not quotation marks
    ("Iran’s presence and the jihadists’ last stand are a threat, it's clear.", "threat",
     0, dict(voice="author")),
    ("Iraq's chief and the officials' aides met; the invasion was over.", "invasion", 0,
     dict(voice="author")),
    # negation: window, clause boundary, the term's own words
    ("The presence is not legitimate.", "legitimate", 0, dict(negated=True)),
    ("Iran never had a legitimate role.", "legitimate", 0, dict(negated=True)),
    ("The troops are not in Syria at the request of the government.", "at the request", 0,
     dict(negated=True)),
    ("Tehran doesn't consider the presence legitimate.", "legitimate", 0, dict(negated=True)),
    ("Damascus denied that the troops were invited.", "invited", 0, dict(negated=True)),
    ("The Iranians have no longer any legitimate claim.", "legitimate", 0, dict(negated=True)),
    ("The presence is not, in our view, legitimate.", "legitimate", 0, dict(negated=False)),
    ("Russia did not expect that the long operation in eastern Syria was legitimate.",
     "legitimate", 0, dict(negated=False)),                  # too far from "not"
    ("Officials said no troops left, but the occupation is legal.", "legal", 0,
     dict(negated=False)),                                   # "but" ends the clause
    ("There is no doubt the invasion was illegal.", "invasion", 0, dict(negated=False)),
    ("Not only is the presence illegal, it is dangerous.", "illegal", 0, dict(negated=False)),
    ("Those who have not been permitted must leave.", "not been permitted", 0,
     dict(negated=False)),                                   # the term's own "not"
    ("They imposed a no-fly zone over the north.", "zone", 0, dict(negated=False)),
    # hedges
    ("The alleged attack killed ten people.", "attack", 0, dict(hedged=True)),
    ("Iran reportedly sent more troops.", "troops", 0, dict(hedged=True, target="Iran")),
    ("Iran may be planning an attack.", "attack", 0, dict(hedged=True)),
    ("Fighters of the so-called caliphate fled.", "caliphate", 0, dict(hedged=True)),
    ("Iran is destabilizing Syria allegedly.", "destabilizing", 0, dict(hedged=True)),
    ("The May 22 attack was brutal.", "attack", 0, dict(hedged=False)),
    ("Officials could not confirm it, but the attack was brutal.", "brutal", 0, dict(hedged=False)),
    # target
    ("Iran’s presence in Syria is only destabilizing to the region.", "destabilizing", 0,
     dict(target="Iran")),
    ("The Iranian presence in Syria is destabilizing.", "destabilizing", 0, dict(target="Iran")),
    ("Experts think the US is currently trying to pressure Iran in Syria.", "pressure", 0,
     dict(target="United States")),
    ("The US occupation has lasted for years.", "occupation", 0, dict(target="United States")),
    ("They protested against the occupation of Syria.", "occupation", 0, dict(target="Syria")),
    ("Iran and Syria condemned the aggression.", "aggression", 0, dict(target=None)),
    ("The aggression was condemned.", "aggression", 0, dict(target=None)),
    ("Troops were deployed illegally in Syria.", "illegally", 0, dict(target=None)),
    ("Talks with Russia over aggression from Turkey stalled.", "aggression", 0, dict(target=None)),
    # the speaker of a reported clause is not its target, unless a pronoun stands for it
    ("Washington said Iran’s presence is destabilizing.", "destabilizing", 0, dict(target="Iran")),
    ("Moscow also said the occupation must end.", "occupation", 0, dict(target=None)),
    ("Iran said it would not leave Syria.", "leave", 0, dict(target="Iran", negated=True)),
    # weak speech verbs and -ing forms (decided before any speaker search, for speed)
    ("The member states that signed the treaty are occupiers.", "occupiers", 0,
     dict(voice="author", speaker=None)),
    ("Lavrov notes that the occupation is illegal.", "occupation", 0,
     dict(voice="quoted", speaker="Lavrov")),
    ("Moscow reported that the occupation is illegal.", "occupation", 0,
     dict(voice="quoted", speaker="Moscow")),
    ("“The occupation is illegal,” notes analyst Hadi Mohamadi.", "occupation", 0,
     dict(voice="quoted", speaker="Hadi Mohamadi")),
    ("Lavrov said the deal was bad, adding that the occupation is illegal.", "occupation", 0,
     dict(voice="quoted", speaker="Lavrov")),
    ("He was telling the truth about the occupation.", "occupation", 0, dict(voice="author")),
    # a spaced hyphen is a dash: a clause boundary for negation and hedges
    ("The presence is not - in our view - legitimate.", "legitimate", 0, dict(negated=False)),
    ("The presence is not -- legitimate.", "legitimate", 0, dict(negated=False)),
    ("The presence is not legitimate - nor legal.", "legitimate", 0, dict(negated=True)),
    ("The occupation, reportedly, continues.", "occupation", 0, dict(hedged=False)),
    ("The occupation reportedly continues.", "occupation", 0, dict(hedged=True)),
    # an actor hit is not its own target; another actor in its clause may be
    ("Iran attacked the base.", "Iran", 0, dict(target=None)),
    ("Iran attacked Syria.", "Syria", 0, dict(target="Iran")),
]


@pytest.mark.parametrize("text,term,nth,expected", RULE_CASES,
                         ids=[f"{c[1]}: {c[0][:40]}" for c in RULE_CASES])
def test_rules_on_varied_sentences(text, term, nth, expected):
    check(context_of(text, term, nth), expected, repr(text))


def test_one_context_per_hit_in_order_duplicates_included():
    text = "Iran’s presence is not legitimate, Lavrov said. The “occupation” goes on."
    spans = [(text.index("legitimate"), text.index("legitimate") + 10),
             (text.index("occupation"), text.index("occupation") + 10),
             (text.index("legitimate"), text.index("legitimate") + 10)]
    got = body_context(text, split_sentences(text), spans, mentions(text))
    assert [c.voice for c in got] == ["quoted", "distanced", "quoted"]
    assert got[0] == got[2] and got[0].negated and got[0].speaker == "Lavrov"
    assert body_context(text, split_sentences(text), [], mentions(text)) == []


def test_hit_spans_may_be_a_numpy_array():
    import numpy as np
    text = "Iran’s presence is not legitimate, Lavrov said. The “occupation” goes on."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("legitimate", "occupation")]
    expected = body_context(text, split_sentences(text), spans, mentions(text))
    assert body_context(text, split_sentences(text), np.array(spans), mentions(text)) == expected


def test_a_body_without_cues_quotes_or_mentions_is_all_author():
    text = "The storm reached the coast.\nThe flood followed on Monday."
    spans = [(m.start(), m.end()) for m in re.finditer("storm|coast|flood", text)]
    got = body_context(text, split_sentences(text), spans, [])
    assert got == [Context("author", None, False, False, None)] * 3


def test_context_is_immutable_with_the_agreed_fields():
    ctx = context_of("The presence is not legitimate.", "legitimate")
    assert list(ctx.__dataclass_fields__) == ["voice", "speaker", "negated", "hedged", "target"]
    with pytest.raises(FrozenInstanceError):
        ctx.voice = "quoted"


def test_without_sentence_spans_the_body_is_one_sentence():
    text = "Lavrov said the presence was illegal."
    start = text.index("illegal")
    [ctx] = body_context(text, [], [(start, start + 7)], [])
    assert (ctx.voice, ctx.speaker) == ("quoted", "Lavrov")


def test_unbalanced_quote_ends_with_its_paragraph():
    text = ("He called it “an occupation and left the room.\n"
            + "The occupation continues in the north.\n" * 30)
    hits = [(m.start(), m.end()) for m in re.finditer("occupation", text)]
    got = body_context(text, split_sentences(text), hits, [])
    assert got[0].voice == "quoted"             # inside the unclosed quote
    assert {c.voice for c in got[1:]} == {"author"}, "an unclosed quote swallowed later paragraphs"


def test_unbalanced_quote_in_a_one_line_body_stops_two_sentences_on():
    text = "He called it “an occupation of the land. One. Two. Three. The occupation goes on."
    assert context_of(text, "occupation", 0).voice == "quoted"
    assert context_of(text, "occupation", 1).voice == "author"


def test_multi_paragraph_quote_keeps_its_speaker():
    text = ("“The Americans must leave,” Lavrov said. “Their presence is an occupation.\n"
            "“It is an aggression against a sovereign state.”\nThe talks ended.")
    assert (context_of(text, "occupation").voice, context_of(text, "occupation").speaker) == \
        ("quoted", "Lavrov")
    assert context_of(text, "aggression").speaker == "Lavrov"
    assert context_of(text, "talks").voice == "author"


def test_many_paragraphs_with_stray_quotes_stay_fast():
    paragraph = "Iran said the “occupation must end. The US presence is illegal, it's said.\n" \
        "The presence of Russia is legal.\n"
    text = paragraph * 3000                        # 324 KB, 3,000 unclosed quotes
    hits = [(m.start(), m.end()) for m in re.finditer("occupation|illegal|presence", text)]
    spans, found = split_sentences(text), mentions(text)
    started = time.process_time()
    got = body_context(text, spans, hits, found)
    elapsed = time.process_time() - started
    assert len(got) == len(hits) and elapsed < 10, f"{len(hits)} hits took {elapsed:.1f}s"
    voices = {(text[s:e], c.voice, c.speaker) for (s, e), c in zip(hits, got)}
    assert voices == {("occupation", "quoted", "Iran"), ("presence", "quoted", "Iran"),
                      ("illegal", "quoted", "Iran"), ("presence", "author", None)}


def test_he_resolves_to_an_official_listed_as_alias_but_not_to_a_country_or_a_people():
    def with_officials(text):
        found = mentions(text)
        return found + [(m.start(), m.end(), "Iran") for m in re.finditer("Baqeri", text)]

    def speaker_of(text, term):
        start = text.index(term)
        [ctx] = body_context(text, split_sentences(text), [(start, start + len(term))],
                             sorted(with_officials(text)))
        return ctx.speaker

    official = "Baqeri stressed that foreign forces must leave. He said the occupation must end."
    country = "Iran said that foreign forces must leave. He said the occupation must end."
    people = "The Iranians stressed that forces must leave. He said the occupation must end."
    assert speaker_of(official, "occupation") == "Baqeri"
    assert speaker_of(country, "occupation") is None
    assert speaker_of(people, "occupation") is None
