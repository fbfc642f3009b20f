"""Fit and cross-validate the cleaner's learned line score (depesche/clean/learned.py).

Line labels come from the gold of both sets: a line of a boilerplate2 page belongs to the
article when its words stand in that order in the page's whole gold text; a line of a
German page when it holds a `with` snippet (not when it holds a `without` one; lines with
neither are left out). A logistic model over `learned.FEATURES` is fitted on them
(Newton's method, a little L2, each line weighted by its words, as the word-level scores
count them). `--fit-lines` fits it on the study halves of both sets and writes
depesche/data/line_model.json; the figures it prints for the check halves are held out.
`--folds K` also scores the lines of each fold with a model fitted on the other folds
(all pages of a site in one fold, both sets). Added to the span search's rule weights
the line score did not carry (commit 476a087 has that experiment); doubts.py uses it.

    python benchmarks/boilerplate.py --bench BENCH --bench2 BENCH2 --fit-lines --folds 5
"""
from __future__ import annotations

import json
import random
import re

import numpy as np

from depesche.clean.cleaner import label_lines
from depesche.clean.learned import FEATURES, MODEL_PATH, LineModel, line_features
from depesche.clean.rules import to_lines
from depesche.clean.span import SpanSettings, heaviest_run

L2 = 1.0
NEWTON_STEPS = 25
WORD_RE = re.compile(r"\w+")
NO_SPACE_RE = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")


def flat_words(text: str) -> str:
    """Lower-cased words joined by single spaces (Chinese and Japanese characters one by one), as the
    word-level scorer tokenises."""
    return " ".join(WORD_RE.findall(NO_SPACE_RE.sub(r" \1 ", text.lower())))


def whole_labels(texts: list[str], gold: str) -> list[float | None]:
    """1 for a line whose words stand in the gold text in that order, else 0 (None: blank or no words)."""
    flat_gold = " " + flat_words(gold) + " "
    out = []
    for text in texts:
        flat = flat_words(text)
        out.append(None if not flat else float(f" {flat} " in flat_gold))
    return out


def snippet_labels(texts: list[str], meta: dict, norm) -> list[float | None]:
    """1 for a line holding a `with` snippet, 0 for one holding a `without` snippet, else None."""
    keep, drop = [norm(s) for s in meta["with"]], [norm(s) for s in meta["without"]]
    out = []
    for text in texts:
        line = norm(text)
        hit_keep = bool(line) and any(s and s in line for s in keep)
        hit_drop = bool(line) and any(s and s in line for s in drop)
        out.append(None if hit_keep == hit_drop else float(hit_keep))
    return out


def prepare(text: str) -> dict:
    """The page's lines, first-pass verdicts and line features."""
    lines = to_lines(text)
    verdicts = label_lines(lines)
    run = heaviest_run(verdicts, len(verdicts), SpanSettings())[1]
    return {"lines": lines, "verdicts": verdicts, "x": line_features(lines, verdicts, run)}


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> LineModel:
    """Weighted logistic regression on standardised features (Newton's method, L2), folded back to raw units."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-(z @ beta)))
        grad = z.T @ (w * (p - y)) + penalty * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        beta -= np.linalg.solve(hess, grad)
    weights = beta[:-1] / scale
    return LineModel(tuple(float(v) for v in weights), float(beta[-1] - weights @ mean))


def labelled(pages: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and weights (words, at most 100) of every labelled line of the pages."""
    xs, ys, ws = [np.zeros((0, len(FEATURES)))], [], []
    for page in pages:
        rows = [i for i, label in enumerate(page["labels"]) if label is not None]
        xs.append(page["x"][rows])
        ys += [page["labels"][i] for i in rows]
        ws += [len(page["lines"][i].words) for i in rows]
    return np.vstack(xs), np.array(ys), np.minimum(np.array(ws, dtype=float), 100.0)


def fit_pages(pages: list[dict]) -> LineModel:
    """Fit on every labelled line of the pages."""
    return fit_logistic(*labelled(pages))


def line_figures(model: LineModel, pages: list[dict]) -> str:
    """Word-weighted accuracy of the model's lines (p >= .5 kept) and of keeping none, per set."""
    parts = []
    for set_name in sorted({p["set"] for p in pages}):
        x, y, w = labelled([p for p in pages if p["set"] == set_name])
        right = ((model.probabilities(x) >= 0.5) == (y == 1)) * w
        parts.append(f"{set_name} {right.sum() / w.sum():.3f} (majority {max(y @ w, (1 - y) @ w) / w.sum():.3f})")
    return ", ".join(parts)


def write_model(model: LineModel) -> None:
    MODEL_PATH.write_text(json.dumps({"features": list(FEATURES), "weights": [round(w, 5) for w in model.weights],
                                      "bias": round(model.bias, 5)}, indent=1) + "\n", encoding="utf-8")


def run(pages: list[dict], folds: int) -> None:
    """`pages`: dicts with text, set, half, site and `label` (line texts -> labels)."""
    for page in pages:
        page.update(prepare(page["text"]))
        page["labels"] = page["label"]([line.text for line in page["lines"]])
    study = fit_pages([p for p in pages if p["half"] == "study"])
    write_model(study)
    print(f"line model fitted on the study halves written to {MODEL_PATH.name}; word-weighted line accuracy")
    print(f"  study halves: {line_figures(study, [p for p in pages if p['half'] == 'study'])}")
    print(f"  check halves: {line_figures(study, [p for p in pages if p['half'] == 'check'])}")
    if folds:
        sites = sorted({p["site"] for p in pages})
        random.Random(0).shuffle(sites)
        fold_of = {name: i % folds for i, name in enumerate(sites)}
        for f in range(folds):
            model = fit_pages([p for p in pages if fold_of[p["site"]] != f])
            print(f"  held-out fold {f} of {folds} (by site): "
                  f"{line_figures(model, [p for p in pages if fold_of[p['site']] == f])}")
