"""Sentence sentiment: the VADER compound score (Hutto & Gilbert 2014, "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14), with the lexicon and
rule constants shipped by the ``vaderSentiment`` package (MIT); nothing is downloaded.

``compound_scores`` gives the same numbers as ``vaderSentiment``'s
``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]`` (tests compare them on real
sentences) but is several times faster: it lowercases each sentence once, skips sentences with
no lexicon word, applies the rules only around lexicon words, and scores each distinct
sentence once. The package's quirks are kept on purpose (for instance its "but" rule, which
looks values up with ``list.index``), so published VADER figures stay comparable.
Score sentences, not whole articles: VADER was built and validated on sentence-length text.
"""
from __future__ import annotations

import math
import string
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as _vs

from framing.measure.analysis import sentence_texts
from framing.parallel import process_pool, resolve_workers

_BOOSTERS = _vs.BOOSTER_DICT
_NEGATIONS = frozenset(_vs.NEGATE)
_SPECIAL = _vs.SPECIAL_CASES
_PUNCT = string.punctuation


class _Vader:
    """The shipped lexicon and emoji table, loaded once."""

    def __init__(self) -> None:
        analyzer = _vs.SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = analyzer.lexicon
        self.emojis: dict[str, str] = analyzer.emojis
        # only single characters can match (vaderSentiment looks emojis up char by char)
        self.emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        # words that can carry valence: in the lexicon and not read as a booster first
        self.valenced = frozenset(w for w in self.lexicon if w not in _BOOSTERS)


@lru_cache(maxsize=1)
def _vader() -> _Vader:
    return _Vader()


def reference_compound(texts: Iterable[str]) -> np.ndarray:
    """Compound scores from ``vaderSentiment``'s own analyzer (slow; for checks and tests)."""
    analyzer = _vs.SentimentIntensityAnalyzer()
    return np.array([analyzer.polarity_scores(t)["compound"] for t in texts], dtype=float)


#: Sentences whose score is kept between calls (a dashboard rescoring after each filter
#: change then scores only new sentences); about 60 MB when full of news sentences.
SENTENCE_CACHE = 300_000


@lru_cache(maxsize=SENTENCE_CACHE)
def _cached_compound(text: str) -> float:
    return _compound(text, _vader())


def compound_scores(texts: Iterable[str], *, workers: int | None = None, remember: bool = True) -> np.ndarray:
    """VADER compound score (-1 to 1) of each text, scoring each distinct text once;
    ``workers`` processes share large batches (None: every CPU from 20,000 distinct texts).
    ``remember=False`` keeps no score (nor text) for later calls (``SENTENCE_CACHE``)."""
    texts = list(texts)
    unique = list(dict.fromkeys(texts))
    workers = resolve_workers(workers, len(unique), min_units=_PARALLEL_MIN)
    if workers > 1 and len(unique) >= _PARALLEL_MIN:
        scores = _score_in_processes(unique, workers)
    else:
        scores = [_cached_compound(text) for text in unique] if remember else _score_chunk(unique)
    lookup = dict(zip(unique, scores))
    return np.fromiter((lookup[t] for t in texts), dtype=float, count=len(texts))


#: Below this many distinct sentences, starting processes costs more than it saves.
_PARALLEL_MIN = 20_000


