"""Stage 5, render: HTML pages from Jinja2 templates. Returns (path, bytes) pairs."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Sequence

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .collate import topic_index
from .config import Config
from .document import body_markdown
from .model import Article, Topic
from .seo import news_article, robots_txt, script_json, sitemap_xml

GERMAN_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
WORDS_PER_MINUTE = 200
STATIC_FILES = ("favicon.svg", "favicon.ico")  # .ico: for tools that ask for it by name


def german_date(moment: datetime) -> str:
    """21. November 2026"""
    return f"{moment.day}. {GERMAN_MONTHS[moment.month - 1]} {moment.year}"


def reading_minutes(article: Article) -> int:
    words = sum(len(b.text.split()) for b in article.blocks)
    return max(1, round(words / WORDS_PER_MINUTE))


def body_html(article: Article) -> Markup:
    """The body through Python-Markdown; the Markdown is escaped, so this is safe markup."""
    return Markup(markdown.markdown(body_markdown(article), output_format="html"))


def article_path(article: Article) -> str:
    return f"artikel/{article.slug}/"


def topic_path(topic: Topic) -> str:
    return f"themen/{topic.slug}/"


def template_environment(folder: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["german_date"] = german_date
    env.filters["script_json"] = script_json
    env.globals.update(
        article_path=article_path, topic_path=topic_path, reading_minutes=reading_minutes,
        news_article=news_article,
    )
    return env


def page(env: Environment, config: Config, template: str, path: str, **context: object) -> tuple[str, bytes]:
    """Render one page to `path` (a site path; "x/" means "x/index.html")."""
    html = env.get_template(template).render(
        site=config, page_path=path, href=config.href, url=config.url, **context
    )
    filename = path + "index.html" if path.endswith("/") or not path else path
    return filename, html.encode("utf-8")


def newest(articles: Sequence[Article]) -> datetime | None:
    return max((a.updated for a in articles), default=None)


def crawler_files(articles: Sequence[Article], topics: list[tuple[Topic, list[Article]]],
                  config: Config) -> list[tuple[str, bytes]]:
    """`sitemap.xml` (every indexable page with its last change) and `robots.txt`."""
    entries = [("", newest(articles)), ("themen/", newest(articles))]
    entries += [(article_path(a), a.updated) for a in articles]
    entries += [(topic_path(t), newest(members)) for t, members in topics]
    return [("sitemap.xml", sitemap_xml(entries, config)), ("robots.txt", robots_txt(config))]


def render_pages(articles: Sequence[Article], config: Config, env: Environment) -> list[tuple[str, bytes]]:
    """Every HTML page of the site, plus the static files the templates use."""
    topics = topic_index(articles)
    pages = [
        page(env, config, "index.html", "", articles=articles),
        page(env, config, "topics.html", "themen/", topics=topics),
        page(env, config, "404.html", "404.html"),
    ]
    for position, article in enumerate(articles):
        newer = articles[position - 1] if position > 0 else None
        older = articles[position + 1] if position + 1 < len(articles) else None
        pages.append(page(env, config, "article.html", article_path(article), article=article,
                          body=body_html(article), newer=newer, older=older))
    for topic, members in topics:
        pages.append(page(env, config, "topic.html", topic_path(topic), topic=topic, articles=members))
    pages += crawler_files(articles, topics, config)
    for name in STATIC_FILES:
        pages.append((name, (Path(env.loader.searchpath[0]) / name).read_bytes()))
    return pages
