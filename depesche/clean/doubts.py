"""When the cleaner may have missed the article: the doubts it reports with its result.

A wrong article is worse when nobody notices it. Nineteen measures of the page and of
the cleaner's own verdicts (how long the page is, how much of it was kept, how many
short or widget lines stand inside the article, how many of its blocks are headings or
short, where on the page it starts and ends, how heavy the prose left outside is, what
the line model of learned.py makes of the kept text and of the rest …) are weighed by a small logistic model; above
`DOUBT_THRESHOLD` the cleaner is unsure and names the measure that weighs most.
The weights were fitted (benchmarks/boilerplate.py --fit-doubts) on the study half of the
benchmark pages and checked on the other half; `build.py` prints the doubts as warnings
and `build.py check` lists them.
"""
from __future__ import annotations

import math
from typing import NamedTuple

from ..model import Verdict
from .context import SHORT_LABELS
from .language import word_count
from .span import SpanSettings, heaviest, run_weights

BODY_LABELS = frozenset({"paragraph", "subheading"})
BAD_LABELS = frozenset({"widget", "teaser", "repeated", "glued", "date", "section-end", "consent"})
BREAK_LABELS = frozenset({"widget", "consent", "glued"})
UNLIKE_MAX = 0.3  # a line the line model gives less than this is unlike the article's
LIKE_MIN = 0.7  # and more than this, like it
SHORT_BLOCK_WORDS = 8  # a kept block with fewer words is a heading, a link or a name, not a paragraph


class Doubt(NamedTuple):
    """One measure: its weight and mean (the model, on the standardised scale folded in) and its reason."""

    weight: float
    mean: float
    reason: str | None  # what a high (weight > 0) or low (weight < 0) value means; None: not named as a
    # reason (with the others the model weighs it against what it would mean alone)


# Fitted on the study halves of both benchmark sets (2026-12-03, with the line model of learned.py and the
# block shapes): weight per unit of the measure. Check halves: boilerplate2 warned 65/84 of the pages with
# F1 < .5 (without the block shapes 61/84, without the line model's measures 53/85), 75/898 of the others;
# German 2/2 and 15/125. Cross-validated by source: 127/187 and 205/1723 (without the shapes 120 and 199).
DOUBTS = {
    "long_page": Doubt(0.6321, 7.198, "a long page"),
    "kept_words": Doubt(-0.3872, 6.422, "little text kept"),
    "kept_share": Doubt(1.7961, 0.556, "much of the page kept (menus or comments with it?)"),
    "rival": Doubt(-0.7460, 0.163, "no other stretch of prose on the page"),
    "short_lines": Doubt(0.9450, 0.304, None),
    "widgets": Doubt(-0.6660, 0.079, None),
    "no_title": Doubt(-2.3078, 0.011, None),
    "blocks": Doubt(0.3454, 3.147, "many blocks"),
    "starts_at": Doubt(-1.0677, 0.312, "the article starts at the top of the page"),
    "ends_at": Doubt(0.6127, 0.585, "the article runs to the end of the page (comments kept?)"),
    "prose_left": Doubt(-0.3517, 0.139, None),
    "prose_below": Doubt(-0.3657, 0.014, "no prose below the article"),
    "block_size": Doubt(0.3092, 3.401, "long blocks (a few lines of run-on text?)"),
    "headings": Doubt(2.9058, 0.102, "the kept text is mostly headings (a list of links or questions?)"),
    "short_blocks": Doubt(-1.8860, 0.248, None),
    "kept_likeness": Doubt(0.6306, 0.782, None),
    "kept_unlike": Doubt(-1.1823, 0.028, None),
    "prose_outside": Doubt(0.6396, 0.027, "text outside the article reads like the article"),
    "expected_f1": Doubt(-11.8154, 0.758, "the kept text looks unlike a whole article to the line model"),
}
DOUBT_BIAS = -3.1391
DOUBT_THRESHOLD = -1.749  # warns about 9 % of the study pages the cleaner gets right


