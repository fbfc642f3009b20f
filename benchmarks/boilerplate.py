"""Score the cleaner on the annotated pages in ../shared/bench/boilerplate.

Fast path (default): cleans every page in this process and counts exactly as
score.py does (its own `norm` and `metrics` are imported), so the figures are the
scorer's. `--official` runs score.py itself through `build.py clean`.
Prints F1, precision, recall, ms/page and the worst pages.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from depesche.clean import clean  # noqa: E402
from depesche.read import normalise  # noqa: E402
from depesche.report import plain_text  # noqa: E402

BENCH_DEFAULT = "../shared/bench/boilerplate"


def load_scorer(bench: Path):
    """score.py as a module, for its `norm` and `metrics`."""
    spec = importlib.util.spec_from_file_location("score", bench / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(bench: Path, subset: str) -> list[tuple[str, str, dict]]:
    """(id, normalised text, annotation) for every page of a set."""
    pages = []
    for txt in sorted((bench / subset).glob("*.txt")):
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        pages.append((txt.stem, normalise(txt.read_text(encoding="utf-8")), meta))
    return pages


def score_page(score, out: str, meta: dict, raw_len: int) -> dict:
    """One page counted as score.py's run_case counts it."""
    flat = score.norm(out)
    lost = [w for w in meta["with"] if score.norm(w) not in flat]
    leaked = [w for w in meta["without"] if score.norm(w) in flat]
    return {"id": meta["id"], "ok": True, "lost": lost, "leaked": leaked,
            "tp": len(meta["with"]) - len(lost), "fn": len(lost),
            "fp": len(leaked), "tn": len(meta["without"]) - len(leaked),
            "ratio": len(out) / max(1, raw_len)}


def run_fast(bench: Path, subset: str, worst: int) -> list[dict]:
    """Clean every page in-process; print the scorer's figures and ms/page."""
    score = load_scorer(bench)
    pages = load_pages(bench, subset)
    rows, elapsed = [], 0.0
    for _, text, meta in pages:
        start = time.process_time()
        cleaned = clean(text)
        elapsed += time.process_time() - start
        rows.append(score_page(score, plain_text(cleaned), meta, len(text)))
    m = score.metrics(rows)
    print(f"{subset}: F1 {m['f1']:.3f} precision {m['precision']:.3f} recall {m['recall']:.3f} "
          f"perfect {m['perfect']}/{m['n']}  {1000 * elapsed / len(pages):.2f} ms/page (CPU)")
    for r in sorted(rows, key=lambda r: -(r["fn"] + r["fp"]))[:worst]:
        print(f"  {r['id']}: lost={r['lost']} leaked={r['leaked']}")
    return rows


def run_official(bench: Path, subset: str) -> None:
    """score.py itself, through the command line."""
    cmd = [sys.executable, str(bench / "score.py"), "--cmd",
           f"{sys.executable} build.py clean {{file}}", subset]
    subprocess.run(cmd, check=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=Path(BENCH_DEFAULT), help="boilerplate bench folder")
    ap.add_argument("--set", default="dev", help="subset folder (default: dev)")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--official", action="store_true", help="also run score.py through build.py")
    args = ap.parse_args(argv)
    run_fast(args.bench, args.set, args.worst)
    if args.official:
        run_official(args.bench, args.set)


if __name__ == "__main__":
    main()
