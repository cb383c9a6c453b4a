"""Every lexicon hit of one article with its context: the article's sentences, each match of
the lexicons' terms (``framing.text.match``), and per hit its voice, speaker, negation, hedging
and target (``framing.text.context``). The one place a hit meets its context: the analysis
pipeline and the concordance both call ``article_hits``."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from framing.text.context import Context, body_context
from framing.text.match import Matcher
from framing.text.tokenize import split_sentences

#: The fields of a hit row after its prefix (``article_hits``), in order.
HIT_FIELDS = ("sentence_id", "start", "end", "matched", "term", "lexicon", "kind", "role", "frame", "pole", "weight",
              "voice", "speaker", "negated", "hedged", "target")


@dataclass(frozen=True)
class ArticleHits:
    """One article's sentence spans and hit rows (see ``article_hits``)."""

    sentence_spans: list
    rows: list


def article_hits(body: str, matcher: Matcher, *, prefix: tuple = ()) -> ArticleHits:
    """Sentence spans of ``body`` and one row per hit: ``prefix + (sentence_id, start, end,
    matched, term, lexicon, kind, role, frame, pole, weight, voice, speaker, negated, hedged, target)``."""
    spans, hits = hit_parts(body, matcher)
    return ArticleHits(spans, [(*prefix, sentence_id, start, end, body[start:end], *fields, *context)
                               for sentence_id, start, end, fields, context in hits])


def hit_parts(body: str, matcher: Matcher) -> tuple[list, list[tuple[int, int, int, tuple, tuple]]]:
    """Sentence spans of ``body`` and each hit as ``(sentence_id, start, end, fields, context)``:
    ``article_hits``'s rows before they are spelled out. ``fields`` (term ... weight) is the
    matcher's tuple of the lexicon entry, shared by all its hits; ``context`` (voice, speaker,
    negated, hedged, target) one tuple shared by the article's hits with the same context."""
    spans = split_sentences(body)
    found = matcher.find_spans(body)
    if not found:
        return spans, []
    contexts = _contexts(body, spans, found)
    starts = [s for s, _ in spans]
    hits = []
    columns: dict[tuple[int, bool], tuple] = {}  # (context, is an actor) -> its columns, built once
    for (start, end, fields), ctx in zip(found, contexts):
        actor = fields[2] == "actor"
        context = columns.get((id(ctx), actor))
        if context is None:
            context = columns[id(ctx), actor] = (ctx.voice, ctx.speaker, ctx.negated, ctx.hedged,
                                                 None if actor else ctx.target)
        hits.append((max(bisect_right(starts, start) - 1, 0), start, end, fields, context))
    return spans, hits


def _contexts(body: str, spans: Sequence, found: Sequence) -> list:
    """Context of every match ``(start, end, fields)`` (actor mentions too: their voice says
    whether an actor is named in a quotation; their target is left empty)."""
    actors = [(start, end, fields[4]) for start, end, fields in found if fields[2] == "actor"]
    return span_contexts(body, spans, [(start, end) for start, end, _ in found], actors)


def span_contexts(body: str, sentence_spans: Sequence, spans: Sequence, actors: Sequence) -> list[Context]:
    """Voice, speaker, negation, hedging and target of each ``(start, end)`` span of ``body``
    (``framing.text.context``), given the body's sentence spans and its actor mentions
    ``(start, end, actor)``: the context of a lexicon hit and of any searched phrase alike."""
    return body_context(body, sentence_spans, spans, actors)
