"""A GitHub Pages deploy after one edited seed, with the build cache restored, as the workflow runs it.

    python benchmarks/pages_deploy.py SEEDS [--work /dev/shm/pages-deploy] [--search]

Makes a git repository of the seeds (one commit, so the dates come from git as on
CI) and builds it: the deploy before. Then one seed is edited and committed, the
repository is cloned afresh (full history, as `fetch-depth: 0`), the `.depesche/`
folder of the deploy before is copied in (what actions/cache restores), and the
workflow's build command runs in the clone: `build.py --strict --base-url ...`.
Prints the wall time of both builds and what the second one made anew. Without
`--search` the settings turn the search index off, as the perf harness does.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASE_URL = "https://example.github.io/depesche/"


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def make_origin(seeds: Path, origin: Path, search: bool) -> None:
    """A repository holding the seeds and the settings, in one commit."""
    shutil.copytree(seeds, origin / "seeds")
    (origin / "depesche.toml").write_text(
        f"templates = {str(REPO / 'templates')!r}\ntopics_file = {str(REPO / 'topics.toml')!r}\n"
        f"search = {'true' if search else 'false'}\n", encoding="utf-8")
    (origin / ".gitignore").write_text("site/\n.depesche/\n", encoding="utf-8")
    git(origin, "init", "-q")
    git(origin, "add", ".")
    git(origin, "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-qm", "seeds")


def deploy_build(folder: Path) -> tuple[float, str]:
    """The workflow's build command in `folder` (settings, seeds and cache found from there, so seeds
    are named `seeds/...` in the cache as on CI): wall seconds and what it printed."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--strict", "--base-url", BASE_URL, "-v"],
                            cwd=folder, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    if result.returncode != 0:
        raise SystemExit(f"build failed in {folder}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.perf_counter() - started, " ".join(result.stdout.strip().splitlines()[-2:])


def edit_middle_seed(origin: Path) -> None:
    seeds = sorted((origin / "seeds").glob("*.txt"))
    seed = seeds[len(seeds) // 2]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nNachtrag: Inzwischen hat sich auch die Bundesnetzagentur "
                    "zu dem Fall geäußert.\n", encoding="utf-8")
    git(origin, "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-qam", "one edit")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seeds", type=Path, help="a folder of seeds, e.g. the perf harness's n10000/raw")
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/pages-deploy"))
    parser.add_argument("--search", action="store_true", help="with the search index, as the settings default")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    origin, clone = args.work / "origin", args.work / "clone"
    make_origin(args.seeds, origin, args.search)
    seconds, said = deploy_build(origin)
    print(f"deploy before (no cache): {seconds:.1f} s; {said}")
    edit_middle_seed(origin)
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    shutil.copytree(origin / ".depesche", clone / ".depesche")
    seconds, said = deploy_build(clone)
    print(f"deploy after one edit (clean clone, cache restored): {seconds:.1f} s; {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
