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
from framing.measure.bootstrap import Groups, article_groups, group_columns, grouped_ratio, require_columns
from framing.measure.loaded import LOADED_LEXICON, require_loaded_lexicon
from framing.measure.periods import PERIOD_COLUMN, with_periods
from framing.measure.sentiment import sentence_sentiment
from framing.settings import NEGATED, BootstrapSettings, ScoreSettings

HIT_COLUMNS = ("article_id", "lexicon", "kind", "role", "frame", "pole", "weight", "voice", "negated", "hedged", "target")
_NO_TARGET = "\x00none"


# --- lexicon catalogue and hit matrices -----------------------------------------------------

def lexicon_catalog(lexicons) -> pd.DataFrame:
    """One row per frame pole, naming label and actor of ``lexicons``, in lexicon order:
    ``lexicon, kind, role, frame, pole, pole_index`` (0 = pole A) and ``n_poles``."""
    rows = []
    for lex in lexicons:
        for frame in lex.frames:
            rows += [(lex.name, "frame", frame.role, frame.name, p.name, i, len(frame.poles))
                     for i, p in enumerate(frame.poles)]
        for naming in lex.naming_sets:
            rows += [(lex.name, "naming", naming.role, naming.name, p.name, i, len(naming.labels))
                     for i, p in enumerate(naming.labels)]
        rows += [(lex.name, "actor", a.role, a.name, a.name, 0, 1) for a in lex.actors]
    return pd.DataFrame(rows, columns=["lexicon", "kind", "role", "frame", "pole", "pole_index", "n_poles"])


class _KindHits:
    """The hits of one kind, read as integer codes and numpy arrays: a hits table may hold
    millions of rows, so its string columns are factorized once and never copied."""

    def __init__(self, hits: pd.DataFrame, kind: str):
        self.hits = hits
        self.mask = (hits["kind"] == kind).to_numpy(bool)
        self.weight = hits["weight"].to_numpy(float)[self.mask]
        self.negated = self.flag("negated")
        self._codes: dict = {}

    def __len__(self) -> int:
        return len(self.weight)

    def flag(self, column: str) -> np.ndarray:
        return self.hits[column].fillna(False).to_numpy(bool)[self.mask]

    def codes(self, column: str) -> tuple[np.ndarray, pd.Index]:
        """Codes of ``column`` for these hits and the values they stand for (missing values
        become ``_NO_TARGET``)."""
        if column not in self._codes:
            series = self.hits[column]
            if isinstance(series.dtype, pd.CategoricalDtype):  # its own small codes: no int64 copy of the column
                codes, uniques = series.cat.codes.to_numpy(), series.cat.categories
            else:
                codes, uniques = pd.factorize(series)  # missing -> -1 (fast on objects)
            codes, values = codes[self.mask].astype(np.int32), pd.Index(uniques, dtype=object)
            if (codes < 0).any():
                codes = np.where(codes < 0, len(values), codes)
                values = values.append(pd.Index([_NO_TARGET], dtype=object))
            self._codes[column] = (codes, values)
        return self._codes[column]

    def roles_of(self, poles: pd.DataFrame) -> list:
        """The role the hits give each ``lexicon, frame, pole`` row of ``poles`` (for poles no
        lexicon given defines; looked up in those hits only, rarely needed)."""
        rows = self.hits.loc[self.mask, ["lexicon", "frame", "pole", "role"]].astype(object).drop_duplicates(
            ["lexicon", "frame", "pole"])
        return poles[["lexicon", "frame", "pole"]].merge(rows, how="left")["role"].tolist()

    def is_voice(self, voice: str) -> np.ndarray:
        codes, values = self.codes("voice")
        return codes == (values.get_loc(voice) if voice in values else -1)

    def observed(self, keys: list[str]) -> pd.DataFrame:
        """The distinct combinations of ``keys`` these hits show."""
        columns = [self.codes(k) for k in keys]
        combined = np.zeros(len(self), np.int64)
        for codes, values in columns:
            combined = combined * len(values) + codes
        combined = np.unique(combined)
        out = {}
        for key, (_, values) in zip(keys[::-1], columns[::-1]):
            out[key] = values[combined % len(values)].to_numpy(object)
            combined = combined // len(values)
        return pd.DataFrame({k: out[k] for k in keys})

    def locate(self, table: pd.DataFrame, keys: list[str]) -> np.ndarray:
        """Row of ``table`` each hit matches on ``keys`` (-1 when none)."""
        combined = np.zeros(len(self), np.int64)
        table_code = np.zeros(len(table), np.int64)
        for key in keys:
            codes, values = self.codes(key)
            categories = pd.Index(table[key].astype(object).fillna(_NO_TARGET).unique())
            found = categories.get_indexer(values)[codes]
            combined = np.where((combined < 0) | (found < 0), -1, combined * len(categories) + found)
            table_code = table_code * len(categories) + categories.get_indexer(table[key].astype(object).fillna(_NO_TARGET))
        return np.where(combined < 0, -1, pd.Index(table_code).get_indexer(combined))

    def article_rows(self, groups: Groups, articles: pd.DataFrame) -> np.ndarray:
        """Each hit's article row in group order (-1: the article is in no group)."""
        codes, values = self.codes("article_id")
        used = np.zeros(len(values), bool)
        used[codes] = True  # a subset's categories may name articles it no longer has
        unknown = used & ~values.isin(articles["article_id"])
        if unknown.any():
            raise SettingsError(f"hits name {int(unknown.sum())} articles missing from the articles table "
                                f"(e.g. {values[unknown][0]!r}): pass the articles table of the same analysis")
        return groups.article_ids.get_indexer(values)[codes]


