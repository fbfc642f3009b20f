"""The page's language, for pages written in neither German nor English.

The line rules tell prose from furniture by its stopwords (as jusText does). German and
English are always counted (a quote in the other language is prose too); a page in
another language adds the stoplist of that language: jusText's stoplists (about a
hundred languages, the language whose list the page's words hit most). Chinese and
Japanese, written without spaces between words, count each character as a word and
their most frequent characters (from wordfreq) as stopwords.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

NO_SPACE_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
NO_SPACE_SIZE_DEFAULT = 2  # extra letters a Chinese or Japanese character counts for
NO_SPACE_CHARS_PER_WORD_DEFAULT = 2
KANA_RE = re.compile(r"[\u3040-\u30ff]")
HOME_SHARE_MIN_DEFAULT = 0.15  # a page where German or English stopwords make this share of the words is theirs
OTHER_LEAD_MIN_DEFAULT = 1.3  # another stoplist must hit this many times as often as the German or English one
NO_SPACE_SHARE_MIN_DEFAULT = 0.3  # share of a page's letters in Chinese or Japanese characters
NO_SPACE_STOP_CHARS_DEFAULT = 60  # the most frequent single characters of the language
KANA_SHARE_MIN_DEFAULT = 0.1
WORD_COUNT_CACHE_SIZE_DEFAULT = 4096
JUSTEXT_ALIASES = {"Simple_English": "English"}


def split_words(text: str) -> list[str]:
    """The words of a line: split at white space, and every Chinese or Japanese character a word of its own."""
    if NO_SPACE_CHAR_RE.search(text) is None:
        return text.split()
    return NO_SPACE_CHAR_RE.sub(r" \g<0> ", text).split()


@lru_cache(maxsize=WORD_COUNT_CACHE_SIZE_DEFAULT)
def word_count(text: str) -> int:
    """How many words a line has (asked for the same lines by every span search and the doubts)."""
    return len(split_words(text))


@lru_cache(maxsize=WORD_COUNT_CACHE_SIZE_DEFAULT)
def prose_words(text: str) -> float:
    """How much a line says, in words of a spaced script: a Chinese or Japanese word is about two characters,
    so counting each character a word would let a line of theirs outweigh the same line in English twice."""
    chars = no_space_chars(text)
    return word_count(text) - chars + chars / NO_SPACE_CHARS_PER_WORD_DEFAULT


def no_space_chars(text: str) -> int:
    return len(NO_SPACE_CHAR_RE.findall(text))


def text_size(text: str) -> int:
    """The length of a text in letters of a spaced script: a Chinese or Japanese character says as much
    as three of them."""
    return len(text) + NO_SPACE_SIZE_DEFAULT * no_space_chars(text)


def starts_upper(text: str) -> bool:
    """Capitalised, or in a script without capitals (Chinese, Japanese, Korean, Arabic …)."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


@lru_cache(maxsize=1)
def stoplist_index() -> dict[str, tuple[str, ...]]:
    """Word -> the jusText stoplists that hold it (read once, on the first page in another language)."""
    import justext

    index: dict[str, list[str]] = {}
    for name in justext.get_stoplists():
        for word in justext.get_stoplist(name):
            index.setdefault(word.lower(), []).append(JUSTEXT_ALIASES.get(name, name))
    return {word: tuple(names) for word, names in index.items()}


@lru_cache(maxsize=None)
def justext_stoplist(name: str) -> frozenset[str]:
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(name))


@lru_cache(maxsize=None)
def frequent_chars(lang: str, n: int = NO_SPACE_STOP_CHARS_DEFAULT) -> frozenset[str]:
    """The most frequent single characters of Chinese or Japanese: their particles and function words."""
    from wordfreq import top_n_list

    return frozenset([w for w in top_n_list(lang, 400) if len(w) == 1 and NO_SPACE_CHAR_RE.match(w)][:n])


def no_space_language(text: str, letters: int) -> str | None:
    """"ja" or "zh" when most of the page's letters are Chinese or Japanese characters."""
    cjk = no_space_chars(text)
    if not letters or cjk / letters < NO_SPACE_SHARE_MIN_DEFAULT:
        return None
    return "ja" if len(KANA_RE.findall(text)) >= KANA_SHARE_MIN_DEFAULT * cjk else "zh"


def other_stopwords(text: str, words: list[str], home_hits: int) -> frozenset[str]:
    """The stopwords of the page's language when it is neither German nor English (else none).

    `words` are the page's lower-cased words, `home_hits` how many of them the German or the
    English stoplist holds (the better of the two)."""
    if words and home_hits >= HOME_SHARE_MIN_DEFAULT * len(words):
        return frozenset()
    letters = sum(map(str.isalpha, text))
    lang = no_space_language(text, letters)
    if lang is not None:
        return frequent_chars(lang)
    index = stoplist_index()
    hits = Counter(name for w in words for name in index.get(w, ()))
    best = max(hits, key=lambda name: (hits[name], name), default=None)
    if best is None or best in ("German", "English") or hits[best] < OTHER_LEAD_MIN_DEFAULT * max(1, home_hits):
        return frozenset()
    return justext_stoplist(best)
