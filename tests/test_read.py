import subprocess
from pathlib import Path

import pytest

from depesche.read import SeedError, git_dates, normalise, read_seed, read_seeds


def test_normalise_line_endings_spaces_and_nfc():
    text = "Zeile\u00a0eins\r\nZeile  zwei\rDre\u0301i\t \n\u00a0\u00a0\n"
    assert normalise(text) == "Zeile eins\nZeile zwei\nDréi\n\n"


def test_utf8_bom_is_dropped(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffÜberschrift".encode("utf-8"))
    assert read_seed(path, "seeds/a.txt", {}).text == "Überschrift"


def test_binary_file_names_the_file(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(SeedError, match=r"^seeds/a.txt: a binary file \(PNG image\)"):
        read_seed(path, "seeds/a.txt", {})


def test_sidecar_is_read_and_bad_sidecar_names_file_and_line(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Text")
    (tmp_path / "a.toml").write_text('title = "Eigener Titel"\ndate = 2014-02-24\n')
    seed = read_seed(tmp_path / "a.txt", "seeds/a.txt", {})
    assert seed.metadata["title"] == "Eigener Titel"
    (tmp_path / "a.toml").write_text('title = "x"\ndate = 2014-02-30\n')
    with pytest.raises(SeedError, match=r"^seeds/a.toml: .*line 2"):
        read_seed(tmp_path / "a.txt", "seeds/a.txt", {})


def test_unknown_sidecar_key_is_an_error(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Text")
    (tmp_path / "a.toml").write_text('datum = 2014-02-24\n')
    with pytest.raises(SeedError, match="unknown key 'datum'"):
        read_seed(tmp_path / "a.txt", "seeds/a.txt", {})


def test_read_seeds_reports_bad_files_and_keeps_the_rest(tmp_path: Path):
    (tmp_path / "good.txt").write_text("Gut")
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4 binary")
    seeds, errors = read_seeds(tmp_path)
    assert [s.stem for s in seeds] == ["good"]
    assert len(errors) == 1 and errors[0].startswith(str(tmp_path / "bad.txt"))


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**env, "PATH": "/usr/bin:/bin", "HOME": str(repo),
                        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def test_git_dates_are_the_adding_and_the_last_commit(tmp_path: Path):
    git(tmp_path, "init", "-q")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("eins")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "add", date="2014-02-24T10:00:00+01:00")
    (seeds / "a.txt").write_text("zwei")
    git(tmp_path, "commit", "-qam", "edit", date="2014-03-01T12:00:00+01:00")
    added, changed = git_dates(seeds)[(seeds / "a.txt").resolve()]
    assert added.isoformat() == "2014-02-24T10:00:00+01:00"
    assert changed.isoformat() == "2014-03-01T12:00:00+01:00"


def test_git_dates_outside_a_repository_are_empty(tmp_path: Path):
    assert git_dates(tmp_path) == {}
