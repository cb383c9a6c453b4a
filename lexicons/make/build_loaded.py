"""Build the `loaded` lexicon (loaded.yaml) from VADER, textblob's subjectivity lexicon and the
curated lists, with term selection and weights measured on the PTC train split only.

    python lexicons/make/build_loaded.py DATA_PATH [--out lexicons/loaded.yaml] [--terms FILE.csv] [--components DIR]

DATA_PATH is ptc_loaded/articles.jsonl; only its split == "train" articles are read. Needs the
build-time packages of lexicons/make/README.md (textblob for its en-sentiment.xml; nothing is
downloaded); the tool itself reads only the YAML written here.

1. Candidates (``candidates``):
   - every term of curated.yaml (written for framing), in its curated frame;
   - VADER (vaderSentiment's vader_lexicon.txt): word-like entries with |mean valence| >= 1.0;
   - textblob (textblob/en/en-sentiment.xml, from Pattern): word forms whose senses average
     subjectivity >= 0.5 and |polarity| >= 0.1 (or intensity > 1, the intensifiers);
   - left out: the generic words listed under ``exclude`` in curated.yaml (everyday and topical
     words of news), and generic words that a curated stem already matches.
   A generic word goes to the `evaluative` axis, pole by the sign of its VADER valence (else
   its textblob polarity); a textblob word with |polarity| < 0.1 goes to `intensifier`.
2. Train statistics: each candidate is matched on its own (the project's Matcher, one frame
   per term) in the 371 train articles; h = its hits, t = those overlapping a
   Loaded_Language or Name_Calling,Labeling span.
3. Selection and weight (``Rule``; chosen by 5-fold cross-validation on train,
   tune_loaded.py): q = (t + m * p0) / (h + m), the term's share of hits inside an LL/NC span,
   smoothed towards a prior p0 with strength m = 8. p0 = 0.3 for curated terms; for generic
   terms p0 = 0.1 * (0.5 + strength), strength = max(|valence| / 3, 1.5 * subjectivity *
   max(|polarity|, 0.5)) capped at 1. Keep a curated term when q >= 0.05, a generic term when
   q >= 0.10; a generic term with no train hit only when its strength is 1 (|valence| >= 3, or
   a fully subjective and polar textblob adjective). weight = q / 0.3, rounded to 2 places
   (weight 1 = a term as precise as the prior of a curated term: 3 of its 10 train hits
   inside an annotated span); a plain scale, so ranks and AUCs are those of q.
4. Cross-frame overlaps: the Matcher drops a match inside a longer match of the same frame
   only. A kept term whose train hits lie mostly (> 50 %) inside hits of a longer kept term of
   another frame ("witch" inside "witch hunt") is dropped, so a phrase is not counted twice.

Writes lexicons/loaded.yaml (validated with framing.lexicon.lexicon_problems); with --terms a
CSV of every candidate with its status, sources, scores and train counts; with --components the
single-source lexicons compared in lexicons/make/README.md.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from framing.lexicon import Frame, Lexicon, Pole, Term, lexicon_problems, parse_lexicon

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "bench"))
import bench_loaded as E  # noqa: E402 (the PTC reader and metrics of the benchmark, one implementation)

WORDLIKE, TextblobEntry, textblob_entries, textblob_path = E.WORDLIKE, E.TextblobEntry, E.textblob_entries, E.textblob_path
VERSION = "0.2"

#: Lenient thresholds for the candidate pool (a Rule then applies the real ones).
POOL = dict(vader_min=0.5, textblob_min_subjectivity=0.4, textblob_min_polarity=0.1)


# --------------------------------------------------------------------------- sources

def vader_path() -> Path:
    import vaderSentiment
    return Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")


def package_version(name: str) -> str:
    from importlib.metadata import version
    return version(name)


def vader_entries() -> dict[str, float]:
    """Word-like VADER entries -> mean valence (a repeated entry's later line wins, as in
    vaderSentiment)."""
    return {w: v for w, v in E.vader_valences().items() if WORDLIKE.match(w)}


def textblob_header() -> dict:
    root = ET.parse(textblob_path()).getroot()
    return {k: root.get(k, "") for k in ("license", "author", "version")}


def read_curated(path: Path = HERE / "curated.yaml") -> dict:
    """curated.yaml with every scalar read as text (YAML 1.1 would read no/yes as booleans)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


