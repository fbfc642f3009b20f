"""What every feed format says about one article: its id, its text and its HTML, made safe for XML."""
from __future__ import annotations

import re
import uuid
from functools import lru_cache
from html import escape

import lxml.html

from ..config import Config
from ..model import Article
from ..paths import article_path

ID_NAMESPACE = uuid.UUID("6f1d6a52-8a86-4a8e-9d1e-4b0c7c3d9e21")
UNTITLED = "Ohne Titel"
FEED_ITEMS_KEPT = 512  # the outputs come feed by feed: enough for the site's feeds and the next topics'
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 forbids (and C1 controls) removed."""
    return _CONTROL.sub("", text)


def item_title(article: Article) -> str:
    """The title as a feed carries it; never empty, which Atom forbids."""
    return xml_text(article.title).strip() or UNTITLED


def entry_id(article: Article) -> str:
    """The article's GUID: a URN from its stable id, so no URL change makes it new."""
    return uuid.uuid5(ID_NAMESPACE, article.id).urn


def absolute_links(html: str, base: str) -> str:
    """Every href/src in `html` resolved against `base`: a reader shows items away from the site."""
    if "href=" not in html and "src=" not in html:
        return html
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    wrapper.make_links_absolute(base, resolve_base_href=False)
    inner = lxml.html.tostring(wrapper, encoding="unicode", method="html")
    return inner[len("<div>"):-len("</div>")]


@lru_cache(maxsize=FEED_ITEMS_KEPT)
def item_html(article: Article, body: str, config: Config) -> str:
    """The full article as HTML for `content:encoded`, Atom content and JSON Feed: made once for
    all the feeds (of the site and of each of its topics, in every format) that carry it."""
    parts = [body]
    if article.source:
        parts.append(f"<p>Quelle: {escape(article.source, quote=False)}</p>")
    if article.credits:
        parts.append(f"<p>{escape(' · '.join(dict.fromkeys(article.credits)), quote=False)}</p>")
    return xml_text(absolute_links("\n".join(parts), config.url(article_path(article))))
