"""Topic tags: what an article is about, spelled the same way across the site.

A first honest method: recurring capitalised names and terms, weighted by the
headline, folded from compounds ("WhatsApp-Nutzern" -> "WhatsApp"), merged
with the site's topic vocabulary (`topics.toml`).
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

MIN_TOPICS_DEFAULT = 2
MAX_TOPICS_DEFAULT = 6
HEADLINE_WEIGHT_DEFAULT = 3
MIN_SCORE_DEFAULT = 3

TOKEN_RE = re.compile(r"[A-Za-zÄÖÜäöüß0-9]+(?:-[A-Za-zÄÖÜäöüß0-9]+)*")


class VocabularyError(ValueError):
    """A topic vocabulary that cannot be used; the message names file and line."""


@dataclass(frozen=True)
class Vocabulary:
    """Canonical topic names, the words that point to them, and tags never to emit."""

    aliases: dict[str, str] = field(default_factory=dict)  # lower-case alias -> canonical name
    blocked: frozenset[str] = frozenset()  # lower-case


def load_vocabulary(path: Path) -> Vocabulary:
    """Read `topics.toml`: [[topic]] tables with name and aliases, and a block list."""
    if not path.exists():
        return Vocabulary()
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise VocabularyError(f"{path}: {error}") from None
    aliases: dict[str, str] = {}
    for number, entry in enumerate(data.get("topic", []), start=1):
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise VocabularyError(f"{path}: topic #{number} has no name")
        for alias in [name, *entry.get("aliases", [])]:
            aliases[alias.lower()] = name
    blocked = frozenset(word.lower() for word in data.get("block", []))
    return Vocabulary(aliases=aliases, blocked=blocked)


def candidates(text: str) -> list[str]:
    """Capitalised tokens, with hyphenated compounds folded onto their first part."""
    found = []
    for token in TOKEN_RE.findall(text):
        head = token.split("-")[0] if "-" in token else token
        if len(head) > 1 and (head[0].isupper() or any(c.isupper() for c in head[1:])):
            found.append(head)
    return found


def extract_topics(title: str, blocks: Sequence[str], vocabulary: Vocabulary) -> list[str]:
    """Topic names for one article, best first."""
    scores: Counter[str] = Counter()
    for weight, text in [(HEADLINE_WEIGHT_DEFAULT, title), *((1, b) for b in blocks)]:
        for token in candidates(text):
            scores[token] += weight
        lowered = text.lower()
        for alias, name in vocabulary.aliases.items():
            if re.search(rf"(?<!\w){re.escape(alias)}", lowered):
                scores[name] += weight
    ranked = [
        vocabulary.aliases.get(name.lower(), name)
        for name, score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if score >= MIN_SCORE_DEFAULT and name.lower() not in vocabulary.blocked
    ]
    unique = list(dict.fromkeys(ranked))
    return unique[:MAX_TOPICS_DEFAULT]
