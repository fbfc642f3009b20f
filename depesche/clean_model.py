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
from functools import cached_property, lru_cache
from pathlib import Path

from .clean_features import NAMES, Page, line_features, near_span, page_of
from .clean_rules import Line
from .model import Verdict

MODEL_FILE = Path(__file__).resolve().parent / "data" / "line_model.json"
# The model overrules the rules only where it is this sure: the rules now do most of what it
# learned, and its less confident drops cost more than they gained (cross-validated over four fold
# shuffles: .35/.65 .933, .2/.8 .934, keeping only .934, rules alone .934).
DROP_BELOW_DEFAULT = 0.2
KEEP_ABOVE_DEFAULT = 0.8
REACH_DEFAULT = 15  # non-blank lines before and after the span the model looks at
KEEP_MIN_WORDS_DEFAULT = 2
BODY_ROLES = frozenset({"paragraph", "subheading"})
UNTOUCHED = frozenset({"title", "kicker", "byline", "credit", "blank"})
# What the first pass found by explicit evidence (a widget's wording, a line printed
# twice, a heading that opens the comments) the model may not bring back.
EVIDENT = frozenset({"widget", "consent", "glued", "repeated", "section-end", "date"})


@dataclass(frozen=True)
class Tree:
    """A regression tree as flat arrays; a leaf has left == -1 and its score in `value`."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]


Node = "tuple[int, float, Node, Node] | float"


def nested(tree: Tree, node: int = 0) -> Node:
    """A tree as nested tuples (feature, threshold, left, right) with the leaves' scores: quick to walk."""
    if tree.left[node] == -1:
        return tree.value[node]
    return (tree.feature[node], tree.threshold[node], nested(tree, tree.left[node]), nested(tree, tree.right[node]))


def walk(node: Node, x: list[float]) -> float:
    while type(node) is tuple:
        feature, threshold, left, right = node
        node = left if x[feature] <= threshold else right
    return node


@dataclass(frozen=True)
class LineModel:
    """Boosted trees (log-odds summed over trees), and when to trust them."""

    bias: float
    trees: tuple[Tree, ...]
    drop_below: float = DROP_BELOW_DEFAULT
    keep_above: float = KEEP_ABOVE_DEFAULT
    reach: int = REACH_DEFAULT

    @cached_property
    def roots(self) -> tuple[Node, ...]:
        return tuple(nested(tree) for tree in self.trees)

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(walk(root, x) for root in self.roots)
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


def overrule(verdict: Verdict, p: float, model: LineModel) -> Verdict:
    """The model's verdict where it is confident enough to disagree, else the rules'."""
    if verdict.label in BODY_ROLES and p < model.drop_below:
        return Verdict(verdict.line_no, verdict.text, "boilerplate", f"model:drop p={p:.2f}")
    if verdict.label not in BODY_ROLES | UNTOUCHED and p > model.keep_above:
        return Verdict(verdict.line_no, verdict.text, "paragraph", f"model:keep p={p:.2f}")
    return verdict


def may_keep(line: Line, first: Verdict, i: int, closed: int) -> bool:
    """The model brings back words (not symbols) that the first pass had no evidence against,
    and nothing after the article closed; nor a line starting in lower case (an image's alt
    text, a tag, a user name: an article's lines start as sentences and headings do)."""
    words = sum(any(c.isalpha() for c in w) for w in line.words)
    return (i < closed and first.label not in EVIDENT and words >= KEEP_MIN_WORDS_DEFAULT
            and not line.text[0].islower())


def article_closed(first: list[Verdict], span: tuple[int, int]) -> int:
    """The first heading after the span that opens comments or related articles (or the page's end)."""
    return next((i for i in range(span[1] + 1, len(first)) if first[i].label == "section-end"), len(first))


def open_questions(page: Page, span: tuple[int, int], reach: int) -> list[int]:
    """The lines near the span whose verdict the model may change: kept ones, and droppable ones it may bring back."""
    closed = article_closed(page.first, span)
    return [i for i in near_span(page, reach)
            if page.settled[i].label in BODY_ROLES
            or (page.settled[i].label not in UNTOUCHED and may_keep(page.lines[i], page.first[i], i, closed))]


def second_opinion(lines: list[Line], first: list[Verdict], settled: list[Verdict],
                   span: tuple[int, int] | None, model: LineModel) -> list[Verdict]:
    """Let the model overrule the context pass on the lines near the span it is sure about."""
    if span is None:
        return settled
    page = page_of(lines, first, settled, span)
    out = list(settled)
    for i in open_questions(page, span, model.reach):
        out[i] = overrule(settled[i], model.probability(line_features(page, i)), model)
    return out
