"""Stage 4, to Markdown: the article as a Markdown document with front matter.

Seed text is escaped so that nothing in it can become markup: Markdown
punctuation gets a backslash, `<` and `&` become entities.
"""
from __future__ import annotations

import json
import re

from .model import Article, Block

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Text that Python-Markdown renders as exactly this text."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_NUMBER.sub(r"\1\\\2", text)


def block_markdown(block: Block) -> str:
    text = escape_markdown(block.text)
    return f"## {text}" if block.role == "subheading" else text


def body_markdown(article: Article) -> str:
    """The body alone, as the pages render it."""
    return "\n\n".join(block_markdown(b) for b in article.blocks) + "\n"


def front_matter(article: Article) -> str:
    """YAML front matter; every value is written as JSON, which YAML reads."""
    fields = {
        "id": article.id,
        "title": article.title,
        "kicker": article.kicker,
        "author": article.author,
        "date": article.published.isoformat(),
        "updated": article.updated.isoformat(),
        "slug": article.slug,
        "topics": [t.name for t in article.topics],
        "credits": list(article.credits),
        "source": article.source,
        "seed": article.path,
    }
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()
             if value not in (None, [])]
    return "---\n" + "\n".join(lines) + "\n---\n"


def to_markdown(article: Article) -> str:
    """The whole document: front matter, headline, body."""
    return f"{front_matter(article)}\n# {escape_markdown(article.title)}\n\n{body_markdown(article)}"
