"""The tables of docs/data-model.md: their columns and dtypes, the articles table of a corpus
(``corpus_frame``), and the column batches (``ColumnBatches``) that turn millions of hit rows
into compact columns without ever holding them as Python tuples all at once."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from framing.corpus.records import Article, Corpus
from framing.errors import SettingsError
from framing.measure.columns import HIT_COLUMNS as HIT_COLUMNS  # the columns live apart, light; the tables module shows them
from framing.measure.columns import SENTENCE_COLUMNS
from framing.text.tokenize import count_words, estimate_sentences, split_sentences

_SENTENCE_COLUMNS_WITHOUT_TEXT = {k: v for k, v in SENTENCE_COLUMNS.items() if k != "text"}


ARTICLE_COLUMNS = ("article_id", "outlet", "title", "date", "date_precision", "url", "n_words",
                   "n_sentences", "body", "event_id")


def corpus_frame(corpus: Corpus | Iterable[Article], *, exact_sentences: bool = True,
                 n_words: Sequence[int] | None = None, n_sentences: Sequence[int] | None = None
                 ) -> pd.DataFrame:
    """The articles table of docs/data-model.md: one row per article, the core columns, then
    every extra metadata column of the source (a name clashing with a core column gets the
    prefix ``meta_``). ``n_sentences`` counts ``tokenize.split_sentences`` (Punkt), remembered
    per body; ``exact_sentences=False`` estimates it with a regex instead (several times faster,
    within a few percent; see docs/data-model.md). ``n_words`` and ``n_sentences``, when given
    (one per article, as the analysis counted them), are taken as they are. The ``body``
    column holds the articles' own strings (no copy)."""
    articles = list(corpus)
    count_sentences = sentence_count if exact_sentences else estimate_sentences
    for name, given in (("n_words", n_words), ("n_sentences", n_sentences)):
        if given is not None and len(given) != len(articles):
            raise SettingsError(f"{name}: {len(given)} counts for {len(articles)} articles; give one per article")
    columns: dict[str, list] = {name: [] for name in ARTICLE_COLUMNS}
    meta_keys: dict[str, None] = {}
    for article in articles:
        meta_keys.update(dict.fromkeys(k for k in article.meta if k != "event_id"))
    extra = {key: (f"meta_{key}" if key in columns else key) for key in meta_keys}
    for name in extra.values():
        columns[name] = []
    for i, a in enumerate(articles):
        for name, value in (("article_id", a.id), ("outlet", a.outlet), ("title", a.title), ("date", a.date),
                            ("date_precision", a.date_precision), ("url", a.url),
                            ("n_words", count_words(a.body) if n_words is None else n_words[i]),
                            ("n_sentences", count_sentences(a.body) if n_sentences is None else n_sentences[i]),
                            ("body", a.body),
                            ("event_id", _event_id(a))):
            columns[name].append(value)
        for key, name in extra.items():
            columns[name].append(a.meta.get(key))
    body = pd.Series(columns.pop("body"), dtype=object)
    frame = pd.DataFrame(columns)
    frame.insert(ARTICLE_COLUMNS.index("body"), "body", body)
    frame["n_words"] = frame["n_words"].astype("int64")
    frame["n_sentences"] = frame["n_sentences"].astype("int64")
    for name in ("date", "url", "event_id"):
        frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


def _event_id(article: Article) -> str | None:
    value = article.meta.get("event_id")
    return None if value is None or value != value or value == "" else str(value)


_SENTENCE_COUNTS: dict[tuple[int, int], int] = {}


def sentence_count(body: str) -> int:
    """Sentences in a body (``tokenize.split_sentences``), remembered per text by its length
    and hash (so the cache holds numbers, not the texts)."""
    key = (len(body), hash(body))
    count = _SENTENCE_COUNTS.get(key)
    if count is None:
        if len(_SENTENCE_COUNTS) >= 500_000:
            _SENTENCE_COUNTS.clear()
        count = _SENTENCE_COUNTS[key] = len(split_sentences(body))
    return count


class ColumnBatches:
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
        """The batches, every row gathered so far included (for another ``ColumnBatches`` to join)."""
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


def require_columns(table: pd.DataFrame, columns, name: str, *, hint: str = "") -> None:
    """Raise ``SettingsError`` naming the ``columns`` the ``name`` table lacks."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        why = f" (needed for {hint})" if hint else ""
        raise SettingsError(f"the {name} table has no column {', '.join(map(repr, missing))}{why}; "
                            f"its columns are: {', '.join(map(str, table.columns))}")
