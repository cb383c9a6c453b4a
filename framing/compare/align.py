"""Framing diff: within one event, pair sentences of different outlets that report the same
fact, and show how their wording differs word by word.

Pairing. The event's sentences (at least ``min_words`` words) are TF-IDF vectors of the same
stemmed, stop-word-free terms as event grouping (``framing.compare.events.event_terms``), fitted on
that event's sentences. For every two articles of different outlets, sentence pairs whose
cosine similarity is at least ``threshold`` are matched one to one, best first (greedy: a
sentence joins at most one pair per other article).

Diff. ``word_diff`` aligns the two sentences' words (``TOKEN_PATTERN``, compared without case)
with ``difflib.SequenceMatcher`` (Ratcliff & Obershelp's gestalt matching) and returns its
``equal``/``replace``/``delete``/``insert`` operations with the words and character offsets of
each side, as data: the dashboard highlights them, the CLI prints ``[-said-]{+claimed+}``.

Ranking. ``diff_score = (1 if the changed words carry a lexicon hit else 0) + similarity x
changed_share``. A pair whose differing words hit a lexicon term (frames and naming sets by
default: "regime" against "President") ranks above every pair whose differences hit none;
within each level, pairs that clearly report the same fact (similarity) yet word it
differently (share of words changed) come first. Identical sentences score 0.
"""
from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.compare.events import event_terms
from framing.errors import CorpusError, SettingsError
from framing.measure.analysis import Analysis
from framing.text.tokenize import word_spans

#: Sentence cosine similarity for two sentences to be paired at all (read off AllSides
#: roundup excerpts: paraphrases of one fact mostly score 0.2 or more, below 0.15 mostly
#: different facts of the same story).
DEFAULT_THRESHOLD = 0.2
#: Similarity from which a pair is labelled "same fact" (below: "related"). Checked by hand on
#: 135 pairs of the AllSides roundups (bench/bench_same_fact.py, bench/README.md): of the
#: pairs at 0.4 or more, 91% reported the same fact (weighted by how many pairs each level
#: holds); from 0.2 to 0.4, 42 of 60 did (70%); from 0.1 to 0.2, 5 of 15.
SAME_FACT_THRESHOLD = 0.4
MATCH_LABELS = ("same fact", "related")
#: Shorter sentences (captions, datelines, "Read more") are not paired.
DEFAULT_MIN_WORDS = 5
#: Hit kinds whose presence in the changed words raises a pair's rank.
DEFAULT_KINDS = ("frame", "naming")
OPS = ("equal", "replace", "delete", "insert")
_OPENERS = "\"'“‘«([{"
PAIR_COLUMNS = ("pair_id", "event_id", "article_a", "outlet_a", "sentence_a", "text_a", "article_b",
                "outlet_b", "sentence_b", "text_b", "similarity", "match", "changed_words", "changed_share",
                "lexicon_terms_a", "lexicon_terms_b", "diff_score", "ops")


@dataclass(frozen=True)
class DiffOp:
    """One step of a word diff: ``tag`` is ``equal``, ``replace``, ``delete`` (words only in
    ``a``) or ``insert`` (words only in ``b``). ``a``/``b`` are the text of each side
    (punctuation up to the next step included; ``""`` on the empty side) and
    ``a_start:a_end``/``b_start:b_end`` their offsets in each sentence."""

    tag: str
    a: str
    b: str
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def as_dict(self) -> dict:
        return asdict(self)


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """Words of ``text`` and the offsets where each step may cut: before each word (and
    before an opening quote or bracket stuck to it), then the end."""
    spans = word_spans(text)
    cuts = [0]
    for previous, word in zip(spans, spans[1:]):
        cut = word.start
        while cut > previous.end and text[cut - 1] in _OPENERS:
            cut -= 1
        cuts.append(cut)
    return [text[s.start:s.end] for s in spans], cuts + [len(text)]


def _piece(text: str, cuts: list[int], i: int, j: int) -> tuple[str, int, int]:
    """Text from word ``i`` up to word ``j`` (trimmed of white space) and its offsets."""
    if i == j:
        at = cuts[i] if i < len(cuts) - 1 else len(text.rstrip())
        return "", at, at
    start, end = cuts[i], cuts[j]
    raw = text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    return text[start:end], start, end


