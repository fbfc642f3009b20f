"""Every file of the site as a planned output: its path, what to render, and a fingerprint.

The fingerprint holds exactly what the file is made from (its articles'
digests, its neighbours, its page number), so an incremental build renders
only the outputs whose fingerprint changed and keeps the others' bytes. It is
a plain tuple of article digests and numbers, compared as it is: hashing
15,000 of them on every build cost more than comparing them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator, Mapping, Sequence

from jinja2 import Environment
from markupsafe import Markup

from ..config import Config
from ..feeds.opml import OPML_PATH, topics_opml
from ..feeds.rss import FEED_FILES, feed_file, site_feed_title
from ..model import Article, Topic
from ..paths import article_path, topic_path
from .collate import months, topic_index
from .render import STATIC_FILES, month_path, newest, page, paged_path, pages_of, sitemap, static_file
from .seo import robots_txt


@dataclass(frozen=True)
class Site:
    """Everything the outputs are rendered from."""

    config: Config
    articles: Sequence[Article]  # newest first
    bodies: Mapping[str, str]  # article id -> body HTML
    digests: Mapping[str, str]  # article id -> digest of everything the article shows
    topics: Sequence[tuple[Topic, Sequence[Article]]]
    related: Mapping[str, Sequence[str]]  # article id -> related articles' ids
    months: Sequence[tuple[tuple[int, int], Sequence[Article]]]  # (year, month) -> articles
    cards: Mapping[str, Markup]  # article id -> its card's HTML
    by_id: Mapping[str, Article]
    topics_updated: Sequence[datetime | None]  # each topic's newest change (in the order of `topics`), taken once


class Cards(Mapping[str, Markup]):
    """Article id -> its card's HTML, looked up only for the list pages being rendered."""

    def __init__(self, digests: Mapping[str, str], html: Mapping[str, str]):
        self._digests, self._html = digests, html  # article id -> digest -> card HTML

    def __getitem__(self, article_id: str) -> Markup:
        return Markup(self._html[self._digests[article_id]])

    def __iter__(self) -> Iterator[str]:
        return iter(self._digests)

    def __len__(self) -> int:
        return len(self._digests)


@dataclass(frozen=True)
class Output:
    path: str  # file inside the site folder
    kind: str
    key: tuple  # what `render_output` needs to find its inputs in the Site
    fingerprint: tuple


def make_site(config: Config, articles: Sequence[Article], bodies: Mapping[str, str],
              digests: Mapping[str, str], cards: Mapping[str, Markup], related: Mapping[str, Sequence[str]]) -> Site:
    topics = topic_index(articles)
    return Site(config, articles, bodies, digests, topics, related, months(articles), cards,
                {a.id: a for a in articles}, [newest(members) for _, members in topics])


def filename(path: str) -> str:
    return path + "index.html" if path.endswith("/") or not path else path


def list_outputs(kind: str, folder: str, items: Sequence[Article], site: Site, extra: tuple) -> list[Output]:
    """Paginated list pages (front page, topic pages)."""
    pages = pages_of(items)
    return [
        Output(filename(paged_path(folder, n)), kind, (*extra, n),
               (kind, folder, n, len(pages), len(items), tuple([site.digests[a.id] for a in chunk])))
        for n, chunk in enumerate(pages, start=1)
    ]


def feed_outputs(folder: str, items: Sequence[Article], site: Site, topic_no: int) -> list[Output]:
    newest = tuple([site.digests[a.id] for a in items[: site.config.feed_items]])
    return [Output(folder + name, "feed", (kind, topic_no), ("feed", kind, folder, newest))
            for kind, name in FEED_FILES.items()]


SITE_WIDE_KINDS = frozenset({"topics", "opml", "sitemap", "robots", "404", "search", "static", "archive"})


def site_wide_outputs(site: Site) -> list[Output]:
    """The outputs that sum up the whole site (or none of it) rather than show some articles."""
    outputs = [Output("themen/index.html", "topics", (),
                      ("topics", tuple([(t.name, t.slug, len(m)) for t, m in site.topics]))),
               Output(OPML_PATH, "opml", (),
                      ("opml", tuple([(t.name, t.slug, updated.isoformat())
                                      for (t, _), updated in zip(site.topics, site.topics_updated)]))),
               Output("sitemap.xml", "sitemap", (), ("sitemap", tuple(site.digests.values()))),
               Output("robots.txt", "robots", (), ("robots",)),
               Output("404.html", "404", (), ("404",))]
    if site.config.search:
        outputs.append(Output("suche/index.html", "search", (), ("search",)))
    outputs += [Output(name, "static", (name,), ("static", name)) for name in STATIC_FILES]
    outputs.append(Output("archiv/index.html", "archive", (),
                          ("archive", tuple([(month, len(m)) for month, m in site.months]))))
    return outputs


