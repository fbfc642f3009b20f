"""Incremental and parallel builds give exactly the site a clean serial build gives."""
from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path


from depesche.build import cache, parallel, pipeline
from depesche.topics import lang as topics_lang
from depesche.build.cache import CACHE_FILE, load_cache, shelve, unshelve
from depesche.build.fingerprints import stage_fingerprints
from depesche.config import Config
from depesche.build.pipeline import build

from conftest import ARTICLE_TEXT, spy


def site_bytes(out: Path) -> dict[str, bytes]:
    """Every published file's bytes."""
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def clean_build(config: Config, tmp_path: Path) -> dict[str, bytes]:
    """The same seeds built from nothing, into the same path."""
    reference = replace(config, out=tmp_path / "reference" / config.out.name, cache=tmp_path / "reference" / ".depesche")
    shutil.copytree(config.seeds, tmp_path / "reference-seeds", dirs_exist_ok=True)
    build(replace(reference, seeds=config.seeds))
    return site_bytes(reference.out)


def assert_same_as_clean_build(config: Config, tmp_path: Path) -> None:
    incremental = site_bytes(config.out)
    reference = clean_build(config, tmp_path)
    assert incremental.keys() == reference.keys()
    assert [k for k in incremental if incremental[k] != reference[k]] == []
    shutil.rmtree(tmp_path / "reference")


def test_unchanged_rebuild_writes_nothing(config: Config):
    first = build(config)
    inode = (config.out / "index.html").stat().st_ino
    second = build(config)
    assert (first.rendered, second.rendered, second.processed) == (first.files, 0, 0)
    assert (config.out / "index.html").stat().st_ino == inode  # the same file, not rewritten


def test_edit_addition_deletion_and_template_change_equal_a_clean_build(config: Config, tmp_path: Path):
    build(config)
    seeds = config.seeds
    edited = sorted(seeds.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEin neuer Absatz mit genug Worten, der am Ende steht und Telekom nennt.\n")
    report = build(config)
    assert report.processed == 1 and 0 < report.rendered < report.files
    assert_same_as_clean_build(config, tmp_path)

    (seeds / "neu_00000000deadbeef.txt").write_text(ARTICLE_TEXT)
    (seeds / "neu_00000000deadbeef.toml").write_text("date = 2015-01-01T12:00:00+01:00\n")
    assert build(config).processed == 1
    assert_same_as_clean_build(config, tmp_path)

    sorted(seeds.glob("0*.txt"))[0].unlink()
    assert build(config).processed == 0
    assert_same_as_clean_build(config, tmp_path)

    templates = tmp_path / "templates"
    shutil.copytree(config.templates, templates)
    (templates / "404.html").write_text((templates / "404.html").read_text().replace("Seite nicht gefunden", "Nicht da"))
    changed = replace(config, templates=templates)
    report = build(changed)
    made_without_templates = [n for n in site_bytes(config.out) if n.endswith((".xml", ".json", ".txt", ".opml"))]
    assert report.processed == 0  # new templates: every page is rendered again, no article made again
    assert report.rendered == report.files - len(made_without_templates)
    assert "Nicht da" in (config.out / "404.html").read_text()
    assert_same_as_clean_build(changed, tmp_path)


def test_corrupt_cache_means_a_full_build(config: Config, tmp_path: Path):
    build(config)
    (config.cache / CACHE_FILE).write_bytes(b"\x80\x04 not a pickle")
    report = build(config)
    assert report.processed == 4 and report.rendered == report.files
    assert_same_as_clean_build(config, tmp_path)


def test_the_cache_stays_out_of_the_site_and_serves_another_folder(config: Config, tmp_path: Path):
    """Two folders get the same bytes; a build into a new folder (a fresh clone on CI with the cache
    restored) cleans and tags nothing again but writes every file, as that folder has none."""
    build(config)
    assert (config.cache / CACHE_FILE).is_file()
    published = site_bytes(config.out)
    assert [name for name in published if "/." in "/" + name] == [".depesche"]  # the marker, no cache
    elsewhere = replace(config, out=tmp_path / "elsewhere" / "public")
    report = build(elsewhere)
    assert report.processed == 0 and report.rendered == report.files
    assert site_bytes(elsewhere.out) == published
    again = build(config)  # the cache now describes the other folder: this one is written whole again
    assert again.processed == 0 and again.rendered == again.files and site_bytes(config.out) == published
    shutil.rmtree(config.out)  # a deleted site with its cache kept is built whole
    assert build(config).rendered == again.files and site_bytes(config.out) == published


def test_parallel_build_equals_serial_build(config: Config, tmp_path: Path, monkeypatch):
    for i in range(12):
        (config.seeds / f"extra{i:02d}_{i:016x}.txt").write_text(ARTICLE_TEXT.replace("Konzern", f"Konzern {i}"))
        (config.seeds / f"extra{i:02d}_{i:016x}.toml").write_text(f"date = 2015-01-{i + 1:02d}\n")
    serial = build(config)
    serial_bytes = site_bytes(config.out)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS_DEFAULT", 1)
    monkeypatch.setattr(parallel, "CHUNK_SIZE_DEFAULT", 3)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    pools = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "pool_class", CountedPool)
    shutil.rmtree(config.out)
    shutil.rmtree(config.cache)
    parallel_report = build(config)
    assert parallel_report.files == serial.files == serial.rendered
    assert site_bytes(config.out) == serial_bytes
    assert len(pools) == 2  # seeds and outputs both went through worker processes


