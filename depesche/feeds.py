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
from typing import Sequence

from feedgen.feed import FeedEntry, FeedGenerator

from .collate import topic_index
from .config import Config
from .feeditems import entry_id, item_html, item_title, xml_text
from .jsonfeed import json_feed
from .model import Article
from .opml import topics_opml
from .render import article_path, topic_path

GENERATOR = "Depesche"  # no version number: a release must not change the bytes
EMPTY_FEED_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)  # not the clock: builds stay identical
FEED_TYPES = {"feed.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}


def make_entry(article: Article, config: Config) -> FeedEntry:
    """One item with every field a reader shows, for both RSS and Atom."""
    entry = FeedEntry()
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
    entry.content(item_html(article, config), type="html")
    for topic in article.topics:
        if xml_text(topic.name).strip():
            entry.category(term=xml_text(topic.name), label=xml_text(topic.name),
                           scheme=config.url(topic_path(topic)))
    return entry


def feed_generator(newest: Sequence[Article], config: Config, title: str, description: str,
                   folder: str, name: str) -> FeedGenerator:
    """A feed living at `folder + name`, its `self` link pointing there."""
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(config.url(folder))
    feed.title(xml_text(title))
    feed.description(xml_text(description))
    feed.language(config.language)
    feed.generator(GENERATOR)
    feed.link(href=config.url(folder + name), rel="self", type=FEED_TYPES[name])
    feed.link(href=config.url(folder), rel="alternate", type="text/html")
    feed.author(name=config.author)
    feed.updated(max((a.updated for a in newest), default=EMPTY_FEED_DATE))
    for article in newest:
        feed.add_entry(make_entry(article, config), order="append")
    return feed


def feed_pair(
    articles: Sequence[Article], config: Config, title: str, description: str, folder: str
) -> list[tuple[str, bytes]]:
    """RSS (`feed.xml`) and Atom (`atom.xml`) of the newest articles, in `folder`."""
    newest = list(articles[: config.feed_items])
    rss = feed_generator(newest, config, title, description, folder, "feed.xml")
    atom = feed_generator(newest, config, title, description, folder, "atom.xml")
    return [(folder + "feed.xml", rss.rss_str(pretty=True)),
            (folder + "atom.xml", atom.atom_str(pretty=True))]


def feed_set(
    articles: Sequence[Article], config: Config, title: str, description: str, folder: str
) -> list[tuple[str, bytes]]:
    """RSS, Atom and JSON Feed of the same newest articles, in `folder`."""
    return [*feed_pair(articles, config, title, description, folder),
            json_feed(articles, config, title, description, folder)]


def render_feeds(articles: Sequence[Article], config: Config) -> list[tuple[str, bytes]]:
    """The site's feeds, one set per topic beside its page, and the OPML of all topic feeds."""
    outputs = feed_set(articles, config, config.title, config.description, "")
    topics = topic_index(articles)
    for topic, members in topics:
        outputs += feed_set(members, config, f"{config.title}: {topic.name}",
                            f"Artikel zum Thema {topic.name}", topic_path(topic))
    outputs.append(topics_opml(topics, config))
    return outputs
