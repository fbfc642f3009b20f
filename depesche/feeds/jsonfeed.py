"""JSON Feed 1.1 (`feed.json`), written beside each RSS feed with the same items."""
from __future__ import annotations

import json
from typing import Mapping, Sequence

from ..config import Config
from ..model import Article
from ..paths import article_path
from .items import entry_id, item_html, item_title, xml_text

VERSION = "https://jsonfeed.org/version/1.1"


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
        "items": [json_item(a, bodies[a.id], config) for a in articles[: config.feed_items]],
    }
    text = json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")
