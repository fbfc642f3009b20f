"""Stage 2, clean: separate the article from the boilerplate around it.

The shape follows jusText: a first pass (`clean_rules`) labels every line on its own
with an ordered ladder of named rules; a context pass (`clean_context`) then finds
where the article begins and ends and settles the lines that only their neighbours
can decide (headline, kicker, subheadings, what trails the article).
"""
from __future__ import annotations

import re

from .clean_context import SpanSettings, article_span
from .clean_settle import settle
from .clean_model import LineModel, load_model, second_opinion
from .clean_rules import author_boxes, classify, to_lines
from .model import Block, Cleaned, Verdict

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


def assemble(verdicts: list[Verdict]) -> Cleaned:
    """Collect the parts of the article from the settled verdicts."""
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
    )


USE_SHIPPED_MODEL = "shipped"


def first_pass(text: str) -> list[Verdict]:
    """Every line labelled on its own."""
    return author_boxes([classify(line) for line in to_lines(text)])


FIXPOINT_PASSES_DEFAULT = 6
FIXPOINT_MAX_LOSS_DEFAULT = 0.2  # share of the article's blocks a re-cleaning may drop
FIXPOINT_MIN_LOSS_DEFAULT = 1  # blocks a re-cleaning may always drop (a short article's one subheading)
ARTICLE_LABELS = frozenset({"title", "paragraph", "subheading"})


def article_text(cleaned: Cleaned) -> str:
    """The cleaned article as text again, as clean copy is written: headline, blank line, a block a line."""
    body = "\n".join(b.text for b in cleaned.blocks)
    return f"{cleaned.title}\n\n{body}" if cleaned.title else body


def shape(cleaned: Cleaned) -> tuple:
    return cleaned.title, [b.text for b in cleaned.blocks]


def adopt(verdicts: list[Verdict], again: Cleaned) -> list[Verdict]:
    """The article lines relabelled as cleaning the cleaned article labelled them (matched in order)."""
    kept_again = iter([v for v in again.verdicts if v.kept])
    pending = next(kept_again, None)
    adopted = []
    for verdict in verdicts:
        if verdict.label not in ARTICLE_LABELS:
            adopted.append(verdict)
        elif pending is not None and pending.text == verdict.text:
            adopted.append(Verdict(verdict.line_no, verdict.text, pending.label, pending.rule))
            pending = next(kept_again, None)
        else:
            adopted.append(Verdict(verdict.line_no, verdict.text, "boilerplate", "fixpoint:dropped-on-recleaning"))
    return adopted


def clean_once(text: str, settings: SpanSettings, model: LineModel | None) -> Cleaned:
    lines = to_lines(text)
    first = author_boxes([classify(line) for line in lines])
    settled = settle(first, settings)
    if model is not None:
        settled = second_opinion(lines, first, settled, article_span(first, settings), model)
    return assemble(settled)


def clean(text: str, settings: SpanSettings = SpanSettings(),
          model: LineModel | None | str = USE_SHIPPED_MODEL) -> Cleaned:
    """The whole cleaner: label each line, settle them in context, let the model overrule, assemble.

    The model reads a line's neighbours, so cleaning the cleaned article (captions and
    credits gone) can decide a borderline line anew. The article is cleaned again until
    it stays as it is (at most five more passes over its lines; rarely more than one),
    so that cleaning is idempotent. When the model dropped the paragraph that held the
    span open, re-cleaning would drop the lines before it too (a list, a table); if it
    drops more than FIXPOINT_MAX_LOSS_DEFAULT of the article (and more than
    FIXPOINT_MIN_LOSS_DEFAULT blocks), the model has unsettled the span, and the rules
    decide alone.
    """
    model = load_model() if model == USE_SHIPPED_MODEL else model
    cleaned = clean_once(text, settings, model)
    if model is None:
        return cleaned
    first = cleaned
    for _ in range(FIXPOINT_PASSES_DEFAULT - 1):
        again = clean_once(article_text(cleaned), settings, model)
        if shape(again) == shape(cleaned):
            break
        lost = len(first.blocks) - len(again.blocks)
        if lost > max(FIXPOINT_MAX_LOSS_DEFAULT * len(first.blocks), FIXPOINT_MIN_LOSS_DEFAULT):
            return clean_once(text, settings, None)
        cleaned = assemble(adopt(list(cleaned.verdicts), again))
    return cleaned
