"""Related articles: for each article, the others that share the most topics with it, then the closest in time.

Candidates are an article's nearest neighbours in each of its topics' lists,
so the cost grows with N, not N squared. A rebuild in which some articles
changed their topics chooses anew only for the articles whose candidates or
their shared topics can have changed.
"""
from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from typing import Mapping, Sequence

from ..model import Article

RELATED_COUNT_DEFAULT = 3
RELATED_WINDOW_DEFAULT = 3  # neighbours per shared topic considered; keeps this linear in N

Layout = tuple[tuple[str, ...], ...]  # per article, in site order: (id, topic slug, topic slug, ...)
Related = dict[str, tuple[str, ...]]  # article id -> related articles' ids


def related_layout(articles: Sequence[Article]) -> Layout:
    """All that the choice depends on: the articles' order and their topics."""
    return tuple((a.id, *(t.slug for t in a.topics)) for a in articles)


def topic_lists(layout: Layout) -> dict[str, list[int]]:
    """Each topic's articles as positions in the layout, in order."""
    lists: dict[str, list[int]] = defaultdict(list)
    for at, (_, *slugs) in enumerate(layout):
        for slug in slugs:
            lists[slug].append(at)
    return lists


def topic_masks(layout: Layout, lists: Mapping[str, list[int]]) -> list[int]:
    """Each article's topics as bits: shared topics are one AND away."""
    number = {slug: n for n, slug in enumerate(lists)}
    return [sum(1 << number[slug] for slug in row[1:]) for row in layout]


def neighbours(positions: list[int], at: int, reach: int) -> list[int]:
    """The members of a topic list up to `reach` places before and after position `at` (or where it would be)."""
    i = bisect_left(positions, at)
    return positions[max(0, i - reach):i + reach + 1]


def choose(here: int, layout: Layout, lists: Mapping[str, list[int]], masks: list[int]) -> tuple[str, ...]:
    own = masks[here]
    candidates = set()
    for slug in layout[here][1:]:
        candidates.update(neighbours(lists[slug], here, RELATED_WINDOW_DEFAULT))
    candidates.discard(here)
    ranked = heapq.nsmallest(RELATED_COUNT_DEFAULT,
                             [(-(own & masks[at]).bit_count(), abs(at - here), at) for at in candidates])
    return tuple(layout[at][0] for _, _, at in ranked)


def related_articles(layout: Layout) -> Related:
    lists = topic_lists(layout)
    masks = topic_masks(layout, lists)
    return {row[0]: choose(here, layout, lists, masks) for here, row in enumerate(layout)}


def affected(old: Layout, new: Layout, changed: list[int], lists: Mapping[str, list[int]]) -> set[int]:
    """The articles whose choice can differ: the changed ones and their neighbours, in the
    old and the new list of every topic they had or have (a window moves by one place
    when an article joins or leaves a list)."""
    old_lists = topic_lists(old)
    found = set(changed)
    for at in changed:
        for slug in set(old[at][1:] + new[at][1:]):
            for positions in (old_lists.get(slug, []), lists.get(slug, [])):
                found.update(neighbours(positions, at, RELATED_WINDOW_DEFAULT + 1))
    return found


def updated_related(old: Layout, known: Related, new: Layout) -> Related:
    """The choice for `new`, from the one made for `old`: only affected articles are chosen
    anew while the order is the same; otherwise every article is."""
    if len(old) != len(new) or any(o[0] != n[0] for o, n in zip(old, new)):
        return related_articles(new)
    changed = [at for at, (o, n) in enumerate(zip(old, new)) if o != n]
    if not changed:
        return known
    lists = topic_lists(new)
    masks = topic_masks(new, lists)
    related = dict(known)
    for at in affected(old, new, changed, lists):
        related[new[at][0]] = choose(at, new, lists, masks)
    return related
