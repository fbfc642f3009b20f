"""The context pass: span, lead, headline and kicker, subheadings and list items, trailer."""
from __future__ import annotations

from depesche.clean.cleaner import clean, split_source
from depesche.clean.context import announced_list, list_goes_on, list_marker, take_lead, take_tail
from depesche.clean.span import SpanSettings, article_span, line_weight, without_trailer
from depesche.clean.rules import label_alone
from depesche.clean.settle import reads_as_phrase, settle
from depesche.model import Verdict

P1 = ("Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den großen "
      "Städten für die nächsten fünf Jahre begrenzen soll.")
P2 = ("Die Opposition kritisierte das Vorhaben als zu zaghaft, weil es die Ursachen der hohen "
      "Mieten nicht angehe und nur die Symptome lindere.")
P3 = ("Nach dem Beschluss muss nun noch der Bundesrat zustimmen, was in der kommenden Woche "
      "geschehen soll, wie ein Sprecher sagte.")


def v(label: str, text: str = "x", no: int = 1) -> Verdict:
    return Verdict(no, text, label, label)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_line_weight() -> None:
    assert line_weight(v("paragraph", "ein zwei drei vier")) > 0
    assert line_weight(v("short")) == -SpanSettings().short_cost
    assert line_weight(v("widget")) == -SpanSettings().widget_cost
    assert line_weight(v("section-end")) == -SpanSettings().end_cost
    assert line_weight(v("blank")) == 0
    assert line_weight(v("sentence")) == -SpanSettings().sentence_cost == 0


def test_short_sentences_do_not_end_the_article() -> None:
    """A run of short sentences (questions, a checklist) between paragraphs stays in the article."""
    questions = [line for i in range(12) for line in (v("blank", ""), v("sentence", f"Frage {i}?"))]
    verdicts = [v("paragraph", P1)] + questions + [v("blank", ""), v("paragraph", P2)]
    assert article_span(verdicts) == (0, 26)
    assert article_span(verdicts, SpanSettings(sentence_cost=1.0))[1] < 26  # they would cost P2


def test_the_lines_of_one_block_weigh_as_one_line() -> None:
    """A code listing or a table (lines without blank lines between) costs what one short line costs,
    so the prose after it stays in the article; the same lines as blocks of their own end it."""
    listing = [v("short", f"feld{i}: Text!") for i in range(30)]
    one_block = [v("paragraph", P1), v("blank", ""), *listing, v("blank", ""), v("paragraph", P2)]
    assert article_span(one_block) == (0, 33)
    apart = [line for short in listing for line in (v("blank", ""), short)]
    assert article_span([v("paragraph", P1), *apart, v("blank", ""), v("paragraph", P2)]) == (0, 0)


def test_a_table_of_figures_weighs_as_one_line_though_blank_lines_part_its_rows() -> None:
    """A standings table copied one row per block: its rows (half of their cells numbers) are one block,
    so the prose below the table stays in the article; rows of words parted so still end it."""
    rows = [v("short", f"{i} Kyle Busch {5040 - i} 5 1 17 27") for i in range(1, 41)]
    table = [line for row in rows for line in (v("blank", ""), row)]
    assert article_span([v("paragraph", P1), *table, v("blank", ""), v("paragraph", P2)]) == (0, 82)
    words = [line for row in rows for line in (v("blank", ""), v("short", "Kyle Busch fährt hier"))]
    assert article_span([v("paragraph", P1), *words, v("blank", ""), v("paragraph", P2)]) == (0, 0)


def test_span_is_the_heaviest_run() -> None:
    blank = v("blank", "")
    verdicts = [v("short"), blank, v("paragraph", P1), blank, v("short"), blank, v("paragraph", P2)] + [
        blank, v("short")] * 40 + [blank, v("paragraph", "kurz und knapp gesagt")]
    assert article_span(verdicts) == (2, 6)


def test_span_stops_at_section_end() -> None:
    verdicts = [v("paragraph", P1), v("section-end"), v("paragraph", P2)]
    assert article_span(verdicts, SpanSettings(lead_max_gap=0)) in ((0, 0), (2, 2))


def test_no_prose_no_span() -> None:
    assert article_span([v("short"), v("widget")]) is None


