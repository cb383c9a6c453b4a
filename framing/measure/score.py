"""Scores per article, outlet, event or any articles column: frame rates, axis balance, label
shares and actor sentiment, each with a bootstrap interval and the number of articles it
rests on (columns in docs/data-model.md, "scores").

Every score here is a ratio of sums over a group's articles (hits / words, pole A - B over
A + B, one label over all labels of its referent, summed sentence sentiment over sentences),
so one implementation serves them all: ``framing.measure.bootstrap`` resamples ARTICLES with
replacement within each group and takes expanded percentile intervals (Efron & Tibshirani
1993, "An Introduction to the Bootstrap", ch. 13; Hesterberg 2015). ``n_articles`` is always
the number of the group's articles with a non-zero denominator (words; hits on the axis;
mentions of the referent; sentences naming the actor): the articles the figure rests on, the
``n`` of the interval, and what ``low_support`` reads.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from scipy import sparse

from framing.errors import SettingsError
from framing.measure.analysis import Analysis
from framing.measure.bootstrap import Groups, article_groups, group_columns, grouped_ratio
from framing.measure.counts import actor_mentions, hit_counts
from framing.measure.hit_matrices import (
    KindHits,
    kind_catalog,
    voice_matrix,
    voice_tables,
    with_targets,
)
from framing.measure.loaded import LOADED_LEXICON, require_loaded_lexicon
from framing.measure.periods import PERIOD_COLUMN, with_periods
from framing.measure.sentiment import sentence_sentiment
from framing.measure.tables import require_columns
from framing.settings import ScoreSettings


def precise_hits(hits: pd.DataFrame, settings: ScoreSettings) -> pd.DataFrame:
    """The hits, without those of terms whose coded precision (``settings.precision_file``,
    ``framing.measure.validation``) is below ``settings.min_precision``."""
    if settings.min_precision is None or settings.precision_file is None:  # (ScoreSettings sets both or neither)
        return hits
    from framing.measure.validation import drop_imprecise_hits, term_precision

    return drop_imprecise_hits(hits, term_precision(settings.precision_file), settings.min_precision)


def _setup(analysis: Analysis, settings: ScoreSettings, kind: str):
    """Groups of the articles (``settings.period`` adds each article's period to ``by``), the
    hits of ``kind`` counted per article (``counts.hit_counts``; the terms coded below
    ``settings.min_precision`` left out) and each count's article row."""
    groups, articles = _groups(analysis, settings)
    kind_hits = KindHits(hit_counts(_precise(analysis, settings), kind))
    return groups, kind_hits, kind_hits.article_rows(groups, articles)


def _groups(analysis: Analysis, settings: ScoreSettings) -> tuple[Groups, pd.DataFrame]:
    """The article groups ``settings.by`` (and ``settings.period``) name, read without the
    articles' texts."""
    by = settings.by
    columns = ["article_id", "n_words", *group_columns(by)] + (["date", "date_precision"] if settings.period else [])
    articles = analysis.article_columns(columns)
    if len(articles.columns) < len(set(columns)):
        require_columns(articles, columns, "articles", hint=f"by={settings.by!r}")
    if settings.period:
        articles, _ = with_periods(articles, settings.period)
        by = (*group_columns(by), PERIOD_COLUMN)
    return article_groups(articles, by), articles


def _precise(analysis: Analysis, settings: ScoreSettings) -> Analysis:
    """The analysis without the hits of terms coded below ``settings.min_precision`` (read
    into memory: a store's hits are filtered here, not in DuckDB)."""
    if settings.min_precision is None or settings.precision_file is None:
        return analysis
    return analysis.with_hits(precise_hits(analysis.hits, settings), label="precise")


# --- public scores ---------------------------------------------------------------------

def frame_rates(analysis: Analysis, settings: ScoreSettings | None = None) -> pd.DataFrame:
    """Hits per 1,000 words for every pole of every frame (``settings.kind`` naming or actor:
    every label/actor), per group, with bootstrap intervals; groups without hits get rate 0.

    The rate of a voice is its hits over ALL the group's words. Negated hits ("not
    legitimate" is no vote for legitimacy) follow ``settings.negated`` and are always
    reported in ``negated_hits``. ``settings.by_target`` splits by the hit's target actor.
    Only frames (naming sets) whose role is in ``settings.roles`` (default: framing)."""
    settings = settings or ScoreSettings()
    boot, voices, by_target, kind = settings.bootstrap, settings.voices, settings.by_target, settings.kind
    groups, kind_hits, rows = _setup(analysis, settings, kind)
    keys = ["lexicon", "frame", "pole"]
    features = kind_catalog(kind_hits, analysis.lexicons, kind, settings.frames, settings.roles)[
        ["lexicon", "role", "frame", "pole"]]
    if by_target:
        features, keys = with_targets(features, kind_hits, keys), keys + ["target"]
    cols = kind_hits.locate(features, keys)
    shape = (len(groups.article_ids), len(features))
    negated = settings.negated
    num = voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated)
    total, _, point, low, high = grouped_ratio(num, groups.words, groups, boot)
    ind = groups.indicator()
    negated_hits = ind @ voice_matrix(kind_hits, rows, cols, shape, voices, negated="only")
    hedged_hits = ind @ voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated,
                                      keep=kind_hits.flag("hedged"))
    return voice_tables(groups, features, voices, {
        "hits": total, "negated_hits": negated_hits.toarray(), "hedged_hits": hedged_hits.toarray(),
        "words": (ind @ groups.words)[:, None].astype(int), "rate": point * 1000, "ci_low": low * 1000,
        "ci_high": high * 1000, "n_articles": (ind @ (groups.words > 0))[:, None]}, boot)