def test_rebuild_after_an_edit_reuses_hanta_verdicts_from_the_cache(config: Config, monkeypatch):
    monkeypatch.setattr(topics_lang, "_proper_known", {})
    build(config)
    monkeypatch.setattr(topics_lang, "_proper_known", {})  # as in a new process

    def no_hanta():
        raise AssertionError("HanTa was loaded")

    monkeypatch.setattr(topics_lang, "hanta", no_hanta)
    edited = sorted(config.seeds.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEin weiterer Absatz, der nur bekannte Worte enthält.\n")
    assert build(config).processed == 1


def test_rebuild_reads_only_seeds_whose_file_or_sidecar_changed(config: Config, monkeypatch):
    build(config)
    reads = spy(monkeypatch, pipeline, "read_raw", lambda path, *rest: path.name)
    build(config)
    assert reads == []
    first, second = sorted(config.seeds.glob("*.txt"))[:2]
    first.write_text(first.read_text(encoding="utf-8") + "\nEin neuer Satz am Ende des Artikels.\n", encoding="utf-8")
    second.with_suffix(".toml").write_text('date = 2014-03-01T09:30:00+01:00\nauthor = "Anna Beispiel"\n')
    report = build(config)
    assert sorted(reads) == sorted([first.name, second.name]) and report.processed == 2


def assert_rebuild_compiles_no_template(config: Config, monkeypatch) -> None:
    """After an edit, the next build renders pages with the templates compiled before."""
    from jinja2 import Environment

    def no_compiling(*args, **kwargs):
        raise AssertionError("a template was compiled again")

    monkeypatch.setattr(Environment, "compile", no_compiling)
    edited = sorted(config.seeds.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEin weiterer Absatz am Ende des Artikels.\n")
    assert build(config).rendered > 0


def test_rebuild_reuses_compiled_templates_from_the_cache(config: Config, monkeypatch):
    build(config)
    assert_rebuild_compiles_no_template(config, monkeypatch)


def test_related_articles_are_chosen_anew_only_when_order_or_topics_change(config: Config, tmp_path: Path,
                                                                           monkeypatch):
    from depesche.site import related

    build(config)
    chosen = spy(monkeypatch, related, "choose", lambda here, *rest: here)
    sidecar = sorted(config.seeds.glob("*.txt"))[0].with_suffix(".toml")
    dated = sidecar.read_text(encoding="utf-8") if sidecar.exists() else ""
    sidecar.write_text(dated + 'author = "Anna Beispiel"\n')
    build(config)
    chosen_for_author = len(chosen)
    sidecar.write_text(dated + 'topics = ["Facebook", "Skype"]\n')
    build(config)
    assert chosen_for_author == 0 and len(chosen) > 0
    assert_same_as_clean_build(config, tmp_path)


def test_templates_compiled_for_a_parallel_build_reach_the_cache(config: Config, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS_DEFAULT", 1)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    build(config)  # the pages are rendered in worker processes
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS_DEFAULT", 10**9)
    assert_rebuild_compiles_no_template(config, monkeypatch)


def test_cache_pickles_anew_only_the_shards_whose_seeds_changed(config: Config, monkeypatch):
    build(config)
    before = load_cache(config.cache, stage_fingerprints(config)).shelf
    edited = sorted(config.seeds.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nNoch ein Satz zum Schluss des Artikels.\n",
                      encoding="utf-8")
    pickled_anew = []

    def spying_shelve(processed, known):
        shelf = shelve(processed, known)
        pickled_anew.extend(p for p in shelf if shelf[p] is not known.get(p))
        return shelf

    monkeypatch.setattr(cache, "shelve", spying_shelve)
    build(config)
    after = load_cache(config.cache, stage_fingerprints(config)).shelf
    keys_before = {key for keys, _ in before.values() for key in keys}
    keys_after = {key for keys, _ in after.values() for key in keys}
    assert len(keys_after) == len(keys_before) == len(list(config.seeds.glob("*.txt")))
    assert len(keys_before ^ keys_after) == 2  # the edited seed's old and new key
    touched = {key[:cache.SHARD_DIGITS] for key in keys_before ^ keys_after}
    assert set(pickled_anew) == touched & after.keys()
    assert {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)} == touched
    assert all(after[p] == before[p] for p in after.keys() - touched)


def test_shelve_keeps_the_bytes_of_unchanged_shards():
    results = {"aa1": "first", "aa2": "second", "bb1": "third"}
    shelf = shelve(results, {})
    assert unshelve(shelf) == results
    again = shelve({**results, "bb2": "fourth"}, shelf)
    assert again["aa"] is shelf["aa"] and again["bb"] != shelf["bb"]
    assert unshelve(again) == {**results, "bb2": "fourth"}


def test_hanta_verdicts_outlive_the_version_of_the_seed_they_were_made_for(config: Config, monkeypatch):
    """A seed edited twice: its second version asked HanTa nothing it knew, so its results carry
    no verdicts; the third must still find those of the first in the cache."""
    monkeypatch.setattr(topics_lang, "_proper_known", {})
    build(config)
    edited = sorted(config.seeds.glob("*.txt"))[0]
    addition = "\nNachtrag: Inzwischen hat sich auch die Bundesnetzagentur zu dem Fall geäußert.\n"
    for _ in range(2):
        edited.write_text(edited.read_text(encoding="utf-8") + addition)
        assert build(config).processed == 1
    monkeypatch.setattr(topics_lang, "_proper_known", {})  # as in a new process

    def no_hanta():
        raise AssertionError("HanTa was loaded")

    monkeypatch.setattr(topics_lang, "hanta", no_hanta)
    edited.write_text(edited.read_text(encoding="utf-8") + addition)
    assert build(config).processed == 1


def test_a_seed_with_git_dates_keeps_its_key_in_a_fresh_clone():
    """A clone gives every file a new time; with git dates that time is never the article's date,
    so a Pages deploy with the cache restored cleans and tags only what was edited."""
    from datetime import datetime, timezone

    from depesche.build.cache import seed_key
    from depesche.model import RawSeed

    day = datetime(2015, 1, 1, tzinfo=timezone.utc)
    seed = RawSeed("seeds/a.txt", "a", b"Text", None, day, day, day)
    cloned = replace(seed, modified=datetime(2026, 12, 3, tzinfo=timezone.utc))
    assert seed_key(cloned) == seed_key(seed)
    without_git = replace(seed, added=None, changed=None)
    assert seed_key(replace(without_git, modified=cloned.modified)) != seed_key(without_git)  # then it is the date
