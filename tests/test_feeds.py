"""Feeds read as XML and as a feed reader reads them."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from lxml import etree

from depesche.config import Config
from depesche.feeds.rss import feed_set
from depesche.feeds.items import entry_id, xml_text

from conftest import SUB_PATH_URL, make_article

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


def local_file(out: Path, url: str) -> Path:
    path = urlsplit(url).path[len(urlsplit(SUB_PATH_URL).path):]
    return out / path / "index.html" if url.endswith("/") else out / path


def test_site_feeds_parse_with_four_entries_and_valid_links(built: Config):
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse(str(built.out / name))
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.feed.language == "de" if name == "feed.xml" else True
        assert len(feed.entries) == 4
        for entry in feed.entries:
            assert 2 <= len(entry.tags) <= 6, entry.title
            assert entry.link.startswith(SUB_PATH_URL)
            assert local_file(built.out, entry.link).is_file()
            assert entry.id.startswith("urn:uuid:")
            assert entry.summary and entry.content[0].value.startswith("<p>")
        assert [e.title for e in feed.entries][0] == "Nach Facebook-Übernahme: Demnächst mit WhatsApp telefonieren"


def test_rss_structure(built: Config):
    channel = etree.parse(str(built.out / "feed.xml")).getroot().find("channel")
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == SUB_PATH_URL + "feed.xml"
    assert channel.findtext("generator") == "Depesche"
    items = channel.findall("item")
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == max(dates)
    for item in items:
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.find(f"{CONTENT}encoded") is not None


def test_atom_ids_and_dates(built: Config):
    root = etree.parse(str(built.out / "atom.xml")).getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == 4
    updated = [datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries]
    assert datetime.fromisoformat(root.findtext(f"{ATOM}updated")) == max(updated)
    assert all(u.tzinfo is not None for u in updated)


def test_topic_feed_lists_only_its_articles(built: Config):
    feed = feedparser.parse(str(built.out / "themen" / "whatsapp" / "atom.xml"))
    assert not feed.bozo and len(feed.entries) == 2
    assert all("WhatsApp" in [t.term for t in e.tags] for e in feed.entries)


def test_guid_survives_changes_of_headline_slug_date_and_base_url():
    article = make_article()
    moved = make_article(title="Neu", slug="neu", published=article.published.replace(year=2020))
    assert entry_id(article) == entry_id(moved)


def test_control_characters_never_reach_the_xml_writer():
    article = make_article(title="Titel\x00mit\x1bSteuerzeichen", teaser="A\x0bB")
    config = Config(base_url=SUB_PATH_URL)
    outputs = dict(feed_set([article], {article.id: "<p>Text</p>"}, replace(config, title="Feed\x07")))
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse(outputs[name])
        assert not feed.bozo and feed.entries[0].title == "TitelmitSteuerzeichen"
    assert json.loads(outputs["feed.json"])["items"][0]["title"] == "TitelmitSteuerzeichen"
    assert xml_text("a\x00b\tc\n") == "ab\tc\n"


def test_feed_holds_the_newest_items_only():
    articles = [make_article(id=f"{i:016x}", slug=f"a{i}") for i in range(5)]
    config = Config(base_url=SUB_PATH_URL, feed_items=3)
    (_, rss), _, _ = feed_set(articles, {a.id: "<p>Text</p>" for a in articles}, config)
    assert len(feedparser.parse(rss).entries) == 3
