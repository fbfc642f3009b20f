"""Fit the cleaner's doubt model (depesche/clean/doubts.py) on the study halves of both sets.

A logistic model on the measures of `doubts.measures`, to tell pages the
cleaner got wrong (F1 < .5) from the others; fitted on the study halves only, with the
threshold that warns about 9 % of the study pages it got right, and scored on the check
halves; also cross-validated by source (each of boilerplate2's sources, and the German set as one,
held out in turn, the threshold set on the other sources' pages). Prints the weights as clean/doubts.py holds them (weight per unit of a measure,
the measure's mean, the bias and the threshold). Needs numpy (the `train` extra).
"""
from __future__ import annotations

import numpy as np

from depesche.clean.cleaner import assemble, label_lines
from depesche.clean.doubts import DOUBTS, measures
from depesche.clean.learned import line_likelihoods
from depesche.clean.rules import to_lines
from depesche.clean.settle import settle

GOOD_WARNED_SHARE = 0.09
TRADE_OFF_SHARES = (0.05, 0.07)
L2 = 1.0
STEPS, RATE = 4000, 0.2


def page_measures(text: str) -> list[float] | None:
    lines = to_lines(text)
    verdicts = label_lines(lines)
    cleaned = assemble(settle(verdicts))
    if not cleaned.blocks:
        return None
    values = measures(verdicts, list(cleaned.verdicts), cleaned.title is not None, line_likelihoods(lines, verdicts))
    return [values[name] for name in DOUBTS]


def fit(x: np.ndarray, wrong: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Logistic regression on standardised measures (gradient descent, a little L2); the weights
    per unit of each measure, the means, and the bias."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        w -= RATE * (z.T @ (p - wrong) / len(wrong) + L2 * w / len(wrong))
        b -= RATE * float((p - wrong).mean())
    return w / scale, mean, b


def run(halves: list[tuple[str, str, str, float, str]]) -> None:
    """`halves`: (set name, half, page text, F1, source) for every page of both sets."""
    rows = [(s, h, m, f, g) for s, h, text, f, g in halves if (m := page_measures(text)) is not None]
    study = [r for r in rows if r[1] == "study"]
    x = np.array([r[2] for r in study])
    wrong = np.array([r[3] < 0.5 for r in study], dtype=float)
    weights, mean, bias = fit(x, wrong)
    scores = (x - mean) @ weights + bias
    threshold = float(np.quantile(scores[wrong == 0], 1 - GOOD_WARNED_SHARE))
    print("doubt model fitted on the study halves:")
    for name, w, m in zip(DOUBTS, weights, mean):
        print(f"    {name!r}: Doubt({w:.4f}, {m:.3f}, …),")
    print(f"DOUBT_BIAS = {bias:.4f}\nDOUBT_THRESHOLD = {threshold:.3f}")
    report(rows, weights, mean, bias, threshold)
    for share in TRADE_OFF_SHARES:
        print(f"threshold warning about {share:.0%} of the study pages it gets right:")
        report(rows, weights, mean, bias, float(np.quantile(scores[wrong == 0], 1 - share)))
    cross_validate(rows)


def cross_validate(rows: list[tuple]) -> None:
    """Each source held out in turn: fitted, and its threshold set, on the other sources' pages (both halves)."""
    x, wrong = np.array([r[2] for r in rows]), np.array([r[3] < 0.5 for r in rows])
    source, warned = np.array([r[4] for r in rows]), np.zeros(len(rows), dtype=bool)
    for held_out in sorted(set(source)):
        train = source != held_out
        weights, mean, bias = fit(x[train], wrong[train].astype(float))
        scores = (x - mean) @ weights + bias
        warned[~train] = scores[~train] >= np.quantile(scores[train & ~wrong], 1 - GOOD_WARNED_SHARE)
    print("cross-validated by source:")
    for set_name in sorted({r[0] for r in rows}):
        part = np.array([r[0] == set_name for r in rows])
        print(f"  {set_name}: warned {int((warned & part & wrong).sum())}/{int((part & wrong).sum())} of pages with "
              f"F1 < .5, {int((warned & part & ~wrong).sum())}/{int((part & ~wrong).sum())} of the others")


def report(rows: list[tuple], weights: np.ndarray, mean: np.ndarray, bias: float, threshold: float) -> None:
    """How many pages with F1 < .5 and how many others the model warns about, per set and half."""
    for set_name in sorted({r[0] for r in rows}):
        for half in ("study", "check"):
            part = [r for r in rows if r[0] == set_name and r[1] == half]
            warned = (np.array([r[2] for r in part]) - mean) @ weights + bias >= threshold
            bad = np.array([r[3] < 0.5 for r in part])
            print(f"  {set_name} {half}: warned {int(warned[bad].sum())}/{int(bad.sum())} of pages with F1 < .5, "
                  f"{int(warned[~bad].sum())}/{int((~bad).sum())} of the others")
