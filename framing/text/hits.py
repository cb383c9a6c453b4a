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
    spans = split_sentences(body)
    found = matcher.find_spans(body)
    if not found:
        return ArticleHits(spans, [])
    contexts = _contexts(body, spans, found)
    starts = [s for s, _ in spans]
    rows = []
    tails: dict[tuple[int, int], tuple] = {}  # (fields, context) -> their columns, built once
    for (start, end, fields), ctx in zip(found, contexts):
        tail = tails.get((id(fields), id(ctx)))
        if tail is None:
            target = None if fields[2] == "actor" else ctx.target
            tail = tails[id(fields), id(ctx)] = fields + (ctx.voice, ctx.speaker, ctx.negated, ctx.hedged, target)
        rows.append((*prefix, max(bisect_right(starts, start) - 1, 0), start, end, body[start:end], *tail))
    return ArticleHits(spans, rows)


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
