"""German word knowledge for the tagger: part of speech, lemma, frequency.

Every model comes from an installed package (simplemma, wordfreq, HanTa) and is
imported and loaded lazily, once per process, so `build.py --help` stays fast.
Lookups are cached per word: news copy repeats its words across articles.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable

HANTA_MODEL_DEFAULT = "morphmodel_ger.pgz"
MIN_PART_DEFAULT = 4  # letters on each side of a compound split
COMPOUND_MIN_DEFAULT = 9  # shorter unknown words are not split
CACHE_SIZE_DEFAULT = 200_000
UNKNOWN_ZIPF_DEFAULT = 0.0

INFLECTIONS = ("en", "er", "es", "e", "n", "s")  # cut from a name's words to compare spellings
UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
# Singulars whose plural means another thing: "Daten" are data, a "Datum" is a date.
PLURAL_SENSES = {"datum": "daten", "medium": "medien", "faktum": "fakten"}


@lru_cache(maxsize=1)
def dictionary() -> Any:
    """simplemma's German form -> lemma table (about a million forms), looked up on disk."""
    from .wordtable import LemmaTable

    return LemmaTable()


def decompound(word: str) -> str | None:
    """A compound's lemma from its longest known noun tail ("Ölförderprojekten" -> "Ölförderprojekt")."""
    table = dictionary()
    for cut in range(MIN_PART_DEFAULT, len(word) - MIN_PART_DEFAULT + 1):
        tail = word[cut].upper() + word[cut + 1:]
        lemma = table.get(tail)
        if lemma and lemma[:1].isupper():
            return word[:cut] + lemma[0].lower() + lemma[1:]
    return None


@lru_cache(maxsize=CACHE_SIZE_DEFAULT)
def lemma(word: str, initial: bool = False) -> str | None:
    """The dictionary form of a word, None if simplemma's table does not know it.

    Capitalised lemmas are nouns ("Weihnachtsmärkte" -> "Weihnachtsmarkt"); lower-case
    ones are other words that happen to stand capitalised ("Die" -> "der"); at a sentence's
    start a word may be any word ("Hierbei").
    """
    table = dictionary()
    found = table.get(word) or (initial and table.get(word.lower()))
    found = found or (decompound(word) if len(word) >= COMPOUND_MIN_DEFAULT else None)
    return plural_sense(word, found) if found else None


def is_coined(word: str) -> bool:
    """A compound the dictionary does not hold but whose tail is one of its nouns ("Wüstenshooting",
    "Sonderverfolgungsmechanismus"): a common noun the writer made, whatever HanTa guesses for it."""
    return dictionary().get(word) is None and lemma(word) is not None


@lru_cache(maxsize=CACHE_SIZE_DEFAULT)
def is_converted(word: str) -> bool:
    """A verb or adjective written as a noun ("Bohren", "Wahre", "Leckeres"): its lower-case
    form is a word of its own with a lower-case lemma. Editors seldom tag one."""
    lower = dictionary().get(word.lower())
    return word[:1].isupper() and lower is not None and lower[:1].islower()


def plural_sense(word: str, found: str) -> str:
    """The lemma an editor would tag: the plural where it has its own sense ("Kundendaten",
    not "Kundendatum"), today's spelling where the table has the old one ("Biss", not "Biß")."""
    for singular, plural in PLURAL_SENSES.items():
        if found.lower().endswith(singular) and word.lower().endswith(plural):
            return found[:len(found) - len(singular)] + word[len(word) - len(plural):]
    modern = found.replace("ß", "ss")
    return modern if "ß" in found and "ß" not in word and word.startswith(modern) else found


@lru_cache(maxsize=1)
def hanta() -> Any:
    """HanTa's German tagger, loaded from the installed package (a few tenths of a second, once)."""
    from HanTa import HanoverTagger

    class Tagger(HanoverTagger.HanoverTagger):
        reachable = reachability

    return Tagger(HANTA_MODEL_DEFAULT)


def reachability(tagger: Any) -> None:
    """HanTa's `reachable`, the same sets found by a walk back along the transitions.

    HanTa's own compares every pair of transitions for every state it reaches:
    0.3 s of each load, which a rebuild that meets one new name pays in full.
    """
    predecessors: dict[int, set[int]] = {}
    for (_, state), followers in tagger.LP_trans.items():
        for follower in followers:
            predecessors.setdefault(follower, set()).add(state)
    tagger.reachability = {}
    for final in (tag for tag in tagger.int2tag if tag < 0):
        found, todo = set(), [final]
        while todo:
            for state in predecessors.get(todo.pop(), ()):
                if state not in found:
                    found.add(state)
                    todo.append(state)
        tagger.reachability[final] = frozenset(found)


_proper_known: dict[str, bool] = {}  # HanTa's verdicts, from this process or an earlier build
_proper_new: dict[str, bool] = {}  # verdicts made since `take_proper_verdicts` was last called


def is_proper(word: str) -> bool:
    """HanTa's verdict: a proper noun ("Michael", "Jan") rather than a common one ("Gruppe").

    HanTa costs about a millisecond a word and a second to load, so the tagger asks
    it only about the first word of a multi-word name, and the build cache keeps
    its verdicts (`remember_proper`) so that a rebuild rarely loads it at all.
    """
    if word not in _proper_known:
        _proper_known[word] = _proper_new[word] = hanta().analyze(word)[1] == "NE"
    return _proper_known[word]


def remember_proper(verdicts: Iterable[tuple[str, bool]]) -> None:
    _proper_known.update(verdicts)


def take_proper_verdicts() -> dict[str, bool]:
    """The verdicts HanTa made since the last call (for the build cache)."""
    made = dict(_proper_new)
    _proper_new.clear()
    return made


@lru_cache(maxsize=CACHE_SIZE_DEFAULT)
def zipf(word: str) -> float:
    """How common a word is in German (0 unknown .. 8 "die"), from wordfreq's table on disk."""
    from . import wordtable

    return wordtable.zipf(word) or UNKNOWN_ZIPF_DEFAULT


@lru_cache(maxsize=CACHE_SIZE_DEFAULT)
def english_zipf(word: str) -> float:
    """How common a word of letters is in English (0 .. 8), from the word table on disk."""
    from . import wordtable

    return wordtable.english_zipf(word)


@lru_cache(maxsize=CACHE_SIZE_DEFAULT)
def fold(text: str) -> str:
    """A comparison key: case, umlaut spelling, accents and punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for umlaut, spelled in UMLAUTS:
        text = text.replace(umlaut, spelled)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def stem_key(key: str) -> str:
    """A multi-word key with inflection endings cut ("olympischen spiele" ~ "olympische spiele")."""
    return " ".join(next((w[:-len(e)] for e in INFLECTIONS if w.endswith(e) and len(w) - len(e) >= 4), w)
                    for w in key.split())