def test_lead_above_the_picture() -> None:
    verdicts = [v("paragraph", P1), v("short"), v("short"), v("paragraph", P2)]
    assert take_lead(verdicts, 3, max_gap=2) == 0
    assert take_lead(verdicts, 3, max_gap=1) == 3


def test_lead_stops_at_widget() -> None:
    verdicts = [v("paragraph", P1), v("widget"), v("paragraph", P2)]
    assert take_lead(verdicts, 2) == 2


def test_headline_kicker_and_trailer() -> None:
    cleaned = clean(page("Startseite", "Politik", "Mietpreisbremse", "Bundestag beschließt neue Regeln für Mieten",
                         P1, P2, "Ähnliche Beiträge", "Anderer Artikel mit einer langen Überschrift"))
    assert cleaned.title == "Bundestag beschließt neue Regeln für Mieten"
    assert cleaned.kicker == "Mietpreisbremse"
    assert [b.text for b in cleaned.blocks] == [P1, P2]


def test_subheading_and_list_item() -> None:
    cleaned = clean(page(P1, "Was sich jetzt ändert", P2, "Niedrige Preise", "Gute Lage", P3))
    assert [(b.role, b.text) for b in cleaned.blocks] == [
        ("paragraph", P1), ("subheading", "Was sich jetzt ändert"), ("paragraph", P2),
        ("paragraph", "Niedrige Preise"), ("subheading", "Gute Lage"), ("paragraph", P3)]


def test_widget_inside_article_is_dropped() -> None:
    cleaned = clean(page(P1, "Newsletter abonnieren", P2))
    assert [b.text for b in cleaned.blocks] == [P1, P2]
    assert any(x.rule == "widget" and not x.kept for x in cleaned.verdicts)


def test_prose_outside_the_span_is_dropped() -> None:
    menu = [f"Rubrik {i}" for i in range(40)]
    cleaned = clean(page(P1, P2, P3, *menu, "Ich bin Anna und schreibe hier über Reisen, Bücher und das Leben."))
    assert [b.text for b in cleaned.blocks] == [P1, P2, P3]
    assert not cleaned.verdicts[-1].kept


def test_no_article() -> None:
    cleaned = clean(page("Startseite", "Impressum"))
    assert cleaned.blocks == () and all(not x.kept for x in cleaned.verdicts)


def test_a_page_without_prose_yields_its_list_not_its_menu() -> None:
    """A shop's product list has no line of prose; its lines of several words are what the page says."""
    menu = ["Startseite", "Angebote", "Kontakt", "Warenkorb"]
    products = [f"Gusseisenpfanne {i} Zoll mit Deckel - {20 + i},99 €" for i in range(8, 14)]
    cleaned = clean(page(*menu, *products, "Impressum", "Datenschutz"))
    kept = [b.text for b in cleaned.blocks] + [cleaned.title]
    assert sorted(kept) == sorted(products)
    assert clean(page(*menu, "Impressum")).blocks == ()


def test_settle_keeps_length() -> None:
    verdicts = [v("short", "Menü"), v("paragraph", P1, 2)]
    assert len(settle(verdicts)) == 2


def test_split_source() -> None:
    assert split_source("Text. (pte)") == ("Text.", "pressetext")
    assert split_source("Text (Foto)") == ("Text (Foto)", None)


def test_closing_sentence_ends_the_article() -> None:
    cleaned = clean(page("Eine Überschrift für den Artikel", P1, P2, "Und, hast du es schon gefunden?", "Teilen"))
    assert [b.text for b in cleaned.blocks] == [P1, P2, "Und, hast du es schon gefunden?"]


def test_article_before_the_comments_wins() -> None:
    comments = [v("paragraph", P1 + " " + P2)] * 2
    verdicts = [v("paragraph", P1), v("paragraph", P2), v("section-end")] + comments
    assert article_span(verdicts, SpanSettings(before_end_share=0.3)) == (0, 1)
    assert article_span(verdicts, SpanSettings(before_end_share=0.9, lead_max_gap=0))[0] == 3


def test_english_page_does_not_fall_apart() -> None:
    body = ["The council decided on Thursday that the new bridge over the river will be built with the money "
            "that was left over from last year's budget.",
            "Residents who had asked for the bridge for a decade welcomed the decision, but some of them said "
            "that they would believe it when they saw the first pillar in the water.",
            "Construction is expected to start in the spring and to take about two years."]
    text = page("Home", "News", "Sport", "Council approves the new river bridge", *body,
                "Leave a Reply", "Your email address will not be published.", "Related Posts")
    cleaned = clean(text)
    assert cleaned.title == "Council approves the new river bridge"
    assert [b.text for b in cleaned.blocks] == body


