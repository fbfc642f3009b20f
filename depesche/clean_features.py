"""Features of a line for the cleaner's learned second opinion (see clean_model.py).

Each non-blank line is described by what the rules said about it (first-pass label,
what the context pass made of it), its own shape (length, stopwords, punctuation),
its place on the page (inside the article's span or how many lines from it, how far
from the headline) and the same about its neighbours: an article line is mostly
recognised by the lines around it. All are cheap to compute and need no markup.
"""
from __future__ import annotations

import math

from .clean_rules import Line, capitalised_share
from .model import Verdict

FIRST_LABELS = ("paragraph", "sentence", "short", "widget", "consent", "glued", "teaser",
                "repeated", "caption", "credit", "byline", "section-end")
CONTEXT_RULES = ("context:before-article", "context:after-article", "context:outside-article",
                 "context:subheading", "context:short-in-body")
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
WINDOW_DEFAULT = 5
DISTANCE_CLIP_DEFAULT = 30

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
    letters = sum(c.isalpha() for c in text) or 1
    return [
        math.log1p(len(words)), math.log1p(len(text)), line.density, math.log1p(line.stops),
        float(text.endswith((".", "!", "?", ":", "“", '"'))), float(text.endswith(".")),
        float(text[:1].isupper()), sum(c.isdigit() for c in text) / len(text),
        sum(c.isupper() for c in text) / letters, capitalised_share(words),
        float(text.endswith(("...", "…"))), float(":" in text[:25]),
        float(text[:1] in "-•–*·>»"), float("|" in text), math.log(max(1, line.count)),
    ]


def clip(n: int) -> float:
    return float(max(-DISTANCE_CLIP_DEFAULT, min(DISTANCE_CLIP_DEFAULT, n)))


def neighbour(lines: list[Line], first: list[Verdict], settled: list[Verdict], rows: list[int], k: int) -> list[float]:
    """The few things about a neighbouring line that say most; zeros past the page's edge."""
    if not 0 <= k < len(rows):
        return [0.0] * len(NEIGHBOUR_NAMES)
    i = rows[k]
    text = lines[i].text
    return [float(first[i].label == "paragraph"), float(settled[i].kept), math.log1p(len(lines[i].words)),
            lines[i].density, float(text.endswith((".", "!", "?", ":", "“", '"')))]


def window_share(flags: list[bool], k: int) -> float:
    """The share of lines around line k (not k itself) that have a flag."""
    around = flags[max(0, k - WINDOW_DEFAULT):k] + flags[k + 1:k + WINDOW_DEFAULT + 1]
    return sum(around) / max(1, len(around))


def line_features(lines: list[Line], first: list[Verdict], settled: list[Verdict],
                  span: tuple[int, int] | None, reach: int) -> dict[int, list[float]]:
    """A feature vector per non-blank line at most `reach` lines from the span, keyed by its index in `lines`."""
    if span is None:
        return {}
    rows = [i for i, line in enumerate(lines) if line.text]
    where = {i: k for k, i in enumerate(rows)}
    start, end = where[span[0]], where[span[1]]
    title = next((k for k, i in enumerate(rows) if settled[i].label == "title"), None)
    prose = [first[i].label == "paragraph" for i in rows]
    kept = [settled[i].kept for i in rows]
    out = {}
    for k in range(max(0, start - reach), min(len(rows), end + reach + 1)):
        i = rows[k]
        f, s = first[i], settled[i]
        own = ([float(f.label == label) for label in FIRST_LABELS]
               + [float(s.rule == rule) for rule in CONTEXT_RULES]
               + [float(s.kept), float(s.label == "title"), float(s.label == "subheading")]
               + shape(lines[i]))
        place = [float(start <= k <= end), clip(start - k), clip(k - end),
                 (k - start) / max(1, end - start) if start <= k <= end else 0.0,
                 float(title is not None and k > title), clip(k - title) if title is not None else 0.0,
                 window_share(prose, k), window_share(kept, k), k / max(1, len(rows)), math.log1p(len(rows))]
        around = [x for offset in NEIGHBOUR_OFFSETS for x in neighbour(lines, first, settled, rows, k + offset)]
        out[i] = own + place + around
    return out
