"""Tagging benchmark: publisher tags vs ours on the shared dev set, with cross-validation.

usage: python benchmarks/tagging.py [--data ../shared/bench/tagging] [--folds 5] [--no-cli]

1. Runs the shared scorer on `python build.py tags {file}` (the tagger as shipped).
2. Times the tagger in-process (ms/article, models loaded once).
3. Cross-validates the ranking knobs: for each fold (grouped by the article's web site),
   picks the best grid point on the other folds and scores it on the held-out one.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import subprocess
import sys
import time
import zlib
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from depesche.clean import clean  # noqa: E402
from depesche.enrich import headline_from_text  # noqa: E402
from depesche.read import read_seed  # noqa: E402
from depesche.topics import Settings, extract_topics, load_vocabulary, mentions  # noqa: E402
from depesche.topics_rank import rank  # noqa: E402

DATA_DEFAULT = ROOT.parent / "shared" / "bench" / "tagging"
FOLDS_DEFAULT = 5
GRID_DEFAULT = {
    "headline_weight": (2.0, 3.0, 5.0),
    "lede_weight": (1.0, 1.5, 2.5),
    "zipf_penalty": (0.2, 0.35, 0.5),
    "min_share": (0.0, 0.15, 0.3),
}


def load_scorer(data: Path):
    """The shared score.py as a module, for its exact matching rule."""
    spec = importlib.util.spec_from_file_location("score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_cases(data: Path, headline: bool = False) -> list[dict]:
    """Each dev article cleaned as `build.py tags` cleans it, with its gold tags and site.

    With `headline`, the file's own first line is the title (the cleaner often drops it).
    """
    cases = []
    for gold_file in sorted((data / "dev").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text_file = gold_file.with_suffix(".txt")
        cleaned = clean(read_seed(text_file, text_file.name, {}).text)
        blocks = [b.text for b in cleaned.blocks]
        paragraphs = [b.text for b in cleaned.blocks if b.role == "paragraph"]
        title = cleaned.title if cleaned.title is not None else headline_from_text(paragraphs)
        if headline:
            title = text_file.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        cases.append({"id": gold_file.stem, "title": title, "blocks": blocks, "gold": gold["gold_tags"],
                      "site": urlparse(gold["url"]).netloc + (gold_file.stem if "archive" in gold["url"] else "")})
    return cases


def run_cli(data: Path, jobs: int) -> None:
    command = [sys.executable, str(data / "score.py"), "--data", str(data / "dev"), "-j", str(jobs),
               "--cmd", f"{sys.executable} build.py tags {{file}}"]
    print("$ " + " ".join(command[1:]), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def timing(cases: list[dict], vocabulary) -> None:
    """Model loading once, then the per-article cost of the whole tagger."""
    start = time.perf_counter()
    extract_topics("Facebook kauft WhatsApp", ["Der Messenger WhatsApp gehört zu Facebook."], vocabulary)
    loaded = time.perf_counter()
    for case in cases:
        extract_topics(case["title"], case["blocks"], vocabulary)
    done = time.perf_counter()
    print(f"models loaded in {loaded - start:.2f} s; "
          f"{1000 * (done - loaded) / len(cases):.1f} ms/article over {len(cases)} articles (cold word caches)")


def evaluate(scorer, found: list, cases: list[dict], vocabulary, settings: Settings, k: int = 5):
    """Mean (P, R, F1)@k over the cases."""
    rows = [scorer.prf(rank(m, vocabulary, settings), case["gold"], k) for m, case in zip(found, cases)]
    return tuple(sum(r[i] for r in rows) / max(1, len(rows)) for i in range(3))


def grid(base: Settings) -> list[Settings]:
    keys = list(GRID_DEFAULT)
    return [replace(base, **dict(zip(keys, values))) for values in itertools.product(*GRID_DEFAULT.values())]


def cross_validate(scorer, found: list, cases: list[dict], vocabulary, folds: int) -> None:
    """Grouped k-fold: a site's articles all sit in one fold."""
    fold_of = [zlib.crc32(c["site"].encode()) % folds for c in cases]
    points = grid(Settings())
    held_out: list[tuple[float, float, float, int]] = []
    for fold in range(folds):
        train = [i for i, f in enumerate(fold_of) if f != fold]
        test = [i for i, f in enumerate(fold_of) if f == fold]
        pick = lambda idx: ([found[i] for i in idx], [cases[i] for i in idx])  # noqa: E731
        best = max(points, key=lambda s: evaluate(scorer, *pick(train), vocabulary, s)[2])
        p, r, f1 = evaluate(scorer, *pick(test), vocabulary, best)
        held_out.append((p, r, f1, len(test)))
        chosen = {key: getattr(best, key) for key in GRID_DEFAULT}
        print(f"fold {fold}: n={len(test):3d} F1@5 {f1:.3f}  chosen {chosen}")
    n = sum(h[3] for h in held_out)
    p, r, f1 = (sum(h[i] * h[3] for h in held_out) / n for i in range(3))
    print(f"cross-validated ({folds} folds by site): F1@5 {f1:.3f} P@5 {p:.3f} R@5 {r:.3f} n={n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA_DEFAULT)
    ap.add_argument("--folds", type=int, default=FOLDS_DEFAULT)
    ap.add_argument("-j", type=int, default=4)
    ap.add_argument("--no-cli", action="store_true", help="skip the scorer run on build.py")
    args = ap.parse_args()
    data = args.data.resolve()
    if not args.no_cli:
        run_cli(data, args.j)
    scorer, vocabulary = load_scorer(data), load_vocabulary(ROOT / "topics.toml")
    cases = load_cases(data)
    timing(cases, vocabulary)
    found = [mentions(c["title"], c["blocks"], vocabulary) for c in cases]
    p, r, f1 = evaluate(scorer, found, cases, vocabulary, Settings())
    print(f"defaults, in-sample: F1@5 {f1:.3f} P@5 {p:.3f} R@5 {r:.3f} n={len(cases)}")
    cross_validate(scorer, found, cases, vocabulary, args.folds)


if __name__ == "__main__":
    main()
