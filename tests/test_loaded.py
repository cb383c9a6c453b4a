"""Roles and loaded language on real sentences: the demo corpus's articles and sentences written
like news copy. What a reader of the figures must be able to trust: "said" is attribution, a
loaded word inside a quotation belongs to the quoted speaker, a negated evaluative word is
flagged, and the framing scores count framing."""
import io
import math
from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from hand_tables import hand_analysis

from framing.cli import main
from framing.corpus.records import Article, Corpus, LoadReport
from framing.errors import SettingsError
from framing.lexicon import ROLES, bundled_lexicons, lexicon_terms
from framing.measure import score
from framing.measure.loaded import LOADED_LEXICON, loaded_word_sentences, top_loaded_words
from framing.measure.pipeline import analyze
from framing.settings import BootstrapSettings, ScoreSettings
from framing.text.hits import HIT_FIELDS, article_hits
from framing.text.match import Matcher


@lru_cache(maxsize=4)
def matcher(lexicons: tuple[str, ...]) -> Matcher:
    return Matcher(bundled_lexicons(lexicons))


def hits_in(text: str, lexicons=("loaded", "epistemic", "conflict")) -> list[dict]:
    """Every hit of ``text`` as a dict of the hit fields."""
    return [dict(zip(HIT_FIELDS, row)) for row in article_hits(text, matcher(tuple(lexicons))).rows]


def only(hits: list[dict], matched: str, lexicon: str | None = None) -> dict:
    found = [h for h in hits if h["matched"] == matched and lexicon in (None, h["lexicon"])]
    assert len(found) == 1, f"{matched!r}: {found}"
    return found[0]


def demo_hits(demo_analysis, outlet: str, matched: str) -> pd.DataFrame:
    hits = demo_analysis.hits
    return hits[(hits["outlet"] == outlet) & (hits["matched"].astype(str) == matched)]


# --------------------------------------------------------------------------- roles


def test_every_bundled_category_declares_a_role():
    table = lexicon_terms(bundled_lexicons())
    assert set(table["role"]) <= set(ROLES) and table["role"].notna().all()
    assert set(table.loc[table["kind"] == "actor", "role"]) == {"topic"}
    assert set(table.loc[table["lexicon"] == "policy_frames", "role"]) == {"topic"}
    assert set(table.loc[table["lexicon"] == LOADED_LEXICON, "role"]) == {"framing"}


@pytest.mark.parametrize("term", ["said", "says", "told", "according to", "stated", "noted", "stressed", "warned"])
def test_neutral_reporting_verbs_are_attribution_never_framing(term):
    table = lexicon_terms(bundled_lexicons())
    roles = set(table.loc[table["term"] == term, "role"])
    assert roles == {"attribution"}, f"{term!r} has roles {roles}"


@pytest.mark.parametrize("term", ["claimed", "admitted", "insisted", "conceded", "boasted", "slammed"])
def test_loaded_reporting_verbs_are_framing(term):
    text = f"The minister {term} that the plan had worked."
    roles = {h["role"] for h in hits_in(text) if h["matched"] == term}
    assert roles == {"framing"}, f"{term!r}: {roles}"


def test_said_in_the_seed_articles_is_attribution_and_the_framing_scores_leave_it_out(demo_analysis):
    said = demo_hits(demo_analysis, "Al-Monitor", "said")
    assert len(said) and set(said["role"]) == {"attribution"} and set(said["frame"]) == {"report_verbs"}
    rates = score.frame_rates(demo_analysis, ScoreSettings(bootstrap=BootstrapSettings(n_boot=50)))
    assert set(rates["role"]) == {"framing"} and "report_verbs" not in set(rates["frame"])
    attribution = score.frame_rates(demo_analysis, ScoreSettings(roles=("attribution",), bootstrap=BootstrapSettings(n_boot=50)))
    assert "report_verbs" in set(attribution["frame"]) and set(attribution["role"]) == {"attribution"}


def test_topic_words_of_news_are_not_framing():
    hits = hits_in("Police said protesters gathered outside the Senate on Tuesday to oppose the tax bill.",
                   lexicons=("loaded", "epistemic", "conflict", "policy_frames"))
    assert {h["role"] for h in hits if h["matched"] in ("said", "Police", "Senate", "tax")} <= {"attribution", "topic"}
    assert not [h for h in hits if h["role"] == "framing"], hits


def test_a_frame_named_outside_the_roles_counted_is_an_error_that_says_what_to_do(demo_analysis):
    with pytest.raises(SettingsError, match="'economic' has role topic.*add --role topic"):
        score.frame_rates(demo_analysis, ScoreSettings(frames=("economic",)))
    economic = score.frame_rates(demo_analysis, ScoreSettings(frames=("economic",), roles="all",
                                                              bootstrap=BootstrapSettings(n_boot=20)))
    assert set(economic["frame"]) == {"economic"}


