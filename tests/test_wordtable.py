"""The on-disk word table answers exactly as simplemma and wordfreq themselves do."""
import sqlite3

import pytest
from simplemma.strategies.dictionaries import DefaultDictionaryFactory
from wordfreq import zipf_frequency

from depesche.topics import wordtable

WORDS = ["Haus", "Straße", "STRASSE", "ÄRGER", "naïve", "WhatsApp-Nutzern", "Telefonie-Funktion",
         "E-Plus", "Weihnachtsmärkte", "die", "Die", "Ölförderprojekten", "Xqzvbnm", "Obermann",
         "Skype-Funktionen", "Bundesnetzagentur", "geäußert"]


@pytest.fixture(scope="module")
def simplemma_table():
    return DefaultDictionaryFactory().get_dictionary("de")


@pytest.mark.parametrize("word", WORDS)
def test_lemma_table_matches_simplemma(word, simplemma_table):
    assert wordtable.LemmaTable().get(word) == simplemma_table.get(word)


@pytest.mark.parametrize("word", WORDS)
def test_zipf_matches_wordfreq(word):
    assert wordtable.zipf(word) == zipf_frequency(word, "de", wordlist="large")


@pytest.mark.parametrize("word", ["1&1", "O2", "McDonald's", "3-D", "2024", "G20-Gipfel", "", "--", "3942795116", "978-3960960010"])
def test_zipf_of_words_beyond_letters_matches_wordfreq(word):
    assert wordtable.zipf(word) == zipf_frequency(word, "de", wordlist="large")


@pytest.mark.parametrize("word", ["Strong", "through", "Runway", "Skype", "Marketing", "Fußball", "Xqzvbnm", "O2", ""])
def test_english_zipf_matches_wordfreq_for_words_of_letters(word):
    expected = zipf_frequency(word, "en", wordlist="small") if word.isalpha() else 0.0
    assert wordtable.english_zipf(word) == expected


def test_known_word_has_a_lemma_and_a_frequency():
    assert wordtable.LemmaTable().get("Weihnachtsmärkte") == "Weihnachtsmarkt"
    assert wordtable.zipf("Haus") > 5


def test_written_table_is_complete_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "words.sqlite"
    wordtable.write_table(path)
    assert [p.name for p in tmp_path.iterdir()] == ["words.sqlite"]
    db = sqlite3.connect(path)
    assert db.execute("SELECT lemma FROM lemma WHERE form = 'Häuser'").fetchone() == ("Haus",)
    assert db.execute("SELECT count(*) FROM freq").fetchone()[0] > 100_000
    assert db.execute("SELECT freq FROM english WHERE token = 'through'").fetchone()[0] > 1e-4


def test_table_lives_in_the_user_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert wordtable.cache_folder() == tmp_path / "depesche"


def test_a_cache_folder_that_cannot_be_written_falls_back_to_the_temporary_folder(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(wordtable, "table_path", lambda: blocked / "depesche" / "words.sqlite")
    monkeypatch.setattr(wordtable.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    written = []

    def write(path):
        path.parent.mkdir(parents=True)  # fails below the file
        written.append(path)
        path.write_bytes(b"")

    monkeypatch.setattr(wordtable, "write_table", write)
    found = wordtable.existing_table()
    assert found.parent.parent == tmp_path / "tmp" and written == [found]