# --------------------------------------------------------------------------- candidates

@dataclass
class Candidate:
    term: str
    frame: str
    pole: str
    sources: list
    vader: float | None = None
    textblob: TextblobEntry | None = None
    case_sensitive: bool = False

    @property
    def curated(self) -> bool:
        return "curated" in self.sources


def term_key(term: str, case_sensitive: bool) -> str:
    """What the Matcher tells apart: case (unless case-sensitive) and hyphen/space are not."""
    return (term if case_sensitive else term.lower()).replace("-", " ")


def _curated_lists(curated: dict):
    for frame, spec in curated["frames"].items():
        poles = spec["poles"].items() if "poles" in spec else [(frame, spec["terms"])]
        for pole, terms in poles:
            for item in terms:
                if isinstance(item, dict):
                    yield frame, pole, item["term"], item.get("case_sensitive", "false").lower() == "true"
                else:
                    yield frame, pole, item, False


def candidates(curated: dict, *, vader_min: float, textblob_min_subjectivity: float,
               textblob_min_polarity: float) -> tuple[list[Candidate], dict[str, str]]:
    """Every curated term; VADER words with |valence| >= vader_min; textblob words with
    subjectivity >= textblob_min_subjectivity and (|polarity| >= textblob_min_polarity or
    intensity > 1); minus excluded words and words a curated stem matches. Returns the
    candidates and {word: why it was left out}."""
    vader, textblob = vader_entries(), textblob_entries()
    excluded = {w.lower() for group in curated["exclude"].values() for w in group}
    out: dict[str, Candidate] = {}
    left_out: dict[str, str] = {}
    stems = []
    for frame, pole, term, cs in _curated_lists(curated):
        key = term_key(term, cs)
        if key in out:
            sys.exit(f"curated.yaml: {term!r} is listed twice ({out[key].frame} and {frame})")
        if not cs and term.lower() in excluded:
            sys.exit(f"curated.yaml: {term!r} is both curated ({frame}) and excluded")
        c = Candidate(term, frame, pole, ["curated"], case_sensitive=cs)
        if not cs:
            c.vader = vader.get(term.lower())
            c.textblob = textblob.get(term.lower())
            c.sources += [s for s, v in (("vader", c.vader), ("textblob", c.textblob)) if v is not None]
        out[key] = c
        if term.endswith("*"):
            stems.append(key[:-1])
    for key, c in out.items():  # a stem of one frame must not match a term of another
        for stem in stems:
            owner = out[stem + "*"]
            if key.startswith(stem) and key != stem + "*" and owner.frame != c.frame:
                sys.exit(f"curated.yaml: the stem {owner.term!r} ({owner.frame}) also matches {c.term!r} "
                         f"({c.frame}); each hit would count twice: remove one of them")
    generic: dict[str, Candidate] = {}
    for word, valence in vader.items():
        if abs(valence) >= vader_min:
            generic[word] = Candidate(word, "evaluative", "negative" if valence < 0 else "positive",
                                      ["vader"], vader=valence)
    for word, entry in textblob.items():
        if entry.subjectivity < textblob_min_subjectivity:
            continue
        if abs(entry.polarity) < textblob_min_polarity and entry.intensity <= 1:
            continue
        if word in generic:
            generic[word].sources.append("textblob")
            generic[word].textblob = entry
        elif abs(entry.polarity) < 0.1:
            generic[word] = Candidate(word, "intensifier", "intensifier", ["textblob"], textblob=entry)
        else:
            generic[word] = Candidate(word, "evaluative", "negative" if entry.polarity < 0 else "positive",
                                      ["textblob"], vader=vader.get(word), textblob=entry)
    for word, c in sorted(generic.items()):
        key = term_key(word, False)
        if key in out:
            continue  # curated already; its sources name the generic lexicons too
        if word in excluded:
            left_out[word] = "excluded in curated.yaml (everyday or topical word in news)"
            continue
        stem = next((s for s in stems if key.startswith(s)), None)
        if stem is not None:
            left_out[word] = f"matched by the curated stem {stem}*"
            continue
        out[key] = c
    return list(out.values()), left_out