def test_plain_headline_one_word_and_repeated() -> None:
    """"Headline, blank line, text": the first line is the headline, even one word or repeated below."""
    cleaned = clean("Gaspreise\n\nGaspreise\n" + "\n".join([P1, P2, P3]))
    assert cleaned.title == "Gaspreise"
    assert [b.text for b in cleaned.blocks] == [P1, P2, P3]
    assert cleaned.verdicts[0].rule == "context:plain-headline"


def test_plain_headline_may_read_like_prose() -> None:
    head = "Haben sich Mozarts Eltern je wegen seiner Schulnoten gesorgt?"
    assert clean(head + "\n\n" + "\n".join([P1, P2])).title == head


def test_plain_headline_needs_a_run_on_body() -> None:
    """A web page has blank lines between its blocks: its first line is a menu item."""
    cleaned = clean(page("Startseite", "Politik", "Sport", "Bundestag beschließt neue Regeln für Mieten", P1, P2))
    assert cleaned.title == "Bundestag beschließt neue Regeln für Mieten"


def test_plain_headline_is_no_widget_printed_twice() -> None:
    """Repetition makes a line a headline candidate, but not a line that alone is a widget."""
    text = "Alle Rechte vorbehalten\n\n" + "\n".join([P1, P2]) + "\nAlle Rechte vorbehalten"
    assert label_alone("Alle Rechte vorbehalten") == "widget"
    assert clean(text).title is None


def test_plain_headline_is_not_prose() -> None:
    assert clean(P1 + "\n\n" + "\n".join([P2, P3])).title is None


def test_lead_passes_an_author_box() -> None:
    """An author box under the byline does not part the lead from the body, as a widget does."""
    box = Verdict(1, "Anna Muster", "section-end", "author-box")
    verdicts = [v("paragraph", P1), box, v("paragraph", P2)]
    assert take_lead(verdicts, 2) == 0


def test_headline_is_not_a_label_with_colon() -> None:
    cleaned = clean(page("Startseite", "Bundestag beschließt neue Regeln für Mieten", "In diesem Artikel:", P1, P2))
    assert cleaned.title == "Bundestag beschließt neue Regeln für Mieten"


def test_intro_below_the_headline_past_a_table_of_contents() -> None:
    """The prose right under the headline (past the author's name) is the intro, even when widgets
    part it from the body; more than INTRO_MAX_SKIP_DEFAULT lines between headline and prose do not."""
    head = ["Startseite", "Bundestag beschließt neue Regeln für Mieten", "Anna Muster"]
    toc = ["Inhaltsverzeichnis", "Newsletter abonnieren", "Zum Inhalt springen"]
    cleaned = clean(page(*head, P3, *toc, P1, P2))
    assert [b.text for b in cleaned.blocks] == [P3, P1, P2]
    assert any(x.rule == "context:intro" for x in cleaned.verdicts)
    far = ["Anna Muster", "1.7.2024", "Berlin", "Politik"]
    cleaned = clean(page(*head[:2], *far, P3, *toc, P1, P2))
    assert [b.text for b in cleaned.blocks] == [P1, P2]


def test_ellipsis_between_paragraphs_is_body() -> None:
    """A line trailing off with "…" between two paragraphs is the article's, not a teaser."""
    trailing = "Und dann geschah etwas, womit niemand im Saal gerechnet hatte…"
    cleaned = clean(page(P1, trailing, P2))
    assert [b.text for b in cleaned.blocks] == [P1, trailing, P2]
    assert cleaned.verdicts[2].rule == "context:ellipsis-in-body"
    assert [b.text for b in clean(page(P1, "Mehr Stories …", P2)).blocks] == [P1, P2]


def test_date_lines_cost_like_widgets() -> None:
    assert line_weight(v("date")) == -SpanSettings().widget_cost


