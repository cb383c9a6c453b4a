"""framing: show how news outlets frame the same events.

The data flows one way through stage subpackages: ``corpus`` (files -> cleaned ``Article``
records) and ``lexicon`` (frames, naming sets, actors) -> ``text`` (sentences, lexicon hits and
their context) -> ``measure`` (the ``Analysis`` and every score) -> ``compare`` (events,
alignment, concordance, similarity) -> ``present`` (figures, highlighting, export) -> the
dashboard and the command line. ``settings`` holds the settings objects every stage takes.
The names below are the short imports for scripts (``from framing import load_corpus``); each
is imported when first used. See docs/data-model.md for the tables passed between stages.
"""
from __future__ import annotations

from framing.lazy import lazy_exports

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.compare import align_event, concordance, group_events, outlet_similarity
    from framing.corpus import Article, Corpus, load_corpus
    from framing.errors import FramingError
    from framing.lexicon import Lexicon, bundled_lexicons, load_lexicon
    from framing.measure import (
        Analysis,
        actor_sentiment,
        analyze,
        axis_balance,
        cached_analyze,
        distinctive_terms,
        frame_rates,
        label_shares,
        target_rates,
    )
    from framing.settings import BootstrapSettings, EventSettings, ScoreSettings, Settings, TermSettings
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.corpus": ("Article", "Corpus", "load_corpus"),
        "framing.lexicon": ("Lexicon", "bundled_lexicons", "load_lexicon"),
        "framing.measure": ("Analysis", "actor_sentiment", "analyze", "axis_balance", "cached_analyze",
            "distinctive_terms", "frame_rates", "label_shares", "target_rates"),
        "framing.compare": ("align_event", "concordance", "group_events", "outlet_similarity"),
        "framing.settings": ("BootstrapSettings", "EventSettings", "ScoreSettings", "Settings", "TermSettings"),
        "framing.errors": ("FramingError",),
    })

__all__ = ["Analysis", "Article", "BootstrapSettings", "Corpus", "EventSettings", "FramingError", "Lexicon",
           "ScoreSettings", "Settings", "TermSettings", "actor_sentiment", "align_event", "analyze", "axis_balance",
           "bundled_lexicons", "cached_analyze", "concordance", "distinctive_terms", "frame_rates", "group_events",
           "label_shares", "load_corpus", "load_lexicon", "outlet_similarity", "target_rates"]
