"""Build speed against Hugo and Pelican: runs the shared harness and prints the table of one sitting.

    python benchmarks/perf.py 1000 10000                 # all peers; Depesche without and with search
    python benchmarks/perf.py --peers project 1000       # only Depesche
    python benchmarks/perf.py --no-search-pass 10000     # skip the second pass with the search index
    python benchmarks/perf.py --startup                  # `build.py --help`, median of 15 runs

The harness (../shared/bench/perf/run_perf.sh) generates the corpus, times each
peer's full build and its rebuild after editing one article, and Depesche's
rebuild after a template edit (a comment added to templates/base.html), and
reports medians of wall time, CPU time and peak memory. Depesche builds with a
settings file in the data folder, so its cache lives there, not in the
repository; a full build starts without site and without cache. Results of
earlier sittings are cleared first: every figure printed comes from this one.
Hugo comes from Debian (`apt-get install -y hugo`); the harness makes Pelican's venv.
"""
from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HARNESS_DEFAULT = REPO.parent / "shared" / "bench" / "perf"
SCENARIOS = {"full": "full", "incr-1-edit": "one article edited", "incr-template": "a comment added to base.html",
             "full-cache-cold": None}


def python_defaults() -> dict[str, str]:
    """This environment with Python's default of caching compiled modules.

    Some machines (the development one among them) set PYTHONDONTWRITEBYTECODE=1;
    then every run compiles Depesche's modules from source again (about 0.2 s), a
    cost no installed tool pays: pip compiles what it installs, Pelican included.
    """
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def startup_seconds(runs: int = 15) -> float:
    """Median wall time of `python build.py --help`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "build.py", "--help"], cwd=REPO, check=True, capture_output=True,
                       env=python_defaults())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def project_command(data: Path, search: bool) -> str:
    """How the harness runs Depesche: settings in `data`, so the cache is there; a full build
    (the harness removed the site) removes the cache too."""
    folder = data / ("depesche-search" if search else "depesche")
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / "depesche.toml"
    settings.write_text(f"templates = {str(REPO / 'templates')!r}\ntopics_file = {str(REPO / 'topics.toml')!r}\n"
                        f"search = {'true' if search else 'false'}\n", encoding="utf-8")
    return (f"{{ [ -d {{out}} ] || rm -rf {folder / '.depesche'}; }} && "
            f"{{py}} build.py --config {settings} --seeds {{seeds}} --out {{out}} -q")


def run_harness(args: argparse.Namespace, peers: str, search: bool, label: str) -> int:
    """One pass of the harness; Depesche's rows are renamed to `label`."""
    data = Path(args.data)
    env = {**python_defaults(), "DATA": str(data), "PEERS": peers, "RUNS": str(args.runs),
           "WARMUP": str(args.warmup), "PROJECT_DIR": str(REPO), "PROJECT_PY": sys.executable,
           "PROJECT_CMD": project_command(data, search)}
    command = ["bash", str(args.harness / "run_perf.sh"), *map(str, args.sizes)]
    code = subprocess.run(command, cwd=REPO, env=env).returncode
    results = data / "results.tsv"
    rows = results.read_text(encoding="utf-8").replace("\nproject\t", f"\n{label}\t")
    results.write_text(rows, encoding="utf-8")
    return code


def medians(results: Path) -> dict[tuple[str, str, int], tuple[float, float, float]]:
    """(peer, scenario, N) -> median wall s, median CPU s, peak memory MB."""
    runs: dict[tuple[str, str, int], list[tuple[float, float, float]]] = {}
    with results.open(encoding="utf-8") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            runs.setdefault((row["peer"], row["scenario"], int(row["N"])), []).append(
                (float(row["wall_s"]), float(row["cpu_s"] or "nan"), int(row["maxrss_kb"]) / 1024))
    return {key: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), max(r[2] for r in rs))
            for key, rs in runs.items()}


def table(found: dict[tuple[str, str, int], tuple[float, float, float]], n: int) -> list[str]:
    """The issue's table for N articles, and the ratios its targets name."""
    lines = [f"N = {n:,}", "", "| build | wall | CPU | peak memory |", "|---|---|---|---|"]
    for (peer, scenario, size), (wall, cpu, memory) in sorted(found.items()):
        if size == n and SCENARIOS.get(scenario):
            lines.append(f"| {peer}, {SCENARIOS[scenario]} | {wall:.2f} s | {cpu:.1f} s | {memory:.0f} MB |")
    ratios = [("template edit / Hugo full (target <= 2)", ("depesche", "incr-template"), ("hugo", "full"), 0),
              ("one edit / Hugo one edit (target <= 0.1)", ("depesche", "incr-1-edit"), ("hugo", "incr-1-edit"), 0),
              ("full wall / Pelican full wall (target <= 0.5)", ("depesche", "full"), ("pelican", "full"), 0),
              ("full CPU / Pelican full CPU (target <= 1)", ("depesche", "full"), ("pelican", "full"), 1),
              ("search: one edit / one edit without", ("depesche+search", "incr-1-edit"), ("depesche", "incr-1-edit"), 0)]
    lines.append("")
    for name, (peer, scenario), (other, other_scenario), column in ratios:
        if (peer, scenario, n) in found and (other, other_scenario, n) in found:
            ratio = found[peer, scenario, n][column] / found[other, other_scenario, n][column]
            lines.append(f"{name}: {ratio:.2f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--harness", type=Path, default=HARNESS_DEFAULT, help="folder of run_perf.sh")
    parser.add_argument("--data", default="/dev/shm/depesche-perf", help="corpora and outputs (tmpfs is best)")
    parser.add_argument("--peers", default="floor pelican hugo project")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--no-search-pass", action="store_true", help="skip Depesche with the search index")
    parser.add_argument("--startup", action="store_true", help="only time `build.py --help`")
    args = parser.parse_args()
    if args.startup:
        print(f"build.py --help: {startup_seconds():.3f} s (median of 15)")
        return 0
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    for name in ("results.tsv", "meta.tsv"):  # one sitting only
        (data / name).unlink(missing_ok=True)
    code = run_harness(args, args.peers, False, "depesche")
    if not args.no_search_pass and "project" in args.peers.split():
        code = code or run_harness(args, "project", True, "depesche+search")
    found = medians(data / "results.tsv")
    for n in args.sizes:
        print("\n".join(["", *table(found, n)]))
    print(f"build.py --help: {startup_seconds():.3f} s (median of 15)")
    return code


if __name__ == "__main__":
    sys.exit(main())
