"""The analysis pipeline: articles -> sentences -> lexicon hits with their context, as the three
tidy tables of docs/data-model.md, plus an on-disk cache so a big corpus is analysed once.

Per article: the body is split into sentences once (``framing.text.tokenize.split_sentences``), every
lexicon term is found (``framing.text.match.Matcher``), and each hit gets its voice, speaker,
negation, hedging and target from ``framing.text.context.body_context``. A hit belongs to the
sentence its first character is in (a phrase matched across a line break starts in one
sentence and ends in the next).

Every body is split in full, not only where hits are: with the bundled lexicons 95% of the
text is in lines holding a hit, and the context rules read the sentences around a hit, so a
partial split would save little (``bench/bench_hits.py`` prints the share).

Articles are analysed in chunks of 200, in every CPU's process for a big corpus. Each chunk's
rows become column batches at once (Arrow dictionaries for repeated text, numpy for numbers),
and the batches are joined into Categorical, numpy and object columns at the end, so a corpus
of 37,554 articles (3.5 million hits) never holds its hits as Python tuples all at once.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import tempfile
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from framing import __version__
from framing.text.context import body_context
from framing.errors import FramingError, SettingsError
from framing.lexicon.model import Lexicon
from framing.corpus.load import corpus_frame
from framing.text.match import KINDS, Matcher
from framing.corpus.records import Corpus
from framing.measure.sentiment import compound_scores
from framing.parallel import process_pool, resolve_workers
from framing.text.tokenize import count_words, split_sentences

#: Columns of the sentences and hits tables, with their dtypes (docs/data-model.md). Text that
#: repeats from row to row is "category" (pandas Categorical, categories sorted, so sorting and
#: grouping give the order plain strings would); free text is "str".
SENTENCE_COLUMNS = {"article_id": "category", "sentence_id": "int64", "start": "int64", "end": "int64",
                    "text": "str", "compound": "float64"}
HIT_COLUMNS = {"article_id": "category", "outlet": "category", "sentence_id": "int64", "start": "int64",
               "end": "int64", "matched": "category", "term": "category", "lexicon": "category",
               "kind": "category", "frame": "category", "pole": "category", "weight": "float64",
               "voice": "category", "speaker": "object", "negated": "bool", "hedged": "bool",
               "target": "object"}
_SENTENCE_COLUMNS_WITHOUT_TEXT = {k: v for k, v in SENTENCE_COLUMNS.items() if k != "text"}
#: Bump when the cache layout changes; old cache folders are then ignored.
CACHE_FORMAT = 3
Progress = Callable[[int, int], None]


@dataclass
class Analysis:
    """A corpus analysed with some lexicons: ``articles``, ``sentences`` and ``hits`` tables
    (columns in docs/data-model.md). ``corpus`` is None when read from a cache without it."""

    corpus: Corpus | None
    lexicons: tuple[Lexicon, ...]
    articles: pd.DataFrame
    sentences: pd.DataFrame
    hits: pd.DataFrame


@dataclass(frozen=True)
class ArticleHits:
    """One article's sentence spans and hit rows (see ``article_hits``)."""

    sentence_spans: list
    rows: list


def analyze(corpus: Corpus, lexicons: Iterable[Lexicon] | None = None, *,
            progress: Progress | None = None, workers: int | None = None,
            sentence_text: bool = True) -> Analysis:
    """Analyse every article of ``corpus`` with ``lexicons`` (default: the bundled ones).
    ``progress(done, total)`` is called as articles are done and at the end. ``workers``
    processes share the articles (same tables, in the same order); None: every CPU for a
    corpus of 800 articles or more, one process below (``framing.parallel``).
    ``sentence_text=False`` leaves the sentences table without its ``text`` column (a
    sentence is ``body[start:end]``; ``sentence_texts`` reads them back), for pipelines
    that never show sentences (about 220 MB less on the 37,554 AllSides articles)."""
    lexicons = _lexicons(lexicons)
    articles = [(a.id, a.outlet, a.body) for a in corpus.articles]
    chunks = [articles[i:i + _CHUNK] for i in range(0, len(articles), _CHUNK)]
    workers = resolve_workers(workers, len(chunks), min_units=_PARALLEL_MIN_CHUNKS)
    columns = SENTENCE_COLUMNS if sentence_text else _SENTENCE_COLUMNS_WITHOUT_TEXT
    if workers == 1 or len(chunks) < 2:
        matcher = Matcher(lexicons)
        tables = _gather((_analyse_chunk(chunk, matcher, columns) for chunk in chunks), chunks, progress, columns)
    else:
        from functools import partial
        with process_pool(workers, initializer=_start_worker, initargs=(lexicons,)) as pool:
            tables = _gather(pool.map(partial(_analyse_chunk, columns=columns), chunks), chunks, progress, columns)
    sentences, hits, n_words, n_sentences = tables  # joined once the worker processes have ended
    sentences, hits = sentences.frame(), hits.frame()
    articles_table = corpus_frame(corpus, n_words=n_words, n_sentences=n_sentences)
    return Analysis(corpus, lexicons, articles_table, sentences, hits)


