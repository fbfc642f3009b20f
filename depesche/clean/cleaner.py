"""Stage 2, clean: separate the article from the boilerplate around it.

The shape follows jusText: a first pass (rules.py) labels every line on its own
with an ordered ladder of named rules, and marks author boxes, which a name line and
the bio below it reveal; a context pass (settle.py, with the span of span.py and the
edge and trailer rules of context.py) then finds where the article begins and ends and settles
the lines that only their neighbours can decide (headline, kicker, subheadings, what
trails the article).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Cleaned, CopyDate, Verdict
from .byline import copy_author
from .context import author_boxes
from .dates import copy_date, is_dateline
from .doubts import doubts
from .learned import line_likelihoods
from .rules import Line, classify, to_lines
from .settle import settle
from .span import SpanSettings

SOURCE_TAG_RE = re.compile(r"\s*\(([a-zA-Z]{2,6}(?:/[a-zA-Z]{2,6})*)\)\s*$")
AGENCIES = {
    "pte": "pressetext", "dpa": "dpa", "afp": "AFP", "apa": "APA", "sda": "SDA",
    "kna": "KNA", "epd": "epd", "ap": "AP", "ots": "ots", "idea": "idea",
    "reuters": "Reuters", "red": "Redaktion", "ddp": "ddp", "dts": "dts",
}

def split_source(text: str) -> tuple[str, str | None]:
    """Take an agency tag such as "(pte)" off the end of the last paragraph."""
    match = SOURCE_TAG_RE.search(text)
    if not match:
        return text, None
    tag = match.group(1).lower()
    names = [AGENCIES.get(part, part) for part in tag.split("/")]
    if not all(part in AGENCIES for part in tag.split("/")):
        return text, None
    return text[: match.start()].rstrip(), "/".join(names)


def without_dateline(verdicts: list[Verdict], dated: CopyDate | None) -> list[Verdict]:
    """The verdicts with the body's opening line dropped when the article's date came from it and it
    is a dateline: the date shows above the article, not again as its first paragraph."""
    if dated is None or dated.rule != "date:opens-body":
        return verdicts
    return [replace(v, label="dateline", rule="date:dateline")
            if v.line_no == dated.line_no and v.label in ("paragraph", "subheading") and is_dateline(v.text) else v
            for v in verdicts]


def assemble(verdicts: list[Verdict]) -> Cleaned:
    """Collect the parts of the article from the settled verdicts."""
    title = next((i for i, v in enumerate(verdicts) if v.label == "title"), None)
    body = next((i for i, v in enumerate(verdicts) if v.label == "paragraph"), None)
    dated, author = copy_date(verdicts, title, body), copy_author(verdicts, title, body)
    verdicts = without_dateline(verdicts, dated)

    def first(label: str) -> str | None:
        return next((v.text for v in verdicts if v.label == label), None)

    blocks = [Block(v.label, v.text) for v in verdicts if v.label in ("paragraph", "subheading")]
    source = None
    if blocks and blocks[-1].role == "paragraph":
        text, source = split_source(blocks[-1].text)
        blocks[-1] = Block("paragraph", text)
    return Cleaned(
        title=first("title"),
        kicker=first("kicker"),
        byline=first("byline"),
        blocks=tuple(blocks),
        credits=tuple(v.text for v in verdicts if v.label == "credit"),
        source=source,
        verdicts=tuple(verdicts),
        dated=dated,
        author=author,
    )


def label_lines(lines: list[Line]) -> list[Verdict]:
    """Every line labelled on its own, then the author boxes (a name line above its bio)."""
    return author_boxes([classify(line) for line in lines])


def first_pass(text: str) -> list[Verdict]:
    return label_lines(to_lines(text))


def clean(text: str, settings: SpanSettings = SpanSettings()) -> Cleaned:
    """The whole cleaner: label each line, settle the lines in context, assemble the article, and say
    whether it may have missed it (`Cleaned.doubts`)."""
    lines = to_lines(text)
    verdicts = label_lines(lines)
    cleaned = assemble(settle(verdicts, settings))
    return replace(cleaned, doubts=doubts(verdicts, list(cleaned.verdicts), cleaned.title is not None,
                                          line_likelihoods(lines, verdicts)))
