"""Mentions: the names and nouns an article's text points at, folded to their base.

One pass per block: the vocabulary's aliases and keywords first, then word groups
the article repeats whole ("Davis Cup"), then capitalised runs ("Deutsche Telekom",
"Jan Koum"), then single nouns and names, with compounds and inflections folded ("Telekom-Chef" -> "Telekom", "Weihnachtsmärkte" ->
"Weihnachtsmarkt").
"""
from __future__ import annotations

from typing import Iterator, NamedTuple, Sequence

from .fit import base_form, headline_proper
from .lang import is_proper, lemma, zipf
from .units import groups, repeated_units, units_in
from .vocab import Vocabulary
from .words import FUNCTION_WORD_ZIPF_DEFAULT, Word, loose_end, loose_start, words

MIN_LETTERS_DEFAULT = 4  # shorter single words are tags only as acronyms ("EU", not "Mio")


class Mention(NamedTuple):  # a tuple, like Word: about a hundred are made per article
    """One occurrence of a possible tag: its spelling, kind and where it stood."""

    name: str
    kind: str  # "topic" (vocabulary), "name", "noun"
    block: int  # 0 = headline, 1 = lede, ...
    bound: bool = False  # a single word standing right beside a name word ("Reif" in "Pamela Reif")


def trim(run: list[Word]) -> list[Word]:
    """Drop appositions, adjectives and particles from a run's ends ("Telekom-Chef René Obermann")."""
    while len(run) >= 2 and loose_start(run[0]):
        run = run[1:]
    while len(run) >= 2 and loose_end(run[-1], run[-2]):
        run = run[:-1]
    return run


def runs(text: str, found: list[Word]) -> Iterator[list[Word]]:
    """Maximal sequences of capitalised words separated by spaces only."""
    run: list[Word] = []
    for word in found:
        joined = (run and text[run[-1].end:word.start].strip() == "" and not word.initial
                  and not (run[-1].kind == word.kind == "noun" and not is_proper(run[-1].text))
                  and not (word.kind == "adj" and zipf(word.text) >= FUNCTION_WORD_ZIPF_DEFAULT))
        if not joined:
            if run:
                yield run
            run = []
        run.append(word)
    if run:
        yield run


def single(word: Word, block: int, bound: bool) -> Mention | None:
    if len(word.head) < MIN_LETTERS_DEFAULT and not word.head.isupper():
        return None
    if word.kind == "name":
        return Mention(word.head, "name", block, bound)
    if word.kind == "noun":
        return Mention(base_form(word.head, lemma(word.head)), "noun", block, bound)
    return None


def is_name_word(word: Word | None) -> bool:
    return word is not None and (word.kind == "name" or (word.kind == "noun" and is_proper(word.text)))


def beside_name(text: str, found: list[Word], i: int) -> bool:
    """Whether the i-th word, no name itself, stands right beside a name word in the same sentence
    ("Reif" in "Pamela Reif", "Kelle" in "Birgit Kelle"); HanTa is asked only about words side by side."""
    before, word = found[i - 1] if i else None, found[i]
    after = found[i + 1] if i + 1 < len(found) else None
    near = [other for other, (left, right) in ((before, (before, word)), (after, (word, after)))
            if other is not None and not right.initial and text[left.end:right.start].isspace()]
    return any(map(is_name_word, near)) and not is_name_word(word)


def block_mentions(text: str, block: int, grouped: list[list[Word]], units: frozenset[str]) -> Iterator[Mention]:
    """The names and nouns in one block's word groups: repeated units whole, the other words by their runs."""
    rest: list[Word] = []
    for group in grouped:
        if not units or len(group) < 2:
            rest += group
            continue
        taken = units_in(text, group, units)
        for i, j in taken:
            yield Mention(text[group[i].start:group[j - 1].start + len(group[j - 1].head)], "name", block)
        rest += [w for n, w in enumerate(group) if not any(i <= n < j for i, j in taken)]
    bound = {id(w) for i, w in enumerate(rest) if beside_name(text, rest, i)}
    for run in runs(text, rest):
        names = trim(run)
        if len(names) >= 2 and any(w.kind in ("name", "noun") for w in names):
            yield Mention(text[names[0].start:names[-1].end], "name", block)
            run = [w for w in run if w not in names]
        for word in run:
            mention = single(word, block, id(word) in bound)
            if mention:
                yield mention


def vocabulary_mentions(text: str, block: int, vocabulary: Vocabulary) -> tuple[list[Mention], list[Word]]:
    """The vocabulary's topics in one block, and the block's other tag words."""
    taken: list[tuple[int, int]] = []
    topics: list[Mention] = []
    if vocabulary.matcher is not None:
        for match in vocabulary.matcher.finditer(text):
            taken.append(match.span())
            topics.append(Mention(vocabulary.lookup(match.group(1)), "topic", block))
    return topics, list(words(text, taken))


def mentions(title: str, blocks: Sequence[str], vocabulary: Vocabulary) -> list[Mention]:
    """Every mention in the headline (block 0) and the body (blocks 1...).

    A headline made from the body's first words is no headline: it would count them twice;
    the site's name beside the headline is none of its words.
    """
    title = headline_proper(title)
    if blocks and blocks[0].startswith(title.rstrip("…").strip()):
        title = ""
    texts = [title, *blocks]
    parsed = [vocabulary_mentions(text, i, vocabulary) for i, text in enumerate(texts)]
    grouped = [list(groups(text, found)) for text, (_, found) in zip(texts, parsed)]
    units = repeated_units(list(zip(texts, grouped)))
    found = [m for i, (text, (topics, _), block) in enumerate(zip(texts, parsed, grouped))
             for m in (*topics, *block_mentions(text, i, block, units))]
    if not any(m.bound for m in found):
        return found
    free = free_names(found)
    return [m for m in found if m.name in free]


def free_names(found: list[Mention]) -> set[str]:
    """Names written at least once without a name word beside them: a word the article always writes
    next to a name ("Reif" in "Pamela Reif") is a piece of that name, no tag of its own."""
    return {m.name for m in found if not m.bound}
