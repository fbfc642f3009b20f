"""The build, stage by stage: read -> clean -> enrich -> to_markdown -> render -> feeds -> write.

`build_from` at the end of this module is the table of contents: one call per stage.
A build is incremental: seeds whose bytes, sidecar and dates are unchanged take
their article from the cache, and outputs whose inputs are unchanged keep
their bytes; `Reuse` (cache.py) is all the stages ask of the cache. With many seeds or outputs the work is spread over processes;
the result is the same byte for byte.
"""
from __future__ import annotations

import pickle
import time
import zlib
from functools import partial
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Mapping, Sequence
from zoneinfo import ZoneInfo

from jinja2 import Environment

from ..config import Config
from ..model import Article, Cleaned, RawSeed, Seed
from ..read import SeedError, SeedFile, parse_seed, read_raw
from ..site.collate import collate, topic_index
from ..site.plan import Cards, Output, Site, make_site, plan, render_output
from ..site.related import related_articles, related_layout
from ..site.render import card_html, template_environment
from ..site.search import index_search, search_available
from ..topics.lang import remember_proper, take_proper_verdicts
from ..topics.vocab import Vocabulary, load_vocabulary
from . import parallel
from .cache import (
    CACHE_FILE, Processed, Reuse, dump_cache, load_cache, seed_key, share_topics,
)
from .delta import unmoved_edit
from .fingerprints import digest, stage_fingerprints
from .memory import KeptCache, reuse_from
from .planning import edit_plan, full_plan
from .write import update_site, write_file, write_site

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class EmptyArticleError(ValueError):
    """A seed in which the cleaner found no article text."""


UNSURE = "cleaner unsure of the article: "  # starts the warning about an article the cleaner doubts


def unsure_warnings(path: str, doubts: tuple[str, ...]) -> list[str]:
    """One warning per doubt of the cleaner, pointing at the command that shows its verdicts."""
    return [f"{path}: {UNSURE}{doubt}; see python build.py clean --explain {path}" for doubt in doubts]


def unsure_articles(config: Config) -> list[str]:
    """The warnings about doubted articles that the last build recorded (none without its cache)."""
    cache = load_cache(config.cache, stage_fingerprints(config))
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


def pack_cleaned(cleaned: Cleaned) -> bytes:
    return zlib.compress(pickle.dumps(replace(cleaned, verdicts=()), pickle.HIGHEST_PROTOCOL), 1)


def unpack_cleaned(packed: bytes) -> Cleaned:
    return pickle.loads(zlib.decompress(packed))


def process(seed: Seed, vocabulary: Vocabulary, config: Config,
            cleaned: Cleaned | None = None) -> tuple[Article, list[str]]:
    """Clean (unless the cleaner's parts are given) and enrich one seed; warnings come back prefixed with its path."""
    from ..clean.cleaner import clean  # imported by the first seed to make, not by a build that takes all from the cache
    from ..enrich import enrich

    cleaned = cleaned or clean(seed.text)
    if not cleaned.blocks:
        raise EmptyArticleError("no article text found (only boilerplate or empty)")
    article, warnings = enrich(seed, cleaned, vocabulary, ZoneInfo(config.timezone))
    return article, [f"{seed.path}: {w}" for w in warnings] + unsure_warnings(seed.path, cleaned.doubts)


def process_raw(raw: RawSeed, vocabulary: Vocabulary, config: Config,
                known: Mapping[str, bytes] = {}) -> Processed | str:
    """One raw seed all the way to its article and body HTML, or the error message; `known`
    holds what the cleaner made of seeds before (by seed key), which need not be cleaned again."""
    from ..clean.cleaner import clean
    from ..enrich import MetadataError
    from ..site.document import body_markdown, markdown_to_html

    take_proper_verdicts()  # so that the result carries only the verdicts made for this seed
    packed = known.get(seed_key(raw)) if known else None
    try:
        seed = parse_seed(raw)
        cleaned = unpack_cleaned(packed) if packed else clean(seed.text)
        article, warnings = process(seed, vocabulary, config, cleaned)
    except SeedError as error:
        return str(error)
    except (MetadataError, EmptyArticleError) as error:
        return f"{raw.path}: {error}"
    return Processed.of(article, markdown_to_html(body_markdown(article)), tuple(warnings),
                        tuple(sorted(take_proper_verdicts().items())), packed or pack_cleaned(cleaned))


def seed_keys(files: Sequence[SeedFile], reuse: Reuse) -> tuple[dict[str, str], dict[str, RawSeed], list[str]]:
    """Each seed's cache key (shown name -> key), the seeds that had to be read, and read errors.

    A seed that the last build saw unchanged is not read again.
    """
    keys, read, errors = {}, {}, []
    for file in files:
        key = reuse.seed_key(file)
        if key is not None:
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


