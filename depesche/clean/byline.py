"""Who wrote the article, as the copy says it next to the headline.

The byline stands where the date stands (see dates.py): below the headline, at the top
of the body, or just above the headline. Its forms: "Von X", "von X und Y", "By X",
"Autor: X", "Text: X", "X | dpa", a date line with the name before or after the date
("Christian Kahle, 03.11.2023", "21. Jan 2022 // Dominik Ricker"), or a line that is only
a name. The name is what reads as one: two to four capitalised words (or one after an
explicit "Von"), joined by "und"/"and" for several authors.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..model import CopyAuthor, Verdict
from .dates import dates_in, nearby_lines
from .rules import DATA, LANGUAGES

NAME_MAX_WORDS_DEFAULT = 4
BYLINE_MAX_CHARS_DEFAULT = 160
# "Redaktion X" names the desk of site X; only "Redaktion: X" names a person. Forums name the one who
# opened the thread ("Thread starter X", "Started by X"), often by a one-word handle.
PREFIX_RE = re.compile(r"^\s*(?:von|by|autor(?:in)?|author|texte?|redaktion\s*:|thread\s+starter|started\s+by|"
                       r"themen-?starter|themenersteller)\s*:?\s+(?P<rest>.+)$", re.IGNORECASE)
# "Veröffentlicht am 15/07/2014 von Guido Beyss", "Posted by Anna Muster", "Ein Beitrag von Anna Muster"
INNER_BY_RE = re.compile(r"\b(?:von|by)\s+(?P<rest>[A-ZÄÖÜ].*)$")
POSTED_RE = re.compile(r"^(?:posted|written|geschrieben|verfasst|ver[öo]ffentlicht|erstellt|ein\s+beitrag|beitrag)\b",
                       re.IGNORECASE)
AGENCY_RE = re.compile(r"^(?P<rest>.+?)\s*[|/,]\s*(?:dpa|afp|apa|sda|kna|epd|ap|reuters|ddp|dts)\b.*$", re.IGNORECASE)
NAME_WORD_RE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüßéèáàíóúñ'’]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàíóú]+)?|[A-ZÄÖÜ]\.)$")
PARTICLES = frozenset({"von", "van", "de", "der", "den", "zu", "di", "da", "le", "la"})
JOINERS = frozenset({"und", "and", "&", ","})
# words that make a byline a role, a desk, a widget or an organisation, never a person
NOT_NAME_WORDS = frozenset({
    "redaktion", "redakteur", "moderator", "administrator", "admin", "team", "forum", "member", "mitglied",
    "gast", "guest", "staff", "editor", "newsletter", "anmeldung", "stiftung", "verband", "verein", "institut",
    "ministerium", "departement", "agentur",
})
ABOUT_RE = re.compile(r"^(?:über|about)\s+", re.IGNORECASE)
BOX_HEAD_RE = re.compile(
    r"^(?:(?:ein\s+)?(?:beitrag|artikel|text)\s+von|geschrieben\s+von|verfasst\s+von|written\s+by|"
    r"über\s+(?:den\s+autor|die\s+autorin)|about\s+the\s+author|autor(?:in|/in|\*in)?|author)\s*:?$",
    re.IGNORECASE,
)
SEPARATORS_RE = re.compile(r"\s*(?:[|·•/–—]+|\s-\s|,)\s*")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The German and English stoplists' entries written in lower case. The lists are the
    most frequent words of Wikipedia, so they also hold names written capitalised
    ("Peter", "Georg", "John"), which a byline may well name."""
    lines = ((DATA / f"stopwords_{lang}.txt").read_text(encoding="utf-8").split("\n") for lang in LANGUAGES)
    return frozenset(w.strip() for part in lines for w in part if w.strip() and w.strip().islower())


def one_name(words: list[str], min_words: int) -> bool:
    """Distinct capitalised words (with "von", "van", "de" between), none a German or English
    function word."""
    if (not min_words <= len(words) <= NAME_MAX_WORDS_DEFAULT or words[0].lower() in PARTICLES
            or len(set(words)) < len(words)):
        return False
    common = function_words() | NOT_NAME_WORDS
    return all(w in PARTICLES or (NAME_WORD_RE.match(w) and w.lower() not in common) for w in words)


