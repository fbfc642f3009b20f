"""Stage 3, enrich: headline, topics, teaser, date, slug and stable id."""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, time, timezone, tzinfo
from typing import Sequence

from slugify import slugify

from .clean.byline import author_in_line
from .clean.headline import headline_text
from .model import Article, Cleaned, CopyDate, Seed, Topic
from .topics.extract import extract_topics
from .topics.vocab import Vocabulary

HEADLINE_MAX_CHARS_DEFAULT = 90
HEADLINE_MIN_WORDS_DEFAULT = 4
TEASER_MAX_CHARS_DEFAULT = 240
SCAN_CHARS_DEFAULT = 2000  # headline and teaser look no further into a paragraph
SLUG_MAX_CHARS_DEFAULT = 80

GERMAN_TRANSLITERATION = [
    ["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"],
]
ABBREVIATIONS = {
    "mio", "mrd", "co", "dr", "prof", "nr", "bzw", "ca", "z.b", "u.a", "usw", "vgl", "etc",
    "st", "abs", "jh", "inkl", "evtl", "ggf", "sog", "hr", "fr", "mr", "mrs", "dt", "str",
}
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"“”»«]?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])")
STEM_ID_RE = re.compile(r"_([0-9a-f]{8,})$")


class MetadataError(ValueError):
    """Sidecar metadata that is present but cannot be used."""


def sentences(text: str) -> list[str]:
    """Split prose into sentences, not breaking after common German abbreviations."""
    parts, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        before = text[start:match.start()].rstrip("\"“”»«")
        last_word = before.rsplit(" ", 1)[-1].rstrip(".").lower()
        if last_word in ABBREVIATIONS or re.fullmatch(r"\d+", last_word):
            continue
        parts.append(text[start:match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(",;:-–") + "…"


def headline_from_text(blocks: Sequence[str]) -> str:
    """A headline for copy that has none: the first sentence or main clause that fits."""
    for paragraph in blocks[:2]:
        for sentence in sentences(paragraph[:SCAN_CHARS_DEFAULT])[:3]:
            for candidate in (sentence, sentence.split(",")[0]):
                candidate = candidate.strip().rstrip(".")
                if (len(candidate) <= HEADLINE_MAX_CHARS_DEFAULT
                        and len(candidate.split()) >= HEADLINE_MIN_WORDS_DEFAULT):
                    return candidate
    return shorten(" ".join(blocks[:1]), HEADLINE_MAX_CHARS_DEFAULT)


def teaser(blocks: Sequence[str]) -> str:
    """The first sentence or two of the body, for cards and feed descriptions."""
    found = sentences(blocks[0][:SCAN_CHARS_DEFAULT]) if blocks else []
    text = ""
    for sentence in found:
        if text and len(text) + len(sentence) + 1 > TEASER_MAX_CHARS_DEFAULT:
            break
        text = f"{text} {sentence}".strip()
    return shorten(text, TEASER_MAX_CHARS_DEFAULT)


def stable_id(stem: str) -> str:
    """The content id at the end of a seed's name, else a hash of the name."""
    match = STEM_ID_RE.search(stem)
    if match:
        return match.group(1)
    return hashlib.sha256(stem.encode("utf-8")).hexdigest()[:16]


def make_slug(title: str) -> str:
    return slugify(title, replacements=GERMAN_TRANSLITERATION, max_length=SLUG_MAX_CHARS_DEFAULT,
                   word_boundary=True) or "artikel"


def topic_slug(name: str) -> str:
    return slugify(name, replacements=GERMAN_TRANSLITERATION) or "thema"


def as_datetime(value: object, zone: tzinfo, key: str) -> datetime:
    """A sidecar date (TOML date, local or offset datetime) as an aware datetime."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=zone)
    raise MetadataError(f"{key} must be a TOML date such as 2014-02-24 or 2014-02-24T09:30:00+01:00")


FALLBACK_DATE_WARNING = "no date in a sidecar or the text; using the git or file date"


def copy_datetime(found: CopyDate, zone: tzinfo) -> datetime:
    """The copy's date as an aware datetime in the site's zone (midnight when no time is written)."""
    hour, minute = found.clock or (0, 0)
    return datetime.combine(found.day, time(hour, minute), tzinfo=zone)


def article_dates(seed: Seed, zone: tzinfo, found: CopyDate | None = None) -> tuple[datetime, datetime, str | None]:
    """(published, updated, warning): from the sidecar, else the copy, else git, else the file's mtime."""
    meta = seed.metadata
    if "date" in meta:
        published = as_datetime(meta["date"], zone, "date")
        updated = as_datetime(meta["updated"], zone, "updated") if "updated" in meta else published
        if updated < published:
            raise MetadataError("updated is earlier than date")
        return published, updated, None
    if found is not None:
        published = copy_datetime(found, zone)
        return published, published, None
    if seed.added and seed.changed:
        return seed.added, seed.changed, FALLBACK_DATE_WARNING
    mtime = seed.modified or datetime(1970, 1, 1, tzinfo=timezone.utc)
    return mtime, mtime, FALLBACK_DATE_WARNING


def text_list(value: object, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MetadataError(f"{key} must be a list of strings")
    return tuple(value)


def metadata_text(seed: Seed, key: str, default: str | None) -> str | None:
    value = seed.metadata.get(key, default)
    if value is not None and not isinstance(value, str):
        raise MetadataError(f"{key} must be a string")
    return value


def byline_author(byline: str | None) -> str | None:
    """The name in a byline the cleaner found away from the headline ("Von Lisa Petrich"),
    if it has one ("Autor: Die Redaktion" names nobody)."""
    found = author_in_line(byline) if byline else None
    return found[0] if found else None


def enrich(seed: Seed, cleaned: Cleaned, vocabulary: Vocabulary, zone: tzinfo) -> tuple[Article, list[str]]:
    """Turn the cleaner's parts into an Article; also return warnings."""
    paragraphs = [b.text for b in cleaned.blocks if b.role == "paragraph"]
    title = metadata_text(seed, "title", headline_text(cleaned.title) if cleaned.title else None)
    generated = title is None
    if title is None:
        title = headline_from_text(paragraphs)
    found = cleaned.author.name if cleaned.author else byline_author(cleaned.byline)
    author = metadata_text(seed, "author", found)
    if "topics" in seed.metadata:
        names = list(text_list(seed.metadata["topics"], "topics"))
    else:
        names = extract_topics(title, [b.text for b in cleaned.blocks], vocabulary)
    published, updated, warning = article_dates(seed, zone, cleaned.dated)
    published, updated = published.astimezone(zone), updated.astimezone(zone)
    article = Article(
        id=stable_id(seed.stem),
        path=seed.path,
        title=title,
        title_generated=generated,
        kicker=metadata_text(seed, "kicker", cleaned.kicker),
        author=author,
        blocks=cleaned.blocks,
        credits=cleaned.credits,
        source=metadata_text(seed, "source", cleaned.source),
        topics=tuple(Topic(name, topic_slug(name)) for name in names),
        teaser=teaser(paragraphs),
        published=published,
        updated=updated,
        slug=make_slug(title),
        words=sum(len(b.text.split()) for b in cleaned.blocks),
    )
    return article, [warning] if warning else []
