"""Train the cleaner's line model (depesche/data/line_model.json) and cross-validate it.

Labels: the lines that the pages' human annotations speak about (a line holding a
`with` string is article text, one holding a `without` string is boilerplate). They
are few (about 1,200 near the span), but they are exactly what the benchmark scores; labels
that trafilatura derives from the HTML for every line made the model no better than
the rules (see the README's boilerplate section). The features are the cleaner's own
(depesche/clean_features.py), for the lines near the article's span. The model is
scikit-learn's gradient boosting (a `train` extra); the shipped cleaner evaluates the
exported trees in pure Python.

Honest figures: 5 folds, all pages of one site in one fold; for each fold the model is
fitted on the other folds and the held-out pages are cleaned with it and scored as
score.py scores. Training data stays in the bench folder; nothing of it is written here.

    python benchmarks/train_boilerplate.py [--bench ../shared/bench/boilerplate] [--write]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from boilerplate import BENCH_DEFAULT, FOLDS_DEFAULT, folds, load_pages, load_scorer, score_page  # noqa: E402
from depesche.clean import clean  # noqa: E402
from depesche.clean_context import article_span  # noqa: E402
from depesche.clean_settle import settle  # noqa: E402
from depesche.clean_features import NAMES, line_features, near_span, page_of  # noqa: E402
from depesche.clean_model import (  # noqa: E402
    DROP_BELOW_DEFAULT, KEEP_ABOVE_DEFAULT, MODEL_FILE, REACH_DEFAULT, LineModel, Tree,
)
from depesche.clean_rules import author_boxes, classify, to_lines  # noqa: E402
from depesche.report import plain_text  # noqa: E402

TREES_DEFAULT = 40
DEPTH_DEFAULT = 3
LEARNING_RATE_DEFAULT = 0.15
SUBSAMPLE_DEFAULT = 0.8
# A leaf holds at least this many training lines: with about 1,200 labelled lines, smaller
# leaves learn single pages (cross-validated over four fold shuffles: 1 line .927, 10 and 20 lines .929).
MIN_LEAF_DEFAULT = 20
# The confidence thresholds the cross-validation reports; the first pair is shipped.
THRESHOLDS = ((DROP_BELOW_DEFAULT, KEEP_ABOVE_DEFAULT), (0.35, 0.65), (0.15, 0.85), (0.45, 0.55))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def line_label(text: str, meta: dict) -> float | None:
    """1 for article text, 0 for boilerplate, None where the annotation says nothing."""
    if any(flat(w) in text for w in meta["with"]):
        return 1.0
    if any(flat(w) in text for w in meta["without"]):
        return 0.0
    return None


def page_rows(text: str, meta: dict) -> tuple[list[list[float]], list[float]]:
    """Features and labels of the annotated lines near the span (also those the model may not
    overrule: they teach it what boilerplate looks like)."""
    lines = to_lines(text)
    first = author_boxes([classify(line) for line in lines])
    span = article_span(first)
    if span is None:
        return [], []
    page = page_of(lines, first, settle(first), span)
    labelled = [(i, line_label(lines[i].text, meta)) for i in near_span(page, REACH_DEFAULT)]
    return [line_features(page, i) for i, y in labelled if y is not None], [y for _, y in labelled if y is not None]


def fit(x: list[list[float]], y: list[float]) -> LineModel:
    """Gradient-boosted trees, exported with the learning rate folded into the leaves."""
    booster = GradientBoostingClassifier(n_estimators=TREES_DEFAULT, max_depth=DEPTH_DEFAULT,
                                         learning_rate=LEARNING_RATE_DEFAULT, subsample=SUBSAMPLE_DEFAULT,
                                         min_samples_leaf=MIN_LEAF_DEFAULT, random_state=0).fit(np.array(x), np.array(y))
    prior = float(np.mean(y))
    trees = tuple(export_tree(est[0].tree_, booster.learning_rate) for est in booster.estimators_)
    return LineModel(round(float(np.log(prior / (1 - prior))), 6), trees)


def export_tree(tree, rate: float) -> Tree:
    """One scikit-learn regression tree as the cleaner's flat arrays."""
    return Tree(tuple(int(f) for f in tree.feature), tuple(round(float(t), 6) for t in tree.threshold),
                tuple(int(c) for c in tree.children_left), tuple(int(c) for c in tree.children_right),
                tuple(round(float(v) * rate, 6) for v in tree.value[:, 0, 0]))


def cross_validate(pages, rows, bench: Path, k: int, seed: int = 0) -> None:
    """Fit on k-1 folds (grouped by site; `seed` shuffles the sites), clean and score the held-out pages."""
    score = load_scorer(bench)
    fold = folds(pages, k, seed)
    held: dict[str, list[dict]] = {}
    for f in range(k):
        train = [i for i, fo in enumerate(fold) if fo != f]
        model = fit([r for i in train for r in rows[i][0]], [v for i in train for v in rows[i][1]])
        models = {"rules alone": None} | {
            f"rules + model, drop < {lo}, keep > {hi}": replace(model, drop_below=lo, keep_above=hi)
            for lo, hi in THRESHOLDS}
        for i in (i for i, fo in enumerate(fold) if fo == f):
            _, text, meta = pages[i]
            for name, m in models.items():
                held.setdefault(name, []).append(score_page(score, plain_text(clean(text, model=m)), meta, len(text)))
    for name, rows_ in held.items():
        m = score.metrics(rows_)
        print(f"cross-validated ({k} folds by site, shuffle {seed}), {name}: F1 {m['f1']:.3f} "
              f"precision {m['precision']:.3f} recall {m['recall']:.3f}")


def write_model(model: LineModel, path: Path = MODEL_FILE) -> None:
    trees = [{"feature": t.feature, "threshold": t.threshold, "left": t.left, "right": t.right, "value": t.value}
             for t in model.trees]
    data = {"names": list(NAMES), "bias": model.bias, "drop_below": model.drop_below,
            "keep_above": model.keep_above, "reach": model.reach, "trees": trees}
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=Path(BENCH_DEFAULT))
    ap.add_argument("--set", default="dev")
    ap.add_argument("--folds", type=int, default=FOLDS_DEFAULT, help="0: no cross-validation")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0], help="fold shuffles (default: 0)")
    ap.add_argument("--write", action="store_true", help="fit on all pages and write the model file")
    args = ap.parse_args(argv)
    pages = load_pages(args.bench, args.set)
    rows = [page_rows(text, meta) for _, text, meta in pages]
    print(f"{sum(len(r[1]) for r in rows)} annotated lines, {sum(sum(r[1]) for r in rows):.0f} article text")
    if args.folds:
        for seed in args.seeds:
            cross_validate(pages, rows, args.bench, args.folds, seed)
    if args.write:
        write_model(fit([r for x, _ in rows for r in x], [v for _, y in rows for v in y]))


if __name__ == "__main__":
    main()
