"""Stage 7, write: the only place that writes the site, atomically.

A full build writes the whole site to a temporary folder beside the output
folder and swaps it in only when complete. An incremental build stages only
the changed files beside the site and moves them in once all are written. Either
way a failed build never leaves half a site.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

MARKER = ".depesche"
MARKER_TEXT = b"This folder is built by Depesche and replaced on every build.\n"


class OutputError(ValueError):
    """An output folder or file the writer refuses to write."""


def check_output_folder(out: Path, protected: Iterable[Path]) -> None:
    """Refuse `/`, the home folder, and any folder that is or holds a protected one."""
    target = out.resolve()
    for folder in [Path("/"), Path.home(), *protected]:
        folder = folder.resolve()
        if target == folder or target in folder.parents:
            raise OutputError(f"{out}: refusing to use {target} as the output folder (it holds {folder})")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise OutputError(f"{out}: not empty and not built by Depesche; refusing to replace it")


def checked_path(name: str) -> PurePosixPath:
    """A relative path that stays inside the output folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise OutputError(f"{name}: output path leaves the site folder")
    return path


def stage_files(outputs: Iterable[tuple[str, bytes]], folder: Path, keep: Iterable[str],
                old: Path) -> list[PurePosixPath]:
    """Write every output below `folder`, and link the kept ones from `old`; the paths written.

    Kept files are hard links to the previous site's files: their bytes are not
    written again. Two outputs for one path are an error.
    """
    seen: set[str] = set()
    made: set[str] = set()
    root = os.path.join(folder, "")  # paths as strings: pathlib's joins cost a tenth of a full build's writing

    def target_of(name: str) -> str:
        path = str(checked_path(name))
        if path in seen:
            raise OutputError(f"{name}: two outputs for the same path")
        seen.add(path)
        target = root + path
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        return target

    for name in sorted(keep):
        target = target_of(name)
        try:
            os.link(os.path.join(old, name), target)
        except OSError:
            shutil.copy2(os.path.join(old, name), target)
    for name, data in outputs:
        with open(target_of(name), "wb") as file:
            file.write(data)
    return sorted(map(PurePosixPath, seen))


def write_site(outputs: Iterable[tuple[str, bytes]], out: Path, protected: Iterable[Path] = (),
               keep: Iterable[str] = (), finish: Callable[[Path], None] | None = None) -> None:
    """Write all outputs to a fresh folder, then swap it in for `out`.

    `keep` names files to carry over from the previous site; `finish` may add
    to the complete new folder (the search index) before it goes live.
    """
    check_output_folder(out, protected)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        stage_files(outputs, staging, keep, out)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        if finish:
            finish(staging)
        os.chmod(staging, 0o755)
        if out.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, retired / out.name)
            os.replace(staging, out)
            shutil.rmtree(retired)
        else:
            os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def update_site(outputs: Iterable[tuple[str, bytes]], out: Path, removed: Iterable[str],
                protected: Iterable[Path] = (), before_moving: Callable[[], None] = lambda: None) -> None:
    """Write only the changed outputs into the existing site `out`, and delete the `removed` ones.

    The changed files are staged beside the site first, so a failure while making
    them (a template error, a full disk) leaves the site untouched. Then
    `before_moving` runs (the build forgets its cache there, which says what the
    site holds), and the staged files are renamed into place one by one and the
    removed ones deleted: an update cut short in between leaves no cache, and the
    next build is a full one.
    """
    check_output_folder(out, protected)
    if not (out / MARKER).is_file():
        raise OutputError(f"{out}: not a site built by Depesche; cannot update it")
    out = out.resolve()
    removed = [checked_path(name) for name in removed]
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        staged = stage_files(outputs, staging, (), out)
        before_moving()
        for name in staged:
            move_into(staging.joinpath(*name.parts), out.joinpath(*name.parts))
        for name in removed:
            delete_output(out, Path(*name.parts))
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_file(path: Path, data: bytes) -> None:
    """Write one file whole or not at all (the build cache): a temporary file renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def move_into(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def delete_output(out: Path, name: Path) -> None:
    """Delete one file of the site and the folders it leaves empty, never `out` itself."""
    (out / name).unlink(missing_ok=True)
    for folder in (out / name).parents:
        if folder == out or out not in folder.parents:
            break
        try:
            folder.rmdir()
        except OSError:  # not empty
            break