def _catalog(kind_hits: _KindHits, lexicons, kind: str, names, roles=None) -> pd.DataFrame:
    """Catalogue rows of ``kind``: from ``lexicons``, plus any pole the hits show that those
    lexicons lack (``n_poles`` unknown, role as the hits say); only the frames (naming sets)
    in ``names`` when given, and of ``roles`` (actors: always)."""
    keys = ["lexicon", "frame", "pole"]
    observed = kind_hits.observed(keys)
    cat = lexicon_catalog(lexicons)
    cat = cat[cat["kind"] == kind].drop(columns="kind")
    extra = observed.merge(cat[keys].astype(object), on=keys, how="left", indicator=True)
    extra = extra[extra["_merge"] == "left_only"].drop(columns="_merge").sort_values(keys)
    extra = extra.assign(pole_index=extra.groupby(["lexicon", "frame"]).cumcount(), n_poles=np.nan,
                         role=kind_hits.roles_of(extra) if len(extra) else [])
    cat = pd.concat([cat, extra[cat.columns]], ignore_index=True)
    if names is not None:
        wanted = [names] if isinstance(names, str) else list(names)
        unknown = sorted(set(wanted) - set(cat["frame"]))
        if unknown:
            raise SettingsError(f"no {kind} named {', '.join(map(repr, unknown))}; "
                                f"known: {', '.join(sorted(set(cat['frame'])))}")
        cat = cat[cat["frame"].isin(wanted)]
    if roles is not None and kind != "actor":
        _check_roles_named(cat, roles, names)
        cat = cat[cat["role"].isin(list(roles))]
    return cat.reset_index(drop=True)


def _check_roles_named(cat: pd.DataFrame, roles, names) -> None:
    """A frame named on purpose but left out by the roles counted is a question, not an empty table."""
    if names is None:
        return
    other = cat[~cat["role"].isin(list(roles))].drop_duplicates("frame")
    if len(other):
        first = other.iloc[0]
        raise SettingsError(f"{first['frame']!r} has role {first['role']}, and only role {', '.join(roles)} is "
                            f"counted: add --role {first['role']} (or --role all; roles=... in ScoreSettings)")


def _with_targets(features: pd.DataFrame, kind_hits: _KindHits, keys: list[str]) -> pd.DataFrame:
    """``features`` x the targets the hits show for each row (``_NO_TARGET`` for hits with no
    target, and for rows no hit shows), in catalogue order."""
    seen = kind_hits.observed([*keys, "target"])
    out = features.assign(_rank=np.arange(len(features))).merge(seen, on=keys, how="left")
    out["target"] = out["target"].fillna(_NO_TARGET)
    return out.sort_values(["_rank", "target"]).drop(columns="_rank").reset_index(drop=True)


