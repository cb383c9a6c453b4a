"""Scores checked against values computed by hand on small hand-built tables, then on the seed
corpus (once ``framing.measure.analysis`` exists)."""
import numpy as np
import pandas as pd
import pytest
from hand_tables import hand_analysis

from framing.errors import SettingsError
from framing.lexicon import Actor, Frame, Lexicon, NamingSet, Pole, Term
from framing.measure import score
from framing.measure.bootstrap import bootstrap_ratio, expanded_tail, resample_weights
from framing.settings import BootstrapSettings, ScoreSettings

LEX = Lexicon(
    "test", "1", "hand-built lexicon for the score tests", (),
    frames=(
        Frame("legitimacy", "", (Pole("legitimate", (Term("legitimate"),)), Pole("illegitimate", (Term("illegal"),)))),
        Frame("terrorism", "", (Pole("terrorism", (Term("terrorist"),)),)),
    ),
    naming_sets=(NamingSet("islamic_state", "", (Pole("Islamic State", (Term("Islamic State"),)),
                                                  Pole("Daesh", (Term("Daesh"),)))),),
    actors=(Actor("United States", (Term("US"),)), Actor("Iran", (Term("Iran"),))),
)

ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3", "b1", "c1"],
    "outlet": ["A", "A", "A", "B", "C"],
    "n_words": [100, 200, 100, 400, 50],
    "event_id": ["e1", "e2", "e1", "e1", None],
})


def hit(article, kind="frame", frame="legitimacy", pole="illegitimate", *, voice="author", negated=False,
        hedged=False, target=None, sentence=0, weight=1.0):
    return dict(article_id=article, outlet=ARTICLES.set_index("article_id").loc[article, "outlet"],
                sentence_id=sentence, start=0, end=1, matched=pole, term=pole, lexicon="test", kind=kind,
                role="topic" if kind == "actor" else "framing", frame=frame, pole=pole, weight=weight, voice=voice,
                speaker=None, negated=negated,
                hedged=hedged, target=target)


HITS = pd.DataFrame([
    hit("a1"), hit("a1", voice="quoted", target="United States"), hit("a1", voice="distanced", hedged=True),
    hit("a2", pole="legitimate", negated=True), hit("a3", pole="legitimate", target="Iran"),
    hit("b1", pole="legitimate", weight=2.0), hit("b1", frame="terrorism", pole="terrorism", voice="quoted"),
    hit("a1", "naming", "islamic_state", "Daesh"), hit("a2", "naming", "islamic_state", "Islamic State"),
    hit("a3", "naming", "islamic_state", "Daesh"), hit("b1", "naming", "islamic_state", "Islamic State"),
])


def settings(*, n_boot=1000, seed=0, level=0.95, min_articles=5, frames=None, naming_sets=None, **rest):
    """The ``ScoreSettings`` of the keyword options the scores once took one by one."""
    boot = BootstrapSettings(n_boot=n_boot, seed=seed, level=level, min_articles=min_articles)
    return ScoreSettings(frames=frames or naming_sets, bootstrap=boot, **rest)


def scored(function, hits, articles, *, sentences=None, lexicons=(LEX,), **options):
    """``function`` (a score) of hand-made tables, with ``options`` as settings."""
    return function(hand_analysis(articles, hits, sentences, lexicons), settings(**options))


def rates(**options):
    return scored(score.frame_rates, HITS, ARTICLES, **options)


def row(table, **where):
    mask = np.ones(len(table), bool)
    for col, value in where.items():
        mask &= (table[col] == value).to_numpy()
    assert mask.sum() == 1, f"expected one row for {where}, found {mask.sum()}"
    return table[mask].iloc[0]


# --- rates --------------------------------------------------------------------------------

