"""Stage 7, write: the only place that writes the site, atomically.

The whole site is written to a temporary folder beside the output folder and
swapped in only when complete, so a failed build never leaves half a site.
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


def stage_files(outputs: Iterable[tuple[str, bytes]], folder: Path, keep: Iterable[str], old: Path) -> None:
    """Write every output below `folder`, and link the kept ones from `old`.

    Kept files are hard links to the previous site's files: their bytes are not
    written again. Two outputs for one path are an error.
    """
    seen: set[PurePosixPath] = set()
    made: set[Path] = set()

    def target_of(name: str) -> Path:
        path = checked_path(name)
        if path in seen:
            raise OutputError(f"{name}: two outputs for the same path")
        seen.add(path)
        target = folder.joinpath(*path.parts)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        return target

    for name in sorted(keep):
        target = target_of(name)
        try:
            os.link(old / name, target)
        except OSError:
            shutil.copy2(old / name, target)
    for name, data in outputs:
        target_of(name).write_bytes(data)
    (folder / MARKER).write_bytes(MARKER_TEXT)


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