def strength(c: Candidate) -> float:
    """How emotive the generic lexicons say a word is, in [0, 1]: |VADER valence| / 3, or
    1.5 * textblob subjectivity * max(|polarity|, 0.5), whichever is larger, capped at 1."""
    s = 0.0
    if c.vader is not None:
        s = max(s, min(abs(c.vader) / 3.0, 1.0))
    if c.textblob is not None:
        s = max(s, min(c.textblob.subjectivity * max(abs(c.textblob.polarity), 0.5) * 1.5, 1.0))
    return s


# --------------------------------------------------------------------------- train statistics

@dataclass
class HitTable:
    """Every candidate's hits in some articles (each candidate matched on its own), with what
    the metrics need: span overlaps, sentence of each hit, voice and negation."""

    cands: list
    article: np.ndarray
    cand: np.ndarray
    start: np.ndarray
    end: np.ndarray
    target: np.ndarray       # overlaps a Loaded_Language / Name_Calling span
    any_span: np.ndarray     # overlaps a span of any technique
    sent_readme: np.ndarray  # global index of the README sentence holding the hit's start
    sent_project: np.ndarray
    author: np.ndarray
    negated: np.ndarray
    span_ids: list           # per hit: the global ids of the LL/NC spans it overlaps
    tokens: np.ndarray       # per article
    readme_article: np.ndarray
    readme_label: np.ndarray
    readme_tokens: np.ndarray
    project_article: np.ndarray
    project_label: np.ndarray
    project_tokens: np.ndarray
    span_article: np.ndarray
    span_nc: np.ndarray

    def counts(self, mask: np.ndarray | None = None):
        """(h, t, number of articles) per candidate over the hits in ``mask``."""
        n = len(self.cands)
        cand = self.cand if mask is None else self.cand[mask]
        target = self.target if mask is None else self.target[mask]
        article = self.article if mask is None else self.article[mask]
        h = np.bincount(cand, minlength=n)
        t = np.bincount(cand, weights=target, minlength=n)
        pairs = np.unique(np.stack([cand, article]), axis=1) if len(cand) else np.zeros((2, 0), int)
        return h, t, np.bincount(pairs[0], minlength=n)


def pool_lexicon(cands: list[Candidate]) -> Lexicon:
    frames = tuple(Frame(f"t{i}", "candidate", (Pole(f"t{i}", (Term(c.term, case_sensitive=c.case_sensitive),)),))
                   for i, c in enumerate(cands))
    return Lexicon("pool", "0", "every candidate as its own frame", (), frames)