def likeness(settled: list[Verdict], likely: list[float], sizes: list[int], kept_words: int) -> dict[str, float]:
    """What the line model (learned.py) says of the kept text and of the rest, weighted by words (`sizes`);
    and the F1 it expects: the kept words it finds likely as precision, their share of all likely words
    as recall."""
    kept = [v.label in BODY_LABELS for v in settled]
    total = max(1, kept_words)
    likely_kept = sum(p * n for p, n, k in zip(likely, sizes, kept) if k)
    precision = likely_kept / total
    recall = likely_kept / max(1e-9, sum(p * n for p, n in zip(likely, sizes)))
    return {
        "kept_likeness": precision,
        "kept_unlike": sum(n for p, n, k in zip(likely, sizes, kept) if k and p < UNLIKE_MAX) / total,
        "prose_outside": min(2.0, sum(n for p, n, k in zip(likely, sizes, kept) if not k and p > LIKE_MIN) / total),
        "expected_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


def measures(first_pass: list[Verdict], settled: list[Verdict], has_title: bool, likely: list[float],
             settings: SpanSettings = SpanSettings()) -> dict[str, float]:
    """The measures the doubt is weighed from (the article is not empty); `likely`: the line model's
    likelihood of each line."""
    kept = [i for i, v in enumerate(settled) if v.label in BODY_LABELS]
    first, last = kept[0], kept[-1]
    sizes = [word_count(v.text) for v in first_pass]  # the settled lines have the same texts
    page, kept_words = sum(sizes), sum(sizes[i] for i in kept)
    left = sum(n for v, s, n in zip(first_pass, settled, sizes) if v.label == "paragraph" and not s.kept)
    span = [v for v in first_pass[first:last + 1] if v.label != "blank"]
    weights, run = run_weights(first_pass, settings)
    best = sum(max(0.0, w) for w in weights[first:last + 1]) or 1e-6
    after = heaviest(weights[last + 1:last + 2] + run[last + 2:])[0]  # the first line below starts a run
    rival = max(heaviest(run[:first])[0], after)
    below = next((v for v in first_pass[last + 1:] if v.label != "blank"), None)
    prose_below = after if below is not None and below.label in BREAK_LABELS else 0.0
    return {
        "long_page": math.log1p(page), "kept_words": math.log1p(kept_words), "kept_share": kept_words / max(1, page),
        "rival": min(2.0, rival / best), "short_lines": sum(v.label in SHORT_LABELS for v in span) / len(span),
        "widgets": sum(v.label in BAD_LABELS for v in span) / len(span), "no_title": float(not has_title),
        "blocks": math.log1p(len(kept)), "starts_at": first / len(first_pass), "ends_at": last / len(first_pass),
        "prose_left": left / max(1, kept_words + left), "prose_below": min(2.0, prose_below / best),
        "block_size": math.log1p(kept_words / len(kept)),
    } | block_shapes(settled, kept, sizes) | likeness(settled, likely, sizes, kept_words)


def block_shapes(settled: list[Verdict], kept: list[int], sizes: list[int]) -> dict[str, float]:
    """What the kept blocks are: the share that are subheadings, and the share of short ones (lists of
    links, FAQ questions, names and dates of a comment thread read so, an article's paragraphs do not)."""
    return {"headings": sum(settled[i].label == "subheading" for i in kept) / len(kept),
            "short_blocks": sum(sizes[i] < SHORT_BLOCK_WORDS for i in kept) / len(kept)}


def doubt_score(values: dict[str, float]) -> float:
    return DOUBT_BIAS + sum(d.weight * (values[name] - d.mean) for name, d in DOUBTS.items())


def doubts(first_pass: list[Verdict], settled: list[Verdict], has_title: bool, likely: list[float]) -> tuple[str, ...]:
    """Why the article found may not be the page's article: empty when the cleaner is sure, else the
    reason that weighs most (and the page's length and what was kept, for the reader)."""
    if not any(v.label in BODY_LABELS for v in settled):
        return ("no article text found",)
    values = measures(first_pass, settled, has_title, likely)
    if doubt_score(values) < DOUBT_THRESHOLD:
        return ()
    name = max((n for n in DOUBTS if DOUBTS[n].reason), key=lambda n: DOUBTS[n].weight * (values[n] - DOUBTS[n].mean))
    kept = round(math.expm1(values["kept_words"]))
    page = round(math.expm1(values["long_page"]))
    return (f"{DOUBTS[name].reason}; kept {kept} of {page} words",)
