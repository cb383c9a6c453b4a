import re

import pytest

from framing.text.tokenize import TOKEN_PATTERN, count_words, sentences, split_sentences, words


@pytest.mark.parametrize("text, expected", [
    ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
    ("Iranian Maj.-Gen. Mohammad Baqeri met his counterpart. They spoke.",
     ["Iranian Maj.-Gen. Mohammad Baqeri met his counterpart.", "They spoke."]),
    ("“We have shown our unity,” Assad said. He left.", ["“We have shown our unity,” Assad said.", "He left."]),
    ("A headline\n\nFirst sentence. Second one.", ["A headline", "First sentence.", "Second one."]),
    ("  Padded line.  \n", ["Padded line."]),
])
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_sentence_offsets_index_the_text():
    text = "Skip.\n\nThe U.S. role in Syria is “illegal,” he said. Washington disagreed."
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
    assert [text[s:e] for s, e in split_sentences(text)][-1] == "Washington disagreed."


@pytest.mark.parametrize("text, expected", [
    ("Iran’s role", ["Iran’s", "role"]),
    ("Iran's U.S. al-Assad", ["Iran's", "U.S", "al-Assad"]),
    ("“destabilizing” - region", ["destabilizing", "region"]),
])
def test_words(text, expected):
    assert words(text) == expected
    assert count_words(text) == len(expected)


@pytest.mark.parametrize("text, expected", [
    # clear boundaries: cut directly, closing quotes stay with their sentence
    ("He won. She lost!", ["He won.", "She lost!"]),
    ("“They must leave.” The minister left.", ["“They must leave.”", "The minister left."]),
    ("Is it legal? Nobody knows.", ["Is it legal?", "Nobody knows."]),
    # ambiguous periods go to Punkt: abbreviations, initials, numbers
    ("Sen. Smith spoke. Dr. Jones replied.", ["Sen. Smith spoke.", "Dr. Jones replied."]),
    ("George W. Bush spoke. He left.", ["George W. Bush spoke.", "He left."]),
    ("It rose 3.5 percent. Prices fell.", ["It rose 3.5 percent.", "Prices fell."]),
])
def test_fast_path_and_punkt_agree_on_the_cases_that_matter(text, expected):
    assert sentences(text) == expected


def test_sentences_of_every_seed_article_cover_the_body(demo_corpus):
    for article in demo_corpus:
        spans = split_sentences(article.body)
        assert spans, article.id
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:])), article.id
        covered = "".join(article.body[s:e] for s, e in spans)
        assert "".join(covered.split()) == "".join(article.body.split()), article.id


@pytest.mark.parametrize("text", [
    "", "a", "-", "U.S.", "al-Assad's", "Iran’s 2,000 troops.", "snake_case and __init__", "x-", "-x",
    "a..b a--b a-.b", "3.5 billion, 1990s-era", "naïve Łódź 東京 ٣٤ ½", "'quoted' “curly” ‘single’", "end.",
    "tab\tseparated\nlines\r\nand  spaces", "a-b-c-d.e'f’g", "__", "_a_", "'", "a'", "'a",
])
def test_count_words_counts_what_the_token_pattern_matches(text):
    assert count_words(text) == len(re.findall(TOKEN_PATTERN, text))


def test_count_words_on_the_seed_bodies(demo_corpus):
    for article in demo_corpus.articles:
        assert count_words(article.body) == len(re.findall(TOKEN_PATTERN, article.body)) > 250


@pytest.mark.parametrize("piece", [
    "Sen. Smith spoke", " The U.S. Army said so", "Mr. Trump and Mrs. Clinton met",  # no break
    "Trump won in 2016. Both parties lost", "It cost $1.1 trillion in 2012. That was that",  # breaks
    "He met Sen. Rand Paul (R-Ky.), son of Rep. Ron Paul", "the “U.S.” role",  # glued punctuation
    "Congress ... wants", "Wait . . . what", "It ended at 5 p.m. \"Then\" we left",  # runs, quotes
    "The U.S.”", "George W. Bush and John F. Kennedy", " Mr. Singh said.", "etc. The end",
])
def test_the_shortcut_through_punkt_gives_punkts_own_spans(piece):
    from framing.text.tokenize import _punkt, _punkt_spans_by_decisions

    shortcut = _punkt_spans_by_decisions(piece)
    if shortcut is not None:
        assert shortcut == list(_punkt().span_tokenize(piece))


def test_the_shortcut_decides_the_common_abbreviations_itself():
    from framing.text.tokenize import _punkt_spans_by_decisions

    assert _punkt_spans_by_decisions("Sen. Smith met the U.S. envoy") == [(0, 29)]
    assert _punkt_spans_by_decisions("He won in 2016. Both lost") == [(0, 15), (16, 25)]
    assert _punkt_spans_by_decisions("Congress ... wants") is None
