"""The build, stage by stage: read -> clean -> enrich -> to_markdown -> render -> feeds -> write.

A build is incremental: seeds whose bytes, sidecar and dates are unchanged take
their article from the cache, and outputs whose inputs are unchanged keep
their bytes. With many seeds or outputs the work is spread over processes;
the result is the same byte for byte.
"""
from __future__ import annotations

import os
import time
from itertools import chain
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Sequence
from zoneinfo import ZoneInfo

from jinja2 import Environment

from . import parallel
from .cache import (
    CACHE_FILE, Bodies, BuildCache, Processed, build_fingerprint, digest, dump_cache, load_cache, loaded_cache,
    seed_key,
    share_topics,
)
from .clean import clean
from .collate import collate
from .config import Config
from .document import body_markdown, markdown_to_html
from .enrich import MetadataError, enrich
from .model import Article, RawSeed, Seed
from .plan import Cards, Output, Site, make_site, plan, render_output
from .read import SeedError, SeedFile, list_seeds, parse_seed, read_raw
from .related import related_articles, related_layout, updated_related
from .render import CompiledTemplates, card_html, template_environment
from .search import index_search, search_available
from .topics import Vocabulary, load_models, load_vocabulary
from .topics_lang import remember_proper, take_proper_verdicts
from .write import update_site, write_site

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class EmptyArticleError(ValueError):
    """A seed in which the cleaner found no article text."""


UNSURE = "cleaner unsure of the article: "  # starts the warning about an article the cleaner doubts


def unsure_warnings(path: str, doubts: tuple[str, ...]) -> list[str]:
    """One warning per doubt of the cleaner, pointing at the command that shows its verdicts."""
    return [f"{path}: {UNSURE}{doubt}; see python build.py clean --explain {path}" for doubt in doubts]


def unsure_articles(config: Config) -> list[str]:
    """The warnings about doubted articles that the last build recorded (none without its cache)."""
    cache = load_cache(config.out, build_fingerprint(config))
    results = [cache.processed.get(key) for _, key in cache.signatures.values()]
    return sorted(w for result in results if result is not None for w in result.warnings if UNSURE in w)


@dataclass(frozen=True)
class BuildReport:
    articles: int
    topics: int
    files: int  # files in the site; 0 when nothing was written
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rendered: int = 0  # files whose bytes were made anew
    processed: int = 0  # seeds cleaned and enriched anew (not from the cache)
    seconds: float = 0.0


def process(seed: Seed, vocabulary: Vocabulary, config: Config) -> tuple[Article, list[str]]:
    """Clean and enrich one seed; warnings come back prefixed with its path."""
    cleaned = clean(seed.text)
    if not cleaned.blocks:
        raise EmptyArticleError("no article text found (only boilerplate or empty)")
    article, warnings = enrich(seed, cleaned, vocabulary, ZoneInfo(config.timezone))
    return article, [f"{seed.path}: {w}" for w in warnings] + unsure_warnings(seed.path, cleaned.doubts)


def process_raw(raw: RawSeed, vocabulary: Vocabulary, config: Config) -> Processed | str:
    """One raw seed all the way to its article and body HTML, or the error message."""
    take_proper_verdicts()  # so that the result carries only the verdicts made for this seed
    try:
        article, warnings = process(parse_seed(raw), vocabulary, config)
    except SeedError as error:
        return str(error)
    except (MetadataError, EmptyArticleError) as error:
        return f"{raw.path}: {error}"
    return Processed.of(article, markdown_to_html(body_markdown(article)), tuple(warnings),
                        tuple(sorted(take_proper_verdicts().items())))


def seed_keys(files: Sequence[SeedFile], cache: BuildCache) -> tuple[dict[str, str], dict[str, RawSeed], list[str]]:
    """Each seed's cache key (shown name -> key), the seeds that had to be read, and read errors.

    A seed whose signature is the one the cache recorded is not read again.
    """
    keys, read, errors = {}, {}, []
    for file in files:
        signature, key = cache.signatures.get(file.shown, (None, None))
        if signature == file.signature and key in cache.processed:
            keys[file.shown] = key
            continue
        try:
            raw = read_raw(Path(file.shown), file.shown, file.dates)
        except SeedError as error:
            errors.append(str(error))
            continue
        keys[file.shown] = seed_key(raw)
        read[file.shown] = raw
    return keys, read, errors


def process_all(keys: dict[str, str], read: dict[str, RawSeed], cache: BuildCache, vocabulary: Vocabulary,
                config: Config, progress: Progress | None) -> tuple[dict[str, Processed], list[str], int]:
    """Every seed's result by key, from the cache where possible; errors; how many were made anew."""
    missing = {key: read[shown] for shown, key in keys.items() if key not in cache.processed}
    for known in cache.processed.values():
        remember_proper(known.proper_nouns)
    if parallel.would_fork(len(missing)):
        load_models()  # once, before the workers fork: they share the loaded tables
    made = share_topics(parallel.map_ordered(process_raw, list(missing.values()), (vocabulary, config), progress,
                                             "seeds"))
    fresh = dict(zip(missing, made))
    results, errors, owners = {}, [], {}
    for key in keys.values():
        result = cache.processed.get(key) or fresh[key]
        if isinstance(result, str):
            errors.append(result)
        elif result.article.id in owners:
            errors.append(f"{result.article.path}: has the same id {result.article.id} as "
                          f"{owners[result.article.id]}; give one of them another name")
        else:
            owners[result.article.id] = result.article.path
            results[key] = result
    return results, errors, len(missing)


