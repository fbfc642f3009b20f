"""Which tags an editor would publish: generic nouns, headline figures, glued, cut and doubled names."""
from __future__ import annotations

from depesche.topics.choose import choose, cut
from depesche.topics.extract import extract_topics
from depesche.topics.fit import (abbreviates, base_form, fold_demonyms, headline_proper, is_fit,
                                 is_function_word)
from depesche.topics.lang import is_coined, lemma
from depesche.topics.rank import Candidate
from depesche.topics.settings import Settings
from depesche.topics.vocab import Vocabulary
from depesche.topics.words import head_of


def tags(title: str, *blocks: str) -> list[str]:
    return extract_topics(title, list(blocks), Vocabulary())


def noun(name: str, blocks: dict[int, int]) -> Candidate:
    return Candidate(name, "noun", blocks=blocks)


def test_a_generic_noun_is_no_tag_unless_the_article_keeps_to_it() -> None:
    assert not is_fit(noun("Mensch", {2: 1, 4: 1}))  # "Mensch" twice in the body: every article has that
    assert not is_fit(noun("Nutzung", {0: 1, 3: 1}))
    assert is_fit(noun("Mensch", {0: 1, 1: 3, 2: 3, 3: 3}))  # an article about people
    assert is_fit(noun("Genitalverstümmelung", {3: 1}))  # a rare word is specific even once
    found = tags("Siemens baut in Görlitz", "Die Menschen in Görlitz freuen sich über Siemens.",
                 "Siemens investiert. Für die Menschen ist das eine gute Zeit.")
    assert "Siemens" in found and "Görlitz" in found
    assert not {"Mensch", "Menschen", "Zeit"} & set(found), found


def test_a_noun_only_the_headline_uses_is_a_figure_of_speech() -> None:
    assert not is_fit(noun("Seitenhieb", {0: 1}))
    found = tags("Seitenhieb gegen Tesla", "Elon Musk lästert über Tesla.", "Tesla verkauft weniger Autos.")
    assert "Tesla" in found and "Seitenhieb" not in found


def test_a_measure_after_a_number_is_no_tag() -> None:
    found = tags("Bauern ernten Hopfen", "Die Bauern ernten 300 Tonnen Hopfen in 20 Minuten.",
                 "Sie bekommen 1,4 Millionen für 200 Tonnen Hopfen.")
    assert "Hopfen" in found
    assert not {"Tonne", "Million", "Minute"} & set(found), found


def test_a_name_glued_to_the_word_before_it_gives_the_name() -> None:
    found = tags("Ymer siegt", "Im Finale von Pune Elias Ymer schlug den Favoriten.",
                 "Elias Ymer jubelte. Ymer spielt nächste Woche in Wien.")
    assert "Elias Ymer" in found
    assert "Pune Elias Ymer" not in found


def test_a_name_is_not_cut_to_a_rarer_lemma() -> None:
    assert lemma("Rheinfelden") == "Rheinfeld"  # simplemma reads it as a plural
    assert base_form("Rheinfelden", lemma("Rheinfelden")) == "Rheinfelden"
    assert base_form("Weihnachtsmärkte", lemma("Weihnachtsmärkte")) == "Weihnachtsmarkt"
    found = tags("Brücke in Rheinfelden gesperrt", "In Rheinfelden ist die Rheinbrücke gesperrt.",
                 "Rheinfelden leitet den Verkehr um.")
    assert "Rheinfelden" in found and "Rheinfeld" not in found


def test_a_genitive_name_takes_its_base_form() -> None:
    found = tags("Berlusconis Prozess", "Der Prozess gegen Silvio Berlusconis Firma geht weiter.",
                 "Berlusconi schweigt, Berlusconi wartet.")
    assert "Silvio Berlusconi" in found and "Silvio Berlusconis" not in found


def test_an_abbreviation_and_its_long_form_are_one_tag() -> None:
    assert abbreviates("KI", "Künstliche Intelligenz") and abbreviates("EuGH", "Europäischer Gerichtshof")
    assert not abbreviates("KI", "Kim Jong") and not abbreviates("EU", "Elias Ymer")
    found = tags("KI in der Klinik", "Künstliche Intelligenz (KI) hilft Ärzten in Ulm.",
                 "Die KI erkennt Tumore. Ohne KI ginge das nicht, sagt die Klinik in Ulm.")
    assert ("KI" in found) != ("Künstliche Intelligenz" in found), found


