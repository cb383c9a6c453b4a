"""The one bootstrap and the article groups it resamples within.

Every score in ``framing.measure.score`` is a ratio of sums over a group's articles, so one
implementation serves them all: ``bootstrap_ratio`` resamples ARTICLES with replacement within
each group (not tokens: words of one article are not independent; Efron & Tibshirani 1993,
"An Introduction to the Bootstrap", ch. 13 percentile intervals) and reads the interval off the
resamples at the *expanded* percentiles of Hesterberg (2015, "What Teachers Should Know About
the Bootstrap", The American Statistician 69(4): 371-386): a tail of ``Phi(-sqrt(n/(n-1)) *
t_{n-1})`` instead of ``(1 - level) / 2``, ``n`` being the articles the figure rests on. The
plain percentile interval is too narrow with few articles (the resamples' spread divides by
``n``, and normal instead of t quantiles). Coverage of nominal 95% intervals, simulated as in
``tests/test_score.py`` (hits Poisson with gamma(2, 0.5) overdispersion, 200-1,500 words an
article, 1,000 trials): plain 72% / 83% / 87% / 91% / 93% with 3 / 5 / 10 / 20 / 40 articles;
expanded 74% / 91% / 91% / 93% / 94%; with gamma(0.5, 2) (burstier) expanded 67% / 80% / 86%
/ 90% / 90%. Nothing rescues 3 articles: figures resting on fewer than ``MIN_ARTICLES`` (5)
are flagged ``low_support``.
``resample_weights`` draws a group's resamples from ``seed`` and the group's key only, so a
figure does not change when other groups, frames or voices are added or filtered out.
``article_groups`` sorts the articles table into the groups ``by`` names and
``grouped_ratio`` gives every group x column its sums, point estimate and interval.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse
from threadpoolctl import threadpool_limits

from framing.errors import SettingsError
from framing.measure.tables import require_columns
from framing.parallel import available_cpus
from framing.settings import BootstrapSettings

#: ``by`` shorthands: the articles columns each one groups by.
BY_ALIASES = {"outlet": ["outlet"], "article": ["outlet", "article_id"], "event": ["event_id"]}


# --- the one bootstrap -------------------------------------------------------------------

def resample_weights(n: int, *, n_boot: int, seed: int, key: Sequence = ()) -> np.ndarray:
    """``n_boot x n`` matrix: how often each of ``n`` articles is drawn in each resample
    (``n`` draws with replacement). Deterministic in ``seed`` and the group ``key``."""
    rng = np.random.default_rng([seed, zlib.crc32("\x1f".join(map(str, key)).encode("utf-8"))])
    draws = rng.integers(0, n, size=(n_boot, n))
    draws += (np.arange(n_boot) * n)[:, None]  # in place: two n_boot x n arrays at most, not three
    counts = np.bincount(draws.ravel(), minlength=n_boot * n)
    del draws
    return counts.reshape(n_boot, n).astype(float)


def bootstrap_ratio(num: np.ndarray, den: np.ndarray, *, n_boot: int = 1000, seed: int = 0,
                    level: float = 0.95, key: Sequence = ()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Point estimate ``sum(num) / sum(den)`` per column (the full sample's value) and its
    expanded percentile bootstrap interval (module doc), resampling the rows (articles).
    ``num`` is ``n x F``; ``den`` is ``n x F`` or ``n``. A column rests on the rows whose
    denominator is non-zero; resamples where the denominator sums to 0 are left out; with
    fewer than 2 such rows the interval is NaN (one article cannot show variation)."""
    num = np.asarray(num, dtype=float).reshape(len(num), -1)
    den = np.asarray(den, dtype=float)
    den = den.reshape(len(den), -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        point = num.sum(0) / den.sum(0)
        n_rows = np.broadcast_to(np.count_nonzero(den, axis=0), point.shape)
        if n_rows.max(initial=0) < 2:
            nan = np.full(point.shape, np.nan)
            return point, nan, nan.copy()
        weights = resample_weights(len(num), n_boot=n_boot, seed=seed, key=key)
        replicates = (weights @ num) / (weights @ den)
    low, high = _percentiles(replicates, level, n_rows)
    return point, low, high


@lru_cache(maxsize=4096)
def expanded_tail(level: float, n: int) -> float:
    """Hesterberg's (2015) expanded tail probability: ``Phi(-sqrt(n/(n-1)) * t)``, ``t`` the
    ``(1 + level) / 2`` quantile of Student's t with ``n - 1`` degrees of freedom; about
    ``(1 - level) / 2`` for many articles, smaller for few (NaN below 2)."""
    if n < 2:
        return float("nan")
    from scipy.stats import norm  # here: scipy.stats takes most of a second to import
    from scipy.stats import t as student_t

    return float(norm.sf(np.sqrt(n / (n - 1)) * student_t.ppf((1 + level) / 2, n - 1)))


def _percentiles(replicates: np.ndarray, level: float, n_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expanded percentiles of each column's resamples (NaN where fewer than 2 rows, or no
    resample, define it); columns resting on as many rows share one quantile call."""
    low = np.full(replicates.shape[1], np.nan)
    high = low.copy()
    defined = (n_rows >= 2) & ~np.isnan(replicates).all(axis=0)
    quantile = np.quantile if not np.isnan(replicates).any() else np.nanquantile
    for n in np.unique(n_rows[defined]):
        cols = np.flatnonzero(defined & (n_rows == n))
        tail = expanded_tail(level, int(n))
        low[cols], high[cols] = quantile(replicates[:, cols], [tail, 1 - tail], axis=0)
    return low, high


# --- groups ------------------------------------------------------------------------------

def group_columns(by: str | Sequence[str]) -> list[str]:
    """The articles columns ``by`` names (``outlet``, ``article``, ``event``, a column name or
    a list of them)."""
    names = [by] if isinstance(by, str) else list(by)
    if not names:
        raise SettingsError("by must name at least one articles column (e.g. 'outlet')")
    columns: list[str] = []
    for name in names:
        for col in BY_ALIASES.get(name, [name]):
            if col not in columns:
                columns.append(col)
    return columns


@dataclass
class Groups:
    """Articles sorted by group; group ``g`` holds rows ``bounds[g]:bounds[g+1]``."""

    columns: list[str]
    keys: pd.DataFrame
    article_ids: pd.Index
    bounds: np.ndarray
    words: np.ndarray

    @property
    def sizes(self) -> np.ndarray:
        return np.diff(self.bounds)

    def indicator(self) -> sparse.csr_matrix:
        rows = np.repeat(np.arange(len(self.keys)), self.sizes)
        n = len(self.article_ids)
        return sparse.csr_matrix((np.ones(n), (rows, np.arange(n))), shape=(len(self.keys), n))

    def key(self, g: int) -> tuple:
        return tuple(self.keys.iloc[g])

    def labels(self) -> list[str]:
        return [" / ".join(str(v) for v in row) for row in self.keys.itertuples(index=False)]


def article_groups(articles: pd.DataFrame, by) -> Groups:
    """The articles table (``article_id``, ``n_words`` and the ``by`` columns) sorted into the
    groups ``by`` names; articles missing a group value are left out."""
    columns = group_columns(by)
    require_columns(articles, ["article_id", "n_words", *columns], "articles", hint=f"by={by!r}")
    if articles["article_id"].duplicated().any():
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].iloc[0]
        raise SettingsError(f"articles table: article_id {dup!r} appears more than once")
    table = articles[list(dict.fromkeys(["article_id", "n_words", *columns]))].dropna(subset=columns)
    table = table.sort_values(columns, kind="stable")
    codes = table.groupby(columns, sort=False, observed=True).ngroup().to_numpy()
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.array([], int)
    keys = table.iloc[starts][columns].reset_index(drop=True)
    return Groups(columns, keys, pd.Index(table["article_id"]), np.r_[starts, len(codes)].astype(int),
                  table["n_words"].to_numpy(float))


def grouped_ratio(num: sparse.csr_matrix, den, groups: Groups, boot: BootstrapSettings):
    """Sums, point estimates and intervals per group x column. ``num`` is ``N x F`` (sparse,
    rows in group order); ``den`` is ``N x F`` sparse or an ``N`` vector shared by all columns."""
    ind = groups.indicator()
    shared = not sparse.issparse(den)
    num_sum = (ind @ num).toarray()
    den_sum = ind @ den.reshape(-1, 1) if shared else (ind @ den).toarray()
    with np.errstate(divide="ignore", invalid="ignore"):
        point = num_sum / den_sum
    low = np.full(point.shape, np.nan)
    high = low.copy()
    with threadpool_limits(1, user_api="blas"):  # many small products: threads only add waiting
        _group_intervals(num, den, groups, boot, point, low, high)
    return num_sum, np.broadcast_to(den_sum, point.shape), point, low, high


def _group_intervals(num, den, groups: Groups, boot: BootstrapSettings, point, low, high) -> None:
    """Fill ``low``/``high`` group by group, bootstrapping only the columns the group uses.
    Groups are independent (each draws from its own key and fills its own row), so they run
    in threads, one per CPU: numpy releases the GIL in the heavy steps, and the figures are
    the same in any order."""
    shared = not sparse.issparse(den)

    def interval(g: int) -> None:
        rows = slice(groups.bounds[g], groups.bounds[g + 1])
        part, active = _active(num[rows], None if shared else den[rows])
        if shared:  # columns without hits: every resample gives 0
            low[g] = high[g] = np.where(np.isfinite(point[g]), 0.0, np.nan)
            d = den[rows]
        else:
            d = den[rows][:, active].toarray()
        if active.size:
            _, low[g, active], high[g, active] = bootstrap_ratio(
                part, d, n_boot=boot.n_boot, seed=boot.seed, level=boot.level, key=groups.key(g))

    resampled = np.flatnonzero(groups.sizes >= 2).tolist()
    threads = min(available_cpus(), len(resampled))
    if threads > 1:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(interval, resampled))
    else:
        for g in resampled:
            interval(g)


def _active(num_rows: sparse.csr_matrix, den_rows):
    """Columns with any non-zero value in the group, and ``num`` restricted to them."""
    nz = num_rows.indices if den_rows is None else np.r_[num_rows.indices, den_rows.indices]
    active = np.flatnonzero(np.bincount(nz, minlength=num_rows.shape[1]))
    return num_rows[:, active].toarray(), active
