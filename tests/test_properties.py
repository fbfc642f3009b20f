"""Invariants over random input: no crash, well-formed feeds, no markup from the seed."""
from __future__ import annotations

from html.parser import HTMLParser

import feedparser
from hypothesis import HealthCheck, assume, given, settings, strategies as st
from lxml import etree

from depesche.config import Config
from depesche.build.pipeline import EmptyArticleError, process, render_site
from depesche.read import SeedError, decode, check_text, normalise
from depesche.topics.vocab import Vocabulary

from conftest import TEMPLATE_TAGS, REPO, SUB_PATH_URL, make_seed

CONFIG = Config(base_url=SUB_PATH_URL, topics_file=REPO / "topics.toml")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with the characters that matter: markup, Markdown, Jinja, XML, controls, umlauts.
NASTY = st.sampled_from(list("<>&\"'`*_[]()#!{}%|\\-=.:;?\n\n\n\x00\x0b\x1b\u00a0\u200bäöüßÄ„“…€ "))
WORDS = st.sampled_from([
    "<script>", "</p>", "]]>", "{{ x }}", "{% if %}", "javascript:", "onerror=", "&amp;", "Von",
    "Bild:", "Kommentare", "Telekom", "WhatsApp", "Satz", "der", "die", "und", "ist", "(dpa)",
])
TEXT = st.lists(st.one_of(NASTY, WORDS, st.text(max_size=8)), max_size=400).map("".join)
SENTENCE = "Dies ist ein langer Satz mit genug Worten für einen Absatz der Meldung."
OTHER_SENTENCE = "Auch der zweite Absatz hat genug Worte, um als Text zu gelten, sagt sie."


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.bad_attrs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.bad_attrs += [n for n, v in attrs if n.startswith("on") or (v or "").startswith("javascript:")]


def site_outputs(text: str) -> list[tuple[str, bytes]]:
    try:
        article, _ = process(make_seed(normalise(text), modified=None), Vocabulary(), CONFIG)
    except EmptyArticleError:
        return []
    return list(render_site(CONFIG, [article]).items())


def check_outputs(outputs: list[tuple[str, bytes]]) -> None:
    for name, data in outputs:
        if name.endswith(".html"):
            parser = Elements()
            parser.feed(data.decode("utf-8"))
            assert parser.tags <= TEMPLATE_TAGS, (name, parser.tags - TEMPLATE_TAGS)
            assert not parser.bad_attrs, name
        elif name.endswith(("feed.xml", "atom.xml")):
            etree.fromstring(data)
            feed = feedparser.parse(data)
            assert not feed.bozo, (name, feed.get("bozo_exception"))
            assert len(feed.entries) == 1


@SETTINGS
@given(TEXT)
def test_any_text_builds_safe_pages_and_readable_feeds(text: str):
    check_outputs(site_outputs(text))


@SETTINGS
@given(TEXT, TEXT)
def test_hostile_text_inside_a_real_article_never_becomes_markup(headline: str, body: str):
    body = " ".join(body.split())
    text = f"{headline}\n\n{SENTENCE} {body} {OTHER_SENTENCE}\n\n{OTHER_SENTENCE} {body} {SENTENCE}\n"
    outputs = site_outputs(text)
    assume(outputs)  # the cleaner may still call a line boilerplate (say, one about JavaScript)
    check_outputs(outputs)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_a_message(data: bytes):
    try:
        text = decode(data, "seeds/x.txt")
        check_text(text, "seeds/x.txt")
    except SeedError as error:
        assert str(error).startswith("seeds/x.txt: ")
        return
    check_outputs(site_outputs(text))
