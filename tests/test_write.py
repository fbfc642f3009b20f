from pathlib import Path

import pytest

from depesche.build.write import MARKER, OutputError, update_site, write_site


def test_writes_files_and_replaces_the_previous_site(tmp_path: Path):
    out = tmp_path / "site"
    write_site([("index.html", b"eins"), ("a/b/index.html", b"zwei")], out)
    write_site([("index.html", b"neu")], out)
    assert (out / "index.html").read_bytes() == b"neu"
    assert not (out / "a").exists() and (out / MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folders left


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path):
    out = tmp_path / "site"
    write_site([("index.html", b"alt")], out)

    def outputs():
        yield "index.html", b"neu"
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_site(outputs(), out)
    assert (out / "index.html").read_bytes() == b"alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_outputs_for_one_path_are_refused(tmp_path: Path):
    with pytest.raises(OutputError, match="two outputs"):
        write_site([("x.html", b"1"), ("x.html", b"2")], tmp_path / "site")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("name", ["../x.html", "/etc/x", "a/../../x"])
def test_paths_outside_the_site_are_refused(tmp_path: Path, name: str):
    with pytest.raises(OutputError, match="leaves the site"):
        write_site([(name, b"x")], tmp_path / "site")


def test_refuses_protected_folders_and_foreign_folders(tmp_path: Path):
    seeds = tmp_path / "repo" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "a.txt").write_text("keep")
    for out in (seeds, tmp_path / "repo", tmp_path, Path("/"), Path.home()):
        with pytest.raises(OutputError, match="refusing"):
            write_site([("index.html", b"x")], out, protected=[seeds])
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="not built by Depesche"):
        write_site([("index.html", b"x")], foreign)
    assert (seeds / "a.txt").read_text() == "keep" and (foreign / "notes.txt").read_text() == "mine"


def test_update_changes_only_what_changed_and_runs_before_moving_first(tmp_path: Path):
    out = tmp_path / "site"
    write_site([("index.html", b"alt"), ("a/b/index.html", b"weg"), ("c.html", b"bleibt")], out)
    kept = (out / "c.html").stat().st_ino
    seen_before_moving = []
    update_site([("index.html", b"neu"), ("d/e.html", b"dazu")], out, ["a/b/index.html"],
                before_moving=lambda: seen_before_moving.append((out / "index.html").read_bytes()))
    assert seen_before_moving == [b"alt"]  # the cache is forgotten before the site changes
    assert (out / "index.html").read_bytes() == b"neu" and (out / "d/e.html").read_bytes() == b"dazu"
    assert (out / MARKER).is_file()
    assert not (out / "a").exists()  # the removed file and the folders it left empty
    assert (out / "c.html").stat().st_ino == kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failed_update_leaves_the_site_and_its_cache_untouched(tmp_path: Path):
    out = tmp_path / "site"
    write_site([("index.html", b"alt")], out)
    forgotten = []

    def outputs():
        yield "index.html", b"neu"
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        update_site(outputs(), out, [], before_moving=lambda: forgotten.append(True))
    assert (out / "index.html").read_bytes() == b"alt" and forgotten == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_update_refuses_a_folder_it_did_not_build_and_paths_that_leave_the_site(tmp_path: Path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    with pytest.raises(OutputError, match="not a site built by Depesche"):
        update_site([("index.html", b"x")], foreign, [])
    out = tmp_path / "site"
    write_site([("index.html", b"alt")], out)
    with pytest.raises(OutputError, match="leaves the site folder"):
        update_site([("index.html", b"neu")], out, ["../foreign"])
    assert (out / "index.html").read_bytes() == b"alt" and foreign.is_dir()