# --------------------------------------------------------------------------- voice, negation, scare quotes


def test_a_loaded_word_in_a_quotation_counts_for_the_speaker_not_the_outlet():
    text = '"This plan is a disgraceful betrayal of our people," the minister said on Monday.'
    hits = hits_in(text)
    assert only(hits, "disgraceful")["voice"] == "quoted" and only(hits, "betrayal")["voice"] == "quoted"
    sentences = loaded_sentences([text])
    assert sentences.loc[0, "loaded"] > 2 and sentences.loc[0, "loaded_author"] == 0


def test_the_outlets_own_loaded_words_count_in_loaded_author():
    text = "The radical mob of leftist thugs stormed the building."
    sentences = loaded_sentences([text])
    assert sentences.loc[0, "loaded_author"] == pytest.approx(sentences.loc[0, "loaded"]) and sentences.loc[0, "loaded"] > 3
    assert {h["voice"] for h in hits_in(text) if h["lexicon"] == LOADED_LEXICON} == {"author"}


def test_a_negated_evaluative_word_is_flagged_and_still_counts():
    text = "The decision was not disastrous for the region."
    disastrous = only(hits_in(text), "disastrous")
    assert disastrous["negated"] is True and disastrous["role"] == "framing"
    assert loaded_sentences([text]).loc[0, "loaded"] == pytest.approx(disastrous["weight"])


def test_the_crystal_eyes_destabilizing_stays_in_scare_quotes(demo_analysis):
    (hit,) = demo_hits(demo_analysis, "The Crystal Eyes", "destabilizing").itertuples()
    assert (hit.voice, hit.role, hit.frame) == ("distanced", "framing", "threat")


def test_the_intellectual_observers_occupied_territory_is_framing_in_its_own_voice(demo_analysis):
    (hit,) = demo_hits(demo_analysis, "Intellectual Observer", "occupied territory").itertuples()
    assert (hit.voice, hit.role, hit.frame, hit.pole) == ("author", "framing", "legitimacy", "illegitimate")


# --------------------------------------------------------------------------- the sentence scores


def loaded_sentences(texts: list[str], lexicons=None) -> pd.DataFrame:
    """The sentences table of one article per text."""
    articles = tuple(Article(id=f"a{i}", outlet="O", title="", date=None, date_precision="unknown", url=None,
                             raw_text=t, body=t) for i, t in enumerate(texts))
    analysis = analyze(Corpus(articles, LoadReport(seen=len(texts), loaded=len(texts))),
                       bundled_lexicons(lexicons or ("loaded", "epistemic")))
    return analysis.sentences


def test_sentence_scores_sum_the_loaded_hits_weights_by_voice(demo_analysis):
    sentences, hits = demo_analysis.sentences, demo_analysis.hits
    loaded = hits[hits["lexicon"] == LOADED_LEXICON]
    keys = ["article_id", "sentence_id"]
    expected = loaded.groupby(keys, observed=True)["weight"].sum()
    author = loaded[loaded["voice"] == "author"].groupby(keys, observed=True)["weight"].sum()
    table = sentences.set_index(keys)
    assert (table["loaded"] >= 0).all() and (table["loaded_author"] >= 0).all()
    assert (table["loaded_author"] <= table["loaded"] + 1e-12).all()
    assert np.allclose(table["loaded"].to_numpy(), expected.reindex(table.index, fill_value=0).to_numpy())
    assert np.allclose(table["loaded_author"].to_numpy(), author.reindex(table.index, fill_value=0).to_numpy())
    assert table["loaded"].sum() > 0


def test_without_the_loaded_lexicon_the_scores_are_missing_not_zero():
    sentences = loaded_sentences(["A disgraceful betrayal."], lexicons=("epistemic",))
    assert sentences["loaded"].isna().all() and sentences["loaded_author"].isna().all()


