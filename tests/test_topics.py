"""The tagger on the seeds, and its folding rules."""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from depesche.clean.cleaner import clean
from depesche.enrich import enrich
from depesche.read import read_seed
from depesche.topics.extract import extract_topics
from depesche.topics.mentions import mentions
from depesche.topics.settings import FEATURES, Settings
from depesche.topics.vocab import Vocabulary, load_vocabulary
from depesche.topics.lang import is_converted, lemma
from depesche.topics.choose import cut, distinct
from depesche.topics.rank import candidates

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "000": {"Skype", "MySpace"},
    "001": {"WhatsApp", "Facebook"},
    "002": {"Twitter", "Deutsche Telekom"},
    "003": {"WhatsApp", "Facebook"},
}
JUNK = {"Nutzer", "Nutzern", "Deutscher", "Interview", "WhatsApp-Nutzern", "Telekom-Chef", "Telekom",
        "Die", "Der", "Demnächst", "Skyp", "skypen", "Koum", "Swaaij", "Social", "November",
        # generic nouns an editor would not make a topic page of, and a phrase in a poor form
        "Partnerschaft", "Nutzung", "Mensch", "Zeit", "Welt", "Milliarde", "Soziale Netzwerk", "Sorge"}


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary(ROOT / "topics.toml")


def seed_tags(prefix: str, vocabulary: Vocabulary) -> list[str]:
    path = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    seed = read_seed(path, path.name, {})
    article, _ = enrich(seed, clean(seed.text), vocabulary, ZoneInfo("Europe/Berlin"))
    return [topic.name for topic in article.topics]


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_carries_its_subjects_and_no_junk(prefix: str, vocabulary: Vocabulary) -> None:
    tags = seed_tags(prefix, vocabulary)
    assert SEEDS[prefix] <= set(tags), tags
    assert not JUNK & set(tags), tags
    assert 1 <= len(tags) <= 6


def test_seed_tags_are_distinct_things(vocabulary: Vocabulary) -> None:
    for prefix in SEEDS:
        tags = seed_tags(prefix, vocabulary)
        words = [w.casefold() for tag in tags for w in tag.split()]
        assert len(words) == len(set(words)), tags


def tags(title: str, *blocks: str, vocabulary: Vocabulary = Vocabulary(), **knobs) -> list[str]:
    return extract_topics(title, list(blocks), vocabulary, Settings(**knobs) if knobs else Settings())


def test_compounds_fold_onto_the_name() -> None:
    found = tags("WhatsApp-Nutzern droht nichts", "Der Telekom-Chef lobt WhatsApp und die Telekom.",
                 "Telekom-Kunden nutzen WhatsApp.")
    assert found[:2] == ["WhatsApp", "Telekom"]
    assert "WhatsApp-Nutzern" not in found and "Telekom-Chef" not in found


def test_letter_prefix_is_no_compound() -> None:
    assert "E-Plus" in tags("E-Plus senkt Preise", "Der Anbieter E-Plus senkt die Preise.")


def test_inflected_nouns_fold_onto_their_lemma() -> None:
    found = tags("Weihnachtsmärkte öffnen", "Die Weihnachtsmärkte öffnen, jeder Weihnachtsmarkt lockt.")
    assert "Weihnachtsmarkt" in found and "Weihnachtsmärkte" not in found


def test_plurals_with_their_own_sense_keep_it() -> None:
    assert [lemma(w) for w in ("Daten", "Kundendaten", "Medien", "Datum", "Biss")] == [
        "Daten", "Kundendaten", "Medien", "Datum", "Biss"]
    found = tags("Kundendaten in Gefahr", "Die Kundendaten liegen offen. Die Daten und die Medien.")
    assert "Kundendaten" in found and "Kundendatum" not in found


def test_verbs_and_adjectives_written_as_nouns_are_told_from_nouns() -> None:
    assert [is_converted(w) for w in ("Bohren", "Wahre", "Leckeres", "Entspannen")] == [True] * 4
    assert [is_converted(w) for w in ("Pflaster", "Weihnachtsmarkt", "WhatsApp", "Telekom")] == [False] * 4


def test_gendered_and_english_plurals_fold_onto_their_base() -> None:
    text = ["Die Kandidat_innen stellen sich vor. Ein Kandidat lacht.", "Whiskies aus Schottland: der Whisky."]
    found = [name for name, _ in candidates(mentions("Kandidat_innen im Test", text, Vocabulary()), Vocabulary())]
    assert "Kandidat" in found and "Whisky" in found
    assert not {"Kandidat_innen", "Whiskies"} & set(found), found


def test_genitive_folds_onto_the_name() -> None:
    found = tags("Facebooks Kauf", "Facebook kauft ein. Facebooks Chef freut sich über Facebook.")
    assert "Facebook" in found and "Facebooks" not in found


