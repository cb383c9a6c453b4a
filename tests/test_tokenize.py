import pytest

from framing.tokenize import count_words, sentences, split_sentences, words


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
