import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from scipy.stats import false_discovery_control, norm

from framing.errors import SettingsError
from framing.measure.log_odds import dirichlet_prior
from framing.measure.terms import TermMatrix, build_term_matrix, term_spans
from framing.measure.terms import distinctive_terms as _distinctive_terms
from framing.settings import TermSettings


def distinctive_terms(source, *, group=None, vs=None, **options):
    """The settings of a built matrix, changed by ``options`` (as a caller would ``replace`` them)."""
    settings = replace(source.settings, **options) if isinstance(source, TermMatrix) else TermSettings(**options)
    return _distinctive_terms(source, settings, group=group, vs=vs)


def matrix_of(articles, **options):
    return build_term_matrix(articles, TermSettings(**options))

# Three groups, unigrams, no stop words, min_count 1:
#   A: "war war peace" + "war"  -> war 3, peace 1            n_A = 4 (2 articles)
#   B: "peace peace war"        -> war 1, peace 2            n_B = 3
#   C: "peace trade"            -> peace 1, trade 1          n_C = 2
#   corpus: war 4, peace 4, trade 1, n = 9
# Prior: alpha_0 = n / groups = 9 / 3 = 3; alpha_w = 3 * y_w / 9:
#   alpha_war = alpha_peace = 4/3, alpha_trade = 1/3.
TINY = pd.DataFrame({
    "article_id": ["a1", "a2", "b1", "c1"],
    "outlet": ["A", "A", "B", "C"],
    "leaning": ["left", "left", "right", "right"],
    "body": ["War, war: peace.", "WAR!", "Peace... peace war", "peace; trade"],
})
TINY_OPTIONS = dict(ngram_range=(1, 1), min_count=1, stop_words="none")


def row(table, group, term, vs="rest"):
    found = table[(table["group"] == group) & (table["vs"] == vs) & (table["term"] == term)]
    assert len(found) == 1, f"expected one row for {group} vs {vs}, {term!r}; got {len(found)}"
    return found.iloc[0]


def test_counts_and_prior_by_hand():
    matrix = matrix_of(TINY, **TINY_OPTIONS)
    assert list(matrix.terms) == ["peace", "trade", "war"]
    assert matrix.groups == ("A", "B", "C")
    assert matrix.counts.toarray().tolist() == [[1, 0, 3], [2, 0, 1], [1, 1, 0]]
    assert matrix.article_counts.toarray().tolist() == [[1, 0, 2], [1, 0, 1], [1, 1, 0]]
    assert matrix.n_articles.tolist() == [2, 1, 1]
    alpha_w, alpha_0 = dirichlet_prior(matrix)
    assert alpha_0 == pytest.approx([3, 3, 3])
    assert alpha_w == pytest.approx([4 / 3, 1 / 3, 4 / 3])


def test_log_odds_one_group_against_the_rest_by_hand():
    table = distinctive_terms(TINY, **TINY_OPTIONS)
    # A vs rest, "war": y_i = 3, n_i = 4, y_j = 1, n_j = 5, alpha_w = 4/3, alpha_0 = 3
    # delta = ln((3 + 4/3) / (4 + 3 - 3 - 4/3)) - ln((1 + 4/3) / (5 + 3 - 1 - 4/3))
    #       = ln((13/3) / (8/3)) - ln((7/3) / (17/3)) = ln(221/56)
    # variance = 1/(13/3) + 1/(7/3) = 3/13 + 3/7 = 60/91
    war = row(table, "A", "war")
    assert war["score"] == pytest.approx(math.log(221 / 56))
    assert war["z"] == pytest.approx(math.log(221 / 56) / math.sqrt(60 / 91))
    assert war["z"] == pytest.approx(1.6906, abs=1e-4)
    assert (war["count"], war["count_vs"], war["n_articles"], war["n_articles_vs"]) == (3, 1, 2, 1)
    # A vs rest, "peace": y_i = 1, y_j = 3
    # delta = ln((7/3) / (14/3)) - ln((13/3) / (11/3)) = ln(11/26); variance = 3/7 + 3/13 = 60/91
    peace = row(table, "A", "peace")
    assert peace["z"] == pytest.approx(math.log(11 / 26) / math.sqrt(60 / 91))
    assert peace["p"] == pytest.approx(2 * (1 - 0.5 * (1 + math.erf(abs(peace["z"]) / math.sqrt(2)))))
    # A vs rest, "trade": y_i = 0, y_j = 1, alpha_w = 1/3
    # delta = ln((1/3) / (4 + 3 - 1/3)) - ln((4/3) / (5 + 3 - 1 - 1/3)) = ln(1/20) - ln(4/20) = ln(1/4)
    # variance = 3 + 3/4 = 15/4, z = -0.716: less far from zero than peace's -1.059
    assert row(table, "A", "trade")["z"] == pytest.approx(math.log(1 / 4) / math.sqrt(15 / 4))
    # ranked by z, most distinctive first
    assert table[table["group"] == "A"]["term"].tolist() == ["war", "trade", "peace"]
    assert table[table["group"] == "A"]["rank"].tolist() == [1, 2, 3]


