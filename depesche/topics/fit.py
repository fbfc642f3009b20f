"""Fitness: which candidates an editor would publish as a topic page.

A tag is a name (person, organisation, product, place, event) or a subject with real
topical value. The evidence comes from the installed word packages: wordfreq's
frequency says how generic a noun is ("Mensch", "Zeit", "Nutzung"), HanTa says
whether it is a proper noun ("China", "Siemens"), simplemma gives the base form.
Before the fitness test, variants are merged: an abbreviation joins its long form
("KI" -> "Künstliche Intelligenz") and a name glued to a word in front of it
("Pune Elias Ymer") gives its mentions to the name.
"""
from __future__ import annotations

import re
from typing import Protocol

from .lang import english_zipf, fold, is_converted, is_proper, zipf
from .words import FUNCTION_WORD_ZIPF_DEFAULT

# A common noun this frequent in German (Zipf) or more ("Tonne", "Mensch") is a tag only if the
# article keeps coming back to it: it needs 2 ** (GENERIC_SLOPE * (Zipf - GENERIC_ZIPF)) mentions
# when it opens the article (headline or lede), OFF_TOP_FACTOR times as many when it does not.
GENERIC_ZIPF_DEFAULT = 4.0  # "Heizung", "Verzicht": one mention in the headline is enough
GENERIC_SLOPE_DEFAULT = 2.0  # "Bundesliga" (Zipf 4.75) 3 mentions, "Mensch" (5.2) 6, "Frage" (5.6) 9
OFF_TOP_FACTOR_DEFAULT = 4.0
# An abstract noun made from a verb or adjective ("Leistung", "Erkenntnis", "Gesellschaft") needs the
# mentions of one this much commoner: it names an aspect of many subjects, seldom one subject.
ABSTRACT_ZIPF_DEFAULT = 1.0
ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "nis", "schaft", "tion", "tät")
RARE_LEMMA_ZIPF_DEFAULT = 3.0  # a base form rarer than this, and much rarer than the word, is no base
RARER_LEMMA_DEFAULT = 1.0  # how much (Zipf): "Rheinfelden" 3.2, "Rheinfeld" 1.4; "Schulnoten" ~ "Schulnote"
ENGLISH_ZIPF_DEFAULT = 3.3  # an English word at least this common ("Runway" 3.9, "Through" 5.9) ...
ENGLISH_MARGIN_DEFAULT = 1.0  # ... and this much commoner in English than in German ("Skype", "Marketing": not)
ABBREVIATION_MAX_DEFAULT = 6  # letters
MIN_PLACE_DEFAULT = 4  # letters of a place a demonym folds onto
SITE_NAME_WORDS_DEFAULT = 3  # a headline's last part this short (and shorter than the one before) names the site
DEMONYM_ENDINGS = ("aner", "er")  # "Nicaraguaner", "Brandenburger", "Mailänder"
TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—·]\s+|\s+-\s+|\s+::\s+")


class Candidate(Protocol):
    """What the rules read of a ranking candidate (rank.Candidate, not imported: rank imports this)."""

    name: str
    kind: str
    blocks: dict[int, int]

    def add(self, other: Candidate) -> None: ...


def headline_proper(title: str) -> str:
    """The headline without the names of the site, rubric or author set off after it
    ("Fünf HR-Trends 2023 | HR JOURNAL", "Netzpolitik als Thema im Wahlkampf - Netz Für Alle")."""
    parts = TITLE_SEPARATOR_RE.split(title)
    while len(parts) > 1 and len(parts[-1].split()) <= min(SITE_NAME_WORDS_DEFAULT, len(parts[-2].split()) - 1):
        parts.pop()
    return title[:title.rindex(parts[-1]) + len(parts[-1])] if len(parts) > 1 else parts[0]


def base_form(word: str, found: str | None) -> str:
    """A noun's lemma, unless the lemma is a rare word rarer than the one written: then
    the word is a name the lemmatiser cut ("Rheinfelden" -> "Rheinfeld")."""
    if found is None or found == word:
        return found or word
    rare = zipf(found)
    return word if rare < RARE_LEMMA_ZIPF_DEFAULT and rare <= zipf(word) - RARER_LEMMA_DEFAULT else found


def abbreviates(short: str, long: str) -> bool:
    """Whether `short` is built from the initials of `long`'s words, each word giving its first
    letter and maybe more ("KI": "Künstliche Intelligenz", "EuGH": "Europäischer Gerichtshof")."""
    letters, words = short.lower(), long.lower().split()
    if len(words) < 2 or len(letters) < len(words):
        return False
    return spells(letters, words)


def spells(letters: str, words: list[str]) -> bool:
    """Whether the letters are each word's initial followed by letters from inside that word, in order."""
    if not words:
        return not letters
    if not letters or letters[0] != words[0][0]:
        return False
    word = words[0][1:]
    for taken in range(len(letters)):  # letters[1:1 + taken] come from inside the first word
        inner = letters[1:1 + taken]
        if is_subsequence(inner, word) and spells(letters[1 + taken:], words[1:]):
            return True
    return False


def is_subsequence(part: str, whole: str) -> bool:
    remaining = iter(whole)
    return all(letter in remaining for letter in part)


