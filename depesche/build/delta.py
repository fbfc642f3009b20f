"""A rebuild after edits that move nothing: the last build's site state, updated from the changed seeds.

Collation decides the order, the slugs and the topic spellings over all articles,
and the plan lays out every output around them. An edit that leaves an article's
place in the order, its slug, its topics and its month as they were changes none
of that: the site has the same outputs, and only those that show the edited
article (the reverse index `shows`) get a new fingerprint, its old digest swapped
for the new one. Such a rebuild neither collates nor plans the site again and
renders only those outputs and the site-wide ones whose fingerprint changed;
any other change goes the full way, which records the state anew.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping, Protocol, Sequence

from ..model import Article, Topic
from ..site.collate import earliest_key, newest_first_key
from ..site.plan import Output
from .fingerprints import digest

Decided = tuple[str, tuple[Topic, ...]]  # an article's slug and topics as collation decided them


class Processed(Protocol):
    """What a seed became (cache.Processed), as far as this module reads it."""

    article: Article


@dataclass(frozen=True)
class SiteState:
    """What a rebuild needs of the last one to update the site without collating or planning it."""

    order: tuple[str, ...]  # seed keys, in site order
    decided: dict[str, Decided]  # article id -> slug and topics, where collation changed the article's own
    slug_groups: dict[str, tuple[str, ...]]  # headline slug -> the seed keys of its articles, if more than one
    digests: dict[str, str]  # article id -> digest
    planned: tuple[tuple[str, str, tuple], ...]  # each output that shows articles: (path, kind, key)
    shows: dict[str, tuple[int, ...]]  # article id -> the planned outputs whose fingerprint names its digest


@dataclass(frozen=True)
class Edit:
    """The site after edits that moved nothing: its articles in order, their digests, and what changed."""

    articles: list[Article]
    digests: dict[str, str]
    changed: dict[str, str]  # old digest -> new digest, of the edited articles
    edited: tuple[str, ...]  # their ids
    state: SiteState  # the site state after the edits


def article_digest(key: str, article: Article) -> str:
    """What an article shows, hashed: its seed's key plus what collation decided."""
    return digest(key, article.slug, [(t.name, t.slug) for t in article.topics])


def site_state(order: Sequence[str], raw: Mapping[str, Article], articles: Sequence[Article],
               digests: dict[str, str], outputs: Sequence[Output], site_wide: frozenset[str]) -> SiteState:
    """The state of a site just planned: `raw` are the articles before collation (by id), `articles` after."""
    decided = {a.id: (a.slug, a.topics) for a in articles
               if a.slug != raw[a.id].slug or a.topics != raw[a.id].topics}
    groups: dict[str, list[str]] = {}
    for key, article in zip(order, articles):
        groups.setdefault(raw[article.id].slug, []).append(key)
    id_of = {d: article_id for article_id, d in digests.items()}
    planned, shows = [], {}
    for output in outputs:
        if output.kind in site_wide:
            continue
        for part in output.fingerprint:
            for shown in (part if isinstance(part, tuple) else ()):
                found = shows.setdefault(id_of.get(shown), [])
                if not found or found[-1] != len(planned):
                    found.append(len(planned))
        planned.append((output.path, output.kind, output.key))
    shows.pop(None, None)
    return SiteState(tuple(order), decided, {slug: tuple(keys) for slug, keys in groups.items() if len(keys) > 1},
                     digests, tuple(planned),
                     {article_id: tuple(at) for article_id, at in shows.items()})


def moved_nothing(old: Article, new: Article) -> bool:
    """Whether collation decides the same for the new version as for the old (its place is checked apart):
    the same topics in another order change the article's own outputs, not the site's."""
    return (new.id == old.id and new.path == old.path and new.slug == old.slug and set(new.topics) == set(old.topics)
            and (new.published.year, new.published.month) == (old.published.year, old.published.month))


def earliest(keys: Sequence[str], made: Mapping[str, Processed]) -> str:
    """The id of the article that keeps a shared slug (collate.unique_slugs): the earliest."""
    return min((made[k].article for k in keys), key=earliest_key).id