def test_rate_is_weighted_hits_per_thousand_words_of_the_group():
    table = rates()
    # outlet A: 3 illegitimacy hits (author, quoted, distanced) in 100 + 200 + 100 words
    a = row(table, outlet="A", frame="legitimacy", pole="illegitimate")
    assert a["hits"] == 3 and a["words"] == 400 and a["rate"] == pytest.approx(7.5)
    # outlet B: one hit of weight 2 in 400 words
    assert row(table, outlet="B", pole="legitimate")["rate"] == pytest.approx(5.0)
    assert a["n_articles"] == 3 and row(table, outlet="B", pole="legitimate")["n_articles"] == 1


def test_every_group_has_every_pole_with_zero_where_nothing_was_found():
    table = rates()
    assert len(table) == 3 * 3  # outlets A, B, C x poles legitimate, illegitimate, terrorism
    c = table[table["outlet"] == "C"]
    assert set(c["pole"]) == {"legitimate", "illegitimate", "terrorism"}
    assert (c["rate"] == 0).all() and (c["hits"] == 0).all() and (c["words"] == 50).all()


def test_voice_counts_only_that_voice_but_over_all_the_words():
    table = rates(voice="each")
    per_voice = {v: row(table, outlet="A", pole="illegitimate", voice=v)["hits"]
                 for v in ("all", "author", "quoted", "distanced")}
    assert per_voice == {"all": 3, "author": 1, "quoted": 1, "distanced": 1}
    assert row(table, outlet="A", pole="illegitimate", voice="author")["rate"] == pytest.approx(2.5)
    assert row(table, outlet="B", pole="terrorism", voice="author")["hits"] == 0
    assert row(table, outlet="B", pole="terrorism", voice="quoted")["hits"] == 1


def test_negated_hits_are_left_out_by_default_and_reported_apart():
    default = row(rates(), outlet="A", pole="legitimate")
    assert default["hits"] == 1 and default["negated_hits"] == 1  # a3 counts, a2 ("not legitimate") not
    assert row(rates(negated="include"), outlet="A", pole="legitimate")["hits"] == 2
    assert row(rates(negated="only"), outlet="A", pole="legitimate")["hits"] == 1


def test_hedged_hits_count_and_are_reported():
    a = row(rates(voice="distanced"), outlet="A", pole="illegitimate")
    assert a["hits"] == 1 and a["hedged_hits"] == 1


def test_groups_by_event_by_article_and_by_several_columns():
    by_event = rates(by="event")
    assert set(by_event["event_id"]) == {"e1", "e2"}  # c1 has no event: in no event group
    e1 = row(by_event, event_id="e1", pole="legitimate")
    assert e1["words"] == 600 and e1["hits"] == 3 and e1["rate"] == pytest.approx(5.0)
    by_article = rates(by="article")
    assert len(by_article) == 5 * 3 and {"outlet", "article_id"} <= set(by_article.columns)
    assert row(by_article, article_id="a1", pole="illegitimate")["rate"] == pytest.approx(30.0)
    both = rates(by=["event_id", "outlet"])
    assert row(both, event_id="e1", outlet="A", pole="illegitimate")["group"] == "e1 / A"
    assert row(both, event_id="e1", outlet="A", pole="illegitimate")["words"] == 200


def test_low_support_and_no_interval_from_a_single_article():
    table = rates(min_articles=3)
    a, b = row(table, outlet="A", pole="illegitimate"), row(table, outlet="B", pole="legitimate")
    assert not a["low_support"] and b["low_support"]
    assert np.isnan(b["ci_low"]) and np.isnan(b["ci_high"])
    assert a["ci_low"] <= a["rate"] <= a["ci_high"]
    # by default a figure needs 5 articles: A's 3 are too few for a trustworthy interval
    assert rates()["low_support"].all()


def test_split_by_target_actor():
    table = scored(score.target_rates, HITS, ARTICLES, lexicons=[LEX], voice="each")
    us = row(table, outlet="A", pole="illegitimate", target="United States", voice="quoted")
    assert us["hits"] == 1
    unclear = table[(table["outlet"] == "A") & (table["pole"] == "illegitimate") & table["target"].isna()
                    & (table["voice"] == "all")]
    assert unclear["hits"].tolist() == [2]
    assert row(table, outlet="A", pole="legitimate", target="Iran", voice="all")["hits"] == 1


