"""Which line above the article the cleaner takes for its headline, on pages shaped like real ones."""
from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from depesche.clean.cleaner import clean, first_pass
from depesche.clean.headline import headline_after_date, headline_line
from depesche.enrich import enrich

from conftest import make_seed
from test_metadata import BODY, MENU

THREAD = "Patch Notes 4.47.4 – Fehlerbehebungen für alle Klassen und Gebiete"


def test_a_line_with_the_name_a_forum_prints_alone_is_no_headline():
    """"Thread starter Tiberius" over "Tiberius": a user's label; the long line between the section
    label and it is the headline, not a menu's entry."""
    text = (MENU + "News und Patchnotes\n\n" + THREAD + "\n\nThread starter Tiberius\n\nStart date Sep 18, 2020\n\n"
            "Tiberius\n\nForum Moderator\n\n" + BODY)
    assert clean(text).title == THREAD


DATED = "Bundesministerin Raab: Mit Ländern und Unternehmen familienfreundliche Rahmenbedingungen gestalten"


def test_a_headline_whose_line_opens_with_the_date_loses_the_date_and_gives_it():
    text = MENU + "Barrierefreiheit im Bundeskanzleramt\n\n1. Februar 2022 " + DATED + "\n\n" + \
        "Mehr Geld für flexiblere Kinderbetreuung und sprachliche Frühförderung\n\n" + BODY
    cleaned = clean(text)
    article, _ = enrich(make_seed(metadata={"topics": []}), cleaned, None, ZoneInfo("Europe/Berlin"))
    assert article.title == DATED
    assert cleaned.dated is not None and cleaned.dated.day == date(2022, 2, 1)


def test_a_date_with_a_name_and_tags_is_no_headline_with_a_date():
    assert headline_after_date("1. Februar 2022 Steffi Kaufratgeber, Beschäftigung, Katzen, Spielzeug 0") is None
    assert headline_after_date("Samstag, 5. Oktober 2013") is None


# a section's label over its intro, where the article's start may wrongly be found
INTRO = ("Glaube\n\nChristlicher Glaube ist das Vertrauen auf die Gnade Gottes, die Jesus gepredigt und gelebt hat, "
         "und er prägt das Leben der Gemeinden bis heute.\n\nGott ist, was die Geschichte des Volkes Israel und das "
         "Leben Jesu von ihm erzählen, sagen die Glaubenskurse der Gemeinden.\n\n")


def test_a_headline_over_its_date_line_elsewhere_beats_a_weak_label_over_the_chosen_start():
    """The article's start was found in the wrong place (over a section's intro, under a one-word
    label): a headline with its date line right below and prose after it, the page's only one, wins."""
    text = INTRO + "Wort des Bischofs: Gottesdienst als Identitätsmarker\n\n11.11.2021\n\n" + BODY
    verdicts = first_pass(text)
    start = next(i for i, v in enumerate(verdicts) if v.label == "paragraph")
    assert verdicts[headline_line(verdicts, start)].text == "Wort des Bischofs: Gottesdienst als Identitätsmarker"


def test_two_headlines_over_date_lines_are_a_list_of_teasers_and_neither_wins():
    teasers = "".join(f"Meldung {n}: Neues aus dem Landkreis und der Region\n\n1{n}.11.2021\n\n{lead}\n\n" for n, lead in (
        (1, "Der Landkreis hat am Montag beschlossen, die Schulen in den Ferien zu sanieren, wie der Landrat sagte."),
        (2, "In der Region sind im vergangenen Jahr mehr Wohnungen gebaut worden als in den zehn Jahren zuvor.")))
    text = INTRO + teasers
    verdicts = first_pass(text)
    start = next(i for i, v in enumerate(verdicts) if v.label == "paragraph")
    found = headline_line(verdicts, start)
    assert found is None or not verdicts[found].text.startswith("Meldung")
