"""The article's date as the copy writes it: next to the headline, never in the body or below it.

A page carries many dates: the day it was saved in the site header, teasers of other
articles, comments, "last updated" stamps, dates the text talks about. The article's
own date stands with its headline: in the lines between the headline and the body (the
byline and date line), or in the few lines right above the headline. Only there is a date
taken, the first one that no update word introduces; anywhere else no date is better than
a wrong one.

Spans that look like a date are found here; dateparser reads them (month names in many
languages, two-digit years, times). Relative dates ("vor 3 Stunden") are not read: their
day depends on the clock, and two builds of one input must give one date.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import cache, lru_cache
from typing import Sequence

from dateparser.date import DateDataParser
from dateparser.languages.loader import default_loader

from ..model import CopyDate, Verdict

FIRST_LANGUAGES = ("de", "en")  # tried alone first: most dates are written in them, and fewer are faster
LANGUAGES = ("de", "en", "fr", "es", "it", "nl", "pl", "pt")
ABOVE_HEADLINE_MAX_LINES_DEFAULT = 3  # non-blank lines above the headline where its date may stand
INTO_BODY_MAX_LINES_DEFAULT = 3  # lines of the body that may still open with the date
DATE_AT_START_MAX_CHARS_DEFAULT = 40  # in a line of prose, the date must stand this close to its start
SHORT_LINE_MAX_CHARS_DEFAULT = 160
DATELINE_MAX_OTHER_WORDS_DEFAULT = 8  # a line opening the body with the date is a dateline when this little else is left
LABEL_REACH_CHARS_DEFAULT = 40  # a publication word stands this close before its date
FOOT_LINES_DEFAULT = 3  # the article's last non-blank lines, where a labelled date may stand
AFTER_ARTICLE_MAX_LINES_DEFAULT = 10  # and the non-blank lines past it
DATE_CACHE_SIZE_DEFAULT = 4096  # a byline/date line; longer lines are prose

_YEAR = r"(?:19|20)\d\d"
_YY = rf"(?:{_YEAR}|\d\d(?![\d.]))"
_WORD = r"[^\W\d_]{3,12}\.?"
_TIME = r"(?:,?\s*(?:[-–|]\s*|um\s+|at\s+|à\s+)?\d{1,2}[:.]\d\d(?!\d)(?:\s*(?:uhr|h|am|pm)\b)?)?"
DATE_SPAN_RE = re.compile(
    rf"(?<![\d.,:/])(?:"
    rf"{_YEAR}-\d\d-\d\d(?:[T ]\d\d:\d\d)?"  # 2019-10-19
    rf"|\d{{1,2}}\.\s?\d{{1,2}}\.\s?{_YY}"  # 19.10.2019, 19.10.19
    rf"|\d{{1,2}}/\d{{1,2}}/{_YY}"  # 19/10/2019
    # 19. Oktober 2019, 19 de octubre de 2019, 14 Feb ’20
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?{_WORD},?\s*(?:de\s+)?(?:{_YEAR}|[’']\d\d(?!\d))"
    rf"|{_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"  # Oct 19, 2019
    rf"|\d{{1,2}}\.\s?[^\W\d_]{{3,12}}\.\s?\d\d(?![\d.:]|\s*(?:uhr|h)\b)"  # 03.Mär.19, not "3. Okt. 19 Uhr"
    rf"){_TIME}",
    re.IGNORECASE,
)
UPDATE_RE = re.compile(
    r"(?:aktualisiert|aktualisierung|geändert|editiert|bearbeitet|updated|update|modified|mis à jour)"
    r"\W*(?:am|on|:)?\W*$",
    re.IGNORECASE,
)
# a date that a label or a preposition ties to something else: "Release: 11.02.2005", "Sitzung vom 5.8.2019"
OTHER_EVENT_RE = re.compile(
    r"(?:\b(?:vom|seit|bis|ab|since|until|from)|(?<!ver[öo]ffentlicht)(?<!published)(?<!datum)(?<!date)(?<!erstellt)"
    r"(?<!posted)(?<!erschienen)(?<!publiziert)(?<!am)(?<!on):)\s*$",
    re.IGNORECASE,
)
PUBLISHED_RE = re.compile(r"\b(?:ver[öo]ffentlicht|erschienen|erscheinungsdatum|publiziert|published|posted)\b",
                          re.IGNORECASE)
PARSER_SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                   "RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DAY_OF_MONTH": "first"}


# a date in digits, day first, with perhaps a 24-hour time: read without dateparser, which takes milliseconds a date
NUMERIC_DATE_RE = re.compile(
    r"(?:(?P<year4>\d{4})-(?P<month2>\d\d)-(?P<day2>\d\d)|(?P<day>\d{1,2})(?P<sep>[./])\s?(?P<month>\d{1,2})(?P=sep)\s?(?P<year>\d\d(?:\d\d)?))"
    r"(?:(?:,?\s*(?:[-–|]\s*|um\s+)?|T)(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?:\s*(?:uhr|h))?)?",
    re.IGNORECASE,
)
TIME_WORDS = frozenset({"uhr", "h", "um", "at", "à", "am", "pm"})


@cache
def parsers() -> tuple[DateDataParser, DateDataParser]:
    """dateparser's readers, set up once: the first languages alone, then all."""
    return (DateDataParser(languages=list(FIRST_LANGUAGES), settings=PARSER_SETTINGS),
            DateDataParser(languages=list(LANGUAGES), settings=PARSER_SETTINGS))


