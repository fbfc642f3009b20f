"""Stage 1, read: seed files from disk, decoded, normalised, with their dates."""
from __future__ import annotations

import re
import subprocess
import tomllib
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from .model import Seed

SIDECAR_SUFFIX = ".toml"
SIDECAR_KEYS = {"date", "updated", "title", "kicker", "author", "topics", "source"}

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


class SeedError(ValueError):
    """A seed that cannot be read; the message starts with the file's path."""


def normalise(text: str) -> str:
    """NFC, Unix line endings, non-breaking and other odd spaces as plain spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SeedError(f"{path}: not valid UTF-8 (byte {error.start})") from None


def read_sidecar(path: Path, shown: str) -> dict[str, object]:
    """Metadata from `x.toml` beside `x.txt`, validated; {} when there is none."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SeedError(f"{shown}: {error}") from None
    unknown = sorted(set(data) - SIDECAR_KEYS)
    if unknown:
        raise SeedError(f"{shown}: unknown key {unknown[0]!r} (known: {', '.join(sorted(SIDECAR_KEYS))})")
    return data


def git_dates(folder: Path) -> dict[Path, tuple[datetime, datetime]]:
    """(added, last changed) per file from one pass over the git history of `folder`."""
    try:
        top = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        log = subprocess.run(
            ["git", "-C", top, "-c", "core.quotepath=off", "log", "--format=%x00%aI",
             "--name-only", "--no-renames", "--", str(folder.resolve())],
            capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[Path, tuple[datetime, datetime]] = {}
    for commit in log.split("\0")[1:]:
        stamp, *names = commit.strip().split("\n")
        when = datetime.fromisoformat(stamp)
        for name in filter(None, names):
            file = Path(top, name)
            changed = dates[file][1] if file in dates else when
            dates[file] = (when, changed)  # newest first: the last seen is the oldest
    return dates


def read_seed(path: Path, shown: str, history: dict[Path, tuple[datetime, datetime]]) -> Seed:
    """One seed file with its sidecar and dates."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(f"{shown}: cannot read ({error.strerror})") from None
    text = normalise(decode(data, shown))
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    metadata = read_sidecar(sidecar, str(Path(shown).with_suffix(SIDECAR_SUFFIX)))
    added, changed = history.get(path.resolve(), (None, None))
    modified = datetime.fromtimestamp(int(path.stat().st_mtime), tz=timezone.utc)
    return Seed(path=shown, stem=path.stem, text=text, metadata=metadata,
                added=added, changed=changed, modified=modified)


def seed_paths(folder: Path) -> list[Path]:
    """The seed files of a folder, sorted by name so builds are deterministic."""
    return sorted(p for p in folder.glob("*.txt") if p.is_file())


def read_seeds(folder: Path) -> tuple[list[Seed], list[str]]:
    """All seeds of `folder`, and an error message for each that could not be read."""
    history = git_dates(folder)
    seeds, errors = [], []
    for path in seed_paths(folder):
        try:
            seeds.append(read_seed(path, str(folder / path.name), history))
        except SeedError as error:
            errors.append(str(error))
    return seeds, errors
