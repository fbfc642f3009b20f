"""Where an article and a topic live in the built site.

Pages, feeds and the OPML all link by these, so they sit below site/ and feeds/.
"""
from __future__ import annotations

from .model import Article, Topic


def article_path(article: Article) -> str:
    return f"artikel/{article.slug}/"


def topic_path(topic: Topic) -> str:
    return f"themen/{topic.slug}/"
