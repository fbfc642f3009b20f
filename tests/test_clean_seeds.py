"""The four seeds come out as the spec (tests/data/seeds-expected.json, a copy of
../shared/spec/seeds-expected.json) says, except that seed 000's agency tag "(pte)"
moves from the last paragraph into `Cleaned.source` on purpose."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from depesche.clean.cleaner import clean
from depesche.read import normalise

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "tests" / "data" / "seeds-expected.json").read_text(encoding="utf-8"))
SOURCES = {"000_e9d82ee693cca2d1.txt": ("(pte)", "pressetext")}


def norm(text: str | None) -> str | None:
    """As the spec compares: non-breaking spaces as spaces, white space collapsed."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip() if text is not None else None


def expected_blocks(name: str) -> list[tuple[str, str]]:
    blocks = [(b["role"], norm(b["text"])) for b in EXPECTED[name]["blocks"]]
    if name in SOURCES:
        role, text = blocks[-1]
        blocks[-1] = (role, text.removesuffix(SOURCES[name][0]).rstrip())
    return blocks


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_matches_spec(name: str) -> None:
    cleaned = clean(normalise((ROOT / "seeds" / name).read_text(encoding="utf-8")))
    exp = EXPECTED[name]
    assert cleaned.title == norm(exp["title"])
    assert cleaned.kicker == norm(exp["kicker"])
    assert cleaned.byline == norm(exp["byline"])
    assert list(cleaned.credits) == [norm(c) for c in exp["credits"]]
    assert [(b.role, b.text) for b in cleaned.blocks] == expected_blocks(name)
    assert cleaned.source == (SOURCES[name][1] if name in SOURCES else None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_drops_what_spec_drops(name: str) -> None:
    cleaned = clean(normalise((ROOT / "seeds" / name).read_text(encoding="utf-8")))
    kept = {v.text for v in cleaned.verdicts if v.kept and v.label != "credit"}
    body = {norm(b["text"]) for b in EXPECTED[name]["blocks"]}
    for line in EXPECTED[name]["dropped"]:
        if norm(line) and norm(line) not in body:
            assert norm(line) not in kept, line
