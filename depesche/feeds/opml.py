"""OPML 2.0 list of every topic feed, so a reader can subscribe to all topics at once."""
from __future__ import annotations

from email.utils import format_datetime
from itertools import chain
from operator import attrgetter
from typing import Sequence

from lxml import etree

from ..config import Config
from ..model import Article, Topic
from ..paths import topic_path
from .items import xml_text

UPDATED = attrgetter("updated")

OPML_PATH = "themen/feeds.opml"


def topic_outline(parent: etree._Element, topic: Topic, config: Config) -> None:
    etree.SubElement(parent, "outline", {
        "type": "rss",
        "text": xml_text(f"{config.title}: {topic.name}"),
        "title": xml_text(f"{config.title}: {topic.name}"),
        "xmlUrl": config.url(topic_path(topic) + "feed.xml"),
        "htmlUrl": config.url(topic_path(topic)),
        "language": config.language,
    })


def topics_opml(topics: Sequence[tuple[Topic, Sequence[Article]]], config: Config) -> tuple[str, bytes]:
    """`themen/feeds.opml`: one outline per topic, RSS feed and page; dated by the newest article."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = xml_text(f"{config.title}: alle Themen-Feeds")
    newest = max(map(UPDATED, chain.from_iterable(members for _, members in topics)), default=None)
    if newest:
        etree.SubElement(head, "dateModified").text = format_datetime(newest)
    etree.SubElement(head, "ownerName").text = xml_text(config.author)
    etree.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = etree.SubElement(root, "body")
    for topic, _ in topics:
        topic_outline(body, topic, config)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return OPML_PATH, data
