"""The text stage: sentences and words with their offsets, lexicon terms found in them, and the
context of every hit.

``tokenize`` splits sentences (Punkt, with a fast path) and words; ``match`` finds every lexicon
term (Aho-Corasick, whole words, phrase and spelling variants); ``context`` says whose words a
hit is in, who speaks, whether it is negated or hedged and which actor it is about; ``hits``
joins a hit to its context, once, for the analysis and for free searches alike.
"""
from __future__ import annotations

from framing.lazy import lazy_exports

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.text.context import Context, body_context
    from framing.text.hits import ArticleHits, article_hits, span_contexts
    from framing.text.match import KINDS, Matcher, normalize
    from framing.text.tokenize import TOKEN_PATTERN, count_words, sentences, split_sentences, words
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.text.tokenize": ("TOKEN_PATTERN", "count_words", "sentences", "split_sentences", "words"),
        "framing.text.match": ("KINDS", "Matcher", "normalize"),
        "framing.text.hits": ("ArticleHits", "article_hits", "span_contexts"),
        "framing.text.context": ("Context", "body_context"),
    })

__all__ = ["KINDS", "TOKEN_PATTERN", "ArticleHits", "Context", "Matcher", "article_hits", "body_context",
           "count_words", "normalize", "sentences", "span_contexts", "split_sentences", "words"]
