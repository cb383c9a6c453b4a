"""Choose the selection and weighting rules of the `loaded` lexicon by cross-validation on
the PTC train split only (5 folds of articles; dev is never read).

    python lexicons/make/tune_loaded.py DATA_PATH [--grid chosen|thresholds|prior|weight|sources]

Every candidate term (build_loaded.candidates with lenient thresholds) is matched on its own in every
train article with the project's Matcher and context rules, once; a rule is then a choice of
terms and weights computed from 4 folds and scored on the 5th, from that hit table alone.
Prints one line per rule: held-out span recall, hits outside spans per 1,000 tokens, sentence
AUC (README sentences) for each score.
"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import build_loaded as B
import numpy as np
from build_loaded import HitTable, Rule, apply_rule, build_table
from sklearn.metrics import roc_auc_score

E = B.E  # bench/bench_loaded.py: the PTC reader and metrics
HERE = Path(__file__).resolve().parent


def cv_eval(table: HitTable, rule: Rule, folds: int = 5, seed: int = 0) -> dict:
    """Held-out figures: the rule reads the counts of 4 folds of articles and is scored on the
    5th, for each fold in turn; recall, noise and the sentence scores pool the 5 held-out folds."""
    fold_of = np.random.default_rng(seed).permutation(len(table.tokens)) % folds
    hit_fold = fold_of[table.article]
    names = ("loaded", "count", "loaded_author", "loaded_noneg", "loaded_neghalf")
    scores = {k: np.zeros(len(table.readme_label)) for k in names}
    pscores = {k: np.zeros(len(table.project_label)) for k in ("loaded", "loaded_author")}
    covered = np.zeros(len(table.span_article), bool)
    outside = kept_hits = 0
    for f in range(folds):
        train = hit_fold != f
        keep, w, _ = apply_rule(rule, table.cands, *table.counts(train))
        idx = np.nonzero((~train) & keep[table.cand])[0]
        hw = w[table.cand[idx]]
        kept_hits += len(idx)
        outside += int((~table.any_span[idx]).sum())
        for i in idx:
            covered[list(table.span_ids[i])] = True
        sr = table.sent_readme[idx]
        ok = sr >= 0
        author, negated = table.author[idx], table.negated[idx]
        np.add.at(scores["loaded"], sr[ok], hw[ok])
        np.add.at(scores["count"], sr[ok], 1)
        np.add.at(scores["loaded_author"], sr[ok & author], hw[ok & author])
        np.add.at(scores["loaded_noneg"], sr[ok & ~negated], hw[ok & ~negated])
        np.add.at(scores["loaded_neghalf"], sr[ok], np.where(negated, 0.5, 1.0)[ok] * hw[ok])
        sp = table.sent_project[idx]
        okp = sp >= 0
        np.add.at(pscores["loaded"], sp[okp], hw[okp])
        np.add.at(pscores["loaded_author"], sp[okp & author], hw[okp & author])
    y = table.readme_label
    out = {"recall": covered.mean(), "recall_ll": covered[~table.span_nc].mean(),
           "recall_nc": covered[table.span_nc].mean(),
           "outside_per_1000": 1000 * outside / table.tokens.sum(),
           "hits_per_1000": 1000 * kept_hits / table.tokens.sum()}
    for k, sc in scores.items():
        out[f"auc_{k}"] = roc_auc_score(y, sc)
    n = np.maximum(table.readme_tokens, 1)
    out["auc_norm"] = roc_auc_score(y, scores["loaded"] / np.sqrt(n))
    out["auc_log"] = roc_auc_score(y, scores["loaded"] / np.log2(1 + n))
    out["auc_per_token"] = roc_auc_score(y, scores["loaded"] / n)
    for k, sc in pscores.items():
        out[f"auc_project_{k}"] = roc_auc_score(table.project_label, sc)
    return out


def full_size(table: HitTable, rule: Rule) -> tuple[int, int]:
    """(terms kept, of which without a train hit) when the rule reads all of train."""
    h, t, n_art = table.counts()
    keep, _, _ = apply_rule(rule, table.cands, h, t, n_art)
    return int(keep.sum()), int((keep & (h == 0)).sum())


def line(rule: Rule, r: dict) -> str:
    changed = {k: v for k, v in rule.__dict__.items() if v != getattr(Rule(), k)}
    return (f"{changed or 'chosen rule'}  size={r.get('size')} R={r['recall']:.3f} (LL {r['recall_ll']:.3f} "
            f"NC {r['recall_nc']:.3f}) out={r['outside_per_1000']:.1f} hits={r['hits_per_1000']:.1f} | AUC "
            f"loaded={r['auc_loaded']:.3f} count={r['auc_count']:.3f} author={r['auc_loaded_author']:.3f} "
            f"noneg={r['auc_loaded_noneg']:.3f} neghalf={r['auc_loaded_neghalf']:.3f} "
            f"/sqrt(n)={r['auc_norm']:.3f} /log2(1+n)={r['auc_log']:.3f} /n={r['auc_per_token']:.3f} "
            f"project={r['auc_project_loaded']:.3f} project_author={r['auc_project_loaded_author']:.3f}")


def load_table(data: str) -> HitTable:
    cache = Path("/tmp/loaded_train_table.pkl")
    curated_mtime = (HERE / "curated.yaml").stat().st_mtime
    if cache.exists():
        stamp, fields = pickle.loads(cache.read_bytes())
        if stamp == curated_mtime:
            return HitTable(**fields)
    articles = E.read_articles(data, "train")
    cands, _ = B.candidates(B.read_curated(), **B.POOL)
    table = build_table(articles, cands)
    cache.write_bytes(pickle.dumps((curated_mtime, dict(table.__dict__))))
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--grid", default="chosen")
    args = parser.parse_args(argv)
    table = load_table(args.data)
    print(f"{len(table.cands)} candidates, {len(table.cand)} candidate hits on train", file=sys.stderr)
    grids = {
        "chosen": [Rule()],
        # thresholds: generic tau, curated tau_cur, priors, unseen generic terms
        "thresholds": [Rule(tau=tg, tau_cur=tc, p0_cur=pc, p0_gen=pg, unseen_strength=us)
                       for tg in (0.04, 0.06, 0.08, 0.10, 0.12, 0.15) for tc in (0.05, 0.08)
                       for pc in (0.2, 0.3) for pg in (0.05, 0.1) for us in (0.8, 1.0, 2.0)],
        "prior": [Rule(m=m, p0_gen=pg) for m in (2.0, 4.0, 8.0, 16.0) for pg in (0.05, 0.1, 0.15)],
        "weight": [Rule(weight=w) for w in ("one", "q", "sqrt", "cap0.67", "cap1", "cap1.67")],
        # single sources inside the rule: generic words only from VADER / textblob, or none
        "sources": [Rule(vader_min=v, tb_min=tb) for v in (0.5, 1.0, 1.5, 2.0, 9.0) for tb in (0.4, 0.5, 0.7, 9.0)],
    }
    for rule in grids[args.grid]:
        r = cv_eval(table, rule)
        r["size"] = full_size(table, rule)
        print(line(rule, r), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
