"""The context pass put together: the article's span, then the lines above it, then a
salutation anywhere above a paragraph.

Above the span (see span.py) stand the headline, perhaps a kicker, a standfirst,
and the intro: the prose right below the headline, which a table of contents, a print
button or an author box may part from the body.
"""
from __future__ import annotations

from ..model import Verdict
from .context import (
    NEUTRAL_LABELS, SHORT_LABELS, STOP_LABELS, cut_off, non_blank, relabel, settle_body, settle_outside,
    settle_trailer,
)
from .headline import headline_line
from .language import word_count
from .patterns import DATE_RE
from .rules import count_stopwords, label_alone, tokens
from .span import SpanSettings, article_span

HEADLINE_MAX_CHARS_DEFAULT = 200
KICKER_MAX_WORDS_DEFAULT = 3
PLAIN_BLANK_SHARE_MAX_DEFAULT = 0.25
PLAIN_MAX_GAP_DEFAULT = 8
INTRO_MAX_SKIP_DEFAULT = 3  # lines of author, date or place between the headline and its intro
STANDFIRST_MAX_LINES_DEFAULT = 3
STANDFIRST_MIN_WORDS_DEFAULT = 4
SALUTATION_MAX_WORDS_DEFAULT = 6
HEADLINE_LABELS = SHORT_LABELS | {"paragraph", "repeated"}
NO_PROSE_ITEM_MIN_WORDS_DEFAULT = 4


def settle_header(verdicts: list[Verdict], first: int) -> list[Verdict]:
    """Before the article: the headline is the best-scored line above it (headline.py); a kicker may precede it."""
    settled = dropped_above(verdicts, first)
    headline = headline_line(verdicts, first)
    if headline is None:
        return settled
    settled[headline] = relabel(verdicts[headline], "title", "context:headline")
    kicker = next(non_blank(verdicts, headline - 1, -1, -1), None)
    if (kicker is not None and verdicts[kicker].label == "short"
            and len(verdicts[kicker].text.split()) <= KICKER_MAX_WORDS_DEFAULT):
        settled[kicker] = relabel(verdicts[kicker], "kicker", "context:kicker")
    return settled


def dropped_above(verdicts: list[Verdict], first: int) -> list[Verdict]:
    """The lines with what stands above the article (line `first`) dropped."""
    return [relabel(v, "boilerplate", "context:before-article") if i < first and v.label not in NEUTRAL_LABELS else v
            for i, v in enumerate(verdicts)]


def plain_headline(verdicts: list[Verdict], first: int) -> bool:
    """Is the page written as "headline, blank line, text"? Its first line then is the headline.

    The first line is set apart by a blank line, the rest runs on with few blank lines
    (a copied web page has one between almost every two blocks), and the article starts
    a few lines below it. The headline may be one word and may be repeated in the text.
    """
    if len(verdicts) < 3 or verdicts[1].label != "blank":
        return False
    head = verdicts[0]
    if head.label not in HEADLINE_LABELS or len(head.text) > HEADLINE_MAX_CHARS_DEFAULT:
        return False
    if head.label == "repeated" and label_alone(head.text) not in HEADLINE_LABELS:
        return False  # a widget printed twice; once the copy is gone, it is a widget again
    if head.text.endswith("."):
        return False  # a sentence, not a headline
    if not any(c.isalpha() for c in head.text) or len(head.text) < 2:
        return False
    rest = verdicts[2:]
    blank_share = sum(v.label == "blank" for v in rest) / len(rest)
    gap = sum(v.label != "blank" for v in verdicts[2:first])
    return blank_share <= PLAIN_BLANK_SHARE_MAX_DEFAULT and gap <= PLAIN_MAX_GAP_DEFAULT


def settle_plain_header(verdicts: list[Verdict], first: int) -> list[Verdict]:
    """The first line is the headline; what lies between it and the article is dropped."""
    settled = dropped_above(verdicts, first)
    settled[0] = relabel(verdicts[0], "title", "context:plain-headline")  # also when prose-like
    return settled


def is_intro(v: Verdict) -> bool:
    """Prose that can open an article: a paragraph, or a long one cut off with "…" (a paywall's lead)."""
    return v.label == "paragraph" or cut_off(v)


def title_line(settled: list[Verdict], first: int) -> int | None:
    return next((i for i in range(first) if settled[i].label == "title"), None)


def settle_intro(settled: list[Verdict], verdicts: list[Verdict], first: int, title: int | None,
                 max_skip: int = INTRO_MAX_SKIP_DEFAULT) -> list[Verdict]:
    """The prose right below the headline (past a few lines of author and date) is the article's intro,
    even when a table of contents or a print button parts it from the body."""
    if title is None:
        return settled
    out, skipped, i = list(settled), 0, title + 1
    while i < first and not is_intro(verdicts[i]):
        if verdicts[i].label not in NEUTRAL_LABELS:
            skipped += 1
            if skipped > max_skip or verdicts[i].label in STOP_LABELS:
                return out
        i += 1
    while i < first and (is_intro(verdicts[i]) or verdicts[i].label == "blank"):
        if verdicts[i].label != "blank":
            out[i] = relabel(verdicts[i], "paragraph", "context:intro")
        i += 1
    return out


