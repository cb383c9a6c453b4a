"""The measure stage: the analysis (articles, sentences and hits as tidy tables, one frozen
``Analysis`` with its ``key``) and every statistic computed from it.

``pipeline.analyze`` runs the corpus through the text stage (in worker processes on large
corpora); ``tables`` documents the columns; ``cache`` keeps analyses on disk under one key
scheme (``DiskCache``) and ``saved`` writes them as Parquet. The scores take the ``Analysis`` and
a ``ScoreSettings`` (``score``: rates, axis balance, label shares, actor sentiment, with
``bootstrap`` intervals; ``sentiment``: VADER; ``periods``: a split by month, week or year), and
``terms`` finds distinctive terms (``term_matrix`` counts them once per article, sums them per group, without an outlet's
``self_reference`` or ``house_style``; ``log_odds``: Monroe et al. 2008; TF-IDF;
``within_events``). ``validation`` checks a lexicon against human coders (precision per term,
Krippendorff's alpha).
"""
from __future__ import annotations

from framing.lazy import lazy_exports

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.measure.analysis import Analysis, select_hits, sentence_texts
    from framing.measure.cache import DiskCache, analysis_key, source_key
    from framing.measure.periods import PERIOD_COLUMN, with_periods
    from framing.measure.pipeline import analyze, cached_analyze, chosen_lexicons
    from framing.measure.saved import load_analysis, save_analysis
    from framing.measure.score import actor_sentiment, axis_balance, frame_rates, label_shares, target_rates
    from framing.measure.tables import ARTICLE_COLUMNS, HIT_COLUMNS, SENTENCE_COLUMNS, corpus_frame
    from framing.measure.terms import (
        ArticleTerms,
        TermMatrix,
        build_term_matrix,
        count_article_terms,
        distinctive_terms,
        has_events,
        left_out_lines,
    )
    from framing.measure.validation import candidate_terms, sample_hits, validation_report
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.measure.analysis": ("Analysis", "select_hits", "sentence_texts"),
        "framing.measure.pipeline": ("analyze", "cached_analyze", "chosen_lexicons"),
        "framing.measure.tables": ("ARTICLE_COLUMNS", "HIT_COLUMNS", "SENTENCE_COLUMNS", "corpus_frame"),
        "framing.measure.cache": ("DiskCache", "analysis_key", "source_key"),
        "framing.measure.saved": ("load_analysis", "save_analysis"),
        "framing.measure.score": ("actor_sentiment", "axis_balance", "frame_rates", "label_shares", "target_rates"),
        "framing.measure.terms": ("ArticleTerms", "TermMatrix", "build_term_matrix", "count_article_terms",
            "distinctive_terms", "has_events", "left_out_lines"),
        "framing.measure.periods": ("PERIOD_COLUMN", "with_periods"),
        "framing.measure.validation": ("candidate_terms", "sample_hits", "validation_report"),
    })

__all__ = ["ARTICLE_COLUMNS", "HIT_COLUMNS", "PERIOD_COLUMN", "SENTENCE_COLUMNS", "Analysis", "ArticleTerms",
           "DiskCache", "TermMatrix", "actor_sentiment", "analysis_key", "analyze", "axis_balance",
           "build_term_matrix", "cached_analyze", "candidate_terms", "chosen_lexicons", "corpus_frame",
           "count_article_terms", "distinctive_terms", "frame_rates", "has_events", "label_shares", "left_out_lines",
           "load_analysis", "sample_hits", "save_analysis", "select_hits", "sentence_texts", "source_key",
           "target_rates", "validation_report", "with_periods"]
