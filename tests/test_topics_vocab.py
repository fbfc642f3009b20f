"""The topic vocabulary file: what it holds and how a bad one is reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from depesche.topics.vocab import VocabularyError, load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_repo_vocabulary_loads() -> None:
    vocabulary = load_vocabulary(ROOT / "topics.toml")
    assert vocabulary.canonical("Telekom") == "Deutsche Telekom"
    assert vocabulary.lookup("telefonieren") == "VoIP"
    assert "nutzer" in vocabulary.blocked


def test_missing_file_is_an_empty_vocabulary(tmp_path: Path) -> None:
    vocabulary = load_vocabulary(tmp_path / "nope.toml")
    assert vocabulary.canonical("Telekom") == "Telekom" and vocabulary.matcher is None


def test_aliases_fold_case_and_umlauts(tmp_path: Path) -> None:
    vocabulary = load_vocabulary(write(tmp_path, '[[topic]]\nname = "Börse"\naliases = ["Boerse", "Aktienmarkt"]\n'))
    assert vocabulary.canonical("BOERSE") == "Börse" and vocabulary.canonical("aktienmarkt") == "Börse"


@pytest.mark.parametrize("text, line, words", [
    ('block = ["a"]\n\n[[topic]\nname = "X"\n', 3, "topics.toml:3:"),
    ('block = ["a"]\n[[topic]]\naliases = ["Y"]\n', 2, "no name"),
    ('[[topic]]\nname = "X"\n\n[[topic]]\nname = "Y"\nalias = ["Z"]\n', 6, "unknown key 'alias'"),
    ('[[topic]]\nname = "X"\naliases = "Y"\n', 3, "aliases must be a list"),
    ('blocked = ["x"]\n', 1, "unknown key 'blocked'"),
    ('block = "x"\n', 1, "block must be a list"),
    ('block = []\ntopic = ["VoIP"]\n', 2, "topic must be [[topic]] tables"),
    ('block = []\n\n[topics]\nname = "x"\n', 3, "unknown key 'topics'"),
    ('[[topic]]\nname = "A"\naliases = ["X"]\n[[topic]]\nname = "B"\naliases = ["x"]\n', 4, "already belongs"),
])
def test_bad_file_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(VocabularyError) as error:
        load_vocabulary(write(tmp_path, text))
    assert f"topics.toml:{line}:" in str(error.value)
    assert words in str(error.value)