def test_multi_word_names_and_their_short_form_are_one_tag() -> None:
    found = tags("Koum spricht", "Mitbegründer Jan Koum sprach in Barcelona.", "Koum lachte, sagte Koum.")
    assert "Jan Koum" in found
    assert "Koum" not in found and "Mitbegründer Jan Koum" not in found


def test_inflected_and_genitive_name_forms_are_one_tag() -> None:
    found = tags("Ortegas Spiele", "Präsident Daniel Ortega eröffnet die Olympischen Spiele.",
                 "Die Olympische Spiele gefallen Ortega. Ortegas Rede war kurz.")
    assert "Daniel Ortega" in found and "Ortegas" not in found and "Ortega" not in found
    assert len([t for t in found if "Spiele" in t]) == 1, found


def test_a_tag_inside_a_better_one_is_left_out() -> None:
    scored = [(3.0, "Kim Jong Un"), (2.0, "Kim Jong"), (1.5, "Donald Trump"), (1.0, "Trump"), (0.5, "Nordkorea")]
    assert distinct(scored, 6) == [(3.0, "Kim Jong Un"), (1.5, "Donald Trump"), (0.5, "Nordkorea")]
    assert distinct(scored, 2) == [(3.0, "Kim Jong Un"), (1.5, "Donald Trump")]


def test_determiners_are_no_part_of_a_name() -> None:
    found = tags("Tatzelbrumm Das Video", "Die Fahrt Ihres Lebens mit Tatzelbrumm.",
                 "Zeig Deinen Look, wenn Deine Community Tatzelbrumm mag.")
    assert found[0] == "Tatzelbrumm"
    assert not [t for t in found if t.split()[0] in ("Das", "Ihres", "Deinen", "Deine") or " Das " in t], found


def test_sentence_start_words_are_no_tags() -> None:
    found = tags("Hierbei geht es um Siemens", "Demnächst baut Siemens. Dabei hilft Siemens.")
    assert found[0] == "Siemens"
    assert not {"Hierbei", "Demnächst", "Dabei"} & set(found)


def test_vocabulary_names_aliases_keywords_and_blocks() -> None:
    vocabulary = Vocabulary(aliases={"deutsche telekom": "Deutsche Telekom", "telekom": "Deutsche Telekom"},
                            keywords={"telefonieren": "VoIP"}, blocked=frozenset({"siemens"}))
    from depesche.topics.vocab import build_matcher

    vocabulary = Vocabulary(vocabulary.aliases, vocabulary.keywords, vocabulary.blocked,
                            build_matcher(["Deutsche Telekom", "Telekom", "telefonieren"]))
    found = tags("Telekom und Siemens", "Die Deutsche Telekom lässt telefonieren.",
                 "Telekoms Kunden telefonieren mit Siemens.", vocabulary=vocabulary)
    assert found[:2] == ["Deutsche Telekom", "VoIP"]
    assert "Siemens" not in found and "Telekom" not in found


def test_min_and_max_topics() -> None:
    sure = (30.0,) + (0.0,) * (len(FEATURES) - 1)
    text = "Siemens, Bosch, Miele, Trumpf, Kärcher, Festo, Würth und Stihl treffen sich in Stuttgart."
    assert len(tags("Treffen", text, weights=sure)) == Settings().max_topics
    assert len(tags("Treffen", text, weights=sure, max_topics=3)) == 3
    assert cut([0.5, 0.01, 0.01, 0.01], Settings()) == Settings().min_topics


def test_cut_gives_a_tag_while_it_raises_the_expected_f1() -> None:
    assert cut([0.9, 0.8, 0.1, 0.05], Settings(expected_tags=4)) == 2
    assert cut([0.9, 0.8, 0.7, 0.6], Settings(expected_tags=4)) == 4
    assert cut([0.9], Settings()) == 1


def test_models_load_lazily() -> None:
    """Importing the tagger loads no model: `build.py --help` must stay fast."""
    import subprocess
    import sys

    code = ("import sys, depesche.topics.extract, depesche.enrich; "
            "print(sorted(m for m in ('simplemma', 'wordfreq', 'HanTa') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_words_are_the_tag_words_with_their_sentence_starts() -> None:
    """`words` leaves out lower-case words (runs split at them by the text between) and spans taken."""
    from depesche.topics.mentions import words

    text = "Die Telekom-Chefin traf Jan Koum. Danach sprach sie mit SAP"
    found = [(w.text, w.head, w.initial) for w in words(text, [(text.index("SAP"), len(text))])]
    assert ("traf", "traf", False) not in found and ("SAP", "SAP", False) not in found
    assert ("Telekom-Chefin", "Telekom", False) in found and ("Jan", "Jan", False) in found
    assert all(w.start == text.index(w.text) and w.end == w.start + len(w.text) for w in words(text, []))
