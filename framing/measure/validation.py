"""Checking a lexicon against human judgement: draw hits for coders, read their coded files back,
and report each term's precision and the coders' agreement.

A dictionary method is only as good as its measured validity ("validate, validate, validate":
Grimmer & Stewart 2013, "Text as data", Political Analysis 21(3): 267-297). The loop:

1. ``sample_hits`` draws up to ``per_term`` hits of each lexicon term, spread over the outlets
   (round robin over outlets in a seeded random order), each with its sentence; ``write_sample``
   saves them as a CSV whose empty ``correct`` column a coder fills with yes/no (and, when the
   hit belongs elsewhere, ``right_frame`` with the frame/pole it should have had).
2. ``read_coded`` reads one or more coded files (one per coder; ``coder`` column, else the file
   name), checking every value with file and line in each message.
3. ``precision_table``: per term, frame/pole or outlet, the hits coded, how many were right and
   the precision with a Wilson score interval (Wilson 1927, "Probable inference, the law of
   succession, and statistical inference", JASA 22: 209-212); a hit coded by several coders
   counts the share of them that said yes. ``agreement``: Krippendorff's alpha (nominal) of
   ``correct`` and ``right_frame`` over the hits two coders or more coded (Krippendorff 2011,
   "Computing Krippendorff's Alpha-Reliability", Annenberg School; the ``krippendorff`` package).
4. ``term_precision`` and ``drop_imprecise_hits``: scores can leave out the hits of terms whose
   coded precision is below a threshold (``ScoreSettings.min_precision``).
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from scipy.stats import norm

from framing.errors import SettingsError, ValidationError
from framing.measure.analysis import Analysis

TERM_KEY = ("lexicon", "kind", "frame", "pole", "term")
SAMPLE_COLUMNS = ("hit_id", "article_id", "outlet", "lexicon", "kind", "frame", "pole", "term", "matched", "voice",
                  "sentence", "correct", "right_frame", "coder", "note")
YES = frozenset({"yes", "y", "1", "true", "correct", "t"})
NO = frozenset({"no", "n", "0", "false", "incorrect", "f", "wrong"})
PRECISION_COLUMNS = ("hits_coded", "judgements", "correct", "precision", "low", "high")


def hit_ids(hits: pd.DataFrame) -> pd.Series:
    """A stable name for each hit: ``article:start-end:lexicon/frame/pole``."""
    return (hits["article_id"].astype(str) + ":" + hits["start"].astype(str) + "-" + hits["end"].astype(str) + ":"
            + hits["lexicon"].astype(str) + "/" + hits["frame"].astype(str) + "/" + hits["pole"].astype(str))


def sample_hits(analysis: Analysis, *, lexicon: str | None = None, per_term: int = 10, seed: int = 0,
                kinds: Sequence[str] = ("frame", "naming")) -> pd.DataFrame:
    """Up to ``per_term`` hits of each term of ``lexicon`` (every lexicon when None), taken in
    turn from each outlet in a seeded random order, with their sentence (the match in «»),
    sorted by term; columns ``SAMPLE_COLUMNS``, the coding ones empty."""
    if int(per_term) < 1:
        raise SettingsError(f"per_term must be 1 or more hits, got {per_term!r}")
    hits = analysis.hits[analysis.hits["kind"].isin(kinds)]
    if lexicon is not None:
        names = sorted(set(analysis.hits["lexicon"].astype(str)))
        if lexicon not in names:
            raise SettingsError(f"no hits of a lexicon called {lexicon!r}; the analysis has: {', '.join(names) or '(none)'}")
        hits = hits[hits["lexicon"] == lexicon]
    hits = hits.reset_index(drop=True)
    rng = np.random.default_rng(seed)
    keys = hits[list(TERM_KEY)].astype(str)
    order = pd.DataFrame({"key": keys.agg("\x1f".join, axis=1), "outlet": hits["outlet"].astype(str),
                          "draw": rng.permutation(len(hits))})
    order["turn"] = order.sort_values("draw").groupby(["key", "outlet"], sort=False).cumcount()
    order["outlet_draw"] = order.groupby(["key", "outlet"])["draw"].transform("min")
    chosen = order.sort_values(["key", "turn", "outlet_draw"]).groupby("key", sort=False).head(int(per_term))
    picked = hits.loc[chosen.index]
    return _sample_table(analysis, picked)


def _sample_table(analysis: Analysis, hits: pd.DataFrame) -> pd.DataFrame:
    sentences = analysis.sentences
    position = pd.Series(np.arange(len(sentences)),
                         index=pd.MultiIndex.from_arrays([sentences["article_id"].astype(str), sentences["sentence_id"]]))
    rows = position.reindex(pd.MultiIndex.from_arrays([hits["article_id"].astype(str), hits["sentence_id"]])).to_numpy()
    texts = analysis.sentence_texts(rows.astype(int)) if len(rows) else []
    starts = sentences["start"].to_numpy()[rows.astype(int)] if len(rows) else np.array([], int)
    marked = [_mark(text, s - base, e - base) for text, s, e, base in
              zip(texts, hits["start"].tolist(), hits["end"].tolist(), starts.tolist())]
    out = pd.DataFrame({"hit_id": hit_ids(hits).to_numpy(), **{c: hits[c].astype(str).to_numpy() for c in
                        ("article_id", "outlet", "lexicon", "kind", "frame", "pole", "term", "matched", "voice")},
                        "sentence": marked})
    for column in ("correct", "right_frame", "coder", "note"):
        out[column] = ""
    return out.sort_values(["lexicon", "frame", "pole", "term", "outlet", "hit_id"], kind="stable").reset_index(drop=True)


def _mark(sentence: str, start: int, end: int) -> str:
    """The sentence with the matched words in «», on one line."""
    start, end = max(0, start), min(len(sentence), max(start, end))
    return " ".join(f"{sentence[:start]}«{sentence[start:end]}»{sentence[end:]}".split())


def write_sample(sample: pd.DataFrame, path: str | Path) -> None:
    """The sample as a UTF-8 CSV a spreadsheet or the dashboard's coding page opens."""
    sample.to_csv(path, index=False, columns=list(SAMPLE_COLUMNS), quoting=csv.QUOTE_MINIMAL)


