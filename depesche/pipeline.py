"""The build, stage by stage: read -> clean -> enrich -> to_markdown -> render -> feeds -> write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from .clean import clean
from .collate import collate
from .config import Config
from .enrich import MetadataError, enrich
from .feeds import render_feeds
from .model import Article, Seed
from .read import read_seeds
from .render import render_pages, template_environment
from .topics import Vocabulary, load_vocabulary
from .write import write_site


class EmptyArticleError(ValueError):
    """A seed in which the cleaner found no article text."""


@dataclass(frozen=True)
class BuildReport:
    articles: int
    topics: int
    files: int  # files written; 0 when nothing was written
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def process(seed: Seed, vocabulary: Vocabulary, config: Config) -> tuple[Article, list[str]]:
    """Clean and enrich one seed; warnings come back prefixed with its path."""
    cleaned = clean(seed.text)
    if not cleaned.blocks:
        raise EmptyArticleError("no article text found (only boilerplate or empty)")
    article, warnings = enrich(seed, cleaned, vocabulary, ZoneInfo(config.timezone))
    return article, [f"{seed.path}: {w}" for w in warnings]


def build_articles(config: Config) -> tuple[list[Article], list[str], list[str]]:
    """Read and process every seed: (articles, errors, warnings)."""
    vocabulary = load_vocabulary(config.topics_file)
    seeds, errors = read_seeds(config.seeds)
    articles, warnings = [], []
    for seed in seeds:
        try:
            article, found = process(seed, vocabulary, config)
        except (MetadataError, EmptyArticleError) as error:
            errors.append(f"{seed.path}: {error}")
            continue
        articles.append(article)
        warnings.extend(found)
    return collate(articles), errors, warnings


def build(config: Config, strict: bool = False) -> BuildReport:
    """Build the whole site into `config.out`; with `strict`, write nothing if any file was skipped."""
    articles, errors, warnings = build_articles(config)
    topics = {t.slug for a in articles for t in a.topics}
    if strict and errors:
        return BuildReport(len(articles), len(topics), 0, errors, warnings)
    outputs = [
        *render_pages(articles, config, template_environment(config.templates)),
        *render_feeds(articles, config),
    ]
    write_site(outputs, config.out, protected=(config.seeds, Path.cwd()))
    return BuildReport(len(articles), len(topics), len(outputs), errors, warnings)
