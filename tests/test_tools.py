"""The everyday commands: new, check, and how much a build says."""
from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from depesche.commands.check import check_site
from depesche.commands.cli import main
from depesche.config import Config
from depesche.commands.new import new_seed

from conftest import SUB_PATH_URL


def test_new_seed_has_the_headline_and_a_sidecar_with_the_date():
    now = datetime(2026, 11, 21, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    stem, text, sidecar = new_seed("  Ärger um  Öl: neue Regeln ", now)
    assert stem.startswith("aerger-um-oel-neue-regeln_") and len(stem.rsplit("_", 1)[1]) == 16
    assert text == "Ärger um Öl: neue Regeln\n\n"
    assert tomllib.loads(sidecar)["date"] == now


def test_new_command_creates_files_and_never_overwrites(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    assert main(["--config", str(tmp_path / "none.toml"), "--seeds", str(seeds), "new", "Eine Meldung"]) == 0
    created = sorted(p.suffix for p in seeds.iterdir())
    assert created == [".toml", ".txt"] and "Created" in capsys.readouterr().out
    assert main(["--seeds", str(seeds), "new", "   "]) == 2


def test_check_passes_on_a_built_site_and_finds_broken_links_and_feeds(built: Config):
    assert check_site(built.out, "http://elsewhere.example/") == []  # the base URL is read from the site
    page = next((built.out / "artikel").glob("*/index.html"))
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", '<a href="/depesche/fehlt/">x</a></main>'))
    (built.out / "themen" / "skype" / "atom.xml").write_text("<feed><entry>")
    problems = check_site(built.out, SUB_PATH_URL)
    assert any("broken link /depesche/fehlt/" in p for p in problems)
    assert any(p.startswith("themen/skype/atom.xml: not well-formed") for p in problems)
    assert len(problems) == 2


def test_check_command_exit_codes(built: Config, capsys):
    args = ["--config", "none.toml", "--out", str(built.out)]
    assert main([*args, "check"]) == 0
    (built.out / "feed.xml").write_text("kaputt")
    assert main([*args, "check"]) == 1
    assert "feed.xml: not well-formed" in capsys.readouterr().err


def test_quiet_shows_only_errors_and_verbose_every_warning(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = "Ein Satz mit genug Worten für einen Absatz, sagt die Meldung heute. "
    for i in range(7):
        (seeds / f"a{i}.txt").write_text(f"Eine Überschrift Nummer {i} hier\n\n{body * 2}{i}\n")
    (seeds / "bild.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    args = ["--config", str(tmp_path / "none.toml"), "--seeds", str(seeds), "--out", str(tmp_path / "site")]
    assert main([*args, "-q"]) == 0
    quiet = capsys.readouterr()
    assert quiet.out == "" and quiet.err.count("\n") == 1 and "bild.txt" in quiet.err
    assert main(args) == 0
    normal = capsys.readouterr().err
    assert normal.count("modification time") == 6 and "… and 2 more files" in normal
    assert main([*args, "-v"]) == 0
    assert capsys.readouterr().err.count("modification time") == 7


def test_settings_paths_are_taken_from_the_settings_folder(tmp_path: Path, monkeypatch):
    """Defaults and relative paths in depesche.toml resolve beside it, whatever the current folder."""
    from depesche.config import load_config

    project = tmp_path / "project"
    project.mkdir()
    (project / "depesche.toml").write_text('topics_file = "vocabulary/topics.toml"\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = load_config(project / "depesche.toml", out=Path("here"))
    assert config.seeds == project / "seeds" and config.topics_file == project / "vocabulary" / "topics.toml"
    assert config.cache == project / ".depesche"
    assert config.out == Path("here")  # a command-line path is taken from the current folder