def test_cli_sentences_prints_the_sentences_table(capsys, demo_corpus_path):
    assert main(["sentences", str(demo_corpus_path), "--format", "csv", "--sort", "loaded"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns) == ["article_id", "sentence_id", "start", "end", "text", "loaded", "loaded_author",
                                   "compound"]
    assert table["loaded"].is_monotonic_decreasing and table["loaded"].iloc[0] > 0
    assert main(["sentences", str(demo_corpus_path), "--lexicon", "conflict"]) == 0
    assert "no lexicon named 'loaded' was analysed" in capsys.readouterr().err


def test_cli_hits_of_the_loaded_lexicon_carry_role_and_context(capsys, demo_corpus_path):
    assert main(["hits", str(demo_corpus_path), "--lexicon", "loaded", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert set(table["lexicon"]) == {"loaded"} and set(table["role"]) == {"framing"}
    assert {"voice", "speaker", "negated", "hedged", "target"} <= set(table.columns)


# --------------------------------------------------------------------------- rates and top words


ARTICLES = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"], "n_words": [100, 300, 200],
                         "title": ["t1", "t2", "t3"], "body": ["x", "y", "z"]})


def loaded_hit(article, term, weight, voice="author", negated=False, lexicon=LOADED_LEXICON):
    return dict(article_id=article, outlet=article[0].upper(), sentence_id=0, start=0, end=1, matched=term, term=term,
                lexicon=lexicon, kind="frame", role="framing", frame="loaded_label", pole="loaded_label",
                weight=weight, voice=voice, speaker=None, negated=negated, hedged=False, target=None)


HITS = pd.DataFrame([loaded_hit("a1", "thugs", 2.0), loaded_hit("a1", "mob", 1.0, voice="quoted"),
                     loaded_hit("a2", "thugs", 2.0, negated=True), loaded_hit("b1", "regime", 0.5),
                     loaded_hit("b1", "occupation", 1.0, lexicon="conflict")])


def test_loaded_rates_are_weights_per_thousand_words_by_voice():
    lexicons = bundled_lexicons(LOADED_LEXICON)
    analysis = hand_analysis(ARTICLES, HITS, lexicons=lexicons)
    rates = score.loaded_rates(analysis, ScoreSettings(voice="each", bootstrap=BootstrapSettings(n_boot=200)))
    a_all = rates[(rates["outlet"] == "A") & (rates["voice"] == "all")].iloc[0]
    assert (a_all["hits"], a_all["loaded"], a_all["negated_hits"], a_all["words"]) == (3, 5.0, 1, 400)
    assert a_all["rate"] == pytest.approx(1000 * 5.0 / 400)
    a_author = rates[(rates["outlet"] == "A") & (rates["voice"] == "author")].iloc[0]
    assert a_author["loaded"] == 4.0 and a_author["rate"] == pytest.approx(10.0)
    b_all = rates[(rates["outlet"] == "B") & (rates["voice"] == "all")].iloc[0]
    assert b_all["loaded"] == 0.5, "the conflict lexicon's hit is not loaded language"
    assert a_all["ci_low"] <= a_all["rate"] <= a_all["ci_high"] and a_all["n_articles"] == 2 and a_all["low_support"]
    assert math.isnan(b_all["ci_low"]), "one article gives no interval"


def test_loaded_figures_need_the_loaded_lexicon():
    with pytest.raises(SettingsError, match="no lexicon named 'loaded' was analysed"):
        score.loaded_rates(hand_analysis(ARTICLES, HITS, lexicons=bundled_lexicons("conflict")))


def test_top_loaded_words_and_the_sentences_behind_them(demo_analysis):
    words = top_loaded_words(demo_analysis, top=3)
    assert (words.groupby("group")["rank"].max() <= 3).all()
    for _, group in words.groupby("group"):
        assert group["loaded"].is_monotonic_decreasing
    first = words.iloc[0]
    lines = loaded_word_sentences(demo_analysis, group=first["group"], term=first["term"])
    assert len(lines) == first["hits"]
    for line in lines.itertuples():
        assert line.matched.lower() in line.text.lower() and line.loaded > 0
    quoted = top_loaded_words(demo_analysis, voice="quoted")
    assert set(quoted["group"]) <= set(demo_analysis.articles["outlet"])


def test_loaded_rates_plot_draws_a_dot_per_voice_most_loaded_first(demo_analysis):
    from framing.present.loaded_plot import loaded_rates_plot

    rates = score.loaded_rates(demo_analysis, ScoreSettings(voice="each", bootstrap=BootstrapSettings(n_boot=50)))
    fig = loaded_rates_plot(rates).to_dict()
    names = [t["name"] for t in fig["data"]]
    assert names == ["all voices", "the outlet's own words", "quoted sources"]
    first = fig["data"][0]
    assert list(first["x"]) == sorted(first["x"], reverse=True)
    assert first["customdata"][0][0] == first["y"][0] == "Al-Monitor"
    assert "open circles" in fig["layout"]["annotations"][0]["text"], "one article per outlet: low support"
    assert "No scores" in loaded_rates_plot(rates.iloc[0:0]).to_dict()["layout"]["annotations"][0]["text"]


def test_loaded_words_summary_lists_each_outlets_words_by_rate(demo_analysis):
    from dashboard.filters import loaded_words_summary

    rates = score.loaded_rates(demo_analysis, ScoreSettings(bootstrap=BootstrapSettings(n_boot=20)))
    summary = loaded_words_summary(top_loaded_words(demo_analysis), rates, per_group=2)
    assert summary["outlet"].iloc[0] == "Al-Monitor" and summary["per 1,000 words"].is_monotonic_decreasing
    assert summary.set_index("outlet").loc["Al-Monitor", "loaded words"] == "jihadists (2), harshly (1)"