def test_paragraph_cut_off_by_a_paywall_ends_the_article() -> None:
    """A long paragraph cut off with "…" right after the last one (below its subheading) is the
    article's; a short teaser is not, nor one below two short lines."""
    cut = v("teaser", "Die Gemeinde lud am Dienstag zu einer Gesprächsrunde über die Löhne im Pflegeberuf ein, mit dabei …")
    assert take_tail([v("paragraph", P1), cut], 0) == 1
    assert take_tail([v("paragraph", P1), v("short", "Gute Löhne"), v("blank", ""), cut], 0) == 3
    assert take_tail([v("paragraph", P1), v("short"), v("short"), cut], 0) == 0
    assert take_tail([v("paragraph", P1), v("teaser", "Mehr lesen …")], 0) == 0
    cleaned = clean(page("Gute Löhne reichen nicht", P1, "Gute Löhne", cut.text, "Jetzt abonnieren"))
    assert [b.text for b in cleaned.blocks] == [P1, "Gute Löhne", cut.text]
    assert cleaned.verdicts[6].rule == "context:cut-off"
    assert [b.role for b in cleaned.blocks] == ["paragraph", "subheading", "paragraph"]  # it heads the cut-off one


def test_span_ends_at_a_related_heading_it_crossed() -> None:
    """Prose teasers after "Weitere Artikel" may outweigh the heading's cost; the article still ends
    there unless what follows weighs more than twice (1 / inner_end_share) what came before."""
    article = [v("paragraph", P1), v("paragraph", P2), v("paragraph", P3), v("paragraph", P1)]
    teasers = [v("paragraph", P1 + " " + P2)] * 2
    verdicts = article + [v("section-end")] + teasers
    assert article_span(verdicts, SpanSettings(lead_max_gap=0)) == (0, 3)
    assert article_span(verdicts, SpanSettings(lead_max_gap=0, inner_end_share=2.0)) == (0, 6)


def test_lead_printed_twice_right_above_the_body() -> None:
    """The lead printed as the page's teaser and again above the body is "repeated"; its copy right
    above the article (a caption between at most) is the first paragraph, the other copy is dropped.
    A repeated lead behind a share button is not."""
    head = ["Startseite", "Bundestag beschließt neue Regeln für Mieten"]
    caption = "Der Plenarsaal des Bundestages. Foto: dpa"
    cleaned = clean(page(*head, P3, caption, P3, P1, P2))
    assert [b.text for b in cleaned.blocks] == [P3, P1, P2]
    assert sum(x.rule == "context:repeated-lead" for x in cleaned.verdicts) == 1
    cleaned = clean(page(*head, P3, "Facebook", "Twitter", P3, "Drucken", P1, P2))
    assert not any(x.rule == "context:repeated-lead" for x in cleaned.verdicts)


def test_one_or_two_paragraphs_after_a_widget_are_no_article() -> None:
    """The promotion or licence note below a newsletter box or a "While you are here…" is dropped;
    a longer stretch after such a break, or a break the article only trails off in, is kept."""
    article = [v("paragraph", P1), v("paragraph", P2), v("paragraph", P3)]
    promo = [v("paragraph", "Wenn Ihnen dieser Beitrag gefallen hat, unterstützen Sie bitte unsere Arbeit mit einer Spende.")]
    verdicts = article + [v("widget", "Newsletter abonnieren")] + promo * 2
    assert without_trailer(verdicts, [0, 1, 2, 4, 5]) == [0, 1, 2]
    assert article_span(verdicts) == (0, 2)
    longer = article + [v("widget", "Newsletter abonnieren")] + article
    assert without_trailer(longer, [0, 1, 2, 4, 5, 6]) == [0, 1, 2, 4, 5, 6]
    announcing = article + [v("widget", "Hier können Sie sich anmelden:")] + promo
    assert without_trailer(announcing, [0, 1, 2, 4]) == [0, 1, 2, 4]
    trailing = article + [v("teaser", "Und dann kam alles ganz anders als wir es dachten …")] + promo
    assert without_trailer(trailing, [0, 1, 2, 4]) == [0, 1, 2, 4]
    short_article = [v("paragraph", P1), v("widget", "Newsletter abonnieren")] + promo * 2
    assert without_trailer(short_article, [0, 2, 3]) == [0, 2, 3]
    halves = [v("paragraph", P1), v("paragraph", P2), v("widget", "Newsletter abonnieren"), v("paragraph", P3),
              v("paragraph", P1)]  # a newsletter box in the middle of a four-paragraph article
    assert without_trailer(halves, [0, 1, 3, 4]) == [0, 1, 3, 4]


