"""Lexicons: frames (one set of terms, or two opposing poles), naming sets and actors, read
from YAML with every problem reported by file and line (format: ``lexicons/README.md``).

The face of the lexicon stage: the records (``model``), reading and the bundled lexicons
(``files``, validation in ``reader``) and writing (``writer``: YAML, fingerprint, term table).
"""
from framing.lexicon.files import (
                                   BUNDLED_DIR,
                                   bundled_lexicon_names,
                                   bundled_lexicons,
                                   lexicon_problems,
                                   load_lexicon,
                                   parse_lexicon,
                                   resolve_lexicon,
)
from framing.lexicon.model import ACTOR_ROLE, ROLES, Actor, Frame, Lexicon, NamingSet, Pole, Source, Term
from framing.lexicon.writer import TERM_COLUMNS, lexicon_fingerprint, lexicon_terms, lexicon_to_yaml

__all__ = ["ACTOR_ROLE", "BUNDLED_DIR", "ROLES", "TERM_COLUMNS", "Actor", "Frame", "Lexicon", "NamingSet", "Pole", "Source", "Term",
           "bundled_lexicon_names", "bundled_lexicons", "lexicon_fingerprint", "lexicon_problems", "lexicon_terms",
           "lexicon_to_yaml", "load_lexicon", "parse_lexicon", "resolve_lexicon"]
