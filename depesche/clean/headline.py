"""Which line above the article is its headline.

The headline stands a few lines above the body, with the byline and the date right below
it (or just above), and a web page prints it more than once: as the `<h1>`, in the
breadcrumb, in the browser title ("Headline | Site"). It reads like a headline: no
trailing full stop, title length, not a date line, not a byline, not a widget. The lines
above the article are scored on these properties; the best one wins.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from ..model import Verdict
from .dates import PUBLISHED_RE, dates_in, has_date, publication_date
from .language import split_words, starts_upper, word_count
from .rules import label_alone

WINDOW_LINES_DEFAULT = 14  # non-blank lines above the article that may hold the headline
HEADLINE_MAX_CHARS_DEFAULT = 200
REPEAT_MIN_CHARS_DEFAULT = 12  # shorter lines repeat as menu labels, not as headlines
DISTANCE_COST_DEFAULT = 0.15  # per non-blank line between the headline and the article
REPEATED_GAIN_DEFAULT = 1.0
ECHO_GAIN_DEFAULT = 2.0  # for a line that one of the ECHO_REACH_DEFAULT lines right above prints too
ECHO_REACH_DEFAULT = 2
ECHO_MAX_PRINTS_DEFAULT = 4
LOWER_CASE_COST_DEFAULT = 1.5  # headlines start with a capital (in scripts that have them), brand names aside
DATELINE_GAIN_DEFAULT = 1.5
DATELINE_REACH_DEFAULT = 3  # non-blank lines below (or 2 above) the headline where its date line stands
FEW_WORDS_COST_DEFAULT = 1.0  # one or two words: more often a label than a headline
PROSE_COST_DEFAULT = 1.5
MENU_COST_DEFAULT = 1.0
SHARED_WORDS_GAIN_DEFAULT = 1.0  # for a line with three words that the lead uses too
LEAD_PARAGRAPHS_DEFAULT = 3
SHARED_WORDS_FULL_DEFAULT = 3
STEM_CHARS_DEFAULT = 5
MENU_ITEM_MAX_WORDS_DEFAULT = 3
DATED_HEADLINE_MIN_WORDS_DEFAULT = 6  # after the date a line opens with, a headline's words
WEAK_SCORE_DEFAULT = 0.5  # a best line above the article this weak, with no date by it, may be the wrong place
HEAD_DATE_REACH_DEFAULT = 2  # non-blank lines below a headline where its date line stands
HEAD_PROSE_REACH_DEFAULT = 6  # and where the article's prose begins
USER_LINE_MAX_WORDS_DEFAULT = 4
USER_REACH_DEFAULT = 4  # non-blank lines either side where a user's name stands alone
MENU_LINE_MAX_WORDS_DEFAULT = 7  # a line this long between two short ones is a headline, not a menu's entry
NOT_HEADLINE_LABELS = frozenset({"widget", "consent", "glued", "section-end", "credit", "caption", "byline",
                                 "date", "teaser"})
# what log-in boxes, search fields, share bars and shop widgets say, in a short line
WIDGET_WORDS_RE = re.compile(
    r"\b(?:account|konto|anmelden|abmelden|einloggen|login|log in|sign in|registrier\w*|passwort|password|"
    r"newsletter|warenkorb|zur suche|mediathek|teilen|share|drucken|kommentare?|abonnieren|subscribe|cookies?)\b",
    re.IGNORECASE,
)
WIDGET_MAX_WORDS_DEFAULT = 6
PHRASE_BEFORE_DATE_MIN_WORDS_DEFAULT = 3
# before a date, what makes a line a byline, a stamp or a meta line rather than a phrase about the day
NOT_A_PHRASE_RE = re.compile(r"[|/·•]|\b(?:von|by|am|on|um|at|aktualisiert|updated|stand)\b", re.IGNORECASE)
BREADCRUMB_RE = re.compile(r"\s+[>»›]+(?:\s+|$)")
BYLINE_START_RE = re.compile(r"^(?:von|by|autor(?:in)?|author|text|fotos?|bild)\b", re.IGNORECASE)


def first_pass_label(v: Verdict) -> str:
    return label_alone(v.text) if v.label == "repeated" else v.label


def nav_path(text: str) -> bool:
    """A breadcrumb that ends with a section, not with the headline: "Industrie > Deutschland > Energie-Krise >"."""
    items = BREADCRUMB_RE.split(text)
    return len(items) >= 3 and len(split_words(items[-1])) <= MENU_ITEM_MAX_WORDS_DEFAULT


def can_be_headline(v: Verdict) -> bool:
    """A title-length line with letters, not a sentence, label, byline, date line or widget."""
    text = v.text
    if v.label == "blank" or first_pass_label(v) in NOT_HEADLINE_LABELS or len(text) > HEADLINE_MAX_CHARS_DEFAULT:
        return False
    if text.endswith((".", ":", ",", ";")) and not text.endswith("..."):
        return False
    if word_count(text) <= WIDGET_MAX_WORDS_DEFAULT and WIDGET_WORDS_RE.search(text):
        return False
    if nav_path(text):
        return False
    return (sum(c.isalpha() for c in text) >= 2 and not BYLINE_START_RE.match(text)
            and (not is_date_line(text) or headline_after_date(text) is not None))


def headline_after_date(text: str) -> str | None:
    """What follows the date a line opens with, when it reads as a headline of its own: some pages print
    the date in the headline's line ("1. Februar 2022 Bundesministerin Raab: Mit Ländern …")."""
    found = dates_in(text)
    if not found or found[0][0] != 0:
        return None
    rest = text[len(found[0][1]):].strip(" ,;|·-–—")
    if (word_count(rest) < DATED_HEADLINE_MIN_WORDS_DEFAULT or not starts_upper(rest) or has_date(rest)
            or BYLINE_START_RE.match(rest) or not rest[-1:].isalpha()):
        return None
    return rest


