"""The cleaner's learned second opinion: a logistic regression over line features.

The rules and the context pass decide first; the model may overrule them only where it
is confident (a kept line it is sure is boilerplate, a dropped line it is sure is
article text), and `--explain` names it as the deciding rule with its probability.
Weights live in data/line_model.json, written by benchmarks/train_boilerplate.py.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .clean_features import NAMES, line_features
from .clean_rules import Line
from .model import Verdict

MODEL_FILE = Path(__file__).resolve().parent / "data" / "line_model.json"
DROP_BELOW_DEFAULT = 0.15
KEEP_ABOVE_DEFAULT = 0.85
BODY_ROLES = frozenset({"paragraph", "subheading"})
UNTOUCHED = frozenset({"title", "kicker", "byline", "credit", "blank"})


@dataclass(frozen=True)
class LineModel:
    """Standardisation and weights of a logistic regression, and when to trust it."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    drop_below: float = DROP_BELOW_DEFAULT
    keep_above: float = KEEP_ABOVE_DEFAULT

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> LineModel | None:
    """The shipped model, or None when there is none (the rules then decide alone)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["names"]) != NAMES:
        raise ValueError(f"{path}: features {data['names']} do not match {NAMES}")
    return LineModel(tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]), data["bias"],
                     data.get("drop_below", DROP_BELOW_DEFAULT), data.get("keep_above", KEEP_ABOVE_DEFAULT))


def overrule(verdict: Verdict, p: float, model: LineModel) -> Verdict:
    """The model's verdict where it is confident enough to disagree, else the rules'."""
    if verdict.label in BODY_ROLES and p < model.drop_below:
        return Verdict(verdict.line_no, verdict.text, "boilerplate", f"model:drop p={p:.2f}")
    if verdict.label not in BODY_ROLES and verdict.label not in UNTOUCHED and p > model.keep_above:
        return Verdict(verdict.line_no, verdict.text, "paragraph", f"model:keep p={p:.2f}")
    return verdict


def second_opinion(lines: list[Line], first: list[Verdict], settled: list[Verdict],
                   span: tuple[int, int] | None, model: LineModel) -> list[Verdict]:
    """Let the model overrule the context pass on the lines it is sure about."""
    features = line_features(lines, first, settled, span)
    return [overrule(v, model.probability(features[i]), model) if i in features else v
            for i, v in enumerate(settled)]