def read_coded(paths: Iterable[str | Path | tuple[str, bytes]]) -> pd.DataFrame:
    """Every judgement of the coded files: one row per file x hit with its ``coder`` (the
    column, else the file's name), ``correct`` (True, False or NA when left empty) and
    ``right_frame``. A value other than yes/no (``YES``, ``NO``) raises ``ValidationError``
    naming the file, line and value. ``paths`` may also be ``(name, bytes)`` pairs (uploads)."""
    tables = [_read_one(item) for item in paths]
    if not tables:
        raise ValidationError("no coded file given: pass one CSV per coder (framing validate sample makes them)")
    coded = pd.concat(tables, ignore_index=True)
    twice = coded.duplicated(["coder", "hit_id"])
    if twice.any():
        row = coded[twice].iloc[0]
        raise ValidationError(f"{row['file']}: hit {row['hit_id']} is coded twice by coder {row['coder']!r}; "
                              "keep one row per hit and coder")
    return coded


def _read_one(item) -> pd.DataFrame:
    import io

    name, source = (item[0], io.BytesIO(item[1])) if isinstance(item, tuple) else (str(item), item)
    try:
        table = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ValidationError(f"{name}: cannot read this coded file as UTF-8 CSV ({exc})") from None
    missing = [c for c in ("hit_id", "correct") if c not in table.columns]
    if missing:
        raise ValidationError(f"{name}: no column {missing[0]!r}; a coded file has the columns of "
                              "'framing validate sample' with 'correct' filled in (yes/no)")
    table["correct"] = [_judgement(value, name, line) for line, value in enumerate(table["correct"], start=2)]
    table["correct"] = table["correct"].astype("boolean")
    if "coder" not in table.columns or not table["coder"].str.strip().any():
        table["coder"] = Path(name).stem
    table["coder"] = table["coder"].where(table["coder"].str.strip() != "", Path(name).stem)
    if "right_frame" not in table.columns:
        table["right_frame"] = ""
    table["file"] = name
    return table