def test_log_odds_two_groups_by_hand_and_symmetric():
    bodies = TINY
    a_vs_b = distinctive_terms(bodies, group="A", vs="B", **TINY_OPTIONS)
    b_vs_a = distinctive_terms(bodies, group="B", vs="A", **TINY_OPTIONS)
    # A vs B, "war": y_i = 3, n_i = 4, y_j = 1, n_j = 3
    # delta = ln((13/3) / (8/3)) - ln((7/3) / (3 + 3 - 1 - 4/3)) = ln(13/8) - ln(7/11) = ln(143/56)
    assert row(a_vs_b, "A", "war", vs="B")["z"] == pytest.approx(math.log(143 / 56) / math.sqrt(60 / 91))
    # a term neither group uses is not tested
    assert "trade" not in set(a_vs_b["term"])
    merged = a_vs_b.merge(b_vs_a, on="term", suffixes=("_ab", "_ba"))
    assert len(merged) == 2
    assert np.allclose(merged["z_ab"], -merged["z_ba"])
    assert np.allclose(merged["p_ab"], merged["p_ba"])


def test_log_odds_n_counts_every_word_stop_words_and_rare_terms_included():
    # unigrams, English stop words, min_count 2:
    #   A: "The war and the war"     -> 5 words (the, and: stop words), war 2
    #   B: "War, peace; peace treaty" -> 4 words, war 1, peace 2, treaty 1 (dropped: used once)
    # n is every word (Monroe et al.'s n): n_A = 5, n_B = 4, corpus 9; alpha_0 = 9 / 2 = 4.5,
    # alpha_war = 4.5 * 3/9 = 1.5, alpha_peace = 4.5 * 2/9 = 1
    bodies = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
                           "body": ["The war and the war", "War, peace; peace treaty"]})
    table = distinctive_terms(bodies, ngram_range=(1, 1), min_count=2)
    assert set(table["term"]) == {"war", "peace"}
    # A vs rest, war: ln((2 + 1.5) / (5 + 4.5 - 2 - 1.5)) - ln((1 + 1.5) / (4 + 4.5 - 1 - 1.5))
    #               = ln(3.5 / 6) - ln(2.5 / 6) = ln(1.4); variance 1/3.5 + 1/2.5 = 24/35
    assert row(table, "A", "war")["score"] == pytest.approx(math.log(1.4))
    assert row(table, "A", "war")["z"] == pytest.approx(math.log(1.4) / math.sqrt(24 / 35))
    # A vs rest, peace: ln(1 / 8.5) - ln(3 / 5.5) = ln(11/51); variance 1/1 + 1/3 = 4/3
    assert row(table, "A", "peace")["z"] == pytest.approx(math.log(11 / 51) / math.sqrt(4 / 3))
    # the same figures whether rare terms were dropped when counting or when testing
    wide = matrix_of(bodies, ngram_range=(1, 1), min_count=1)
    pd.testing.assert_frame_equal(distinctive_terms(wide, min_count=2), table)
    # bigram n: word pairs within a clause, stop words included ("the war", "war and", ...)
    matrix = matrix_of(bodies, min_count=1)
    assert matrix.totals[:, 1:].tolist() == [[5, 4], [4, 1]]