def test_the_sites_name_beside_the_headline_is_no_subject() -> None:
    assert headline_proper("Fünf HR-Trends 2023 | HR JOURNAL") == "Fünf HR-Trends 2023"
    assert headline_proper("Netzpolitik im Wahlkampf der USA - Netz Für Alle") == "Netzpolitik im Wahlkampf der USA"
    kept = "Autofinanzierung – Autokredit oder Leasing?"
    assert headline_proper(kept) == kept
    assert headline_proper("Bernal kämpft um Karriere") == "Bernal kämpft um Karriere"
    found = tags("Bosch baut Heizjacken | Werkzeugforum", "Bosch hat eine Heizjacke vorgestellt.",
                 "Die Heizjacke von Bosch wärmt.")
    assert "Bosch" in found and "Werkzeugforum" not in found


def test_a_further_tag_must_be_likely_enough() -> None:
    assert cut([0.9, 0.3, 0.2], Settings(min_probability=0.35)) == 1
    assert cut([0.9, 0.6, 0.2], Settings(min_probability=0.35, expected_tags=3)) == 2
    assert cut([0.2, 0.1], Settings(min_probability=0.35)) == Settings().min_topics


def test_a_name_the_article_repeats_whole_is_never_cut_into_pieces() -> None:
    found = tags("Kohlmann nominiert Struff", "Michael Kohlmann nominiert das Team für die Davis Cup-Qualifiers.",
                 "Der Davis Cup-Spieler Jan Struff fehlt. Kohlmann will den Davis Cup gewinnen.")
    assert "Davis Cup" in found and "Davis" not in found, found
    found = tags("Amnesty warnt vor Killerrobotern", "Amnesty und die Kampagne „Stop Killer Robots“ warnen.",
                 "Die Kampagne „Stop Killer Robots“ fordert einen Vertrag gegen Killerroboter.")
    assert "Stop Killer Robots" in found and not {"Stop", "Killer", "Robot", "Robots"} & set(found), found
    found = tags("DimidoBlog", "Viel mehr noch, Virales Marketing ist nicht neu.",
                 "Ich könnte einen Vortrag über Virales Marketing halten, sagt Anna Berg.")
    assert "Virales Marketing" in found and not {"Virales", "Marketing"} & set(found), found


def test_a_repeated_description_or_label_is_no_name() -> None:
    found = tags("Trump in Ohio", "Präsident Trump besucht Ohio. In Ohio jubeln die Fans.",
                 "Präsident Trump spricht über Ohio. Eine Tafel Schokolade hat 500 Kalorien, sagt Trump.",
                 "Er isst eine Tafel Schokolade. Wind Town Beschreibung: Ohio. Wind Town Beschreibung: Trump.")
    assert "Trump" in found, found
    assert not {"Präsident Trump", "Tafel Schokolade", "Town Beschreibung", "Wind Town Beschreibung"} & set(found)


def test_a_name_ending_in_a_number_is_kept_whole_in_a_compound() -> None:
    assert head_of("Formel-1-Rennen") == "Formel-1" and head_of("Sars-CoV-2-Infektion") == "Sars-CoV-2"
    assert head_of("Covid-19") == "Covid-19" and head_of("Telekom-Chef") == "Telekom"
    found = tags("Gasly im Formel-1-Check", "Pierre Gasly fährt sein drittes Formel-1-Jahr.",
                 "Das Formel-1-Team AlphaTauri setzt auf Gasly. Die Formel-1-Saison beginnt.")
    assert "Formel-1" in found and "Formel" not in found, found


def test_a_further_common_noun_needs_a_higher_probability_than_a_name() -> None:
    odds = Settings(calibration=(0.0, 1.0, 0.0))  # the score is the log-odds itself
    likely, unsure = 3.0, -0.85  # p .95 and .30: above the bar for a tag, below the one for a common noun
    assert odds.min_probability < 0.3 < odds.noun_min_probability
    assert choose([(likely, "Siemens"), (unsure, "Bosch"), (unsure, "Leistung")], odds) == ["Siemens", "Bosch"]
    assert choose([(likely, "Leistung"), (unsure, "Bosch")], odds) == ["Bosch", "Leistung"]  # the best stays


def test_a_single_english_word_is_a_piece_of_a_title_not_a_subject() -> None:
    found = tags("Strong & Beautiful: Pamela Reifs Buch", "Das Buch Strong & Beautiful von Pamela Reif erklärt Sport.",
                 "Strong ist das Motto, Beautiful das Ziel. Pamela Reif zeigt Übungen für Marketing und Streaming.")
    assert not {"Strong", "Beautiful"} & set(found), found
    assert is_fit(Candidate("Marketing", "noun", blocks={1: 2, 2: 2})) and is_fit(Candidate("Skype", "name", blocks={1: 2}))