def loaded_rates(analysis: Analysis, settings: ScoreSettings | None = None) -> pd.DataFrame:
    """Loaded language per 1,000 words per group and voice, with bootstrap intervals: the
    weights of the ``loaded`` lexicon's hits summed (the sentences table's ``loaded``; the
    ``author`` voice sums ``loaded_author``) over the group's words. Negated hits count, as
    in the sentence score, and are also reported in ``negated_hits``; ``settings.negated``
    is not applied. Columns: ``group``, the by columns, ``lexicon``, ``voice``, ``hits``
    (loaded words), ``loaded`` (their weights summed), ``negated_hits``, ``words``, ``rate``,
    ``ci_low``, ``ci_high``, ``n_articles``, ``low_support``."""
    settings = settings or ScoreSettings()
    require_loaded_lexicon(analysis.lexicons)
    boot, voices = settings.bootstrap, settings.voices
    groups, kind_hits, rows = _setup(analysis, settings, "frame")
    codes, values = kind_hits.codes("lexicon")
    cols = np.where(codes == (values.get_loc(LOADED_LEXICON) if LOADED_LEXICON in values else -1), 0, -1)
    shape = (len(groups.article_ids), 1)
    num = voice_matrix(kind_hits, rows, cols, shape, voices, negated="include")
    total, _, point, low, high = grouped_ratio(num, groups.words, groups, boot)
    ind = groups.indicator()
    count = ind @ voice_matrix(kind_hits, rows, cols, shape, voices, values=np.ones(len(kind_hits)), negated="include")
    negated_hits = ind @ voice_matrix(kind_hits, rows, cols, shape, voices, values=np.ones(len(kind_hits)),
                                       negated="only")
    return voice_tables(groups, pd.DataFrame({"lexicon": [LOADED_LEXICON]}), voices, {
        "hits": count.toarray().astype(int), "loaded": total, "negated_hits": negated_hits.toarray().astype(int),
        "words": (ind @ groups.words)[:, None].astype(int), "rate": point * 1000, "ci_low": low * 1000,
        "ci_high": high * 1000, "n_articles": (ind @ (groups.words > 0))[:, None]}, boot)


def target_rates(analysis: Analysis, settings: ScoreSettings | None = None) -> pd.DataFrame:
    """``frame_rates`` split by target actor (a ``target`` column; None = no clear target)."""
    return frame_rates(analysis, replace(settings or ScoreSettings(), by_target=True))