def test_z_articles_by_hand_when_uses_bunch_in_one_article():
    # unigrams, no stop words, min_count 1; every article has 4 words:
    #   A: a1 "war war war peace", a2 "peace peace peace peace"   war 3 (all in a1), n_A = 8
    #   B: b1 "war peace peace peace", b2 the same                war 2 (one each),  n_B = 8
    # alpha_0 = 16 / 2 = 8, alpha_war = 8 * 5/16 = 2.5
    bodies = pd.DataFrame({"article_id": ["a1", "a2", "b1", "b2"], "outlet": ["A", "A", "B", "B"],
                           "body": ["war war war peace", "peace peace peace peace",
                                    "war peace peace peace", "war peace peace peace"]})
    war = row(distinctive_terms(bodies, group="A", vs="B", **TINY_OPTIONS), "A", "war", vs="B")
    # delta = ln(5.5 / 10.5) - ln(4.5 / 11.5) = ln(253/189); Monroe: variance 1/5.5 + 1/4.5 = 40/99
    assert war["z"] == pytest.approx(math.log(253 / 189) / math.sqrt(40 / 99))
    # clustered, A: rate 3/8, residuals 3 - 4 * 3/8 = 1.5 and 0 - 1.5: squares 4.5, times
    # 2/(2-1) articles = 9, over (3 + 2.5)^2: 36/121 (more than Monroe's 1/5.5 = 22/121).
    # B: rate 2/8, residuals 1 - 1 = 0 twice: 0, so Monroe's 1/4.5 = 2/9 stays.
    assert war["z_articles"] == pytest.approx(math.log(253 / 189) / math.sqrt(36 / 121 + 2 / 9))
    assert war["p"] == pytest.approx(2 * (1 - 0.5 * (1 + math.erf(abs(war["z_articles"]) / math.sqrt(2)))))


def test_z_articles_is_monroes_z_for_independent_words_and_smaller_for_bursts():
    rng = np.random.default_rng(5)
    vocabulary = [f"w{k}" for k in range(40)]
    rows = []
    for outlet, tilt in (("A", 1.0), ("B", 2.0)):
        weights = np.linspace(1, tilt, 40)
        for k in range(30):  # every word drawn independently: no burst
            words = rng.choice(vocabulary, size=300, p=weights / weights.sum())
            rows.append({"article_id": f"{outlet}{k}", "outlet": outlet, "body": " ".join(words)})
    rows[0]["body"] += " reparations" * 25  # one article of A dwells on one subject
    rows[1]["body"] += " budget" * 5        # two others mention another a few times
    rows[2]["body"] += " budget" * 5
    table = distinctive_terms(pd.DataFrame(rows), group="A", vs="B", **TINY_OPTIONS).set_index("term")
    plain = table.loc[vocabulary]
    assert (plain["z_articles"].abs() <= plain["z"].abs() + 1e-12).all()
    assert (plain["z_articles"] / plain["z"]).median() > 0.9  # about Monroe's z
    # 25 uses in one article: Monroe's z passes even a Bonferroni cut over the 42 terms; over
    # articles the evidence is one article, not significant
    bursty = table.loc["reparations"]
    assert 2 * norm.sf(bursty["z"]) < 0.05 / len(table)
    assert bursty["z_articles"] < 2 and not bursty["significant"]
    assert table.loc["budget", "z_articles"] < table.loc["budget", "z"]


