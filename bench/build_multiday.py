"""Build a multi-day same-event evaluation set from allsides_articles (which has no event ids).

    python bench/build_multiday.py ../shared/data/allsides_articles/articles.jsonl.gz --out /tmp/multiday.jsonl \
        [--verdicts bench/multiday_verdicts.tsv] [--sample-out sample.txt]

The set is derived from the publishers' texts (names of its titles, outlets, dates), so it is
not kept in the repository: this script rebuilds it, the same every run; only the verdicts read
by hand (pair ids and verdicts) are kept, in ``multiday_verdicts.tsv``.

Heuristic (deterministic: no randomness except a seeded sample for reading):

1. Articles with a plausible day date (year 2000-2021); text lead = the first 150 words.
2. Proper names. A lowercased word (4+ letters) or word bigram counts as a name when, over every
   lead of the corpus, it is written Capitalised in mid-sentence (not a sentence's first word)
   at least twice and in lower case at most a tenth as often; titles, routine words of
   politics (Senate, President, months, days...) and outlets' labels are excluded
   (``GENERIC``).
3. Event markers. A name in an article's *title* is a marker when it is rare and bound to a
   moment: at most ``MAX_DF`` (12) articles of the whole corpus have it in their title or lead,
   and the articles having it in their *title* (2 to ``MAX_TITLED``, 8) all fall within
   ``MAX_SPAN`` (6) days. A name that recurs in headlines over weeks (a senator, a country) is
   not a marker; a bombing suspect's, a storm's, a leaked-papers' name is.
4. Positives (label 1): two articles of different outlets whose titles share a marker, 0-4 days
   apart (0 days: same-day controls; 1-4 days: the multi-day case). At most ``MAX_PAIRS_PER_MARKER``
   pairs per marker (largest gaps first, then ids), a pair counted once.
5. Hard negatives (label 0): two articles whose titles carry *different* rare names (a name in
   at most ``NEG_MAX_DF`` (40) titles or leads; a name in one title is enough here: it names the
   article's story), 0-4 days
   apart, sharing at least ``MIN_SHARED`` topic words (stems of the title and first
   ``TOPIC_WORDS`` words, leaving out stems of more than ``COMMON_SHARE`` of the articles),
   where neither article's full text mentions any name of the other's title (so neither is
   about the other's story), whose names never share a title, and whose titles share no word
   but the commonest (stems in more than ``COMMON_TITLE_SHARE`` of titles: a first reading
   found 8 of 60 negatives that shared a headline word such as "debate" or "memo" to be the
   same event). Each article is used once. The most similar
   such pairs (plain TF-IDF cosine of title + lead, independent of framing.events) are kept, at
   most ``NEG_PER_DAY`` per day, ``N_NEG_SAME_DAY`` published the same day and ``N_NEG_NEAR``
   1-4 days apart, so they are hard.
6. Each pair gets ``part`` = crc32(marker of its first article) & 1 (0: tuning, 1: held out).

Reading: ``--sample-out`` writes a seeded sample of pairs (titles and first 60 words of each
article) to read; verdicts typed into ``--verdicts`` (TSV: pair_id, verdict; verdict
``same``, ``development`` (same story, a later development), ``different``) are copied into
the output as ``checked``.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import itertools
import json
import random
import re
import sys
import zlib
from pathlib import Path

import numpy as np
from nltk.stem.snowball import SnowballStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

LEAD_WORDS = 150
MAX_DF = 12
NEG_MAX_DF = 40
MAX_TITLED = 8
MAX_SPAN = 6
MAX_GAP = 4
MAX_PAIRS_PER_MARKER = 4
MIN_SHARED = 2
TOPIC_WORDS = 40
COMMON_SHARE = 0.05
COMMON_TITLE_SHARE = 0.01
NEG_PER_DAY = 2
N_NEG_SAME_DAY = 150
N_NEG_NEAR = 150
SAMPLE_SEED = 20240607

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
SENTENCE_BREAK = re.compile(r"(?<=[.!?:;\"“”])\s+|\n+")
GENERIC = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "govs", "president", "presidential", "senator", "senators", "congressman",
    "congresswoman", "speaker", "secretary", "minister", "prime", "chief", "justice", "judge", "attorney", "general", "director",
    "leader", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "new",
    "house", "white", "senate", "congress", "republican", "republicans", "democrat", "democrats", "democratic", "gop", "u.s",
    "usa", "america", "american", "americans", "national", "state", "states", "united", "federal", "court", "supreme", "opinion",
    "analysis", "editorial", "column", "commentary", "breaking", "update", "updated", "live", "watch", "video", "exclusive",
    "report", "reports", "news", "times", "post", "daily", "fox", "cnn", "nbc", "abc", "cbs", "msnbc", "npr", "reuters", "press",
    "associated", "trump", "obama", "biden", "clinton", "bush", "romney", "pence", "sanders", "warren", "pelosi", "mcconnell",
    "north", "south", "east", "west", "former", "first", "last", "middle", "york", "washington", "california", "texas", "florida",
}
_STEM = SnowballStemmer("english")


def read(path: Path) -> list[dict]:
    """Dated articles (plausible years) with id, outlet, title, day number, topic, text."""
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            date = item.get("date") or ""
            if not re.fullmatch(r"(20[01]\d|202[01])-\d\d-\d\d", date):
                continue
            out.append({"id": item["id"], "outlet": item["outlet"], "title": item.get("title") or "",
                        "date": date, "day": int(np.datetime64(date, "D").astype(int)),
                        "topic": item.get("topic"), "text": item.get("text") or ""})
    return out


def norm(word: str) -> str:
    word = word.lower().replace("’", "'")
    word = word[:-2] if word.endswith("'s") else word
    return word.rstrip("'-")


def lead(text: str, words: int = LEAD_WORDS) -> str:
    return " ".join(text.split()[:words])


def name_counts(leads: list[str]):
    """Per unigram/bigram: capitalised mid-sentence occurrences and lower-case occurrences."""
    caps, lower = collections.Counter(), collections.Counter()
    for text in leads:
        for sentence in SENTENCE_BREAK.split(text):
            toks = WORD.findall(sentence)
            for k, tok in enumerate(toks):
                key = norm(tok)
                if tok[0].islower():
                    lower[key] += 1
                elif k > 0 and tok[1:].islower():
                    caps[key] += 1
                if k + 1 < len(toks):
                    nxt = toks[k + 1]
                    pair = (key, norm(nxt))
                    if tok[0].islower() or nxt[0].islower():
                        lower[pair] += 1
                    elif k > 0 and tok[1:].islower() and nxt[1:].islower():
                        caps[pair] += 1
    return caps, lower


def is_name(key, caps, lower) -> bool:
    words = key if isinstance(key, tuple) else (key,)
    if any(w in GENERIC or w in ENGLISH_STOP_WORDS or len(w) < (3 if len(words) > 1 else 4) for w in words):
        return False
    return caps[key] >= 2 and lower[key] * 10 <= caps[key]


def grams(text: str) -> set:
    toks = [norm(t) for t in WORD.findall(text)]
    return set(toks) | set(zip(toks, toks[1:]))


def markers(articles: list[dict], leads: list[str]) -> tuple[dict, dict]:
    """(markers, story names): marker -> indices of the articles having it in their title (see
    module doc, step 3); story names: every rare name (step 3's df rule, any number of titles)
    -> the articles having it in their title (for the negatives, step 5: df up to NEG_MAX_DF)."""
    caps, lower = name_counts(leads)
    title_grams = [grams(a["title"]) for a in articles]
    df = collections.Counter()
    for i in range(len(articles)):
        df.update(title_grams[i] | grams(leads[i]))
    titled = collections.defaultdict(list)
    for i, g in enumerate(title_grams):
        for key in g:
            if df[key] <= NEG_MAX_DF and is_name(key, caps, lower):
                titled[key].append(i)
    out = {}
    for key, rows in titled.items():
        days = [articles[i]["day"] for i in rows]
        if df[key] <= MAX_DF and 2 <= len(rows) <= MAX_TITLED and max(days) - min(days) <= MAX_SPAN:
            out[key] = rows
    return out, dict(titled)


def marker_text(key) -> str:
    return " ".join(key) if isinstance(key, tuple) else key


def positives(articles, found) -> list[dict]:
    pairs = {}
    for key in sorted(found, key=marker_text):
        rows = found[key]
        cands = [(abs(articles[a]["day"] - articles[b]["day"]), a, b) for a, b in itertools.combinations(rows, 2)
                 if articles[a]["outlet"] != articles[b]["outlet"]
                 and abs(articles[a]["day"] - articles[b]["day"]) <= MAX_GAP]
        cands.sort(key=lambda c: (-c[0], articles[c[1]]["id"], articles[c[2]]["id"]))
        for gap, a, b in cands[:MAX_PAIRS_PER_MARKER]:
            a, b = sorted((a, b), key=lambda r: articles[r]["id"])
            pairs.setdefault((a, b), (gap, marker_text(key)))
    return [{"a": a, "b": b, "gap": gap, "marker": m, "label": 1} for (a, b), (gap, m) in pairs.items()]


def stems(text: str) -> set[str]:
    return {_STEM.stem(w) for w in (t.lower() for t in WORD.findall(text)) if w not in ENGLISH_STOP_WORDS and len(w) > 2}


def day_blocks(articles, rows):
    """(rows of one day, rows of that day and the MAX_GAP following days), day by day."""
    by_day = collections.defaultdict(list)
    for r in rows:
        by_day[articles[r]["day"]].append(r)
    for day in sorted(by_day):
        later = [r for d in range(day, day + MAX_GAP + 1) for r in by_day.get(d, ())]
        yield by_day[day], later


def topic_stems(articles, leads, rows) -> dict:
    """Per article: stems of its title and first ``TOPIC_WORDS`` words, without the stems of
    more than ``COMMON_SHARE`` of these articles ("said", "year", "president"...)."""
    sets = {r: stems(articles[r]["title"] + " " + lead(leads[r], TOPIC_WORDS)) for r in rows}
    df = collections.Counter(s for r in rows for s in sets[r])
    common = {s for s, n in df.items() if n > COMMON_SHARE * len(rows)}
    return {r: sets[r] - common for r in rows}


def distinctive_title_stems(articles, rows) -> dict:
    """Per article: its title's stems, without those of more than ``COMMON_TITLE_SHARE`` of all
    titles ("trump", "say", "new"...). Two negatives share none: headlines that share a word
    such as "debate", "Bush" or "memo" were often the same event (round 1 of the reading)."""
    sets = {r: stems(articles[r]["title"]) for r in range(len(articles))}
    df = collections.Counter(s for st in sets.values() for s in st)
    common = {s for s, n in df.items() if n > COMMON_TITLE_SHARE * len(articles)}
    return {r: sets[r] - common for r in rows}


def negatives(articles, leads, names) -> list[dict]:
    """Hard negatives (module doc, step 5) among the articles whose title carries a rare name."""
    of = collections.defaultdict(set)
    for key, rows in names.items():
        for r in rows:
            of[r].add(key)
    rows = sorted(of)
    # names that ever appear in one title together belong to one story
    together = set()
    for r in rows:
        for k1, k2 in itertools.permutations(of[r], 2):
            together.add((k1, k2))
    texts_lower = {r: (articles[r]["title"] + " " + articles[r]["text"]).lower().replace("’", "'") for r in rows}
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    X = normalize(vec.fit_transform([articles[r]["title"] + " " + leads[r] for r in rows])).tocsr()
    index = {r: n for n, r in enumerate(rows)}
    topic = topic_stems(articles, leads, rows)
    title_stems = distinctive_title_stems(articles, rows)
    cands = []
    for today, near in day_blocks(articles, rows):
        sims = (X[[index[r] for r in today]] @ X[[index[r] for r in near]].T).toarray()
        for n, x in enumerate(today):
            for m, y in enumerate(near):
                if articles[y]["day"] == articles[x]["day"] and articles[y]["id"] <= articles[x]["id"]:
                    continue  # same day: each pair once
                if of[x] & of[y] or any((k1, k2) in together for k1 in of[x] for k2 in of[y]):
                    continue
                shared = len(topic[x] & topic[y])
                if shared < MIN_SHARED or title_stems[x] & title_stems[y]:
                    continue
                if any(marker_text(k) in texts_lower[x] for k in of[y]) or \
                        any(marker_text(k) in texts_lower[y] for k in of[x]):
                    continue
                cands.append((float(sims[n, m]), articles[y]["day"] - articles[x]["day"], x, y, shared))
    cands.sort(key=lambda c: (-c[0], articles[c[2]]["id"], articles[c[3]]["id"]))
    per_day, out, quota = collections.Counter(), [], {True: N_NEG_SAME_DAY, False: N_NEG_NEAR}
    used = set()
    for s, gap, x, y, shared in cands:
        day = (min(articles[x]["day"], articles[y]["day"]), gap == 0)
        if per_day[day] >= NEG_PER_DAY or quota[gap == 0] == 0 or x in used or y in used:
            continue
        per_day[day] += 1
        quota[gap == 0] -= 1
        used.update((x, y))
        x, y = sorted((x, y), key=lambda r: articles[r]["id"])
        out.append({"a": x, "b": y, "gap": gap, "marker": marker_text(min(of[x], key=marker_text)),
                    "other_marker": marker_text(min(of[y], key=marker_text)), "label": 0,
                    "tfidf_cosine": round(s, 3), "shared_stems": shared})
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="allsides_articles/articles.jsonl.gz")
    parser.add_argument("--out", type=Path, required=True, help="where to write the pairs (JSON lines)")
    parser.add_argument("--verdicts", type=Path, default=Path(__file__).with_name("multiday_verdicts.tsv"))
    parser.add_argument("--sample-out", type=Path, help="write a seeded sample of pairs to read")
    parser.add_argument("--sample-pos", type=int, default=200, help="multi-day positives to sample (default: all)")
    parser.add_argument("--sample-neg", type=int, default=60, help="negatives to sample")
    args = parser.parse_args(argv)
    if not args.path.exists():
        sys.exit(f"build_multiday: {args.path} not found; pass the path of allsides_articles/articles.jsonl.gz")
    articles = read(args.path)
    leads = [lead(a["text"]) for a in articles]
    found, names = markers(articles, leads)
    pairs = positives(articles, found) + negatives(articles, leads, names)
    checked = {}
    if args.verdicts.exists():
        for line in args.verdicts.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                pair_id, verdict, *_ = line.split("\t")
                checked[pair_id] = verdict
    records = []
    for p in pairs:
        a, b = articles[p["a"]], articles[p["b"]]
        pair_id = f"{a['id']}|{b['id']}"
        rec = {"pair_id": pair_id, "a": a["id"], "b": b["id"], "label": p["label"], "gap_days": p["gap"],
               "outlets": [a["outlet"], b["outlet"]], "dates": [a["date"], b["date"]], "topic": a["topic"],
               "marker": p["marker"], "part": zlib.crc32(p["marker"].encode()) & 1}
        for extra in ("other_marker", "tfidf_cosine", "shared_stems"):
            if extra in p:
                rec[extra] = p[extra]
        rec["checked"] = checked.get(pair_id)
        records.append(rec)
    with open(args.out, "w") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
    summary(records, len(found))
    if args.sample_out:
        write_sample(records, {a["id"]: a for a in articles}, args.sample_out, args.sample_pos, args.sample_neg)
    return 0


def summary(records, n_markers) -> None:
    pos = [r for r in records if r["label"] == 1]
    neg = [r for r in records if r["label"] == 0]
    print(f"{n_markers} markers; {len(pos)} positive pairs "
          f"({len({r['marker'] for r in pos})} markers), {len(neg)} hard negative pairs")
    for name, rows in (("positives", pos), ("negatives", neg)):
        gaps = collections.Counter(r["gap_days"] for r in rows)
        parts = collections.Counter(r["part"] for r in rows)
        print(f"  {name} by gap {dict(sorted(gaps.items()))}, by part {dict(sorted(parts.items()))}")
    verdicts = collections.Counter((r["label"], r["checked"]) for r in records if r["checked"])
    if verdicts:
        print(f"  spot-checked: {dict(verdicts)}")


def write_sample(records, by_id, path: Path, n_pos: int, n_neg: int) -> None:
    rng = random.Random(SAMPLE_SEED)
    multi = [r for r in records if r["label"] == 1 and r["gap_days"] >= 1]
    neg = [r for r in records if r["label"] == 0]
    chosen = rng.sample(multi, min(n_pos, len(multi))) + rng.sample(neg, min(n_neg, len(neg)))
    with open(path, "w") as fh:
        for r in chosen:
            fh.write(f"=== {r['pair_id']}  label={r['label']} gap={r['gap_days']} marker={r['marker']!r}"
                     f"{' other=' + repr(r.get('other_marker')) if r['label'] == 0 else ''}\n")
            for key in ("a", "b"):
                art = by_id[r[key]]
                fh.write(f"  [{art['outlet']} {art['date']}] {art['title']}\n      {lead(art['text'], 40)}\n")
    print(f"  sample of {len(chosen)} pairs written to {path}")


if __name__ == "__main__":
    sys.exit(main())
