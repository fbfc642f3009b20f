"""`serve` patches the last listing of the seeds folder with the paths its file watcher reports,
instead of scanning the folder again: the patched listing must be what a scan finds, and a
build from it the same site as a clean build."""
from __future__ import annotations

import os
from pathlib import Path

from depesche.build import memory
from depesche.build.listing import relisted, scanned
from depesche.build.memory import KeptCache
from depesche.build.pipeline import build
from depesche.config import Config

from conftest import ARTICLE_TEXT, spy
from test_incremental import assert_same_as_clean_build


def test_a_patched_listing_is_what_a_scan_finds(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in "abcd":
        (seeds / f"{name}.txt").write_text(ARTICLE_TEXT)
    last = scanned(seeds)
    (seeds / "a.txt").write_text(ARTICLE_TEXT + "\nNachtrag.\n")
    (seeds / "b.toml").write_text("date = 2020-01-02\n")
    (seeds / "c.txt").unlink()
    (seeds / "bb.txt").write_text(ARTICLE_TEXT)
    (seeds / "notes.md").write_text("kein Seed")
    changed = [str(seeds / name) for name in ("a.txt", "b.toml", "c.txt", "bb.txt", "notes.md")]
    patched = relisted(seeds, last, changed)
    assert patched is not None and patched.files != last.files
    assert patched == scanned(seeds)


def test_a_symlinked_seed_or_a_change_to_the_folder_means_a_scan(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE_TEXT)
    assert relisted(seeds, scanned(seeds), [str(seeds)]) is None
    (seeds / "b.txt").symlink_to(seeds / "a.txt")
    assert relisted(seeds, scanned(seeds), [str(seeds / "a.txt")]) is None


def test_serve_scans_the_seeds_once_then_patches_the_listing_with_the_reported_changes(config: Config, tmp_path: Path, monkeypatch):
    scans = spy(monkeypatch, memory, "scanned", lambda folder: folder)
    kept = KeptCache()
    build(config, kept=kept)
    seeds = sorted(config.seeds.glob("*.txt"))
    for number, seed in enumerate([seeds[0], seeds[1], seeds[0]]):
        seed.write_text(seed.read_text(encoding="utf-8") + f"\nDas teilten beide am Abend {number}. mit.\n")
        kept.seen([str(seed)])
        build(config, kept=kept)
    new = config.seeds / "neu.txt"
    new.write_text(ARTICLE_TEXT.replace("Konzern", "Verband"))
    kept.seen([os.fspath(new)])
    report = build(config, kept=kept)
    assert len(scans) == 1 and report.processed == 1  # only the build after the first reported change scans
    kept.save()
    assert_same_as_clean_build(config, tmp_path)