def build_table(articles: list[dict], cands: list[Candidate]) -> HitTable:
    matcher = E.Matcher([pool_lexicon(cands)])
    cols = defaultdict(list)
    tokens, spans_art, spans_nc = [], [], []
    sent = {"readme": ([], [], []), "project": ([], [], [])}
    for ai, article in enumerate(articles):
        text = article["text"]
        tokens.append(len(E.TOKEN.findall(text)))
        all_spans = [(s["start"], s["end"]) for s in article["spans"]]
        target = []
        for s in article["spans"]:
            if s["technique"] in E.TARGET:
                target.append((s["start"], s["end"], len(spans_art)))
                spans_art.append(ai)
                spans_nc.append(s["technique"] != "Loaded_Language")
        where = {}
        for name, splitter in (("readme", E.readme_sentences), ("project", E.project_sentences)):
            sentences = splitter(text)
            arts, labels, ntok = sent[name]
            where[name] = (len(arts), [a for a, _ in sentences], sentences)
            for a, b in sentences:
                arts.append(ai)
                labels.append(int(any(E.overlaps(a, b, s, e) for s, e, _ in target)))
                ntok.append(len(E.TOKEN.findall(text, a, b)))
        for start, end, _w, voice, negated, _term, frame in E.matcher_hits(text, matcher):
            ids = tuple(i for s, e, i in target if E.overlaps(start, end, s, e))
            cols["article"].append(ai)
            cols["cand"].append(int(frame[1:]))
            cols["start"].append(start)
            cols["end"].append(end)
            cols["target"].append(bool(ids))
            cols["any_span"].append(any(E.overlaps(start, end, s, e) for s, e in all_spans))
            for name in ("readme", "project"):
                base, starts, sentences = where[name]
                i = bisect_right(starts, start) - 1
                cols[f"sent_{name}"].append(base + i if i >= 0 and start < sentences[i][1] else -1)
            cols["author"].append(voice == "author")
            cols["negated"].append(bool(negated))
            cols["span_ids"].append(ids)
    span_ids = cols.pop("span_ids")
    arrays = {k: np.array(v) for k, v in cols.items()}
    return HitTable(cands, **arrays, span_ids=span_ids, tokens=np.array(tokens),
                    readme_article=np.array(sent["readme"][0]), readme_label=np.array(sent["readme"][1]),
                    readme_tokens=np.array(sent["readme"][2]),
                    project_article=np.array(sent["project"][0]), project_label=np.array(sent["project"][1]),
                    project_tokens=np.array(sent["project"][2]),
                    span_article=np.array(spans_art), span_nc=np.array(spans_nc))


# --------------------------------------------------------------------------- the rule

@dataclass(frozen=True)
class Rule:
    """Which candidates to keep and their weights, from train counts (module docstring, 3)."""

    p0_cur: float = 0.3          # prior precision of a curated term
    p0_gen: float = 0.1          # prior precision of a generic term: p0_gen * (0.5 + strength)
    m: float = 8.0               # prior strength (pseudo-hits)
    tau: float = 0.10            # keep a generic term when q >= tau
    tau_cur: float = 0.05        # keep a curated term when q >= tau_cur
    vader_min: float = 1.0       # a VADER word needs |valence| >= vader_min ...
    tb_min: float = 0.5          # ... or a textblob word subjectivity >= tb_min
    unseen_strength: float = 1.0  # a generic term without train hits needs this strength
    weight: str = "q"            # "q": q / unit; "one": 1; "sqrt": sqrt(q / unit); "capX": min(q / unit, X)
    unit: float = 0.3            # the q of weight 1 (the prior of a curated term)


def apply_rule(rule: Rule, cands: list[Candidate], h: np.ndarray, t: np.ndarray, n_art: np.ndarray):
    """(keep mask, weight, q) per candidate."""
    n = len(cands)
    p0 = np.empty(n)
    eligible = np.ones(n, bool)
    curated = np.zeros(n, bool)
    for i, c in enumerate(cands):
        if c.curated:
            p0[i], curated[i] = rule.p0_cur, True
            continue
        p0[i] = rule.p0_gen * (0.5 + strength(c))
        ok_v = c.vader is not None and abs(c.vader) >= rule.vader_min
        ok_t = (c.textblob is not None and c.textblob.subjectivity >= rule.tb_min
                and (abs(c.textblob.polarity) >= 0.1 or c.textblob.intensity > 1))
        eligible[i] = (ok_v or ok_t) and not (h[i] == 0 and strength(c) < rule.unseen_strength)
    q = (t + rule.m * p0) / (h + rule.m)
    keep = eligible & (q >= np.where(curated, rule.tau_cur, rule.tau))
    if rule.weight == "q":
        w = q / rule.unit
    elif rule.weight == "one":
        w = np.ones(n)
    elif rule.weight == "sqrt":
        w = np.sqrt(q / rule.unit)
    elif rule.weight.startswith("cap"):
        w = np.minimum(q / rule.unit, float(rule.weight[3:]))
    else:
        raise ValueError(f"unknown weight {rule.weight!r}")
    return keep, np.maximum(np.round(w, 2), 0.01), q


