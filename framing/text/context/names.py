"""Words and names: the word tests the rules share, and the proper-noun chains that name a
speaker before ("Secretary of State Rex Tillerson said") or after ("said Tillerson") a
speech verb (docs/context-rules.md, 1.4)."""
from __future__ import annotations

import re

from .vocabulary import CALENDAR, CONNECTORS, FUNCTION, PREPOSITIONS, PRONOUNS, STRIP

#: A word (with inner apostrophes, hyphens and dots: "U.S.", "Iran’s", "al-Assad"; an
#: abbreviation's final dot before a capital) or one punctuation character.
TOKEN = re.compile(r"\w+(?:['’\-.]\w+)*(?:\.(?=\s+[A-Z]))?|[^\w\s]")
_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")


def words(text: str) -> list[str]:
    """The words of a short stretch of text, punctuation stripped."""
    return [w for w in (t.strip(STRIP) for t in text.split()) if w]


def count_words(body: str, start: int, end: int) -> int:
    """Words between two offsets: white-space separated pieces."""
    return len(body[start:end].split()) if end > start else 0


def more_words_than(text: str, n: int) -> bool:
    pieces = text.split(None, n + 1)        # stops splitting after n + 1 pieces
    return len(pieces) > n + 1 or sum(1 for p in pieces if p.strip(STRIP)) > n


def word_at(body: str, pos: int, end: int) -> str:
    """The first token at or after ``pos`` (before ``end``), "" when there is none."""
    found = _NEXT_TOKEN.match(body, pos, end)
    return found.group(1) if found else ""


def token_start(body: str, start: int, tokens: list[str], index: int) -> int:
    """Where ``tokens[index]`` (tokens found from ``start``) stands in ``body``."""
    pos = start
    for token in tokens[:index]:
        pos = body.find(token, pos) + len(token)
    return body.find(tokens[index], pos)


def is_capitalized(word: str) -> bool:
    if not word[:1].isalpha():
        return False
    return word[0].isupper() or ("-" in word and word.rsplit("-", 1)[1][:1].isupper())


def is_name_word(word: str) -> bool:
    """A capitalised word that is not a function word, a month, a weekday or a pronoun."""
    found = _NAME_WORDS.get(word)
    if found is None:
        low = word.lower()
        found = is_capitalized(word) and low not in FUNCTION and low not in CALENDAR \
            and low not in PRONOUNS
        _remember(_NAME_WORDS, word, found)
    return found


def is_content_word(word: str) -> bool:
    """A word with a letter first that is not a function word, a pronoun or a date word."""
    found = _CONTENT_WORDS.get(word)
    if found is None:
        low = word.lower()
        found = word[:1].isalpha() and low not in FUNCTION and low not in PRONOUNS \
            and low not in CALENDAR
        _remember(_CONTENT_WORDS, word, found)
    return found


#: Answers of the two word tests, by word (a corpus has a few hundred thousand words).
_NAME_WORDS: dict[str, bool] = {}
_CONTENT_WORDS: dict[str, bool] = {}
_REMEMBERED = 200_000


def _remember(answers: dict[str, bool], word: str, answer: bool) -> None:
    if len(answers) >= _REMEMBERED:
        answers.clear()
    answers[word] = answer


def chain_before(words: list[str], i: int) -> tuple[int | None, str | None, bool]:
    """The speaker phrase ending at ``words[i]``: (where it starts, the speaker, whether it is
    a proper-noun chain). A proper-noun chain ("Secretary of State Rex Tillerson"), else a
    short noun phrase, which names a speaker only if it has a capital ("Syrian
    pro-government experts"; "the ministry" starts a phrase but names no one)."""
    if is_name_word(words[i]):
        j = i
        while j > 0 and i - j < 8:
            if is_name_word(words[j - 1]):
                j -= 1
            elif words[j - 1].lower() in CONNECTORS and j > 1 and is_name_word(words[j - 2]):
                j -= 2
            else:
                break
        return j, " ".join(words[j:i + 1]), True
    if is_content_word(words[i]):
        j = i
        while j > 0 and i - j < 3:
            if is_content_word(words[j - 1]):
                j -= 1
            elif words[j - 1].lower() == "and" and j > 1 and is_name_word(words[j - 2]):
                j -= 2
            else:
                break
        name = " ".join(words[j:i + 1]) if any(is_capitalized(w) for w in words[j:i + 1]) \
            else None
        if j > 0 and words[j - 1].lower() in ("the", "a", "an"):
            j -= 1
        return j, name, False
    return None, None, False


def chain_after(words: list[str]) -> tuple[int, str | None]:
    """An inverted speaker at the start of ``words``: "said Tillerson", "notes analyst Hadi
    Mohamadi", "said University of Alabama law professor Heather Elliott" (the last name of
    the phrase); returns (words taken, speaker), or (0, None) when the name does not end the
    clause ("..., said McConnell was offering": not inverted)."""
    t, u = 1 if words[:1] and words[0].lower() == "the" else 0, -1
    while True:
        first = t                                # skip up to three lower-case title words
        while t < len(words) and t - first < 3 and words[t][:1].islower() \
                and is_content_word(words[t]):
            t += 1
        if t >= len(words) or not is_name_word(words[t]):
            break
        u = _name_end(words, t)
        if u + 1 < len(words) and words[u + 1][:1].islower() and is_content_word(words[u + 1]):
            t = u + 1                            # "University of Alabama law professor ..."
            continue
        break
    if u < 0:
        return 0, None
    after = words[u + 1].lower() if u + 1 < len(words) else ""
    if after[:1].isalnum() and after not in PREPOSITIONS | CALENDAR | {"who", "according"}:
        return 0, None
    start = u
    while start > 0 and (is_name_word(words[start - 1]) or (
            words[start - 1].lower() in CONNECTORS and start > 1
            and is_name_word(words[start - 2]))):
        start -= 1 if is_name_word(words[start - 1]) else 2
    return u + 1, " ".join(words[start:u + 1])


def _name_end(words: list[str], t: int) -> int:
    """Index of the last word of the proper-noun chain starting at ``words[t]``."""
    u = t
    while u + 1 < len(words) and u - t < 8:
        if is_name_word(words[u + 1]):
            u += 1
        elif words[u + 1].lower() in CONNECTORS and u + 2 < len(words) \
                and is_name_word(words[u + 2]):
            u += 2
        else:
            break
    return u
