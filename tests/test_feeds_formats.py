"""Every feed to the letter: dates, self links, namespaces, GUIDs, absolute URLs, the generator;
JSON Feed 1.1 and the OPML of topic feeds; and what a reader shows matches the pages."""
from __future__ import annotations

import json
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from hypothesis import given, settings, strategies as st
from lxml import etree

from depesche.config import Config
from depesche.feeds.items import absolute_links, item_title, xml_text
from depesche.build.pipeline import render_site
from depesche.model import Topic

from conftest import SUB_PATH_URL, make_article
from pages_tools import page_facts

ATOM = "{http://www.w3.org/2005/Atom}"
RFC_822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                     r"\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def feeds(out: Path, name: str) -> list[Path]:
    return sorted(out.rglob(name))


def site_path(url: str) -> str:
    assert url.startswith(SUB_PATH_URL), url
    return url[len(SUB_PATH_URL):]


def test_rss_dates_are_rfc_822_and_self_links_match_where_each_feed_lives(built: Config):
    for path in feeds(built.out, "feed.xml"):
        root = etree.parse(str(path)).getroot()
        assert root.nsmap == {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/",
                              "dc": "http://purl.org/dc/elements/1.1/"}
        channel = root.find("channel")
        assert site_path(channel.find(f"{ATOM}link[@rel='self']").get("href")) == str(path.relative_to(built.out))
        assert channel.findtext("generator") == "Depesche"
        dates = [channel.findtext("lastBuildDate"), *(i.findtext("pubDate") for i in channel.iter("item"))]
        assert all(RFC_822.match(d) for d in dates), dates


def test_atom_dates_are_rfc_3339_and_self_links_match(built: Config):
    for path in feeds(built.out, "atom.xml"):
        root = etree.parse(str(path)).getroot()
        assert site_path(root.find(f"{ATOM}link[@rel='self']").get("href")) == str(path.relative_to(built.out))
        assert root.findtext(f"{ATOM}generator") == "Depesche" and root.find(f"{ATOM}generator").get("version") is None
        dates = [e.text for e in root.iter(f"{ATOM}updated", f"{ATOM}published")]
        assert len(dates) > 1 and all(RFC_3339.match(d) for d in dates), dates


def test_guids_are_unique_and_item_html_has_only_absolute_urls(built: Config):
    for path in feeds(built.out, "feed.xml") + feeds(built.out, "atom.xml"):
        text = path.read_text(encoding="utf-8")
        assert not CONTROL.search(text), path
        parsed = feedparser.parse(text)
        ids = [e.id for e in parsed.entries]
        assert len(ids) == len(set(ids)) and all(i.startswith("urn:uuid:") for i in ids)
        for entry in parsed.entries:
            for url in re.findall(r'(?:href|src)="([^"]*)"', entry.content[0].value):
                assert urlsplit(url).scheme in ("http", "https"), f"{path}: {url}"


def test_relative_links_in_item_html_become_absolute():
    html = '<p><a href="../andere/">x</a> <img src="/bild.png" alt=""> <a href="https://e.org/">y</a></p>'
    assert absolute_links(html, SUB_PATH_URL + "artikel/a/") == (
        f'<p><a href="{SUB_PATH_URL}artikel/andere/">x</a> <img src="https://example.github.io/bild.png" alt="">'
        ' <a href="https://e.org/">y</a></p>')
    assert absolute_links("<p>ohne Links</p>", SUB_PATH_URL) == "<p>ohne Links</p>"


def test_json_feed_1_1_beside_every_rss_feed(built: Config):
    rss_feeds = feeds(built.out, "feed.xml")
    assert [p.with_name("feed.json") for p in rss_feeds] == feeds(built.out, "feed.json")
    for path in feeds(built.out, "feed.json"):
        feed = json.loads(path.read_text(encoding="utf-8"))
        rss = feedparser.parse(str(path.with_name("feed.xml")))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert site_path(feed["feed_url"]) == str(path.relative_to(built.out))
        assert feed["home_page_url"] == rss.feed.link and feed["title"] == rss.feed.title
        assert [i["id"] for i in feed["items"]] == [e.id for e in rss.entries]
        assert [i["url"] for i in feed["items"]] == [e.link for e in rss.entries]
        for item in feed["items"]:
            assert RFC_3339.match(item["date_published"]) and RFC_3339.match(item["date_modified"])
            assert item["title"] and item["content_html"].startswith("<p>") and item["tags"]


def test_opml_lists_every_topic_feed(built: Config):
    root = etree.parse(str(built.out / "themen" / "feeds.opml")).getroot()
    assert root.get("version") == "2.0" and root.findtext("head/title")
    parsedate_to_datetime(root.findtext("head/dateModified"))
    outlines = root.findall("body/outline")
    topic_feeds = {SUB_PATH_URL + str(p.relative_to(built.out)) for p in built.out.glob("themen/*/feed.xml")}
    assert {o.get("xmlUrl") for o in outlines} == topic_feeds and len(topic_feeds) > 10
    for outline in outlines:
        assert outline.get("type") == "rss" and outline.get("text")
        assert outline.get("htmlUrl") == outline.get("xmlUrl").removesuffix("feed.xml")


def test_what_feedparser_shows_matches_the_pages(built: Config):
    for path in feeds(built.out, "feed.xml") + feeds(built.out, "atom.xml"):
        parsed = feedparser.parse(str(path))
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.title and parsed.feed.link.startswith(SUB_PATH_URL) and parsed.entries
        for entry in parsed.entries:
            facts = page_facts(built.out, entry.link, SUB_PATH_URL)
            assert entry.title == facts.h1 and entry.link == facts.canonical
            published = parsedate_to_datetime(entry.published) if path.name == "feed.xml" else datetime.fromisoformat(entry.published)
            assert published == datetime.fromisoformat(facts.time)
            assert entry.summary and entry.content[0].value and entry.tags


def test_rss_names_the_author_as_readers_show_it():
    article = make_article(author="Marleen Frontzeck-Hornke")
    outputs = render_site(Config(base_url=SUB_PATH_URL), [article])
    assert feedparser.parse(outputs["feed.xml"]).entries[0].author == "Marleen Frontzeck-Hornke"
    assert json.loads(outputs["feed.json"])["items"][0]["authors"] == [{"name": "Marleen Frontzeck-Hornke"}]


any_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=60)


@settings(max_examples=40, deadline=None)
@given(title=any_text, teaser=any_text, author=any_text, topic=any_text)
def test_every_feed_format_reads_back_whatever_the_seed_says(title, teaser, author, topic):
    article = make_article(title=title, teaser=teaser, author=author, topics=(Topic(topic, "thema"),))
    outputs = render_site(Config(base_url=SUB_PATH_URL), [article])
    for name in ("feed.xml", "atom.xml", "themen/thema/feed.xml"):
        parsed = feedparser.parse(outputs[name])
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert len(parsed.entries) == 1
    item = json.loads(outputs["feed.json"])["items"][0]
    assert item["title"] == item_title(article) and item["tags"] == [xml_text(topic)]
    assert item["title"].strip()
    outline = etree.fromstring(outputs["themen/feeds.opml"]).find("body/outline")
    assert outline.get("text") == xml_text(f"Depesche: {topic}")
