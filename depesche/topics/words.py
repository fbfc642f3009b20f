"""Words: an article's tokens that can stand in a tag, with what each can be in a name.

Every word of every article passes here once, so a word is a tuple and its kind is cached.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from .lang import CACHE_SIZE_DEFAULT, is_coined, is_proper, lemma, zipf

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*-?")
# A word with the text since the previous one: every \w stands in some word, so the gap is all \W.
GAP_WORD_RE = re.compile(r"(\W*)(" + WORD_RE.pattern + ")")
GENDER_RE = re.compile(r"_in(?:nen)?\b")  # "Kandidat_innen"; "*" and ":" already end the word
SENTENCE_GAP_RE = re.compile(r"[.!?:;|•–—]|\n")
PARTICLES = frozenset({"van", "de", "da", "di", "del", "la", "le", "ten", "ter", "bin", "al",  # not "von": "Chef von Twitter"
                       "of", "for"})  # "Fridays for Future", "Bank of America"
# Articles and pronouns by lemma: capitalised in headings and as the polite "Ihr", never part of a name.
DETERMINERS = frozenset({"der", "ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "dieser", "jener",
                         "jeder", "welcher", "alle", "mancher", "solcher"})
FUNCTION_WORD_ZIPF_DEFAULT = 5.5  # a run's edge word this common is no name at all ("IM")


class Word(NamedTuple):  # a tuple: made for every word of every article, so it must be cheap
    text: str
    head: str  # the part a compound folds onto
    kind: str  # "name", "noun", "adj", "particle"
    start: int
    end: int
    initial: bool  # first word of a sentence


def head_of(token: str) -> str:
    """A hyphenated compound folds onto its first part ("Telekom-Chef"), or onto the name ending
    in a number that opens it ("Formel-1-Rennen", "Covid-19-Pandemie"); a name ending in a number
    or starting with a letter is whole ("Sars-CoV-2", "E-Plus"); a gendered plural folds onto its
    stem ("Kandidat_innen" -> "Kandidat")."""
    token = GENDER_RE.sub("", token).rstrip("-")
    parts = token.split("-")
    if len(parts) < 2 or len(parts[0]) < 2 or parts[-1].isdigit():
        return token
    numbered = [i for i, part in enumerate(parts[:-1]) if part.isdigit()]
    return "-".join(parts[:numbered[-1] + 1]) if numbered else parts[0]


def word_kind(head: str, initial: bool) -> str:
    """What a word can be in a tag: a name, a common noun, a name-forming adjective, or nothing.

    Unknown capitalised words are names; known ones with a capitalised lemma are nouns;
    known ones with a lower-case lemma are capitalised by position ("Die"), determiners
    ("Ihres Lebens", "Das Video") or adjectives that may start a name ("Deutsche Telekom").
    """
    if head.lower() in PARTICLES and not initial:
        return "particle"
    if not head[:1].isalpha() or len(head) < 2:
        return ""
    if any(c.isupper() for c in head[1:]):
        return "name"
    if not head[0].isupper():
        return ""
    base = lemma(head, initial)
    if base is None:
        return "name"
    if base[:1].isupper():
        return "noun"
    return "" if initial or base in DETERMINERS else "adj"


@lru_cache(maxsize=CACHE_SIZE_DEFAULT)
def ends_sentence(gap: str) -> bool:
    """Whether the text between two words ends a sentence; the gaps are few (" ", ", ", ". ")."""
    return SENTENCE_GAP_RE.search(gap) is not None


@lru_cache(maxsize=CACHE_SIZE_DEFAULT)
def token_kind(token: str, initial: bool) -> tuple[str, str]:
    """A token's head and kind, in one cache lookup (called for every word of every article).

    `head_of` and `word_kind` are not cached themselves (`lemma`, which `word_kind` asks, is)."""
    head = head_of(token)
    return head, word_kind(head, initial)


def words(text: str, skip: list[tuple[int, int]]) -> Iterator[Word]:
    """The text's tag words with their kind, leaving out spans the vocabulary already took and
    a noun right after a number, which measures something ("1,4 Millionen", "20 Minuten", "3 Tonnen")."""
    end = 0
    spans = iter(skip)  # in order and apart, as `finditer` found them
    span = next(spans, None)
    previous = ""
    # (gap, token) pairs in one C-level pass: cheaper than a match object per word
    for number, (gap, token) in enumerate(GAP_WORD_RE.findall(text)):
        start = end + len(gap)
        end = start + len(token)
        initial = number == 0 or ends_sentence(gap)
        counted = previous.isdigit() and gap.isspace()
        previous = token
        while span and span[1] <= start:
            span = next(spans, None)
        if token.endswith("-") or (span and span[0] <= start):
            continue
        head, kind = token_kind(token, initial)
        # most words are lower-case and no tag word; `runs` splits at them by the text between anyway
        if kind and not (counted and kind == "noun"):
            yield Word(token, head, kind, start, end, initial)


def is_common_word(word: Word) -> bool:
    """A common noun, also one the writer coined ("Pamela Wüstenshooting": HanTa takes it for a name)."""
    return word.kind == "noun" and (is_coined(word.text) or not is_proper(word.text))


def loose_start(word: Word) -> bool:
    """A run's first word that is no part of the name ("Mitbegründer Jan Koum", "Konzern Tencent")."""
    return (word.kind == "particle" or word.head != word.text or zipf(word.text) >= FUNCTION_WORD_ZIPF_DEFAULT
            or is_common_word(word))


def loose_end(word: Word, before: Word) -> bool:
    """A run's last word that is no part of the name ("MySpace IM", "Bayern Kabarettist").

    A common noun after an adjective stays: "Deutsche Bank", "Olympische Spiele".
    """
    if word.kind in ("adj", "particle") or word.head != word.text or zipf(word.text) >= FUNCTION_WORD_ZIPF_DEFAULT:
        return True
    return before.kind != "adj" and is_common_word(word)