def headline_text(line: str) -> str:
    """The headline as the line prints it, without a date that opens it."""
    return headline_after_date(line) or line


def is_date_line(text: str) -> bool:
    """A line with a date that does not stand in a phrase about it: a headline may name a day
    ("Protokoll der Vorstandssitzung vom 10. Oktober 2019") after a few words that no byline,
    publication or update word and no separator of a meta line ("Site /PP 20. Juni 2019") is among."""
    found = dates_in(text)
    if not found:
        return False
    before = text[:found[0][0]]
    return (len(split_words(before)) < PHRASE_BEFORE_DATE_MIN_WORDS_DEFAULT
            or bool(NOT_A_PHRASE_RE.search(before) or PUBLISHED_RE.search(before)))


def printed_again(page: str, text: str) -> bool:
    """Does another line of the page (all lines joined by newlines) print this line's text, alone or
    in a longer line?"""
    return len(text) >= REPEAT_MIN_CHARS_DEFAULT and page.count(text) >= 2


def echoed(verdicts: Sequence[Verdict], rows: list[int], k: int, page: str) -> bool:
    """Does one of the two lines right above print the same text? A breadcrumb ends with the
    headline that stands under it, and some pages print the headline twice in a row (a lead printed
    twice is prose, and a label that the page prints many times, "Link zum Artikel", no headline)."""
    text = verdicts[rows[k]].text
    return (len(text) >= REPEAT_MIN_CHARS_DEFAULT and first_pass_label(verdicts[rows[k]]) != "paragraph" and page.count(text) <= ECHO_MAX_PRINTS_DEFAULT
            and any(verdicts[j].text == text for j in rows[max(0, k - ECHO_REACH_DEFAULT):k]))


def names_a_user(verdicts: Sequence[Verdict], rows: list[int], k: int) -> bool:
    """A short line that ends with a name the page prints alone a few lines away ("Thread starter
    Tiberius" over "Tiberius"): a label with a user's name, not a headline."""
    words = verdicts[rows[k]].text.split()
    if not 2 <= len(words) <= USER_LINE_MAX_WORDS_DEFAULT:
        return False
    near = rows[max(0, k - USER_REACH_DEFAULT):k] + rows[k + 1:k + 1 + USER_REACH_DEFAULT]
    return any(verdicts[j].text == " ".join(words[n:]) for j in near for n in range(1, len(words)))


def is_dateline(v: Verdict) -> bool:
    return (v.label in ("byline", "date") or bool(BYLINE_START_RE.match(v.text))
            or publication_date(v.text[:80], v.line_no, "", prose=False) is not None)


def dateline_gain(verdicts: Sequence[Verdict], rows: list[int], k: int) -> float:
    """A byline or date line within a few lines below the headline (or, less often, right above it), or
    the date the headline's own line opens with."""
    below = rows[k + 1:k + 1 + DATELINE_REACH_DEFAULT]
    if headline_after_date(verdicts[rows[k]].text) is not None or any(is_dateline(verdicts[j]) for j in below):
        return DATELINE_GAIN_DEFAULT
    if any(is_dateline(verdicts[j]) for j in rows[max(0, k - 2):k]):
        return DATELINE_GAIN_DEFAULT / 3
    return 0.0


def menu_item(v: Verdict) -> bool:
    return word_count(v.text) <= MENU_ITEM_MAX_WORDS_DEFAULT and not has_date(v.text)


