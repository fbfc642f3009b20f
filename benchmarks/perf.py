"""Build speed against Hugo and Pelican: runs the shared harness and prints its table.

    python benchmarks/perf.py 1000 10000                 # full and one-edit rebuilds, all peers
    python benchmarks/perf.py --peers project 1000       # only Depesche
    python benchmarks/perf.py --startup                  # `build.py --help`, median of 15 runs

The harness (../shared/bench/perf/run_perf.sh) generates the corpus, times each
peer's full build and its rebuild after editing one article, and prints medians
of wall time, CPU time and peak memory. Compare ratios from one run only. Hugo
comes from Debian (`apt-get install -y hugo`); the harness makes Pelican's venv.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HARNESS_DEFAULT = REPO.parent / "shared" / "bench" / "perf"


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--harness", type=Path, default=HARNESS_DEFAULT, help="folder of run_perf.sh")
    parser.add_argument("--data", default="/dev/shm/depesche-perf", help="corpora and outputs (tmpfs is best)")
    parser.add_argument("--peers", default="floor pelican hugo project")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--startup", action="store_true", help="only time `build.py --help`")
    parser.add_argument("--project-cmd", default="{py} build.py --seeds {seeds} --out {out}",
                        help="how the harness runs Depesche, e.g. with --no-search")
    args = parser.parse_args()
    if args.startup:
        print(f"build.py --help: {startup_seconds():.3f} s (median of 15)")
        return 0
    env = {**python_defaults(), "DATA": args.data, "PEERS": args.peers, "RUNS": str(args.runs),
           "PROJECT_DIR": str(REPO), "PROJECT_PY": sys.executable, "PROJECT_CMD": args.project_cmd}
    command = ["bash", str(args.harness / "run_perf.sh"), *map(str, args.sizes)]
    result = subprocess.run(command, cwd=REPO, env=env)
    print(f"build.py --help: {startup_seconds():.3f} s (median of 15)")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
