"""Topic tags: what an article is about, spelled the same way across the site.

The tagger finds mentions (vocabulary topics, multi-word names, names and
nouns folded to their base) and ranks them by where and how often they stand
and how specific they are. Models load lazily from installed packages.
"""
from __future__ import annotations

from typing import Sequence

from .topics_mentions import Mention, mentions
from .topics_rank import Settings, rank
from .topics_vocab import Vocabulary, VocabularyError, load_vocabulary

__all__ = ["Mention", "Settings", "Vocabulary", "VocabularyError", "extract_topics", "load_models",
           "load_vocabulary"]


def load_models() -> None:
    """Load HanTa and make sure the word table exists, once, before workers fork and share them."""
    from .topics_lang import dictionary, hanta

    dictionary().get("Haus")
    hanta()


def extract_topics(title: str, blocks: Sequence[str], vocabulary: Vocabulary,
                   settings: Settings = Settings()) -> list[str]:
    """Topic names for one article, best first."""
    return rank(mentions(title, blocks, vocabulary), vocabulary, settings)