def _fold(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Word-level differences between two sentences (see module doc); the ``a`` texts of the
    steps, in order, cover every word of ``a`` once (likewise ``b``)."""
    words_a, cuts_a = _tokens(a)
    words_b, cuts_b = _tokens(b)
    matcher = difflib.SequenceMatcher(None, [_fold(w) for w in words_a], [_fold(w) for w in words_b],
                                      autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        text_a, a_start, a_end = _piece(a, cuts_a, i1, i2)
        text_b, b_start, b_end = _piece(b, cuts_b, j1, j2)
        ops.append(DiffOp(tag, text_a, text_b, tuple(words_a[i1:i2]), tuple(words_b[j1:j2]),
                          a_start, a_end, b_start, b_end))
    return ops


def diff_markup(ops) -> str:
    """Plain-text markup of a diff: ``[-words of a-]{+words of b+}``, equal text as it is."""
    parts = []
    for op in ops:
        tag, a, b = (op["tag"], op["a"], op["b"]) if isinstance(op, Mapping) else (op.tag, op.a, op.b)
        if tag == "equal":
            parts.append(a)
            continue
        parts.append((f"[-{a}-]" if a else "") + (f"{{+{b}+}}" if b else ""))
    return " ".join(parts)


def changed_words(ops) -> int:
    """Words that differ: in ``a`` only, plus in ``b`` only."""
    return sum(len(op.a_words) + len(op.b_words) for op in ops if op.tag != "equal")


# ----------------------------------------------------------------------------- tables
def _event_articles(articles: pd.DataFrame, event_id: str, events: pd.DataFrame | None,
                    outlets: Collection[str] | None) -> pd.DataFrame:
    missing = [c for c in ("article_id", "outlet", "body") if c not in articles.columns]
    if missing:
        raise CorpusError(f"align_event: the articles table has no column {', '.join(map(repr, missing))} "
                          f"(see docs/data-model.md, articles)")
    if events is not None:
        labels = events.set_index(events["article_id"].astype(str))["event_id"]
        event_ids = articles["article_id"].astype(str).map(labels)
    elif "event_id" in articles.columns:
        event_ids = articles["event_id"]
    else:
        raise CorpusError("align_event: the articles have no event_id; pass events=group_events(articles)")
    chosen = articles[(event_ids.astype(object) == event_id).to_numpy(bool)]
    if chosen.empty:
        known = sorted(set(event_ids.dropna().astype(str)))
        raise SettingsError(f"align_event: no article has event_id {event_id!r}; "
                            f"{len(known)} events are known, e.g. {', '.join(known[:5]) or 'none'}")
    if outlets is not None:
        unknown = sorted(set(outlets) - set(chosen["outlet"]))
        if unknown:
            raise SettingsError(f"align_event: outlet {unknown[0]!r} has no article in event {event_id!r}; "
                                f"its outlets are {', '.join(sorted(set(chosen['outlet'])))}")
        chosen = chosen[chosen["outlet"].isin(set(outlets))]
    return chosen.sort_values(["outlet", "article_id"])


def _event_sentences(analysis: Analysis, chosen: pd.DataFrame, min_words: int) -> pd.DataFrame:
    """One row per sentence of the chosen articles: article_id, outlet, sentence_id, start, text."""
    sentences = analysis.sentences
    rows = np.flatnonzero(sentences["article_id"].isin(set(chosen["article_id"])).to_numpy(bool))
    table = sentences.iloc[rows][["article_id", "sentence_id", "start"]].assign(
        text=analysis.sentence_texts(rows)).astype({"article_id": object})
    table = table.merge(chosen[["article_id", "outlet"]].astype({"article_id": object}), on="article_id")
    table = table[[len(word_spans(str(t))) >= min_words for t in table["text"]]]
    return table.sort_values(["outlet", "article_id", "sentence_id"], ignore_index=True)


# ----------------------------------------------------------------------------- pairing
def _best_matches(similarity: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (row, column, similarity) at or above ``threshold``, best first."""
    rows, cols = np.nonzero(similarity >= threshold)
    order = sorted(zip(-similarity[rows, cols], rows, cols))
    used_a, used_b, pairs = set(), set(), []
    for neg, r, c in order:
        if r not in used_a and c not in used_b:
            used_a.add(r)
            used_b.add(c)
            pairs.append((int(r), int(c), float(-neg)))
    return pairs


def sentence_similarity(table: pd.DataFrame) -> np.ndarray:
    """Cosine similarity of every two sentences of an event's sentence table (TF-IDF of the
    event-grouping terms, fitted on these sentences); zeros when they have no term at all."""
    try:
        vectors = TfidfVectorizer(analyzer=event_terms, sublinear_tf=True).fit_transform(table["text"])
    except ValueError:  # no terms at all
        return np.zeros((len(table), len(table)))
    return (vectors @ vectors.T).toarray()


def _sentence_pairs(table: pd.DataFrame, similarity: np.ndarray, threshold: float):
    """(row a, row b, similarity) for every two articles of different outlets."""
    by_article = {a: part.index.to_numpy() for a, part in table.groupby("article_id", sort=False)}
    outlet_of = dict(zip(table["article_id"], table["outlet"]))
    articles = list(by_article)
    found = []
    for x, art_a in enumerate(articles):
        for art_b in articles[x + 1:]:
            if outlet_of[art_a] == outlet_of[art_b]:
                continue
            rows_a, rows_b = by_article[art_a], by_article[art_b]
            for r, c, sim in _best_matches(similarity[np.ix_(rows_a, rows_b)], threshold):
                found.append((rows_a[r], rows_b[c], sim))
    return found


def _changed_hits(hits: pd.DataFrame | None, article_id: str, sentence_start: int, spans) -> list[str]:
    """Lexicon hits of ``article_id`` overlapping any changed span (sentence offsets)."""
    if hits is None or hits.empty or not spans:
        return []
    mine = hits[hits["article_id"] == article_id]
    found = []
    for hit in mine.itertuples(index=False):
        start, end = hit.start - sentence_start, hit.end - sentence_start
        if any(start < e and end > s for s, e in spans):
            pole = f"/{hit.pole}" if isinstance(hit.pole, str) and hit.pole != hit.frame else ""
            found.append(f"{hit.matched} ({hit.frame}{pole})")
    return list(dict.fromkeys(found))


def _checked(threshold: float, min_words: int, caller: str, *, same_fact: float = SAME_FACT_THRESHOLD) -> None:
    for name, value in (("threshold", threshold), ("same_fact", same_fact)):
        if not 0 < value <= 1:
            raise SettingsError(f"{caller}: {name} must be in (0, 1], got {value!r}")
    if min_words < 1:
        raise SettingsError(f"{caller}: min_words must be 1 or more, got {min_words!r}")


def align_event(analysis: Analysis, event_id: str, *, threshold: float = DEFAULT_THRESHOLD,
                outlets: Collection[str] | None = None, events: pd.DataFrame | None = None,
                min_words: int = DEFAULT_MIN_WORDS, kinds: Collection[str] = DEFAULT_KINDS,
                same_fact: float = SAME_FACT_THRESHOLD) -> pd.DataFrame:
    """Sentence pairs of ``event_id`` in different outlets, with their word diff, ranked by
    ``diff_score`` (columns ``PAIR_COLUMNS``; docs/data-model.md "alignment"); the
    analysis's hits mark the lexicon terms in the changes. ``match`` is "same fact" from
    similarity ``same_fact`` (checked by hand: ``SAME_FACT_THRESHOLD``), else "related".
    Events come from ``events`` (a ``group_events`` table) or the articles' ``event_id``;
    ``outlets`` restricts the outlets compared; ``kinds`` the hit kinds that count."""
    _checked(threshold, min_words, "align_event", same_fact=same_fact)
    chosen = _event_articles(analysis.articles, event_id, events, outlets)
    table = _event_sentences(analysis, chosen, min_words)
    hits = analysis.hits[analysis.hits["kind"].isin(set(kinds))]
    rows = [_pair_row(event_id, table.loc[a], table.loc[b], sim, hits)
            for a, b, sim in _sentence_pairs(table, sentence_similarity(table), threshold)]
    result = pd.DataFrame(rows, columns=[c for c in PAIR_COLUMNS if c not in ("pair_id", "match")])
    result.insert(result.columns.get_loc("similarity") + 1, "match",
                  np.where(result["similarity"] >= same_fact, MATCH_LABELS[0], MATCH_LABELS[1]).astype(object))
    result = result.sort_values(["diff_score", "similarity", "article_a", "sentence_a", "article_b"],
                                ascending=[False, False, True, True, True], ignore_index=True)
    result.insert(0, "pair_id", np.arange(1, len(result) + 1))
    return result


def _pair_row(event_id: str, a: pd.Series, b: pd.Series, similarity: float, hits) -> dict:
    ops = word_diff(str(a["text"]), str(b["text"]))
    changes = [op for op in ops if op.tag != "equal"]
    terms_a = _changed_hits(hits, a["article_id"], int(a["start"]), [(op.a_start, op.a_end) for op in changes if op.a])
    terms_b = _changed_hits(hits, b["article_id"], int(b["start"]), [(op.b_start, op.b_end) for op in changes if op.b])
    n_words = sum(len(op.a_words) + len(op.b_words) for op in ops)
    changed = changed_words(ops)
    share = changed / n_words if n_words else 0.0
    return {"event_id": event_id, "article_a": a["article_id"], "outlet_a": a["outlet"],
            "sentence_a": int(a["sentence_id"]), "text_a": a["text"], "article_b": b["article_id"],
            "outlet_b": b["outlet"], "sentence_b": int(b["sentence_id"]), "text_b": b["text"],
            "similarity": similarity, "changed_words": changed, "changed_share": share,
            "lexicon_terms_a": tuple(terms_a), "lexicon_terms_b": tuple(terms_b),
            "diff_score": float(bool(terms_a or terms_b)) + similarity * share,
            "ops": tuple(op.as_dict() for op in ops)}


# ----------------------------------------------------------------------------- omission
OMISSION_COLUMNS = ("event_id", "outlet", "article_id", "sentence_id", "text", "best_similarity", "best_outlet",
                    "best_article", "best_sentence", "best_text", "n_other_outlets", "lexicon_terms")


def event_omissions(analysis: Analysis, event_id: str, *, threshold: float = DEFAULT_THRESHOLD,
                    outlets: Collection[str] | None = None, events: pd.DataFrame | None = None,
                    min_words: int = DEFAULT_MIN_WORDS, kinds: Collection[str] = DEFAULT_KINDS) -> pd.DataFrame:
    """Sentences of one outlet in ``event_id`` with no counterpart in the others: no sentence
    of another outlet's article reaches similarity ``threshold`` with it (the pairing threshold
    of ``align_event``, the same TF-IDF vectors). Each row (columns ``OMISSION_COLUMNS``)
    names the closest sentence elsewhere (``best_*``; None when the others have no sentence),
    how many other outlets were searched, and the lexicon hits of ``kinds`` in the sentence.
    What the others left out is only as complete as their texts: with excerpts (the AllSides
    roundups) an omission may lie past the excerpt's end. Rows by outlet, article, sentence."""
    _checked(threshold, min_words, "event_omissions")
    chosen = _event_articles(analysis.articles, event_id, events, outlets)
    table = _event_sentences(analysis, chosen, min_words)
    if table["outlet"].nunique() < 2:
        return pd.DataFrame(columns=list(OMISSION_COLUMNS))
    similarity = sentence_similarity(table)
    outlet = table["outlet"].to_numpy(object)
    other = outlet[:, None] != outlet[None, :]
    masked = np.where(other, similarity, -1.0)
    best = masked.argmax(axis=1)
    best_value = masked[np.arange(len(table)), best]
    hits = analysis.hits[analysis.hits["kind"].isin(set(kinds))]
    rows = []
    for i in np.flatnonzero(best_value < threshold):
        mine, match = table.iloc[i], table.iloc[best[i]]
        rows.append({"event_id": event_id, "outlet": mine["outlet"], "article_id": mine["article_id"],
                     "sentence_id": int(mine["sentence_id"]), "text": mine["text"],
                     "best_similarity": float(max(best_value[i], 0.0)), "best_outlet": match["outlet"],
                     "best_article": match["article_id"], "best_sentence": int(match["sentence_id"]),
                     "best_text": match["text"], "n_other_outlets": len(set(outlet[other[i]])),
                     "lexicon_terms": tuple(_changed_hits(hits, mine["article_id"], int(mine["start"]),
                                                          [(0, len(str(mine["text"])))]))})
    return pd.DataFrame(rows, columns=list(OMISSION_COLUMNS))