def axis_balance(analysis: Analysis, settings: ScoreSettings | None = None) -> pd.DataFrame:
    """``(A - B) / (A + B)`` per group for every two-pole frame (A = the lexicon's first pole),
    from weighted hit counts; +1 only pole A, -1 only pole B, NaN when neither occurs.
    ``n_articles`` counts the group's articles with a hit on either pole."""
    settings = settings or ScoreSettings()
    boot, voices, by_target, negated = settings.bootstrap, settings.voices, settings.by_target, settings.negated
    groups, kind_hits, rows = _setup(analysis, settings, "frame")
    cat = kind_catalog(kind_hits, analysis.lexicons, "frame", settings.frames, settings.roles)
    _check_axes_known(cat)
    axes = cat[cat["n_poles"] == 2].reset_index(drop=True)
    pole = {i: axes.loc[axes["pole_index"] == i, ["lexicon", "role", "frame", "pole"] if i == 0 else
                        ["lexicon", "frame", "pole"]] for i in (0, 1)}
    features = pole[0].rename(columns={"pole": "pole_a"}).merge(
        pole[1].rename(columns={"pole": "pole_b"}), on=["lexicon", "frame"]).reset_index(drop=True)
    keys = ["lexicon", "frame"]
    if by_target:
        features, keys = with_targets(features, kind_hits, keys), keys + ["target"]
    axis_row = kind_hits.locate(axes, ["lexicon", "frame", "pole"])
    cols = np.where(axis_row >= 0, kind_hits.locate(features, keys), -1)
    sign = np.where(axes["pole_index"].to_numpy()[axis_row] == 0, 1.0, -1.0)
    shape = (len(groups.article_ids), len(features))
    num = voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated, values=sign * kind_hits.weight)
    den = voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated)
    diff, total, point, low, high = grouped_ratio(num, den, groups, boot)
    return voice_tables(groups, features, voices, {
        "hits_a": (total + diff) / 2, "hits_b": (total - diff) / 2, "balance": point, "ci_low": low,
        "ci_high": high, "n_articles": (groups.indicator() @ (den > 0)).toarray()}, boot)


def _check_axes_known(cat: pd.DataFrame) -> None:
    unknown = cat[cat["n_poles"].isna()].groupby(["lexicon", "frame"])["pole"].nunique()
    unknown = unknown[unknown > 1]
    if len(unknown):
        names = ", ".join(f"{lex}: {frame}" for lex, frame in unknown.index)
        raise SettingsError(f"the hits show frames with two poles that no lexicon given defines ({names}): "
                            "pass lexicons=[...] (the lexicons of the analysis) so pole A and B are known")


def label_shares(analysis: Analysis, settings: ScoreSettings | None = None) -> pd.DataFrame:
    """For each naming set, each label's share of the referent's mentions per group (``count``
    of the label over ``total`` of all its labels), with bootstrap intervals. Negated mentions
    count: a label is used even when the sentence denies something. Share is NaN where the
    group never names the referent; ``n_articles`` counts the articles that do. Only the naming
    sets in ``settings.frames``, when given."""
    settings = settings or ScoreSettings()
    boot, voices = settings.bootstrap, settings.voices
    groups, kind_hits, rows = _setup(analysis, settings, "naming")
    keys = ["lexicon", "frame", "pole"]
    features = kind_catalog(kind_hits, analysis.lexicons, "naming", settings.frames, settings.roles)[
        ["lexicon", "role", "frame", "pole"]]
    shape = (len(groups.article_ids), len(features))
    num = voice_matrix(kind_hits, rows, kind_hits.locate(features, keys), shape, voices)
    referent = np.tile(features.groupby(["lexicon", "frame"], sort=False).ngroup().to_numpy(), len(voices))
    referent += np.repeat(np.arange(len(voices)), len(features)) * (referent.max(initial=0) + 1)
    den = (num @ sparse.csr_matrix((referent[:, None] == referent[None, :]).astype(float))).tocsr()
    count, total, share, low, high = grouped_ratio(num, den, groups, boot)
    table = features.rename(columns={"frame": "naming_set", "pole": "label"})
    return voice_tables(groups, table, voices, {
        "count": count, "total": total, "share": share, "ci_low": low, "ci_high": high,
        "n_articles": (groups.indicator() @ (den > 0)).toarray()}, boot)


