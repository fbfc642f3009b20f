"""The site's topic vocabulary (`topics.toml`): names, aliases, keywords, blocked tags.

Errors name the file and the line, compiler style: `topics.toml:7: ...`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .lang import fold

TOP_KEYS = {"block", "topic"}
TOPIC_KEYS = {"name", "aliases", "keywords"}
TOML_LINE_RE = re.compile(r"^(.*?)\s*\(at line (\d+), column \d+\)$")
INFLECTION = "(?:s|e|n|en|er|es|ern|ns)?"
TOPIC_HEADER_RE = re.compile(r"^\s*\[\[\s*topic\s*\]\]")


class VocabularyError(ValueError):
    """A topic vocabulary that cannot be used; the message names file and line."""


@dataclass(frozen=True)
class Vocabulary:
    """Canonical topic names and the folded words that point to them."""

    aliases: dict[str, str] = field(default_factory=dict)  # folded name or alias -> canonical name
    keywords: dict[str, str] = field(default_factory=dict)  # folded keyword -> canonical name
    blocked: frozenset[str] = frozenset()  # folded tags never to emit
    matcher: re.Pattern[str] | None = None  # finds any alias or keyword, inflected, in text

    def lookup(self, word: str) -> str:
        """The topic an alias or keyword points to."""
        key = fold(word)
        return self.aliases.get(key) or self.keywords.get(key, word)

    def canonical(self, name: str) -> str:
        """The site's spelling of a tag, if the vocabulary knows it."""
        return self.aliases.get(fold(name), name)


def build_matcher(words: list[str]) -> re.Pattern[str] | None:
    """One case-blind pattern for all words, longest first, allowing inflection endings."""
    if not words:
        return None
    options = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w-])({options}){INFLECTION}(?![\w])", re.IGNORECASE)


def key_line(lines: list[str], key: str, start: int = 0, stop: int | None = None) -> int:
    """The 1-based line where `key = ...` or `[key]` is set between two lines, else `start + 1`."""
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}\s*=|\[+\s*{re.escape(key)}\s*\])")
    for number in range(start, len(lines) if stop is None else stop):
        if pattern.match(lines[number]):
            return number + 1
    return start + 1


def string_list(value: object, where: str, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise VocabularyError(f"{where}: {what} must be a list of non-empty strings")
    return value


def parse_toml(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = TOML_LINE_RE.match(str(error))
        if match:
            raise VocabularyError(f"{path}:{match.group(2)}: {match.group(1)}") from None
        raise VocabularyError(f"{path}: {error}") from None


def add_words(table: dict[str, str], words: list[str], name: str, where: str) -> None:
    """Point each folded word at `name`; one word cannot mean two topics."""
    for word in words:
        key = fold(word)
        if table.get(key, name) != name:
            raise VocabularyError(f"{where}: {word!r} already belongs to topic {table[key]!r}")
        table[key] = name


def read_topics(path: Path, lines: list[str], topics: object) -> tuple[dict, dict, list[str]]:
    """The [[topic]] tables as (aliases, keywords) maps, and every word as written."""
    if not isinstance(topics, list) or not all(isinstance(entry, dict) for entry in topics):
        raise VocabularyError(f"{path}:{key_line(lines, 'topic')}: topic must be [[topic]] tables")
    headers = [n for n, line in enumerate(lines) if TOPIC_HEADER_RE.match(line)]
    aliases: dict[str, str] = {}
    keywords: dict[str, str] = {}
    written: list[str] = []
    for index, entry in enumerate(topics):
        start = headers[index] if index < len(headers) else 0
        stop = headers[index + 1] if index + 1 < len(headers) else None
        where = f"{path}:{start + 1}"
        unknown = sorted(set(entry) - TOPIC_KEYS)
        if unknown:
            line = key_line(lines, unknown[0], start, stop)
            raise VocabularyError(f"{path}:{line}: unknown key {unknown[0]!r} (expected one of {sorted(TOPIC_KEYS)})")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise VocabularyError(f"{where}: topic has no name (add name = \"...\")")
        words = {k: string_list(entry.get(k, []), f"{path}:{key_line(lines, k, start, stop)}", k)
                 for k in ("aliases", "keywords")}
        add_words(aliases, [name, *words["aliases"]], name, where)
        add_words(keywords, words["keywords"], name, where)
        written += [name, *words["aliases"], *words["keywords"]]
    return aliases, keywords, written


def load_vocabulary(path: Path) -> Vocabulary:
    """Read `topics.toml`; a missing file is an empty vocabulary."""
    if not path.exists():
        return Vocabulary()
    text = path.read_text(encoding="utf-8")
    data, lines = parse_toml(path, text), text.splitlines()
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        line = key_line(lines, unknown[0])
        raise VocabularyError(f"{path}:{line}: unknown key {unknown[0]!r} (expected block or [[topic]])")
    blocked = string_list(data.get("block", []), f"{path}:{key_line(lines, 'block')}", "block")
    aliases, keywords, written = read_topics(path, lines, data.get("topic", []))
    return Vocabulary(aliases=aliases, keywords=keywords, blocked=frozenset(fold(b) for b in blocked),
                      matcher=build_matcher(written))
