"""Stage 5, render: HTML pages from Jinja2 templates. Returns (path, bytes) pairs."""
from __future__ import annotations

from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Sequence

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket

from ..config import Config
from ..model import Article, Topic
from ..paths import article_path, topic_path
from .seo import news_article, script_json, sitemap_xml

GERMAN_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)
WORDS_PER_MINUTE = 200
STATIC_FILES = ("favicon.svg", "favicon.ico")  # .ico: for tools that ask for it by name
PAGE_SIZE = 25  # articles per front page and topic page
UPDATED = attrgetter("updated")


def german_date(moment: datetime) -> str:
    """21. November 2026"""
    return f"{moment.day}. {GERMAN_MONTHS[moment.month - 1]} {moment.year}"


def reading_minutes(article: Article) -> int:
    return max(1, round(article.words / WORDS_PER_MINUTE))


class CompiledTemplates(BytecodeCache):
    """Templates compiled by an earlier build, kept in the build cache so a rebuild need not compile them.

    Jinja2 checks each entry against the template's source and the Python version before using it.
    """

    def __init__(self, known: dict[str, bytes]):
        self.known = dict(known)

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.known:
            bucket.bytecode_from_string(self.known[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.known[bucket.key] = bucket.bytecode_to_string()


def template_environment(folder: Path, compiled: CompiledTemplates | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(folder),
        bytecode_cache=compiled,
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
        month_path=month_path, month_name=month_name, news_article=news_article,
    )
    if compiled is not None:  # load every page template now: forked renderers inherit them, the cache keeps them
        for name in env.list_templates(extensions=["html", "css"]):
            env.get_template(name)
    return env


def page(env: Environment, config: Config, template: str, path: str, **context: object) -> tuple[str, bytes]:
    """Render one page to `path` (a site path; "x/" means "x/index.html")."""
    html = env.get_template(template).render(
        site=config, page_path=path, href=config.href, url=config.url, **context
    )
    filename = path + "index.html" if path.endswith("/") or not path else path
    return filename, html.encode("utf-8")


def month_path(month: tuple[int, int]) -> str:
    return f"archiv/{month[0]}/{month[1]:02d}/"


def month_name(month: tuple[int, int]) -> str:
    """November 2026"""
    return f"{GERMAN_MONTHS[month[1] - 1]} {month[0]}"


def card_html(env: Environment, config: Config, article: Article) -> str:
    """An article's card for the front, topic and archive pages, rendered once per build."""
    return env.get_template("_card.html").render(site=config, href=config.href, url=config.url,
                                                 article=article).strip()


def paged_path(folder: str, number: int) -> str:
    """Page 1 of a list lives at the folder, page n at `folder/seite/n/`."""
    return folder if number == 1 else f"{folder}seite/{number}/"


def pages_of(items: Sequence[Article], size: int = PAGE_SIZE) -> list[Sequence[Article]]:
    """The items split into pages; an empty list still has one (empty) page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items]


def static_file(folder: Path, name: str) -> bytes:
    return (folder / name).read_bytes()


def newest(articles: Sequence[Article]) -> datetime | None:
    return max(map(UPDATED, articles), default=None)


def sitemap(articles: Sequence[Article], topics: Sequence[tuple[Topic, datetime | None]],
            months: Sequence[tuple[tuple[int, int], Sequence[Article]]], config: Config) -> bytes:
    """`sitemap.xml`: every indexable page with its last change (`topics` come with theirs)."""
    latest = newest(articles)
    entries = [("", latest), ("themen/", latest), ("archiv/", latest)]
    entries += [(article_path(a), a.updated) for a in articles]
    entries += [(topic_path(t), updated) for t, updated in topics]
    entries += [(month_path(m), newest(members)) for m, members in months]
    return sitemap_xml(entries, config)
