"""Loaded language: the per-sentence score of the ``loaded`` lexicon (the sentences table's
``loaded`` and ``loaded_author``), its rate per outlet, group or event with bootstrap
intervals, and each group's most used loaded words with the sentences behind them.

The score of a sentence is the sum of the weights of the ``loaded`` lexicon's hits that start
in it; ``loaded_author`` sums only the hits in the outlet's own voice (``voice == "author"``:
not inside a quotation, not in scare quotes). Negated hits count at full weight and keep their
``negated`` flag: on the PTC train split dropping them lowered the sentence ROC AUC (0.797 to
0.791 in 5-fold cross-validation), and half weight changed nothing. Plain sums beat every
length normalisation tried (sum / sqrt(tokens): 0.791). A weight is a term's smoothed share of
train hits inside a human-annotated loaded-language or name-calling span, over 0.3 (so 1 is a
term as precise as a typical curated term): lexicons/README.md, "loaded.yaml", and
bench/bench_loaded.py for the figures on data the lexicon was not tuned on.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from framing.measure.analysis import Analysis
from framing.measure.bootstrap import article_groups, grouped_ratio, require_columns
from framing.measure.tables import HIT_COLUMNS
from framing.settings import ScoreSettings

#: The lexicon whose hits the sentence scores sum (the bundled ``lexicons/loaded.yaml``, or
#: a user's lexicon of the same name in its place).
LOADED_LEXICON = "loaded"
_NAN = float("nan")
_SENTENCE_ID, _LEXICON, _WEIGHT, _VOICE = (list(HIT_COLUMNS).index(c) for c in ("sentence_id", "lexicon", "weight", "voice"))


def sentence_loaded_scores(rows: list[tuple], n_sentences: int, *, scored: bool = True) -> tuple[list, list]:
    """``loaded`` and ``loaded_author`` of each of an article's ``n_sentences`` sentences from
    its hit rows (``framing.text.hits.article_hits`` with the ``(article_id, outlet)`` prefix);
    NaN everywhere when not ``scored`` (no ``loaded`` lexicon was analysed)."""
    if not scored:
        return [_NAN] * n_sentences, [_NAN] * n_sentences
    loaded, author = [0.0] * n_sentences, [0.0] * n_sentences
    for row in rows:
        if row[_LEXICON] == LOADED_LEXICON:
            sentence, weight = row[_SENTENCE_ID], row[_WEIGHT]
            loaded[sentence] += weight
            if row[_VOICE] == "author":
                author[sentence] += weight
    return loaded, author


def has_loaded_lexicon(lexicons) -> bool:
    return any(lexicon.name == LOADED_LEXICON for lexicon in lexicons)
