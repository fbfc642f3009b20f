"""One test per first-pass rule: each decides on its own kind of line and keeps out of others."""
from __future__ import annotations

import pytest

from depesche.clean import rules as r
from depesche.clean.context import author_boxes, names_itself
from depesche.clean.rules import Line, classify, detect_language, to_lines, tokens

PROSE = ("Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den "
         "großen Städten für die nächsten fünf Jahre begrenzen soll.")


def line(text: str, count: int = 1) -> Line:
    """A line measured as on a German page."""
    return to_lines(text)[0] if count == 1 else Line(1, text, count, 0, text.lower())


def test_blank() -> None:
    assert r.rule_blank(line("")) == "blank"
    assert r.rule_blank(line("x")) is None


@pytest.mark.parametrize("text", ["Bild: dpa", "Foto: Max Muster / Agentur", "Aufmacherbild: 1000 Words"])
def test_credit(text: str) -> None:
    assert r.rule_credit(line(text)) == "credit"


def test_credit_not_prose() -> None:
    assert r.rule_credit(line(PROSE)) is None


def test_byline() -> None:
    assert r.rule_byline(line("Von Marleen Frontzeck-Hornke")) == "byline"
    assert r.rule_byline(line("Von Berlin aus fuhr der Zug los, weiter nach Hamburg.")) is None


def test_doubled() -> None:
    assert r.rule_doubled(line("Ein Bild am See Ein Bild am See")) == "caption"
    assert r.rule_doubled(line("Ein Bild am See")) is None


@pytest.mark.parametrize("text", ["Das Hermelin im Winter. (Max Muster / iStock.com)",
                                  "Abbildung 4: Die Schwachschicht", "Der Hafen am Abend. Foto: Max Muster",
                                  "Erdölpumpen im Abendrot. Bild: Max/Shutterstock.com"])
def test_caption(text: str) -> None:
    assert r.rule_caption(line(text)) == "caption"


def test_caption_not_prose() -> None:
    assert r.rule_caption(line(PROSE)) is None


@pytest.mark.parametrize("text", ["Ähnliche Beiträge", "5 Kommentare", "Das könnte Sie auch interessieren",
                                  "Mehr zum Thema", "Über den Autor", "Related Posts", "Anna sagt:",
                                  "Lesen Sie den vorherigen Eintrag:", "Nächster Beitrag",
                                  "Diese Artikel könnten dich auch interessieren:",
                                  "Weitere Pressemitteilungen dieses Verbandes"])
def test_section_end(text: str) -> None:
    assert r.rule_section_end(line(text)) == "section-end"


def test_section_end_not_prose() -> None:
    assert r.rule_section_end(line(PROSE)) is None
    assert r.rule_section_end(line("Die Kommentare der Leser waren überwiegend freundlich und klug.")) is None


def test_repeated() -> None:
    assert r.rule_repeated(line("Home", count=2)) == "repeated"
    assert r.rule_repeated(line("Home")) is None


@pytest.mark.parametrize("text", ["Deine E-Mail-Adresse wird nicht veröffentlicht.", "Newsletter abonnieren", "Direkt zum Inhalt",
                                  "© 2023 Verlag GmbH", "Diese Website verwendet Akismet, um Spam zu reduzieren."])
def test_widget(text: str) -> None:
    assert r.rule_widget(line(text)) == "widget"


def test_widget_only_short_lines() -> None:
    assert r.rule_widget(line("Newsletter " + "x" * 300), max_chars=200) is None


def test_consent() -> None:
    text = "Wir verwenden Cookies, um Inhalte zu personalisieren. " * 5
    assert r.rule_consent(line(text)) == "consent"
    assert r.rule_consent(line(PROSE)) is None
    vote = ("Das Parlament gab am Abend seine Zustimmung zu dem Abkommen, nachdem die Regierung in letzter "
            "Minute Zugeständnisse gemacht hatte.")
    assert r.rule_consent(line(vote)) is None  # "Zustimmung" is also a word of the news


def test_glued() -> None:
    assert r.rule_glued(line("Bestes Handynetz im TestBlack Friday DealsNeue SmartphonesAlle Tests")) == "glued"
    assert r.rule_glued(line("WhatsApp: Facebook will VoIP-Funktion weiterentwickeln")) is None


def test_truncated() -> None:
    assert r.rule_truncated(line("Was die Regierung jetzt plant ...")) == "teaser"
    assert r.rule_truncated(line(PROSE)) is None


def test_paragraph() -> None:
    assert r.rule_paragraph(line(PROSE)) == "paragraph"
    assert r.rule_paragraph(line("Kurze Zeile.")) is None


