"""Train the cleaner's line model (depesche/data/line_model.json) and cross-validate it.

Labels: trafilatura reads each page's original HTML (training time only; a development
dependency) and every copied line it extracted counts as article text; the page's human
annotations override it where they touch a line. The features are the cleaner's own
(depesche/clean_features.py). The model is a logistic regression fitted with numpy
(Newton steps, L2); the shipped cleaner evaluates it in pure Python.

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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from boilerplate import BENCH_DEFAULT, FOLDS_DEFAULT, folds, load_pages, load_scorer, score_page  # noqa: E402
from depesche.clean import clean  # noqa: E402
from depesche.clean_context import article_span, settle  # noqa: E402
from depesche.clean_features import NAMES, line_features  # noqa: E402
from depesche.clean_model import DROP_BELOW_DEFAULT, KEEP_ABOVE_DEFAULT, MODEL_FILE, LineModel  # noqa: E402
from depesche.clean_rules import classify, to_lines  # noqa: E402
from depesche.report import plain_text  # noqa: E402

L2_DEFAULT = 1.0
SHORT_LINE_CHARS = 40


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


CACHE = Path("/tmp/depesche-trafilatura-cache")


def extracted(html_path: Path) -> tuple[str, set[str]]:
    """trafilatura's text of a page, flat and as a set of its lines (cached outside the repo)."""
    cached = CACHE / (html_path.stem + ".txt")
    if cached.exists():
        text = cached.read_text(encoding="utf-8")
    else:
        import trafilatura

        text = trafilatura.extract(html_path.read_text(encoding="utf-8", errors="replace")) or ""
        CACHE.mkdir(exist_ok=True)
        cached.write_text(text, encoding="utf-8")
    return flat(text), {flat(x) for x in text.split("\n") if x.strip()}


def line_label(text: str, meta: dict, whole: str, lines: set[str]) -> float:
    """1 for article text, 0 for boilerplate: the annotation where it speaks, else trafilatura."""
    if any(flat(w) in text for w in meta["with"]):
        return 1.0
    if any(flat(w) in text for w in meta["without"]):
        return 0.0
    if len(text) < SHORT_LINE_CHARS:
        return float(text in lines)
    return float(text in whole)


def page_rows(text: str, meta: dict, html: Path) -> tuple[list[list[float]], list[float]]:
    """Features and labels of a page's non-blank lines."""
    whole, extracted_lines = extracted(html)
    lines = to_lines(text)
    first = [classify(line) for line in lines]
    features = line_features(lines, first, settle(first), article_span(first))
    xs = list(features.values())
    ys = [line_label(lines[i].text, meta, whole, extracted_lines) for i in features]
    return xs, ys


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2_DEFAULT) -> LineModel:
    """Logistic regression by Newton's method on standardised features."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(25):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + l2 * np.r_[w[:-1], 0]
        hess = (z * (p * (1 - p))[:, None]).T @ z + l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
        w -= np.linalg.solve(hess, grad)
    return LineModel(tuple(mean), tuple(scale), tuple(w[:-1]), float(w[-1]))


THRESHOLDS = ((DROP_BELOW_DEFAULT, KEEP_ABOVE_DEFAULT), (0.1, 0.9), (0.25, 0.75), (0.05, 0.95), (0.15, 1.0))


def cross_validate(pages, rows, bench: Path, k: int) -> None:
    """Fit on k-1 folds (grouped by site), clean and score the held-out pages."""
    score = load_scorer(bench)
    fold = folds(pages, k)
    held: dict[str, list[dict]] = {}
    for f in range(k):
        train = [i for i, fo in enumerate(fold) if fo != f]
        x = np.array([r for i in train for r in rows[i][0]])
        y = np.array([v for i in train for v in rows[i][1]])
        models = {"rules alone": None} | {
            f"rules + model, drop < {lo}, keep > {hi}": replace(fit(x, y), drop_below=lo, keep_above=hi)
            for lo, hi in THRESHOLDS}
        for i in (i for i, fo in enumerate(fold) if fo == f):
            _, text, meta = pages[i]
            for name, model in models.items():
                out = plain_text(clean(text, model=model))
                held.setdefault(name, []).append(score_page(score, out, meta, len(text)))
    for name, rows_ in held.items():
        m = score.metrics(rows_)
        print(f"cross-validated ({k} folds by site), {name}: F1 {m['f1']:.3f} "
              f"precision {m['precision']:.3f} recall {m['recall']:.3f}")


def write_model(model: LineModel, path: Path = MODEL_FILE) -> None:
    data = {"names": list(NAMES), "mean": list(model.mean), "scale": list(model.scale),
            "weights": [round(w, 6) for w in model.weights], "bias": round(model.bias, 6),
            "drop_below": model.drop_below, "keep_above": model.keep_above}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=Path(BENCH_DEFAULT))
    ap.add_argument("--set", default="dev")
    ap.add_argument("--folds", type=int, default=FOLDS_DEFAULT)
    ap.add_argument("--write", action="store_true", help="fit on all pages and write the model file")
    args = ap.parse_args(argv)
    pages = load_pages(args.bench, args.set)
    rows = [page_rows(text, meta, args.bench / args.set / f"{pid}.html") for pid, text, meta in pages]
    print(f"{sum(len(r[1]) for r in rows)} lines, {sum(sum(r[1]) for r in rows):.0f} labelled article text")
    cross_validate(pages, rows, args.bench, args.folds)
    if args.write:
        write_model(fit(np.array([r for x, _ in rows for r in x]), np.array([v for _, y in rows for v in y])))


if __name__ == "__main__":
    main()
