"""Which line above the article the cleaner takes for its headline, on pages shaped like real ones."""
from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from depesche.clean.cleaner import clean
from depesche.clean.headline import headline_after_date
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
