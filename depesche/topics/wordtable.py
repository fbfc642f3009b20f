"""simplemma's German lemmas and wordfreq's German (and common English) frequencies as one SQLite file.

Loading those two tables into memory takes about five seconds and 230 MB in every
process, while a rebuild after one edit looks up a few hundred words. So the first
build on a machine writes both tables, from the installed packages and offline, into
a SQLite file in the user's cache folder; every later process opens that file and
looks words up on disk in microseconds. The file's name carries both packages'
versions, so an upgrade makes a new one. The answers are the packages' own, exactly
(tests/test_wordtable.py compares them).
"""
from __future__ import annotations

import math
import os
import sqlite3
import tempfile
import unicodedata
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

TABLE_FORMAT = 2
WORDLIST = "large"
ENGLISH_WORDLIST = "small"  # words down to Zipf 3: all an English-word test needs
_connections: dict[int, sqlite3.Connection] = {}  # per process: a connection must not cross a fork


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "depesche"


@lru_cache(maxsize=1)
def table_path() -> Path:
    return cache_folder() / (f"words-de-simplemma{version('simplemma')}-wordfreq{version('wordfreq')}"
                             f"-{TABLE_FORMAT}.sqlite")


MIN_FREQ = 1e-9  # Zipf 0: wordfreq's floor for unknown and rare words


def rounded_zipf(freq: float) -> float:
    """wordfreq's own rounding: three significant digits of the frequency (at least Zipf 0),
    then Zipf to 0.01."""
    freq = max(freq, MIN_FREQ)
    leading_zeroes = math.floor(-math.log(freq, 10))
    return round(math.log(round(freq, leading_zeroes + 3), 10) + 9, 2)


def write_table(path: Path) -> None:
    """Both tables from the installed packages, written under a temporary name and renamed."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    from wordfreq import get_frequency_dict

    lemmas = DefaultDictionaryFactory().get_dictionary("de")
    freqs = get_frequency_dict("de", WORDLIST)
    english = get_frequency_dict("en", ENGLISH_WORDLIST)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(temporary)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("CREATE TABLE lemma (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE freq (token TEXT PRIMARY KEY, freq REAL NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO lemma VALUES (?, ?)", lemmas.items())
        db.executemany("INSERT INTO freq VALUES (?, ?)", freqs.items())
        db.execute("CREATE TABLE english (token TEXT PRIMARY KEY, freq REAL NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO english VALUES (?, ?)", english.items())
        db.commit()
    finally:
        db.close()
    os.replace(temporary, path)


def existing_table() -> Path:
    """The table's file, written first if this machine has none; in the temporary
    folder when the user's cache folder cannot be written (a read-only home)."""
    path = table_path()
    if path.is_file():
        return path
    try:
        write_table(path)
        return path
    except OSError:
        fallback = Path(tempfile.gettempdir()) / f"depesche-{os.getuid()}" / path.name
        if not fallback.is_file():
            write_table(fallback)
        return fallback


def connection() -> sqlite3.Connection:
    """This process's read-only connection to the table."""
    pid = os.getpid()
    if pid not in _connections:
        _connections[pid] = sqlite3.connect(f"file:{existing_table()}?mode=ro", uri=True,
                                            check_same_thread=False)
    return _connections[pid]


class LemmaTable:
    """simplemma's form -> lemma mapping, answered from disk (`get` as on its own table)."""

    def get(self, form: str, default: str | None = None) -> str | None:
        row = connection().execute("SELECT lemma FROM lemma WHERE form = ?", (form,)).fetchone()
        return row[0] if row else default


def frequency(token: str) -> float | None:
    row = connection().execute("SELECT freq FROM freq WHERE token = ?", (token,)).fetchone()
    return row[0] if row else None


def english_zipf(word: str) -> float:
    """wordfreq's zipf_frequency(word, "en", "small") for a word of letters (0 for anything else)."""
    if not word.isalpha():
        return 0.0
    row = connection().execute("SELECT freq FROM english WHERE token = ?", (word.casefold(),)).fetchone()
    return rounded_zipf(row[0]) if row else 0.0


def tokens(word: str) -> list[str]:
    """wordfreq's tokens of a word: case folded and split at hyphens for plain words;
    anything else (digits, apostrophes, "&") goes through wordfreq's own tokenizer."""
    parts = unicodedata.normalize("NFC", word).casefold().split("-")
    if all(part.isalpha() for part in parts):
        return parts
    from wordfreq import lossy_tokenize

    return lossy_tokenize(word, "de")


def zipf(word: str) -> float:
    """wordfreq's zipf_frequency(word, "de", "large"), computed from the table as wordfreq does.

    Several tokens combine as 1/f = 1/f1 + 1/f2 + ...; runs of digits are looked
    up as zeroes and weighted by how often such a number occurs; any unknown
    token makes the word unknown (0).
    """
    one_over = 0.0
    for token in tokens(word):
        smashed = smash_numbers(token)
        freq = frequency(smashed)
        if freq is None:
            return 0.0
        if smashed != token:
            from wordfreq.numbers import digit_freq

            freq *= digit_freq(token)
        one_over += 1.0 / freq
    return rounded_zipf(1.0 / one_over) if one_over else 0.0  # no tokens: unknown


def smash_numbers(token: str) -> str:
    if not any(c.isdigit() for c in token):
        return token
    from wordfreq.numbers import smash_numbers as smash

    return smash(token)