def test_frames_filter_and_other_kinds():
    table = rates(frames="terrorism")
    assert set(table["frame"]) == {"terrorism"}
    naming = rates(kind="naming")
    assert row(naming, outlet="A", pole="Daesh")["rate"] == pytest.approx(5.0)


# --- the bootstrap ---------------------------------------------------------------------------

def test_bootstrap_interval_is_read_at_the_expanded_percentiles_of_the_exact_distribution():
    # three articles of 100 words with 0, 1 and 2 hits. A resample's rate is 10/3 x the sum s of
    # three draws from {0, 1, 2}; of the 27 equally likely resamples s = 0, 1, ..., 6 in 1, 3,
    # 6, 7, 6, 3, 1: P(s <= 0) = 1/27 = 0.037, P(s <= 1) = 4/27 = 0.148, P(s <= 5) = 26/27.
    num, den = np.array([0.0, 1.0, 2.0]), np.full(3, 100.0)
    # level 0.8, n = 3: t(0.9, 2 df) = sqrt(32/9) (t^2 = 0.64 (2 + t^2)); times sqrt(3/2) gives
    # sqrt(16/3) = 2.3094, tail Phi(-2.3094) = 0.0105 < 1/27: the interval spans s = 0 to 6.
    point, low, high = bootstrap_ratio(num, den, n_boot=20000, seed=1, level=0.8)
    assert point[0] * 1000 == pytest.approx(10.0)
    assert (low[0] * 1000, high[0] * 1000) == pytest.approx((0.0, 20.0))
    # the plain percentile interval (tail 0.1) would stop at s = 1 and s = 5: (3.33, 16.67),
    # too narrow for three articles


def test_expanded_tail_by_hand():
    # n = 3, level 0.5: t(0.75, 2 df) = sqrt(2/3) (t / sqrt(2 + t^2) = 1/2); times sqrt(3/2) = 1
    assert expanded_tail(0.5, 3) == pytest.approx(0.158655, abs=1e-6)  # Phi(-1)
    # n = 2, level 0.4: t with 1 df is Cauchy, t(0.7) = tan(0.2 pi) = 0.72654; times sqrt(2):
    # Phi(-1.02749) = 0.15209
    assert expanded_tail(0.4, 2) == pytest.approx(0.15209, abs=1e-5)
    # n = 5, level 0.95: t(0.975, 4 df) = 2.7764 (tables); times sqrt(5/4): Phi(-3.1041) = 0.00095
    assert expanded_tail(0.95, 5) == pytest.approx(0.000954, abs=2e-6)
    # many articles: the plain percentile tail (1 - level) / 2
    assert expanded_tail(0.95, 100_000) == pytest.approx(0.025, abs=1e-4)
    assert np.isnan(expanded_tail(0.95, 1))


def test_an_interval_rests_on_the_articles_with_a_denominator():
    # ten articles, only one with hits on the axis: the balance rests on one article, no interval
    num, den = np.zeros((10, 1)), np.zeros((10, 1))
    num[3], den[3] = 1.0, 3.0
    point, low, high = bootstrap_ratio(num, den, n_boot=200)
    assert point[0] == pytest.approx(1 / 3) and np.isnan(low[0]) and np.isnan(high[0])
    # two such articles: an interval, between their two values
    num[7], den[7] = -1.0, 1.0
    point, low, high = bootstrap_ratio(num, den, n_boot=2000)
    assert point[0] == pytest.approx(0.0) and (low[0], high[0]) == pytest.approx((-1.0, 1 / 3))


def test_bootstrap_weights_resample_n_articles_with_replacement():
    w = resample_weights(7, n_boot=500, seed=3)
    assert w.shape == (500, 7) and (w.sum(axis=1) == 7).all()
    assert w.mean() == pytest.approx(1.0, abs=0.05)  # every article equally likely


