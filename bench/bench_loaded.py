"""The `loaded` lexicon against human annotation: span recall, hits outside spans, sentence ROC AUC.

    python bench/bench_loaded.py DATA_PATH [--split dev|train] [--lexicon PATH ...] [--bootstrap N]

DATA_PATH is ``ptc_loaded/articles.jsonl`` (its README.md defines every figure printed here;
report on ``dev``: the lexicon was built and tuned on ``train`` only, ``lexicons/make/``).
Each article's ``text`` becomes the body of an ``Article`` (no cleaning, so offsets are the
annotation's) and the corpus goes through ``framing.measure.pipeline.analyze`` with the bundled
``loaded`` lexicon: the hits are the hits table's rows and the project-sentence scores are the
sentences table's ``loaded`` and ``loaded_author`` columns, i.e. what ``framing hits`` and
``framing sentences`` report. The VADER baseline of the data README (|valence| >= 1.5, token
lookup, no context) is computed with the README's own definitions, as a check of the metric
code (dev: 0.411 / 34.9 / 0.717).

Figures (README definitions; "overlap" = at least one shared character):
- span recall: Loaded_Language + Name_Calling,Labeling spans overlapped by >= 1 hit (and each);
- hits outside any span (any technique) per 1,000 tokens; tokens = ``\\w+(?:['’]\\w+)*``;
- sentence ROC AUC: sentences cut after ``[.!?]\\s+(?=[A-Z])`` (README), positive when an
  LL/NC span overlaps; and the same on the tool's own sentences (``split_sentences``).

Scores per sentence (each hit counts in the sentence holding its first character):
- ``count``: number of hits; ``loaded``: sum of hit weights (the sentences table's column);
  ``loaded_author``: the same over hits whose voice is ``author``; ``loaded_noneg``: ``loaded``
  without negated hits; ``loaded_neghalf``: negated hits at half weight; ``loaded_norm``:
  ``loaded`` / sqrt(tokens in the sentence) (a length-aware variant).

The figures and the command are in bench/README.md ("Loaded language").
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from framing.corpus.records import Article, Corpus, LoadReport
from framing.lexicon import BUNDLED_DIR, load_lexicon
from framing.measure.loaded import LOADED_LEXICON
from framing.measure.pipeline import analyze
from framing.text.hits import article_hits
from framing.text.match import Matcher
from framing.text.tokenize import split_sentences


def fail(message: str) -> None:
    """One line naming what is wrong, exit status 2 (the project's convention for bad input)."""
    print(message, file=sys.stderr)
    raise SystemExit(2)


TARGET = ("Loaded_Language", "Name_Calling,Labeling")
TOKEN = re.compile(r"\w+(?:['’]\w+)*")
README_CUT = re.compile(r"[.!?]\s+(?=[A-Z])")
#: Column positions of a row of ``article_hits`` (called with no prefix).
_START, _END, _TERM, _FRAME, _WEIGHT, _VOICE, _NEGATED = (
    ("sentence_id", "start", "end", "matched", "term", "lexicon", "kind", "role", "frame", "pole", "weight",
     "voice", "speaker", "negated").index(c) for c in ("start", "end", "term", "frame", "weight", "voice", "negated"))

SCORES = ("count", "loaded", "loaded_author", "loaded_noneg", "loaded_neghalf", "loaded_norm")


# --------------------------------------------------------------------------- data

def read_articles(path: str | Path, split: str | None) -> list[dict]:
    """The articles of ``split`` (None: all) from the PTC JSON lines file."""
    path = Path(path)
    if not path.is_file():
        fail(f"{path}: no such file. Give the path of ptc_loaded/articles.jsonl "
                 "(see its README.md; the data is not shipped with framing).")
    articles = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                article = json.loads(line)
                article["text"], article["spans"], article["split"]  # the fields used
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                fail(f"{path}, line {number}: not a PTC article record ({exc}); see ptc_loaded/README.md")
            articles.append(article)
    if split is not None:
        articles = [a for a in articles if a["split"] == split]
    if not articles:
        fail(f"{path}: no article with split == {split!r}")
    return articles


def readme_sentences(text: str) -> list[tuple[int, int]]:
    """The README's sentences: cut after each ``[.!?]\\s+(?=[A-Z])``, strip, drop pieces
    without a token. Offsets index ``text``."""
    spans, previous = [], 0
    cuts = [m.end() for m in README_CUT.finditer(text)] + [len(text)]
    for cut in cuts:
        piece = text[previous:cut]
        lead = len(piece) - len(piece.lstrip())
        start, end = previous + lead, previous + len(piece.rstrip())
        previous = cut
        if start < end and TOKEN.search(text, start, end):
            spans.append((start, end))
    return spans


def project_sentences(text: str) -> list[tuple[int, int]]:
    return [tuple(s) for s in split_sentences(text)]


def overlaps(a: int, b: int, s: int, e: int) -> bool:
    return a < e and s < b


# --------------------------------------------------------------------------- hits
# A hit is (start, end, weight, voice, negated, term, frame).

def vader_loaded_words(threshold: float = 1.5) -> set[str]:
    """Entries of the vaderSentiment lexicon with |mean valence| >= threshold (README baseline)."""
    return {word for word, valence in vader_valences().items() if abs(valence) >= threshold}


def vader_valences() -> dict[str, float]:
    """Entry -> mean valence of the vaderSentiment lexicon, read as vaderSentiment reads it
    (14 entries appear twice, "ok" and "lol" among them: the later line wins)."""
    import vaderSentiment
    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    valences = {}
    for line in path.read_text(encoding="utf-8").rstrip("\n").split("\n"):
        word, measure = line.strip().split("\t")[0:2]
        valences[word] = float(measure)
    return valences


#: A word-like lexicon entry (the generic lexicons also hold emoticons and phrases).
WORDLIKE = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")


def textblob_path() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.origin:
        fail("textblob is not installed: pip install textblob==0.20.1 (its en/en-sentiment.xml is read; nothing is downloaded)")
    return Path(spec.origin).parent / "en" / "en-sentiment.xml"


@dataclass
class TextblobEntry:
    polarity: float
    subjectivity: float
    intensity: float
    senses: int


def textblob_entries() -> dict[str, TextblobEntry]:
    """Word-like forms of en-sentiment.xml, their senses averaged (as textblob averages them)."""
    senses = defaultdict(list)
    for word in ET.parse(textblob_path()).getroot().iter("word"):
        form = word.get("form", "").lower()
        if WORDLIKE.match(form):
            senses[form].append(word)
    out = {}
    for form, words in senses.items():
        means = [sum(float(w.get(attr) or 0) for w in words) / len(words) for attr in ("polarity", "subjectivity", "intensity")]
        out[form] = TextblobEntry(*means, len(words))
    return out


def textblob_subjective_words() -> set[str]:
    """The plain textblob baseline: word forms with averaged subjectivity >= 0.5 and (|polarity|
    >= 0.1 or intensity > 1), token lookup as the VADER baseline."""
    return {w for w, e in textblob_entries().items()
            if e.subjectivity >= 0.5 and (abs(e.polarity) >= 0.1 or e.intensity > 1)}


def baseline_hits(text: str, words: set[str]) -> list[tuple]:
    """README baseline: every token whose lowercased form (’ -> ') is a loaded VADER entry."""
    return [(m.start(), m.end(), 1.0, "author", False, m.group().lower().replace("’", "'"), "vader")
            for m in TOKEN.finditer(text) if m.group().lower().replace("’", "'") in words]


def matcher_hits(text: str, matcher: Matcher, *, context: bool = True) -> list[tuple]:
    """The Matcher's hits in ``text``; with ``context``, voice and negation from the project's
    context rules (``article_hits``), else every hit is author/not negated."""
    if context:
        rows = article_hits(text, matcher).rows
        return [(r[_START], r[_END], r[_WEIGHT], r[_VOICE], r[_NEGATED], r[_TERM], r[_FRAME]) for r in rows]
    return [(s, e, f[5], "author", False, f[0], f[3]) for s, e, f in matcher.find_spans(text)]


# --------------------------------------------------------------------------- metrics

def roc_auc(labels: list[int], scores: list[float]) -> float:
    """ROC AUC with ties counted as half (equal to sklearn's roc_auc_score)."""
    try:
        from sklearn.metrics import roc_auc_score
        return float(roc_auc_score(labels, scores))
    except ImportError:  # the same, by ranks
        order = sorted(range(len(scores)), key=scores.__getitem__)
        ranks = [0.0] * len(scores)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
                j += 1
            for k in range(i, j + 1):
                ranks[order[k]] = (i + j) / 2 + 1
            i = j + 1
        pos = sum(labels)
        neg = len(labels) - pos
        return (sum(r for r, y in zip(ranks, labels) if y) - pos * (pos + 1) / 2) / (pos * neg)


def sentence_scores(text: str, sentences: list[tuple[int, int]], hits: list[tuple]) -> list[dict]:
    """Each score of every sentence from the hits starting in it."""
    starts = [s for s, _ in sentences]
    rows = [dict.fromkeys(SCORES, 0.0) for _ in sentences]
    for start, _end, weight, voice, negated, _term, _frame in hits:
        i = bisect_right(starts, start) - 1
        if i < 0 or start >= sentences[i][1]:
            continue  # starts between sentences (README cut drops nothing that holds a token)
        row = rows[i]
        row["count"] += 1
        row["loaded"] += weight
        if voice == "author":
            row["loaded_author"] += weight
        if not negated:
            row["loaded_noneg"] += weight
        row["loaded_neghalf"] += weight * (0.5 if negated else 1.0)
    for row, (s, e) in zip(rows, sentences):
        n = len(TOKEN.findall(text, s, e))
        row["loaded_norm"] = row["loaded"] / math.sqrt(max(n, 1))
    return rows


def article_figures(article: dict, hits: list[tuple], table_scores: list[tuple] | None = None) -> dict:
    """What one article adds to every figure (``aggregate`` sums them; the bootstrap resamples
    these records). ``table_scores``: the sentences table's ``(loaded, loaded_author)`` of the
    article's sentences, which replace the sums of ``hits`` on the project's sentences (after
    checking that they agree)."""
    text = article["text"]
    spans = [(s["start"], s["end"], s["technique"]) for s in article["spans"]]
    target = [(s, e, t) for s, e, t in spans if t in TARGET]
    rec = {"tokens": len(TOKEN.findall(text)), "hits": len(hits), "n_target": Counter(), "covered": Counter(),
           "outside_any": 0, "outside_target": 0}
    for s, e, t in target:
        rec["n_target"][t] += 1
        if any(overlaps(h[0], h[1], s, e) for h in hits):
            rec["covered"][t] += 1
    for h in hits:
        rec["outside_any"] += not any(overlaps(h[0], h[1], s, e) for s, e, _ in spans)
        rec["outside_target"] += not any(overlaps(h[0], h[1], s, e) for s, e, _ in target)
    for name, splitter in (("readme", readme_sentences), ("project", project_sentences)):
        sentences = splitter(text)
        rec[f"labels_{name}"] = [int(any(overlaps(a, b, s, e) for s, e, _ in target)) for a, b in sentences]
        rec[f"scores_{name}"] = sentence_scores(text, sentences, hits)
    if table_scores is not None:
        _take_table_scores(article, rec["scores_project"], table_scores)
    return rec


def _take_table_scores(article: dict, rows: list[dict], table_scores: list[tuple]) -> None:
    """The tool's own per-sentence scores in place of the sums computed here; they must agree."""
    if len(table_scores) != len(rows):
        fail(f"article {article['id']}: the sentences table has {len(table_scores)} sentences, split_sentences "
             f"{len(rows)}: the analysis and this benchmark disagree on the sentences")
    for row, (loaded, author) in zip(rows, table_scores):
        if not (math.isclose(row["loaded"], loaded, abs_tol=1e-9) and math.isclose(row["loaded_author"], author, abs_tol=1e-9)):
            fail(f"article {article['id']}: the sentences table's loaded ({loaded}, {author}) differs from the sum "
                 f"of its hits' weights ({row['loaded']}, {row['loaded_author']})")
        row["loaded"], row["loaded_author"] = loaded, author


def aggregate(records: list[dict], scores: tuple[str, ...] = SCORES) -> dict:
    """Every figure over some article records (the README definitions)."""
    n_tokens = sum(r["tokens"] for r in records)
    n_target, covered = Counter(), Counter()
    for r in records:
        n_target.update(r["n_target"])
        covered.update(r["covered"])
    outside_any = sum(r["outside_any"] for r in records)
    outside_target = sum(r["outside_target"] for r in records)
    n_hits = sum(r["hits"] for r in records)
    result = {
        "articles": len(records), "tokens": n_tokens, "hits": n_hits,
        "recall": sum(covered.values()) / max(sum(n_target.values()), 1),
        "covered": sum(covered.values()), "spans": sum(n_target.values()),
        "recall_ll": covered["Loaded_Language"] / max(n_target["Loaded_Language"], 1),
        "recall_nc": covered["Name_Calling,Labeling"] / max(n_target["Name_Calling,Labeling"], 1),
        "covered_ll": covered["Loaded_Language"], "spans_ll": n_target["Loaded_Language"],
        "covered_nc": covered["Name_Calling,Labeling"], "spans_nc": n_target["Name_Calling,Labeling"],
        "outside_any": outside_any, "outside_any_per_1000": 1000 * outside_any / n_tokens,
        "outside_target": outside_target, "outside_target_per_1000": 1000 * outside_target / n_tokens,
        "hits_per_1000": 1000 * n_hits / n_tokens,
    }
    for name in ("readme", "project"):
        labels = [y for r in records for y in r[f"labels_{name}"]]
        rows = [row for r in records for row in r[f"scores_{name}"]]
        result[f"sentences_{name}"] = len(labels)
        result[f"positive_{name}"] = sum(labels)
        for key in scores:
            result[f"auc_{name}_{key}"] = roc_auc(labels, [row[key] for row in rows])
    return result


def ptc_corpus(articles: list[dict]) -> Corpus:
    """The PTC articles as a corpus whose bodies are the annotated texts unchanged (no cleaning),
    so the analysis's offsets are the annotation's."""
    records = tuple(Article(id=a["id"], outlet="PTC", title=a.get("title") or "", date=None,
                            date_precision="unknown", url=None, raw_text=a["text"], body=a["text"]) for a in articles)
    return Corpus(records, LoadReport(seen=len(records), loaded=len(records)))


def analysed(articles: list[dict], lexicon) -> tuple[dict, dict]:
    """The lexicon's hits of each article, from the tool's analysis (``analyze``), as
    ``(start, end, weight, voice, negated, term, frame)``; and each article's sentences-table
    scores ``(loaded, loaded_author)`` when the lexicon is the ``loaded`` one."""
    analysis = analyze(ptc_corpus(articles), [lexicon], workers=1)
    hits = analysis.hits
    rows = zip(hits["article_id"].astype(str), hits["start"], hits["end"], hits["weight"], hits["voice"].astype(str),
               hits["negated"], hits["term"].astype(str), hits["frame"].astype(str))
    by_article: dict[str, list[tuple]] = {a["id"]: [] for a in articles}
    for article_id, *hit in rows:
        by_article[article_id].append(tuple(hit))
    scores: dict[str, list[tuple]] = {}
    if lexicon.name == LOADED_LEXICON:
        sentences = analysis.sentences.sort_values(["article_id", "sentence_id"], kind="stable")
        for article_id, loaded, author in zip(sentences["article_id"].astype(str), sentences["loaded"],
                                              sentences["loaded_author"]):
            scores.setdefault(article_id, []).append((float(loaded), float(author)))
    return by_article, scores


def evaluate(articles: list[dict], hits_of, table_scores: dict | None = None) -> dict:
    """Every figure for one detector; ``hits_of(article)`` gives its hits, ``table_scores`` the
    sentences table's scores by article id (``analysed``). The per-article records are kept
    under ``"_records"`` for the bootstrap."""
    table_scores = table_scores or {}
    records = [article_figures(a, hits_of(a), table_scores.get(a["id"])) for a in articles]
    result = aggregate(records)
    result["_records"] = records
    return result


def bootstrap(results: dict, n: int, seed: int = 0) -> str:
    """Article-level bootstrap (the same resampled articles for every detector): 95 %
    percentile intervals of recall, hits outside spans and sentence AUC (README sentences;
    ``count`` for the baseline, ``loaded`` for lexicons), and of each lexicon's AUC gain over
    the first detector."""
    import random
    rng = random.Random(seed)
    names = list(results)
    n_articles = len(results[names[0]][0]["_records"])
    draws = {name: {"recall": [], "outside": [], "auc": []} for name in names}
    gains = {name: [] for name in names[1:]}
    for _ in range(n):
        pick = [rng.randrange(n_articles) for _ in range(n_articles)]
        aucs = {}
        for name in names:
            r, scores = results[name]
            key = "loaded" if "loaded" in scores else "count"
            agg = aggregate([r["_records"][i] for i in pick], (key,))
            draws[name]["recall"].append(agg["recall"])
            draws[name]["outside"].append(agg["outside_any_per_1000"])
            aucs[name] = agg[f"auc_readme_{key}"]
            draws[name]["auc"].append(aucs[name])
        for name in names[1:]:
            gains[name].append(aucs[name] - aucs[names[0]])

    def ci(values):
        values = sorted(values)
        return f"[{values[int(0.025 * len(values))]:.3f}, {values[int(0.975 * len(values)) - 1]:.3f}]"
    lines = [f"bootstrap: {n} resamples of the {n_articles} articles (seed {seed}), 95 % percentile intervals"]
    for name in names:
        d = draws[name]
        lines.append(f"  {name}: recall {ci(d['recall'])}, outside/1000 {ci(d['outside'])}, AUC {ci(d['auc'])}")
    for name in names[1:]:
        lines.append(f"  AUC gain of {name} over {names[0]}: {ci(gains[name])}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- report

def report(name: str, r: dict, scores: tuple[str, ...]) -> str:
    lines = [
        f"== {name}",
        f"  hits {r['hits']} ({r['hits_per_1000']:.1f} per 1,000 tokens; {r['tokens']} tokens, {r['articles']} articles)",
        f"  span recall LL+NC      {r['recall']:.3f} ({r['covered']}/{r['spans']})",
        f"    Loaded_Language      {r['recall_ll']:.3f} ({r['covered_ll']}/{r['spans_ll']})",
        f"    Name_Calling         {r['recall_nc']:.3f} ({r['covered_nc']}/{r['spans_nc']})",
        f"  hits outside any span  {r['outside_any_per_1000']:.1f} per 1,000 tokens ({r['outside_any']})",
        f"  hits outside LL/NC     {r['outside_target_per_1000']:.1f} per 1,000 tokens ({r['outside_target']})",
        f"  sentence AUC, README sentences ({r['sentences_readme']}, {r['positive_readme']} positive) / "
        f"project splitter ({r['sentences_project']}, {r['positive_project']} positive):",
    ]
    for key in scores:
        lines.append(f"    {key:<14} {r[f'auc_readme_{key}']:.3f} / {r[f'auc_project_{key}']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="path of ptc_loaded/articles.jsonl")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--lexicon", action="append", metavar="PATH",
                        help="a lexicon YAML to evaluate (repeatable; default: the bundled lexicons/loaded.yaml)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the VADER baseline")
    parser.add_argument("--textblob", action="store_true",
                        help="also compare with textblob's subjectivity lexicon (needs textblob installed)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--bootstrap", type=int, default=0, metavar="N",
                        help="also print article-level bootstrap intervals from N resamples")
    args = parser.parse_args(argv)

    articles = read_articles(args.data, args.split)
    results = {}
    if not args.no_baseline:
        baselines = {"VADER baseline (|valence| >= 1.5, README)": vader_loaded_words(),
                     "VADER, |valence| >= 1.0": vader_loaded_words(1.0)}
        if args.textblob:
            baselines["textblob subjectivity lexicon (subjectivity >= 0.5, polar or intense)"] = textblob_subjective_words()
        for name, words in baselines.items():
            results[name] = (evaluate(articles, lambda a, words=words: baseline_hits(a["text"], words)), ("count",))
    for path in args.lexicon or [str(BUNDLED_DIR / "loaded.yaml")]:
        if not Path(path).is_file():
            fail(f"{path}: no such lexicon file")
        lexicon = load_lexicon(path)
        hits, table_scores = analysed(articles, lexicon)
        results[f"{lexicon.name} {lexicon.version} ({Path(path).name})"] = (
            evaluate(articles, lambda a, hits=hits: hits[a["id"]], table_scores), SCORES)
    if args.format == "json":
        print(json.dumps({name: {k: v for k, v in r.items() if k != "_records"} for name, (r, _) in results.items()},
                         indent=2))
    else:
        print(f"split={args.split}")
        for name, (r, scores) in results.items():
            print(report(name, r, scores))
        if args.bootstrap:
            print(bootstrap(results, args.bootstrap))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
