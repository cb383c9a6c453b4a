"""How alike outlets are: from their frame profiles (rates per 1,000 words of every frame pole)
and from their term profiles (TF-IDF weighted term counts), with a deterministic 2-D map.

A profile table has one row per outlet (or per any group: the index) and one numeric column
per feature. ``frame_profiles`` pivots the scores table; ``term_profiles`` reads a
``framing.measure.terms.TermMatrix``. Both feed ``outlet_similarity`` and ``outlet_map``.

The map: principal components (Pearson 1901; Hotelling 1933, "Analysis of a complex of
statistical variables into principal components") computed from the linear kernel as in kernel
PCA (Schoelkopf, Smola & Mueller 1998, Neural Computation 10(5)), or metric multidimensional
scaling (Kruskal 1964, Psychometrika 29) fitted by SMACOF (de Leeuw 1977) from classical MDS
(Torgerson 1952).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import KernelPCA
from sklearn.manifold import MDS
from sklearn.metrics.pairwise import cosine_similarity

from framing.errors import SettingsError
from framing.measure.terms import TermMatrix, tfidf_weights

METRICS = ("cosine", "pearson")
MAP_METHODS = ("pca", "mds")


def frame_profiles(scores: pd.DataFrame, *, voice: str = "all", value: str = "rate") -> pd.DataFrame:
    """Groups x frame poles table of ``value`` (default the rate per 1,000 words) for one
    ``voice``, from the scores table of ``framing.measure.score.frame_rates``. Columns are named
    ``lexicon/frame/pole``; a pole a group never used counts as 0."""
    needed = ["group", "lexicon", "frame", "pole", "voice", value]
    missing = [c for c in needed if c not in scores.columns]
    if missing:
        raise SettingsError(f"the scores table has no column {missing[0]!r}; "
                            f"frame profiles need {', '.join(needed)}")
    rows = scores[scores["voice"] == voice]
    if rows.empty:
        raise SettingsError(f"the scores table has no rows for voice {voice!r}; "
                            f"it has: {', '.join(map(str, scores['voice'].unique()))}")
    feature = rows["lexicon"].astype(str) + "/" + rows["frame"].astype(str) + "/" + rows["pole"].astype(str)
    wide = rows.assign(feature=feature).pivot_table(index="group", columns="feature", values=value,
                                                    aggfunc="sum", fill_value=0.0, sort=True)
    wide.columns.name, wide.index.name = None, "outlet"
    return wide.astype(float)


def term_profiles(matrix: TermMatrix) -> pd.DataFrame:
    """Groups x terms TF-IDF table (sparse columns), each group's articles one document: the
    weighting of ``framing.measure.terms.tfidf_weights``, so rows have unit length. To compare or map
    outlets, pass the matrix itself: a table of 10^5 sparse columns is slow to build."""
    table = pd.DataFrame.sparse.from_spmatrix(tfidf_weights(matrix.counts), index=list(matrix.groups),
                                              columns=[str(t) for t in matrix.terms])
    table.index.name = "outlet"
    return table


def outlet_similarity(profiles: pd.DataFrame | TermMatrix, *, metric: str = "cosine",
                      standardize: bool = False) -> pd.DataFrame:
    """Similarity of every ordered pair of outlets (itself included), one row per pair:
    ``outlet_a``, ``outlet_b``, ``similarity``, ``metric``. ``cosine`` compares the direction
    of the profiles (scikit-learn ``cosine_similarity``; a profile of zeros has similarity 0);
    ``pearson`` correlates them (dense profiles only). ``standardize`` rescales each feature
    to mean 0 and variance 1 across outlets first (dense profiles only), so that frequent
    frames do not outweigh rare ones."""
    labels, values = _profile_values(profiles, standardize=standardize)
    similarity = _similarity_matrix(values, metric)
    a, b = np.meshgrid(np.arange(len(labels)), np.arange(len(labels)), indexing="ij")
    return pd.DataFrame({"outlet_a": [labels[i] for i in a.ravel()], "outlet_b": [labels[j] for j in b.ravel()],
                         "similarity": similarity.ravel(), "metric": metric})


def outlet_map(profiles: pd.DataFrame | TermMatrix, *, method: str = "pca", metric: str = "cosine",
               standardize: bool = False, seed: int = 0) -> pd.DataFrame:
    """2-D coordinates of the outlets: ``outlet``, ``x``, ``y``, ``method``, ``explained_x``,
    ``explained_y`` (share of the variance each PCA axis shows; NaN for MDS), ``stress`` (MDS
    only). ``pca``: principal components of the profiles, computed exactly from their linear
    kernel (scikit-learn ``KernelPCA`` on X·Xᵀ gives the PCA scores and handles wide sparse
    term profiles). ``mds``: metric MDS of the distances ``1 - similarity`` (``metric``),
    started from classical MDS. Each axis is turned so its largest coordinate is positive,
    so runs and machines agree (two axes of equal variance have no unique direction).
    ``standardize``: as in ``outlet_similarity``."""
    if method not in MAP_METHODS:
        raise SettingsError(f"method must be one of {', '.join(MAP_METHODS)}, got {method!r}")
    labels, values = _profile_values(profiles, standardize=standardize)
    if len(labels) < 3:
        raise SettingsError(f"a 2-D map needs at least 3 outlets with profiles, got {len(labels)}")
    if method == "pca":
        points, explained, stress = *_pca_points(values), np.nan
    else:
        points, stress = _mds_points(values, metric=metric, seed=seed)
        explained = (np.nan, np.nan)
    points = _orient(points, labels)
    return pd.DataFrame({"outlet": labels, "x": points[:, 0], "y": points[:, 1], "method": method,
                         "explained_x": explained[0], "explained_y": explained[1], "stress": stress})


def _profile_values(profiles, *, standardize: bool = False) -> tuple[list[str], np.ndarray | sparse.csr_matrix]:
    labels, values = _raw_profile_values(profiles)
    if not standardize:
        return labels, values
    if sparse.issparse(values):
        raise SettingsError("standardize needs dense profiles (frame profiles): it would fill every "
                            "zero of a sparse term profile")
    spread = values.std(axis=0)
    return labels, (values - values.mean(axis=0)) / np.where(spread > 0, spread, 1.0)


def _raw_profile_values(profiles) -> tuple[list[str], np.ndarray | sparse.csr_matrix]:
    if isinstance(profiles, TermMatrix):  # straight to the sparse weights: no wide table
        return list(profiles.groups), tfidf_weights(profiles.counts)
    if not isinstance(profiles, pd.DataFrame):
        raise SettingsError(f"profiles must be a table (one row per outlet) or a TermMatrix, "
                            f"got {type(profiles).__name__}")
    if profiles.empty:
        raise SettingsError("the profile table is empty: no outlet has a profile")
    labels = [str(i) for i in profiles.index]
    if all(isinstance(dtype, pd.SparseDtype) for dtype in profiles.dtypes):
        return labels, profiles.sparse.to_coo().tocsr().astype(float)
    try:
        return labels, profiles.to_numpy(dtype=float)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"profile columns must all be numbers ({exc})") from None


def _similarity_matrix(values, metric: str) -> np.ndarray:
    if metric not in METRICS:
        raise SettingsError(f"metric must be one of {', '.join(METRICS)}, got {metric!r}")
    if metric == "cosine":
        return cosine_similarity(values)
    if sparse.issparse(values):
        raise SettingsError("the pearson metric needs dense profiles (frame profiles); use cosine for term profiles")
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nan_to_num(np.corrcoef(values), nan=0.0)


def _pca_points(values) -> tuple[np.ndarray, tuple[float, float]]:
    """PCA scores from the linear kernel, and each axis's share of the total variance."""
    kernel = values @ values.T
    kernel = kernel.toarray() if sparse.issparse(kernel) else np.asarray(kernel)
    pca = KernelPCA(n_components=2, kernel="precomputed", eigen_solver="dense")
    points = pca.fit_transform(kernel)
    total = np.trace(kernel) - kernel.sum() / len(kernel)  # sum of squared distances to the mean
    explained = pca.eigenvalues_ / total if total > 0 else np.zeros(2)
    return points, (float(explained[0]), float(explained[1]))


def _mds_points(values, *, metric: str, seed: int) -> tuple[np.ndarray, float]:
    distances = np.clip(1.0 - _similarity_matrix(values, metric), 0.0, None)
    distances = (distances + distances.T) / 2
    np.fill_diagonal(distances, 0.0)
    mds = MDS(n_components=2, metric="precomputed", init="classical_mds", n_init=1, random_state=seed)
    return mds.fit_transform(distances), float(mds.stress_)


def _orient(points: np.ndarray, labels: list[str]) -> np.ndarray:
    """Flip each axis so that its coordinate of largest magnitude is positive; on a tie, the
    outlet whose name sorts first decides (so the row order does not matter)."""
    points = np.array(points, dtype=float)
    by_name = np.argsort(np.array(labels, dtype=object), kind="stable")
    for axis in range(points.shape[1]):
        magnitude = np.abs(points[by_name, axis])
        leader = by_name[np.argmax(magnitude >= magnitude.max() * (1 - 1e-9))]
        if points[leader, axis] < 0:
            points[:, axis] *= -1
    return points