def test_tfidf_each_group_one_document_by_hand():
    bodies = TINY
    table = distinctive_terms(bodies, method="tfidf", **TINY_OPTIONS)
    # idf = ln((1 + 3) / (1 + df)) + 1: peace (df 3) 1, war (df 2) 1 + ln(4/3), trade (df 1) 1 + ln 2
    # A: peace 1 * 1, war 3 * (1 + ln 4/3), then l2-normalised
    war, peace = 3 * (1 + math.log(4 / 3)), 1.0
    norm = math.hypot(war, peace)
    assert row(table, "A", "war")["score"] == pytest.approx(war / norm)
    assert row(table, "A", "peace")["score"] == pytest.approx(peace / norm)
    assert "trade" not in set(table[table["group"] == "A"]["term"])  # A never uses it
    assert table["z"].isna().all() and table["significant"].isna().all()
    # against B only: two documents, both use war and peace, idf 1: A = (1, 3) / sqrt(10)
    pair = distinctive_terms(bodies, method="tfidf", group="A", vs="B", **TINY_OPTIONS)
    assert row(pair, "A", "war", vs="B")["score"] == pytest.approx(3 / math.sqrt(10))


def test_group_by_another_column_with_its_evidence():
    from hand_tables import hand_analysis

    from framing.compare.kwic import concordance
    table = distinctive_terms(TINY, by="leaning", **TINY_OPTIONS)
    assert set(table["group"]) == {"left", "right"}
    assert row(table, "left", "war")["count"] == 3
    assert row(table, "right", "peace")["n_articles"] == 2
    evidence = concordance(hand_analysis(TINY), "peace", where={"leaning": "right"})
    assert len(evidence) == 3 and evidence["article_id"].nunique() == 2


def significance_corpus():
    filler = "market city report weather council bridge river school budget festival"
    rows = []
    for k in range(20):
        rows.append({"article_id": f"a{k}", "outlet": "A",
                     "body": filler + " tyranny tyranny tyranny" + (" tariff" if k < 15 else "")})
        rows.append({"article_id": f"b{k}", "outlet": "B", "body": filler + (" tariff" if k < 1 else "")})
    return pd.DataFrame(rows)


def test_significance_is_benjamini_hochberg_over_the_terms_tested():
    table = distinctive_terms(significance_corpus(), group="A", ngram_range=(1, 1), min_count=1)
    assert len(table) == 12
    assert row(table, "A", "tyranny")["significant"]
    assert not row(table, "A", "market")["significant"]
    tariff = row(table, "A", "tariff")
    # 15 uses against 1: below 0.05 on its own, not once corrected for the 12 terms tested
    assert tariff["p"] < 0.05 and not tariff["significant"]
    assert (table["significant"].to_numpy(bool) == (false_discovery_control(table["p"].to_numpy()) <= 0.05)).all()
    lenient = distinctive_terms(significance_corpus(), group="A", ngram_range=(1, 1), min_count=1, alpha=0.5)
    assert row(lenient, "A", "tariff")["significant"]


def test_bigrams_stop_at_punctuation_and_skip_stop_words():
    text = pd.DataFrame({"article_id": ["x"], "outlet": ["X"],
                         "body": ["The Assad regime said. Assad regime forces, President of Syria. U.S. forces left."]})
    terms = set(matrix_of(text, min_count=1).terms)
    assert {"assad regime", "regime said", "regime forces", "u.s forces", "forces left"} <= terms
    assert "said assad" not in terms          # crosses a sentence end
    assert "forces president" not in terms    # crosses a comma
    assert "president syria" not in terms     # "of" was a stop word between them: no false bigram
    assert not {"the", "of", "the assad", "president of"} & terms
    with_stop_words = set(matrix_of(text, min_count=1, stop_words="none").terms)
    assert {"the", "of", "president of", "of syria", "the assad"} <= with_stop_words
    unigrams = matrix_of(text, min_count=1, ngram_range=(1, 1))
    assert (unigrams.ngram == 1).all()


def test_min_count_drops_rare_terms_and_curly_apostrophes_are_one_term():
    text = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["X", "Y"],
                         "body": ["Iran’s role, Iran's role, Iran's role.", "Iran’s allies. allies"]})
    matrix = matrix_of(text, min_count=3, ngram_range=(1, 1))
    assert list(matrix.terms) == ["iran's", "role"]
    assert matrix.counts.toarray().tolist() == [[3, 3], [1, 0]]
    assert set(distinctive_terms(matrix, min_count=4)["term"]) == {"iran's"}


