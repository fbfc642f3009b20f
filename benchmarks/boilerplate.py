"""Score the cleaner on the annotated pages in ../shared/bench/boilerplate.

Fast path (default): cleans every page in this process and counts exactly as
score.py does (its own `norm` and `metrics` are imported), so the figures are the
scorer's. `--official` runs score.py itself through `build.py clean`.
Prints F1, precision, recall, ms/page, for a study half and a check half of the sites
(read failures only in the study half; the worst pages listed are the study half's),
and how many pages the cleaner warns about. `--bench2 DIR` does the same on the
whole-text gold of boilerplate2 (boilerplate_whole.py), with jusText beside it. Nothing in the cleaner is
fitted to these pages by a program; the span weights were set by hand. The
cross-validation shows what choosing them by search would give: the weights with the
best F1 on the training folds (all pages of a site in one fold), scored on the held-out one.
`--fit-lines` fits the cleaner's line model (boilerplate_lines.py), `--fit-doubts` its doubt model.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from depesche.clean.cleaner import assemble, clean, first_pass  # noqa: E402
from depesche.clean.report import plain_text  # noqa: E402
from depesche.clean.settle import settle  # noqa: E402
from depesche.clean.span import SpanSettings  # noqa: E402
from depesche.read import normalise  # noqa: E402
from boilerplate_whole import BAD_F1, half_of, run as run_whole, warned_share  # noqa: E402

BENCH_DEFAULT = "../shared/bench/boilerplate"
BENCH2_DEFAULT = "../shared/bench/boilerplate2"
HEADLINES_DEFAULT = "../shared/bench/tagging/dev"
FOLDS_DEFAULT = 5
# The span weights the cross-validation chooses from on the training folds.
GRID = {"short_cost": (0.5, 1.0, 2.0), "widget_cost": (2.0, 3.0, 6.0),
        "end_cost": (10.0, 20.0, 40.0), "lead_max_gap": (4, 12, 20),
        "before_end_share": (0.2, 0.3, 0.5)}
REFERENCE = """reference figures on dev (from the bench README):
| cleaner | F1 | precision | recall |
|---|---|---|---|
| no cleaning | .666 | .499 | 1.000 |
| jusText on the lines, German stoplist | .772 | .686 | .881 |
| trafilatura on the lines | .669 | .503 | 1.000 |
| trafilatura on the original HTML (sees markup) | .930 | .911 | .950 |"""


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


def page_f1(row: dict) -> float:
    """One page's F1 over its snippets (for the warning shares)."""
    found = row["tp"] + row["fp"]
    p, r = row["tp"] / found if found else 0.0, row["tp"] / max(1, row["tp"] + row["fn"])
    return 2 * p * r / (p + r) if p + r else 0.0


def run_fast(score, pages: list[tuple[str, str, dict]], subset: str, worst: int) -> list[dict]:
    """Clean every page in-process; print the scorer's figures per half and ms/page."""
    rows, times = [], []
    for page_id, text, meta in pages:
        start = time.process_time()
        cleaned = clean(text)
        times.append(time.process_time() - start)
        row = score_page(score, plain_text(cleaned) if cleaned.blocks else "", meta, len(text))
        row.update(half=half_of(site(meta, page_id)), doubts=cleaned.doubts)
        row["f1"] = page_f1(row)
        rows.append(row)
    for half in ("study", "check", "all"):
        part = [r for r in rows if half in ("all", r["half"])]
        m = score.metrics(part)
        print(f"{subset} {half if half != 'all' else 'both halves'}: F1 {m['f1']:.3f} precision {m['precision']:.3f} "
              f"recall {m['recall']:.3f} perfect {m['perfect']}/{m['n']}, pages F1 < {BAD_F1}: "
              f"{sum(r['f1'] < BAD_F1 for r in part)}; {warned_share(part)}")
    print(f"CPU time per page: mean {1000 * sum(times) / len(times):.2f} ms, "
          f"median {1000 * statistics.median(times):.2f} ms, slowest {1000 * max(times):.1f} ms")
    print(f"worst {worst} pages of the study half (read only these):")
    for r in sorted((r for r in rows if r["half"] == "study"), key=lambda r: -(r["fn"] + r["fp"]))[:worst]:
        print(f"  {r['id']}: lost={r['lost']} leaked={r['leaked']} {', '.join(r['doubts'])}")
    return rows


def site(meta: dict, page_id: str) -> str:
    """The website a page comes from (the archived one for archive.org copies)."""
    url = meta.get("url") or ""
    archived = re.search(r"web\.archive\.org/web/[^/]+/(.*)", url)
    url = archived.group(1) if archived else url
    host = urlparse(url if "://" in url else "http://" + url).hostname
    return host.removeprefix("www.") if host and "." in host else page_id.split("_")[0]


def folds(pages: list[tuple[str, str, dict]], k: int, seed: int) -> list[int]:
    """A fold number per page; all pages of one site share a fold (`seed` shuffles the sites)."""
    sites = sorted({site(meta, pid) for pid, _, meta in pages})
    random.Random(seed).shuffle(sites)
    fold_of = {name: i % k for i, name in enumerate(sites)}
    return [fold_of[site(meta, pid)] for pid, _, meta in pages]