def nested_drops(table: HitTable, keep: np.ndarray, share: float = 0.5) -> dict[int, int]:
    """Kept candidates whose train hits lie mostly inside hits of a longer kept candidate of
    another frame: {dropped candidate: the longer one}."""
    idx = np.nonzero(keep[table.cand])[0]
    by_article = defaultdict(list)
    for i in idx:
        by_article[table.article[i]].append(i)
    inside = defaultdict(lambda: defaultdict(int))
    for hits in by_article.values():
        for i in hits:
            ci = table.cand[i]
            for j in hits:
                cj = table.cand[j]
                if cj == ci or table.cands[cj].frame == table.cands[ci].frame:
                    continue
                if (table.start[j] <= table.start[i] and table.end[i] <= table.end[j]
                        and table.end[j] - table.start[j] > table.end[i] - table.start[i]):
                    inside[ci][cj] += 1
    h = np.bincount(table.cand[idx], minlength=len(table.cands))
    drops = {}
    for ci, outer in inside.items():
        cj, n = max(outer.items(), key=lambda kv: kv[1])
        if n > share * h[ci]:
            drops[ci] = cj
    return drops


# --------------------------------------------------------------------------- writing

FRAMES = {
    "evaluative": ("Evaluative words of judgement, an axis from negative to positive: disastrous, "
                   "vile, absurd, corrupt; heroic, brilliant, courageous.", "#d62728"),
    "intensifier": ("Degree words and inflated magnitude: utterly, wildly, sheer, outright, "
                    "unprecedented, skyrocketing.", "#ff7f0e"),
    "loaded_label": ("Labels and name-calling for people, groups, institutions and policies: regime, "
                     "thugs, leftist, illegal aliens, propaganda, witch hunt.", "#9467bd"),
    "attack_verb": ("Figurative verbs and nouns of verbal or political attack: slammed, blasted, "
                    "ripped into, tirade, smear.", "#8c564b"),
    "loaded_reporting_verb": ("Reporting verbs and adverbs that judge the speaker or the claim: "
                              "claimed, admitted, insisted, boasted, so-called (not said, told, "
                              "according to).", "#1f77b4"),
    "figurative": ("Dysphemisms, euphemisms and figurative framing: death tax, bloodbath, fiasco, "
                   "kangaroo court, lies, hypocrisy.", "#2ca02c"),
}
POLES = {"evaluative": ("negative", "positive")}


