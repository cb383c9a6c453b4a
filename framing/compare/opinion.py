"""Opinion pieces: an op-ed or column published days after the news it discusses is usually a
lone report that joins its event (``framing.compare.events``); ``opinion_flags`` marks them by
the address, the title, the opening words or the outlet's name."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd

_OPINION_ADDRESS = re.compile(r"(?:^|[/_.=-])(?:opinions?|op-?eds?|commentary|columns?|columnists?|editorials?"
                              r"|opin)(?:[/_.&-]|$)|/(?:outlook|ideas|think|voices|corner)/", re.IGNORECASE)
_OPINION_TITLE = re.compile(r"^\W*(?:opinion|op-?ed|column|editorial|commentary|(?:analysis\s*/\s*)?opinion)"
                            r"\s*[:|\-–—]|[|\-–—:]\s*opinion\W*$|\bop-ed\b", re.IGNORECASE)
_OPINION_OPENING = re.compile(r"^\W*(?:analysis\s*/\s*)?opinion\s*:", re.IGNORECASE)
_OPINION_OUTLET = re.compile(r"\b(?:opinion|editorials?|op-?ed)\b", re.IGNORECASE)


def _address_path(url) -> str:
    if not isinstance(url, str) or not url:
        return ""
    parts = urlsplit(url)
    return parts.path + "?" + parts.query


def opinion_flags(articles: pd.DataFrame) -> pd.Series:
    """True for an article that says it is opinion (module doc): its address has an opinion
    section (``/opinion/``, ``/op-ed/``, ``/columns/``, ``/editorials/``, ``/outlook/``...), its
    title starts "Opinion:" / "Op-Ed:" / "Column:" or ends "| Opinion", its body opens
    "OPINION:" or "ANALYSIS/OPINION:", or its outlet's name says opinion or editorial. Missing
    columns count as saying nothing. Indexed like ``articles``."""
    def column(name: str) -> pd.Series:
        if name not in articles:
            return pd.Series("", index=articles.index)
        return articles[name].fillna("").astype(str)
    return (column("url").map(_address_path).str.contains(_OPINION_ADDRESS)
            | column("title").str.contains(_OPINION_TITLE)
            | column("body").str[:60].str.contains(_OPINION_OPENING)
            | column("outlet").str.contains(_OPINION_OUTLET)).rename("opinion")