def names_at_start(text: str, min_words: int) -> str | None:
    """The name or names ("X und Y", "X, Y") that open a text, up to where something else begins."""
    words = re.findall(r"[^\s,]+|,", text.strip())
    names, current = [], []
    for word in words + ["|"]:
        if word.lower() in JOINERS or not (NAME_WORD_RE.match(word) or word in PARTICLES):
            if not one_name(current, min_words if not names else 1):
                break
            names.append(" ".join(current))
            current = []
            if word.lower() not in JOINERS:
                break
            continue
        current.append(word)
    return " und ".join(names) if names else None


def is_name(text: str, min_words: int = 2) -> bool:
    return one_name(text.split(), min_words)


def author_in_line(text: str) -> tuple[str, str] | None:
    """(name, rule) if the line is a byline of one of the known forms."""
    if len(text) > BYLINE_MAX_CHARS_DEFAULT:
        return None
    prefixed = PREFIX_RE.match(text)
    if prefixed:
        name = names_at_start(prefixed.group("rest"), 1)
        return (name, "author:prefix") if name else None
    inner = INNER_BY_RE.search(text)
    if inner and (dates_in(text) or POSTED_RE.match(text)):
        name = names_at_start(inner.group("rest"), 1)
        if name:
            return name, "author:by-in-dateline"
    agency = AGENCY_RE.match(text)
    if agency and is_name(agency.group("rest")):
        return agency.group("rest"), "author:agency"
    parts = [p for p in SEPARATORS_RE.split(text) if p]
    if len(parts) == 1:
        return None  # a line that is only a name: see name_line
    found = dates_in(text)
    if found and any(is_name(p) for p in parts):
        return next(p for p in parts if is_name(p)), "author:dateline"
    return None


def between_only(verdicts: Sequence[Verdict], title: int | None, first: int | None) -> int | None:
    """The one non-blank line between the headline and the body, if there is exactly one."""
    if title is None or first is None:
        return None
    between = [i for i in range(title + 1, first) if verdicts[i].label != "blank"]
    return between[0] if len(between) == 1 else None


def name_line(verdicts: Sequence[Verdict], i: int, alone: bool = False) -> tuple[str, str] | None:
    """A line that is only a person's name: alone between the headline and the body, or next to a
    date line or under an author label ("AUTOR/IN")."""
    text = verdicts[i].text
    if not is_name(text):
        return None
    if alone:
        return text, "author:name-line"
    near = [v for v in verdicts[max(0, i - 3):i + 4] if v.label != "blank" and v is not verdicts[i]]
    if any(BOX_HEAD_RE.match(v.text) or (len(v.text) <= BYLINE_MAX_CHARS_DEFAULT and dates_in(v.text)) for v in near):
        return text, "author:name-line"
    return None


def copy_author(verdicts: Sequence[Verdict], title: int | None, first: int | None) -> CopyAuthor | None:
    """The article's author where the copy names it next to the headline (indices into verdicts)."""
    alone = between_only(verdicts, title, first)
    for i, rule in nearby_lines(verdicts, title, first):
        v = verdicts[i]
        found = author_in_line(v.text) or name_line(verdicts, i, alone=i == alone)
        if found is not None:
            return CopyAuthor(found[0], v.line_no, f"{found[1]} ({rule.removeprefix('date:')})")
    return boxed_author(verdicts)


def boxed_author(verdicts: Sequence[Verdict]) -> CopyAuthor | None:
    """The person an author box presents: a name under "Ein Beitrag von:" or "Über den Autor", or
    "Über X" above a bio that starts with X; or a name line the cleaner took for an author box."""
    rows = [v for v in verdicts if v.label != "blank"]
    for v, below in zip(rows, rows[1:]):
        if BOX_HEAD_RE.match(v.text) and is_name(below.text, 1):
            return CopyAuthor(below.text, below.line_no, "author:author-box")
        about = ABOUT_RE.match(v.text)
        if about and is_name(v.text[about.end():], 1) and below.text.startswith(v.text[about.end():] + " "):
            return CopyAuthor(v.text[about.end():], v.line_no, "author:author-box")
        if v.rule == "author-box" and is_name(v.text):
            return CopyAuthor(v.text, v.line_no, "author:author-box")
    return None

