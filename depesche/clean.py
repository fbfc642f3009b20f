"""Stage 2, clean: separate the article from the boilerplate around it.

The shape follows jusText: a first pass labels every line on its own with an
ordered ladder of named rules; a context pass then finds where the article
begins and ends and settles the lines that only their neighbours can decide
(headline, kicker, subheadings, what trails the article).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .model import Block, Cleaned, Verdict

PARAGRAPH_MIN_WORDS_DEFAULT = 8
PARAGRAPH_MIN_CHARS_DEFAULT = 60
HEADLINE_MIN_WORDS_DEFAULT = 3
HEADLINE_MAX_CHARS_DEFAULT = 200
KICKER_MAX_WORDS_DEFAULT = 3
SUBHEADING_MAX_WORDS_DEFAULT = 14
CREDIT_MAX_CHARS_DEFAULT = 120

CREDIT_RE = re.compile(
    r"^(?:(?:Aufmacher|Titel|Artikel|Vorschau)?bild|Bilder|Fotos?|Grafik|Illustration|Quelle|"
    r"Bildquelle|Fotograf|Image|Photo|Credits?)\s*:\s*\S",
    re.IGNORECASE,
)
BYLINE_RE = re.compile(
    r"^(?:Von|Autor(?:in)?:?)\s+(?:(?:Dr|Prof)\.\s+)?"
    r"[A-ZÄÖÜ][\w'-]+\.?(?:\s+(?:und\s+|von\s+|van\s+|de\s+|zu\s+)?[A-ZÄÖÜ][\w'.-]*){0,4}$"
)
SOURCE_TAG_RE = re.compile(r"\s*\(([a-zA-Z]{2,6}(?:/[a-zA-Z]{2,6})*)\)\s*$")
AGENCIES = {
    "pte": "pressetext", "dpa": "dpa", "afp": "AFP", "apa": "APA", "sda": "SDA",
    "kna": "KNA", "epd": "epd", "ap": "AP", "ots": "ots", "idea": "idea",
    "reuters": "Reuters", "red": "Redaktion", "ddp": "ddp", "dts": "dts",
}
SENTENCE_END = tuple(".!?:;\"“”»«’)")
TRUNCATION_RE = re.compile(r"(?:\.\.\.|…)\s*(?:\[?(?:mehr|weiterlesen|more)\]?)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """A line of the input with what the rules need to know about it."""

    no: int  # 1-based line number in the input
    text: str
    count: int  # how often this exact text occurs in the input

    @property
    def words(self) -> list[str]:
        return self.text.split()


Rule = Callable[[Line], "str | None"]


def rule_blank(line: Line) -> str | None:
    return "blank" if not line.text else None


def rule_credit(line: Line) -> str | None:
    """Image credits ("Bild: dpa") are metadata, not body."""
    return "credit" if len(line.text) <= CREDIT_MAX_CHARS_DEFAULT and CREDIT_RE.match(line.text) else None


def rule_byline(line: Line) -> str | None:
    return "byline" if BYLINE_RE.match(line.text) else None


def rule_doubled(line: Line) -> str | None:
    """A line that is one text twice ("X X") is an image's alt text plus its caption."""
    words = line.words
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return "caption"
    return None


def rule_repeated(line: Line) -> str | None:
    """A line printed more than once is a caption or a widget, not prose."""
    return "repeated" if line.count > 1 else None


def rule_truncated(line: Line) -> str | None:
    """A text cut off with "..." is a teaser of another page."""
    return "teaser" if TRUNCATION_RE.search(line.text) else None


def rule_paragraph(line: Line) -> str | None:
    """Prose: enough words, and ends as a sentence ends."""
    text = line.text
    if len(line.words) >= PARAGRAPH_MIN_WORDS_DEFAULT and len(text) >= PARAGRAPH_MIN_CHARS_DEFAULT:
        if text.endswith(SENTENCE_END) or len(line.words) >= 2 * PARAGRAPH_MIN_WORDS_DEFAULT:
            return "paragraph"
    return None


def rule_short(line: Line) -> str | None:
    return "short"


LINE_RULES: tuple[Rule, ...] = (
    rule_blank, rule_credit, rule_byline, rule_doubled, rule_repeated,
    rule_truncated, rule_paragraph, rule_short,
)


