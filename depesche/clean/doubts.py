"""When the cleaner may have missed the article: the doubts it reports with its result.

A wrong article is worse when nobody notices it. Thirteen measures of the page and of
the cleaner's own verdicts (how long the page is, how much of it was kept, how many
short or widget lines stand inside the article, where on the page it starts and ends,
how heavy the prose left outside is …) are weighed by a small logistic model; above
`DOUBT_THRESHOLD` the cleaner is unsure and names the measure that weighs most.
The weights were fitted (benchmarks/boilerplate.py --fit-doubts) on the study half of the
benchmark pages and checked on the other half; `build.py` prints the doubts as warnings
and `build.py check` lists them.
"""
from __future__ import annotations

import math
from typing import NamedTuple

from ..model import Verdict
from .language import split_words
from .span import SpanSettings, heaviest_run, line_weight

BODY_LABELS = frozenset({"paragraph", "subheading"})
SHORT_LABELS = frozenset({"short", "sentence"})
BAD_LABELS = frozenset({"widget", "teaser", "repeated", "glued", "date", "section-end", "consent"})
BREAK_LABELS = frozenset({"widget", "consent", "glued"})


class Doubt(NamedTuple):
    """One measure: its weight and mean (the model, on the standardised scale folded in) and its reason."""

    weight: float
    mean: float
    reason: str  # with {value} for the measure's value


# Fitted on the study halves of both benchmark sets (2026-12-03, the cleaner at 48818cd): weight per unit
# of the measure. Refitted after the block rule of the span search, the model warned fewer of the check
# half's wrong pages (56 % instead of 61 %), so these stay.
DOUBTS = {
    "long_page": Doubt(2.2795, 7.198, "a long page"),
    "kept_words": Doubt(-1.8043, 6.402, "little text kept"),
    "kept_share": Doubt(-0.4170, 0.548, "little of the page kept"),
    "rival": Doubt(-0.0168, 0.165, "no other stretch of prose on the page"),
    "short_lines": Doubt(2.0455, 0.291, "many short lines inside the article (a list, a menu or comments?)"),
    "widgets": Doubt(1.1983, 0.075, "widget lines inside the article"),
    "no_title": Doubt(0.0486, 0.049, "no headline found"),
    "blocks": Doubt(-0.0082, 3.105, "few blocks"),
    "starts_at": Doubt(-1.9879, 0.316, "the article starts at the top of the page"),
    "ends_at": Doubt(2.3052, 0.579, "the article runs to the end of the page (comments kept?)"),
    "prose_left": Doubt(0.3227, 0.147, "prose left outside the article"),
    "prose_below": Doubt(-0.4345, 0.013, "no prose below the article"),
    "block_size": Doubt(0.2952, 3.426, "long blocks (a few lines of run-on text?)"),
}
DOUBT_BIAS = -2.6531
DOUBT_THRESHOLD = -1.567  # warns about 9 % of the study pages the cleaner gets right


def words(verdicts: list[Verdict], keep) -> int:
    return sum(len(split_words(v.text)) for v in verdicts if keep(v))


def measures(first_pass: list[Verdict], settled: list[Verdict], has_title: bool,
             settings: SpanSettings = SpanSettings()) -> dict[str, float]:
    """The measures the doubt is weighed from (the article is not empty)."""
    kept = [i for i, v in enumerate(settled) if v.label in BODY_LABELS]
    first, last = kept[0], kept[-1]
    page = words(first_pass, lambda v: v.label != "blank")
    kept_words = words([settled[i] for i in kept], lambda v: True)
    left = sum(len(split_words(v.text)) for v, s in zip(first_pass, settled) if v.label == "paragraph" and not s.kept)
    span = [v for v in first_pass[first:last + 1] if v.label != "blank"]
    best = sum(max(0.0, line_weight(first_pass[i], settings)) for i in range(first, last + 1)) or 1e-6
    rival = max(heaviest_run(first_pass, first, settings)[0],
                heaviest_run(first_pass[last + 1:], len(first_pass) - last - 1, settings)[0])
    below = next((v for v in first_pass[last + 1:] if v.label != "blank"), None)
    prose_below = (heaviest_run(first_pass[last + 1:], len(first_pass) - last - 1, settings)[0]
                   if below is not None and below.label in BREAK_LABELS else 0.0)
    return {
        "long_page": math.log1p(page), "kept_words": math.log1p(kept_words), "kept_share": kept_words / max(1, page),
        "rival": min(2.0, rival / best), "short_lines": sum(v.label in SHORT_LABELS for v in span) / len(span),
        "widgets": sum(v.label in BAD_LABELS for v in span) / len(span), "no_title": float(not has_title),
        "blocks": math.log1p(len(kept)), "starts_at": first / len(first_pass), "ends_at": last / len(first_pass),
        "prose_left": left / max(1, kept_words + left), "prose_below": min(2.0, prose_below / best),
        "block_size": math.log1p(kept_words / len(kept)),
    }


def doubt_score(values: dict[str, float]) -> float:
    return DOUBT_BIAS + sum(d.weight * (values[name] - d.mean) for name, d in DOUBTS.items())


def doubts(first_pass: list[Verdict], settled: list[Verdict], has_title: bool) -> tuple[str, ...]:
    """Why the article found may not be the page's article: empty when the cleaner is sure, else the
    reason that weighs most (and the page's length and what was kept, for the reader)."""
    if not any(v.label in BODY_LABELS for v in settled):
        return ("no article text found",)
    values = measures(first_pass, settled, has_title)
    if doubt_score(values) < DOUBT_THRESHOLD:
        return ()
    name = max(DOUBTS, key=lambda n: DOUBTS[n].weight * (values[n] - DOUBTS[n].mean))
    kept = round(math.expm1(values["kept_words"]))
    page = round(math.expm1(values["long_page"]))
    return (f"{DOUBTS[name].reason}; kept {kept} of {page} words",)
