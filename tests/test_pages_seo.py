"""What search engines and link previews read from the pages: titles, descriptions, canonical
URLs, OpenGraph and Twitter tags, JSON-LD, the sitemap and robots.txt."""
from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings, strategies as st
from lxml import etree

from depesche.config import Config
from depesche.build.pipeline import render_site
from depesche.site.seo import indented_json, script_json

from conftest import SUB_PATH_URL, make_article

ARTICLE = "artikel/whatsapp-facebook-will-voip-funktion-weiterentwickeln/index.html"


class Head(HTMLParser):
    """The head's meta, link and JSON-LD values of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.title = ""
        self.json_ld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key:
            self.meta.setdefault(key, []).append(attrs["content"])
        if tag == "link":
            self.links.setdefault(attrs["rel"], []).append(attrs["href"])
        if tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.json_ld.append(data)


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_indexable_page_has_title_description_canonical_and_sharing_tags(built: Config):
    for page in sorted(built.out.rglob("index.html")):
        found = head(page)
        path = str(page.relative_to(built.out).parent).replace(".", "")
        canonical = SUB_PATH_URL + (path + "/" if path else "")
        assert found.title and found.meta["description"][0], page
        assert found.links["canonical"] == [canonical] and found.meta["og:url"] == [canonical], page
        for key in ("og:title", "og:description", "og:type", "og:site_name", "og:locale",
                    "twitter:card", "twitter:title", "twitter:description"):
            assert found.meta.get(key, [""])[0], f"{page}: {key}"
        assert found.meta["og:description"] == found.meta["description"]
        assert found.links["icon"] == ["/depesche/favicon.ico", "/depesche/favicon.svg"]


def test_article_page_describes_itself_with_its_teaser_and_json_ld(built: Config):
    found = head(built.out / ARTICLE)
    teaser = "Der Facebook-Manager David Marcus hat in einem Interview erste Details zu einer VoIP-Funktion in WhatsApp bekannt gegeben."
    assert found.meta["description"] == [teaser] and found.meta["og:type"] == ["article"]
    assert found.title == "WhatsApp: Facebook will VoIP-Funktion weiterentwickeln – Depesche"
    data = json.loads(found.json_ld[0])
    assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
    assert data["headline"] == "WhatsApp: Facebook will VoIP-Funktion weiterentwickeln"
    assert datetime.fromisoformat(data["datePublished"]) == datetime.fromisoformat("2014-02-02T09:30:00+01:00")
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == [{"@type": "Person", "name": "Marleen Frontzeck-Hornke"}]
    assert data["publisher"]["name"] == "Depesche" and data["publisher"]["logo"]["url"].startswith(SUB_PATH_URL)
    assert set(data["keywords"]) == set(found.meta["article:tag"]) and "WhatsApp" in data["keywords"]
    assert data["mainEntityOfPage"]["@id"] == SUB_PATH_URL + ARTICLE.removesuffix("index.html")
    assert found.meta["article:published_time"] == [data["datePublished"]]


def test_json_ld_cannot_end_its_script_block():
    hostile = 'Ende</script><script>alert(1)</script><!-- & "x"'
    article = make_article(title=hostile, teaser=hostile, author="</SCRIPT>")
    config = Config(base_url=SUB_PATH_URL)
    pages = render_site(config, [article])
    html = pages["artikel/eine-ueberschrift/index.html"].decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block and "<" not in block.group(1) and ">" not in block.group(1) and "&" not in block.group(1)
    assert json.loads(block.group(1))["headline"] == hostile
    assert html.count("<script") == 1 and "alert(1)</script>" not in html
    assert str(script_json({"a": "\u2028"})) == '{\n  "a": "\\u2028"\n}'


def test_sitemap_lists_every_page_with_lastmod_and_robots_points_to_it(built: Config):
    root = etree.parse(str(built.out / "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
            for u in root.findall("s:url", ns)}
    pages = {SUB_PATH_URL + str(p.relative_to(built.out).parent).replace(".", "") for p in built.out.rglob("index.html")}
    assert set(urls) == {p if p.endswith("/") else p + "/" for p in pages}
    assert all(datetime.fromisoformat(m).tzinfo is not None for m in urls.values())
    assert urls[SUB_PATH_URL + ARTICLE.removesuffix("index.html")].startswith("2014-02-02T09:30:00")
    assert urls[SUB_PATH_URL] == max(urls.values())
    robots = (built.out / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SUB_PATH_URL}sitemap.xml" in robots.splitlines() and "User-agent: *" in robots


def test_404_page_is_not_indexed_and_has_no_canonical(built: Config):
    found = head(built.out / "404.html")
    assert found.meta["robots"] == ["noindex"] and "canonical" not in found.links
    assert found.links["icon"] == ["/depesche/favicon.ico", "/depesche/favicon.svg"]


def test_favicon_ico_exists_under_the_sub_path(built: Config):
    ico = (built.out / "favicon.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and b"PNG" in ico


def test_topics_page_links_the_opml_of_all_topic_feeds(built: Config):
    html = (built.out / "themen" / "index.html").read_text(encoding="utf-8")
    assert 'href="/depesche/themen/feeds.opml"' in html


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_script_json_round_trips_any_text_and_never_opens_markup(text):
    block = str(script_json({"headline": text}))
    assert not set("<>&") & set(block)
    assert json.loads(block) == {"headline": text}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_indented_json_is_what_the_json_module_writes(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