def renamed_alike(state: SiteState, new_key: dict[str, str], last: Mapping[str, Processed],
                  now: Mapping[str, Processed]) -> tuple[dict[str, tuple[str, ...]], bool]:
    """The slug groups with the edited seeds' new keys, and whether each group's earliest stayed the same."""
    groups, alike = dict(state.slug_groups), True
    for slug in {now[key].article.slug for key in new_key.values()} & groups.keys():
        old = groups[slug]
        groups[slug] = tuple(new_key.get(k, k) for k in old)
        alike = alike and earliest(old, last) == earliest(groups[slug], now)
    return groups, alike


def in_place(order: Sequence[str], at: int, now: Mapping[str, Processed]) -> bool:
    """Whether the article at `at` still sorts between its neighbours."""
    here = newest_first_key(now[order[at]].article)
    return ((at == 0 or newest_first_key(now[order[at - 1]].article) < here)
            and (at == len(order) - 1 or here < newest_first_key(now[order[at + 1]].article)))


def unmoved_edit(state: SiteState | None, last_keys: Mapping[str, str], keys: Mapping[str, str],
                 last: Mapping[str, Processed], now: Mapping[str, Processed]) -> Edit | None:
    """The site after this build's edits, if they moved nothing; None if it must be collated and planned.

    `last_keys` and `keys` give each seed's key then and now; `last` and `now` what
    the seeds became (before collation) by key; a seed that failed has nothing there.
    """
    if state is None or last_keys.keys() != keys.keys():
        return None
    edits = [(last_keys[name], key) for name, key in keys.items() if last_keys[name] != key]
    if any(old not in last or new not in now or not moved_nothing(last[old].article, now[new].article)
           for old, new in edits):
        return None
    order, places = list(state.order), []
    for old, new in edits:
        places.append(order.index(old))
        order[places[-1]] = new
    groups, alike = renamed_alike(state, dict(edits), last, now)
    if not alike or not all(in_place(order, at, now) for at in places):
        return None
    decided = dict(state.decided)
    for (old, new), at in zip(edits, places):
        decided.pop(now[new].article.id, None)
        decided.update(decision(collated(last[old].article, state.decided), now[new].article))
    return edited_site(replace(state, order=tuple(order), slug_groups=groups, decided=decided), places, now)


def decision(old: Article, new: Article) -> dict[str, Decided]:
    """What collation decides for the new version of an article, given what it decided for the old:
    the same slug, and the same spelling of each topic (in the new version's order)."""
    spelling = {t.slug: t for t in old.topics}
    topics = tuple(spelling[slug] for slug in dict.fromkeys(t.slug for t in new.topics))
    return {} if (old.slug, topics) == (new.slug, new.topics) else {new.id: (old.slug, topics)}


def edited_site(state: SiteState, places: Sequence[int], now: Mapping[str, Processed]) -> Edit:
    """The site with the edited articles (at `places` of the new `state.order`) swapped in."""
    articles = [collated(now[key].article, state.decided) for key in state.order]
    digests, changed = dict(state.digests), {}
    for at in places:
        article = articles[at]
        new_digest = article_digest(state.order[at], article)
        changed[digests[article.id]] = new_digest
        digests[article.id] = new_digest
    return Edit(articles, digests, changed, tuple(articles[at].id for at in places), replace(state, digests=digests))


def collated(article: Article, decided: Mapping[str, Decided]) -> Article:
    """The article with the slug and topics collation gave it.

    Copied field by field rather than with `dataclasses.replace`, which runs `__init__`
    again: at 10,000 articles about half have a decision, and replace cost 0.1 s of a rebuild.
    """
    if article.id not in decided:
        return article
    made = object.__new__(Article)
    made.__dict__.update(article.__dict__)
    made.__dict__["slug"], made.__dict__["topics"] = decided[article.id]
    return made


def swapped(fingerprint: tuple, changed: Mapping[str, str]) -> tuple:
    """A fingerprint with each changed digest replaced by the new one."""
    return tuple(tuple([changed.get(d, d) for d in part]) if isinstance(part, tuple) else part
                 for part in fingerprint)


def edited_outputs(edit: Edit, state: SiteState, fingerprints: Mapping[str, tuple]) -> list[Output]:
    """The outputs that show an edited article, with their new fingerprints."""
    shown_at = sorted({at for article_id in edit.edited for at in state.shows.get(article_id, ())})
    return [Output(path, kind, key, swapped(fingerprints[path], edit.changed))
            for path, kind, key in (state.planned[at] for at in shown_at)]
