"""A glossary of framing devices written for pupils, each linked to live examples from the
corpus being read.

The devices, their explanations and how to find them are data (``glossary.yaml`` beside this
module: a teacher can reword them without touching code). Examples are looked up with
``framing.compare.kwic.concordance`` (lexicon frames and naming sets, voices, regular
expressions, word lists) or, for selection and omission, from the sentences one report of an
event has and the other lacks (``framing.compare.align.align_event``).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from framing.compare.align import align_event
from framing.compare.kwic import concordance
from framing.errors import SettingsError
from framing.measure.analysis import Analysis
from framing.text.tokenize import word_spans

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")
EXAMPLE_COLUMNS = ("article_id", "outlet", "title", "sentence_id", "start", "end", "left", "match", "right", "voice")
#: Shortest sentence offered as an example of something left out.
MIN_OMITTED_WORDS = 8


@dataclass(frozen=True)
class Device:
    """One framing device: ``key``, ``name``, ``explain`` (for pupils), ``example`` (an
    invented pair), ``ask`` (a question for the class) and ``find`` (ways to look for live
    examples, tried in order; ``glossary.yaml`` documents them)."""

    key: str
    name: str
    explain: str
    example: str
    ask: str
    find: tuple[Mapping, ...]


@lru_cache(maxsize=1)
def devices(path: Path = GLOSSARY_FILE) -> tuple[Device, ...]:
    """The devices of the glossary file, in its order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for i, entry in enumerate(data.get("devices") or []):
        missing = [f for f in ("key", "name", "explain", "example", "ask", "find") if not entry.get(f)]
        if missing:
            raise SettingsError(f"{path}: device {i + 1} lacks {', '.join(missing)}")
        found.append(Device(entry["key"], entry["name"], " ".join(entry["explain"].split()), entry["example"],
                            entry["ask"], tuple(entry["find"])))
    return tuple(found)


def device(key: str) -> Device:
    for d in devices():
        if d.key == key:
            return d
    raise SettingsError(f"no framing device {key!r}; there are: {', '.join(d.key for d in devices())}")


def _names(analysis: Analysis, spec: Mapping) -> list[tuple[str, str]]:
    """(concordance kind, name) of every frame or naming set of the analysed lexicons that
    ``spec`` (lexicon, frame, kind) selects; empty when its lexicon was not analysed."""
    wanted_frames = spec.get("frame")
    wanted_frames = None if wanted_frames is None else set([wanted_frames] if isinstance(wanted_frames, str)
                                                          else wanted_frames)
    names = []
    for lexicon in analysis.lexicons:
        if spec.get("lexicon") not in (None, lexicon.name):
            continue
        groups = []
        if spec.get("kind") in (None, "frame"):
            groups += [("frame", f.name) for f in lexicon.frames]
        if spec.get("kind") in (None, "naming"):
            groups += [("naming", n.name) for n in lexicon.naming_sets]
        names += [g for g in groups if wanted_frames is None or g[1] in wanted_frames]
    frames = spec.get("frame")
    order = frames if isinstance(frames, list) else []
    return sorted(dict.fromkeys(names), key=lambda g: order.index(g[1]) if g[1] in order else len(order))


def _hit_examples(analysis: Analysis, spec: Mapping, limit: int) -> pd.DataFrame | None:
    """Hits of the frames ``spec`` selects (of one voice, when it says), chosen first (varied
    over outlets and words), then given their context by ``concordance``."""
    names = _names(analysis, spec)
    if not names:
        return None
    hits = analysis.hits
    rank = {name: i for i, (_, name) in enumerate(names)}
    chosen = hits[hits["frame"].astype(str).isin(rank).to_numpy(bool)]
    if spec.get("voice"):
        chosen = chosen[(chosen["voice"].astype(str) == spec["voice"]).to_numpy(bool)]
    if chosen.empty:
        return _empty()
    chosen = pd.DataFrame({"article_id": chosen["article_id"].astype(str), "outlet": chosen["outlet"].astype(str),
                           "match": chosen["matched"].astype(str), "frame": chosen["frame"].astype(str),
                           "start": chosen["start"].to_numpy(), "end": chosen["end"].to_numpy()})
    chosen = _varied(chosen.assign(_rank=chosen["frame"].map(rank)).sort_values("_rank", kind="stable"), limit)
    articles = analysis.articles[analysis.articles["article_id"].astype(str).isin(chosen["article_id"]).to_numpy(bool)]
    subset = analysis.subset(articles, label="glossary examples")
    kinds = dict((name, kind) for kind, name in names)
    found = pd.concat([concordance(subset, frame, kind=kinds[frame]) for frame in chosen["frame"].unique()],
                      ignore_index=True)
    found = found.astype({"article_id": str})
    keep = chosen[["article_id", "start", "end"]].assign(_order=range(len(chosen)))
    return found.merge(keep, on=["article_id", "start", "end"]).drop_duplicates(["article_id", "start", "end"]) \
        .sort_values("_order").drop(columns="_order")