def test_bootstrap_is_deterministic_and_depends_on_seed_and_group_only():
    first, second = rates(seed=7), rates(seed=7)
    pd.testing.assert_frame_equal(first, second)
    a = lambda t: row(t, outlet="A", pole="illegitimate", voice="all")[["ci_low", "ci_high"]].tolist()
    hits, words = np.arange(20.0) % 3, np.full(20, 100.0)
    by_seed = [bootstrap_ratio(hits, words, n_boot=200, seed=s)[1:] for s in (7, 7, 8)]
    assert by_seed[0] == by_seed[1] and by_seed[0] != by_seed[2]
    # adding a group or filtering frames does not move another group's interval
    more = pd.concat([ARTICLES, pd.DataFrame({"article_id": ["z1", "z2"], "outlet": ["Z", "Z"],
                                              "n_words": [10, 10], "event_id": [None, None]})])
    assert a(scored(score.frame_rates, HITS, more, lexicons=[LEX], seed=7)) == a(first)
    assert a(rates(seed=7, frames=["legitimacy"])) == a(first)


def test_groups_bootstrapped_in_threads_give_what_one_thread_gives(seed, monkeypatch):
    import framing.measure.bootstrap as bootstrap

    articles = seed.articles.assign(pair=["first", "first", "second", "second", "second"])

    def tables():  # two groups of articles, each resampled
        return [scored(score.frame_rates, seed.hits, articles, lexicons=seed.lexicons, voice="each", by="pair"),
                scored(score.axis_balance, seed.hits, articles, lexicons=seed.lexicons, voice="each", by="pair"),
                scored(score.target_rates, seed.hits, articles, lexicons=seed.lexicons, by="pair")]

    monkeypatch.setattr(bootstrap, "available_cpus", lambda: 4)
    threaded = tables()
    monkeypatch.setattr(bootstrap, "available_cpus", lambda: 1)
    for mine, theirs in zip(tables(), threaded):
        assert mine["ci_low"].notna().any()
        pd.testing.assert_frame_equal(mine, theirs, check_exact=True)


@pytest.mark.parametrize("n_articles", [5, 40])
def test_interval_covers_the_true_rate_about_as_often_as_promised(n_articles):
    # overdispersed hit counts (Poisson with gamma(2, 0.5) article effects); with 5 articles the
    # plain percentile interval covers 83% of the time (framing/bootstrap.py), the expanded one ~91%
    rng = np.random.default_rng(2024)
    true_rate, covered, trials = 0.004, 0, 400
    for trial in range(trials):
        words = rng.integers(200, 1500, size=n_articles).astype(float)
        hits = rng.poisson(true_rate * words * rng.gamma(2.0, 0.5, size=n_articles))
        _, low, high = bootstrap_ratio(hits, words, n_boot=500, seed=trial, level=0.95)
        covered += low[0] <= true_rate <= high[0]
    assert 0.88 <= covered / trials <= 0.98, f"95% intervals covered the truth {covered}/{trials} times"


def test_bootstrap_settings_are_checked():
    with pytest.raises(SettingsError, match="n_boot"):
        rates(n_boot=0)
    with pytest.raises(SettingsError, match="level"):
        rates(level=95)


# --- axis balance ---------------------------------------------------------------------------

def test_axis_balance_by_hand():
    table = scored(score.axis_balance, HITS, ARTICLES, lexicons=[LEX], voice="each")
    a = row(table, outlet="A", frame="legitimacy", voice="all")
    # A: legitimate 1 (a3; a2 is negated), illegitimate 3 -> (1 - 3) / 4
    assert (a["pole_a"], a["pole_b"]) == ("legitimate", "illegitimate")
    assert (a["hits_a"], a["hits_b"], a["balance"]) == (1, 3, pytest.approx(-0.5))
    assert a["n_articles"] == 2  # a1 and a3 have hits on the axis
    assert row(table, outlet="A", frame="legitimacy", voice="author")["balance"] == pytest.approx(0.0)
    assert row(table, outlet="B", frame="legitimacy", voice="all")["balance"] == 1.0
    c = row(table, outlet="C", frame="legitimacy", voice="all")
    assert np.isnan(c["balance"]) and c["n_articles"] == 0 and c["low_support"]
    assert set(table["frame"]) == {"legitimacy"}  # one-pole frames have no balance