def test_list_announced_after_the_last_paragraph_ends_the_article() -> None:
    """ "Aus dem Inhalt:" after the last paragraph: the short lines below it are the article's; a
    label of a word or two ("Tags:") announces none."""
    items = [v("short", "Rituale zur Heilung"), v("blank", ""), v("short", "Astralreisen mit Reiki")]
    verdicts = [v("paragraph", P1), v("short", "Aus dem Inhalt:")] + items + [v("section-end", "Ähnliche Beiträge")]
    assert announced_list(verdicts, 0) == 4
    assert take_tail(verdicts, 0) == 4
    tags = [v("paragraph", P1), v("short", "Tags:")] + items
    assert announced_list(tags, 0) == 0
    cleaned = clean(page("Ein Seminar über Reiki und Runen", P1, P2, "Aus dem Inhalt:", "Rituale zur Heilung",
                         "Astralreisen mit Reiki", "Ähnliche Beiträge", "Ein anderer Artikel"))
    assert [b.text for b in cleaned.blocks] == [P1, P2, "Aus dem Inhalt:", "Rituale zur Heilung", "Astralreisen mit Reiki"]


def test_standfirst_between_headline_and_article() -> None:
    """A phrase between the headline and the first paragraph is the standfirst; a line of date and
    author is not, nor anything when many lines stand between (a page's furniture)."""
    assert reads_as_phrase("Die Stadt steht schwarz und schweiget…")
    assert not reads_as_phrase("von Anna Muster, 5. Januar 2020")
    assert not reads_as_phrase("Teilen")
    head = "Bundestag beschließt neue Regeln für Mieten"
    standfirst = "Die Stadt steht schwarz und schweiget…"
    cleaned = clean(page(head, standfirst, "5. Januar 2020", P1, P2, P3))
    assert [b.text for b in cleaned.blocks] == [standfirst, P1, P2, P3]
    assert cleaned.verdicts[2].rule == "context:standfirst"
    furniture = ["Drucken", "Merken", "Teilen", "Bewerten"]
    cleaned = clean(page(head, standfirst, *furniture, P1, P2, P3))
    assert [b.text for b in cleaned.blocks] == [P1, P2, P3]


def test_salutation_opens_the_paragraph_below() -> None:
    """ "Liebe Leserinnen und Leser," above a paragraph that goes on in lower case is its start;
    above one that starts anew it is not (nor is it a headline)."""
    body = "heute schreibe ich euch zum letzten Mal, denn nach sieben Jahren ist nun Schluss mit diesem Blog hier."
    head = ["Zeit, Abschied zu nehmen", "Drucken", "Merken", "Teilen", "Bewerten"]
    cleaned = clean(page(*head, "Liebe Leserinnen und Leser,", body, P2, P3))
    assert [b.text for b in cleaned.blocks] == ["Liebe Leserinnen und Leser,", body, P2, P3]
    assert cleaned.verdicts[10].rule == "context:salutation"
    cleaned = clean(page(*head, "Liebe Leserinnen und Leser,", P1, P2, P3))
    assert [b.text for b in cleaned.blocks] == [P1, P2, P3]
    assert cleaned.title == "Zeit, Abschied zu nehmen"


def test_list_the_last_paragraph_is_an_item_of_goes_on() -> None:
    """A timeline's last long entry ends the span; the short entries after it that start the same way
    (with a number, with the same bullet) are the rest of the list."""
    assert list_marker("2008 Erstellung eines Parkpflegewerks") == "year"
    assert list_marker("3. Den Teig kneten") == list_marker("12) Backen") == "step"
    assert list_marker("»Wir werden das prüfen«, sagte sie.") is None  # a quote, no bullet
    assert list_marker("20 Prozent der Haushalte") is None and list_marker("3 Min. Lesezeit") is None
    assert list_marker("– Reiki und Runen") == "–"
    assert list_marker("Teilen") is None
    verdicts = [v("paragraph", "2006 " + P1), v("short", "2008 Erstellung eines Parkpflegewerks"), v("blank", ""),
                v("short", "2009 Fertigstellung von Haus 4"), v("short", "Bis 2022 Planung"), v("short", "2023 Neubau")]
    assert list_goes_on(verdicts, 0) == 3
    assert take_tail(verdicts, 0) == 3
    assert list_goes_on([v("paragraph", P1), v("short", "2009 Fertigstellung von Haus 4")], 0) == 0