def grid_rows(score, pages: list[tuple[str, str, dict]]) -> tuple[list[SpanSettings], list[list[dict]]]:
    """Every span-weight setting of the grid, and every page scored with each."""
    passes = [first_pass(text) for _, text, _ in pages]
    grid = [SpanSettings(**dict(zip(GRID, values))) for values in itertools.product(*GRID.values())]
    rows = [[score_page(score, plain_text(assemble(settle(v, g))), meta, len(text))
             for v, (_, text, meta) in zip(passes, pages)] for g in grid]
    return grid, rows


def cross_validate(score, subset: str, pages: list[tuple[str, str, dict]], grid: list[SpanSettings],
                   rows: list[list[dict]], k: int, seed: int) -> None:
    """Choose the span weights on k-1 folds, score the held-out fold; print the pooled figures."""
    fold = folds(pages, k, seed)
    held_out = []
    for f in range(k):
        best = max((score.metrics([r for r, fo in zip(rs, fold) if fo != f])["f1"], gi)
                   for gi, rs in enumerate(rows))[1]
        held_out += [r for r, fo in zip(rows[best], fold) if fo == f]
        print(f"  fold {f}: chose {grid[best]}")
    m = score.metrics(held_out)
    print(f"{subset}, span weights cross-validated ({k} folds by site, shuffle {seed}): F1 {m['f1']:.3f} "
          f"precision {m['precision']:.3f} recall {m['recall']:.3f}")


def headline_hits(folder: Path, worst: int) -> None:
    """Clean articles written as "headline, blank line, text": is the first line the headline?"""
    misses = []
    paths = sorted(folder.glob("*.txt"))
    for path in paths:
        text = normalise(path.read_text(encoding="utf-8"))
        expected, found = text.split("\n", 1)[0], clean(text).title
        if found != expected:
            misses.append((path.stem, expected, found))
    print(f"headline found {len(paths) - len(misses)}/{len(paths)} ({folder})")
    for stem, expected, found in misses[:worst]:
        print(f"  {stem}: expected {expected[:60]!r}, found {(found or '')[:60]!r}")


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
    ap.add_argument("--folds", type=int, default=FOLDS_DEFAULT, help="0: no cross-validation")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0],
                    help="fold shuffles (deals of the sites into folds) to cross-validate (default: 0)")
    ap.add_argument("--bench2", type=Path, nargs="?", const=Path(BENCH2_DEFAULT),
                    help="also score the whole-text set (default folder: %(const)s)")
    ap.add_argument("--no-justext", action="store_true", help="with --bench2: skip the jusText reference")
    ap.add_argument("--fit-doubts", action="store_true",
                    help="with --bench2: fit the doubt model on both sets' study halves (needs numpy)")
    ap.add_argument("--fit-lines", action="store_true",
                    help="with --bench2: fit the learned line score on both sets' study halves and write it")
    ap.add_argument("--headlines", type=Path, nargs="?", const=Path(HEADLINES_DEFAULT),
                    help="only count the headlines found in clean articles (default folder: %(const)s)")
    args = ap.parse_args(argv)
    if args.headlines:
        headline_hits(args.headlines, args.worst)
        return
    print(REFERENCE)
    score, pages = load_scorer(args.bench), load_pages(args.bench, args.set)
    if args.fit_lines:
        fit_lines(args, score, pages)
        return
    german = run_fast(score, pages, args.set, args.worst)
    if args.folds:
        grid, rows = grid_rows(score, pages)  # the same for every deal of the sites into folds
        for seed in args.seeds:
            cross_validate(score, args.set, pages, grid, rows, args.folds, seed)
    if args.official:
        run_official(args.bench, args.set)
    if args.bench2:
        whole = run_whole(args.bench2, args.set, args.worst, not args.no_justext)
        if args.fit_doubts:
            from boilerplate_doubts import run as fit_doubts

            fit_doubts([("de", r["half"], text, r["f1"], "de") for r, (_, text, _) in zip(german, pages)]
                       + [("boilerplate2", r["half"], r["text"], r["f1"], r["source"]) for r in whole])


def fit_lines(args, score, pages: list[tuple[str, str, dict]]) -> None:
    """Both sets' pages as boilerplate_lines.py wants them; fit, write and cross-validate the line score."""
    from boilerplate_lines import run as run_lines, snippet_labels, whole_labels
    from boilerplate_whole import load_pages as load_whole, site_key

    german = [{"text": text, "set": "de", "site": site(meta, pid), "half": half_of(site(meta, pid)),
               "label": lambda texts, meta=meta: snippet_labels(texts, meta, score.norm)}
              for pid, text, meta in pages]
    whole = [{"text": p["text"], "set": "boilerplate2", "site": site_key(p["meta"]), "half": p["half"],
              "label": lambda texts, gold=p["gold"]: whole_labels(texts, gold)} for p in load_whole(args.bench2, args.set)]
    run_lines(german + whole, args.folds)


if __name__ == "__main__":
    main()
