"""How soon an edited seed shows in the open page of `build.py serve`.

    python benchmarks/serve_latency.py SEEDS [--work /dev/shm/serve-latency] [--edits 3]

Copies the seeds (e.g. a corpus of the perf harness, `.../perf-data/n10000/raw`) into a
work folder once, starts `build.py serve` there on a free port and waits for its first
build (a full one the first time; later runs start from the cache the last one left).
Then it edits the middle seed `--edits` times, appending a sentence to its longest line
as the harness does, and fetches the article's page every 10 ms until the sentence
shows: the time from saving the file to the page showing it is printed per edit.
The seeds carry no date, so an article is dated by its file's time: the first edit
moves it to the top of the site (the full way); the edits after it keep its place.
The first build after a change also scans the seeds folder; the later ones patch that
listing with the paths the file watcher reports (build/listing.py).
"""
from __future__ import annotations

import argparse
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from depesche.build.cache import CACHE_FILE, unshelve  # noqa: E402
from depesche.build.delta import collated  # noqa: E402
from depesche.paths import article_path  # noqa: E402

POLL_SECONDS = 0.01
TIMEOUT_SECONDS = 120.0


def start_serve(work: Path) -> tuple[subprocess.Popen, str]:
    """`build.py serve` on a free port, after its first build; the process and the site's URL."""
    settings = work / "depesche.toml"
    settings.write_text(f"templates = {str(REPO / 'templates')!r}\ntopics_file = {str(REPO / 'topics.toml')!r}\n"
                        "search = false\n", encoding="utf-8")
    command = [sys.executable, "build.py", "--config", str(settings), "--seeds", str(work / "seeds"),
               "--out", str(work / "site"), "serve", "--port", "0"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"})
    url = ""
    for line in process.stdout:
        print("  serve:", line.rstrip())
        if line.startswith("Serving "):
            url = line.split()[1]
            break
    if not url:
        raise SystemExit("serve stopped before serving")
    threading.Thread(target=lambda: [print("  serve:", line.rstrip()) for line in process.stdout], daemon=True).start()
    return process, url


def page_of(work: Path, seed: Path) -> str:
    """The site path of the seed's article page, from the cache the first build left."""
    for _ in range(600):  # the cache is written after the build is announced
        if (work / ".depesche" / CACHE_FILE).is_file():
            break
        time.sleep(0.1)
    cache = pickle.loads((work / ".depesche" / CACHE_FILE).read_bytes())
    for result in unshelve(cache.shelf).values():
        if result.article.path == str(seed):
            return article_path(collated(result.article, cache.state.decided))
    raise SystemExit(f"{seed}: not in the site")


def edit(seed: Path, marker: str) -> None:
    lines = seed.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += f" {marker}: Inzwischen hat sich auch die Bundesnetzagentur zu dem Fall geäußert."
    seed.write_text("\n".join(lines), encoding="utf-8")


def seconds_until_shown(url: str, marker: str, saved: float) -> float:
    while time.perf_counter() - saved < TIMEOUT_SECONDS:
        with urllib.request.urlopen(url) as response:
            if marker in response.read().decode("utf-8"):
                return time.perf_counter() - saved
        time.sleep(POLL_SECONDS)
    raise SystemExit(f"{url}: {marker} did not show within {TIMEOUT_SECONDS:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seeds", type=Path, help="a folder of seeds (copied once into the work folder)")
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/serve-latency"))
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    if not (args.work / "seeds").is_dir():
        shutil.copytree(args.seeds, args.work / "seeds")
    seeds = sorted((args.work / "seeds").glob("*.txt"))
    seed = seeds[len(seeds) // 2]
    started = time.perf_counter()
    process, url = start_serve(args.work.resolve())
    print(f"first build and start: {time.perf_counter() - started:.1f} s ({len(seeds)} seeds)")
    try:
        page = url + page_of(args.work.resolve(), seed.resolve())
        run = time.strftime("%H%M%S")
        for number in range(1, args.edits + 1):
            marker = f"Nachtrag {run}-{number}"
            saved = time.perf_counter()
            edit(seed, marker)
            print(f"edit {number}: shown after {seconds_until_shown(page, marker, saved):.2f} s")
            time.sleep(1.0)  # let serve write its cache before the next edit
    finally:
        process.terminate()
        process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