def process_all(keys: dict[str, str], read: dict[str, RawSeed], reuse: Reuse, vocabulary: Vocabulary,
                config: Config, progress: Progress | None) -> tuple[dict[str, Processed], list[str], int]:
    """Every seed's result by key, from the last build where possible; errors; how many were made anew."""
    known = {key: reuse.result(key) for key in keys.values()}
    missing = {key: read[shown] for shown, key in keys.items() if known[key] is None}
    for proper_nouns in reuse.proper_nouns():
        remember_proper(proper_nouns)
    if parallel.would_fork(len(missing)):  # import and load once, before the workers fork: they share it all
        from .. import enrich  # noqa: F401 - imported for the workers
        from ..clean import cleaner  # noqa: F401
        from ..site import document  # noqa: F401
        from ..topics.extract import load_models

        load_models()
    made = share_topics(parallel.map_ordered(process_raw, list(missing.values()),
                                             (vocabulary, config, reuse.cleaned()), progress, "seeds"))
    fresh = dict(zip(missing, made))
    results, errors, owners = {}, [], {}
    for key in keys.values():
        result = known[key] or fresh[key]
        if isinstance(result, str):
            errors.append(result)
        elif result.article.id in owners:
            errors.append(f"{result.article.path}: has the same id {result.article.id} as "
                          f"{owners[result.article.id]}; give one of them another name")
        else:
            owners[result.article.id] = result.article.path
            results[key] = result
    return results, errors, len(missing)


def write_outputs(made: Iterator[tuple[str, bytes]], outputs: Mapping[str, tuple], unchanged: set[str],
                  reuse: Reuse, config: Config) -> None:
    """Into the last site, only what changed, when it can be trusted; else a whole new site."""
    protected = (config.seeds, config.cache, Path.cwd())
    removed = reuse.removed(outputs)
    if removed is not None and not config.search:
        update_site(made, config.out, removed, protected, partial(Path.unlink, config.cache / CACHE_FILE, True))
    else:  # a new site, or the search index needs the whole site before it goes live
        write_site(made, config.out, protected, unchanged, index_search if config.search else None)


def render_all(outputs: Sequence[Output], site: Site, env: Environment,
               progress: Progress | None) -> Iterator[tuple[str, bytes]]:
    rendered = parallel.map_ordered(render_output, outputs, (site, env), progress, "files")
    return zip((o.path for o in outputs), rendered)


def render_site(config: Config, articles: Sequence[Article]) -> dict[str, bytes]:
    """Every output of a site made of `articles`, in memory: no cache, no disk (for tests and tools)."""
    from ..site.document import body_markdown, markdown_to_html

    articles = collate(articles)
    env = template_environment(config.templates)
    bodies = {a.id: markdown_to_html(body_markdown(a)) for a in articles}
    digests = {a.id: digest(a) for a in articles}
    cards = Cards(digests, {digests[a.id]: card_html(env, config, a) for a in articles})
    site = make_site(config, articles, bodies, digests, cards, related_articles(related_layout(articles)))
    return {o.path: render_output(o, site, env) for o in plan(site)}


def build(config: Config, strict: bool = False, progress: Progress | None = None,
          kept: KeptCache | None = None) -> BuildReport:
    """Build the whole site into `config.out`; with `strict`, write nothing if any file was skipped.
    With `kept`, the last build's cache comes from memory and stays there (`kept.save()` writes it)."""
    started = time.perf_counter()
    notes = []
    if config.search and not search_available():
        notes.append(f"{config.out}: no search: pagefind is not installed (pip install 'pagefind[extended]')")
        config = replace(config, search=False)
    held = kept or KeptCache()
    try:
        with reuse_from(config, kept) as reuse:
            report = build_from(config, reuse, strict, progress, held)
    except BaseException:
        held.forget()
        raise
    if kept is None:
        held.save()
    return replace(report, warnings=notes + report.warnings, seconds=time.perf_counter() - started)


def build_from(config: Config, reuse: Reuse, strict: bool, progress: Progress | None, kept: KeptCache) -> BuildReport:
    """The stages in order; `reuse` answers what the last build made that still holds."""
    listing = kept.seeds(config.seeds)
    files, unlisted = listing.files, listing.errors
    keys, read, unreadable = seed_keys(files, reuse)
    vocabulary = load_vocabulary(config.topics_file)
    results, failed, processed = process_all(keys, read, reuse, vocabulary, config, progress)
    errors = sorted(unlisted + unreadable + failed)
    warnings = [w for p in results.values() for w in p.warnings]
    if strict and errors:
        articles = collate([p.article for p in results.values()])
        return BuildReport(len(articles), len(topic_index(articles)), 0, errors, warnings, 0, processed)
    edit = unmoved_edit(reuse.last.state, reuse.last_keys(), keys, reuse.last.processed, results)
    planned = edit_plan(config, edit, results, reuse) if edit else full_plan(config, results, reuse)
    write_outputs(render_all(planned.todo, planned.site, planned.env, progress), planned.fingerprints,
                  planned.unchanged, reuse, config)
    cache = reuse.next_cache(results, files, keys, planned.fingerprints, planned.state)
    kept.hold(cache, lambda: write_file(config.cache / CACHE_FILE, dump_cache(cache)), listing)
    return BuildReport(len(planned.site.articles), len(planned.site.topics), len(planned.fingerprints), errors,
                       warnings, len(planned.todo), processed)
