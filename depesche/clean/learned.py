"""A learned line model: how likely each line belongs to the article, for the doubts.

A logistic model over properties of lines on pages in general (length, stopword density
in the page's language, the first-pass label, how prose and short lines alternate around
the line, where it stands relative to the heaviest run of prose) says how likely a line
belongs to the article. Its weights (data/line_model.json) were fitted by
benchmarks/boilerplate_lines.py on line labels taken from both benchmark sets' gold,
study halves only. Added to the span search's weights it did not carry to the check
halves (the rules decide the span better); as a second opinion on what the rules kept it
does: doubts.py warns when the kept text reads unlike an article's.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Verdict
from .rules import Line
from .span import heaviest, run_weights

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


def around(values: np.ndarray, window: int = WINDOW_DEFAULT) -> np.ndarray:
    """For each row, the mean of `values` over the `window` rows on each side of it (not itself)."""
    sums = np.concatenate(([0.0], np.cumsum(values)))
    k = np.arange(len(values))
    lo, hi = np.maximum(0, k - window), np.minimum(len(values), k + window + 1)
    count = hi - lo - 1
    return np.where(count > 0, (sums[hi] - sums[lo] - values) / np.maximum(count, 1), 0.0)


def digit_share(text: str) -> float:
    """The share of a line's characters that are digits (`str.isdigit`; counted in C for ASCII text)."""
    if text.isascii():
        return sum(map(text.count, "0123456789")) / len(text)
    return sum(map(str.isdigit, text)) / len(text)


def line_row(line: Line) -> tuple:
    """The features a line has on its own: words, density, capitals, how it ends, repeated, digits."""
    text, words = line.text, line.words
    return (len(words), line.stops / max(1, len(words)), line.capitalised, text.endswith(SENTENCE_ENDS),
            text.endswith(":"), line.count > 1, digit_share(text))


def line_features(lines: list[Line], verdicts: list[Verdict], run: tuple[int, int] | None) -> np.ndarray:
    """One row of `FEATURES` per line (zeros for blank lines); `run` is the rule weights' heaviest run."""
    labels = [v.label for v in verdicts]
    rows = [i for i, label in enumerate(labels) if label != "blank"]
    out = np.zeros((len(lines), len(FEATURES)))
    if not rows:
        return out
    at = np.array(rows)
    blank = np.array(labels) == "blank"
    alone = np.array([line_row(lines[i]) for i in rows], dtype=float)
    prose = np.array([labels[i] == "paragraph" for i in rows], dtype=float)
    density = alone[:, 1]
    first_end = next((i for i in rows if labels[i] == "section-end"), len(lines))
    distance = (np.zeros(len(rows)) if run is None else
                np.where((at >= run[0]) & (at <= run[1]), 0, np.minimum(abs(at - run[0]), abs(at - run[1]))))
    columns = (
        np.log1p(np.maximum(1, alone[:, 0])), density, alone[:, 2], alone[:, 3], alone[:, 4], alone[:, 5],
        np.arange(len(rows)) / len(rows),
        np.concatenate(([0.0], prose[:-1])), np.concatenate((prose[1:], [0.0])), around(prose), around(density),
        (run is not None) & (distance == 0), np.log1p(distance), at > first_end,
        alone[:, 6], (at > 0) & ~blank[np.maximum(at - 1, 0)],
    )
    out[at, :len(columns)] = np.column_stack(columns)
    index = {name: len(columns) + n for n, name in enumerate(FIRST_PASS_LABELS)}
    label_column = np.array([index.get(labels[i], -1) for i in rows])
    out[at[label_column >= 0], label_column[label_column >= 0]] = 1.0
    return out


def line_likelihoods(lines: list[Line], verdicts: list[Verdict], model: LineModel | None = None) -> list[float]:
    """How likely each line belongs to the article, by the line model (blank lines: 0)."""
    if not lines:
        return []
    run = heaviest(run_weights(verdicts)[1])[1]
    p = (model or shipped_model()).probabilities(line_features(lines, verdicts, run))
    return np.where([bool(line.text) for line in lines], p, 0.0).tolist()
