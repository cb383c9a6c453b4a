"""The fast VADER port must give vaderSentiment's own compound scores, sentence for sentence."""
import numpy as np
import pandas as pd
import pytest

from framing.errors import SettingsError
from framing.measure import sentiment
from framing.text.tokenize import sentences

# Sentences that exercise each VADER rule (boosters, capitals, negation at 1-3 words, "no",
# "least", "but", "kind of", idioms, "never so", "without doubt", "!" and "?", emoji).
RULES = [
    "The agreement is good.", "The agreement is very good.", "The agreement is VERY good.",
    "The agreement is GOOD, they said.", "The agreement is not good.", "It isn't a good deal at all.",
    "The deal is not really that good.", "Never so good a deal was signed.", "Without a doubt, a good deal.",
    "There is no good option left.", "No, the talks failed.", "No hope or joy remained in Aleppo.",
    "It was the least violent week.", "At least it is not a horrible outcome.", "It is kind of good.",
    "The army is strong but the people are suffering.", "Tehran was hopeful, but Washington was angry and upset.",
    "The ceasefire was kind of a disaster, but it held.", "Peace!!!", "Peace?!?", "Is this really peace???",
    "He said the war is a kiss of death for the region.", "The raid was the bomb, one fighter boasted.",
    "Refugees 😢 fled the bombing 💔 in Idlib.", "U.S. forces ATTACKED the convoy, killing 12 civilians.",
    "", "   ", "!!!", "The sort of progress nobody wanted.", "It was just enough to survive.",
    "Great great great, terrible terrible, but good good.",
]


def test_port_matches_vadersentiment_on_rule_sentences():
    ours, theirs = sentiment.compound_scores(RULES), sentiment.reference_compound(RULES)
    assert np.count_nonzero(theirs) >= 20, "the rule sentences should mostly carry sentiment"
    np.testing.assert_allclose(ours, theirs, atol=1e-9)


def test_port_matches_vadersentiment_on_every_seed_corpus_sentence(demo_corpus):
    texts = [s for article in demo_corpus for s in sentences(article.body)]
    assert len(texts) > 50, "the demo corpus should give over fifty sentences"
    ours, theirs = sentiment.compound_scores(texts), sentiment.reference_compound(texts)
    assert np.count_nonzero(theirs) > len(texts) / 3
    np.testing.assert_allclose(ours, theirs, atol=1e-9)


def test_port_matches_vadersentiment_on_random_rule_heavy_sentences():
    """Thousands of sentences mixing lexicon words, boosters, negations, "no", "least",
    "but", "kind of", capitals, idiom words and punctuation, where the rules interact."""
    rng = np.random.default_rng(11)
    vocab = ["good", "bad", "GOOD", "war", "peace", "killed", "hope", "not", "never", "no", "nor", "or",
             "very", "VERY", "slightly", "kind", "of", "sort", "least", "at", "but", "BUT", "so", "this",
             "without", "doubt", "isn't", "the", "bomb", "kiss", "death", "Iran", "U.S.", "troops", "said",
             "lol", ":)", "strong", "weak", "threat", "support", "great", "horrible", "\"illegal\"", "a",
             "to", "die", "for", "just", "enough", "yeah", "right", "beating", "heart", "ass", "shit"]
    texts = []
    for _ in range(3000):
        words = rng.choice(vocab, size=rng.integers(1, 16))
        texts.append(" ".join(words) + str(rng.choice([".", "!", "!!", "?", "??", "???!", ""])))
    ours, theirs = sentiment.compound_scores(texts), sentiment.reference_compound(texts)
    assert np.count_nonzero(theirs) > 2000
    np.testing.assert_allclose(ours, theirs, atol=1e-9)


def test_known_values_and_repeated_sentences():
    scores = sentiment.compound_scores(["The agreement is good.", "The agreement is not good.",
                                        "The agreement is good."])
    assert scores[0] == pytest.approx(0.7269) and scores[1] == pytest.approx(0.2008)  # "agreement" is positive
    assert scores[2] == scores[0]


def test_sentence_sentiment_scores_only_the_sentences_asked_for():
    table = pd.DataFrame({"article_id": ["a", "a", "b"], "sentence_id": [0, 1, 0],
                          "text": ["Iran is a good friend.", "Nothing here.", "The US strike was a disaster."]})
    keys = pd.DataFrame({"article_id": ["b", "a", "b"], "sentence_id": [0, 0, 0]})
    out = sentiment.sentence_sentiment(table, keys)
    assert list(zip(out["article_id"], out["sentence_id"])) == [("a", 0), ("b", 0)]
    assert out["compound"].tolist() == pytest.approx([0.7269, -0.6808])
    assert len(sentiment.sentence_sentiment(table)) == 3


def test_scores_from_several_processes_are_the_same(monkeypatch):
    monkeypatch.setattr(sentiment, "_PARALLEL_MIN", 10)
    texts = RULES * 3
    np.testing.assert_array_equal(sentiment.compound_scores(texts, workers=2), sentiment.compound_scores(texts))
    with pytest.raises(SettingsError, match="workers"):
        sentiment.compound_scores(texts, workers=0)


def test_token_cleaning_memo_may_be_emptied_at_any_time(monkeypatch):
    """The memo of cleaned tokens is emptied when full; scores do not depend on it."""
    monkeypatch.setattr(sentiment._StrippedWords, "LIMIT", 5)
    monkeypatch.setattr(sentiment, "_STRIPPED", sentiment._StrippedWords())
    ours = sentiment.compound_scores(RULES, remember=False)
    np.testing.assert_allclose(ours, sentiment.reference_compound(RULES), atol=1e-9)
    assert len(sentiment._STRIPPED) <= 5
