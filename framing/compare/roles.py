"""Which hits carry framing: the one place the start-here pick, the report and the classroom
views choose the words they highlight and compare.

A hit's ``role`` (from its lexicon category; ``lexicons/README.md``, Roles) says whether its
term frames the story (``framing``: "occupation", "regime", "so-called", "claimed"), names a
topic (``topic``: "military", "economy", every actor mention) or reports speech
(``attribution``: "said", "according to"). The framing hits are the ``framing`` rows.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from framing.errors import SettingsError


def framing_hits(hits: pd.DataFrame) -> pd.DataFrame:
    """The rows of a hits table whose words frame the story (module doc)."""
    if "role" not in hits.columns:
        raise SettingsError("the hits table has no role column (made before lexicon roles); analyse the corpus "
                            "again (framing analyze, or delete the cache)")
    return hits[_values(hits["role"]) == "framing"]


def _values(column: pd.Series) -> np.ndarray:
    """A column as an array of str objects; a categorical one through its few categories, so
    millions of hits are not each turned into a string."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = np.asarray(column.cat.categories.astype(str), dtype=object)
        codes = column.cat.codes.to_numpy()
        if not len(categories):
            return np.full(len(codes), None, dtype=object)
        values = categories[np.maximum(codes, 0)]  # a new array
        values[codes < 0] = None
        return values
    return column.astype(object).to_numpy()