def _words_pattern(words: Sequence[str]) -> str:
    parts = sorted({r"\s+".join(map(re.escape, w.split())) for w in words}, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"


def _omitted_examples(analysis: Analysis, event_id: str | None, article_ids: Sequence[str]) -> pd.DataFrame | None:
    """Sentences of each given article (one event) that no sentence of the other reports."""
    if event_id is None or len(article_ids) < 2:
        return None
    chosen = analysis.articles[analysis.articles["article_id"].astype(str).isin(article_ids).to_numpy(bool)]
    subset = analysis.subset(chosen, label=f"omitted {sorted(article_ids)}")
    pairs = align_event(subset, event_id)
    paired = set(zip(pairs["article_a"], pairs["sentence_a"])) | set(zip(pairs["article_b"], pairs["sentence_b"]))
    sentences = subset.sentences
    texts = subset.sentence_texts()
    outlets = dict(zip(chosen["article_id"], chosen["outlet"]))
    titles = dict(zip(chosen["article_id"], chosen["title"]))
    framed = set(zip(subset.hits["article_id"].astype(str), subset.hits["sentence_id"]))
    rows = []
    for (article_id, sentence_id, start, end), text in zip(
            sentences[["article_id", "sentence_id", "start", "end"]].itertuples(index=False), texts):
        key = (str(article_id), int(sentence_id))
        if key in paired or len(word_spans(text)) < MIN_OMITTED_WORDS:
            continue
        rows.append({"article_id": key[0], "outlet": outlets[article_id], "title": titles[article_id],
                     "sentence_id": key[1], "start": int(start), "end": int(end), "left": "",
                     "match": " ".join(text.split()), "right": "", "voice": None, "_framed": key in framed})
    table = pd.DataFrame(rows, columns=[*EXAMPLE_COLUMNS, "_framed"])
    return table.sort_values(["_framed", "article_id", "sentence_id"], ascending=[False, True, True],
                             kind="stable").drop(columns="_framed")


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=list(EXAMPLE_COLUMNS))


def device_examples(analysis: Analysis, key: str, *, limit: int = 4, event_id: str | None = None,
                    article_ids: Sequence[str] = ()) -> pd.DataFrame:
    """Up to ``limit`` live examples of device ``key`` in ``analysis`` (``EXAMPLE_COLUMNS``),
    taken in turn from each outlet and never the same words twice from one outlet. The first
    way of finding it that applies to the analysed lexicons is used; "omitted" needs the
    ``event_id`` and the ``article_ids`` compared."""
    table = None
    for spec in device(key).find:
        if "hits" in spec:
            table = _hit_examples(analysis, spec["hits"] or {}, limit)
        elif "pattern" in spec:
            table = concordance(analysis, " ".join(str(spec["pattern"]).split()), kind="pattern")
        elif "words" in spec:
            table = concordance(analysis, _words_pattern(spec["words"]), kind="pattern")
        elif "omitted" in spec:
            table = _omitted_examples(analysis, event_id, list(article_ids))
        if table is not None:
            break
    if table is None or table.empty:
        return _empty()
    return _varied(table, limit)[list(EXAMPLE_COLUMNS)]


def _varied(table: pd.DataFrame, limit: int) -> pd.DataFrame:
    """Rows taken from each outlet in turn, skipping words an outlet already gave."""
    table = table.assign(_words=table["match"].astype(str).str.casefold())
    table = table.drop_duplicates(["outlet", "_words"])
    table = table.assign(_turn=table.groupby("outlet", sort=False).cumcount())
    return table.sort_values(["_turn", "outlet"], kind="stable").head(limit).drop(columns=["_words", "_turn"])