def fold_abbreviations(table: dict[str, Candidate]) -> None:
    """An abbreviation and its long form become one candidate, named as the article names it more often."""
    short = [key for key, c in table.items() if c.name.isalpha() and len(c.name) <= ABBREVIATION_MAX_DEFAULT
             and sum(ch.isupper() for ch in c.name) >= 2]
    for key in short:
        name = table[key].name
        longs = [k for k, c in table.items() if " " in k and abbreviates(name, c.name)]
        if len(longs) != 1:
            continue
        long, small = table[longs[0]], table[key]
        mentions_long, mentions_short = sum(long.blocks.values()), sum(small.blocks.values())
        long.add(small)
        if mentions_short > mentions_long:
            long.name = small.name
        del table[key]


def fold_genitive_names(table: dict[str, Candidate]) -> None:
    """A name seen only in the genitive ("Silvio Berlusconis") takes its base form when the
    article also has the last word without the s ("Berlusconi")."""
    for key in [k for k in table if " " in k and k.endswith("s")]:
        candidate = table[key]
        if key[:-1].split()[-1] not in table or candidate.kind == "topic" or not candidate.name.endswith("s"):
            continue
        candidate.name = candidate.name[:-1]
        base = table.pop(key)
        if key[:-1] in table:
            table[key[:-1]].add(base)
        else:
            table[key[:-1]] = base


def demonym_place(key: str, table: dict[str, Candidate]) -> str | None:
    """The place a folded word names its people or things after, if the article names it too
    ("nicaraguaner" -> "nicaragua", "brandenburger" -> "brandenburg", "mailaender" -> "mailand")."""
    for ending in DEMONYM_ENDINGS:
        stem = key[:-len(ending)] if key.endswith(ending) and " " not in key else ""
        for place in (stem, stem.replace("ae", "a"), stem + "a"):
            if len(place) >= MIN_PLACE_DEFAULT and place in table and is_proper(table[place].name):
                return place
    return None


def fold_demonyms(table: dict[str, Candidate]) -> None:
    """A place's demonym joins the place ("Nicaraguaner" -> "Nicaragua"): the place is the tag."""
    for key in list(table):
        place = demonym_place(key, table)
        if place and table[key].kind != "topic":
            table[place].add(table.pop(key))


def fold_glued(table: dict[str, Candidate]) -> None:
    """A name with a word glued in front ("Pune Elias Ymer") gives its mentions to the name
    when the article also names it alone ("Elias Ymer")."""
    for key in sorted(table, key=lambda k: -len(k.split())):
        words = key.split()
        tail = " ".join(words[1:])
        if len(words) >= 3 and tail in table and table[key].kind != "topic":
            table[tail].add(table.pop(key))


def is_generic(candidate: Candidate) -> bool:
    """A common noun too generic to gather articles on one subject, unless this article keeps to it.

    A name as frequent ("China", "Siemens") is no common noun; HanTa is asked only when a
    frequent word recurs or opens the article (a rebuild after a small edit seldom loads it).
    """
    if candidate.kind != "noun" or " " in candidate.name:
        return False
    common = zipf(candidate.name)
    if common < GENERIC_ZIPF_DEFAULT:
        return False
    common += ABSTRACT_ZIPF_DEFAULT * candidate.name.endswith(ABSTRACT_SUFFIXES)
    needed = 2 ** (GENERIC_SLOPE_DEFAULT * (common - GENERIC_ZIPF_DEFAULT))
    opens = min(candidate.blocks) <= 1
    mentions = sum(candidate.blocks.values())
    if mentions >= (needed if opens else needed * OFF_TOP_FACTOR_DEFAULT):
        return False
    return (mentions == 1 and not opens) or not is_proper(candidate.name)


def is_headline_figure(candidate: Candidate) -> bool:
    """A common noun only the headline uses ("Seitenhieb", "Vormarsch"): a figure of speech, not the subject."""
    return candidate.kind == "noun" and set(candidate.blocks) == {0} and not is_proper(candidate.name)


def is_english_word(candidate: Candidate) -> bool:
    """A single English word in German copy ("Strong", "Through", "Runway") is a piece of an English
    title or name, not a subject; English words German uses ("Marketing", "Streaming") are as common in both."""
    name = candidate.name
    if " " in name or not name.isascii() or zipf(name) > english_zipf(name) - ENGLISH_MARGIN_DEFAULT:
        return False
    return english_zipf(name) >= ENGLISH_ZIPF_DEFAULT


def is_function_word(candidate: Candidate) -> bool:
    """A conjunction or particle written capitalised at a sentence's start ("Oder", "Aber", "Alle"):
    a word of the commonest German whose lower-case form is no noun."""
    name = candidate.name
    return " " not in name and zipf(name) >= FUNCTION_WORD_ZIPF_DEFAULT and is_converted(name)


def is_fit(candidate: Candidate) -> bool:
    """Whether an editor would publish the candidate as a topic."""
    return not (is_generic(candidate) or is_headline_figure(candidate) or fold(candidate.name).isdigit()
                or is_english_word(candidate) or is_function_word(candidate))


def is_common_noun(name: str) -> bool:
    """A single common word of German ("Haar", "Debatte"), not a name ("China") nor a rare term."""
    return " " not in name and zipf(name) >= GENERIC_ZIPF_DEFAULT and not is_proper(name)


def names_first(tags: list[str]) -> list[str]:
    """The tags with common nouns after names and specific terms: the first tag heads the topic list."""
    return sorted(tags, key=is_common_noun)
