"""Stage 1, read: seed files from disk, decoded, normalised, with their dates."""
from __future__ import annotations

import os
import re
import subprocess
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .model import RawSeed, Seed

SIDECAR_SUFFIX = ".toml"
SIDECAR_KEYS = {"date", "updated", "title", "kicker", "author", "topics", "source"}

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# zero-width characters, and control characters other than tab and line breaks
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
MAGIC_NUMBERS = (
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "program"), (b"RIFF", "RIFF media file"), (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)
LATIN_CODEPAGES = ("cp125", "latin", "iso8859", "mac_", "cp437", "cp850", "cp858")
MAX_SEED_BYTES = 5_000_000
MAX_CONTROL_SHARE = 0.1
MIN_CHECKED_CHARS = 200
MAX_CHECKED_CHARS = 100_000


class SeedError(ValueError):
    """A seed that cannot be read; the message starts with the file's path."""


def normalise(text: str) -> str:
    """NFC, Unix line endings, odd spaces as plain spaces, control characters removed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def binary_kind(data: bytes) -> str | None:
    """The kind of a binary file by its magic number, if it has a known one."""
    return next((kind for magic, kind in MAGIC_NUMBERS if data.startswith(magic)), None)


def decode(data: bytes, path: str) -> str:
    """Text from bytes: a BOM's encoding, else UTF-8, else what charset-normalizer detects.

    A single-byte Latin guess is read as Windows-1252, the superset of Latin-1 that
    German copy from old archives is written in; short texts make detectors waver
    between the Latin code pages, which agree on the umlauts anyway.
    """
    kind = binary_kind(data)
    if kind:
        raise SeedError(f"{path}: a binary file ({kind}), not text")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                raise SeedError(f"{path}: starts with a {codec} byte order mark but is not {codec} ({error.reason})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported only for the rare non-UTF-8 file

    best = from_bytes(data).best()
    if best is None:
        raise SeedError(f"{path}: not text in any encoding that could be detected (a binary file?)")
    if best.encoding.startswith(LATIN_CODEPAGES):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return str(best)


def check_text(text: str, path: str) -> None:
    """Refuse decoded bytes that are mostly not text (a binary file without a known magic number)."""
    sample = text[:MAX_CHECKED_CHARS]
    odd = len(_BINARY_CHARS.findall(sample))
    if len(sample) >= MIN_CHECKED_CHARS and odd / len(sample) > MAX_CONTROL_SHARE:
        raise SeedError(f"{path}: looks like a binary file, not text ({odd} control characters in {len(sample)})")


def parse_sidecar(data: bytes | None, shown: str) -> dict[str, object]:
    """Metadata from the TOML sidecar beside a seed, validated; {} when there is none."""
    if data is None:
        return {}
    try:
        metadata = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SeedError(f"{shown}: {error}") from None
    unknown = sorted(set(metadata) - SIDECAR_KEYS)
    if unknown:
        raise SeedError(f"{shown}: unknown key {unknown[0]!r} (known: {', '.join(sorted(SIDECAR_KEYS))})")
    return metadata


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


def read_raw(path: Path, shown: str, dates: tuple[datetime | None, datetime | None]) -> RawSeed:
    """A seed's bytes, its sidecar's bytes and its dates: all the disk has to say about it."""
    try:
        stat = path.stat()
        if stat.st_size > MAX_SEED_BYTES:
            raise SeedError(f"{shown}: too large ({stat.st_size / 1e6:.1f} MB; "
                            f"a seed may have at most {MAX_SEED_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
        sidecar = path.with_suffix(SIDECAR_SUFFIX)
        sidecar_data = sidecar.read_bytes() if sidecar.exists() else None
    except OSError as error:
        raise SeedError(f"{shown}: cannot read ({error.strerror or error})") from None
    added, changed = dates
    modified = datetime.fromtimestamp(int(stat.st_mtime), tz=timezone.utc)
    return RawSeed(path=shown, stem=path.stem, data=data, sidecar=sidecar_data,
                   added=added, changed=changed, modified=modified)


def parse_seed(raw: RawSeed) -> Seed:
    """Decode and normalise a raw seed and read its sidecar; no disk access."""
    text = decode(raw.data, raw.path)
    check_text(text, raw.path)
    metadata = parse_sidecar(raw.sidecar, str(Path(raw.path).with_suffix(SIDECAR_SUFFIX)))
    return Seed(path=raw.path, stem=raw.stem, text=normalise(text), metadata=metadata,
                added=raw.added, changed=raw.changed, modified=raw.modified)


def read_seed(path: Path, shown: str, history: dict[Path, tuple[datetime, datetime]]) -> Seed:
    """One seed file with its sidecar and dates."""
    return parse_seed(read_raw(path, shown, history.get(path.resolve(), (None, None))))


def symlink_target(path: Path, real_folder: Path, shown: str) -> Path:
    """Where a symlinked seed really is; one that leads out of the seeds folder (or nowhere) is refused."""
    target = path.resolve()
    if not target.exists():
        raise SeedError(f"{shown}: a symlink to {target}, which does not exist")
    if real_folder not in target.parents:
        raise SeedError(f"{shown}: a symlink to {target}, outside {path.parent}; copy the file in instead")
    return target


@dataclass(frozen=True)
class SeedFile:
    """A seed found in the seeds folder, not yet read."""

    shown: str  # its path as found (folder and name), in messages and in the build cache
    dates: tuple[datetime | None, datetime | None]  # from git: added, last changed
    signature: tuple  # size, times and inode of the file and its sidecar, and the git dates


def signature_of(entry: os.DirEntry | None) -> tuple[int, int, int, int] | None:
    """Size, modification and change times and inode of a file (of its target, for a symlink)."""
    try:
        stat = entry.stat() if entry else None
    except OSError:  # a broken symlink: reading it will say so
        return None
    return stat and (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def list_seeds(folder: Path, history: dict[Path, tuple[datetime, datetime]] | None = None,
               ) -> tuple[list[SeedFile], list[str]]:
    """Every seed of `folder`, sorted by name, with what the disk says about it without reading it;
    and an error for each refused one. `history` is the folder's git dates, if already taken.

    One directory scan and one stat per file: an unchanged signature lets a rebuild
    skip reading the file, as make and git do.
    """
    if not folder.is_dir():
        raise SeedError(f"{folder}: the seeds folder does not exist (give another with --seeds, or `seeds` in the settings)")
    history = git_dates(folder) if history is None else history
    real_folder = folder.resolve()
    with os.scandir(folder) as scan:
        entries = {entry.name: entry for entry in scan if not entry.name.startswith(".")}
    files, errors, prefix = [], [], os.path.join(folder, "")  # joined once: os.path.join per seed cost 0.05 s at 10,000
    for name in sorted(n for n, e in entries.items() if n.endswith(".txt") and (e.is_file() or e.is_symlink())):
        shown = prefix + name
        if entries[name].is_symlink():
            try:
                real = symlink_target(Path(shown), real_folder, shown)
            except SeedError as error:
                errors.append(str(error))
                continue
        else:
            real = real_folder / name if history else None
        sidecar = entries.get(name.removesuffix(".txt") + SIDECAR_SUFFIX)
        dates = history.get(real, (None, None))
        signature = (signature_of(entries[name]), signature_of(sidecar), dates)
        files.append(SeedFile(shown, dates, signature))
    return files, errors


def read_seeds(folder: Path) -> tuple[list[Seed], list[str]]:
    """All seeds of `folder`, parsed, and an error message for each that could not be used."""
    files, errors = list_seeds(folder)
    seeds = []
    for file in files:
        try:
            seeds.append(parse_seed(read_raw(Path(file.shown), file.shown, file.dates)))
        except SeedError as error:
            errors.append(str(error))
    return seeds, errors
