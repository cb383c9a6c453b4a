"""When do two aligned sentences report the same fact? Sentence pairs of the AllSides roundups
(each story told by a left, a centre and a right outlet) against a human reading.

``framing.compare.align.align_event`` pairs sentences of different outlets of one event one to
one by TF-IDF cosine. This script pairs every event of the roundups at a low threshold, draws
pairs at several similarity levels, and

- ``--show``: prints the drawn pairs (key, similarity, both sentences) to be read and labelled;
- ``--labels FILE``: reads the labels (CSV: ``event_id, article_a, sentence_a, article_b,
  sentence_b, similarity, same_fact`` with ``same_fact`` yes or no; keys only, no text) and
  prints, per similarity level, how many pairs were read and the share labelled the same fact
  (precision), and for each threshold the precision of the pairs at or above it and how many
  of the corpus's pairs it keeps.

Labelling rule: "same fact" when both sentences state the same event, claim or figure (one may
add detail, word it differently, or give another source's number for the same quantity); "no"
when they are about the same story but state different facts (a reaction against the decision
itself, two parts of one plan, background) or one side is a fragment that states nothing.

    python bench/bench_same_fact.py ../shared/data/allsides_roundups/articles.jsonl --show
    python bench/bench_same_fact.py ../shared/data/allsides_roundups/articles.jsonl \
        --labels bench/same_fact_labels.csv
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from framing.compare.align import align_event
from framing.corpus.load import load_corpus
from framing.measure.pipeline import analyze

LEVELS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.01)
KEY = ["event_id", "article_a", "sentence_a", "article_b", "sentence_b"]


def all_pairs(path: Path, threshold: float) -> pd.DataFrame:
    """Every one-to-one sentence pair of every event of two or more outlets, at ``threshold``."""
    analysis = analyze(load_corpus(path), ())
    articles = analysis.articles
    outlets = articles.groupby("event_id")["outlet"].nunique()
    tables = [align_event(analysis, event, threshold=threshold) for event in outlets.index[outlets >= 2]]
    pairs = pd.concat([t for t in tables if len(t)], ignore_index=True)
    return pairs.drop(columns=["ops"])


def level_of(similarity: pd.Series) -> pd.Series:
    bins = pd.cut(similarity, LEVELS, right=False)
    return bins.map(lambda b: f"{b.left:.1f}-{min(b.right, 1.0):.1f}").astype(str)


def sample(pairs: pd.DataFrame, per_level: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    drawn = []
    for _, part in pairs.groupby(level_of(pairs["similarity"]), sort=True):
        drawn.append(part.iloc[np.sort(rng.choice(len(part), min(per_level, len(part)), replace=False))])
    return pd.concat(drawn, ignore_index=True)


def show(drawn: pd.DataFrame) -> None:
    for row in drawn.itertuples(index=False):
        print(f"{row.event_id},{row.article_a},{row.sentence_a},{row.article_b},{row.sentence_b},{row.similarity:.3f}")
        print(f"   A {row.outlet_a}: {row.text_a}")
        print(f"   B {row.outlet_b}: {row.text_b}")
        print()


def precision(pairs: pd.DataFrame, labels_path: Path) -> None:
    """Precision per similarity level (pairs read), and at or above each level's lower edge:
    the levels' precisions weighted by how many of the corpus's pairs fall in each level (the
    levels were drawn equally, the corpus's pairs are not spread equally)."""
    labels = pd.read_csv(labels_path, dtype={"sentence_a": int, "sentence_b": int})
    bad = sorted(set(labels["same_fact"]) - {"yes", "no"})
    if bad:
        sys.exit(f"{labels_path}: same_fact must be yes or no, found {bad}")
    labels = labels.drop_duplicates(KEY)
    labels["same"] = labels["same_fact"] == "yes"
    labels["level"] = level_of(labels["similarity"])
    corpus = pairs.groupby(level_of(pairs["similarity"])).size()
    per_level = labels.groupby("level").agg(read=("same", "size"), same=("same", "sum"))
    per_level["precision"] = per_level["same"] / per_level["read"]
    per_level["corpus_pairs"] = corpus.reindex(per_level.index).fillna(0)
    per_level = per_level.astype({"read": int, "same": int, "corpus_pairs": int})
    print(f"{len(labels)} pairs read by hand; {len(pairs):,} pairs at similarity >= {LEVELS[0]} in the corpus")
    print("similarity level  read  same fact  precision  corpus pairs")
    for row in per_level.itertuples():
        print(f"  {row.Index:<15} {row.read:>5}  {row.same:>9}  {row.precision:>8.0%}  {row.corpus_pairs:>12,}")
    print("threshold  precision at or above (weighted by corpus pairs)  corpus pairs kept")
    for i, level in enumerate(per_level.index):
        above = per_level.iloc[i:]
        weighted = (above["precision"] * above["corpus_pairs"]).sum() / max(above["corpus_pairs"].sum(), 1)
        print(f"  {level.split('-')[0]:<8} {weighted:>50.0%}  {above['corpus_pairs'].sum():>17,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roundups", type=Path, help="allsides_roundups/articles.jsonl")
    parser.add_argument("--show", action="store_true", help="print the drawn pairs to read and label")
    parser.add_argument("--labels", type=Path, help="CSV of labelled pairs (see the module doc)")
    parser.add_argument("--per-level", type=int, default=15, help="pairs drawn per similarity level (default 15)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    if not args.roundups.is_file():
        sys.exit(f"{args.roundups}: not found; pass the path of allsides_roundups/articles.jsonl (../shared/data)")
    pairs = all_pairs(args.roundups, LEVELS[0])
    if args.show:
        show(sample(pairs, args.per_level, args.seed))
    if args.labels:
        precision(pairs, args.labels)
    if not (args.show or args.labels):
        print(pairs.groupby(level_of(pairs["similarity"])).size().to_string())


if __name__ == "__main__":
    main()
