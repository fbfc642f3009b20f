"""Site-wide decisions over all articles: order, one spelling per topic, unique URLs."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from ..model import Article, Topic


def newest_first_key(article: Article) -> tuple[float, str]:
    """Newest first; the id breaks ties so the order never depends on file order."""
    return -article.published.timestamp(), article.id


def earliest_key(article: Article) -> tuple[float, str]:
    """Earliest first, the id breaking ties: which of the articles sharing a slug keeps it."""
    return article.published.timestamp(), article.id


def newest_first(articles: Sequence[Article]) -> list[Article]:
    return sorted(articles, key=newest_first_key)


def unify_topics(articles: Sequence[Article]) -> list[Article]:
    """Topics that share a slug are one topic, named by its most used spelling."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for topic in article.topics:
            spellings[topic.slug][topic.name] += 1
    canonical = {
        slug: Topic(min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0], slug)
        for slug, counts in spellings.items()
    }
    unified = []
    for article in articles:
        topics = tuple(canonical[s] for s in dict.fromkeys(t.slug for t in article.topics))
        unified.append(article if topics == article.topics else replace(article, topics=topics))
    return unified


def unique_slugs(articles: Sequence[Article]) -> list[Article]:
    """Articles sharing a headline slug: the earliest keeps it, later ones get their id appended.

    Keyed on (date, id), so a file keeps its URL when newer namesakes are added.
    """
    by_slug: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_slug[article.slug].append(article)
    renamed = {}
    for slug, group in by_slug.items():
        if len(group) > 1:
            group.sort(key=earliest_key)
            for article in group[1:]:
                renamed[article.id] = f"{slug}-{article.id[:8]}"
    return [replace(a, slug=renamed[a.id]) if a.id in renamed else a for a in articles]


def topic_index(articles: Sequence[Article]) -> list[tuple[Topic, list[Article]]]:
    """Every topic with its articles (in the given order), sorted by name."""
    groups: dict[Topic, list[Article]] = defaultdict(list)
    for article in articles:
        for topic in article.topics:
            groups[topic].append(article)
    return sorted(groups.items(), key=lambda kv: (kv[0].name.casefold(), kv[0].slug))


def months(articles: Sequence[Article]) -> list[tuple[tuple[int, int], list[Article]]]:
    """Articles grouped by (year, month) of publication, newest month first."""
    groups: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in articles:
        groups[article.published.year, article.published.month].append(article)
    return sorted(groups.items(), reverse=True)


def collate(articles: Sequence[Article]) -> list[Article]:
    return newest_first(unique_slugs(unify_topics(articles)))