def _judgement(value: str, name: str, line: int):
    text = str(value).strip().lower()
    if not text:
        return pd.NA
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError(f"{name}:{line}: correct is {value!r}; write yes or no (or leave it empty if not coded)")


def wilson_interval(successes: np.ndarray, n: np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson (1927) score interval of a proportion ``successes / n`` (NaN where ``n`` is 0)."""
    successes, n = np.asarray(successes, float), np.asarray(n, float)
    z = norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = successes / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def hit_judgements(coded: pd.DataFrame) -> pd.DataFrame:
    """One row per coded hit: its columns (from the first file that has it), ``judgements``
    (coders who coded it) and ``correct`` (the share of them who said yes)."""
    done = coded[coded["correct"].notna()]
    if done.empty:
        raise ValidationError("no hit is coded yet: fill the 'correct' column with yes or no")
    first = done.drop_duplicates("hit_id").set_index("hit_id")
    share = done.groupby("hit_id")["correct"].agg(["mean", "size"])
    out = first.drop(columns=["correct"]).join(share.rename(columns={"mean": "correct", "size": "judgements"}))
    return out.reset_index()


def precision_table(coded: pd.DataFrame, by: Sequence[str] = TERM_KEY, *, level: float = 0.95) -> pd.DataFrame:
    """Precision per value of ``by`` (columns of the coded files): ``hits_coded``,
    ``judgements``, ``correct`` (hits right, a hit counting the share of its coders who said
    yes), ``precision`` and its Wilson interval ``low``-``high``, sorted by precision."""
    hits = hit_judgements(coded)
    missing = [c for c in by if c not in hits.columns]
    if missing:
        raise ValidationError(f"the coded files have no column {missing[0]!r} to group the precision by")
    table = hits.groupby(list(by), sort=True).agg(hits_coded=("hit_id", "size"), judgements=("judgements", "sum"),
                                                  correct=("correct", "sum")).reset_index()
    table["precision"] = table["correct"] / table["hits_coded"]
    table["low"], table["high"] = wilson_interval(table["correct"], table["hits_coded"], level)
    return table.sort_values(["precision", *by], kind="stable").reset_index(drop=True)


def agreement(coded: pd.DataFrame) -> pd.DataFrame:
    """Krippendorff's alpha (nominal) between coders, for ``correct`` and ``right_frame``: one
    row per field with ``coders``, ``units`` (hits two coders or more judged) and ``alpha``
    (NaN when fewer than two coders or no such hit)."""
    rows = []
    for field in ("correct", "right_frame"):
        values = coded[["coder", "hit_id", field]].copy()
        values = values[values[field].notna() & (values[field].astype(str).str.strip() != "")]
        if field == "right_frame":
            values[field] = values[field].astype(str).str.strip().str.lower()
        matrix = values.pivot(index="coder", columns="hit_id", values=field)
        matrix = matrix.loc[:, matrix.notna().sum(axis=0) >= 2]
        rows.append({"field": field, "coders": int(matrix.shape[0]), "units": int(matrix.shape[1]),
                     "alpha": reliability(matrix)})
    return pd.DataFrame(rows)


def reliability(matrix: pd.DataFrame) -> float:
    """Krippendorff's nominal alpha of a coders x units table of labels (NaN: not coded)."""
    if matrix.shape[0] < 2 or matrix.shape[1] == 0:
        return float("nan")
    cells = matrix.astype(object).to_numpy()
    labels = sorted({str(v) for v in cells.ravel() if pd.notna(v)})
    codes = {label: k for k, label in enumerate(labels)}
    data = np.array([[codes[str(v)] if pd.notna(v) else np.nan for v in row] for row in cells], dtype=float)
    if len(labels) < 2:
        return 1.0
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


@dataclass(frozen=True)
class ValidationReport:
    """Precision by term, by frame/pole and by outlet, and the coders' agreement."""

    terms: pd.DataFrame
    frames: pd.DataFrame
    outlets: pd.DataFrame
    agreement: pd.DataFrame
    n_hits: int
    n_uncoded: int


def validation_report(paths: Iterable[str | Path | tuple[str, bytes]], *, level: float = 0.95) -> ValidationReport:
    """``read_coded`` then the three precision tables and the agreement."""
    coded = read_coded(paths)
    return ValidationReport(
        terms=precision_table(coded, TERM_KEY, level=level),
        frames=precision_table(coded, ("lexicon", "kind", "frame", "pole"), level=level),
        outlets=precision_table(coded, ("outlet",), level=level),
        agreement=agreement(coded), n_hits=int(coded["hit_id"].nunique()),
        n_uncoded=int(coded.loc[coded["correct"].isna(), "hit_id"].nunique()))


def term_precision(path: str | Path) -> pd.DataFrame:
    """Per lexicon term (``TERM_KEY``), its coded precision in the file(s) at ``path``."""
    return precision_table(read_coded([path]))


def drop_imprecise_hits(hits: pd.DataFrame, precision: pd.DataFrame, min_precision: float) -> pd.DataFrame:
    """The hits without those of the terms whose coded precision is below ``min_precision``
    (terms nobody coded are kept)."""
    low = precision.loc[precision["precision"] < min_precision, list(TERM_KEY)].astype(str)
    if low.empty or hits.empty:
        return hits
    keys = pd.MultiIndex.from_frame(hits[list(TERM_KEY)].astype(str))
    return hits[~keys.isin(pd.MultiIndex.from_frame(low))]


def record_judgement(sample: pd.DataFrame, row: int, correct: bool | None, *, right_frame: str = "",
                     coder: str = "") -> pd.DataFrame:
    """A copy of a sample with hit ``row`` coded (``correct`` None: left uncoded)."""
    out = sample.copy()
    out.loc[out.index[row], ["correct", "right_frame", "coder"]] = [
        "" if correct is None else ("yes" if correct else "no"), right_frame.strip(), coder.strip()]
    return out


def coding_progress(sample: pd.DataFrame) -> tuple[int, int, int | None]:
    """(hits coded, hits in all, position of the first uncoded hit or None)."""
    coded = sample["correct"].fillna("").astype(str).str.strip() != ""
    todo = np.flatnonzero(~coded.to_numpy())
    return int(coded.sum()), len(sample), (int(todo[0]) if len(todo) else None)


def candidate_terms(analysis: Analysis, frame: str, *, top: int = 20, max_sentences: int = 20_000,
                    seed: int = 0) -> pd.DataFrame:
    """Terms over-represented in the sentences holding a hit of ``frame`` against the other
    sentences (log-odds, ``framing.measure.terms``; at most ``max_sentences`` drawn from each
    side), without the terms the frame's lexicon already has: words a lexicon editor may want to
    add, to code before adding. Columns of ``distinctive_terms``."""
    from framing.measure.terms import distinctive_terms
    from framing.settings import TermSettings

    hits = analysis.hits[analysis.hits["frame"] == frame]
    if hits.empty:
        raise SettingsError(f"no hit of a frame called {frame!r} in this analysis")
    sentences = analysis.sentences
    keys = pd.MultiIndex.from_arrays([sentences["article_id"].astype(str), sentences["sentence_id"]])
    near = keys.isin(pd.MultiIndex.from_arrays([hits["article_id"].astype(str), hits["sentence_id"]]))
    rng = np.random.default_rng(seed)
    rows = np.concatenate([_draw(np.flatnonzero(side), max_sentences, rng) for side in (near, ~near)])
    texts = analysis.sentence_texts(rows)
    table = pd.DataFrame({"article_id": np.arange(len(rows)).astype(str), "body": texts,
                          "outlet": np.where(near[rows], "near", "elsewhere")})
    found = distinctive_terms(table, TermSettings(min_count=3, keep_self_reference=True), group="near")
    known = {t.rstrip("*").lower() for t in hits["term"].astype(str)} | set(hits["matched"].astype(str).str.lower())
    fresh = ~found["term"].map(lambda term: any(term.startswith(k) or k.startswith(term) for k in known))
    return found[fresh & (found["z"] > 0)].head(top).reset_index(drop=True)


def _draw(rows: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    return np.sort(rng.choice(rows, size=n, replace=False)) if len(rows) > n else rows