#: Articles per unit of work (and per progress report).
_CHUNK = 200
#: ``workers=None`` runs one process below this many chunks (starting processes costs ~1 s).
_PARALLEL_MIN_CHUNKS = 4
_worker_matcher: Matcher | None = None


def _start_worker(lexicons: tuple[Lexicon, ...]) -> None:
    global _worker_matcher
    _worker_matcher = Matcher(lexicons)


def _analyse_chunk(articles: list[tuple[str, str, str]], matcher: Matcher | None = None,
                   columns: dict[str, str] = SENTENCE_COLUMNS):
    """The sentence (``columns``) and hit columns (as ``_Columns`` batches, so a worker
    process sends back compact arrays rather than millions of tuples), word counts and
    sentence counts of some ``(id, outlet, body)`` articles."""
    with _without_cyclic_gc():
        return _analyse_articles(articles, matcher or _worker_matcher, columns)


@contextmanager
def _without_cyclic_gc():
    """Pause Python's cyclic garbage collector: the analysis makes millions of tuples and no
    cycles, and the collector's passes over them cost ~5% of its time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyse_articles(articles: list[tuple[str, str, str]], matcher: Matcher, columns: dict[str, str]):
    sentences, hits = _Columns(columns), _Columns(HIT_COLUMNS)
    with_text = "text" in columns
    n_words, n_sentences = [], []
    for article_id, outlet, body in articles:
        found = article_hits(body, matcher, prefix=(article_id, outlet))
        n_words.append(count_words(body))
        n_sentences.append(len(found.sentence_spans))
        compound = _actor_sentence_scores(body, found)
        if with_text:
            sentences.extend([(article_id, i, start, end, body[start:end], compound.get(i, _NAN))
                              for i, (start, end) in enumerate(found.sentence_spans)])
        else:
            sentences.extend([(article_id, i, start, end, compound.get(i, _NAN))
                              for i, (start, end) in enumerate(found.sentence_spans)])
        hits.extend(found.rows)
    return sentences.sealed(), hits.sealed(), n_words, n_sentences


_NAN = float("nan")
_KIND, _SENTENCE_ID = list(HIT_COLUMNS).index("kind"), list(HIT_COLUMNS).index("sentence_id")


def _actor_sentence_scores(body: str, found: ArticleHits) -> dict[int, float]:
    """VADER compound score of each sentence naming an actor (the sentences actor sentiment
    reads), by sentence id; scored here, where the text is at hand, in the analysis's
    processes."""
    ids = sorted({row[_SENTENCE_ID] for row in found.rows if row[_KIND] == "actor"})
    if not ids:
        return {}
    spans = found.sentence_spans
    texts = [body[spans[i][0]:spans[i][1]] for i in ids]
    return dict(zip(ids, compound_scores(texts, workers=1, remember=False).tolist()))


def _gather(results, chunks: list, progress: Progress | None, columns: dict[str, str]):
    """The chunks' sentence and hit batches gathered into two ``_Columns`` (joined by the
    caller, after the worker processes have ended), and their word and sentence counts."""
    sentences, hits, n_words, n_sentences = _Columns(columns), _Columns(HIT_COLUMNS), [], []
    done, total = 0, sum(len(c) for c in chunks)
    for (chunk_sentences, chunk_hits, chunk_words, chunk_counts), chunk in zip(results, chunks):
        sentences.batches.extend(chunk_sentences)
        hits.batches.extend(chunk_hits)
        n_words.extend(chunk_words)
        n_sentences.extend(chunk_counts)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    return sentences, hits, n_words, n_sentences


def article_hits(body: str, matcher: Matcher, *, prefix: tuple = ()) -> ArticleHits:
    """Sentence spans of ``body`` and one row per hit: ``prefix + (sentence_id, start, end,
    matched, term, lexicon, kind, frame, pole, weight, voice, speaker, negated, hedged, target)``."""
    spans = split_sentences(body)
    found = matcher.find_spans(body)
    if not found:
        return ArticleHits(spans, [])
    contexts = _contexts(body, spans, found)
    starts = [s for s, _ in spans]
    rows = []
    tails: dict[tuple[int, int], tuple] = {}  # (fields, context) -> their columns, built once
    for (start, end, fields), ctx in zip(found, contexts):
        tail = tails.get((id(fields), id(ctx)))
        if tail is None:
            target = None if fields[2] == "actor" else ctx.target
            tail = tails[id(fields), id(ctx)] = fields + (ctx.voice, ctx.speaker, ctx.negated, ctx.hedged, target)
        rows.append((*prefix, max(bisect_right(starts, start) - 1, 0), start, end, body[start:end], *tail))
    return ArticleHits(spans, rows)


def sentence_texts(sentences: pd.DataFrame, articles: pd.DataFrame | None = None,
                   rows: np.ndarray | None = None) -> list[str]:
    """The text of the sentences at positions ``rows`` (all when None) of a sentences table:
    its ``text`` column, or, in a table analysed with ``sentence_text=False``, ``body[start:end]``
    of each sentence's article in ``articles`` (the articles table)."""
    rows = np.arange(len(sentences)) if rows is None else np.asarray(rows)
    if "text" in sentences.columns:
        return sentences["text"].take(rows).tolist()
    if articles is None:
        raise SettingsError("this sentences table has no text column (analysed with sentence_text=False); "
                            "pass the articles table as articles= to read each sentence from its body")
    bodies = dict(zip(articles["article_id"], articles["body"]))
    ids = sentences["article_id"].take(rows).tolist()
    missing = next((a for a in ids if a not in bodies), None)
    if missing is not None:
        raise SettingsError(f"article {missing!r} of the sentences table is not in the articles table given; "
                            "pass the articles table of the same analysis")
    return [bodies[a][s:e] for a, s, e in zip(ids, sentences["start"].take(rows).tolist(),
                                              sentences["end"].take(rows).tolist())]


