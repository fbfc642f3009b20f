"""Units: word groups an article repeats as a whole are one name ("Davis Cup", "Stop Killer Robots").

The run rules cut a name whose words are common nouns ("Cup", "Killer") into pieces;
when the article names the same group more than once, the group is the name and its
pieces are no tags of their own.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator, Sequence

from .lang import fold, is_converted, is_proper, stem_key, zipf
from .words import FUNCTION_WORD_ZIPF_DEFAULT, Word

MAX_UNIT_WORDS_DEFAULT = 5  # the longest word group taken as one name when repeated
MIN_UNIT_REPEATS_DEFAULT = 2
QUOTES = frozenset('"„“”»«\'‚‘’')


def groups(text: str, found: list[Word]) -> Iterator[list[Word]]:
    """Maximal sequences of tag words within a sentence, separated by spaces only."""
    group: list[Word] = []
    for word in found:
        if group and (word.initial or text[group[-1].end:word.start].strip()):
            yield group
            group = []
        group.append(word)
    if group:
        yield group


def is_common(word: Word) -> bool:
    return word.kind == "noun" and not is_proper(word.text)


def is_genitive(word: Word) -> bool:
    """A name in the genitive ("Chinas", "Stuttgarts"): the word without its s is the commoner one
    (an -es is an adjective's ending: "Virales", or the name's own: "Johannes")."""
    return word.text.endswith("s") and not word.text.endswith("es") and zipf(word.text[:-1]) > zipf(word.text)


def is_name(word: Word) -> bool:
    """A word unknown as a common word: not one the dictionary knows in lower case ("Wahren")."""
    return word.kind == "name" and not is_genitive(word) and not is_converted(word.text)


def is_term_adjective(word: Word) -> bool:
    """An adjective written capitalised inside a sentence starts a fixed term ("Virales Marketing")."""
    return not word.initial and (word.kind == "adj" or (word.kind == "name" and is_converted(word.text)))


def is_unit(text: str, stretch: Sequence[Word]) -> bool:
    """Whether words can be one name.

    No particle or function word at an edge, no adjective at the end, a compound only at the
    end ("Davis Cup-Finale": "Davis Cup"). A common noun in front is a name's part only in
    quotes ("Stop Killer Robots"), else it describes or measures ("Präsident Trump", "Menge
    Kalorien"); one at the end needs a name before it or a capitalised adjective in front
    ("Davis Cup", "Virales Marketing"). A genitive is no name's first word ("Chinas Gesundheitssystem").
    """
    first, last = stretch[0], stretch[-1]
    if any(w.head != w.text for w in stretch[:-1]) or not last.text.startswith(last.head):
        return False
    if "particle" in (first.kind, last.kind) or last.kind == "adj":
        return False
    if max(zipf(first.text), zipf(last.head)) >= FUNCTION_WORD_ZIPF_DEFAULT:
        return False
    if is_common(last) and text[last.end:last.end + 1] == ":":  # a label: "Wind Town Beschreibung:"
        return False
    if is_common(first):
        return text[first.start - 1:first.start] in QUOTES and text[last.end:last.end + 1] in QUOTES
    if is_genitive(first):  # "Nordkoreas Machthaber Kim Jong Un"
        return False
    return not is_common(last) or any(is_name(w) for w in stretch[:-1]) or is_term_adjective(first)


def unit_key(stretch: Sequence[Word]) -> str:
    return stem_key(fold(" ".join(word.head for word in stretch)))


def spans(text: str, group: list[Word]) -> Iterator[tuple[int, int]]:
    """Every stretch of two to `MAX_UNIT_WORDS_DEFAULT` words of a group that could be a name."""
    for i in range(len(group)):
        for j in range(i + 2, min(len(group), i + MAX_UNIT_WORDS_DEFAULT) + 1):
            if is_unit(text, group[i:j]):
                yield i, j


def repeated_units(grouped: Sequence[tuple[str, list[list[Word]]]]) -> frozenset[str]:
    """The word groups the article names more than once as a whole ("Davis Cup", "Stop Killer Robots").

    A group from a name to a common noun is a name only if its first word stands in it more often
    than without it: "Davis" is no name of its own, "Spotify" is ("Spotify Nutzer" is a compound
    missing its hyphen).
    """
    counts: dict[str, int] = {}
    leads: dict[str, str] = {}  # key -> its first word, for groups from a name to a common noun
    for text, group in ((text, group) for text, block in grouped for group in block if len(group) >= 2):
        for i, j in spans(text, group):
            key = unit_key(group[i:j])
            counts[key] = counts.get(key, 0) + 1
            if is_common(group[j - 1]) and not is_common(group[i]):
                leads[key] = group[i].head
    lead_words = set(leads.values())
    alone = Counter(word.head for _, block in grouped for group in block for word in group
                    if word.head in lead_words) if lead_words else Counter()
    return frozenset(key for key, count in counts.items()
                     if count >= MIN_UNIT_REPEATS_DEFAULT and (key not in leads or alone[leads[key]] < 2 * count))


def units_in(text: str, group: list[Word], units: frozenset[str]) -> list[tuple[int, int]]:
    """The longest repeated units in a group, left to right, not overlapping."""
    found = sorted(((i, j) for i, j in spans(text, group) if unit_key(group[i:j]) in units), key=lambda s: (s[0] - s[1], s))
    taken: list[tuple[int, int]] = []
    for i, j in found:
        if all(j <= a or i >= b for a, b in taken):
            taken.append((i, j))
    return sorted(taken)
