"""The compare stage: articles set side by side.

``events`` groups the articles that report the same event (TF-IDF cosine of title and lead
within a date window) and ``coverage`` says which outlet covered which; ``align`` pairs the
sentences of one event's reports that state the same fact and diffs their words; ``kwic`` is
the concordance of a term, phrase, frame or label with whose words each line is in;
``similarity`` compares outlets' frame or term profiles and maps them in two dimensions.
"""
from __future__ import annotations

from framing.lazy import lazy_exports

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.compare.align import PAIR_COLUMNS, align_event, diff_markup, word_diff
    from framing.compare.coverage import compare_events, event_coverage, shared_events
    from framing.compare.events import EVENT_COLUMNS, group_events, with_events
    from framing.compare.kwic import concordance
    from framing.compare.similarity import frame_profiles, outlet_map, outlet_similarity, term_profiles
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.compare.events": ("EVENT_COLUMNS", "group_events", "with_events"),
        "framing.compare.coverage": ("compare_events", "event_coverage", "shared_events"),
        "framing.compare.align": ("PAIR_COLUMNS", "align_event", "diff_markup", "word_diff"),
        "framing.compare.kwic": ("concordance",),
        "framing.compare.similarity": ("frame_profiles", "outlet_map", "outlet_similarity", "term_profiles"),
    })

__all__ = ["EVENT_COLUMNS", "PAIR_COLUMNS", "align_event", "compare_events", "concordance", "diff_markup",
           "event_coverage", "frame_profiles", "group_events", "outlet_map", "outlet_similarity", "shared_events",
           "term_profiles", "with_events", "word_diff"]
