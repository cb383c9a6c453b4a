"""The compare stage: articles set side by side.

``events`` groups the articles that report the same event (TF-IDF cosine of title and lead
within a date window) and ``coverage`` says which outlet covered which; ``align`` pairs the
sentences of one event's reports that state the same fact and diffs their words; ``kwic`` is
the concordance of a term, phrase, frame or label with whose words each line is in;
``similarity`` compares outlets' frame or term profiles and maps them in two dimensions;
``contrast`` finds the event two outlets framed most differently (where a class starts),
``paired_words`` what one outlet calls a thing where another says another word, ``texts``
two pasted texts side by side, and ``roles`` the framing hits of one event's articles.
"""
from __future__ import annotations

from framing.lazy import lazy_exports

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.compare.align import PAIR_COLUMNS, align_event, diff_markup, word_diff
    from framing.compare.contrast import StartHere, event_contrasts, start_here
    from framing.compare.coverage import compare_events, event_blindspots, event_coverage, group_coverage, shared_events
    from framing.compare.events import EVENT_COLUMNS, group_events, with_events
    from framing.compare.kwic import Occurrences, add_context, concordance, find_occurrences, occurrences
    from framing.compare.paired_words import paired_words
    from framing.compare.similarity import frame_profiles, outlet_map, outlet_similarity, term_profiles
    from framing.compare.texts import compare_texts
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.compare.events": ("EVENT_COLUMNS", "group_events", "with_events"),
        "framing.compare.coverage": ("compare_events", "event_blindspots", "event_coverage", "group_coverage",
            "shared_events"),
        "framing.compare.align": ("PAIR_COLUMNS", "align_event", "diff_markup", "word_diff"),
        "framing.compare.kwic": ("Occurrences", "add_context", "concordance", "find_occurrences", "occurrences"),
        "framing.compare.similarity": ("frame_profiles", "outlet_map", "outlet_similarity", "term_profiles"),
        "framing.compare.contrast": ("StartHere", "event_contrasts", "start_here"),
        "framing.compare.paired_words": ("paired_words",),
        "framing.compare.texts": ("compare_texts",),
    })

__all__ = ["EVENT_COLUMNS", "Occurrences", "PAIR_COLUMNS", "StartHere", "add_context", "align_event",
           "compare_events", "compare_texts", "concordance", "diff_markup", "event_blindspots", "event_contrasts",
           "event_coverage", "find_occurrences", "frame_profiles", "group_coverage", "group_events", "occurrences",
           "outlet_map", "outlet_similarity", "paired_words", "shared_events", "start_here", "term_profiles",
           "with_events", "word_diff"]
