"""Property tests (hypothesis, the "ci" profile of conftest.py: bounded, derandomized):

- the tokenizer never loses a visible character and its spans are what they say;
- the matcher's spans index the text they claim, on word boundaries, and find every term put in;
- the readers turn any bytes into articles or a FramingError, never another exception;
- the cleaner never loses a character it did not report: the body and the removed segments
  together hold every visible character of the raw text, in order.
"""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from framing.corpus.clean import clean_text
from framing.corpus.load import load_corpus
from framing.errors import FramingError
from framing.text.tokenize import TOKEN_PATTERN, count_words, split_sentences, word_spans, words

# --- text strategies --------------------------------------------------------------------------
SENTENCES = ["Officials said the talks would resume on Monday.", "The U.S. Army said so.", "Mr. Smith left at 5 p.m.",
             "“We are ready,” he said.", "Were they?", "No!", "It cost $3.5 million (about €3m).",
             "The Islamic State (ISIS) withdrew.", "Iran’s presence is destabilizing, critics argue.",
             "He called it an ‘occupation’ – twice.", "Jan. 5 was a Monday... or not."]
FURNITURE = ["Share on Facebook", "Subscribe to our newsletter", "Leave a Reply", "Home / World / Middle East",
             "Reply", "John says:", "March 18, 2019 at 10:31 am", "Donate now", "Advertisement", "Related Articles",
             "Check Also", "Photo: Reuters", "© 2019 All rights reserved", "Click here to read more", "Tags: Syria, Iran",
             "Comments", "Your email address will not be published.", "Sign up", "Watch the video"]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\n \n", "\u2028", "\x0c", " \n\t"]
ANY_CHARS = st.characters(blacklist_categories=("Cs",))


def documents(pieces: list[str]):
    """Texts made of known pieces, random text and random line breaks."""
    piece = st.one_of(st.sampled_from(pieces), st.text(ANY_CHARS, max_size=40))
    return st.lists(st.tuples(piece, st.sampled_from(BREAKS + [" ", ""])), max_size=25).map(
        lambda parts: "".join(p + b for p, b in parts))


TEXTS = st.one_of(st.text(ANY_CHARS, max_size=300), documents(SENTENCES + FURNITURE))


def visible(text: str) -> str:
    return "".join(text.split())


# --- tokenizer --------------------------------------------------------------------------------
@given(TEXTS)
@example("The U.S. Army said so. Mr. Smith left.\n\nA new line?! Yes… “Quoted.” (Bracketed.) End")
def test_sentence_spans_are_ordered_trimmed_and_lose_no_visible_character(text):
    spans = split_sentences(text)
    covered = []
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and "\n" not in piece
        covered.append(piece)
        last = end
    assert visible("".join(covered)) == visible(text.replace("\n", " "))


@given(TEXTS)
@example("U.S.-backed rock'n'roll co-op’s e.g. 3.5 _under_score_ ﬁne")
def test_word_spans_are_whole_tokens_and_the_fast_count_agrees(text):
    pattern = re.compile(TOKEN_PATTERN)
    spans = word_spans(text)
    assert [text[s:e] for s, e in spans] == words(text)
    assert all(pattern.fullmatch(text[s:e]) for s, e in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert count_words(text) == len(spans)


# --- matcher ----------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def matcher_and_terms():
    from framing.lexicon import bundled_lexicons
    from framing.text.match import Matcher

    lexicons = bundled_lexicons()
    terms = sorted({t.text for lex in lexicons for frame in lex.frames for pole in frame.poles for t in pole.terms
                    if not t.case_sensitive and "*" not in t.text and "..." not in t.text
                    and re.fullmatch(r"[a-z][a-z '\-]*[a-z]", t.text)})
    return Matcher(lexicons), terms


WORD_CHAR = re.compile(r"[^\W_]")


def spelled(term: str, style: int) -> str:
    """``term`` as a writer might put it: capitalised, upper case, hyphens for spaces, a line break."""
    return [term, term.capitalize(), term.upper(), term.replace(" ", "-"), term.replace(" ", "\n"),
            term.replace(" ", "  ")][style]


@given(st.data())
def test_matcher_spans_index_their_text_on_word_boundaries_and_miss_no_term(data):
    matcher, terms = matcher_and_terms()
    parts, planted = [], []
    for _ in range(data.draw(st.integers(1, 6), label="terms")):
        filler = data.draw(st.text(ANY_CHARS, max_size=30), label="filler")
        term = spelled(data.draw(st.sampled_from(terms), label="term"), data.draw(st.integers(0, 5), label="style"))
        parts.append(filler + " ")
        start = sum(map(len, parts))
        parts.append(term)
        planted.append((start, start + len(term)))
        parts.append(" ")
    text = "".join(parts) + data.draw(st.text(ANY_CHARS, max_size=30), label="tail")
    matches = matcher.find(text)
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start:match.end] == match.matched
        assert match.matched == match.matched.strip()
        assert match.start == 0 or not WORD_CHAR.match(text[match.start - 1])
        assert match.end == len(text) or not WORD_CHAR.match(text[match.end])
    for start, end in planted:
        assert any(m.start < end and start < m.end for m in matches), (text[start:end], matches)