def plan(site: Site) -> list[Output]:
    """All outputs of the site, in a fixed order: those that show articles, then the site-wide ones."""
    articles = site.articles
    outputs = list_outputs("index", "", articles, site, ())
    outputs += feed_outputs("", articles, site, -1)
    digests = site.digests
    for i, article in enumerate(articles):
        neighbours = tuple([digests[a.id] for a in articles[max(i - 1, 0):i + 2]])
        related = tuple([digests[other] for other in site.related[article.id]])
        outputs.append(Output(filename(article_path(article)), "article", (i,),
                              ("article", i == 0, i == len(articles) - 1, neighbours, related)))
    for number, (month, members) in enumerate(site.months):
        outputs += list_outputs("month", month_path(month), members, site, (number,))
    for number, (topic, members) in enumerate(site.topics):
        outputs += list_outputs("topic", topic_path(topic), members, site, (number,))
        outputs += feed_outputs(topic_path(topic), members, site, number)
    return outputs + site_wide_outputs(site)


def pager(folder: str, number: int, count: int) -> dict[str, object]:
    """Links to the neighbouring pages of a paginated list."""
    return {
        "number": number, "count": count,
        "newer": paged_path(folder, number - 1) if number > 1 else None,
        "older": paged_path(folder, number + 1) if number < count else None,
    }


def render_article(output: Output, site: Site, env: Environment) -> bytes:
    (i,) = output.key
    articles, article = site.articles, site.articles[output.key[0]]
    return page(env, site.config, "article.html", article_path(article), article=article,
                body=Markup(site.bodies[article.id]), related=[site.by_id[i] for i in site.related[article.id]],
                newer=articles[i - 1] if i > 0 else None,
                older=articles[i + 1] if i + 1 < len(articles) else None)[1]


def list_page(site: Site, env: Environment, template: str, folder: str, members: Sequence[Article],
              number: int, **context: object) -> bytes:
    """Page `number` of a list of article cards (front page, topic, month)."""
    pages = pages_of(members)
    return page(env, site.config, template, paged_path(folder, number), articles=pages[number - 1],
                total=len(members), pager=pager(folder, number, len(pages)), cards=site.cards, **context)[1]


def render_index(output: Output, site: Site, env: Environment) -> bytes:
    return list_page(site, env, "index.html", "", site.articles, output.key[0])


def render_topic(output: Output, site: Site, env: Environment) -> bytes:
    topic, members = site.topics[output.key[0]]
    return list_page(site, env, "topic.html", topic_path(topic), members, output.key[1], topic=topic)


def render_month(output: Output, site: Site, env: Environment) -> bytes:
    month, members = site.months[output.key[0]]
    return list_page(site, env, "month.html", month_path(month), members, output.key[1], month=month)


def render_feed(output: Output, site: Site, env: Environment) -> bytes:
    kind, topic_no = output.key
    topic, members = site.topics[topic_no] if topic_no >= 0 else (None, site.articles)
    title, description = site_feed_title(site.config, topic)
    return feed_file(kind, members, site.bodies, site.config, title, description,
                     topic_path(topic) if topic else "")


SINGLE_PAGES = {  # kind -> (template, path, name of the Site field the template gets)
    "archive": ("archive.html", "archiv/", "months"),
    "topics": ("topics.html", "themen/", "topics"),
    "404": ("404.html", "404.html", None),
    "search": ("search.html", "suche/", None),
}


def render_single(output: Output, site: Site, env: Environment) -> bytes:
    template, path, field_name = SINGLE_PAGES[output.kind]
    context = {field_name: getattr(site, field_name)} if field_name else {}
    return page(env, site.config, template, path, **context)[1]


def render_static(output: Output, site: Site, env: Environment) -> bytes:
    return static_file(site.config.templates, output.key[0])


def render_opml(output: Output, site: Site, env: Environment) -> bytes:
    return topics_opml(site.topics, site.config)[1]


def render_sitemap(output: Output, site: Site, env: Environment) -> bytes:
    return sitemap(site.articles, [(t, updated) for (t, _), updated in zip(site.topics, site.topics_updated)],
                   site.months, site.config)


def render_robots(output: Output, site: Site, env: Environment) -> bytes:
    return robots_txt(site.config)


RENDERERS = {
    "article": render_article, "index": render_index, "topic": render_topic, "month": render_month,
    "feed": render_feed, "static": render_static, "opml": render_opml, "sitemap": render_sitemap,
    "robots": render_robots, **{kind: render_single for kind in SINGLE_PAGES},
}


def render_output(output: Output, site: Site, env: Environment) -> bytes:
    """The bytes of one planned output."""
    return RENDERERS[output.kind](output, site, env)
