"""Term matrix, distinctive terms, similarity and a concordance on a JSONL corpus (raw text,
read straight from the file so loading and cleaning are not timed), and the top terms of left
against right with what self-reference removal and the house-style flags left out.

Usage: python bench/bench_terms.py ../shared/data/allsides_articles/articles.jsonl.gz
"""
import argparse
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

from framing.compare.kwic import concordance
from framing.compare.similarity import outlet_map, outlet_similarity
from framing.measure.analysis import Analysis
from framing.measure.terms import build_term_matrix, distinctive_terms
from framing.settings import TermSettings


def timed(label, fn):
    start = time.perf_counter()
    out = fn()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label}: {time.perf_counter() - start:.1f} s (peak RSS so far {peak:.0f} MB)", flush=True)
    return out


def top_terms(lean, settings, group, vs):
    table = distinctive_terms(lean, replace(settings, top=20), group=group, vs=vs)
    return table[["group", "vs", "rank", "term", "count", "count_vs", "n_articles", "z", "significant", "style"]]


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("path", type=Path, help="JSON lines (.jsonl or .jsonl.gz) with text, outlet and bias_text fields")
args = parser.parse_args()
if not args.path.exists():
    sys.exit(f"bench_terms: {args.path} not found; pass the path of allsides_articles/articles.jsonl.gz")
df = timed("read JSONL", lambda: pd.read_json(args.path, lines=True, compression="infer"))
articles = df.rename(columns={"text": "body", "id": "article_id"})
print(f"{len(articles)} articles, {articles['body'].str.len().sum() / 1e6:.0f} M characters", flush=True)
matrix = timed("build_term_matrix by outlet, (1,2), min_count 5, self-reference removed",
               lambda: build_term_matrix(articles))
print(f"matrix: {len(matrix.groups)} groups x {len(matrix.terms)} terms, {matrix.counts.nnz} non-zero cells", flush=True)
print("\n".join(matrix.removed.lines()), flush=True)
terms = timed("distinctive_terms logodds, every outlet vs rest, top 20",
              lambda: distinctive_terms(matrix, replace(matrix.settings, top=20)))
print(f"significant: {int(terms['significant'].sum())} of {len(terms)} top-20 rows", flush=True)
timed("distinctive_terms tfidf, every outlet, top 20",
      lambda: distinctive_terms(matrix, replace(matrix.settings, method="tfidf", top=20)))
for keep in (False, True):
    settings = TermSettings(by="bias_text", keep_self_reference=keep, keep_style=keep)
    label = "kept" if keep else "removed (default)"
    lean = timed(f"build_term_matrix by bias_text, self-reference and style {label}",
                 lambda settings=settings: build_term_matrix(articles, settings))
    for group, vs in (("left", "right"), ("right", "left")):
        table = top_terms(lean, settings, group, vs)
        print(table.to_string(index=False), flush=True)
        print(f"  {group} vs {vs}: house-style terms in the top 20: {int((table['style'] != '').sum())}", flush=True)
timed("outlet_similarity from term profiles", lambda: outlet_similarity(matrix))
timed("outlet_map pca", lambda: outlet_map(matrix))
empty_sentences = pd.DataFrame(columns=["article_id", "sentence_id", "start", "end"])
empty_hits = pd.DataFrame(columns=["article_id", "kind", "start", "end", "frame"])
lines = timed("concordance term 'illegal immigrants'",
              lambda: concordance(Analysis(articles=articles, sentences=empty_sentences, hits=empty_hits,
                                           lexicons=(), key="bench"), "illegal immigrants"))
print(f"{len(lines)} lines in {lines['article_id'].nunique()} articles", flush=True)