def _yaml_str(text: str) -> str:
    """A YAML scalar for ``text``, quoted when plain style would change it (or could be read as
    a flow indicator inside ``{term: ...}``)."""
    if re.search(r"[,\[\]{}#:]", text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    dumped = yaml.safe_dump(text, width=10**6)
    if dumped.endswith("\n...\n"):
        dumped = dumped[:-5]
    return dumped.strip()


def _provenance(c: Candidate, h: int, t: int) -> str:
    parts = []
    if c.curated:
        parts.append("curated")
    if c.vader is not None:
        parts.append(f"vader {c.vader:+.1f}")
    if c.textblob is not None:
        parts.append(f"textblob {c.textblob.polarity:+.2f}/{c.textblob.subjectivity:.2f}")
    parts.append(f"train {int(t)}/{int(h)}")
    return "; ".join(parts)


def render(kept: list[tuple[Candidate, float, int, int]], rule: Rule, tb: dict, stats: dict) -> str:
    lines = [
        "# The `loaded` lexicon: loaded language and name-calling (evaluative words, intensifiers,",
        "# labels, attack verbs, loaded reporting verbs, dysphemisms and figurative framing).",
        "# GENERATED by lexicons/make/build_loaded.py from lexicons/make/curated.yaml, vaderSentiment's",
        "# vader_lexicon.txt and textblob's en/en-sentiment.xml; edit curated.yaml or the rule and",
        "# rebuild (lexicons/make/README.md), not this file.",
        "#",
        "# Each term's comment gives its sources and evidence: `curated` (written for framing),",
        "# `vader V` (VADER mean valence), `textblob P/S` (polarity/subjectivity averaged over the",
        "# word's senses), `train t/h` (t of its h hits on the PTC train split overlap a",
        "# Loaded_Language or Name_Calling,Labeling span; each term matched on its own).",
        f"# weight = q / {rule.unit:g}, q = (t + m*p0) / (h + m): the smoothed share of a term's train hits",
        f"# inside such a span (m = {rule.m:g}; p0 = {rule.p0_cur:g} for curated terms, {rule.p0_gen:g} *",
        "# (0.5 + strength) for VADER/textblob words). Kept: curated terms with q >=",
        f"# {rule.tau_cur:g}; VADER (|valence| >= {rule.vader_min:g}) and textblob (subjectivity >= "
        f"{rule.tb_min:g}) words with q >= {rule.tau:g},",
        "# or, without any train hit, strength 1. Full rules: lexicons/make/README.md. The weight is",
        "# what the sentence score `loaded` and the weighted hits of frame rates sum.",
        f"# {stats['n']} terms: " + ", ".join(f"{k} {v}" for k, v in stats["by_frame"].items()) + ".",
        "name: loaded",
        f'version: "{VERSION}"',
        "description: >-",
        "  Loaded language and name-calling: evaluative words, intensifiers, labels, figurative attack",
        "  verbs, loaded reporting verbs, dysphemisms and euphemisms. Terms from the VADER and",
        "  Pattern/textblob sentiment lexicons and lists written for framing; everyday and topical",
        "  words left out; selection and weights from each term's precision against the loaded-",
        "  language and name-calling spans of the Propaganda Techniques Corpus (train split).",
        "licence: MIT (written for framing; same licence as the code); it includes word entries of",
        "  VADER (MIT) and of Pattern's en-sentiment.xml (PDDL), see sources",
        "sources:",
        "  - title: \"VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text\"",
        "    authors: C.J. Hutto, Eric Gilbert",
        '    year: "2014"',
        "    url: https://github.com/cjhutto/vaderSentiment",
        "    licence: MIT (LICENSE.txt of the vaderSentiment package, Copyright (c) 2016 C.J. Hutto)",
        f"    note: vader_lexicon.txt of vaderSentiment {package_version('vaderSentiment')} (PyPI); "
        "entries and mean valences, terms marked vader",
        "  - title: en-sentiment.xml, subjectivity lexicon for English adjectives (Pattern), as shipped in textblob",
        f"    authors: {tb.get('author') or 'Tom De Smedt, Walter Daelemans'}",
        '    year: "2012"',
        "    url: https://github.com/sloria/TextBlob",
        f"    licence: {tb.get('license') or 'unknown'} (the file's own header; textblob is MIT, Pattern BSD-3-Clause)",
        f"    note: textblob {package_version('textblob')} (PyPI), textblob/en/en-sentiment.xml version "
        f"{tb.get('version')}; polarity and subjectivity, terms marked textblob",
        "  - title: Lists written for framing (curated.yaml)",
        "    authors: framing contributors",
        '    year: "2025"',
        "    licence: MIT",
        "    note: the curated frames and the exclusion list of everyday and topical words; terms marked curated",
        "  - title: \"Propaganda Techniques Corpus (SemEval-2020 Task 11): Fine-Grained Analysis of Propaganda in News Articles\"",
        "    authors: Giovanni Da San Martino, Seunghak Yu, Alberto Barrón-Cedeño, Rostislav Petrov, Preslav Nakov",
        '    year: "2019"',
        "    url: https://aclanthology.org/D19-1565/",
        "    licence: cited only (no text copied); the corpus states no licence",
        "    note: train split only, to measure each term's precision (the train t/h counts, the selection and the weights)",
        "frames:",
    ]
    by_frame = defaultdict(lambda: defaultdict(list))
    for c, w, h, t in kept:
        by_frame[c.frame][c.pole].append((c, w, h, t))
    for frame in FRAMES:
        if frame not in by_frame:
            continue
        description, colour = FRAMES[frame]
        lines += [f"  {frame}:", f"    description: {_yaml_str(description)}", "    role: framing",
                  f'    colour: "{colour}"']
        poles = POLES.get(frame)
        if poles:
            lines.append("    poles:")
        else:
            lines.append("    terms:")
        for pole in (poles or (frame,)):
            indent = "      "
            if poles:
                lines.append(f"      {pole}:")
                indent = "        "
            for c, w, h, t in sorted(by_frame[frame][pole], key=lambda x: (x[0].term.lower(), x[0].term)):
                cs = ", case_sensitive: true" if c.case_sensitive else ""
                lines.append(f"{indent}- {{term: {_yaml_str(c.term)}, weight: {w:g}{cs}}}  # {_provenance(c, h, t)}")
    return "\n".join(lines) + "\n"


def write_terms_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def simple_lexicon(name: str, description: str, source: str, frames: dict[str, list[str]]) -> str:
    """A plain lexicon (weight 1 everywhere) for the single-source comparisons."""
    out = [f"name: {name}", f'version: "{VERSION}"', f"description: {_yaml_str(description)}",
           "licence: see loaded.yaml", "sources:", f"  - title: {_yaml_str(source)}", "    licence: see loaded.yaml",
           "frames:"]
    for frame, terms in frames.items():
        out += [f"  {frame}:", f"    description: {frame}", "    role: framing", "    terms:"]
        out += [f"      - {_yaml_str(t)}" for t in sorted(set(terms))]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="path of ptc_loaded/articles.jsonl (only split == train is read)")
    parser.add_argument("--out", default=str(REPO / "lexicons" / "loaded.yaml"))
    parser.add_argument("--terms", metavar="FILE.csv", help="also write every candidate with its status and evidence")
    parser.add_argument("--components", metavar="DIR", help="also write the single-source lexicons there")
    args = parser.parse_args(argv)

    rule = Rule()
    curated = read_curated()
    cands, left_out = candidates(curated, **POOL)
    articles = E.read_articles(args.data, "train")
    table = build_table(articles, cands)
    h, t, n_art = table.counts()
    keep, weight, q = apply_rule(rule, cands, h, t, n_art)
    drops = nested_drops(table, keep)
    for ci, cj in drops.items():
        keep[ci] = False
        left_out[cands[ci].term] = f"train hits mostly inside the longer term {cands[cj].term!r} ({cands[cj].frame})"
    kept = [(cands[i], float(weight[i]), int(h[i]), int(t[i])) for i in np.nonzero(keep)[0]]
    by_frame = defaultdict(int)
    for c, *_ in kept:
        by_frame[c.frame] += 1
    stats = {"n": len(kept), "by_frame": {f: by_frame[f] for f in FRAMES if by_frame[f]}}
    text = render(kept, rule, textblob_header(), stats)

    problems = lexicon_problems(text, source=args.out)
    if problems:
        sys.exit("the generated lexicon has problems:\n" + "\n".join(problems))
    lexicon = parse_lexicon(text, source=args.out)
    E.Matcher([lexicon])  # every term compiles
    Path(args.out).write_text(text, encoding="utf-8")

    rows = []
    for i, c in enumerate(cands):
        if keep[i]:
            status = "kept"
        elif i in drops:
            status = left_out[c.term]
        elif c.curated:
            status = f"dropped: q {q[i]:.3f} < {rule.tau_cur}"
        elif not ((c.vader is not None and abs(c.vader) >= rule.vader_min)
                  or (c.textblob is not None and c.textblob.subjectivity >= rule.tb_min)):
            status = "dropped: below the VADER / textblob thresholds"
        elif h[i] == 0:
            status = "dropped: no train hit and strength < 1"
        else:
            status = f"dropped: q {q[i]:.3f} < {rule.tau}"
        rows.append({"term": c.term, "frame": c.frame, "pole": c.pole, "status": status,
                     "weight": float(weight[i]) if keep[i] else "", "sources": "+".join(c.sources),
                     "vader_valence": "" if c.vader is None else c.vader,
                     "textblob_polarity": "" if c.textblob is None else round(c.textblob.polarity, 3),
                     "textblob_subjectivity": "" if c.textblob is None else round(c.textblob.subjectivity, 3),
                     "strength": round(strength(c), 3), "train_hits": int(h[i]), "train_in_span": int(t[i]),
                     "train_articles": int(n_art[i]), "q": round(float(q[i]), 4)})
    listed = {r["term"] for r in rows}
    for word, why in sorted(left_out.items()):
        if word not in listed:
            rows.append({"term": word, "frame": "", "pole": "", "status": why, "weight": "", "sources": "",
                         "vader_valence": "", "textblob_polarity": "", "textblob_subjectivity": "", "strength": "",
                         "train_hits": "", "train_in_span": "", "train_articles": "", "q": ""})
    if args.terms:
        write_terms_csv(Path(args.terms), rows)
    print(f"{args.out}: {len(kept)} terms ({', '.join(f'{k} {v}' for k, v in stats['by_frame'].items())}); "
          f"{len(cands)} candidates, {len(drops)} dropped as nested in a longer term of another frame")
    sources = defaultdict(int)
    for c, *_ in kept:
        for s in c.sources:
            sources[s] += 1
    print("terms by source (a term can have several): " + ", ".join(f"{k} {v}" for k, v in sources.items()))

    if args.components:
        out = Path(args.components)
        out.mkdir(parents=True, exist_ok=True)
        vader, textblob = vader_entries(), textblob_entries()
        comps = {
            "vader_1.5": ("VADER words with |valence| >= 1.5 (the README baseline, matched by the Matcher)", "VADER",
                          {"vader": [w for w, v in vader.items() if abs(v) >= 1.5]}),
            "vader_1.0": ("VADER words with |valence| >= 1.0", "VADER",
                          {"vader": [w for w, v in vader.items() if abs(v) >= 1.0]}),
            "textblob": ("textblob words with subjectivity >= 0.5 and (|polarity| >= 0.1 or intensity > 1)", "textblob",
                         {"textblob": [w for w, e in textblob.items() if e.subjectivity >= 0.5
                                       and (abs(e.polarity) >= 0.1 or e.intensity > 1)]}),
        }
        curated_frames = defaultdict(list)
        for frame, _pole, term, cs in _curated_lists(curated):
            curated_frames[frame].append(term if not cs else term)
        comps["curated"] = ("every curated term, weight 1", "curated.yaml", dict(curated_frames))
        for name, (description, source, frames) in comps.items():
            text = simple_lexicon(f"only_{name.replace('.', '_')}", description, source, frames)
            if name == "curated":  # keep the case-sensitive flags
                text = text.replace("- RINO\n", "- {term: RINO, case_sensitive: true}\n")
                for cs_term in [t for _f, _p, t, cs in _curated_lists(curated) if cs]:
                    text = re.sub(rf"^(\s+)- {re.escape(cs_term)}$", rf"\1- {{term: {cs_term}, case_sensitive: true}}",
                                  text, flags=re.M)
            problems = lexicon_problems(text, source=name)
            if problems:
                sys.exit(f"component {name}: " + "; ".join(problems[:5]))
            (out / f"only_{name}.yaml").write_text(text, encoding="utf-8")
        # the loaded lexicon restricted to each source (weights kept)
        for source in ("vader", "textblob", "curated"):
            subset = [k for k in kept if source in k[0].sources]
            text = render(subset, rule, textblob_header(), {"n": len(subset), "by_frame": {}})
            text = text.replace("name: loaded", f"name: loaded_{source}_terms")
            (out / f"loaded_{source}_terms.yaml").write_text(text, encoding="utf-8")
        print(f"components written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