def in_menu(verdicts: Sequence[Verdict], rows: list[int], k: int) -> bool:
    """Between two short lines, or a short line next to one: an entry of a menu or a list of links
    (which a page prints twice), or the category label above a headline. A long line between two
    short ones is no entry: it is the headline between its kicker and its byline."""
    before = k > 0 and menu_item(verdicts[rows[k - 1]])
    after = k < len(rows) - 1 and menu_item(verdicts[rows[k + 1]])
    if menu_item(verdicts[rows[k]]):
        return before or after
    return before and after and word_count(verdicts[rows[k]].text) < MENU_LINE_MAX_WORDS_DEFAULT


def stems(text: str) -> set[str]:
    """The longer words' first letters: enough to match "Schwangere" with "Schwangerschaft"."""
    return {w[:STEM_CHARS_DEFAULT] for w in re.findall(r"[^\W\d_]{4,}", text.lower())}


def lead_stems(verdicts: Sequence[Verdict], first: int) -> set[str]:
    """The words of the article's first paragraphs."""
    lead = [v.text for v in verdicts[first:] if v.label == "paragraph"][:LEAD_PARAGRAPHS_DEFAULT]
    return stems(" ".join(lead))


def shared_share(text: str, lead: set[str]) -> float:
    """How many of a line's words the lead uses too (three count fully): a headline is about the text below it."""
    return min(1.0, len(stems(text) & lead) / SHARED_WORDS_FULL_DEFAULT)


def headline_score(verdicts: Sequence[Verdict], rows: list[int], k: int, first: int, lead: set[str],
                   page: str) -> float:
    v = verdicts[rows[k]]
    between = max(0, bisect_left(rows, first) - k - 1)  # non-blank lines between it and the article
    score = -DISTANCE_COST_DEFAULT * between
    if echoed(verdicts, rows, k, page):
        score += ECHO_GAIN_DEFAULT
    elif in_menu(verdicts, rows, k):
        score -= MENU_COST_DEFAULT
    elif printed_again(page, v.text):
        score += REPEATED_GAIN_DEFAULT
    score += dateline_gain(verdicts, rows, k) + SHARED_WORDS_GAIN_DEFAULT * shared_share(v.text, lead)
    if word_count(v.text) <= 2:
        score -= FEW_WORDS_COST_DEFAULT
    if not (starts_upper(v.text) or not v.text[0].isalpha()):
        score -= LOWER_CASE_COST_DEFAULT
    if first_pass_label(v) == "paragraph":
        score -= PROSE_COST_DEFAULT
    return score


def headline_line(verdicts: Sequence[Verdict], first: int, window: int = WINDOW_LINES_DEFAULT) -> int | None:
    """Index of the headline among the lines above the article (line `first`), or None."""
    rows = [i for i, v in enumerate(verdicts) if v.label != "blank"]
    above = [k for k, i in enumerate(rows) if i <= first][-window - 1:]  # the body's first line too
    lead, page = lead_stems(verdicts, first), "\n".join(v.text for v in verdicts)
    scored = [(headline_score(verdicts, rows, k, first, lead, page), rows[k])
              for k in above if can_be_headline(verdicts[rows[k]]) and not names_a_user(verdicts, rows, k)]
    best = max(scored, key=lambda pair: (pair[0], pair[1])) if scored else None
    if best is None or (best[0] < WEAK_SCORE_DEFAULT and not dateline_gain(verdicts, rows, rows.index(best[1]))):
        head = only_article_head(verdicts, rows)
        if head is not None:
            return head
    return best[1] if best else None


def only_article_head(verdicts: Sequence[Verdict], rows: list[int]) -> int | None:
    """The page's one headline over its date line; two or more are a list of teasers (or a section
    label and the headline over one date line), and none is taken."""
    heads = [rows[k] for k in range(len(rows)) if article_head(verdicts, rows, k)]
    return heads[0] if len(heads) == 1 else None


def is_prose(v: Verdict) -> bool:
    """A paragraph, in the article or outside it (where the context pass calls it boilerplate)."""
    return v.label == "paragraph" or v.rule == "context:outside-article"


def article_head(verdicts: Sequence[Verdict], rows: list[int], k: int) -> bool:
    """Anywhere on the page: a headline with its date line right below (or one line further) and prose soon after."""
    v = verdicts[rows[k]]
    if v.rule in ("paragraph", "context:outside-article") or not can_be_headline(v) or in_menu(verdicts, rows, k):
        return False
    below = rows[k + 1:k + 1 + HEAD_DATE_REACH_DEFAULT]
    return (any(verdicts[j].label == "date" or is_date_line(verdicts[j].text) for j in below)
            and any(is_prose(verdicts[j]) for j in rows[k + 1:k + 1 + HEAD_PROSE_REACH_DEFAULT]))
