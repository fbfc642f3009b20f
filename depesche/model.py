"""The values that flow through the pipeline: a raw seed in, an article out."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Mapping, NamedTuple


@dataclass(frozen=True)
class RawSeed:
    """A seed as it lies on disk: its bytes, its sidecar's bytes, its dates."""

    path: str
    stem: str
    data: bytes
    sidecar: bytes | None
    added: datetime | None
    changed: datetime | None
    modified: datetime | None


@dataclass(frozen=True)
class Seed:
    """A raw article file as read from disk, decoded and normalised."""

    path: str  # as shown in messages, e.g. "seeds/000_e9d8.txt"
    stem: str  # file name without ".txt"
    text: str
    metadata: Mapping[str, object] = field(default_factory=dict)  # from the sidecar
    added: datetime | None = None  # commit that added the file (git)
    changed: datetime | None = None  # newest commit that touched it (git)
    modified: datetime | None = None  # file system modification time


@dataclass(frozen=True)
class Block:
    """One body block: a paragraph or a subheading."""

    role: str  # "paragraph" | "subheading"
    text: str


@dataclass(frozen=True)
class Verdict:
    """What the cleaner decided about one input line, and which rule decided it."""

    line_no: int
    text: str
    label: str  # e.g. "paragraph", "title", "credit", "boilerplate"
    rule: str

    @property
    def kept(self) -> bool:
        return self.label in KEPT_LABELS


KEPT_LABELS = frozenset({"title", "kicker", "byline", "credit", "paragraph", "subheading"})


class CopyDate(NamedTuple):
    """A date found in the copy: the day, the time if written, and where and by which rule."""

    day: date
    clock: tuple[int, int] | None  # (hour, minute)
    line_no: int
    rule: str
    written: str


class CopyAuthor(NamedTuple):
    """An author named in the copy, and where and by which rule."""

    name: str
    line_no: int
    rule: str


@dataclass(frozen=True)
class Cleaned:
    """The article's parts as the cleaner found them, plus its line verdicts."""

    title: str | None
    kicker: str | None
    byline: str | None
    blocks: tuple[Block, ...]
    credits: tuple[str, ...] = ()
    source: str | None = None
    verdicts: tuple[Verdict, ...] = ()
    doubts: tuple[str, ...] = ()  # why the cleaner may have missed the article (clean/doubts.py); empty when sure
    dated: CopyDate | None = None  # the article's date as the copy writes it
    author: CopyAuthor | None = None  # its author as the copy names them


class Topic(NamedTuple):
    """A tag as the site shows it. A tuple, so that collation's many comparisons and lookups
    of topics run in C."""

    name: str
    slug: str


@dataclass(frozen=True)
class Article:
    id: str  # stable across edits of headline, slug, date and base URL
    path: str  # the seed it came from
    title: str
    title_generated: bool
    kicker: str | None
    author: str | None
    blocks: tuple[Block, ...]  # empty once the body is rendered (the build keeps the body's HTML)
    credits: tuple[str, ...]
    source: str | None
    topics: tuple[Topic, ...]
    teaser: str
    published: datetime
    updated: datetime
    slug: str
    words: int  # in the body, for the reading time