# --- readers ----------------------------------------------------------------------------------
VALID = {
    ".csv": b"id,outlet,date,text\na,A,2019-03-18,Officials said the talks would resume.\nb,B,2019,\"Quoted, text\"\n",
    ".jsonl": b'{"id": "a", "outlet": "A", "text": "Officials said so."}\n{"id": 2, "outlet": "B", "text": "It ended."}\n',
    ".json": b'[{"id": "a", "outlet": "A", "text": "Officials said so."}, {"outlet": "B", "text": "It ended."}]',
}


@st.composite
def mutated(draw, suffix: str) -> bytes:
    """A valid file of this form with random bytes flipped, inserted or cut, re-encoded or gzipped."""
    data = bytearray(VALID[suffix])
    for _ in range(draw(st.integers(0, 6))):
        where = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "insert", "cut"]))
        if action == "flip" and data:
            data[where] = draw(st.integers(0, 255))
        elif action == "insert":
            data[where:where] = draw(st.binary(max_size=8))
        else:
            del data[where:where + draw(st.integers(1, 8))]
    return bytes(data)


def any_bytes(suffix: str):
    return st.one_of(st.binary(max_size=600), mutated(suffix),
                     mutated(suffix).map(lambda b: b.decode("utf-8", "replace").encode("utf-16")))


def loads_or_refuses(path: Path, **options) -> None:
    """``load_corpus(path)`` gives a balanced corpus of text articles, or a FramingError."""
    try:
        corpus = load_corpus(path, **options)
    except FramingError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert corpus.report.balanced and corpus.report.loaded == len(corpus.articles)
    for article in corpus.articles:
        assert isinstance(article.body, str) and article.body.strip() and isinstance(article.outlet, str)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json"])
@given(data=st.data())
def test_any_bytes_in_a_table_give_articles_or_an_error(tmp_path, suffix, data):
    path = tmp_path / f"corpus{suffix}"
    path.write_bytes(data.draw(any_bytes(suffix), label="bytes"))
    loads_or_refuses(path)


@given(data=st.binary(max_size=600) | mutated(".jsonl"))
def test_any_bytes_gzipped_or_not_as_jsonl_gz(tmp_path, data):
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(data if data[:2] == b"\x1f\x8b" or len(data) % 2 else gzip.compress(data))
    loads_or_refuses(path)


@given(data=st.binary(max_size=400) | st.text(ANY_CHARS, max_size=300).map(str.encode), suffix=st.sampled_from([".txt", ".html"]))
def test_any_bytes_as_a_file_of_a_folder(tmp_path, data, suffix):
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "manifest.csv").write_text(f"file,outlet\nx{suffix},A\n", encoding="utf-8")
    (folder / f"x{suffix}").write_bytes(data)
    loads_or_refuses(folder)


@given(st.binary(max_size=300))
def test_any_bytes_as_parquet(tmp_path, data):
    path = tmp_path / "corpus.parquet"
    path.write_bytes(b"PAR1" + data + b"PAR1")
    loads_or_refuses(path)


@given(st.dictionaries(st.sampled_from(["id", "outlet", "text", "title", "date", "url", "date_precision", "extra"]),
                       st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHARS, max_size=60),
                                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                                    max_leaves=6),
                       max_size=8))
def test_any_json_values_in_the_fields(tmp_path, obj):
    path = tmp_path / "values.jsonl"
    path.write_text(json.dumps(obj) + "\n" + json.dumps({"outlet": "A", "text": "Officials said the talks resumed."}) + "\n",
                    encoding="utf-8")
    loads_or_refuses(path)


# --- cleaner ----------------------------------------------------------------------------------
@given(documents(SENTENCES + FURNITURE), st.one_of(st.none(), st.sampled_from(SENTENCES + FURNITURE)))
@example("Talks resume\nShare on Facebook\nThe talks resumed on Monday.\n\nLeave a Reply\nJohn says:\nNice.", "Talks resume")
def test_cleaning_loses_no_character_it_does_not_report(raw, title):
    cleaned = clean_text(raw, title=title)
    last = 0
    kept = []
    for segment in cleaned.removed:
        assert last <= segment.start < segment.end <= len(raw)
        assert raw[segment.start:segment.end] == segment.text and segment.text == segment.text.strip()
        assert segment.reason
        kept.append(raw[last:segment.start])
        last = segment.end
    kept.append(raw[last:])
    assert visible("".join(kept)) == visible(cleaned.body)
    if not cleaned.removed:
        assert visible(cleaned.body) == visible(raw)
