"""Headline, date and author as the cleaner finds them in a copied page."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import dateparser
import pytest

from depesche.clean.cleaner import clean
from depesche.enrich import FALLBACK_DATE_WARNING, enrich
from depesche.clean.dates import PARSER_SETTINGS, has_date, read_date
from depesche.clean.report import explain

from conftest import SEEDS, make_seed

HEADLINE = "Die Bahn erhöht die Preise im Fernverkehr"
MENU = "Startseite\n\nPolitik\n\nWirtschaft\n\nSport\n\n"
BODY = (
    "Die Deutsche Bahn erhöht zum Fahrplanwechsel die Preise im Fernverkehr um durchschnittlich "
    "fünf Prozent, wie das Unternehmen am Montag in Berlin mitteilte.\n\n"
    "Betroffen sind vor allem die Flexpreise, die Sparpreise bleiben nach Angaben des Konzerns "
    "stabil und werden auf manchen Strecken sogar etwas günstiger.\n\n"
    "Fahrgastverbände kritisierten die Erhöhung als falsches Signal in einer Zeit, in der mehr "
    "Menschen vom Auto auf die Schiene umsteigen sollen.\n"
)
COMMENTS = "\nKommentare\n\nMikeNils 18.10.2019, 15:07 Uhr\n\nDas ist doch wieder typisch für die Bahn, finde ich.\n"


def page(*header: str, below: str = "") -> str:
    """A copied page: a menu, the headline, the given lines under it, the body, then `below`."""
    return MENU + HEADLINE + "\n\n" + "".join(f"{line}\n\n" for line in header) + BODY + below


@pytest.mark.parametrize("written, day", [
    ("19. Oktober 2019", date(2019, 10, 19)),
    ("19.10.2019, 19:08 Uhr", date(2019, 10, 19)),
    ("2019-10-19", date(2019, 10, 19)),
    ("Oct 19, 2019", date(2019, 10, 19)),
    ("Samstag, 19.10.19", date(2019, 10, 19)),
    ("Veröffentlicht am 19. Okt. 2019 um 08:15", date(2019, 10, 19)),
    ("19 de octubre de 2019", date(2019, 10, 19)),
    ("Datum: 19.Okt.19", date(2019, 10, 19)),
])
def test_the_date_under_the_headline_in_its_forms(written, day):
    cleaned = clean(page(written))
    assert cleaned.title == HEADLINE
    assert cleaned.dated is not None and cleaned.dated.day == day


def test_the_time_is_kept_in_the_sites_zone_and_the_author_reaches_the_article():
    cleaned = clean(page("Von Anna Muster", "19.10.2019, 19:08 Uhr"))
    article, warnings = enrich(make_seed(metadata={"topics": []}), cleaned, None, ZoneInfo("Europe/Berlin"))
    assert article.published.isoformat() == "2019-10-19T19:08:00+02:00" and warnings == []
    assert article.author == "Anna Muster" and article.title == HEADLINE


def test_a_date_above_the_headline_counts_too():
    text = MENU + "Wirtschaft 23.01.2020\n\n" + HEADLINE + "\n\n" + BODY
    assert clean(text).dated.day == date(2020, 1, 23)


def test_an_update_stamp_is_not_the_publication_date():
    cleaned = clean(page("Aktualisiert am 21.10.2019, 08:00 Uhr · Erstellt am 19.10.2019"))
    assert cleaned.dated.day == date(2019, 10, 19)
    assert clean(page("Zuletzt aktualisiert: 21.10.2019")).dated is None


def test_a_copy_whose_only_date_is_a_comments_takes_none():
    cleaned = clean(page(below=COMMENTS))
    assert cleaned.title == HEADLINE and cleaned.dated is None
    article, warnings = enrich(make_seed(metadata={"topics": []}), cleaned, None, ZoneInfo("Europe/Berlin"))
    assert warnings == [FALLBACK_DATE_WARNING]


def test_a_short_article_lets_no_comment_date_in():
    one_paragraph = MENU + HEADLINE + "\n\n" + BODY.split("\n\n")[0] + "\n" + COMMENTS
    assert clean(one_paragraph).dated is None


def test_dates_in_the_body_and_relative_dates_are_not_taken():
    body_date = page(below="\nAm 1. Dezember 2019 tritt der neue Fahrplan in Kraft, teilte die Bahn mit, "
                           "wie jedes Jahr.\n")
    assert clean(body_date).dated is None
    assert clean(page("vor 3 Stunden")).dated is None  # its day would depend on the clock
    assert clean(page("Lesung am 3. Okt. 19 Uhr")).dated is None  # an hour, not a year


@pytest.mark.parametrize("written, reading", [
    ("19.10.2019, 19:08 Uhr", datetime(2019, 10, 19, 19, 8)),
    ("19.10.19", datetime(2019, 10, 19)),
    ("15/07/2014", datetime(2014, 7, 15)),
    ("07/15/2014", datetime(2014, 7, 15)),  # a month past 12: written month first
    ("2019-10-19T19:08", datetime(2019, 10, 19, 19, 8)),
    ("12.12.2022 | 06:46", datetime(2022, 12, 12, 6, 46)),
    ("31.02.2019", None),
    ("1.1.1989", None),
])
def test_dates_in_digits_are_read_as_dateparser_reads_them(written, reading):
    assert read_date(written) == reading
    assert dateparser_reading(written) == reading


def dateparser_reading(written: str) -> datetime | None:
    found = dateparser.parse(written, languages=["de", "en"], settings=PARSER_SETTINGS)
    return found if found and 1990 <= found.year <= 2099 else None


def test_a_number_before_a_word_that_is_no_month_is_no_date():
    assert dateparser_reading("3 Tage 2019") is not None  # dateparser: three days before its base date
    assert read_date("3 Tage 2019") is None and not has_date("Die besten 3 Tage 2019 im Überblick")
    assert read_date("14 Feb 2020") == datetime(2020, 2, 14)
    assert read_date("Oct 19, 2019 at 8:15 pm") == datetime(2019, 10, 19, 20, 15)


def test_a_sidecar_date_overrides_the_copy():
    cleaned = clean(page("19.10.2019"))
    seed = make_seed(metadata={"topics": [], "date": date(2014, 2, 24)})
    article, _ = enrich(seed, cleaned, None, ZoneInfo("Europe/Berlin"))
    assert article.published.date() == date(2014, 2, 24)


@pytest.mark.parametrize("byline, author", [
    ("Von Anna Muster", "Anna Muster"),
    ("von Anna Muster und Ben Becker", "Anna Muster und Ben Becker"),
    ("Autor: Anna Muster", "Anna Muster"),
    ("Text: Anna Muster", "Anna Muster"),
    ("Anna Muster | dpa", "Anna Muster"),
    ("By Anna Muster", "Anna Muster"),
    ("Anna Muster\n\n19.10.2019", "Anna Muster"),
    ("AUTOR/IN\n\nAnna Muster", "Anna Muster"),
    ("Anna Muster, 19.10.2019, 19:08 Uhr", "Anna Muster"),
    ("19. Okt. 2019 // Anna Muster", "Anna Muster"),
    ("Veröffentlicht am 19/10/2019 von Anna Muster", "Anna Muster"),
    ("Von Georg Kasch", "Georg Kasch"),  # "Georg" is in the German stoplist, as a name
    ("By John Peter Smith", "John Peter Smith"),
])
def test_the_byline_in_its_forms(byline, author):
    cleaned = clean(page(byline))
    assert cleaned.title == HEADLINE
    assert cleaned.author is not None and cleaned.author.name == author


@pytest.mark.parametrize("byline", ["Autor: Die Redaktion", "Von unserem Korrespondenten"])
def test_a_byline_that_names_nobody_gives_no_author(byline):
    cleaned = clean(page(byline))
    article, _ = enrich(make_seed(metadata={"topics": []}), cleaned, None, ZoneInfo("Europe/Berlin"))
    assert article.author is None


def test_a_short_capitalised_line_without_date_or_label_is_no_author():
    assert clean(page("Neue Preise")).author is None


def test_an_author_box_names_the_author():
    box = ("\nEin Beitrag von:\n\nAnna Muster\n\n"
           "Anna Muster schreibt seit 2010 über Verkehr und Mobilität in Deutschland.\n")
    assert clean(page(below=box)).author.name == "Anna Muster"


@pytest.mark.parametrize("furniture", [
    "Samstag, 5. Oktober 2013", "MikeNils 18.10.2019, 15:07 Uhr", "Noch kein Account?", "Von Anna Muster",
    "Finanzmagazin /PP 20. Juni 2019 Aktuell, Verkehr", "Geschrieben von Anna Muster am 19.10.2019",
])
def test_the_headline_is_never_a_date_line_a_user_or_a_widget(furniture):
    cleaned = clean(page(furniture))
    assert cleaned.title == HEADLINE


def test_explain_says_where_headline_date_and_author_came_from():
    shown = explain(clean(page("Von Anna Muster", "19.10.2019, 19:08 Uhr")))
    assert "headline from line 9 (context:headline)" in shown
    assert "date 2019-10-19 19:08 from line 13 (date:below-headline)" in shown
    assert "author Anna Muster from line 11 (author:prefix (below-headline))" in shown


def test_the_seeds_write_no_date_and_name_their_one_author():
    found = {p.name: clean(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))}
    assert all(c.dated is None for c in found.values())
    assert {name: c.author.name for name, c in found.items() if c.author} == {
        "001_69778916e7124965.txt": "Marleen Frontzeck-Hornke"}


def test_a_dateline_opening_the_body_becomes_the_date_not_a_paragraph():
    lead = "Die Preise steigen zum Fahrplanwechsel, und Fahrgäste sollen früh buchen."
    cleaned = clean(MENU + HEADLINE + "\n\n" + lead + "\n\n19. Oktober 2019, 19:08 Uhr DIE ZEIT Nr. 43/2019\n\n" + BODY)
    assert cleaned.dated is not None and cleaned.dated.day == date(2019, 10, 19)
    texts = [b.text for b in cleaned.blocks]
    assert texts[0] == lead and not any("Oktober 2019" in t for t in texts)


def test_a_sentence_opening_with_a_date_stays_a_paragraph():
    sentence = ("19. Oktober 2019: An diesem Tag kündigte die Bahn an, die Preise im Fernverkehr zum "
                "Fahrplanwechsel deutlich zu erhöhen.")
    cleaned = clean(MENU + HEADLINE + "\n\n" + sentence + "\n\n" + BODY)
    assert cleaned.blocks[0].text == sentence


def test_the_headline_under_a_breadcrumb_that_ends_with_it_wins_over_a_label_above_the_body():
    short = "Homo Brandenburgensis"
    lead = ("Die Brandenburger fassen sich kurz, und ein Gespräch mit ihnen kommt schnell zur Sache, "
            "wie jeder weiß, der hier einmal ein Brot gekauft hat.")
    crumbs = "Pfadnavigation\n\nStartseite\n\nDie Menschen\n\n" + short + "\n\n"
    text = MENU + crumbs + short + "\n\nMenschen in Brandenburg\n\n" + lead + "\n\n" + BODY
    assert clean(text).title == short


def test_a_release_date_under_a_sidebar_box_does_not_make_it_the_headline():
    box = "Spiele-Tipp: Fernverkehr Simulator 2\n\nRelease: 11.02.2005\n\nWertung 8 von 10\n\nZum Spiel\n\n"
    text = MENU + box + HEADLINE + "\n\nSpecial\n\nSpiele\n\n" + BODY
    assert clean(text).title == HEADLINE


@pytest.mark.parametrize("footer", [
    "Der Beitrag wurde am Samstag, den 19. Oktober 2019 um 15:21 Uhr veröffentlicht und unter Verkehr abgelegt.",
    "Erscheinungsdatum: 19.10.2019",
])
def test_a_publication_date_at_the_articles_foot_counts_when_none_stands_by_the_headline(footer):
    cleaned = clean(page(below="\n" + footer + "\n"))
    assert cleaned.dated is not None and cleaned.dated.day == date(2019, 10, 19)
    assert cleaned.dated.rule == "date:labelled"


def test_a_labelled_date_inside_the_body_or_two_at_the_foot_are_not_taken():
    inside = ("Der Bericht dazu wurde am 3. März 2018 veröffentlicht, und seither hat sich an den Preisen "
              "im Fernverkehr nach Ansicht der Verbände nur wenig getan.\n\n")
    more = "".join(f"Die Bahn verweist auf {what}, die in den kommenden Jahren auf die Strecken kommen sollen "
                   "und die Fahrt nach ihren Angaben für alle angenehmer machen werden.\n\n"
                   for what in ("neue Züge", "neue Werkstätten", "neue Stellwerke"))
    assert clean(MENU + HEADLINE + "\n\n" + BODY + "\n" + inside + more).dated is None
    posts = "\nVeröffentlicht am 19.10.2019 von Anna\n\nVeröffentlicht am 21.10.2019 von Ben\n"
    assert clean(page(below=posts)).dated is None


def test_a_headline_may_name_a_day():
    headline = "Protokoll der Vorstandssitzung vom 10. Oktober 2019"
    text = MENU + headline + "\n\n" + BODY
    assert clean(text).title == headline


def test_a_breadcrumb_that_ends_with_a_section_is_no_headline():
    crumbs = "Wirtschaft > Verkehr > Bahn >"
    cleaned = clean(MENU + crumbs + "\n\n" + BODY)
    assert cleaned.title != crumbs
    assert clean(MENU + crumbs + "\n\n" + HEADLINE + "\n\n" + BODY).title == HEADLINE


def test_a_name_alone_between_headline_and_body_is_the_author():
    assert clean(page("Anna Muster")).author.name == "Anna Muster"
    assert clean(page("Anna Muster", "Ben Becker")).author is None  # two names: a list, not a byline
