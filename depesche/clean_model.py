"""The cleaner's learned second opinion: small boosted decision trees over line features.

The rules and the context pass decide first; the model may overrule them only where it
is confident (a kept line it is sure is boilerplate, a dropped line it is sure is
article text), and `--explain` names it as the deciding rule with its probability.
It looks only at lines near the article's span: far from it the rules are right.
The trees live in data/line_model.json, written by benchmarks/train_boilerplate.py;
they are evaluated here in pure Python (no learning library at run time).
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
DROP_BELOW_DEFAULT = 0.35
KEEP_ABOVE_DEFAULT = 0.65
REACH_DEFAULT = 15  # non-blank lines before and after the span the model looks at
KEEP_MIN_WORDS_DEFAULT = 2
BODY_ROLES = frozenset({"paragraph", "subheading"})
UNTOUCHED = frozenset({"title", "kicker", "byline", "credit", "blank"})
# What the first pass found by explicit evidence (a widget's wording, a line printed
# twice, a heading that opens the comments) the model may not bring back.
EVIDENT = frozenset({"widget", "consent", "glued", "repeated", "section-end"})


@dataclass(frozen=True)
class Tree:
    """A regression tree as flat arrays; a leaf has left == -1 and its score in `value`."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def score(self, x: list[float]) -> float:
        node = 0
        while self.left[node] != -1:
            node = self.left[node] if x[self.feature[node]] <= self.threshold[node] else self.right[node]
        return self.value[node]


@dataclass(frozen=True)
class LineModel:
    """Boosted trees (log-odds summed over trees), and when to trust them."""

    bias: float
    trees: tuple[Tree, ...]
    drop_below: float = DROP_BELOW_DEFAULT
    keep_above: float = KEEP_ABOVE_DEFAULT
    reach: int = REACH_DEFAULT

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(tree.score(x) for tree in self.trees)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def tree_from_json(data: dict) -> Tree:
    return Tree(tuple(data["feature"]), tuple(data["threshold"]), tuple(data["left"]),
                tuple(data["right"]), tuple(data["value"]))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> LineModel | None:
    """The shipped model, or None when there is none (the rules then decide alone)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["names"]) != NAMES:
        raise ValueError(f"{path}: features {data['names']} do not match {NAMES}")
    return LineModel(data["bias"], tuple(tree_from_json(t) for t in data["trees"]),
                     data.get("drop_below", DROP_BELOW_DEFAULT), data.get("keep_above", KEEP_ABOVE_DEFAULT),
                     data.get("reach", REACH_DEFAULT))


def overrule(verdict: Verdict, p: float, model: LineModel, may_keep: bool = True) -> Verdict:
    """The model's verdict where it is confident enough to disagree, else the rules'."""
    if verdict.label in BODY_ROLES and p < model.drop_below:
        return Verdict(verdict.line_no, verdict.text, "boilerplate", f"model:drop p={p:.2f}")
    if may_keep and verdict.label not in BODY_ROLES | UNTOUCHED and p > model.keep_above:
        return Verdict(verdict.line_no, verdict.text, "paragraph", f"model:keep p={p:.2f}")
    return verdict


def may_keep(line: Line, first: Verdict, i: int, closed: int) -> bool:
    """The model brings back words (not symbols) that the first pass had no evidence against,
    and nothing after the article closed."""
    words = sum(any(c.isalpha() for c in w) for w in line.words)
    return i < closed and first.label not in EVIDENT and words >= KEEP_MIN_WORDS_DEFAULT


def article_closed(first: list[Verdict], span: tuple[int, int]) -> int:
    """The first heading after the span that opens comments or related articles (or the page's end)."""
    return next((i for i in range(span[1] + 1, len(first)) if first[i].label == "section-end"), len(first))


def second_opinion(lines: list[Line], first: list[Verdict], settled: list[Verdict],
                   span: tuple[int, int] | None, model: LineModel) -> list[Verdict]:
    """Let the model overrule the context pass on the lines near the span it is sure about."""
    features = line_features(lines, first, settled, span, model.reach)
    if not features:
        return settled
    closed = article_closed(first, span)
    return [overrule(v, model.probability(features[i]), model, may_keep(lines[i], first[i], i, closed))
            if i in features else v for i, v in enumerate(settled)]
