"""Choosing: how many of the ranked candidates to give, and never two for one thing.

The cut-off gives a tag while it raises the F1 expected against an editor's list
and is likely enough to be one an editor gave (`Settings.min_probability`, higher for
a common noun, first or not: `Settings.noun_min_probability`); the
probabilities come from the ranking's score and the tag's place in the list
(`Settings.calibration`).
"""
from __future__ import annotations

import math
from itertools import takewhile
from typing import Sequence

from .fit import is_common_noun, names_first
from .lang import fold
from .settings import Settings


def cut(probabilities: Sequence[float], settings: Settings) -> int:
    """How many of the best tags to give: the count whose expected F1 against the editor's is highest.

    With p_i the chance that tag i is right, giving k tags against an editor's E
    expects F1 = 2 * (p_1 + ... + p_k) / (k + E): a tag is worth giving while it is
    likelier than about half the F1 reached so far.
    """
    likely = len(list(takewhile(lambda p: p >= settings.min_probability, probabilities)))
    limit = max(min(len(probabilities), settings.min_topics), likely)  # `listed` gave at most `max_topics`
    expected = [2 * sum(probabilities[:k]) / (k + settings.expected_tags) for k in range(1, limit + 1)]
    best = 1 + max(range(len(expected)), key=lambda i: (expected[i], -i)) if expected else 0
    return min(limit, max(best, settings.min_topics))


def contains(longer: str, shorter: str) -> bool:
    """Whether a tag's words stand, in order, inside another's ("Kelle" in "Birgit Kelle")."""
    outer, inner = longer.split(), shorter.split()
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def distinct(scored: list[tuple[float, str]], limit: int) -> list[tuple[float, str]]:
    """The best `limit`, leaving out a tag whose words a better one holds, or that holds a better one's."""
    kept: list[tuple[float, str, str]] = []
    for value, name in scored:
        key = fold(name)
        if not any(contains(other, key) or contains(key, other) for _, _, other in kept):
            kept.append((value, name, key))
            if len(kept) == limit:
                break
    return [(value, name) for value, name, _ in kept]


def ranked(scored: list[tuple[float, str]], limit: int) -> list[tuple[float, str]]:
    """The best `limit` distinct tags with their scores, best first."""
    return distinct(sorted(scored, key=lambda pair: (-pair[0], pair[1])), limit)


def listed(scored: list[tuple[float, str]], settings: Settings) -> list[tuple[float, str]]:
    """The best distinct tags, each with the calibrated log-odds that an editor gave it.

    The score alone is calibrated over all candidates; among the few listed ones, its
    place in the list tells more (a second name is less likely than the score says).
    """
    bias, scale, place = settings.calibration
    return [(bias + scale * value + place / (1 + i), name)
            for i, (value, name) in enumerate(ranked(scored, settings.max_topics))]


def choose(scored: list[tuple[float, str]], settings: Settings) -> list[str]:
    """As many as `cut` finds worth giving, best first, but names and specific terms before common nouns;
    a common noun only if it is likely enough (`Settings.noun_min_probability`), also as the only tag:
    no tag beats "Milch" for a recipe."""
    scored = listed(scored, settings)
    probabilities = [1 / (1 + math.exp(-max(-30.0, min(30.0, value)))) for value, _ in scored]
    given = [(name, p) for (_, name), p in zip(scored, probabilities)][:cut(probabilities, settings)]
    return names_first([name for i, (name, p) in enumerate(given)
                        if p >= settings.noun_min_probability or not is_common_noun(name)])
