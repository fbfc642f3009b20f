"""Mentions: the names and nouns an article's text points at, folded to their base.

One pass per block: the vocabulary's aliases and keywords first, then capitalised
runs ("Deutsche Telekom", "Jan Koum"), then single nouns and names, with compounds
and inflections folded ("Telekom-Chef" -> "Telekom", "Weihnachtsmärkte" ->
"Weihnachtsmarkt").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple, Sequence

from .fit import base_form, headline_proper
from .lang import CACHE_SIZE_DEFAULT, is_proper, lemma, zipf
from .vocab import Vocabulary

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*-?")
# A word with the text since the previous one: every \w stands in some word, so the gap is all \W.
GAP_WORD_RE = re.compile(r"(\W*)(" + WORD_RE.pattern + ")")
GENDER_RE = re.compile(r"_in(?:nen)?\b")  # "Kandidat_innen"; "*" and ":" already end the word
SENTENCE_GAP_RE = re.compile(r"[.!?:;|•–—]|\n")
PARTICLES = frozenset({"van", "de", "da", "di", "del", "la", "le", "ten", "ter", "bin", "al"})  # not "von": "Chef von Twitter"
# Articles and pronouns by lemma: capitalised in headings and as the polite "Ihr", never part of a name.
DETERMINERS = frozenset({"der", "ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "dieser", "jener",
                         "jeder", "welcher", "alle", "mancher", "solcher"})
MIN_LETTERS_DEFAULT = 4  # shorter single words are tags only as acronyms ("EU", not "Mio")
FUNCTION_WORD_ZIPF_DEFAULT = 5.5  # a run's edge word this common is no name at all ("IM")


class Mention(NamedTuple):  # a tuple, like Word: about a hundred are made per article
    """One occurrence of a possible tag: its spelling, kind and where it stood."""

    name: str
    kind: str  # "topic" (vocabulary), "name", "noun"
    block: int  # 0 = headline, 1 = lede, ...


class Word(NamedTuple):  # a tuple: made for every word of every article, so it must be cheap
    text: str
    head: str  # the part a compound folds onto
    kind: str  # "name", "noun", "adj", "particle"
    start: int
    end: int
    initial: bool  # first word of a sentence


def head_of(token: str) -> str:
    """A hyphenated compound folds onto its first part, unless that is a letter ("E-Plus");
    a gendered plural onto its stem ("Kandidat_innen" -> "Kandidat")."""
    token = GENDER_RE.sub("", token)
    first = token.split("-")[0]
    return first if len(first) >= 2 and "-" in token.rstrip("-") else token.rstrip("-")


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


def loose_start(word: Word) -> bool:
    """A run's first word that is no part of the name ("Mitbegründer Jan Koum", "Konzern Tencent")."""
    return (word.kind == "particle" or word.head != word.text or zipf(word.text) >= FUNCTION_WORD_ZIPF_DEFAULT
            or (word.kind == "noun" and not is_proper(word.text)))


def loose_end(word: Word, before: Word) -> bool:
    """A run's last word that is no part of the name ("MySpace IM", "Bayern Kabarettist").

    A common noun after an adjective stays: "Deutsche Bank", "Olympische Spiele".
    """
    if word.kind in ("adj", "particle") or word.head != word.text or zipf(word.text) >= FUNCTION_WORD_ZIPF_DEFAULT:
        return True
    return word.kind == "noun" and before.kind != "adj" and not is_proper(word.text)


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


def single(word: Word, block: int) -> Mention | None:
    if len(word.head) < MIN_LETTERS_DEFAULT and not word.head.isupper():
        return None
    if word.kind == "name":
        return Mention(word.head, "name", block)
    if word.kind == "noun":
        return Mention(base_form(word.head, lemma(word.head)), "noun", block)
    return None


def block_mentions(text: str, block: int, vocabulary: Vocabulary) -> Iterator[Mention]:
    """All mentions in one block of text."""
    taken: list[tuple[int, int]] = []
    if vocabulary.matcher is not None:
        for match in vocabulary.matcher.finditer(text):
            taken.append(match.span())
            yield Mention(vocabulary.lookup(match.group(1)), "topic", block)
    found = list(words(text, taken))
    for run in runs(text, found):
        names = trim(run)
        if len(names) >= 2 and any(w.kind in ("name", "noun") for w in names):
            yield Mention(text[names[0].start:names[-1].end], "name", block)
            run = [w for w in run if w not in names]
        for word in run:
            mention = single(word, block)
            if mention:
                yield mention


def mentions(title: str, blocks: Sequence[str], vocabulary: Vocabulary) -> list[Mention]:
    """Every mention in the headline (block 0) and the body (blocks 1...).

    A headline made from the body's first words is no headline: it would count them twice;
    the site's name beside the headline is none of its words.
    """
    title = headline_proper(title)
    if blocks and blocks[0].startswith(title.rstrip("…").strip()):
        title = ""
    return [m for i, text in enumerate([title, *blocks]) for m in block_mentions(text, i, vocabulary)]
