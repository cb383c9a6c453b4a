"""The corpus stage: files of many forms become ``Article`` records, cleaned of page furniture.

``load_corpus`` reads a folder with ``manifest.csv``, CSV/TSV, JSON lines, JSON, Parquet or saved
HTML pages (``readers``, ``files``; bytes decoded per record by ``decoding``, fields checked by
``fields`` within ``limits``), parses partial dates (``dates``) and cleans each text (``clean``:
small line rules over a ``page`` of lines, with the patterns of ``furniture``), reporting every
input as loaded or skipped (``records``: ``Article``, ``Corpus``, ``LoadReport``); ``outlets``
joins a table of outlet metadata (leaning, owner...). Later stages take the ``Corpus``; nothing
here knows of lexicons or scores.
"""
from __future__ import annotations

from framing.lazy import lazy_exports

TYPE_CHECKING = False  # typing's, without importing typing (start-up time); type checkers take it as True
if TYPE_CHECKING:
    from framing.corpus.clean import RULES, Cleaned, clean_text
    from framing.corpus.dates import ParsedDate, parse_date
    from framing.corpus.load import FORMATS, clean_file, load_corpus, report_lines
    from framing.corpus.outlets import OutletTable, join_outlet_table, read_outlet_table
    from framing.corpus.records import Article, Corpus, LoadReport, RemovedSegment, SkippedItem, corpus_fingerprint
else:
    __getattr__, __dir__ = lazy_exports(__name__, {
        "framing.corpus.records": ("Article", "Corpus", "LoadReport", "RemovedSegment", "SkippedItem",
            "corpus_fingerprint"),
        "framing.corpus.load": ("FORMATS", "clean_file", "load_corpus", "report_lines"),
        "framing.corpus.clean": ("RULES", "Cleaned", "clean_text"),
        "framing.corpus.dates": ("ParsedDate", "parse_date"),
        "framing.corpus.outlets": ("OutletTable", "join_outlet_table", "read_outlet_table"),
    })

__all__ = ["FORMATS", "RULES", "Article", "Cleaned", "Corpus", "LoadReport", "OutletTable", "ParsedDate",
           "RemovedSegment", "SkippedItem", "clean_file", "clean_text", "corpus_fingerprint", "join_outlet_table",
           "load_corpus", "parse_date", "read_outlet_table", "report_lines"]