def test_axis_balance_interval_lies_in_range_and_includes_the_point():
    more_hits = pd.concat([HITS, pd.DataFrame([hit("a2", pole="legitimate"), hit("a2", pole="legitimate")])])
    table = scored(score.axis_balance, more_hits, ARTICLES, lexicons=[LEX], n_boot=2000)
    a = row(table, outlet="A", frame="legitimacy")
    assert a["balance"] == pytest.approx((3 - 3) / 6)
    assert -1 <= a["ci_low"] <= a["balance"] <= a["ci_high"] <= 1 and a["ci_low"] < a["ci_high"]


def test_axis_balance_needs_the_lexicon_to_know_pole_a():
    stranger = HITS.assign(lexicon="unknown-lexicon")
    with pytest.raises(SettingsError, match="pass lexicons"):
        scored(score.axis_balance, stranger, ARTICLES)


# --- label shares -----------------------------------------------------------------------------

def test_label_shares_by_hand():
    table = scored(score.label_shares, HITS, ARTICLES, lexicons=[LEX])
    daesh = row(table, outlet="A", label="Daesh")
    assert (daesh["count"], daesh["total"], daesh["share"]) == (2, 3, pytest.approx(2 / 3))
    assert daesh["n_articles"] == 3 and daesh["ci_low"] <= daesh["share"] <= daesh["ci_high"]
    assert row(table, outlet="B", label="Islamic State")["share"] == 1.0
    shares = table[table["outlet"] == "A"]["share"].sum()
    assert shares == pytest.approx(1.0)
    unnamed = row(table, outlet="C", label="Daesh")
    assert np.isnan(unnamed["share"]) and unnamed["total"] == 0 and unnamed["low_support"]


# --- errors ---------------------------------------------------------------------------------

def test_errors_name_what_is_wrong():
    with pytest.raises(SettingsError, match="'leaning'"):
        rates(by="leaning")
    with pytest.raises(SettingsError, match="voice"):
        rates(voice="narrator")
    with pytest.raises(SettingsError, match="'framing'"):
        rates(frames=["framing"])
    with pytest.raises(SettingsError, match="'zz'"):
        scored(score.frame_rates, pd.concat([HITS, pd.DataFrame([hit("a1")]).assign(article_id="zz")]), ARTICLES)
    with pytest.raises(SettingsError, match="hits table has no column 'voice'"):
        scored(score.frame_rates, HITS.drop(columns="voice"), ARTICLES)


# --- actor sentiment --------------------------------------------------------------------------

SENTENCES = pd.DataFrame({
    "article_id": ["a1", "a1", "a2", "b1", "b1"], "sentence_id": [0, 1, 0, 0, 1],
    "text": ["Iran and the US signed a welcome agreement that brings hope.",
             "Iran's militias were accused of brutal killings.",
             "The United States praised the brave rescuers.",
             "US strikes killed dozens of civilians in a horrific attack.",
             "The weather was mild."],
})
ACTOR_HITS = pd.DataFrame([
    hit("a1", "actor", "Iran", "Iran", sentence=0), hit("a1", "actor", "United States", "United States", sentence=0),
    hit("a1", "actor", "Iran", "Iran", sentence=1), hit("a1", "actor", "Iran", "Iran", sentence=1, voice="quoted"),
    hit("a2", "actor", "United States", "United States", sentence=0, voice="quoted"),
    hit("b1", "actor", "United States", "United States", sentence=0),
])