@cache
def month_names() -> frozenset[str]:
    """The month names and abbreviations of LANGUAGES, from dateparser's locale data (lower case)."""
    months = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
    return frozenset(name.lower() for lang in LANGUAGES for month in months
                     for name in default_loader.get_locale(lang).info[month])


def numeric_date(written: str) -> datetime | None:
    """A digits-only date as dateparser reads it (day first, a month past 12 means month first)."""
    found = NUMERIC_DATE_RE.fullmatch(written)
    if not found:
        return None
    if found["year4"]:
        year, month, day = int(found["year4"]), int(found["month2"]), int(found["day2"])
    else:
        day, month, year = int(found["day"]), int(found["month"]), int(found["year"])
        year += (1900 if year >= 69 else 2000) if year < 100 else 0
        if month > 12 >= day:
            day, month = month, day
    hour, minute = (int(found["hour"]), int(found["minute"])) if found["hour"] else (0, 0)
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


@lru_cache(maxsize=DATE_CACHE_SIZE_DEFAULT)
def read_date(written: str) -> datetime | None:
    """The reading of one date span; None if it is no full date. Digits are read here; a span with a
    word is handed to dateparser only when the word is a month name (or "am"/"pm" of a time)."""
    text = written.replace("’", "'").replace("'", "20")
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    if NUMERIC_DATE_RE.fullmatch(text):
        found = numeric_date(text)
    elif words - TIME_WORDS and not words & month_names():
        return None
    else:
        first, every = parsers()
        found = first.get_date_data(text).date_obj or every.get_date_data(text).date_obj
    return found if found and 1990 <= found.year <= 2099 else None


@lru_cache(maxsize=DATE_CACHE_SIZE_DEFAULT)
def dates_in(text: str) -> tuple[tuple[int, str, datetime], ...]:
    """(offset, written form, reading) for every full date in a line, in order (asked for a line
    by the headline, date and author rules alike; dateparser takes milliseconds a date)."""
    found = []
    for match in DATE_SPAN_RE.finditer(text):
        reading = read_date(match.group(0).strip(" ,-–|"))
        if reading is not None:
            found.append((match.start(), match.group(0), reading))
    return tuple(found)


def has_date(text: str) -> bool:
    return bool(dates_in(text))


def opens_with_date(text: str) -> bool:
    found = dates_in(text)
    return bool(found) and found[0][0] == 0


def publication_date(text: str, line_no: int, rule: str, prose: bool) -> CopyDate | None:
    """The first date in a line that no update word introduces (in prose: only at the line's start)."""
    if len(text) > SHORT_LINE_MAX_CHARS_DEFAULT and not prose:
        prose = True
    for offset, written, reading in dates_in(text):
        if prose and offset > DATE_AT_START_MAX_CHARS_DEFAULT:
            return None
        if UPDATE_RE.search(text[:offset]) and not re.search(r"ver[öo]ffentlicht|published", text[:offset], re.I):
            continue
        if UPDATE_RE.search(text[max(0, offset - 30):offset]) or OTHER_EVENT_RE.search(text[:offset]):
            continue
        return CopyDate(reading.date(), clock_of(written, reading), line_no, rule, written.strip())
    return None