def select_hits(hits: pd.DataFrame, *, kind: str | None = None, frame: str | None = None,
                lexicons: Iterable[Lexicon] | None = None) -> pd.DataFrame:
    """The hits of one ``kind`` (frame, naming, actor) and/or one ``frame`` (a frame, naming-set
    or actor name). A name that none of ``lexicons`` (or, without them, none of the hits) has
    raises ``SettingsError`` listing the names there are."""
    if kind is not None and kind not in KINDS:
        raise SettingsError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if frame is not None:
        names = _names(lexicons, kind) if lexicons is not None else set(
            hits["frame"] if kind is None else hits.loc[hits["kind"] == kind, "frame"])
        if frame not in names:
            what = {"frame": "frame", "naming": "naming set", "actor": "actor"}.get(kind, "frame, naming set or actor")
            raise SettingsError(f"no {what} called {frame!r}; there are: {', '.join(sorted(names)) or '(none)'}")
    keep = pd.Series(True, index=hits.index)
    if kind is not None:
        keep &= hits["kind"] == kind
    if frame is not None:
        keep &= hits["frame"] == frame
    return hits[keep].reset_index(drop=True)


def _names(lexicons: Iterable[Lexicon], kind: str | None) -> set[str]:
    names = set()
    for lex in lexicons:
        if kind in (None, "frame"):
            names.update(f.name for f in lex.frames)
        if kind in (None, "naming"):
            names.update(n.name for n in lex.naming_sets)
        if kind in (None, "actor"):
            names.update(a.name for a in lex.actors)
    return names


