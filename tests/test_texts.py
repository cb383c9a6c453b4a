"""Two pasted texts compared at once, without a corpus."""
import re

import pytest

from framing.compare.texts import compare_texts
from framing.errors import SettingsError
from framing.present.highlight import highlight_html


def test_two_headlines_are_always_compared_and_both_highlighted():
    result = compare_texts("Syrian regime forces crushed the so-called rebels.",
                           "Syrian government troops defeated the opposition fighters.")
    assert len(result.pairs) == 1
    pair = result.pairs.iloc[0]
    assert any("so-called" in t for t in pair["lexicon_terms_a"])
    assert any("Syrian government" in t for t in pair["lexicon_terms_b"])
    for side, words in ((0, {"regime", "crushed", "so-called"}), (1, {"government", "opposition fighters"})):
        html = highlight_html(result.body(side), result.hits(side))
        marked = set(re.findall(r'<span class="hit[^>]*>([^<]+)</span>', html))
        assert words <= marked, (side, marked)


def test_longer_reports_pair_sentences_that_tell_the_same_fact():
    a = ("Iran and Syria called on the United States to end its illegal occupation of Syrian territory. "
         "The weather in Damascus was mild on Monday afternoon.")
    b = ("Iran and Syria urged the United States to withdraw its forces, which are in Syria at nobody's invitation. "
         "Football fans gathered in the old city.")
    result = compare_texts(a, b, labels=("Report 1", "Report 2"))
    assert list(result.analysis.articles["outlet"]) == ["Report 1", "Report 2"]
    top = result.pairs.iloc[0]
    assert "illegal occupation" in top["text_a"] and "withdraw" in top["text_b"]
    assert "mild" not in " ".join(result.pairs["text_a"])  # different facts are not paired


def test_empty_or_same_labels_are_refused_with_a_clear_message():
    with pytest.raises(SettingsError, match="first text is empty"):
        compare_texts("  ", "A report.")
    with pytest.raises(SettingsError, match="two different names"):
        compare_texts("One.", "Two.", labels=("A", "A"))
