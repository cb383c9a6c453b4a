"""Term matrix, distinctive terms, similarity and a concordance on a JSONL corpus (raw text,
read straight from the file so loading and cleaning are not timed).

Usage: python bench/bench_terms.py ../shared/data/allsides_articles/articles.jsonl.gz
"""
import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from framing.compare.kwic import concordance
from framing.compare.similarity import outlet_map, outlet_similarity
from framing.measure.analysis import Analysis
from framing.measure.terms import build_term_matrix, distinctive_terms


def timed(label, fn):
    t = time.perf_counter(); out = fn()
    print(f"{label}: {time.perf_counter() - t:.1f} s (peak RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)", flush=True)
    return out


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("path", type=Path, help="JSON lines (.jsonl or .jsonl.gz) with text, outlet and bias_text fields")
args = parser.parse_args()
if not args.path.exists():
    sys.exit(f"bench_terms: {args.path} not found; pass the path of allsides_articles/articles.jsonl.gz")
df = timed("read JSONL", lambda: pd.read_json(args.path, lines=True, compression="infer"))
articles = df.rename(columns={"text": "body", "id": "article_id"})
print(f"{len(articles)} articles, {articles['body'].str.len().sum() / 1e6:.0f} M characters", flush=True)
matrix = timed("build_term_matrix by outlet, (1,2), min_count 5", lambda: build_term_matrix(articles))
print(f"matrix: {len(matrix.groups)} groups x {len(matrix.terms)} terms, {matrix.counts.nnz} non-zero cells", flush=True)
terms = timed("distinctive_terms logodds, every outlet vs rest, top 20", lambda: distinctive_terms(matrix, top=20))
print(f"significant: {int(terms['significant'].sum())} of {len(terms)} top-20 rows", flush=True)
timed("distinctive_terms tfidf, every outlet, top 20", lambda: distinctive_terms(matrix, method="tfidf", top=20))
lean = timed("build_term_matrix by bias_text", lambda: build_term_matrix(articles, by="bias_text"))
top = timed("distinctive_terms logodds by bias_text, top 8", lambda: distinctive_terms(lean, top=8))
print(top[["group", "term", "count", "count_vs", "n_articles", "z", "significant"]].to_string(index=False), flush=True)
pair = timed("distinctive_terms left vs right", lambda: distinctive_terms(lean, group="left", vs="right", top=8))
print(pair[["group", "vs", "term", "count", "count_vs", "z", "significant"]].to_string(index=False), flush=True)
timed("outlet_similarity from term profiles", lambda: outlet_similarity(matrix))
timed("outlet_map pca", lambda: outlet_map(matrix))
timed("outlet_map mds", lambda: outlet_map(matrix, method="mds"))
lines = timed("concordance term 'illegal immigrants'",
              lambda: concordance(Analysis(articles=articles, sentences=pd.DataFrame(columns=["article_id", "sentence_id", "start", "end"]),
                                           hits=pd.DataFrame(columns=["article_id", "kind", "start", "end", "frame"]),
                                           lexicons=(), key="bench"), "illegal immigrants"))
print(f"{len(lines)} lines in {lines['article_id'].nunique()} articles", flush=True)