def clock_of(written: str, reading: datetime) -> tuple[int, int] | None:
    """(hour, minute) if the written date gives a time."""
    return (reading.hour, reading.minute) if re.search(r"\d:\d\d|\d\.\d\d\s*uhr|T\d\d:", written, re.I) else None


def is_dateline(text: str) -> bool:
    """A line that says when (and perhaps where or in which issue) rather than what: little is left
    once its dates are taken out ("19. Oktober 2019, 19:08 Uhr DIE ZEIT Nr. 43/2019")."""
    rest = DATE_SPAN_RE.sub(" ", text)
    return len(text) <= SHORT_LINE_MAX_CHARS_DEFAULT and len(rest.split()) < DATELINE_MAX_OTHER_WORDS_DEFAULT


def nearby_lines(verdicts: Sequence[Verdict], title: int | None, first: int | None,
                 above: int = ABOVE_HEADLINE_MAX_LINES_DEFAULT,
                 into_body: int = INTO_BODY_MAX_LINES_DEFAULT) -> list[tuple[int, str]]:
    """(index, rule) of the lines where the article's date may stand, in the order they are asked."""
    rows = [i for i, v in enumerate(verdicts) if v.label != "blank"]
    if title is None and first is None:
        return []
    anchor = title if title is not None else first
    below = [i for i in rows if i > anchor and (first is None or i < first)]
    end = next((i for i in reversed(rows) if verdicts[i].kept), -1)  # never past the article: comments follow it
    body = [i for i in rows if first is not None and first <= i <= end and i > anchor][:into_body]
    before = [i for i in reversed(rows) if i < anchor][:above]
    if title is None:
        return [(i, "date:above-article") for i in before]
    return ([(i, "date:below-headline") for i in below] + [(i, "date:opens-body") for i in body]
            + [(i, "date:above-headline") for i in before])


def labelled_date(text: str, line_no: int, reach: int = LABEL_REACH_CHARS_DEFAULT) -> CopyDate | None:
    """A date that a publication word introduces or follows ("Erscheinungsdatum: 07.02.2022",
    "Der Beitrag wurde am 27. November 2019 veröffentlicht")."""
    for offset, written, reading in dates_in(text):
        if len(text) > SHORT_LINE_MAX_CHARS_DEFAULT and offset > DATE_AT_START_MAX_CHARS_DEFAULT:
            return None  # in prose, a date the text talks about
        before, after = text[max(0, offset - reach):offset], text[offset + len(written):].lstrip()
        if (PUBLISHED_RE.search(before) or PUBLISHED_RE.match(after)) and not UPDATE_RE.search(before):
            return CopyDate(reading.date(), clock_of(written, reading), line_no, "date:labelled", written.strip())
    return None


def foot_lines(verdicts: Sequence[Verdict], title: int | None, first: int | None,
               last_lines: int = FOOT_LINES_DEFAULT, after: int = AFTER_ARTICLE_MAX_LINES_DEFAULT) -> list[int]:
    """The article's last lines and a few past it: where a footer such as "Der Beitrag wurde am …
    veröffentlicht" stands (inside the body, a labelled date is one the text talks about)."""
    anchor = title if title is not None else first
    end = next((i for i in range(len(verdicts) - 1, -1, -1) if verdicts[i].kept), None)
    if anchor is None or end is None:
        return []
    rows = [i for i in range(anchor, len(verdicts)) if verdicts[i].label != "blank"]
    in_article = sum(1 for i in rows if i <= end)
    return rows[max(0, in_article - last_lines):in_article + after]


def copy_date(verdicts: Sequence[Verdict], title: int | None, first: int | None) -> CopyDate | None:
    """The article's date where the copy writes it next to the headline, else where a publication word
    labels it at the article's foot, when all such labels there give one day (indices into verdicts).
    A headline's line may open with the date."""
    opens = title is not None and opens_with_date(verdicts[title].text)
    for i, rule in [(title, "date:opens-headline")] * opens + nearby_lines(verdicts, title, first):
        v = verdicts[i]
        found = publication_date(v.text, v.line_no, rule, prose=v.label == "paragraph" or rule == "date:opens-body")
        if found is not None:
            return found
    labelled = [found for i in foot_lines(verdicts, title, first)
                if (found := labelled_date(verdicts[i].text, verdicts[i].line_no)) is not None]
    return labelled[0] if len({found.day for found in labelled}) == 1 else None  # several: posts, not the article
