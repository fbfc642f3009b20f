"""Stage 6, feeds: RSS 2.0 and Atom 1.0 with feedgen, the only module that uses it.

feedgen's pitfalls are handled here: entries are appended (its default
prepends), every date comes from the articles (its defaults are the clock),
the `self` link is set before the `alternate` one, and control characters
are removed before they reach lxml, which raises on them.
"""
from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone
from typing import Mapping, Sequence

from feedgen.feed import FeedEntry, FeedGenerator

from .config import Config
from .model import Article, Topic
from .render import article_path, topic_path

ID_NAMESPACE = uuid.UUID("6f1d6a52-8a86-4a8e-9d1e-4b0c7c3d9e21")
GENERATOR = "Depesche"
EMPTY_FEED_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)  # not the clock: builds stay identical
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 forbids removed."""
    return _CONTROL.sub("", text)


def entry_id(article: Article) -> str:
    """The article's GUID: a URN from its stable id, so no URL change makes it new."""
    return uuid.uuid5(ID_NAMESPACE, article.id).urn


def feed_content(article: Article, body: str) -> str:
    """The full article as HTML for `content:encoded` / Atom content."""
    parts = [body]
    if article.source:
        parts.append(f"<p>Quelle: {escape(article.source)}</p>")
    if article.credits:
        parts.append(f"<p>{escape(' · '.join(article.credits))}</p>")
    return xml_text("\n".join(parts))


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_entry(article: Article, body: str, config: Config) -> FeedEntry:
    entry = FeedEntry()
    link = config.url(article_path(article))
    entry.id(entry_id(article))
    entry.guid(entry_id(article), permalink=False)
    entry.title(xml_text(article.title))
    entry.link(href=link, rel="alternate")
    entry.published(article.published)
    entry.updated(article.updated)
    if article.author:
        entry.author(name=xml_text(article.author))
    entry.summary(xml_text(article.teaser or article.title))
    entry.content(feed_content(article, body), type="html")
    for topic in article.topics:
        entry.category(term=xml_text(topic.name), label=xml_text(topic.name),
                       scheme=config.url(topic_path(topic)))
    return entry


FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml"}


def feed_file(
    kind: str, articles: Sequence[Article], bodies: Mapping[str, str], config: Config,
    title: str, description: str, folder: str,
) -> bytes:
    """An RSS or Atom feed (`kind`) of the newest articles, to live in `folder`."""
    newest = list(articles[: config.feed_items])
    feed = FeedGenerator()
    feed.id(config.url(folder))
    feed.title(xml_text(title))
    feed.description(xml_text(description))
    feed.language(config.language)
    feed.generator(GENERATOR)
    feed.link(href=config.url(folder + FEED_FILES[kind]), rel="self",
              type="application/rss+xml" if kind == "rss" else "application/atom+xml")
    feed.link(href=config.url(folder), rel="alternate")
    feed.author(name=config.author)
    feed.updated(max((a.updated for a in newest), default=EMPTY_FEED_DATE))
    for article in newest:
        feed.add_entry(make_entry(article, bodies[article.id], config), order="append")
    return feed.rss_str(pretty=True) if kind == "rss" else feed.atom_str(pretty=True)


def site_feed_title(config: Config, topic: Topic | None) -> tuple[str, str]:
    """(title, description) of the site's feed or of a topic's feed."""
    if topic is None:
        return config.title, config.description
    return f"{config.title}: {topic.name}", f"Artikel zum Thema {topic.name}"


def feed_pair(
    articles: Sequence[Article], bodies: Mapping[str, str], config: Config, topic: Topic | None = None
) -> list[tuple[str, bytes]]:
    """RSS (`feed.xml`) and Atom (`atom.xml`) of the site or of one topic."""
    folder = topic_path(topic) if topic else ""
    title, description = site_feed_title(config, topic)
    return [(folder + name, feed_file(kind, articles, bodies, config, title, description, folder))
            for kind, name in FEED_FILES.items()]
