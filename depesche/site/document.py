"""Stage 4, to Markdown: the article as a Markdown document with front matter.

Seed text is escaped so that nothing in it can become markup: Markdown
punctuation gets a backslash, `<` and `&` become entities. The converter
that turns the body into HTML knows only what these documents contain
(paragraphs, `##` subheadings, escapes), which makes it both safe and fast.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import markdown

from ..model import Article, Block

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(?:([#>+=|~-])|(\d+)([.)]))")
INLINE_PATTERNS_KEPT = ("backtick", "escape", "entity")


def escape_markdown(text: str) -> str:
    """Text that Python-Markdown renders as exactly this text."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


@lru_cache(maxsize=1)
def converter() -> markdown.Markdown:
    """One Python-Markdown instance without link, image, HTML and emphasis patterns."""
    md = markdown.Markdown(output_format="html")
    for name in list(md.inlinePatterns._data):
        if name not in INLINE_PATTERNS_KEPT:
            md.inlinePatterns.deregister(name)
    md.preprocessors.deregister("html_block")
    return md


def markdown_to_html(text: str) -> str:
    md = converter()
    md.reset()
    return md.convert(text)


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