def test_an_english_name_keeps_its_of_and_for() -> None:
    found = tags("Piraten unterstützen Fridays for Future", "Wir unterstützen Fridays for Future beim Klimastreik.",
                 "Fridays for Future ruft zum Streik auf, wie die Bank of America berichtet.")
    assert "Fridays for Future" in found and "Fridays" not in found, found


def test_a_common_noun_leads_only_if_likely_enough() -> None:
    odds = Settings(calibration=(0.0, 1.0, 0.0))
    unsure = -0.85  # p .30: enough for the first tag, not for a common noun, first or not
    assert choose([(unsure, "Milch")], odds) == []  # a recipe's ingredient: better no tag at all
    assert choose([(unsure, "Siemens")], odds) == ["Siemens"]


def test_a_coined_compound_is_no_part_of_a_name() -> None:
    assert is_coined("Wüstenshooting") and is_coined("Sonderverfolgungsmechanismus")
    assert not is_coined("Netzwerk") and not is_coined("Wolfsburg")  # the dictionary holds them
    found = tags("Proteste in Nicaragua", "Der Sonderverfolgungsmechanismus Nicaragua zählt die Toten.",
                 "In Nicaragua protestieren Studenten. Nicaragua wählt im Mai.")
    assert "Nicaragua" in found and "Sonderverfolgungsmechanismus Nicaragua" not in found, found


def test_a_demonym_joins_its_place() -> None:
    table = {"nicaraguaner": Candidate("Nicaraguaner", "noun", blocks={0: 1, 2: 2}),
             "nicaragua": Candidate("Nicaragua", "noun", blocks={3: 1}),
             "mailaender": Candidate("Mailänder", "name", blocks={4: 1}), "mailand": Candidate("Mailand", "name", blocks={5: 1}),
             "fischer": Candidate("Fischer", "noun", blocks={1: 2}), "fisch": Candidate("Fisch", "noun", blocks={2: 1})}
    fold_demonyms(table)
    assert sorted(table) == ["fisch", "fischer", "mailand", "nicaragua"]  # a "Fischer" is no people of a place
    assert table["nicaragua"].blocks == {0: 1, 2: 2, 3: 1}


def test_a_capitalised_function_word_is_no_tag() -> None:
    assert is_function_word(Candidate("Oder", "name", blocks={0: 1, 1: 1}))
    assert not is_fit(Candidate("Aber", "name", blocks={0: 1, 1: 2}))
    assert is_fit(Candidate("Essen", "name", blocks={0: 1, 1: 2}))  # the city: a verb too, but not that common
    assert is_fit(Candidate("Deutschland", "noun", blocks={0: 1, 1: 2}))


def test_an_abstract_noun_needs_more_mentions_than_a_concrete_one() -> None:
    assert not is_fit(noun("Erkenntnis", {0: 1, 3: 1, 5: 1}))  # "Fazit, Erkenntnisse und meine Pläne"
    assert is_fit(noun("Erkenntnis", {0: 1, 1: 2, 2: 2, 3: 2}))
    assert is_fit(noun("Heizung", {0: 1, 1: 3, 2: 1, 6: 2}))  # as common, but the article keeps to it
    assert is_fit(noun("Gentrifizierung", {0: 1, 4: 1}))  # a rare one is specific


def test_a_word_only_ever_written_beside_a_name_is_a_piece_of_it() -> None:
    found = tags("Pamela Reif im Porträt", "Pamela Reif hat ein Buch geschrieben. Pamela Reif zeigt Rezepte.",
                 "Pamela erzählt von Sport und Ernährung. Pamela Reif ist bekannt.")
    assert "Reif" not in found, found
    found = tags("Unfall auf der A6", "Die Kantonspolizei Bern sperrte die A6 bei Biel.",
                 "Die Kantonspolizei Bern ermittelt. Der Kanton Bern zahlt.")
    assert "Bern" in found and "Kantonspolizei" not in found, found
    found = tags("Unfall auf der A6", "Die Kantonspolizei Bern sperrte die A6 bei Biel.",
                 "Die Kantonspolizei Bern ermittelt. Die Kantonspolizei sucht Zeugen. Die Kantonspolizei warnt.")
    assert "Kantonspolizei" in found, found  # also written alone: a subject of its own

