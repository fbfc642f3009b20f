"""JSON Feed 1.1 (`feed.json`), written beside each RSS feed with the same items."""
from __future__ import annotations

import json
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Mapping, Sequence

from ..config import Config
from ..model import Article
from ..paths import article_path
from .items import FEED_ITEMS_KEPT, entry_id, item_html, item_title, xml_text

VERSION = "https://jsonfeed.org/version/1.1"
ITEM_DEPTH = 2  # an item stands in the feed object's `items` list


class Indented(str):
    """JSON text already indented for the depth it stands at."""


def indented_json(value: object, depth: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)` for dicts with string keys, lists and scalars, byte for byte,
    with C's string encoder: with `indent` the json module encodes in Python, a fifth of an article page."""
    if isinstance(value, Indented):
        return value
    if isinstance(value, (dict, list)) and value:
        inner = "\n" + "  " * (depth + 1)
        if isinstance(value, dict):
            items = [f"{encode_basestring(str(k))}: {indented_json(v, depth + 1)}" for k, v in value.items()]
        else:
            items = [indented_json(v, depth + 1) for v in value]
        opening, closing = "{}" if isinstance(value, dict) else "[]"
        return f"{opening}{inner}{f',{inner}'.join(items)}\n{'  ' * depth}{closing}"
    if isinstance(value, str):
        return encode_basestring(value)
    return json.dumps(value, ensure_ascii=False)


def json_item(article: Article, body: str, config: Config) -> dict[str, object]:
    """One item; dates are RFC 3339 with the article's own offset."""
    item: dict[str, object] = {
        "id": entry_id(article),
        "url": config.url(article_path(article)),
        "title": item_title(article),
        "content_html": item_html(article, body, config),
        "summary": xml_text(article.teaser or article.title),
        "date_published": article.published.isoformat(),
        "date_modified": article.updated.isoformat(),
        "tags": [xml_text(t.name) for t in article.topics],
        "language": config.language,
    }
    if article.author:
        item["authors"] = [{"name": xml_text(article.author)}]
    return item


@lru_cache(maxsize=FEED_ITEMS_KEPT)
def indented_item(article: Article, body: str, config: Config) -> Indented:
    """An item's JSON text, made once for the feeds of the site and of each of its topics."""
    return Indented(indented_json(json_item(article, body, config), ITEM_DEPTH))


def json_feed(
    articles: Sequence[Article], bodies: Mapping[str, str], config: Config, title: str, description: str,
    folder: str,
) -> bytes:
    """`folder/feed.json` with the newest `config.feed_items` articles."""
    feed = {
        "version": VERSION,
        "title": xml_text(title),
        "home_page_url": config.url(folder),
        "feed_url": config.url(folder + "feed.json"),
        "description": xml_text(description),
        "language": config.language,
        "authors": [{"name": config.author, "url": config.url("")}],
        "favicon": config.url("favicon.svg"),
        "items": [indented_item(a, bodies[a.id], config) for a in articles[: config.feed_items]],
    }
    text = indented_json(feed) + "\n"
    return text.encode("utf-8")