def test_paragraph_needs_stopwords() -> None:
    menu = "Politik Wirtschaft Sport Kultur Wissen Reisen Auto Digital Panorama Regional Karriere Video."
    assert r.rule_paragraph(line(menu)) is None
    assert r.rule_paragraph(line(PROSE), min_density=0.9) is None


def test_short_decides_last() -> None:
    assert classify(line("Startseite")).label == "short"
    assert classify(line(PROSE)).rule == "paragraph"


def test_first_rule_decides() -> None:
    assert classify(line("Bild: dpa", count=2)).rule == "credit"


def test_language() -> None:
    assert detect_language(tokens("The cat is on the roof and it is not coming down")) == "en"
    assert detect_language(tokens(PROSE)) == "de"


def test_english_quote_on_german_page() -> None:
    quote = "The council decided on Thursday that the new bridge will be built with the money that was left."
    lines = to_lines(PROSE + "\n" + quote)
    assert [classify(x).label for x in lines] == ["paragraph", "paragraph"]


def test_english_prose_is_paragraph() -> None:
    text = ("The council decided on Thursday that the new bridge will be built with the money "
            "that was left over from last year.")
    assert classify(to_lines(text)[0]).label == "paragraph"


def test_sentence() -> None:
    assert r.rule_sentence(line("Und, hast du es schon gefunden?")) == "sentence"
    assert r.rule_sentence(line("Niedriger Preis")) is None


def test_tag_cloud_is_not_a_paragraph() -> None:
    cloud = "Alltag Ansage Architektur Auto Bahn Bahnhof Die Welt an sich Einzelhandel Erfindung Fahrrad Frost Herbst Kunst Laub"
    assert r.rule_paragraph(line(cloud)) is None
    assert r.rule_paragraph(line(cloud), max_capitalised=1.0) == "paragraph"


def author_box_labels(*texts: str) -> list[str]:
    """The labels of the lines after the first pass's author-box rule."""
    return [v.label for v in author_boxes([classify(x) for x in to_lines("\n".join(texts))])]


def test_author_box_closes_the_article() -> None:
    """A name followed by a bio that starts with the name, or runs on from it, is an author box."""
    bio = "Anna Muster ist Redakteurin im Ressort Politik und schreibt seit vielen Jahren über Verkehr."
    assert author_box_labels("Anna Muster", bio)[0] == "section-end"
    assert author_box_labels(
        "Dr. Anna Muster", "ist Partnerin der Kanzlei Muster und schreibt über das Mietrecht in Berlin.")[0] == "section-end"
    assert author_box_labels("Anna Muster", PROSE)[0] == "short"  # a name above unrelated prose
    assert author_box_labels("Mietpreise steigen weiter", bio)[0] == "short"  # not a name


def test_author_introducing_themselves_closes_the_article() -> None:
    """A short line with a name above a paragraph in which that person says who they are is an author box."""
    bio = "Hi, ich bin Tine und gebürtige Berlinerin. Ich liebe es, mit dem Fahrrad meine Stadt zu erkunden."
    assert names_itself("Über Tine", bio)
    assert author_box_labels("Tine", bio)[0] == "section-end"
    assert author_box_labels("Über Tine 120 Artikel", bio)[0] == "section-end"
    assert author_box_labels("Anna", bio)[0] == "short"  # someone else
    assert author_box_labels("Tine", PROSE)[0] == "short"
    assert not names_itself("Tine", "Am Ende des langen Abends im Museum sagte Anna zu mir: ich bin Tine nie begegnet.")
    # A subheading or headline above first-person prose names no one.
    assert not names_itself("Der Weg nach vorn", "Ich bin der Meinung, dass wir jetzt handeln müssen.")
    assert not names_itself("Die Kunst", "Ich bin dieser Tage oft im Museum gewesen, um sie zu sehen.")
    assert not names_itself("Als Lehrerin am Limit", "Ich bin Lehrerin seit zwanzig Jahren und sehe das jeden Tag.")
    assert not names_itself("The Road Ahead", "I am the first to admit that this took too long.")


def test_read_more() -> None:
    assert r.rule_read_more(line("Weiterlesen … Lebenszeichen aus dem Gebirge")) == "section-end"
    assert r.rule_read_more(line("Mehr erfahren >")) == "section-end"
    assert r.rule_read_more(line("Wer mehr erfahren will, liest weiter.")) is None  # must start the line


def test_read_more_prefix() -> None:
    assert r.rule_read_more(line("mehr: Caritas fordert mehr Geld für Lerncafés")) == "section-end"


def test_date() -> None:
    """A line that is only a date (and a time) is no body text; a sentence with a date is."""
    for text in ("18. Nov 2021", "09.11.2021", "26. Mai 2008 um 21:07", "May 3, 2020"):
        assert r.rule_date(line(text)) == "date", text
    assert r.rule_date(line("Am 18. Nov 2021 begann der Prozess.")) is None