def reads_as_phrase(text: str, min_words: int = STANDFIRST_MIN_WORDS_DEFAULT) -> bool:
    """Several words with a stopword among them, and no date (a line of author and date is none)."""
    words = tokens(text)
    return len(words) >= min_words and count_stopwords(words) >= 1 and not DATE_RE.search(text.lower())


def settle_standfirst(settled: list[Verdict], verdicts: list[Verdict], first: int, title: int | None,
                      max_lines: int = STANDFIRST_MAX_LINES_DEFAULT) -> list[Verdict]:
    """When at most `max_lines` lines stand between the headline and the article, those that read as
    phrases are its standfirst: a subtitle, a summary point, an opening line ending with "…" or ":".
    More lines between are a page's furniture (share buttons, ratings, a table of contents)."""
    if title is None:
        return settled
    between = [i for i in range(title + 1, first) if verdicts[i].label not in NEUTRAL_LABELS and not settled[i].kept]
    if len(between) > max_lines:
        return settled
    out = list(settled)
    for i in between:
        if verdicts[i].label in SHORT_LABELS | {"teaser"} and reads_as_phrase(verdicts[i].text):
            out[i] = relabel(verdicts[i], "paragraph", "context:standfirst")
    return out


def settle_salutation(settled: list[Verdict], verdicts: list[Verdict],
                      max_words: int = SALUTATION_MAX_WORDS_DEFAULT) -> list[Verdict]:
    """A short line ending with a comma right above a kept paragraph that goes on in lower case
    ("Liebe Leserinnen und Leser," / "heute …") opens that paragraph."""
    out = list(settled)
    rows = [i for i, v in enumerate(verdicts) if v.label != "blank"]
    for above, below in zip(rows, rows[1:]):
        if (not settled[above].kept and verdicts[above].label in SHORT_LABELS and settled[below].label == "paragraph"
                and verdicts[above].text.endswith(",")
                and verdicts[below].text[:1].islower() and len(verdicts[above].text.split()) <= max_words):
            out[above] = relabel(verdicts[above], "paragraph", "context:salutation")
    return out


def settle_repeated_lead(settled: list[Verdict], verdicts: list[Verdict], first: int) -> list[Verdict]:
    """The lead printed twice (as the page's teaser and above the body) is "repeated", not prose; when
    its nearest copy stands right above the article (a caption or a credit between at most), it is the
    article's first paragraph."""
    i = first - 1
    while i >= 0 and verdicts[i].label in NEUTRAL_LABELS:
        i -= 1
    if i < 0 or verdicts[i].label != "repeated" or label_alone(verdicts[i].text) != "paragraph":
        return settled
    out = list(settled)
    out[i] = relabel(verdicts[i], "paragraph", "context:repeated-lead")
    return out


def without_prose(verdicts: list[Verdict], min_words: int = NO_PROSE_ITEM_MIN_WORDS_DEFAULT) -> list[Verdict]:
    """On a page without a line of prose (a list of products, a table of contents, a page of headings
    only), its lines of several words stand in for prose: the longest run of them is what the page
    says, the one- and two-word menu lines around it are not. Words, not letters, so Chinese counts.
    (A page whose prose is only printed twice has prose: it is left as it is.)"""
    if any(v.label == "repeated" and label_alone(v.text) == "paragraph" for v in verdicts):
        return verdicts
    return [relabel(v, "paragraph", "context:no-prose") if v.label in SHORT_LABELS and word_count(v.text) >= min_words
            else v for v in verdicts]


def settle(verdicts: list[Verdict], settings: SpanSettings = SpanSettings()) -> list[Verdict]:
    """Context pass: find the article's span and decide the lines around it."""
    span = article_span(verdicts, settings)
    if span is None:
        verdicts = without_prose(verdicts)
        span = article_span(verdicts, settings)
    if span is None:
        return [relabel(v, "boilerplate", "context:no-article") if v.label != "blank" else v
                for v in verdicts]
    first, last = span
    settled = settle_outside(verdicts, first, last)
    settled = settle_body(settled, first, last)
    if plain_headline(verdicts, first):
        settled = settle_plain_header(settled, first)
    else:
        settled = settle_header(settled, first)
    title = title_line(settled, first)  # the intro and the standfirst leave it where it is
    settled = settle_intro(settled, verdicts, first, title)
    settled = settle_standfirst(settled, verdicts, first, title)
    settled = settle_repeated_lead(settled, verdicts, first)
    return settle_salutation(settle_trailer(settled, last), verdicts)