def article_digests(results: dict[str, Processed], articles: Sequence[Article]) -> dict[str, str]:
    """What each article shows, hashed: its seed's key plus what collation decided."""
    key_of = {p.article.id + p.article.path: key for key, p in results.items()}
    return {a.id: digest(key_of[a.id + a.path], a.slug, [(t.name, t.slug) for t in a.topics]) for a in articles}


def article_cards(articles: Sequence[Article], digests: dict[str, str], cache: BuildCache,
                  config: Config, env: Environment) -> dict[str, str]:
    """Each article's card HTML by the article's digest, from the cache where that digest is known."""
    known = cache.cards
    return {digests[a.id]: known.get(digests[a.id]) or card_html(env, config, a) for a in articles}


def cache_file(cache: BuildCache, previous: BuildCache) -> Iterator[tuple[str, bytes]]:
    """The cache's bytes, made only when asked for: after the outputs are written, so that its
    30 MB (at 10,000 articles) are not held while they render."""
    yield CACHE_FILE, dump_cache(cache, previous.shelf)


def reusable(outputs: Sequence[Output], cache: BuildCache, out: Path) -> set[str]:
    """Outputs whose fingerprint is unchanged and whose file is still there."""
    folder = os.path.join(out, "")
    return {o.path for o in outputs if cache.outputs.get(o.path) == o.fingerprint and os.path.isfile(folder + o.path)}


def render_all(outputs: Sequence[Output], site: Site, env: Environment,
               progress: Progress | None) -> Iterator[tuple[str, bytes]]:
    rendered = parallel.map_ordered(render_output, outputs, (site, env), progress, "files")
    return zip((o.path for o in outputs), rendered)


def render_site(config: Config, articles: Sequence[Article]) -> dict[str, bytes]:
    """Every output of a site made of `articles`, in memory: no cache, no disk (for tests and tools)."""
    articles = collate(articles)
    env = template_environment(config.templates)
    bodies = {a.id: markdown_to_html(body_markdown(a)) for a in articles}
    digests = {a.id: digest(a) for a in articles}
    cards = Cards(digests, {digests[a.id]: card_html(env, config, a) for a in articles})
    site = make_site(config, articles, bodies, digests, cards, related_articles(related_layout(articles)))
    return {o.path: render_output(o, site, env) for o in plan(site)}


def build(config: Config, strict: bool = False, progress: Progress | None = None) -> BuildReport:
    """Build the whole site into `config.out`; with `strict`, write nothing if any file was skipped."""
    started = time.perf_counter()
    notes = []
    if config.search and not search_available():
        notes.append(f"{config.out}: no search: pagefind is not installed (pip install 'pagefind[extended]')")
        config = replace(config, search=False)
    fingerprint = build_fingerprint(config)
    with loaded_cache(config.out, fingerprint) as cache:
        report = build_from(config, fingerprint, cache, strict, progress)
    return replace(report, warnings=notes + report.warnings, seconds=time.perf_counter() - started)


def build_from(config: Config, fingerprint: str, cache: BuildCache, strict: bool,
               progress: Progress | None) -> BuildReport:
    """The build, given what the previous one left."""
    files, errors = list_seeds(config.seeds)
    keys, read, unreadable = seed_keys(files, cache)
    results, failed, processed = process_all(keys, read, cache, load_vocabulary(config.topics_file), config,
                                             progress)
    errors = sorted(errors + unreadable + failed)
    warnings = [w for p in results.values() for w in p.warnings]
    articles = collate([p.article for p in results.values()])
    topics = {t.slug for a in articles for t in a.topics}
    if strict and errors:
        return BuildReport(len(articles), len(topics), 0, errors, warnings, 0, processed)
    bodies = Bodies(results.values())
    digests = article_digests(results, articles)
    compiled = CompiledTemplates(cache.templates)
    env = template_environment(config.templates, compiled)  # one per build: templates compile once
    cards = article_cards(articles, digests, cache, config, env)
    layout = related_layout(articles)
    site = make_site(config, articles, bodies, digests, Cards(digests, cards), updated_related(*cache.related, layout))
    outputs = plan(site)
    keep = reusable(outputs, cache, config.out)
    todo = [o for o in outputs if o.path not in keep]
    new_cache = BuildCache(fingerprint, results, {o.path: o.fingerprint for o in outputs},
                           cards, {f.shown: (f.signature, keys[f.shown]) for f in files if f.shown in keys},
                           (layout, site.related),
                           compiled.known)
    made = chain(render_all(todo, site, env, progress), cache_file(new_cache, cache))
    protected = (config.seeds, Path.cwd())
    if cache.outputs and not config.search:  # the previous site is trusted: change only what changed
        removed = set(cache.outputs) - {o.path for o in outputs}
        update_site(made, config.out, removed, CACHE_FILE, protected)
    else:  # a new site, or the search index needs the whole site before it goes live
        write_site(made, config.out, protected, keep, index_search if config.search else None)
    return BuildReport(len(articles), len(topics), len(outputs), errors, warnings, len(todo), processed)
