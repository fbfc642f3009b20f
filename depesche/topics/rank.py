"""Ranking: from mentions to at most a handful of distinct tags, best first.

Each candidate gets a few features (where and how often it stands, what kind of
word it is, how common the word is in German, whether it is a verb or adjective
written as a noun); a linear score over them ranks the candidates with the
weights in settings.py.
"""
from __future__ import annotations

import math
import operator
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from .choose import choose
from .fit import fold_abbreviations, fold_demonyms, fold_genitive_names, fold_glued, is_fit
from .lang import fold, is_converted, stem_key, zipf
from .mentions import Mention
from .settings import FEATURES, Settings
from .vocab import Vocabulary

MIN_LENGTH_DEFAULT = 3


@dataclass
class Candidate:
    name: str
    kind: str
    blocks: dict[int, int] = field(default_factory=dict)  # block -> mentions
    spellings: dict[str, int] = field(default_factory=dict)

    def add(self, other: Candidate) -> None:
        for block, count in other.blocks.items():
            self.blocks[block] = self.blocks.get(block, 0) + count


def gather(found: Sequence[Mention], vocabulary: Vocabulary) -> dict[str, Candidate]:
    """Mentions per folded name; the site's spelling wins, else the commonest."""
    table: dict[str, Candidate] = {}
    for mention in found:
        name = vocabulary.canonical(mention.name)
        kind = "topic" if name != mention.name else mention.kind
        key = fold(name)
        candidate = table.get(key)
        if candidate is None:  # not `setdefault`: that would make a Candidate for every mention
            candidate = table[key] = Candidate(name, kind)
        candidate.blocks[mention.block] = candidate.blocks.get(mention.block, 0) + 1
        candidate.spellings[name] = candidate.spellings.get(name, 0) + 1
        if kind == "topic" or (kind == "name" and candidate.kind == "noun"):
            candidate.kind = kind
    for candidate in table.values():
        if candidate.kind != "topic":
            candidate.name = max(candidate.spellings, key=lambda s: (candidate.spellings[s], s))
    return table


def genitive_base(key: str) -> str | None:
    """The folded key without a genitive or plural s ("facebooks", "nicaragua s", "whiskies" ->
    "facebook", "nicaragua", "whisky")."""
    if key.endswith("ies") and len(key) > MIN_LENGTH_DEFAULT + 2:
        return key[:-3] + "y"
    if key.endswith(" s"):
        return key[:-2]
    return key[:-1] if key.endswith("s") and len(key) > MIN_LENGTH_DEFAULT + 1 else None


def fold_inflections(table: dict[str, Candidate]) -> None:
    """A multi-word name's inflected spellings join its commonest ("Olympischen Spiele")."""
    by_stem = defaultdict(list)
    for key in table:
        if " " in key:
            by_stem[stem_key(key)].append(key)
    for keys in by_stem.values():
        main = max(keys, key=lambda k: (sum(table[k].blocks.values()), k))
        for key in keys:
            if key != main and table[key].kind != "topic":
                table[main].add(table.pop(key))


def fold_short_forms(table: dict[str, Candidate]) -> None:
    """Genitives and one-word forms join their fuller form, if only one name has the word.

    "Facebooks" -> "Facebook", "Koum" and "Ortegas" -> "Jan Koum" and "Daniel Ortega".
    """
    longer = defaultdict(set)
    for key in table:
        words = key.split()
        for word in words if len(words) > 1 else ():
            longer[word].add(key)
            longer[genitive_base(word) or word].add(key)
    for key in sorted(table, key=len):
        base = genitive_base(key)
        names = longer.get(key) or longer.get(base or key) or set()
        if base in table:
            target = base
        elif len(names) == 1 and table[key].kind != "topic":
            target = next(iter(names))
        else:
            continue
        if target in table and target != key:
            table[target].add(table.pop(key))


def fold_variants(table: dict[str, Candidate]) -> None:
    """Every form of one name becomes one candidate."""
    fold_inflections(table)
    fold_short_forms(table)


def features(candidate: Candidate, blocks: int, most: int, place: int) -> tuple[float, ...]:
    """The candidate's feature vector, in the order of FEATURES; `place` is its rank by mentions."""
    count = sum(candidate.blocks.values())
    single = " " not in candidate.name
    common = zipf(candidate.name) if single else 0.0
    name, headline = candidate.kind == "name", 0 in candidate.blocks
    return (1.0, math.log1p(count), float(headline), float(1 in candidate.blocks),
            1.0 / (1 + min(candidate.blocks)), len(candidate.blocks) / max(1, blocks), count / max(1, most),
            float(name), float(candidate.kind == "topic"), float(not single),
            float(candidate.name.isupper()), common, common * (candidate.kind == "noun"),
            float(single and common == 0.0), min(len(candidate.name), 20) / 10, math.log1p(count) * name,
            1.0 / (1 + place), float(headline and candidate.kind == "noun"), float(0 < common < 2.5),
            float(3.5 <= common < 4.5), float(common >= 4.5), float(count == 1),
            float(single and is_converted(candidate.name)))


def candidates(found: Sequence[Mention], vocabulary: Vocabulary) -> list[tuple[str, tuple[float, ...]]]:
    """Every distinct, unblocked candidate with its features."""
    table = gather(found, vocabulary)
    fold_genitive_names(table)
    fold_glued(table)
    fold_variants(table)
    fold_abbreviations(table)
    fold_demonyms(table)
    kept = [c for key, c in table.items()
            if key not in vocabulary.blocked and (len(key) >= MIN_LENGTH_DEFAULT or c.name.isupper()) and is_fit(c)]
    blocks = 1 + max((m.block for m in found), default=0)
    counts = {c.name: sum(c.blocks.values()) for c in kept}
    most = max(counts.values(), default=1)
    place = {name: i for i, name in enumerate(sorted(counts, key=lambda name: (-counts[name], name)))}
    return [(c.name, features(c, blocks, most, place[c.name])) for c in kept]


def scores(table: Sequence[tuple[str, tuple[float, ...]]], weights: Sequence[float]) -> list[tuple[float, str]]:
    """Each candidate's score (the dot product of weights and features, in order) with its name."""
    return [(sum(map(operator.mul, weights, vector)), name) for name, vector in table]


def rank(found: Sequence[Mention], vocabulary: Vocabulary, settings: Settings = Settings()) -> list[str]:
    """The best distinct, unblocked tags for one article's mentions."""
    return choose(scores(candidates(found, vocabulary), settings.weights), settings)
