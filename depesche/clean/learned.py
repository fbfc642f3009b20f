"""A learned line score that the span search adds to its rule weights.

A logistic model over properties of lines on pages in general (length, stopword density
in the page's language, the first-pass label, how prose and short lines alternate around
the line, where it stands relative to the heaviest run of prose) says how likely a line
belongs to the article. Its weights (data/line_model.json) were fitted by
benchmarks/boilerplate_lines.py on line labels taken from whole-text and snippet gold,
study halves only; the span search adds `(2p - 1) * (1 + gain * words)` times the
model's share to each line's rule weight (span.py).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Verdict
from .rules import Line, capitalised_share
from .span import SpanSettings, heaviest_run

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "line_model.json"
WINDOW_DEFAULT = 4  # non-blank lines on each side that make a line's neighbourhood
FIRST_PASS_LABELS = ("paragraph", "short", "sentence", "widget", "consent", "glued", "teaser", "repeated",
                     "date", "section-end", "caption", "credit", "byline")
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", '"', "”", "“")
FEATURES = ("words", "density", "capitalised", "sentence_end", "colon_end", "repeated_text", "position",
            "prose_above", "prose_below", "prose_around", "density_around", "in_run", "run_distance",
            "after_section_end", "digits", "in_block") + tuple(f"label_{name}" for name in FIRST_PASS_LABELS)


@dataclass(frozen=True)
class LineModel:
    """Weights per feature (in `FEATURES` order) and a bias."""

    weights: tuple[float, ...]
    bias: float

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ np.array(self.weights) + self.bias)))


@lru_cache(maxsize=1)
def shipped_model() -> LineModel:
    """The model in data/line_model.json."""
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_PATH.name} was fitted on other features; refit it")
    return LineModel(tuple(data["weights"]), data["bias"])


def neighbourhood(rows: list[int], labels: list[str], density: list[float], k: int, window: int) -> tuple[float, float]:
    """Share of paragraphs and mean stopword density among the `window` non-blank lines on each side of row k."""
    around = [rows[j] for j in range(max(0, k - window), min(len(rows), k + window + 1)) if j != k]
    if not around:
        return 0.0, 0.0
    return (sum(labels[i] == "paragraph" for i in around) / len(around),
            sum(density[i] for i in around) / len(around))


def line_features(lines: list[Line], verdicts: list[Verdict], run: tuple[int, int] | None) -> np.ndarray:
    """One row of `FEATURES` per line (zeros for blank lines); `run` is the rule weights' heaviest run."""
    labels = [v.label for v in verdicts]
    density = [line.density if line.text else 0.0 for line in lines]
    rows = [i for i, label in enumerate(labels) if label != "blank"]
    out = np.zeros((len(lines), len(FEATURES)))
    first_end = next((i for i in rows if labels[i] == "section-end"), len(lines))
    for k, i in enumerate(rows):
        line, n = lines[i], max(1, len(lines[i].words))
        around, density_around = neighbourhood(rows, labels, density, k, WINDOW_DEFAULT)
        distance = 0 if run is None or run[0] <= i <= run[1] else min(abs(i - run[0]), abs(i - run[1]))
        out[i, :16] = (
            math.log1p(n), density[i], capitalised_share(line.words), line.text.endswith(SENTENCE_ENDS),
            line.text.endswith(":"), line.count > 1, k / len(rows),
            k > 0 and labels[rows[k - 1]] == "paragraph", k + 1 < len(rows) and labels[rows[k + 1]] == "paragraph",
            around, density_around, run is not None and distance == 0, math.log1p(distance), i > first_end,
            sum(c.isdigit() for c in line.text) / len(line.text), i > 0 and labels[i - 1] != "blank",
        )
        if labels[i] in FIRST_PASS_LABELS:
            out[i, 16 + FIRST_PASS_LABELS.index(labels[i])] = 1.0
    return out


def learned_weights(lines: list[Line], verdicts: list[Verdict], settings: SpanSettings = SpanSettings(),
                    model: LineModel | None = None) -> list[float] | None:
    """What the model adds to each line's weight in the span search: `(2p - 1) * (1 + gain * words)`
    times `settings.learned_share` (None when that share is 0)."""
    if not settings.learned_share or not lines:
        return None
    run = heaviest_run(verdicts, len(verdicts), settings)[1]
    p = (model or shipped_model()).probabilities(line_features(lines, verdicts, run))
    size = np.array([1.0 + settings.gain * len(line.words) if line.text else 0.0 for line in lines])
    return list(settings.learned_share * (2.0 * p - 1.0) * size)
