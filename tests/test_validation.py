"""The human validation loop: a stratified sample of hits, coded files read back, precision with
Wilson intervals and Krippendorff's alpha against the published worked examples."""
import io
import math

import numpy as np
import pandas as pd
import pytest

from framing.errors import ValidationError
from framing.measure import score
from framing.measure.validation import (
    SAMPLE_COLUMNS,
    agreement,
    hit_ids,
    precision_table,
    read_coded,
    sample_hits,
    validation_report,
    wilson_interval,
    write_sample,
)
from framing.settings import ScoreSettings, Settings


def test_sample_is_stratified_by_term_and_outlet_and_reproducible(demo_analysis):
    sample = sample_hits(demo_analysis, per_term=2, seed=3)
    assert list(sample.columns) == list(SAMPLE_COLUMNS)
    hits = demo_analysis.hits[demo_analysis.hits["kind"].isin(["frame", "naming"])]
    per_term = sample.groupby(["lexicon", "frame", "pole", "term"]).size()
    available = hits.groupby(["lexicon", "frame", "pole", "term"], observed=True).size()
    assert (per_term == np.minimum(available.reindex(per_term.index), 2)).all()
    # a term with hits in two outlets or more gets its two hits from two outlets
    outlets = hits.groupby(["lexicon", "frame", "pole", "term"], observed=True)["outlet"].nunique()
    spread = sample.groupby(["lexicon", "frame", "pole", "term"])["outlet"].nunique()
    several = outlets.reindex(spread.index) >= 2
    assert (spread[several & (per_term >= 2)] == 2).all()
    # every hit is a real hit, its words marked in its sentence
    assert set(sample["hit_id"]) <= set(hit_ids(hits))
    assert all(f"«{m}»" in s for m, s in zip(sample["matched"], sample["sentence"]))
    assert (sample["correct"] == "").all()
    pd.testing.assert_frame_equal(sample, sample_hits(demo_analysis, per_term=2, seed=3))
    assert not sample.equals(sample_hits(demo_analysis, per_term=2, seed=4))


def coded_file(hit_ids, values, *, column="correct", coder=None):
    table = pd.DataFrame({"hit_id": hit_ids, "lexicon": "lex", "kind": "frame", "frame": "f", "pole": "p",
                          "term": [f"t{k % 2}" for k in range(len(hit_ids))], "outlet": "O",
                          "correct": "yes", "right_frame": ""})
    table[column] = ["" if v is None else str(v) for v in values]
    if coder:
        table["coder"] = coder
    return table.to_csv(index=False).encode()


def test_krippendorff_binary_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", binary data, two
    # observers, no missing data: alpha = 0.095
    ids = [f"h{k}" for k in range(10)]
    a = ["no", "yes", "no", "no", "no", "no", "no", "no", "yes", "no"]
    b = ["yes", "yes", "yes", "no", "no", "yes", "no", "no", "no", "no"]
    coded = read_coded([("a.csv", coded_file(ids, a)), ("b.csv", coded_file(ids, b))])
    row = agreement(coded).set_index("field").loc["correct"]
    assert (row["coders"], row["units"]) == (2, 10)
    assert row["alpha"] == pytest.approx(0.095, abs=5e-4)


