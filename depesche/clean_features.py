"""Features of a line for the cleaner's learned second opinion (see clean_model.py).

Each line is described by what the rules said about it (first-pass label, whether
the context pass kept it), its own shape (length, stopwords, punctuation), and its
place on the page (inside the article's span or how far from it, how much prose is
around it). All are cheap to compute and need no markup.
"""
from __future__ import annotations

import math

from .clean_rules import Line
from .model import Verdict

FIRST_LABELS = ("paragraph", "sentence", "short", "widget", "consent", "glued", "teaser",
                "repeated", "caption", "credit", "byline", "section-end")
NEIGHBOURS_DEFAULT = 3

NAMES: tuple[str, ...] = tuple(f"first:{label}" for label in FIRST_LABELS) + (
    "kept", "title", "subheading", "log_words", "log_chars", "density", "log_stops",
    "ends_sentence", "starts_upper", "digit_share", "upper_share", "in_span", "log_before_span",
    "log_after_span", "prose_around", "prev_prose", "next_prose", "position", "repeated",
)


def shape(line: Line) -> list[float]:
    """What the line looks like on its own."""
    text = line.text
    letters = sum(c.isalpha() for c in text) or 1
    return [
        math.log1p(len(line.words)), math.log1p(len(text)), line.density, math.log1p(line.stops),
        float(text.endswith((".", "!", "?", ":", "“", '"'))), float(text[:1].isupper()),
        sum(c.isdigit() for c in text) / len(text), sum(c.isupper() for c in text) / letters,
    ]


def neighbourhood(first: list[str], k: int, i: int) -> list[float]:
    """How much prose is around line k (an index into the non-blank lines)."""
    window = [first[j] for j in range(max(0, k - NEIGHBOURS_DEFAULT), k + NEIGHBOURS_DEFAULT + 1)
              if j != k and j < len(first)]
    prose = sum(label == "paragraph" for label in window) / max(1, len(window))
    prev_prose = float(k > 0 and first[k - 1] == "paragraph")
    next_prose = float(k + 1 < len(first) and first[k + 1] == "paragraph")
    return [prose, prev_prose, next_prose]


def line_features(lines: list[Line], first: list[Verdict], settled: list[Verdict],
                  span: tuple[int, int] | None) -> dict[int, list[float]]:
    """A feature vector per non-blank line, keyed by its index in `lines`."""
    rows = [i for i, line in enumerate(lines) if line.text]
    labels = [first[i].label for i in rows]
    start, end = span if span else (len(lines), -1)
    out = {}
    for k, i in enumerate(rows):
        onehot = [float(labels[k] == label) for label in FIRST_LABELS]
        place = [float(start <= i <= end), math.log1p(max(0, start - i)), math.log1p(max(0, i - end))]
        out[i] = (onehot + [float(settled[i].kept), float(settled[i].label == "title"),
                            float(settled[i].label == "subheading")]
                  + shape(lines[i]) + place + neighbourhood(labels, k, i)
                  + [i / max(1, len(lines)), float(lines[i].count > 1)])
    return out
