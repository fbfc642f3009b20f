"""An edit that moves nothing (the article keeps its place in the order, its slug, its topics and
its month) is swapped into the last build's site state: the site is neither collated nor planned
again, and only the outputs that show the article are rendered. Any other edit goes the full way.
Either way the site equals a clean build byte for byte."""
from __future__ import annotations

from pathlib import Path

import pytest

from depesche.build import cache, pipeline
from depesche.build.cache import CACHE_FILE
from depesche.build.memory import KeptCache
from depesche.build.pipeline import build
from depesche.config import Config

from conftest import ARTICLE_TEXT
from test_incremental import assert_same_as_clean_build


@pytest.fixture
def ways(monkeypatch) -> list[str]:
    """Which way each build went: "full" (collated and planned) or "edit" (the last state updated)."""
    taken: list[str] = []
    for name, way in (("full_plan", "full"), ("edit_plan", "edit")):
        real = getattr(pipeline, name)
        monkeypatch.setattr(pipeline, name, lambda *args, real=real, way=way: taken.append(way) or real(*args))
    return taken


def add_namesakes(seeds: Path, count: int) -> None:
    """More articles, one a day from 2015-01-01, all with one headline."""
    for i in range(count):
        (seeds / f"extra{i:02d}_{i:016x}.txt").write_text(ARTICLE_TEXT.replace("Konzern", f"Konzern {i}"))
        (seeds / f"extra{i:02d}_{i:016x}.toml").write_text(f"date = 2015-01-{i + 1:02d}\n")


def inodes(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_ino for p in out.rglob("*") if p.is_file()}


def test_an_edit_that_moves_nothing_renders_only_the_outputs_that_show_the_article(config: Config, tmp_path: Path,
                                                                                  ways: list[str]):
    add_namesakes(config.seeds, 8)
    build(config)
    before = inodes(config.out)
    edited = sorted(config.seeds.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nDas teilten beide am Abend noch einmal mit.\n")
    report = build(config)
    rewritten = {name for name, inode in inodes(config.out).items() if before.get(name) != inode}
    assert ways == ["full", "edit"] and report.processed == 1
    assert len(rewritten) == report.rendered < report.files / 2
    pages = [name for name in rewritten if name.startswith("artikel/")]
    assert 0 < len(pages) < len([name for name in before if name.startswith("artikel/")])
    assert_same_as_clean_build(config, tmp_path)


def test_an_edit_that_moves_the_article_goes_the_full_way(config: Config, tmp_path: Path, ways: list[str]):
    build(config)
    (config.seeds / sorted(config.seeds.glob("*.txt"))[1].with_suffix(".toml").name).write_text(
        "date = 2014-03-05T09:30:00+01:00\n")  # now the newest, in another month
    assert build(config).processed == 1 and ways == ["full", "full"]
    assert_same_as_clean_build(config, tmp_path)


def test_an_edit_that_changes_which_namesake_keeps_the_slug_goes_the_full_way(config: Config, tmp_path: Path,
                                                                              ways: list[str]):
    """Two articles with one headline: the earlier keeps the slug. Dated alike, the one with the
    smaller id is the earlier one, and still the newer in the order: its place holds, its URL does not."""
    for stem, when in (("extra_00000000000000aa", "2015-01-02T10:00:00"), ("extra_00000000000000bb", "2015-01-01T10:00:00")):
        (config.seeds / f"{stem}.txt").write_text(ARTICLE_TEXT)
        (config.seeds / f"{stem}.toml").write_text(f"date = {when}+01:00\n")
    build(config)
    (config.seeds / "extra_00000000000000aa.toml").write_text("date = 2015-01-01T10:00:00+01:00\n")
    assert build(config).processed == 1 and ways == ["full", "full"]
    assert_same_as_clean_build(config, tmp_path)


def test_a_cache_kept_in_memory_is_not_read_again_and_its_file_is_written_after_the_site(
        config: Config, tmp_path: Path, monkeypatch):
    kept = KeptCache()
    build(config, kept=kept)
    assert not (config.cache / CACHE_FILE).exists()
    kept.save()
    assert (config.cache / CACHE_FILE).is_file()
    monkeypatch.setattr(cache, "load_cache", lambda *args: pytest.fail("the cache file was read"))
    edited = sorted(config.seeds.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nDas teilten beide am Abend noch einmal mit.\n")
    assert build(config, kept=kept).processed == 1
    monkeypatch.undo()
    kept.save()
    again = build(config)  # from the file the kept cache wrote
    assert (again.processed, again.rendered) == (0, 0)
    assert_same_as_clean_build(config, tmp_path)
