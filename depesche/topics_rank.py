"""Ranking: from mentions to at most a handful of distinct tags, best first."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from .topics_lang import fold, zipf
from .topics_mentions import Mention
from .topics_vocab import Vocabulary

MIN_TOPICS_DEFAULT = 2
MAX_TOPICS_DEFAULT = 6
HEADLINE_WEIGHT_DEFAULT = 3.0
LEDE_WEIGHT_DEFAULT = 1.5
KIND_WEIGHTS_DEFAULT = (("topic", 1.5), ("name", 1.0), ("noun", 0.6))
COMMON_ZIPF_DEFAULT = 3.0  # words more common than this lose weight...
ZIPF_PENALTY_DEFAULT = 0.35  # ...by this share per zipf point (common nouns)
NAME_ZIPF_PENALTY_DEFAULT = 0.1  # (names and the site's topics)
MIN_SHARE_DEFAULT = 0.15  # a tag needs this share of the best tag's score
MIN_LENGTH_DEFAULT = 3


@dataclass(frozen=True)
class Settings:
    """The ranking's knobs; the defaults are what the benchmark cross-validates."""

    headline_weight: float = HEADLINE_WEIGHT_DEFAULT
    lede_weight: float = LEDE_WEIGHT_DEFAULT
    kind_weights: tuple[tuple[str, float], ...] = KIND_WEIGHTS_DEFAULT
    common_zipf: float = COMMON_ZIPF_DEFAULT
    zipf_penalty: float = ZIPF_PENALTY_DEFAULT
    name_zipf_penalty: float = NAME_ZIPF_PENALTY_DEFAULT
    min_share: float = MIN_SHARE_DEFAULT
    min_topics: int = MIN_TOPICS_DEFAULT
    max_topics: int = MAX_TOPICS_DEFAULT


@dataclass
class Candidate:
    name: str
    kind: str
    count: float = 0.0
    spellings: dict[str, float] = field(default_factory=dict)


def place_weight(block: int, settings: Settings) -> float:
    if block == 0:
        return settings.headline_weight
    return settings.lede_weight if block == 1 else 1.0


def gather(found: Sequence[Mention], vocabulary: Vocabulary, settings: Settings) -> dict[str, Candidate]:
    """Sum weighted mentions per folded name; the site's spelling wins, else the commonest."""
    table: dict[str, Candidate] = {}
    for mention in found:
        name = vocabulary.canonical(mention.name)
        kind = "topic" if name != mention.name else mention.kind
        candidate = table.setdefault(fold(name), Candidate(name, kind))
        weight = place_weight(mention.block, settings)
        candidate.count += weight
        candidate.spellings[name] = candidate.spellings.get(name, 0.0) + weight
        if kind == "topic" or (kind == "name" and candidate.kind == "noun"):
            candidate.kind = kind
    for candidate in table.values():
        if candidate.kind != "topic":
            candidate.name = max(candidate.spellings, key=lambda s: (candidate.spellings[s], s))
    return table


def fold_variants(table: dict[str, Candidate]) -> None:
    """Genitives and one-word names join their fuller form ("Facebooks", "Koum" -> "Jan Koum")."""
    longer = defaultdict(list)
    for key in table:
        words = key.split()
        if len(words) > 1:
            for word in words:
                longer[word].append(key)
    for key in sorted(table, key=len):
        target = None
        if key.endswith("s") and key[:-1] in table:
            target = key[:-1]
        elif len(longer.get(key, [])) == 1 and table[key].kind != "topic":
            target = longer[key][0]
        if target and target in table:
            table[target].count += table.pop(key).count


def score(candidate: Candidate, settings: Settings) -> float:
    """Weighted count, times the kind's weight, less for words everybody uses."""
    kinds = dict(settings.kind_weights)
    common = 0.0
    if " " not in candidate.name:
        penalty = settings.zipf_penalty if candidate.kind == "noun" else settings.name_zipf_penalty
        common = max(0.0, zipf(candidate.name) - settings.common_zipf) * penalty
    return candidate.count * kinds.get(candidate.kind, 1.0) * max(0.05, 1.0 - common)


def rank(found: Sequence[Mention], vocabulary: Vocabulary, settings: Settings = Settings()) -> list[str]:
    """The best distinct, unblocked tags: at least `min_topics` if there are that many."""
    table = gather(found, vocabulary, settings)
    fold_variants(table)
    scored = sorted(((score(c, settings), c.name) for key, c in table.items()
                     if key not in vocabulary.blocked and len(key) >= MIN_LENGTH_DEFAULT),
                    key=lambda pair: (-pair[0], pair[1]))
    if not scored:
        return []
    best = scored[0][0]
    return [name for i, (value, name) in enumerate(scored[:settings.max_topics])
            if i < settings.min_topics or value >= settings.min_share * best]