def actor_sentiment(analysis: Analysis, settings: ScoreSettings | None = None, *,
                    workers: int | None = None) -> pd.DataFrame:
    """Mean VADER compound score (Hutto & Gilbert 2014) of the sentences mentioning each actor,
    per group, with bootstrap intervals over articles. A sentence naming an actor twice counts
    once. The analysis scores those sentences (the sentences table's ``compound``); any it
    did not are scored here (``workers`` processes; None: every CPU for 20,000 sentences or
    more). ``settings.voice`` keeps mentions in that voice."""
    settings = settings or ScoreSettings()
    boot, voices = settings.bootstrap, settings.voices
    groups, articles = _groups(analysis, settings)
    mentions = actor_mentions(analysis)
    kind_hits = KindHits(mentions)
    rows = kind_hits.article_rows(groups, articles)
    keys = ["lexicon", "frame", "pole"]
    features = kind_catalog(kind_hits, analysis.lexicons, "actor", None)[keys]
    cols = kind_hits.locate(features, keys)
    pair, compound = _mention_scores(kind_hits, analysis, workers)
    voice_code, voice_values = kind_hits.codes("voice")
    shape = (len(groups.article_ids), len(features))
    num, den = [], []
    for v in voices:  # one count per sentence and actor (and voice, unless "all")
        key = (pair * (len(features) + 1) + cols + 1) * len(voice_values) + (0 if v == "all" else voice_code)
        once = np.zeros(len(key), bool)
        once[np.unique(key, return_index=True)[1]] = True
        num.append(voice_matrix(kind_hits, rows, cols, shape, [v], values=compound, keep=once))
        den.append(voice_matrix(kind_hits, rows, cols, shape, [v], values=np.ones(len(key)), keep=once))
    num, den = sparse.hstack(num).tocsr(), sparse.hstack(den).tocsr()
    _, n_sentences, mean, low, high = grouped_ratio(num, den, groups, boot)
    table = features[["lexicon", "frame"]].rename(columns={"frame": "actor"})
    return voice_tables(groups, table, voices, {
        "sentiment": mean, "ci_low": low, "ci_high": high, "n_sentences": n_sentences.astype(int),
        "n_articles": (groups.indicator() @ (den > 0)).toarray()}, boot)


def _mention_scores(kind_hits: KindHits, analysis: Analysis, workers: int | None):
    """A code for each mention's sentence, and that sentence's compound score: from the
    sentences table's ``compound`` column (the analysis scores every sentence naming an
    actor), any sentence without one scored here."""
    mentions = kind_hits.hits
    article, article_ids = kind_hits.codes("article_id")
    sentence = mentions["sentence_id"].to_numpy(np.int64)
    width = int(sentence.max(initial=0)) + 1
    unique, first, pair = np.unique(article.astype(np.int64) * width + sentence, return_index=True, return_inverse=True)
    compound = mentions["compound"].to_numpy(float)[first]
    missing = np.isnan(compound)
    if missing.any():
        wanted = pd.DataFrame({"article_id": article_ids[unique[missing] // width].to_numpy(object),
                               "sentence_id": unique[missing] % width})
        compound[missing] = _scored_here(analysis, wanted, workers)
    return pair, compound[pair]


def _scored_here(analysis: Analysis, wanted: pd.DataFrame, workers: int | None) -> np.ndarray:
    """VADER scores of the ``wanted`` sentences the analysis did not score, in their order."""
    scores = sentence_sentiment(analysis.sentences, wanted, workers=workers, articles=analysis.articles)
    found = wanted.merge(scores[["article_id", "sentence_id", "compound"]].astype({"article_id": object})
                         .drop_duplicates(["article_id", "sentence_id"]), on=["article_id", "sentence_id"], how="left")
    if found["compound"].isna().any():
        first = found[found["compound"].isna()].iloc[0]
        raise SettingsError(f"no sentiment for sentence {first['sentence_id']} of article "
                            f"{first['article_id']!r}: pass the sentences table of the same analysis")
    return found["compound"].to_numpy(float)
