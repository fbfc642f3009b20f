"""What each stage of the build reads besides the seeds, hashed: one fingerprint per stage.

A change invalidates only the stages that read what changed. Cleaning reads the
seed and the cleaner's code; tagging adds the tagger's code, the topic vocabulary
and the time zone; pages add the templates and the settings; feeds add the
settings but no template; an article's card reads its own templates only. So a template edit re-renders pages but cleans, tags
and writes feeds for no article again, and a vocabulary edit re-tags but does not
re-clean. Code is hashed by what the files hold, not where they are.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from itertools import chain
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, TemplateError, meta

from ..config import Config

CACHE_FORMAT = 9
PACKAGE = Path(__file__).resolve().parent.parent  # depesche/
CLEANING_CODE = ("clean", "read.py", "model.py")
RENDERING_ONLY_CODE = ("site", "feeds", "commands")  # not read when an article is made
BODY_CODE = ("site/document.py",)  # the body's HTML is made with the article
CARD_TEMPLATE = "_card.html"
FEED_KINDS = frozenset({"feed", "opml", "sitemap", "robots"})  # outputs made without templates


def digest(*parts: object) -> str:
    """A short stable hash of the parts: bytes as they are (a repr of a file's bytes is slow),
    the rest in one repr that also says where each bytes part stood and how long it was."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        if isinstance(part, bytes):
            hashed.update(part)
    shape = tuple(("<bytes>", len(part)) if isinstance(part, bytes) else part for part in parts)
    hashed.update(repr(shape).encode("utf-8"))
    return hashed.hexdigest()


def files_digest(folder: Path, pattern: str, only: tuple[str, ...] = (), without: tuple[str, ...] = ()) -> str:
    """A hash of every file below `folder` matching `pattern`, names and bytes; with `only`, of
    the files below those relative paths; `without` leaves those out."""
    paths = sorted(p for p in folder.rglob(pattern) if p.is_file()) if folder.is_dir() else []
    names = [(str(p.relative_to(folder)), p) for p in paths]
    names = [(n, p) for n, p in names if (not only or n.startswith(only)) and not n.startswith(without)]
    return digest(*chain.from_iterable((name, path.read_bytes()) for name, path in names))


def settings_digest(config: Config) -> str:
    """The settings, without the paths they name (what those hold is hashed where it is read)."""
    return digest(replace(config, seeds=Path(), out=Path(), templates=Path(), topics_file=Path(), cache=Path()))


def templates_reached(folder: Path, name: str) -> list[str] | None:
    """The templates that rendering `name` reads (it and what it includes, imports or extends);
    None if that cannot be known (a name computed while rendering, a broken template)."""
    env, todo, seen = Environment(loader=FileSystemLoader(folder)), [name], set()
    try:
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += meta.find_referenced_templates(env.parse(env.loader.get_source(env, current)[0]))
    except (TemplateError, TypeError):
        return None
    return None if None in seen else sorted(seen)


def card_templates_digest(folder: Path) -> str:
    """The templates of an article's card, hashed; all templates if they cannot be told apart."""
    names = templates_reached(folder, CARD_TEMPLATE)
    if names is None:
        return files_digest(folder, "*")
    return digest(*chain.from_iterable((name, (folder / name).read_bytes()) for name in names))


def stage_fingerprints(config: Config) -> dict[str, str]:
    """Stage name -> the hash of what it reads besides the seed."""
    vocabulary = config.topics_file.read_bytes() if config.topics_file.is_file() else b""
    data = files_digest(PACKAGE / "data", "*")  # stop words, the cleaner's line model
    all_code = digest(files_digest(PACKAGE, "*.py"), data)
    article_code = digest(files_digest(PACKAGE, "*.py", without=RENDERING_ONLY_CODE),
                          files_digest(PACKAGE, "*.py", only=BODY_CODE), data)
    settings = settings_digest(config)
    return {
        "clean": digest(CACHE_FORMAT, files_digest(PACKAGE, "*.py", only=CLEANING_CODE), data),
        "words": digest(CACHE_FORMAT, article_code),
        "article": digest(CACHE_FORMAT, article_code, vocabulary, config.timezone),
        "pages": digest(CACHE_FORMAT, all_code, files_digest(config.templates, "*"), settings),
        "cards": digest(CACHE_FORMAT, all_code, card_templates_digest(config.templates), settings),
        "feeds": digest(CACHE_FORMAT, all_code, settings),
    }


def output_stage(kind: str) -> str:
    """The stage whose fingerprint an output of this kind depends on."""
    return "feeds" if kind in FEED_KINDS else "pages"
