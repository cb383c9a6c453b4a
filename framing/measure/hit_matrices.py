"""The hits of one kind as integer-coded matrices: the lexicons' catalogue of frames, poles,
labels and actors, per-article hit counts by voice as sparse group x item matrices, and the
tidy score tables built from them (``framing.measure.score`` computes every score with these).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from framing.errors import SettingsError
from framing.measure.bootstrap import Groups
from framing.settings import NEGATED, BootstrapSettings

_NO_TARGET = "\x00none"


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


class KindHits:
    """Hits of one kind (or their per-article counts, ``n`` hits a row), read as integer codes
    and numpy arrays: string columns are factorized once and never copied."""

    def __init__(self, hits: pd.DataFrame):
        self.hits = hits
        self.mask = np.ones(len(hits), bool)
        self.weight = hits["weight"].to_numpy(float)
        if "n" in hits.columns:  # hits counted per article and key (``counts.hit_counts``)
            self.weight = self.weight * hits["n"].to_numpy(float)
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


def kind_catalog(kind_hits: KindHits, lexicons, kind: str, names, roles=None) -> pd.DataFrame:
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


def with_targets(features: pd.DataFrame, kind_hits: KindHits, keys: list[str]) -> pd.DataFrame:
    """``features`` x the targets the hits show for each row (``_NO_TARGET`` for hits with no
    target, and for rows no hit shows), in catalogue order."""
    seen = kind_hits.observed([*keys, "target"])
    out = features.assign(_rank=np.arange(len(features))).merge(seen, on=keys, how="left")
    out["target"] = out["target"].fillna(_NO_TARGET)
    return out.sort_values(["_rank", "target"]).drop(columns="_rank").reset_index(drop=True)


def voice_matrix(kind_hits: KindHits, rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int],
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


def voice_tables(groups: Groups, features: pd.DataFrame, voices: list[str], values: dict,
                  boot: BootstrapSettings) -> pd.DataFrame:
    """One block of tidy rows per voice; ``values`` arrays are ``G x (voices * features)``
    (voice-major) or ``G x 1``."""
    n = len(features)
    blocks = []
    for i, v in enumerate(voices):
        cols = slice(i * n, (i + 1) * n)
        part = {k: (a[:, cols] if a.shape[1] == n * len(voices) else a) for k, a in values.items()}
        blocks.append(score_table(groups, features.assign(voice=v), part))
    return with_support(pd.concat(blocks, ignore_index=True), boot)


def score_table(groups: Groups, features: pd.DataFrame, values: dict) -> pd.DataFrame:
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


def with_support(table: pd.DataFrame, boot: BootstrapSettings) -> pd.DataFrame:
    """Flag figures resting on fewer than ``min_articles`` articles; no interval from < 2."""
    table["n_articles"] = table["n_articles"].astype(int)
    table.loc[table["n_articles"] < 2, ["ci_low", "ci_high"]] = np.nan
    table["low_support"] = table["n_articles"] < boot.min_articles
    return table
