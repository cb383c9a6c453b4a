"""House style: terms that set outlets apart by how they write, not by how they frame.

Outlets differ in honorifics ("Mr.", "Mrs." in the New York Times and the Wall Street
Journal), title forms ("President Donald Trump" where others write "President Trump"),
party-state tags ("R-Texas"), contractions, style-book spellings ("U.S.", "percent"), attribution habits ("said in a written statement",
"told reporters") and page furniture the cleaning missed ("update", "story highlights",
"archived recording"). Such a term is real, but a reader who takes it for framing is misled,
so ``style_labels`` names the kind of each term (``""`` for none) and ``distinctive_terms``
leaves them out of its lists unless asked (``TermSettings.keep_style``).

The kinds, decided on the term alone (lowercased words, as counted):
- ``honorific``: a word of ``HONORIFICS`` (mr, mrs, ms, messrs, dr...);
- ``title form``: a title word followed by a given name ("president donald"), found from the
  vocabulary and its counts, so no list of names is needed: "<title> <name>" where one word
  ``w`` follows at least half of the uses of ``name`` ("donald trump" of "donald": a given
  name, not a surname, which many words follow) and "<title> <w>" is a term too ("president
  trump");
- ``party-state``: a single "r", "d" or "i", or "r-texas", "d-calif";
- ``contraction``: "n't", "'re", "'ve", "'ll", "'d", "'m", or "'s" after a pronoun ("it's");
- ``spelling``: a style-book spelling of ``SPELLING`` ("u.s" for "U.S.", "f.b.i", "d.c",
  "percent", "sen" for "Sen.");
- ``attribution``: a word of ``ATTRIBUTION`` (said, told, saying, statement, according...,
  the wire agencies cited: reuters, afp, upi, and the terms of ``CITED``: "associated press",
  a poll's contractor "orc");
- ``furniture``: a term of ``FURNITURE`` ("update", "story highlights", "getty images"...),
  a number of six digits or more (an image or video id left in the page), or a web or mail
  address ("dailycallernewsfoundation.org").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

HONORIFICS = frozenset({"mr", "mrs", "ms", "messrs", "mmes", "mme", "dr", "mr.", "mrs.", "ms."})
TITLES = frozenset({"president", "vice", "sen", "senator", "rep", "representative", "gov", "governor", "secretary",
                    "speaker", "leader", "chairman", "chairwoman", "minister", "mayor", "judge", "justice", "gen",
                    "general", "adm", "admiral", "col", "lt", "sgt", "attorney", "ambassador", "director", "chief",
                    "commissioner", "king", "queen", "prince", "pope", "former", "candidate", "nominee"})
ATTRIBUTION = frozenset({"said", "says", "saying", "told", "tells", "telling", "statement", "statements",
                         "according", "spokesman", "spokeswoman", "spokesperson", "added", "asked", "noted",
                         "reuters", "afp", "upi", "agence"})
#: Sources cited by name as a habit (wire services, a poll's contractor), as whole terms.
CITED = frozenset({"associated press", "orc", "orc international", "cnn/orc"})
FURNITURE = frozenset({"update", "updated", "updates", "story highlights", "highlights", "archived recording",
                       "editor's note", "getty images", "ap photo", "file photo", "photo credit", "rush transcript",
                       "click here", "sign up", "read more", "all rights", "rights reserved", "flipboard",
                       "newsletter", "subscribe", "advertisement", "transcript", "watch", "video"})
_PRONOUN_S = frozenset({"it", "that", "there", "here", "he", "she", "what", "who", "where", "let", "how",
                        "everyone", "nobody", "somebody", "this"})
_CONTRACTION = re.compile(r"^[a-z]+(?:n't|'re|'ve|'ll|'d|'m)$|^(?:ain't|won't|can't|don't)$")
_ADDRESS = re.compile(r"\.(?:com|org|net|gov|edu|io|co\.uk)$|^www\.|@")
_PARTY_STATE = re.compile(r"^[rdi](?:-[a-z.]+)?$")
#: Spellings that follow a style book, not a view: "U.S." or "US", "percent" or "%".
SPELLING = frozenset({"u.s", "u.k", "u.n", "e.u", "uk", "d.c", "f.b.i", "c.i.a", "n.s.a", "n.a.t.o", "percent",
                      "per cent", "percentage", "st", "a.m", "p.m", "et", "sen", "rep", "gov", "lt", "gen"})
STYLE_KINDS = ("honorific", "title form", "party-state", "contraction", "spelling", "attribution", "furniture")


def word_style(word: str) -> str:
    """The house-style kind of one word ("" for none)."""
    if word in HONORIFICS:
        return "honorific"
    if _PARTY_STATE.match(word):
        return "party-state"
    if _CONTRACTION.match(word) or (word.endswith("'s") and word[:-2] in _PRONOUN_S):
        return "contraction"
    if (len(word) >= 6 and word.isdigit()) or _ADDRESS.search(word):
        return "furniture"
    if word in SPELLING:
        return "spelling"
    if word in ATTRIBUTION:
        return "attribution"
    return ""


def style_labels(terms: Iterable[str], counts: Iterable[float] | None = None) -> np.ndarray:
    """The house-style kind of each term (module doc), ``""`` for a term that is none;
    ``counts`` (each term's uses in the corpus) find the title forms."""
    terms = [str(t) for t in terms]
    title_forms = _title_forms(terms, counts) if counts is not None else set()
    out = np.full(len(terms), "", dtype=object)
    for i, term in enumerate(terms):
        if term in FURNITURE:
            out[i] = "furniture"
            continue
        if term in CITED:
            out[i] = "attribution"
            continue
        kinds = [k for k in map(word_style, term.split()) if k]
        if kinds:
            out[i] = min(kinds, key=STYLE_KINDS.index)
        elif term in title_forms:
            out[i] = "title form"
    return out


def _title_forms(terms: list[str], counts: Iterable[float]) -> set[str]:
    """Bigrams "<title> <given name>" (module doc)."""
    uses = dict(zip(terms, np.asarray(list(counts), dtype=float).tolist()))
    following: dict[str, dict[str, float]] = {}
    for term, n in uses.items():
        parts = term.split()
        if len(parts) == 2:
            following.setdefault(parts[0], {})[parts[1]] = n
    found = set()
    for title in TITLES & following.keys():
        for name in following[title]:
            after_name = following.get(name)
            if not after_name:
                continue
            surname, n = max(after_name.items(), key=lambda item: item[1])
            if n >= 0.5 * uses.get(name, np.inf) and surname in following[title]:
                found.add(f"{title} {name}")
    return found
