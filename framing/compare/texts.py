"""Two pasted texts compared at once, without building a corpus: a teacher pastes two reports
(or two headlines) and gets the framing words of each and the word differences of the
sentences that report the same fact.

The texts become a corpus of two articles of one event (``pasted``), analysed like any corpus
(``framing.measure.pipeline.analyze``) and aligned like any event
(``framing.compare.align.align_event``), so what the class sees is what the tool does on real
corpora. The text is taken as pasted: no page furniture is cleaned away, and every sentence is
paired, however short (a headline is one sentence). Two one-sentence texts (two headlines) are
always compared with each other, however few words they share.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import pandas as pd

from framing.compare.align import DEFAULT_THRESHOLD, align_event
from framing.compare.contrast import framing_first
from framing.compare.roles import framing_hits
from framing.corpus.records import Article, Corpus, LoadReport
from framing.errors import SettingsError
from framing.lexicon import Lexicon
from framing.measure.analysis import Analysis
from framing.measure.pipeline import analyze

EVENT = "pasted"
#: The most characters a pasted text may have (a long feature article is about 20,000).
MAX_CHARACTERS = 200_000
#: Similarity floor for two one-sentence texts: any shared term pairs them.
HEADLINE_THRESHOLD = 1e-6


@dataclass(frozen=True)
class TextComparison:
    """Two texts analysed (``analysis``: articles ``text-a`` and ``text-b``, outlets as
    labelled) and their aligned sentence pairs (``pairs``: ``align.PAIR_COLUMNS``, pairs
    whose changed words carry framing words first)."""

    analysis: Analysis
    pairs: pd.DataFrame
    labels: tuple[str, str]

    def body(self, side: int) -> str:
        return str(self.analysis.articles["body"].iloc[side])

    def hits(self, side: int, *, framing_only: bool = True) -> pd.DataFrame:
        """The hits of text ``side`` (0 or 1): its framing words (``roles.framing_hits``), or all."""
        article_id = self.analysis.articles["article_id"].iloc[side]
        hits = self.analysis.hits[self.analysis.hits["article_id"] == article_id]
        return framing_hits(hits) if framing_only else hits


def _article(article_id: str, label: str, text: str) -> Article:
    body = text.replace("\r\n", "\n").strip()
    title = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return Article(id=article_id, outlet=label, title=title[:200], date=None, date_precision="unknown", url=None,
                   raw_text=body, body=body, meta={"event_id": EVENT}, source=f"pasted text ({label})")


def compare_texts(text_a: str, text_b: str, *, lexicons: Iterable[Lexicon] | None = None,
                  labels: tuple[str, str] = ("Text A", "Text B"), threshold: float = DEFAULT_THRESHOLD) -> TextComparison:
    """Analyse two texts as two outlets' reports of one event and align their sentences
    (module doc). ``labels`` name the two sides (two different names)."""
    for name, text in (("first", text_a), ("second", text_b)):
        if not isinstance(text, str) or not text.strip():
            raise SettingsError(f"the {name} text is empty: paste a report or a headline")
        if len(text) > MAX_CHARACTERS:
            raise SettingsError(f"the {name} text has {len(text):,} characters; paste at most {MAX_CHARACTERS:,} "
                                "(or build a corpus for long texts)")
    if len(labels) != 2 or labels[0] == labels[1]:
        raise SettingsError(f"labels must be two different names, got {labels!r}")
    articles = (_article("text-a", labels[0], text_a), _article("text-b", labels[1], text_b))
    report = LoadReport(seen=2, loaded=2)
    analysis = analyze(Corpus(articles, report, "pasted texts"), lexicons, workers=1)
    one_sentence_each = (analysis.articles["n_sentences"] <= 1).all()
    framed = replace(analysis, hits=framing_hits(analysis.hits), key=f"{analysis.key}/framing")
    pairs = align_event(framed, EVENT, threshold=HEADLINE_THRESHOLD if one_sentence_each else threshold, min_words=1)
    return TextComparison(analysis, framing_first(pairs), (labels[0], labels[1]))

