from pathlib import Path

import pytest

from depesche.write import MARKER, OutputError, write_site


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
