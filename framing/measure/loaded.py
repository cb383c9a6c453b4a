"""Loaded language: the per-sentence score of the ``loaded`` lexicon (the sentences table's
``loaded`` and ``loaded_author``) and each group's most loaded words with the sentences behind
them. Its rate per outlet, group or event with bootstrap intervals is
``framing.measure.score.loaded_rates``.

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

import pandas as pd

from framing.errors import SettingsError
from framing.measure.analysis import Analysis
from framing.measure.tables import HIT_COLUMNS, require_columns

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


def require_loaded_lexicon(lexicons) -> None:
    """A loaded-language figure needs the ``loaded`` lexicon among those analysed."""
    if not has_loaded_lexicon(lexicons):
        names = ", ".join(lexicon.name for lexicon in lexicons) or "none"
        raise SettingsError(f"no lexicon named {LOADED_LEXICON!r} was analysed (lexicons: {names}); analyse with the "
                            f"bundled one (--lexicon {LOADED_LEXICON}, or no --lexicon at all)")


#: Columns of ``top_loaded_words``.
WORD_COLUMNS = ("group", "term", "frame", "pole", "example", "hits", "loaded", "n_articles", "rank")


def _loaded_hits(analysis: Analysis, by: str, voice: str) -> pd.DataFrame:
    """The ``loaded`` lexicon's hits in ``voice`` (``all``: every voice) with their group: the
    articles table's ``by`` column (articles whose value is missing belong to no group)."""
    require_loaded_lexicon(analysis.lexicons)
    require_columns(analysis.articles, ("article_id", by), "articles")
    hits = analysis.hits
    keep = (hits["lexicon"] == LOADED_LEXICON).to_numpy()
    if voice != "all":
        keep = keep & (hits["voice"] == voice).to_numpy()
    hits = hits[keep]
    group = pd.Series(analysis.articles[by].to_numpy(object), index=analysis.articles["article_id"].astype(str))
    chosen = hits.assign(group=hits["article_id"].astype(str).map(group).to_numpy(object))
    return chosen[chosen["group"].notna()]


def top_loaded_words(analysis: Analysis, *, by: str = "outlet", voice: str = "all", top: int = 10) -> pd.DataFrame:
    """Each group's most loaded words (``WORD_COLUMNS``): per ``term`` of the ``loaded`` lexicon
    (a stem gathers its forms), its ``hits``, their summed weights (``loaded``, what the term
    adds to the group's loaded-language rate), the ``n_articles`` using it and its commonest
    form in the text (``example``); ``rank`` 1 = the largest ``loaded`` in the group. ``by``
    is an articles column; ``voice`` keeps hits in that voice (``all``: every voice)."""
    hits = _loaded_hits(analysis, by, voice)
    if hits.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("hits", "n_articles", "rank") else
                                          "float64" if c == "loaded" else object) for c in WORD_COLUMNS})
    table = pd.DataFrame({"group": hits["group"].astype(str).to_numpy(), "term": hits["term"].astype(str).to_numpy(),
                          "frame": hits["frame"].astype(str).to_numpy(), "pole": hits["pole"].astype(str).to_numpy(),
                          "example": hits["matched"].astype(str).str.lower().to_numpy(),
                          "weight": hits["weight"].to_numpy(float), "article_id": hits["article_id"].astype(str).to_numpy()})
    keys = ["group", "term", "frame", "pole"]
    words = table.groupby(keys, sort=False).agg(hits=("weight", "size"), loaded=("weight", "sum"),
                                                n_articles=("article_id", "nunique")).reset_index()
    examples = table.groupby([*keys, "example"], sort=False).size().reset_index(name="n")
    examples = examples.sort_values([*keys, "n", "example"], ascending=[True] * len(keys) + [False, True])
    words = words.merge(examples.drop_duplicates(keys)[[*keys, "example"]], on=keys)
    words = words.sort_values(["group", "loaded", "hits", "term"], ascending=[True, False, False, True], kind="stable")
    words["rank"] = words.groupby("group").cumcount() + 1
    words = words[words["rank"] <= top] if top else words
    return words[list(WORD_COLUMNS)].reset_index(drop=True)


#: Columns of ``loaded_word_sentences``.
SENTENCE_COLUMNS = ("article_id", "title", "sentence_id", "matched", "voice", "speaker", "negated", "hedged", "text",
                    "loaded", "loaded_author")


def loaded_word_sentences(analysis: Analysis, *, group: str, term: str, by: str = "outlet",
                          voice: str = "all") -> pd.DataFrame:
    """The sentences behind one row of ``top_loaded_words``: every hit of ``term`` in the
    articles whose ``by`` value is ``group`` (in ``voice``), with its sentence and the
    sentence's ``loaded`` and ``loaded_author`` (``SENTENCE_COLUMNS``), in article order."""
    hits = _loaded_hits(analysis, by, voice)
    hits = hits[(hits["group"].astype(str) == str(group)).to_numpy() & (hits["term"] == term).to_numpy()]
    sentences = analysis.sentences
    index = pd.MultiIndex.from_arrays([sentences["article_id"].astype(str), sentences["sentence_id"]])
    rows = index.get_indexer(pd.MultiIndex.from_arrays([hits["article_id"].astype(str), hits["sentence_id"]]))
    if (rows < 0).any():
        raise SettingsError("hits name sentences missing from the sentences table: pass an analysis whose tables belong together")
    titles = dict(zip(analysis.articles["article_id"].astype(str), analysis.articles["title"]))
    out = pd.DataFrame({"article_id": hits["article_id"].astype(str).to_numpy(),
                        "title": [titles.get(a) for a in hits["article_id"].astype(str)],
                        "sentence_id": hits["sentence_id"].to_numpy(), "matched": hits["matched"].astype(str).to_numpy(),
                        "voice": hits["voice"].astype(str).to_numpy(), "speaker": hits["speaker"].to_numpy(object),
                        "negated": hits["negated"].to_numpy(bool), "hedged": hits["hedged"].to_numpy(bool),
                        "text": analysis.sentence_texts(rows),
                        "loaded": sentences["loaded"].to_numpy(float)[rows],
                        "loaded_author": sentences["loaded_author"].to_numpy(float)[rows]})
    return out[list(SENTENCE_COLUMNS)]
