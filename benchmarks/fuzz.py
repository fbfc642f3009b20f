"""Mutation fuzzer for the whole pipeline: bytes -> read -> clean -> enrich -> pages and feeds.

Starts from the seeds, mutates them at random (byte flips, splices of hostile
tokens, re-encodings, truncation, duplicated and shuffled lines), and checks the
invariants the property tests check: a file is built or refused with a message
naming it, pages contain only the templates' elements, feeds parse.

    python benchmarks/fuzz.py --minutes 3
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from depesche.read import SeedError, check_text, decode  # noqa: E402
from test_properties import check_outputs, site_outputs  # noqa: E402

TOKENS = [
    b"<script>alert(1)</script>", b"]]>", b"&amp;", b"{{ 7*7 }}", b"{% raw %}", b"\x00", b"\x1b[31m",
    b"\r", b"\r\n", b"\xc2\xa0", b"\xe2\x80\x8b", b"\xff\xfe", b"javascript:", b"onerror=", b"(pte)",
    b"Bild: dpa", b"Von Hans Mustermann", b"Kommentare", b"...", b"\n\n", b"# ", b"[x](y)", b"\xed\xa0\x80",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to five random edits of `data`."""
    for _ in range(rng.randint(1, 5)):
        choice = rng.randrange(6)
        position = rng.randint(0, len(data))
        if choice == 0 and data:
            i = rng.randrange(len(data))
            data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
        elif choice == 1:
            data = data[:position] + rng.choice(TOKENS) + data[position:]
        elif choice == 2:
            data = data[:position]
        elif choice == 3:
            lines = data.split(b"\n")
            rng.shuffle(lines)
            data = b"\n".join(lines)
        elif choice == 4:
            try:
                data = data.decode("utf-8").encode(rng.choice(["cp1252", "latin-1", "utf-16", "utf-8-sig"]))
            except (UnicodeError, ValueError):
                pass
        else:
            lines = data.split(b"\n")
            data = b"\n".join(lines + rng.sample(lines, min(len(lines), 3)))
    return data


def run_one(data: bytes) -> str:
    """'built', 'refused' or 'empty'; raises on a broken invariant."""
    try:
        text = decode(data, "seeds/fuzz.txt")
        check_text(text, "seeds/fuzz.txt")
    except SeedError as error:
        assert str(error).startswith("seeds/fuzz.txt: "), error
        return "refused"
    outputs = site_outputs(text)
    check_outputs(outputs)
    return "built" if outputs else "empty"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = [p.read_bytes() for p in sorted((REPO / "seeds").glob("*.txt"))]
    counts = {"built": 0, "refused": 0, "empty": 0, "failed": 0}
    end = time.monotonic() + args.minutes * 60
    while time.monotonic() < end:
        data = mutate(rng.choice(corpus), rng)
        try:
            counts[run_one(data)] += 1
        except Exception:  # noqa: BLE001 - every failure is a finding to report
            counts["failed"] += 1
            print(f"FAILED on input {data[:200]!r}…", file=sys.stderr)
            traceback.print_exc()
    total = sum(counts.values())
    print(f"{total} inputs in {args.minutes:.1f} min ({total / (args.minutes * 60):.1f}/s): "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