def _voice_matrix(kind_hits: _KindHits, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int],
                  voices: list[str], *, negated: str = "include", values: np.ndarray | None = None,
                  keep: np.ndarray | None = None) -> sparse.csr_matrix:
    """Articles x (voice, feature) for ``shape = (articles, features)``: summed ``values``
    (default: hit weights) of the hits of each voice that the ``negated`` rule and ``keep``
    retain; one block of feature columns per voice, in the order of ``voices``."""
    if negated not in NEGATED:
        raise SettingsError(f"negated must be one of {', '.join(NEGATED)}, got {negated!r}")
    neg = kind_hits.negated
    ok = (rows >= 0) & (cols >= 0) & {"exclude": ~neg, "include": np.ones_like(neg), "only": neg}[negated]
    if keep is not None:
        ok &= keep
    values = kind_hits.weight if values is None else values
    blocks = []  # one sparse block per voice: a few times less memory than one big COO
    for v in voices:
        m = ok if v == "all" else ok & kind_hits.is_voice(v)
        coords = (rows[m].astype(np.int32), cols[m].astype(np.int32))
        blocks.append(sparse.csr_matrix((values[m], coords), shape=shape))
    return sparse.hstack(blocks, format="csr")


def _voice_tables(groups: Groups, features: pd.DataFrame, voices: list[str], values: dict,
                  boot: BootstrapSettings) -> pd.DataFrame:
    """One block of tidy rows per voice; ``values`` arrays are ``G x (voices * features)``
    (voice-major) or ``G x 1``."""
    n = len(features)
    blocks = []
    for i, v in enumerate(voices):
        cols = slice(i * n, (i + 1) * n)
        part = {k: (a[:, cols] if a.shape[1] == n * len(voices) else a) for k, a in values.items()}
        blocks.append(_table(groups, features.assign(voice=v), part))
    return _supported(pd.concat(blocks, ignore_index=True), boot)


def _table(groups: Groups, features: pd.DataFrame, values: dict) -> pd.DataFrame:
    """Tidy rows group x feature: ``group`` (display label), the group columns, the feature
    columns, then each ``values`` array (``G x F``, or broadcastable to it)."""
    n_groups, n_features = len(groups.keys), len(features)
    gi, fi = np.repeat(np.arange(n_groups), n_features), np.tile(np.arange(n_features), n_groups)
    head = groups.keys.iloc[gi].reset_index(drop=True)
    head.insert(0, "group", np.asarray(groups.labels(), dtype=object)[gi])
    feat = features.iloc[fi].reset_index(drop=True)
    if "target" in feat:
        feat["target"] = feat["target"].astype(object).where(feat["target"] != _NO_TARGET, None)
    body = pd.DataFrame({k: np.broadcast_to(v, (n_groups, n_features)).ravel() for k, v in values.items()})
    return pd.concat([head, feat, body], axis=1)


def _supported(table: pd.DataFrame, boot: BootstrapSettings) -> pd.DataFrame:
    """Flag figures resting on fewer than ``min_articles`` articles; no interval from < 2."""
    table["n_articles"] = table["n_articles"].astype(int)
    table.loc[table["n_articles"] < 2, ["ci_low", "ci_high"]] = np.nan
    table["low_support"] = table["n_articles"] < boot.min_articles
    return table


def precise_hits(hits: pd.DataFrame, settings: ScoreSettings) -> pd.DataFrame:
    """The hits, without those of terms whose coded precision (``settings.precision_file``,
    ``framing.measure.validation``) is below ``settings.min_precision``."""
    if settings.min_precision is None or settings.precision_file is None:  # (ScoreSettings sets both or neither)
        return hits
    from framing.measure.validation import drop_imprecise_hits, term_precision

    return drop_imprecise_hits(hits, term_precision(settings.precision_file), settings.min_precision)


