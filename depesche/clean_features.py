"""Features of a line for the cleaner's learned second opinion (see clean_model.py).

Each non-blank line is described by what the rules said about it (first-pass label,
what the context pass made of it), its own shape (length, stopwords, punctuation),
its place on the page (inside the article's span or how many lines from it, how far
from the headline) and the same about its neighbours: an article line is mostly
recognised by the lines around it. All are cheap to compute and need no markup.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .clean_rules import Line, capitalised_share
from .model import Verdict

FIRST_LABELS = ("paragraph", "sentence", "short", "widget", "consent", "glued", "teaser",
                "repeated", "caption", "credit", "byline", "section-end")
CONTEXT_RULES = ("context:before-article", "context:after-article", "context:outside-article",
                 "context:subheading", "context:short-in-body")
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
WINDOW_DEFAULT = 5
DISTANCE_CLIP_DEFAULT = 30
SENTENCE_END_MARKS = (".", "!", "?", ":", "“", '"')

SHAPE_NAMES = ("log_words", "log_chars", "density", "log_stops", "ends_sentence", "ends_period",
               "starts_upper", "digit_share", "upper_share", "capitalised", "ellipsis", "early_colon",
               "bullet", "bar", "log_count")
NEIGHBOUR_NAMES = ("paragraph", "kept", "log_words", "density", "ends_sentence")
NAMES: tuple[str, ...] = (
    tuple(f"first:{label}" for label in FIRST_LABELS)
    + tuple(f"rule:{rule}" for rule in CONTEXT_RULES)
    + ("kept", "title", "subheading") + SHAPE_NAMES
    + ("in_span", "before_span", "after_span", "span_share", "after_title", "title_distance",
       "prose_around", "kept_around", "position", "log_lines")
    + tuple(f"n{offset:+d}:{name}" for offset in NEIGHBOUR_OFFSETS for name in NEIGHBOUR_NAMES)
)


def shape(line: Line) -> list[float]:
    """What the line looks like on its own."""
    text, words = line.text, line.words
    letters = sum(map(str.isalpha, text)) or 1
    return [
        math.log1p(len(words)), math.log1p(len(text)), line.density, math.log1p(line.stops),
        float(text.endswith(SENTENCE_END_MARKS)), float(text.endswith(".")),
        float(text[:1].isupper()), sum(map(str.isdigit, text)) / len(text),
        sum(map(str.isupper, text)) / letters, capitalised_share(words),
        float(text.endswith(("...", "…"))), float(":" in text[:25]),
        float(text[:1] in "-•–*·>»"), float("|" in text), math.log(max(1, line.count)),
    ]


def clip(n: int) -> float:
    return float(max(-DISTANCE_CLIP_DEFAULT, min(DISTANCE_CLIP_DEFAULT, n)))


def neighbour(page: "Page", k: int) -> list[float]:
    """The few things about a neighbouring line (row k) that say most; zeros past the page's edge."""
    if not 0 <= k < len(page.rows):
        return [0.0] * len(NEIGHBOUR_NAMES)
    i = page.rows[k]
    line = page.lines[i]
    return [float(page.first[i].label == "paragraph"), float(page.settled[i].kept), math.log1p(len(line.words)),
            line.density, float(line.text.endswith(SENTENCE_END_MARKS))]


def described(page: "Page", k: int) -> list[float]:
    """`neighbour(page, k)`, worked out once per row: each line is a neighbour of four others."""
    if k not in page.neighbours:
        page.neighbours[k] = neighbour(page, k)
    return page.neighbours[k]


def window_share(flags: list[bool], k: int) -> float:
    """The share of lines around line k (not k itself) that have a flag."""
    around = flags[max(0, k - WINDOW_DEFAULT):k] + flags[k + 1:k + WINDOW_DEFAULT + 1]
    return sum(around) / max(1, len(around))


@dataclass(frozen=True)
class Page:
    """What every line's features refer to: the non-blank lines, the span and headline among them."""

    lines: list[Line]
    first: list[Verdict]
    settled: list[Verdict]
    rows: list[int]  # indices of the non-blank lines
    where: dict[int, int]  # line index -> row
    start: int  # first and last row of the span
    end: int
    title: int | None
    prose: list[bool]
    kept: list[bool]
    neighbours: dict[int, list[float]] = field(default_factory=dict)  # filled by `described`


def page_of(lines: list[Line], first: list[Verdict], settled: list[Verdict], span: tuple[int, int]) -> Page:
    rows = [i for i, line in enumerate(lines) if line.text]
    where = {i: k for k, i in enumerate(rows)}
    title = next((k for k, i in enumerate(rows) if settled[i].label == "title"), None)
    return Page(lines, first, settled, rows, where, where[span[0]], where[span[1]], title,
                [first[i].label == "paragraph" for i in rows], [settled[i].kept for i in rows])


def near_span(page: Page, reach: int) -> list[int]:
    """The non-blank lines at most `reach` rows before or after the span (line indices)."""
    return page.rows[max(0, page.start - reach):page.end + reach + 1]


def line_features(page: Page, i: int) -> list[float]:
    """The feature vector of line i (a non-blank line)."""
    k, f, s = page.where[i], page.first[i], page.settled[i]
    start, end, title = page.start, page.end, page.title
    own = ([float(f.label == label) for label in FIRST_LABELS]
           + [float(s.rule == rule) for rule in CONTEXT_RULES]
           + [float(s.kept), float(s.label == "title"), float(s.label == "subheading")]
           + shape(page.lines[i]))
    place = [float(start <= k <= end), clip(start - k), clip(k - end),
             (k - start) / max(1, end - start) if start <= k <= end else 0.0,
             float(title is not None and k > title), clip(k - title) if title is not None else 0.0,
             window_share(page.prose, k), window_share(page.kept, k), k / max(1, len(page.rows)),
             math.log1p(len(page.rows))]
    around = [x for offset in NEIGHBOUR_OFFSETS for x in described(page, k + offset)]
    return own + place + around
