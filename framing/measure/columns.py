"""The columns and dtypes of the sentences and hits tables (docs/data-model.md), apart from
the code that builds the tables (``framing.measure.tables``), so that code writing rows one by
one can know them without importing pandas."""
from __future__ import annotations

#: Each table's columns and dtypes: a value that
#: repeats from row to row is "category" (pandas Categorical, categories sorted, so sorting and
#: grouping give the order plain strings would); free text is "str".
#: Positions are int32 (a body would need 2 GB of text to overflow): 12 bytes a row fewer
#: than int64, which pays for the ``loaded`` lexicon's hits and sentence scores on a big corpus.
SENTENCE_COLUMNS = {"article_id": "category", "sentence_id": "int32", "start": "int32", "end": "int32",
                    "text": "str", "loaded": "float64", "loaded_author": "float64", "compound": "float64"}
HIT_COLUMNS = {"article_id": "category", "outlet": "category", "sentence_id": "int32", "start": "int32",
               "end": "int32", "matched": "category", "term": "category", "lexicon": "category",
               "kind": "category", "role": "category", "frame": "category", "pole": "category", "weight": "float64",
               "voice": "category", "speaker": "object", "negated": "bool", "hedged": "bool",
               "target": "object"}
