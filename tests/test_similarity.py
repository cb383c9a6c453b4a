import math

import numpy as np
import pandas as pd
import pytest
from sklearn.decomposition import PCA

from framing.compare.similarity import frame_profiles, outlet_map, outlet_similarity, term_profiles
from framing.errors import SettingsError
from framing.measure.terms import build_term_matrix
from framing.settings import TermSettings

PROFILES = pd.DataFrame({"threat": [1.0, 1.0, 0.0, 2.0], "legality": [0.0, 1.0, 0.0, 1.0],
                         "aid": [0.0, 0.0, 2.0, 0.5]}, index=["A", "B", "C", "D"])


def pair(table, a, b):
    return table[(table["outlet_a"] == a) & (table["outlet_b"] == b)]["similarity"].item()


def test_cosine_similarity_by_hand():
    table = outlet_similarity(PROFILES)
    assert len(table) == 16 and set(table["metric"]) == {"cosine"}
    assert pair(table, "A", "A") == pytest.approx(1.0)
    assert pair(table, "A", "B") == pytest.approx(1 / math.sqrt(2))     # (1,0,0).(1,1,0) / (1 * sqrt 2)
    assert pair(table, "A", "C") == pytest.approx(0.0)
    assert pair(table, "B", "D") == pytest.approx(3 / (math.sqrt(2) * math.sqrt(5.25)))
    assert pair(table, "D", "B") == pytest.approx(pair(table, "B", "D"))


def test_pearson_similarity_by_hand():
    table = outlet_similarity(PROFILES, metric="pearson")
    # A = (1, 0, 0) and C = (0, 0, 2): deviations (2/3, -1/3, -1/3) and (-2/3, -2/3, 4/3)
    # covariance sum -4/9 + 2/9 - 4/9 = -6/9; norms sqrt(6/9) and sqrt(24/9): r = -6/12 = -0.5
    assert pair(table, "A", "C") == pytest.approx(-0.5)
    with pytest.raises(SettingsError, match="metric must be one of cosine, pearson"):
        outlet_similarity(PROFILES, metric="jaccard")


def test_frame_profiles_pivot_the_scores_table():
    scores = pd.DataFrame({
        "group": ["A", "A", "B", "B", "A"], "lexicon": ["conflict"] * 5,
        "frame": ["threat", "legality", "threat", "legality", "threat"],
        "pole": ["threat", "illegal", "threat", "illegal", "threat"],
        "voice": ["all", "all", "all", "all", "author"], "rate": [2.0, 0.5, 1.0, 0.0, 9.0],
    })
    wide = frame_profiles(scores)
    assert list(wide.columns) == ["conflict/legality/illegal", "conflict/threat/threat"]
    assert wide.loc["A"].tolist() == [0.5, 2.0] and wide.loc["B"].tolist() == [0.0, 1.0]
    assert frame_profiles(scores, voice="author").loc["A"].tolist() == [9.0]
    with pytest.raises(SettingsError, match="no rows for voice 'quoted'"):
        frame_profiles(scores, voice="quoted")


def test_term_profiles_are_tfidf_rows_of_unit_length(demo_analysis):
    matrix = build_term_matrix(demo_analysis.articles, TermSettings(min_count=1))
    profiles = term_profiles(matrix)
    assert list(profiles.index) == list(matrix.groups)
    values = profiles.sparse.to_dense().to_numpy()
    assert np.allclose(np.linalg.norm(values, axis=1), 1.0)
    table = outlet_similarity(matrix)
    crystal, jpost = matrix.group_index("The Crystal Eyes"), matrix.group_index("The Jerusalem Post")
    assert pair(table, "The Crystal Eyes", "The Jerusalem Post") == pytest.approx(values[crystal] @ values[jpost])


def test_pca_map_is_pca_with_fixed_signs():
    points = outlet_map(PROFILES)
    reference = PCA(n_components=2).fit(PROFILES.to_numpy())
    scores = reference.transform(PROFILES.to_numpy())
    for axis, column in enumerate(["x", "y"]):
        assert np.allclose(np.abs(points[column]), np.abs(scores[:, axis]))
        assert points[column].iloc[np.argmax(np.abs(points[column]))] > 0
    assert points["explained_x"].iloc[0] == pytest.approx(reference.explained_variance_ratio_[0])
    assert points["explained_y"].iloc[0] == pytest.approx(reference.explained_variance_ratio_[1])


@pytest.mark.parametrize("method", ["pca", "mds"])
def test_map_is_deterministic_and_ignores_row_order(method):
    first = outlet_map(PROFILES, method=method).set_index("outlet")
    again = outlet_map(PROFILES, method=method).set_index("outlet")
    shuffled = outlet_map(PROFILES.iloc[[2, 0, 3, 1]], method=method).set_index("outlet")
    pd.testing.assert_frame_equal(first, again)
    assert np.allclose(first.loc[list("ABCD"), ["x", "y"]], shuffled.loc[list("ABCD"), ["x", "y"]], atol=1e-6)


def test_mds_map_keeps_similar_outlets_close():
    points = outlet_map(PROFILES, method="mds").set_index("outlet")
    distance = lambda a, b: math.dist(points.loc[a, ["x", "y"]], points.loc[b, ["x", "y"]])
    assert distance("A", "B") < distance("A", "C")  # cosine 0.71 against 0
    assert points["stress"].notna().all() and points["explained_x"].isna().all()


def test_map_needs_three_outlets():
    with pytest.raises(SettingsError, match="at least 3 outlets"):
        outlet_map(PROFILES.iloc[:2])
    with pytest.raises(SettingsError, match="method must be one of pca, mds"):
        outlet_map(PROFILES, method="tsne")


def test_standardized_features_weigh_alike():
    loud = PROFILES.assign(threat=PROFILES["threat"] * 1000)
    standardized = outlet_map(loud, standardize=True).set_index("outlet")
    assert np.allclose(standardized[["x", "y"]], outlet_map(PROFILES, standardize=True).set_index("outlet")[["x", "y"]])
    assert outlet_map(loud).set_index("outlet")["explained_x"].iloc[0] > 0.99  # raw: one loud feature is the map
    with pytest.raises(SettingsError, match="standardize needs dense profiles"):
        outlet_map(build_term_matrix(pd.DataFrame({"article_id": list("abc"), "outlet": list("abc"),
                                                   "body": ["war", "peace", "trade"]}), TermSettings(min_count=1)),
                   standardize=True)


def test_demo_frame_profiles_from_the_scores_table(demo_analysis):
    from framing.measure.score import frame_rates
    from framing.settings import BootstrapSettings, ScoreSettings
    analysis = demo_analysis
    scores = frame_rates(analysis, ScoreSettings(bootstrap=BootstrapSettings(n_boot=10)))
    profiles = frame_profiles(scores)
    assert sorted(profiles.index) == sorted(analysis.articles["outlet"].unique())
    assert profiles.shape[1] == len(scores.drop_duplicates(["lexicon", "frame", "pole"]))
    points = outlet_map(profiles, standardize=True)
    assert len(points) == 5 and points[["x", "y"]].notna().all().all()
    pd.testing.assert_frame_equal(points, outlet_map(frame_profiles(scores), standardize=True))