def test_actor_sentiment_is_the_mean_vader_score_of_sentences_naming_the_actor():
    from framing.measure.sentiment import reference_compound
    vader = dict(zip(range(5), reference_compound(SENTENCES["text"])))
    table = scored(score.actor_sentiment, ACTOR_HITS, ARTICLES, sentences=SENTENCES, voice="each")
    iran = row(table, outlet="A", actor="Iran", voice="all")
    # Iran is named in a1's sentences 0 and 1 (twice in sentence 1: counted once)
    assert iran["n_sentences"] == 2 and iran["n_articles"] == 1 and iran["low_support"]
    assert iran["sentiment"] == pytest.approx((vader[0] + vader[1]) / 2)
    us = row(table, outlet="A", actor="United States", voice="all")
    assert us["sentiment"] == pytest.approx((vader[0] + vader[2]) / 2) and us["n_articles"] == 2
    assert row(table, outlet="A", actor="United States", voice="quoted")["sentiment"] == pytest.approx(vader[2])
    assert row(table, outlet="B", actor="United States", voice="all")["sentiment"] == pytest.approx(vader[3])
    assert vader[3] < 0 < vader[2]  # the sentences carry the sentiment the test claims
    assert np.isnan(row(table, outlet="C", actor="Iran", voice="all")["sentiment"])


def test_actor_sentiment_reads_the_analysis_scores_and_needs_every_sentence():
    from framing.measure.sentiment import reference_compound
    scored_sentences = SENTENCES.assign(compound=[0.5, -0.5, 0.25, np.nan, np.nan])  # b1's not scored yet
    table = scored(score.actor_sentiment, ACTOR_HITS, ARTICLES, sentences=scored_sentences)
    assert row(table, outlet="A", actor="Iran")["sentiment"] == pytest.approx(0.0)
    assert row(table, outlet="A", actor="United States")["sentiment"] == pytest.approx(0.375)
    vader_b1 = reference_compound(SENTENCES["text"][3:4])[0]
    assert row(table, outlet="B", actor="United States")["sentiment"] == pytest.approx(vader_b1)
    with pytest.raises(SettingsError, match="sentence 0 of article 'b1'"):
        scored(score.actor_sentiment, ACTOR_HITS, ARTICLES, sentences=scored_sentences[:3])


# --- the seed corpus ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(demo_corpus):
    from framing.measure.pipeline import analyze  # fails loudly if the analysis stage is missing
    return analyze(demo_corpus)


def seed_rates(seed, **options):
    return scored(score.frame_rates, seed.hits, seed.articles, lexicons=seed.lexicons, sentences=seed.sentences, **options)


def test_seed_who_says_illegitimate_in_its_own_voice_and_who_only_quotes(seed):
    table = seed_rates(seed, frames="legitimacy", voice="each", n_boot=200)
    # corpus/003: Intellectual Observer writes "occupied territory" in its own voice
    own = row(table, outlet="Intellectual Observer", pole="illegitimate", voice="author")
    assert own["hits"] > 0 and own["rate"] > 0
    assert row(table, outlet="Intellectual Observer", pole="illegitimate", voice="quoted")["hits"] == 0
    # corpus/002: SouthFront's legitimacy language is Velayati's, quoted, not its own
    south = table[(table["outlet"] == "SouthFront")]
    assert south.loc[south["voice"] == "author", "hits"].sum() == 0
    assert south.loc[south["voice"] == "quoted", "hits"].sum() >= 4
    assert row(table, outlet="SouthFront", pole="legitimate", voice="quoted")["hits"] >= 2
    assert len(table) == 5 * 2 * 4 and (table["n_articles"] == 1).all() and table["low_support"].all()


def test_seed_axis_balance_in_the_outlets_own_voice(seed):
    table = scored(score.axis_balance, seed.hits, seed.articles, lexicons=seed.lexicons, frames="legitimacy",
                               voice=["author", "quoted"], n_boot=200)
    assert row(table, outlet="Intellectual Observer", voice="author")["balance"] == -1.0
    assert np.isnan(row(table, outlet="SouthFront", voice="author")["balance"])
    assert row(table, outlet="SouthFront", voice="quoted")["balance"] > 0  # "legitimately", "invitation"