def _score_in_processes(texts: list[str], workers: int) -> list[float]:
    size = -(-len(texts) // (workers * 4))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with process_pool(workers) as pool:
        return [score for part in pool.map(_score_chunk, chunks) for score in part]


def _score_chunk(texts: list[str]) -> list[float]:
    vader = _vader()
    return [_compound(text, vader) for text in texts]


def sentence_sentiment(sentences: pd.DataFrame, keys: pd.DataFrame | None = None, *,
                       workers: int | None = None, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """``article_id, sentence_id, compound`` for the sentences named in ``keys`` (a frame with
    ``article_id, sentence_id``; all sentences when ``None``), read from the sentences table
    (or, when it has no ``text`` column, from the bodies in ``articles``)."""
    rows = np.arange(len(sentences)) if keys is None else np.sort(_rows_named(sentences, keys))
    out = pd.DataFrame({column: sentences[column].take(rows).to_numpy() for column in ("article_id", "sentence_id")})
    out["compound"] = compound_scores(sentence_texts(sentences, articles, rows), workers=workers)
    return out


def _rows_named(sentences: pd.DataFrame, keys: pd.DataFrame) -> np.ndarray:
    """Positions in ``sentences`` of the (article_id, sentence_id) pairs of ``keys`` that it
    has, each once (integer keys: a string merge is slow on millions of sentences)."""
    codes, ids = pd.factorize(sentences["article_id"])
    sentence_ids = sentences["sentence_id"].to_numpy(np.int64)
    width = int(sentence_ids.max(initial=0)) + 1
    wanted_codes = pd.Index(ids).get_indexer(keys["article_id"])
    wanted_ids = keys["sentence_id"].to_numpy(np.int64)
    ok = (wanted_codes >= 0) & (wanted_ids < width)
    wanted = np.unique(wanted_codes[ok].astype(np.int64) * width + wanted_ids[ok])
    rows = pd.Index(codes.astype(np.int64) * width + sentence_ids).get_indexer(wanted)
    return rows[rows >= 0]


def _replace_emojis(text: str, emojis: dict[str, str]) -> str:
    """vaderSentiment's emoji step: each emoji becomes its description, spaced as it does."""
    out = []
    prev_space = True
    for char in text:
        if char in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[char])
            prev_space = False
        else:
            out.append(char)
            prev_space = char == " "
    return "".join(out)


def _compound(text: str, vader: _Vader) -> float:
    if not text.isascii() and not vader.emoji_chars.isdisjoint(text):
        text = _replace_emojis(text, vader.emojis)
    text = text.strip()
    # vaderSentiment strips punctuation off each word, then lowercases; stripping touches no
    # cased character, so lowercasing the text first gives the same words, and capitals can
    # be tested on the unstripped tokens
    low = list(map(_STRIPPED.__getitem__, text.lower().split()))
    if vader.valenced.isdisjoint(low):
        return 0.0
    words = text.split()
    n = len(words)
    valences: dict[int, float] = {}
    for i, word in enumerate(low):
        if word not in vader.valenced:
            continue
        if word == "kind" and i < n - 1 and low[i + 1] == "of":
            continue
        valences[i] = _valence(i, words, low, vader.lexicon)
    if "but" in low:
        sentiments: list[float] = [0] * n
        for i, v in valences.items():
            sentiments[i] = v
        total = float(sum(_but_check(low, sentiments)))
    else:
        total = float(sum(valences.values()))
    return round(_normalize(_amplify(total, text)), 4)


class _StrippedWords(dict):
    """vaderSentiment's cleaning of a (lowercased) token: punctuation stripped off its ends,
    unless that leaves two characters or fewer; worked out once per distinct token."""

    LIMIT = 500_000

    def __missing__(self, token: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        stripped = token.strip(_PUNCT)
        cleaned = self[token] = stripped if len(stripped) > 2 else token
        return cleaned


_STRIPPED = _StrippedWords()


def _cap_differential(words: list[str]) -> bool:
    """Some but not all words are in capitals (vaderSentiment's ``allcap_differential``)."""
    return 0 < sum(1 for w in words if not w.isupper()) < len(words)


def _valence(i: int, words: list[str], low: list[str], lexicon: dict) -> float:
    """vaderSentiment's ``sentiment_valence`` for the lexicon word at position ``i``
    (``words``: the unstripped tokens; ``low``: stripped and lowercased); the capitals test
    (costly) is made only when a word that matters is in capitals."""
    word = low[i]
    valence = lexicon[word]
    if word == "no" and i != len(low) - 1 and low[i + 1] in lexicon:
        valence = 0.0
    if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") or (
            i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor")):
        valence = lexicon[word] * _vs.N_SCALAR
    if words[i].isupper() and _cap_differential(words):
        valence = valence + _vs.C_INCR if valence > 0 else valence - _vs.C_INCR
    for start_i in range(3):
        j = i - (start_i + 1)
        if j < 0 or low[j] in lexicon:
            continue
        s = 0.0
        if low[j] in _BOOSTERS:  # vaderSentiment's scalar_inc_dec
            s = -_BOOSTERS[low[j]] if valence < 0 else _BOOSTERS[low[j]]
            if words[j].isupper() and _cap_differential(words):
                s = s + _vs.C_INCR if valence > 0 else s - _vs.C_INCR
        if start_i == 1 and s != 0:
            s = s * 0.95
        if start_i == 2 and s != 0:
            s = s * 0.9
        valence = _negation(valence + s, low, start_i, i)
        if start_i == 2 and not _IDIOM_CUES.isdisjoint(low[i - 3:i + 3]):
            valence = _idioms(valence, low, i)
    return _least(valence, low, lexicon, i)


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or "n't" in word


def _negation(valence: float, low: list[str], start_i: int, i: int) -> float:
    """vaderSentiment's ``_negation_check``."""
    if start_i == 0:
        return valence * _vs.N_SCALAR if _is_negation(low[i - 1]) else valence
    if start_i == 1:
        if low[i - 2] == "never" and low[i - 1] in ("so", "this"):
            return valence * 1.25
        if low[i - 2] == "without" and low[i - 1] == "doubt":
            return valence
        return valence * _vs.N_SCALAR if _is_negation(low[i - 2]) else valence
    if (low[i - 3] == "never" and low[i - 2] in ("so", "this")) or low[i - 1] in ("so", "this"):
        return valence * 1.25
    if low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
        return valence
    return valence * _vs.N_SCALAR if _is_negation(low[i - 3]) else valence


def _idiom_cues() -> frozenset[str]:
    """Words of which every multi-word idiom and booster phrase has one (its words other than
    "the", "of", "to", "for"): ``_idioms`` can change nothing when the six words it reads
    have none of them."""
    cues: set[str] = set()
    for phrase in (k for table in (_SPECIAL, _BOOSTERS) for k in table if " " in k):
        words = phrase.split()
        cues.update([w for w in words if w not in ("the", "of", "to", "for")] or words)
    return frozenset(cues)


_IDIOM_CUES = _idiom_cues()


def _idioms(valence: float, low: list[str], i: int) -> float:
    """vaderSentiment's ``_special_idioms_check`` (called only when ``i >= 3``)."""
    one_zero = f"{low[i - 1]} {low[i]}"
    two_one_zero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    two_one = f"{low[i - 2]} {low[i - 1]}"
    three_two_one = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    three_two = f"{low[i - 3]} {low[i - 2]}"
    for seq in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if seq in _SPECIAL:
            valence = _SPECIAL[seq]
            break
    if len(low) - 1 > i and (seq := f"{low[i]} {low[i + 1]}") in _SPECIAL:
        valence = _SPECIAL[seq]
    if len(low) - 1 > i + 1 and (seq := f"{low[i]} {low[i + 1]} {low[i + 2]}") in _SPECIAL:
        valence = _SPECIAL[seq]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
    return valence


def _least(valence: float, low: list[str], lexicon: dict, i: int) -> float:
    """vaderSentiment's ``_least_check``."""
    if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
        if low[i - 2] != "at" and low[i - 2] != "very":
            valence = valence * _vs.N_SCALAR
    elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
        valence = valence * _vs.N_SCALAR
    return valence


def _but_check(low: list[str], sentiments: list) -> list:
    """vaderSentiment's ``_but_check``, quirks included (``list.index`` finds the first equal
    value, which is not always the word being scaled)."""
    bi = low.index("but")
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _amplify(total: float, text: str) -> float:
    """Add the emphasis of "!" and "?" away from zero, as vaderSentiment does."""
    if total == 0:
        return total
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0.0 if qm_count <= 1 else (qm_count * 0.18 if qm_count <= 3 else 0.96)
    return total + (ep + qm) if total > 0 else total - (ep + qm)


def _normalize(score: float, alpha: float = 15) -> float:
    norm = score / math.sqrt(score * score + alpha)
    return max(-1.0, min(1.0, norm))
