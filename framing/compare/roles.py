"""Which hits carry framing: the one place the start-here pick, the report and the classroom
views choose the words they highlight and compare.

A hit's ``role`` says whether its term frames the story (``framing``: "occupation",
"regime", "so-called"), names a topic (``topic``: "military", "economy") or reports speech
(``attribution``: "said", "according to"). When the hits table has a ``role`` column, the
framing hits are its ``framing`` rows. Hits tables without one (lexicons that predate roles)
fall back on the bundled lexicons' known parts: the Policy Frames Codebook's topic lists and
the epistemic lexicon's report, factive, assertive and implicative verbs, hedges and boosters
are not framing; its doubt markers ("claimed", "so-called") are. Every other frame and naming
set, a user's own lexicons' included, counts as framing.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: Hit kinds that can frame: frame terms and naming labels (actor mentions only say who).
FRAMING_KINDS = ("frame", "naming")
#: Lexicons, or (lexicon, frame) pairs, whose hits are not framing in a hits table without roles.
NOT_FRAMING_LEXICONS = frozenset({"policy_frames"})
FRAMING_FRAMES_OF = {"epistemic": frozenset({"doubt_markers"})}


def framing_hits(hits: pd.DataFrame) -> pd.DataFrame:
    """The rows of a hits table whose words frame the story (module doc)."""
    if "role" in hits.columns:
        return hits[_values(hits["role"]) == "framing"]
    keep = np.isin(_values(hits["kind"]), FRAMING_KINDS)
    lexicon, frame = _values(hits["lexicon"]), _values(hits["frame"])
    keep &= ~np.isin(lexicon, list(NOT_FRAMING_LEXICONS))
    for name, frames in FRAMING_FRAMES_OF.items():
        keep &= (lexicon != name) | np.isin(frame, list(frames))
    return hits[keep]


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