def _contexts(body: str, spans: Sequence, found: Sequence) -> list:
    """Context of every match ``(start, end, fields)`` (actor mentions too: their voice says
    whether an actor is named in a quotation; their target is left empty)."""
    hit_spans = [(start, end) for start, end, _ in found]
    actors = [(start, end, fields[3]) for start, end, fields in found if fields[2] == "actor"]
    return body_context(body, spans, hit_spans, actors)


def _lexicons(lexicons: Iterable[Lexicon] | None) -> tuple[Lexicon, ...]:
    if lexicons is None:
        from framing.lexicon.model import bundled_lexicons
        return tuple(bundled_lexicons())
    lexicons = tuple(lexicons)
    for lexicon in lexicons:
        if not isinstance(lexicon, Lexicon):
            raise SettingsError(f"lexicons must be Lexicon objects (see framing.lexicon.model.load_lexicon), "
                                f"got {type(lexicon).__name__}")
    return lexicons


class _Columns:
    """Rows gathered in batches, each batch turned into column arrays at once (Arrow text, or
    Arrow dictionaries for "category" columns; NumPy for numbers and for str-or-None objects,
    which keep sharing the same Python strings), and the batches joined at the end: a big
    corpus never holds millions of Python tuples, nor a Python string per row of a text column."""

    BATCH = 100_000

    def __init__(self, dtypes: dict[str, str]):
        self.dtypes = dtypes
        self.rows: list[tuple] = []
        self.batches: list[list] = []

    def extend(self, rows: list[tuple]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.BATCH:
            self._flush()

    def sealed(self) -> list:
        """The batches, every row gathered so far included (for another ``_Columns`` to join)."""
        self._flush()
        return self.batches

    def _flush(self) -> None:
        if self.rows:
            columns = zip(*self.rows)
            self.batches.append([_batch_array(values, dtype) for values, dtype in zip(columns, self.dtypes.values())])
        self.rows = []

    def frame(self) -> pd.DataFrame:
        self._flush()
        data = {}
        for i, (name, dtype) in enumerate(self.dtypes.items()):
            parts = [batch[i] for batch in self.batches]
            if dtype == "category":
                data[name] = _sorted_categorical(parts)
            elif dtype == "object":
                data[name] = _shared_objects(parts)
            elif dtype == "str":
                chunked = pa.chunked_array(parts, type=pa.large_string())
                data[name] = pa.table({name: chunked}).to_pandas()[name]
            else:
                data[name] = pd.Series(np.concatenate(parts) if parts else np.array([], dtype=dtype), dtype=dtype)
            for batch in self.batches:
                batch[i] = None  # each column's batches are freed once it is joined
        self.batches = []
        return pd.DataFrame(data, columns=list(self.dtypes), copy=False)  # the joined columns, not a copy


_DICTIONARY = pa.dictionary(pa.int32(), pa.large_string())


def _batch_array(values: tuple, dtype: str):
    if dtype in ("category", "object"):  # str-or-None "object" columns repeat their values too
        return pa.array(values, type=pa.large_string()).dictionary_encode()
    if dtype == "str":
        return pa.array(values, type=pa.large_string())
    return np.array(values, dtype=dtype)


def _sorted_categorical(parts: list) -> pd.Series:
    """One Categorical of the batches' dictionary arrays, its categories in code-point order
    (the order ``sorted`` and a str column's ``sort_values`` give)."""
    chunked = pa.chunked_array(parts, type=_DICTIONARY).unify_dictionaries()
    dictionary = chunked.chunk(0).dictionary if chunked.num_chunks else pa.array([], pa.large_string())
    order = pc.sort_indices(dictionary).to_numpy()
    rank = np.empty(len(order), np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    codes = [rank[chunk.indices.to_numpy(zero_copy_only=False)] for chunk in chunked.chunks]
    categories = pd.Index(dictionary.take(pa.array(order, pa.int64())).to_pandas(), dtype="str")
    dtype = pd.CategoricalDtype(categories)
    return pd.Series(pd.Categorical.from_codes(np.concatenate(codes) if codes else [], dtype=dtype))


def _shared_objects(parts: list) -> pd.Series:
    """One object column (str or None) of the batches' dictionary arrays, each distinct string
    a single Python object shared by its rows (a worker's rows arrive as separate copies)."""
    chunked = pa.chunked_array(parts, type=_DICTIONARY).unify_dictionaries()
    if not chunked.num_chunks:
        return pd.Series([], dtype=object)
    values = np.array(chunked.chunk(0).dictionary.to_pylist() + [None], dtype=object)  # code -1: None
    codes = [chunk.indices.fill_null(-1).to_numpy(zero_copy_only=False) for chunk in chunked.chunks]
    return pd.Series(values.take(np.concatenate(codes)), dtype=object)


# --------------------------------------------------------------------------- cache


def analysis_key(corpus: Corpus, lexicons: Iterable[Lexicon]) -> str:
    """What an analysis depends on: the articles (ids, metadata, raw and cleaned text), the
    lexicons' content and the pipeline's code. Equal keys give equal tables."""
    digest = hashlib.sha256()
    for part in (_corpus_key(corpus), *(_lexicon_key(lex) for lex in lexicons), pipeline_digest()):
        digest.update(part.encode("ascii"))
    return digest.hexdigest()


def _corpus_key(corpus: Corpus) -> str:
    from framing.present.export import corpus_fingerprint
    digest = hashlib.sha256(corpus_fingerprint(corpus).encode("ascii"))
    for article in sorted(corpus.articles, key=lambda a: a.id):
        body = article.body.encode("utf-8")
        digest.update(len(body).to_bytes(8, "big"))
        digest.update(body)
        digest.update(json.dumps(dict(article.meta), sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def _lexicon_key(lexicon: Lexicon) -> str:
    try:
        from framing.lexicon.model import lexicon_fingerprint
    except ImportError:
        return hashlib.sha256(repr(lexicon).encode("utf-8")).hexdigest()
    return lexicon_fingerprint(lexicon)


#: Modules (or packages) whose code turns articles into the tables; the articles themselves
#: (cleaned bodies, metadata) are in the corpus key, so loading and cleaning code is not.
PIPELINE_MODULES = ("measure/analysis", "text/match", "text/context", "text/tokenize", "measure/sentiment", "corpus/load", "corpus/records")


def source_digest(modules: Iterable[str] | None = None) -> str:
    """SHA-256 of the source of ``framing.<name>`` for each name (a module, or every ``.py``
    file of a package), or of the whole package when None, and the framing version."""
    package = Path(__file__).resolve().parents[1]
    if modules is None:
        files = sorted(package.rglob("*.py"))
    else:
        files = []
        for name in modules:
            module, folder = package / f"{name}.py", package / name
            files += [module] if module.exists() else sorted(folder.rglob("*.py")) if folder.is_dir() else []
    digest = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}".encode())
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def pipeline_digest() -> str:
    """SHA-256 of the source of ``PIPELINE_MODULES``, so a changed rule never reads a stale cache."""
    return source_digest(PIPELINE_MODULES)


def save_analysis(analysis: Analysis, directory: str | Path, *, key: str | None = None) -> Path:
    """Write the three tables as Parquet and ``analysis.json`` (key, versions, lexicons) into
    ``directory`` (created; replaced atomically if it exists)."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".framing-", dir=directory.parent))
    try:
        for name in ("articles", "sentences", "hits"):
            _parquet_safe(getattr(analysis, name)).to_parquet(staging / f"{name}.parquet", index=False)
        info = {"format": CACHE_FORMAT, "framing": __version__, "key": key,
                "lexicons": [_lexicon_record(lex) for lex in analysis.lexicons],
                "rows": {n: len(getattr(analysis, n)) for n in ("articles", "sentences", "hits")},
                "object_columns": {n: [str(c) for c, t in getattr(analysis, n).dtypes.items() if t == object]
                                   for n in ("articles", "sentences", "hits")}}
        (staging / "analysis.json").write_text(json.dumps(info, indent=1, ensure_ascii=False), encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(staging, directory)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return directory


def load_analysis(directory: str | Path, *, corpus: Corpus | None = None,
                  lexicons: Iterable[Lexicon] | None = None) -> Analysis:
    """Read an analysis written by ``save_analysis``. Without ``lexicons`` they are rebuilt
    from the YAML stored alongside the tables."""
    directory = Path(directory)
    info = _read_info(directory)
    tables = {}
    for name in ("articles", "sentences", "hits"):
        try:
            tables[name] = pd.read_parquet(directory / f"{name}.parquet")
        except (OSError, ValueError) as exc:
            raise FramingError(f"{directory / (name + '.parquet')}: cannot be read ({exc}); "
                               f"delete {directory} and analyse again") from exc
    for name, columns in info.get("object_columns", {}).items():
        for column in columns:  # columns of str-or-None come back as str with NaN: restore None
            values = tables[name][column].astype(object)
            tables[name][column] = values.where(values.notna(), None)
    for name, dtypes in (("sentences", SENTENCE_COLUMNS), ("hits", HIT_COLUMNS)):
        _sorted_categories(tables[name], dtypes)
    if lexicons is None:
        lexicons = [_lexicon_from_record(r, directory) for r in info["lexicons"]]
    return Analysis(corpus, tuple(lexicons), tables["articles"], tables["sentences"], tables["hits"])


def cached_analyze(corpus: Corpus, lexicons: Iterable[Lexicon] | None = None, *,
                   cache_dir: str | Path, progress: Progress | None = None, workers: int | None = None) -> Analysis:
    """``analyze``, read from ``cache_dir/<key>`` when the same corpus, lexicons and code were
    analysed before; otherwise analysed and written there."""
    lexicons = _lexicons(lexicons)
    key = analysis_key(corpus, lexicons)
    folder = Path(cache_dir) / key[:24]
    if (folder / "analysis.json").exists():
        try:
            if _read_info(folder).get("key") == key:
                return load_analysis(folder, corpus=corpus, lexicons=lexicons)
        except FramingError:
            pass  # a damaged cache entry is analysed again and overwritten
    analysis = analyze(corpus, lexicons, progress=progress, workers=workers)
    save_analysis(analysis, folder, key=key)
    return analysis


def _read_info(directory: Path) -> dict:
    path = directory / "analysis.json"
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FramingError(f"{path}: not a saved analysis ({exc}); "
                           "give the folder save_analysis wrote") from exc
    if info.get("format") != CACHE_FORMAT:
        raise FramingError(f"{path}: written in cache format {info.get('format')}, this framing reads "
                           f"format {CACHE_FORMAT}; delete the folder and analyse again")
    return info


def _lexicon_record(lexicon: Lexicon) -> dict:
    from framing.lexicon import model as lexicon_module
    to_yaml = getattr(lexicon_module, "lexicon_to_yaml", None)
    return {"name": lexicon.name, "version": lexicon.version, "path": lexicon.path,
            "fingerprint": _lexicon_key(lexicon), "yaml": to_yaml(lexicon) if to_yaml else None}


def _lexicon_from_record(record: dict, directory: Path) -> Lexicon:
    from framing.lexicon import model as lexicon_module
    parse = getattr(lexicon_module, "parse_lexicon", None)
    if not record.get("yaml") or parse is None:
        raise FramingError(f"{directory / 'analysis.json'}: lexicon {record.get('name')!r} was not stored "
                           "as YAML; pass lexicons= to load_analysis")
    return parse(record["yaml"], source=record.get("path") or f"{directory} ({record['name']})")


def _sorted_categories(table: pd.DataFrame, dtypes: dict[str, str]) -> None:
    """Make the "category" columns of ``dtypes`` categorical with sorted categories, in place
    (Parquet keeps both; a table written by other means may not have)."""
    for column, dtype in dtypes.items():
        if dtype == "category" and column in table.columns:
            values = table[column]
            if not isinstance(values.dtype, pd.CategoricalDtype):
                values = values.astype("category")
            if not values.cat.categories.is_monotonic_increasing:
                values = values.cat.reorder_categories(values.cat.categories.sort_values())
            table[column] = values


def _parquet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Metadata columns holding mixed Python objects are written as JSON text."""
    import pyarrow as pa
    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object:
            try:
                pa.array(table[column])
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                table[column] = [None if v is None else json.dumps(v, default=str) for v in table[column]]
    return table
