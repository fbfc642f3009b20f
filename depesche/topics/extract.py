"""Topic tags: what an article is about, spelled the same way across the site.

The tagger finds mentions (vocabulary topics, multi-word names, names and
nouns folded to their base) and ranks them by where and how often they stand
and how specific they are. Models load lazily from installed packages.
"""
from __future__ import annotations

from typing import Sequence

from .mentions import mentions
from .rank import rank
from .settings import Settings
from .vocab import Vocabulary


def load_models() -> None:
    """Load HanTa and make sure the word table exists, once, before workers fork and share them."""
    from .lang import dictionary, hanta

    dictionary().get("Haus")
    hanta()


def extract_topics(title: str, blocks: Sequence[str], vocabulary: Vocabulary,
                   settings: Settings = Settings()) -> list[str]:
    """Topic names for one article, best first."""
    return rank(mentions(title, blocks, vocabulary), vocabulary, settings)
