"""Which outputs a build renders: the whole site collated and planned anew, or, after edits that
moved nothing (delta.py), the last build's plan with the edited articles swapped in."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Mapping, NamedTuple, Sequence

from jinja2 import Environment

from ..config import Config
from ..model import Article
from ..site.collate import collate
from ..site.plan import SITE_WIDE_KINDS, Cards, Output, Site, make_site, plan, site_wide_outputs
from ..site.related import Related, related_layout
from ..site.render import card_html, template_environment
from .cache import Processed, Reuse
from .delta import Edit, SiteState, article_digest, edited_outputs, site_state


@lru_cache(maxsize=512)  # the feeds of the site and of each of its topics ask for the newest bodies
def body_html(processed: Processed) -> str:
    return processed.body_html


class Bodies(Mapping[str, str]):
    """Article id -> body HTML, decompressed only when a page or feed asks for it."""

    def __init__(self, processed: Iterable[Processed]):
        self._compressed = {p.article.id: p for p in processed}

    def __getitem__(self, article_id: str) -> str:
        return body_html(self._compressed[article_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._compressed)

    def __len__(self) -> int:
        return len(self._compressed)


class Planned(NamedTuple):
    """The site to render, what of it to render, and what the next build needs to know of it."""

    site: Site
    env: Environment
    todo: list[Output]  # outputs to render
    fingerprints: dict[str, tuple]  # every output's path -> fingerprint
    unchanged: set[str]  # outputs whose file in the last site holds
    state: SiteState


def site_of(config: Config, articles: Sequence[Article], digests: dict[str, str], results: dict[str, Processed],
            reuse: Reuse, related: Related) -> tuple[Site, Environment]:
    """The site the outputs are rendered from, and the templates (one environment per build: they compile once)."""
    env = template_environment(config.templates, reuse.templates)
    cards = {digests[a.id]: reuse.card(digests[a.id], lambda a=a: card_html(env, config, a)) for a in articles}
    return make_site(config, articles, Bodies(results.values()), digests, Cards(digests, cards), related), env


def full_plan(config: Config, results: dict[str, Processed], reuse: Reuse) -> Planned:
    """Collate and plan the whole site; render what the last site does not hold."""
    articles = collate([p.article for p in results.values()])
    key_of = {p.article.id + p.article.path: key for key, p in results.items()}
    order = [key_of[a.id + a.path] for a in articles]
    digests = {a.id: article_digest(key, a) for key, a in zip(order, articles)}
    site, env = site_of(config, articles, digests, results, reuse, reuse.related(related_layout(articles)))
    outputs = plan(site)
    unchanged = reuse.unchanged(outputs, config.out)
    state = site_state(order, {p.article.id: p.article for p in results.values()}, articles, digests, outputs,
                       SITE_WIDE_KINDS)
    return Planned(site, env, [o for o in outputs if o.path not in unchanged],
                   {o.path: o.fingerprint for o in outputs}, unchanged, state)


def edit_plan(config: Config, edit: Edit, results: dict[str, Processed], reuse: Reuse) -> Planned:
    """The last build's plan with the edited articles swapped in: render the outputs that show them,
    and the site-wide ones that changed."""
    site, env = site_of(config, edit.articles, edit.digests, results, reuse, reuse.related(None))
    last, state = reuse.last.outputs, reuse.last.state
    todo = edited_outputs(edit, state, last)
    todo += [o for o in site_wide_outputs(site) if last.get(o.path) != o.fingerprint]
    fingerprints = {**last, **{o.path: o.fingerprint for o in todo}}
    return Planned(site, env, todo, fingerprints, last.keys() - {o.path for o in todo}, edit.state)


