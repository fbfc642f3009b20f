"""Stage 6, feeds: RSS 2.0 and Atom 1.0 with feedgen (the only module that uses it),
JSON Feed 1.1 beside them, and one OPML file listing every topic feed.

feedgen's pitfalls are handled here: entries are appended (its default
prepends), every date comes from the articles (its defaults are the clock),
the `self` link is set before the `alternate` one, and control characters
are removed before they reach lxml, which raises on them. RSS has no field
for an author's name without an e-mail address, so it gets `dc:creator`.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from typing import Mapping, Sequence

from feedgen.feed import FeedEntry, FeedGenerator

from ..config import Config
from ..model import Article, Topic
from ..paths import article_path, topic_path
from .items import entry_id, item_html, item_title, xml_text
from .jsonfeed import json_feed

GENERATOR = "Depesche"  # no version number: a release must not change the bytes
EMPTY_FEED_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)  # not the clock: builds stay identical
FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FEED_ENTRIES_KEPT = 512  # the outputs come feed by feed: enough for an RSS and Atom pair and the next feeds


class SharedEntry(FeedEntry):
    """An entry that builds its RSS item and Atom entry elements once for all the feeds that carry it.

    feedgen appends the element to each feed's tree; lxml moves it there from the last
    feed's, which is already written, so every feed gets the same bytes as from a new element.
    """

    def __init__(self) -> None:
        super().__init__()
        self.built: dict[str, object] = {}

    def rss_entry(self, extensions: bool = True):  # noqa: ANN201 - an lxml element
        if "rss" not in self.built:
            self.built["rss"] = super().rss_entry(extensions)
        return self.built["rss"]

    def atom_entry(self, extensions: bool = True):  # noqa: ANN201
        if "atom" not in self.built:
            self.built["atom"] = super().atom_entry(extensions)
        return self.built["atom"]


def make_entry(article: Article, body: str, config: Config) -> FeedEntry:
    """One item with every field a reader shows, for both RSS and Atom."""
    entry = SharedEntry()
    entry.load_extension("dc", atom=False, rss=True)
    entry.id(entry_id(article))
    entry.guid(entry_id(article), permalink=False)
    entry.title(item_title(article))
    entry.link(href=config.url(article_path(article)), rel="alternate", type="text/html")
    entry.published(article.published)
    entry.updated(article.updated)
    if article.author:
        entry.author(name=xml_text(article.author))
        entry.dc.dc_creator(xml_text(article.author))
    entry.summary(xml_text(article.teaser or article.title))
    entry.content(item_html(article, body, config), type="html")
    for topic in article.topics:
        if xml_text(topic.name).strip():
            entry.category(term=xml_text(topic.name), label=xml_text(topic.name),
                           scheme=config.url(topic_path(topic)))
    return entry


@lru_cache(maxsize=FEED_ENTRIES_KEPT)
def shared_entry(article: Article, body: str, config: Config) -> FeedEntry:
    """An article's entry, made once for the RSS and Atom feeds of the site and of its topics.

    feedgen only reads an entry when it writes a feed, so one entry can stand in several.
    """
    return make_entry(article, body, config)


def site_feed_title(config: Config, topic: Topic | None) -> tuple[str, str]:
    """(title, description) of the site's feed or of a topic's feed."""
    if topic is None:
        return config.title, config.description
    return f"{config.title}: {topic.name}", f"Artikel zum Thema {topic.name}"


def feed_file(
    kind: str, articles: Sequence[Article], bodies: Mapping[str, str], config: Config,
    title: str, description: str, folder: str,
) -> bytes:
    """An RSS, Atom or JSON feed (`kind`) of the newest articles, to live in `folder`."""
    newest = list(articles[: config.feed_items])
    if kind == "json":
        return json_feed(newest, bodies, config, title, description, folder)
    feed = FeedGenerator()
    if kind == "rss":  # Atom has no use for it: loaded for each feed, it cost a tenth of the feeds' time
        feed.load_extension("dc", atom=False, rss=True)
    feed.id(config.url(folder))
    feed.title(xml_text(title))
    feed.description(xml_text(description))
    feed.language(config.language)
    feed.generator(GENERATOR)
    feed.link(href=config.url(folder + FEED_FILES[kind]), rel="self", type=FEED_TYPES[kind])
    feed.link(href=config.url(folder), rel="alternate", type="text/html")
    feed.author(name=config.author)
    feed.updated(max((a.updated for a in newest), default=EMPTY_FEED_DATE))
    for article in newest:
        feed.add_entry(shared_entry(article, bodies[article.id], config), order="append")
    return feed.rss_str(pretty=True) if kind == "rss" else feed.atom_str(pretty=True)


def feed_set(
    articles: Sequence[Article], bodies: Mapping[str, str], config: Config, topic: Topic | None = None
) -> list[tuple[str, bytes]]:
    """RSS (`feed.xml`), Atom (`atom.xml`) and JSON Feed (`feed.json`) of the site or one topic."""
    folder = topic_path(topic) if topic else ""
    title, description = site_feed_title(config, topic)
    return [(folder + name, feed_file(kind, articles, bodies, config, title, description, folder))
            for kind, name in FEED_FILES.items()]