def test_seed_label_shares_show_each_outlets_name_for_islamic_state(seed):
    table = scored(score.label_shares, seed.hits, seed.articles, lexicons=seed.lexicons, naming_sets="islamic_state",
                               n_boot=200)
    named = table[table["share"] > 0].set_index("outlet")["label"].to_dict()
    assert named["Intellectual Observer"] == "Daesh"
    assert named["The Jerusalem Post"] == "ISIS"
    assert named["Al-Monitor"] == "Islamic State"
    assert np.isnan(row(table, outlet="SouthFront", label="Daesh")["share"])  # never names the group


def test_seed_actor_sentiment_matches_vader_on_the_sentences_naming_iran(seed):
    from framing.measure.sentiment import reference_compound
    table = score.actor_sentiment(seed, settings(n_boot=200))
    hits, sentences = seed.hits, seed.sentences
    for outlet in ("SouthFront", "Al-Monitor"):
        ids = hits.loc[(hits["kind"] == "actor") & (hits["frame"] == "Iran") & (hits["outlet"] == outlet),
                       ["article_id", "sentence_id"]].drop_duplicates()
        texts = sentences.merge(ids, on=["article_id", "sentence_id"])["text"]
        assert len(texts) >= 2, f"{outlet} should name Iran in several sentences"
        got = row(table, outlet=outlet, actor="Iran")
        assert got["n_sentences"] == len(texts)
        assert got["sentiment"] == pytest.approx(reference_compound(texts).mean())


# --- the command ----------------------------------------------------------------------------

def run_cli(capsys, *args):
    from framing.cli import main
    code = main(["score", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_scores_as_csv_and_json(capsys, demo_corpus_path):
    import io
    import json
    code, out, _ = run_cli(capsys, str(demo_corpus_path), "--frame", "legitimacy", "--voice", "author",
                           "--format", "csv", "--boot", "50")
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert set(table["voice"]) == {"author"} and set(table["frame"]) == {"legitimacy"}
    assert row(table, outlet="Intellectual Observer", pole="illegitimate")["hits"] > 0
    code, out, _ = run_cli(capsys, str(demo_corpus_path), "--table", "shares", "--format", "json", "--boot", "50")
    records = json.loads(out)
    assert code == 0 and {"naming_set", "label", "share", "ci_low", "n_articles"} <= set(records[0])


def test_cli_every_table_prints(capsys, demo_corpus_path):
    for table, column in [("balance", "balance"), ("targets", "target"), ("sentiment", "sentiment"),
                          ("rates", "rate")]:
        code, out, _ = run_cli(capsys, str(demo_corpus_path), "--table", table, "--boot", "20")
        assert code == 0 and column in out.splitlines()[0], f"--table {table} printed: {out[:200]}"


def test_cli_reports_bad_options_cleanly(capsys, demo_corpus_path):
    code, _, err = run_cli(capsys, str(demo_corpus_path), "--by", "leaning")
    assert code == 2 and "no column 'leaning'" in err and "Traceback" not in err
    code, _, err = run_cli(capsys, str(demo_corpus_path), "--frame", "legitimacyy")
    assert code == 2 and "legitimacyy" in err


def test_cli_by_event_groups_events_when_the_corpus_has_none(capsys, demo_corpus_path):
    import io
    code, out, _ = run_cli(capsys, str(demo_corpus_path), "--by", "event", "--frame", "legitimacy",
                           "--format", "csv", "--boot", "20")
    table = pd.read_csv(io.StringIO(out))
    assert code == 0 and table["event_id"].notna().all()
    per_pole = table[table["pole"] == "legitimate"]
    assert per_pole["n_articles"].sum() == 5  # every seed article in exactly one event
    assert 1 <= len(per_pole) <= 5