def test_a_built_matrix_is_reused_and_mismatches_are_refused():
    wide = matrix_of(significance_corpus(), min_count=1)
    bigrams = distinctive_terms(wide, ngram_range=(2, 2))
    assert set(bigrams["ngram"]) == {2} and "tyranny tyranny" in set(bigrams["term"])
    built_for_bigrams = distinctive_terms(significance_corpus(), ngram_range=(2, 2), min_count=1)
    pd.testing.assert_frame_equal(bigrams, built_for_bigrams)
    matrix = matrix_of(TINY, min_count=1)
    with pytest.raises(SettingsError, match="built with by='outlet', not 'leaning'"):
        distinctive_terms(matrix, by="leaning")
    with pytest.raises(SettingsError, match="min_count"):
        matrix_of(TINY, min_count=0)
    with pytest.raises(SettingsError, match="'Nowhere' is not a value of the column 'outlet'; choose one of: A, B, C"):
        distinctive_terms(matrix, group="Nowhere")
    with pytest.raises(SettingsError, match="compared with itself"):
        distinctive_terms(matrix, group="A", vs="A")
    with pytest.raises(SettingsError, match="no column 'bias_text'"):
        matrix_of(TINY, by="bias_text")
    with pytest.raises(SettingsError, match="method must be one of logodds, tfidf"):
        distinctive_terms(matrix, method="chi2")


def test_term_spans_follow_the_counting_rules():
    text = "The Assad regime said. Assad regime forces, and\nAssad\nregime"
    assert [text[s:e] for s, e in term_spans(text, "assad regime")] == ["Assad regime", "Assad regime"]
    assert term_spans("U.S. forces. Left - right", "u.s forces") == [(0, 11)]
    assert term_spans("U.S. forces. Left - right", "forces left") == []
    assert term_spans("U.S. forces. Left - right", "left right") == []
    assert term_spans("well-known, well known", "well-known") == [(0, 10)]


def test_demo_corpus_terms_and_their_concordance_agree(demo_analysis):
    from framing.compare.kwic import concordance
    articles = demo_analysis.articles
    table = distinctive_terms(articles, min_count=2, top=5)
    assert set(table["group"]) == set(articles["outlet"])
    # the log-odds n of unigrams is the rates' denominator: the words of the cleaned bodies
    matrix = matrix_of(articles, min_count=2)
    words = articles.groupby("outlet")["n_words"].sum()
    assert matrix.totals[:, 1].tolist() == [words[g] for g in matrix.groups]
    assert (table.groupby("group")["rank"].max() == 5).all()
    for term in table.itertuples():
        lines = concordance(demo_analysis, term.term, outlets=[term.group])
        assert len(lines) == term.count, f"{term.group}: {term.term!r}"
        assert lines["article_id"].nunique() == term.n_articles
        assert lines["match"].str.lower().str.replace("’", "'").str.replace(r"\s+", " ", regex=True).eq(term.term).all()


def test_cli_terms(demo_corpus_path, capsys):
    import io

    from framing.cli import main
    assert main(["terms", str(demo_corpus_path), "--min-count", "2", "--top", "3", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert set(table["vs"]) == {"rest"} and table.groupby("group")["rank"].max().eq(3).all()
    assert {"term", "count", "count_vs", "n_articles", "score", "z", "p", "significant"} <= set(table.columns)
    assert main(["terms", str(demo_corpus_path), "--group", "SouthFront", "--vs", "Al-Monitor", "--ngrams", "1",
                 "--method", "tfidf", "--min-count", "1", "--top", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 6 and "SouthFront" in out[1] and "Al-Monitor" in out[1] and " z " not in out[0]
    assert main(["terms", str(demo_corpus_path), "--vs", "Nowhere"]) == 2
    assert "'Nowhere' is not a value of the column 'outlet'" in capsys.readouterr().err