def classify(line: Line, rules: tuple[Rule, ...] = LINE_RULES) -> Verdict:
    """First pass: the first rule that has an opinion decides."""
    for rule in rules:
        label = rule(line)
        if label is not None:
            return Verdict(line.no, line.text, label, rule.__name__.removeprefix("rule_"))
    raise AssertionError("rule_short always decides")  # pragma: no cover


def to_lines(text: str) -> list[Line]:
    texts = text.split("\n")
    counts = Counter(t for t in texts if t)
    return [Line(no, t, counts[t] if t else 0) for no, t in enumerate(texts, start=1)]


def looks_like_heading(text: str) -> bool:
    """A short line that could head a section: capitalised, not a sentence, not a label."""
    words = text.split()
    return (
        1 < len(words) <= SUBHEADING_MAX_WORDS_DEFAULT
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((".", ":", ",", ";"))
        and not text.startswith(("-", "•", "|"))
    )


IMAGE_LABELS = frozenset({"blank", "caption", "repeated", "credit"})


def next_content(verdicts: list[Verdict], start: int) -> Verdict | None:
    """The next verdict after `start` that is text, not a blank or an image's caption or credit."""
    return next((v for v in verdicts[start + 1:] if v.label not in IMAGE_LABELS), None)


def relabel(verdict: Verdict, label: str, rule: str) -> Verdict:
    return Verdict(verdict.line_no, verdict.text, label, rule)


def settle_body(verdicts: list[Verdict], first: int, last: int) -> list[Verdict]:
    """Inside the article, short lines are subheadings when prose follows them."""
    settled = list(verdicts)
    for i in range(first, last + 1):
        v = verdicts[i]
        if v.label != "short":
            continue
        following = next_content(verdicts, i)
        if following and following.label == "paragraph" and looks_like_heading(v.text):
            settled[i] = relabel(v, "subheading", "context:subheading")
        else:
            settled[i] = relabel(v, "boilerplate", "context:short-in-body")
    return settled


def settle_header(verdicts: list[Verdict], first: int) -> list[Verdict]:
    """Before the article: the headline is the last line of several words; a kicker may precede it."""
    settled = list(verdicts)
    for i in range(first):
        if settled[i].label in ("short", "paragraph", "repeated", "caption", "teaser"):
            settled[i] = relabel(settled[i], "boilerplate", "context:before-article")
    headline = next(
        (i for i in range(first - 1, -1, -1)
         if verdicts[i].label == "short"
         and len(verdicts[i].text.split()) >= HEADLINE_MIN_WORDS_DEFAULT
         and len(verdicts[i].text) <= HEADLINE_MAX_CHARS_DEFAULT
         and verdicts[i].text[0].isupper()),
        None,
    )
    if headline is None:
        return settled
    settled[headline] = relabel(verdicts[headline], "title", "context:headline")
    before = [i for i in range(headline) if verdicts[i].label != "blank"]
    if before:
        i = before[-1]
        if verdicts[i].label == "short" and len(verdicts[i].text.split()) <= KICKER_MAX_WORDS_DEFAULT:
            settled[i] = relabel(verdicts[i], "kicker", "context:kicker")
    return settled


def settle_trailer(verdicts: list[Verdict], last: int) -> list[Verdict]:
    """After the article's last paragraph only credits survive."""
    settled = list(verdicts)
    for i in range(last + 1, len(verdicts)):
        if verdicts[i].label not in ("blank", "credit"):
            settled[i] = relabel(verdicts[i], "boilerplate", "context:after-article")
    return settled


def settle(verdicts: list[Verdict]) -> list[Verdict]:
    """Context pass: find the article's span and decide the lines around it."""
    prose = [i for i, v in enumerate(verdicts) if v.label == "paragraph"]
    if not prose:
        return [relabel(v, "boilerplate", "context:no-article") if v.label != "blank" else v
                for v in verdicts]
    first, last = prose[0], prose[-1]
    settled = settle_body(verdicts, first, last)
    settled = settle_header(settled, first)
    return settle_trailer(settled, last)


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


def clean(text: str) -> Cleaned:
    """The whole cleaner: label each line, settle them in context, assemble."""
    verdicts = [classify(line) for line in to_lines(text)]
    return assemble(settle(verdicts))
