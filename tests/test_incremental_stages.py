"""The cache is kept per stage: an edit redoes only the stages that read what changed,
and the site still equals a clean build byte for byte."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from depesche import enrich
from depesche.build import planning
from depesche.build.cache import CACHE_FILE, load_cache
from depesche.build.fingerprints import stage_fingerprints
from depesche.build.pipeline import build
from depesche.clean import cleaner
from depesche.config import Config

from conftest import spy
from test_incremental import assert_same_as_clean_build, site_bytes


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """How often this process cleaned and tagged an article."""
    counts = {"cleaned": 0, "tagged": 0}
    real_clean, real_extract = cleaner.clean, enrich.extract_topics

    def counted_clean(text):
        counts["cleaned"] += 1
        return real_clean(text)

    def counted_extract(*args):
        counts["tagged"] += 1
        return real_extract(*args)

    monkeypatch.setattr(cleaner, "clean", counted_clean)  # the build imports it when it first cleans
    monkeypatch.setattr(enrich, "extract_topics", counted_extract)
    return counts


def own_vocabulary(config: Config, tmp_path: Path) -> Config:
    vocabulary = tmp_path / "topics.toml"
    shutil.copy(config.topics_file, vocabulary)
    return replace(config, topics_file=vocabulary)


def test_a_template_edit_renders_pages_again_but_cleans_and_tags_nothing(config: Config, tmp_path: Path,
                                                                          counted: dict[str, int]):
    build(config)
    assert counted == {"cleaned": 4, "tagged": 4}
    templates = tmp_path / "templates"
    shutil.copytree(config.templates, templates)
    (templates / "base.html").write_text((templates / "base.html").read_text() + "<!-- eine Änderung -->\n")
    changed = replace(config, templates=templates)
    report = build(changed)
    assert (report.processed, counted) == (0, {"cleaned": 4, "tagged": 4})
    assert (config.out / "index.html").read_text().endswith("<!-- eine Änderung -->\n")
    assert_same_as_clean_build(changed, tmp_path)


def test_cards_are_rendered_again_only_when_their_own_templates_change(config: Config, tmp_path: Path,
                                                                      monkeypatch):
    build(config)
    cards = spy(monkeypatch, planning, "card_html", lambda env, config, article: article.id)
    templates = tmp_path / "templates"
    shutil.copytree(config.templates, templates)
    changed = replace(config, templates=templates)
    (templates / "base.html").write_text((templates / "base.html").read_text() + "<!-- eine Änderung -->\n")
    build(changed)
    assert cards == []
    macros = (templates / "_macros.html").read_text()
    (templates / "_macros.html").write_text(macros.replace('<p class="teaser">', '<p class="teaser anders">'))
    build(changed)
    assert len(cards) == 4 and 'class="teaser anders"' in (config.out / "index.html").read_text()
    assert_same_as_clean_build(changed, tmp_path)


def test_a_vocabulary_edit_tags_again_without_cleaning(config: Config, tmp_path: Path, counted: dict[str, int]):
    config = own_vocabulary(config, tmp_path)
    build(config)
    results = load_cache(config.cache, stage_fingerprints(config)).processed.values()
    topic = sorted(t for result in results for t in result.article.topics)[0]
    assert f"themen/{topic.slug}/index.html" in site_bytes(config.out)
    vocabulary = config.topics_file.read_text(encoding="utf-8")
    config.topics_file.write_text(vocabulary.replace("block = [", f'block = ["{topic.name}", ', 1), encoding="utf-8")
    report = build(config)
    assert report.processed == 4 and counted == {"cleaned": 4, "tagged": 8}
    assert f"themen/{topic.slug}/index.html" not in site_bytes(config.out)
    assert_same_as_clean_build(config, tmp_path)


@pytest.mark.parametrize("setting", [{"title": "Die Depesche"}, {"base_url": "https://example.org/news/"}])
def test_a_settings_edit_renders_again_without_tagging(config: Config, tmp_path: Path, counted: dict[str, int],
                                                       setting: dict[str, str]):
    build(config)
    changed = replace(config, **setting)
    report = build(changed)
    assert report.processed == 0 and counted == {"cleaned": 4, "tagged": 4}
    assert report.rendered == report.files  # every page and feed shows the title and the links
    assert_same_as_clean_build(changed, tmp_path)


def test_a_new_time_zone_makes_the_articles_again(config: Config, tmp_path: Path, counted: dict[str, int]):
    build(config)
    changed = replace(config, timezone="America/New_York")
    assert build(changed).processed == 4
    assert_same_as_clean_build(changed, tmp_path)


def test_a_cache_of_another_format_means_a_full_build(config: Config, tmp_path: Path, monkeypatch):
    from depesche.build import cache

    build(config)
    monkeypatch.setattr(cache, "CACHE_FORMAT", cache.CACHE_FORMAT + 1)
    report = build(config)
    assert report.processed == 4 and report.rendered == report.files
    assert (config.cache / CACHE_FILE).is_file()
    assert_same_as_clean_build(config, tmp_path)


def test_the_package_data_the_cleaner_reads_is_part_of_every_stage(config: Config, tmp_path: Path, monkeypatch):
    """The stop word lists and the cleaner's line model are data files, not code: a new
    model must clean every seed again, as a code change does."""
    from depesche.build import fingerprints

    package = tmp_path / "depesche"
    shutil.copytree(fingerprints.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprints, "PACKAGE", package)
    before = stage_fingerprints(config)
    model = package / "data" / "line_model.json"
    model.write_text(model.read_text(encoding="utf-8").replace("]", ", 0]", 1), encoding="utf-8")
    after = stage_fingerprints(config)
    assert all(before[stage] != after[stage] for stage in before)


CLEANER_MODULES = ("depesche.clean.cleaner", "numpy", "dateparser", "markdown")


def modules_a_build_imports(config: Config) -> tuple[int, list[str]]:
    """Build in a new process: how many seeds were made anew, and which of the cleaner's modules were imported."""
    import json
    import os
    import subprocess
    import sys

    from conftest import REPO

    script = f"""
import json, sys
from pathlib import Path
from depesche.build.pipeline import build
from depesche.config import Config
report = build(Config(seeds=Path({str(config.seeds)!r}), out=Path({str(config.out)!r}),
                      cache=Path({str(config.cache)!r}), base_url={config.base_url!r},
                      topics_file=Path({str(config.topics_file)!r}), search=False))
print(json.dumps([report.processed, [m for m in {CLEANER_MODULES!r} if m in sys.modules]]))
"""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    processed, imported = json.loads(done.stdout.strip().splitlines()[-1])
    return processed, imported


def test_a_build_that_takes_every_seed_from_the_cache_does_not_import_the_cleaner(built: Config):
    assert modules_a_build_imports(built) == (0, [])
    seed = sorted(built.seeds.glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nEin neuer Satz am Ende.\n", encoding="utf-8")
    assert modules_a_build_imports(built) == (1, list(CLEANER_MODULES))