def _setup(analysis: Analysis, settings: ScoreSettings, kind: str):
    """Groups of the articles (``settings.period`` adds each article's period to ``by``),
    the hits of ``kind`` and each hit's article row."""
    require_columns(analysis.hits, HIT_COLUMNS, "hits")
    articles, by = analysis.articles, settings.by
    if settings.period:
        articles, _ = with_periods(articles, settings.period)
        by = (*group_columns(by), PERIOD_COLUMN)
    groups = article_groups(articles, by)
    kind_hits = _KindHits(precise_hits(analysis.hits, settings), kind)
    return groups, kind_hits, kind_hits.article_rows(groups, articles)


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
    features = _catalog(kind_hits, analysis.lexicons, kind, settings.frames, settings.roles)[["lexicon", "role", "frame", "pole"]]
    if by_target:
        features, keys = _with_targets(features, kind_hits, keys), keys + ["target"]
    cols = kind_hits.locate(features, keys)
    shape = (len(groups.article_ids), len(features))
    negated = settings.negated
    num = _voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated)
    total, _, point, low, high = grouped_ratio(num, groups.words, groups, boot)
    ind = groups.indicator()
    negated_hits = ind @ _voice_matrix(kind_hits, rows, cols, shape, voices, negated="only")
    hedged_hits = ind @ _voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated,
                                      keep=kind_hits.flag("hedged"))
    return _voice_tables(groups, features, voices, {
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
    num = _voice_matrix(kind_hits, rows, cols, shape, voices, negated="include")
    total, _, point, low, high = grouped_ratio(num, groups.words, groups, boot)
    ind = groups.indicator()
    count = ind @ _voice_matrix(kind_hits, rows, cols, shape, voices, values=np.ones(len(kind_hits)), negated="include")
    negated_hits = ind @ _voice_matrix(kind_hits, rows, cols, shape, voices, values=np.ones(len(kind_hits)),
                                       negated="only")
    return _voice_tables(groups, pd.DataFrame({"lexicon": [LOADED_LEXICON]}), voices, {
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
    cat = _catalog(kind_hits, analysis.lexicons, "frame", settings.frames, settings.roles)
    _check_axes_known(cat)
    axes = cat[cat["n_poles"] == 2].reset_index(drop=True)
    pole = {i: axes.loc[axes["pole_index"] == i, ["lexicon", "role", "frame", "pole"] if i == 0 else
                        ["lexicon", "frame", "pole"]] for i in (0, 1)}
    features = pole[0].rename(columns={"pole": "pole_a"}).merge(
        pole[1].rename(columns={"pole": "pole_b"}), on=["lexicon", "frame"]).reset_index(drop=True)
    keys = ["lexicon", "frame"]
    if by_target:
        features, keys = _with_targets(features, kind_hits, keys), keys + ["target"]
    axis_row = kind_hits.locate(axes, ["lexicon", "frame", "pole"])
    cols = np.where(axis_row >= 0, kind_hits.locate(features, keys), -1)
    sign = np.where(axes["pole_index"].to_numpy()[axis_row] == 0, 1.0, -1.0)
    shape = (len(groups.article_ids), len(features))
    num = _voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated, values=sign * kind_hits.weight)
    den = _voice_matrix(kind_hits, rows, cols, shape, voices, negated=negated)
    diff, total, point, low, high = grouped_ratio(num, den, groups, boot)
    return _voice_tables(groups, features, voices, {
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
    features = _catalog(kind_hits, analysis.lexicons, "naming", settings.frames, settings.roles)[
        ["lexicon", "role", "frame", "pole"]]
    shape = (len(groups.article_ids), len(features))
    num = _voice_matrix(kind_hits, rows, kind_hits.locate(features, keys), shape, voices)
    referent = np.tile(features.groupby(["lexicon", "frame"], sort=False).ngroup().to_numpy(), len(voices))
    referent += np.repeat(np.arange(len(voices)), len(features)) * (referent.max(initial=0) + 1)
    den = (num @ sparse.csr_matrix((referent[:, None] == referent[None, :]).astype(float))).tocsr()
    count, total, share, low, high = grouped_ratio(num, den, groups, boot)
    table = features.rename(columns={"frame": "naming_set", "pole": "label"})
    return _voice_tables(groups, table, voices, {
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
    groups, kind_hits, rows = _setup(analysis, settings, "actor")
    keys = ["lexicon", "frame", "pole"]
    features = _catalog(kind_hits, analysis.lexicons, "actor", None)[keys]
    cols = kind_hits.locate(features, keys)
    pair, compound = _mention_scores(kind_hits, analysis, workers)
    voice_code, voice_values = kind_hits.codes("voice")
    shape = (len(groups.article_ids), len(features))
    num, den = [], []
    for v in voices:  # one count per sentence and actor (and voice, unless "all")
        key = (pair * (len(features) + 1) + cols + 1) * len(voice_values) + (0 if v == "all" else voice_code)
        once = np.zeros(len(key), bool)
        once[np.unique(key, return_index=True)[1]] = True
        num.append(_voice_matrix(kind_hits, rows, cols, shape, [v], values=compound, keep=once))
        den.append(_voice_matrix(kind_hits, rows, cols, shape, [v], values=np.ones(len(key)), keep=once))
    num, den = sparse.hstack(num).tocsr(), sparse.hstack(den).tocsr()
    _, n_sentences, mean, low, high = grouped_ratio(num, den, groups, boot)
    table = features[["lexicon", "frame"]].rename(columns={"frame": "actor"})
    return _voice_tables(groups, table, voices, {
        "sentiment": mean, "ci_low": low, "ci_high": high, "n_sentences": n_sentences.astype(int),
        "n_articles": (groups.indicator() @ (den > 0)).toarray()}, boot)


def _analysed_scores(sentences: pd.DataFrame) -> pd.DataFrame:
    """``article_id, sentence_id, compound`` of the sentences the analysis scored."""
    if "compound" not in sentences.columns:
        return pd.DataFrame({"article_id": pd.Series(dtype=object), "sentence_id": pd.Series(dtype="int64"),
                             "compound": pd.Series(dtype=float)})
    return sentences.loc[sentences["compound"].notna(), ["article_id", "sentence_id", "compound"]]


def _has_score(wanted: pd.DataFrame, scores: pd.DataFrame) -> np.ndarray:
    keys = pd.MultiIndex.from_arrays([scores["article_id"].astype(object), scores["sentence_id"]])
    return pd.MultiIndex.from_arrays([wanted["article_id"], wanted["sentence_id"]]).isin(keys)


def _mention_scores(kind_hits: _KindHits, analysis: Analysis, workers: int | None):
    """A code for each mention's sentence, and that sentence's compound score: from the
    sentences table's ``compound`` column (the analysis scores every sentence naming an
    actor), any sentence without one scored here."""
    sentences = analysis.sentences
    article, article_ids = kind_hits.codes("article_id")
    sentence = kind_hits.hits["sentence_id"].to_numpy(np.int64)[kind_hits.mask]
    width = int(sentence.max(initial=0)) + 1
    unique, pair = np.unique(article.astype(np.int64) * width + sentence, return_inverse=True)
    wanted = pd.DataFrame({"article_id": article_ids[unique // width].to_numpy(object),
                           "sentence_id": unique % width})
    scores = _analysed_scores(sentences)
    unscored = wanted[~_has_score(wanted, scores)]
    if len(unscored):
        scores = pd.concat([scores.astype({"article_id": object}), sentence_sentiment(
            sentences, unscored, workers=workers, articles=analysis.articles).astype({"article_id": object})])
    found = wanted.merge(scores[["article_id", "sentence_id", "compound"]].drop_duplicates(
        ["article_id", "sentence_id"]).astype({"article_id": object}), on=["article_id", "sentence_id"], how="left")
    missing = found["compound"].isna().to_numpy()
    if missing.any():
        first = found[missing].iloc[0]
        raise SettingsError(f"no sentiment for sentence {first['sentence_id']} of article "
                            f"{first['article_id']!r}: pass the sentences table of the same analysis")
    return pair, found["compound"].to_numpy(float)[pair]