def test_krippendorff_nominal_example_with_four_coders_and_missing_values():
    # Krippendorff (2011), nominal data, four observers, 12 units, missing values: alpha = 0.743
    ids = [f"h{k}" for k in range(12)]
    n = None
    coders = {"A": [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n], "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
              "C": [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n], "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]}
    files = [(f"{name}.csv", coded_file(ids, [None if v is None else f"frame/{v}" for v in values],
                                        column="right_frame", coder=name)) for name, values in coders.items()]
    report = validation_report(files)
    row = report.agreement.set_index("field").loc["right_frame"]
    assert (row["coders"], row["units"]) == (4, 11)  # the last unit has one value: not pairable
    assert row["alpha"] == pytest.approx(0.743, abs=5e-4)


def test_cli_report_prints_the_published_alpha(tmp_path, capsys):
    from framing.cli import main
    ids = [f"h{k}" for k in range(10)]
    a = ["no", "yes", "no", "no", "no", "no", "no", "no", "yes", "no"]
    b = ["yes", "yes", "yes", "no", "no", "yes", "no", "no", "no", "no"]
    (tmp_path / "a.csv").write_bytes(coded_file(ids, a))
    (tmp_path / "b.csv").write_bytes(coded_file(ids, b))
    assert main(["validate", "report", str(tmp_path / "a.csv"), str(tmp_path / "b.csv"), "--table", "agreement",
                 "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("field")
    assert table.loc["correct", "alpha"] == pytest.approx(0.0952, abs=1e-4)


def test_precision_per_term_with_wilson_intervals():
    ids = [f"h{k}" for k in range(8)]  # t0: h0 h2 h4 h6, t1: h1 h3 h5 h7
    coded = read_coded([("a.csv", coded_file(ids, ["yes", "yes", "no", "no", "no", "no", "yes", None]))])
    table = precision_table(coded, ("term",)).set_index("term")
    assert table.loc["t0", "hits_coded"] == 4 and table.loc["t0", "precision"] == pytest.approx(0.5)
    assert table.loc["t1", "hits_coded"] == 3 and table.loc["t1", "precision"] == pytest.approx(1 / 3)
    # Wilson, 2 of 4 at 95%: (0.5 + z^2/8) / (1 + z^2/4) -+ z sqrt(1/16 + z^2/64) / (1 + z^2/4)
    z = 1.959963984540054
    centre, half = (0.5 + z * z / 8) / (1 + z * z / 4), z * math.sqrt(1 / 16 + z * z / 64) / (1 + z * z / 4)
    assert (table.loc["t0", "low"], table.loc["t0", "high"]) == pytest.approx((centre - half, centre + half))
    assert wilson_interval(np.array([0]), np.array([0]))[0][0] != wilson_interval(np.array([0]), np.array([1]))[0][0]


def test_bad_coded_values_name_the_file_and_line():
    with pytest.raises(ValidationError, match=r"a.csv:3: correct is 'maybe'; write yes or no"):
        read_coded([("a.csv", coded_file(["h0", "h1"], ["yes", "maybe"]))])
    with pytest.raises(ValidationError, match="no column 'correct'"):
        read_coded([("b.csv", b"hit_id,other\nh0,1\n")])


def test_scores_can_drop_imprecise_terms_and_the_manifest_records_it(demo_analysis, tmp_path):
    sample = sample_hits(demo_analysis, per_term=50)
    framing_terms = demo_analysis.hits.loc[demo_analysis.hits["role"] == "framing", "term"].astype(str)
    frame_hits = sample[(sample["kind"] == "frame") & sample["term"].isin(set(framing_terms))]
    worst = frame_hits["term"].value_counts().index[0]  # frame_rates counts framing frames by default
    sample["correct"] = np.where(sample["term"] == worst, "no", "yes")
    path = tmp_path / "coded.csv"
    write_sample(sample, path)
    settings = ScoreSettings(min_precision=0.5, precision_file=str(path), voice="all")
    plain, strict = score.frame_rates(demo_analysis), score.frame_rates(demo_analysis, settings)
    of_worst = (demo_analysis.hits["term"] == worst) & (demo_analysis.hits["role"] == "framing")
    dropped = int(of_worst.sum())
    negated = int(of_worst.mul(demo_analysis.hits["negated"]).sum())
    assert plain["hits"].sum() - strict["hits"].sum() == dropped - negated > 0
    recorded = Settings(score=settings).as_dict()["score"]
    assert recorded["min_precision"] == 0.5 and recorded["precision_file"] == str(path)


def test_cli_sample_then_report(demo_corpus_path, tmp_path, capsys):
    from framing.cli import main
    out = tmp_path / "sample.csv"
    assert main(["validate", "sample", str(demo_corpus_path), "--lexicon", "conflict", "--per-term", "2",
                 "--seed", "1", "--out", str(out)]) == 0
    sample = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(sample.columns) == list(SAMPLE_COLUMNS) and (sample["lexicon"] == "conflict").all()
    assert sample.groupby("term").size().max() <= 2
    sample.loc[sample.index[:4], "correct"] = ["yes", "yes", "no", "yes"]
    sample.to_csv(out, index=False)
    capsys.readouterr()
    assert main(["validate", "report", str(out), "--table", "outlets", "--format", "csv"]) == 0
    outlets = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert outlets["hits_coded"].sum() == 4 and outlets["correct"].sum() == 3
