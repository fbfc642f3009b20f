"""Second pass of the cleaner: decide lines by their neighbours.

span.py finds the article's span (the run of lines where prose outweighs the
short and widget lines between it); the functions here find its edges (the lead
above, the closing lines and lists below), and the `settle_*` ones decide the lines
inside it (subheadings, list items) and after it; settle.py decides the
headline, kicker and intro above it and puts the pass together (`settle`).
"""
from __future__ import annotations

import itertools
import re
from typing import Callable, Iterator

from ..model import Verdict
from .language import split_words, starts_upper
from .patterns import NAME_RE, SELF_INTRODUCTION_RE
from .rules import count_stopwords

SUBHEADING_MAX_WORDS_DEFAULT = 14
ELLIPSIS_MIN_WORDS_DEFAULT = 5
CUT_OFF_MIN_WORDS_DEFAULT = 12
LEAD_MAX_GAP_DEFAULT = 20
LIST_INTRO_MIN_WORDS_DEFAULT = 3
LIST_ITEM_MIN_WORDS_DEFAULT = 2  # "Folgen Sie uns auf:" announces one-word links, no list of the article
LIST_MAX_ITEMS_DEFAULT = 15
INTRODUCTION_REACH_DEFAULT = 60  # characters at the start of a bio where the author says who they are
INTRODUCER_FILLERS = frozenset({"über", "about", "artikel", "beiträge", "posts"})  # "Über Tine 120 Artikel"

SHORT_LABELS = frozenset({"sentence", "short"})
BODY_LABELS = SHORT_LABELS | {"paragraph"}
NEUTRAL_LABELS = frozenset({"blank", "caption", "credit", "byline"})
STOP_LABELS = frozenset({"widget", "consent", "glued", "section-end"})


def cut_off(v: Verdict) -> bool:
    """A paragraph cut off with "…": where a paywall or a "read on" button ends the text."""
    return v.label == "teaser" and len(v.text.split()) >= CUT_OFF_MIN_WORDS_DEFAULT


def announced_list(verdicts: list[Verdict], last: int,
                   min_words: int = LIST_INTRO_MIN_WORDS_DEFAULT) -> int:
    """A list that the line after the last paragraph announces ("Aus dem Inhalt:", "Folgende
    Universitäten sind betroffen:") ends the article: the short lines below that line.
    A label of a word or two ("Tags:", "Teilen:") announces no list of the article."""
    rows = non_blank(verdicts, last + 1)
    intro = next(rows, None)
    if intro is None or not (verdicts[intro].label in SHORT_LABELS and verdicts[intro].text.endswith(":")
                             and verdicts[intro].text[0].isupper() and len(verdicts[intro].text.split()) >= min_words):
        return last
    items = list(itertools.islice(itertools.takewhile(
        lambda i: verdicts[i].label in SHORT_LABELS and len(verdicts[i].text.split()) >= LIST_ITEM_MIN_WORDS_DEFAULT,
        rows), LIST_MAX_ITEMS_DEFAULT + 1))
    return items[-1] if 0 < len(items) <= LIST_MAX_ITEMS_DEFAULT else last


def take_tail(verdicts: list[Verdict], last: int) -> int:
    """Sentences right after the last paragraph (a closing question, a greeting) end the article;
    so does a list the line after them announces, and the rest of a list the last line is an item
    of; so does a paragraph cut off with "…" right after it (below its subheading, perhaps)."""
    last = list_goes_on(verdicts, closing_sentences(verdicts, announced_list(verdicts, closing_sentences(verdicts, last))))
    after = list(itertools.islice(non_blank(verdicts, last + 1), 2))
    if after and cut_off(verdicts[after[0]]):
        return after[0]
    if len(after) == 2 and verdicts[after[0]].label == "short" and cut_off(verdicts[after[1]]):
        return after[1]
    return last


LIST_BULLETS = "-•–*·"
LIST_NUMBER_RE = re.compile(r"(\d{4}\b|\d{1,2}[.)]\s)")  # a year ("2006 …") or a step ("3. …", "2) …")


def list_marker(text: str) -> str | None:
    """What a list item starts with: a year, a step number, or a bullet and a space; None for other lines
    (a quote opened with "»", "20 Prozent …", "3 Min. Lesezeit")."""
    number = LIST_NUMBER_RE.match(text)
    if number:
        return "step" if number.group(1)[-1].isspace() else "year"
    return text[0] if text[:1] and text[0] in LIST_BULLETS and text[1:2] == " " else None


def list_goes_on(verdicts: list[Verdict], last: int) -> int:
    """When line `last` is a list item (a timeline's "2006 …"), the short lines right after it that start
    the same way are the rest of that list."""
    marker = list_marker(verdicts[last].text)
    if marker is None:
        return last
    return extend_while(verdicts, last, lambda v: v.label in SHORT_LABELS and list_marker(v.text) == marker)


def closing_sentences(verdicts: list[Verdict], last: int) -> int:
    """The last of the sentences right after line `last` (or `last`)."""
    return extend_while(verdicts, last, lambda v: v.label == "sentence")


def extend_while(verdicts: list[Verdict], last: int, goes_on: Callable[[Verdict], bool]) -> int:
    """The last of the lines right after line `last` (blank lines between) for which `goes_on` holds."""
    for i in range(last + 1, len(verdicts)):
        if goes_on(verdicts[i]):
            last = i
        elif verdicts[i].label != "blank":
            break
    return last


def take_lead(verdicts: list[Verdict], first: int, max_gap: int = LEAD_MAX_GAP_DEFAULT) -> int:
    """A paragraph a few lines above the span (the lead, above the picture) starts the article."""
    gap = 0
    for i in range(first - 1, -1, -1):
        label = verdicts[i].label
        if label == "paragraph":
            first, gap = i, 0
        elif label in STOP_LABELS and verdicts[i].rule != "author-box":  # a box under the byline
            break
        elif label not in NEUTRAL_LABELS:
            gap += 1
            if gap > max_gap:
                break
    return first


def looks_like_heading(text: str) -> bool:
    """A short line that could head a section: capitalised, not a sentence, not a label."""
    words = split_words(text)
    return (
        1 < len(words) <= SUBHEADING_MAX_WORDS_DEFAULT
        and (starts_upper(text) or text[0].isdigit())
        and not text.endswith((".", ":", ",", ";"))
        and not text.startswith(("-", "•", "|"))
    )


def next_content(verdicts: list[Verdict], start: int) -> Verdict | None:
    """The next line after `start` that can be body text (what will be dropped does not count)."""
    return next((verdicts[i] for i in range(start + 1, len(verdicts))
                 if verdicts[i].label in BODY_LABELS), None)


def non_blank(verdicts: list[Verdict], start: int, stop: int | None = None, step: int = 1) -> Iterator[int]:
    """The indices of the non-blank lines from `start` towards `stop` (the end by default)."""
    return (j for j in range(start, len(verdicts) if stop is None else stop, step) if verdicts[j].label != "blank")


def relabel(verdict: Verdict, label: str, rule: str) -> Verdict:
    return Verdict(verdict.line_no, verdict.text, label, rule)


def trailing_off(verdicts: list[Verdict], i: int) -> bool:
    """A sentence ending with "…" between two lines of the article trails off; it is no teaser
    (a link such as "Mehr lesen …" is shorter)."""
    if len(verdicts[i].text.split()) < ELLIPSIS_MIN_WORDS_DEFAULT:
        return False
    return all(j is not None and verdicts[j].label in BODY_LABELS
               for j in (next(non_blank(verdicts, i - 1, -1, -1), None), next(non_blank(verdicts, i + 1), None)))


def heads_prose(verdicts: list[Verdict], i: int, last: int) -> bool:
    """Whether prose follows line `i`: a paragraph, or the cut-off paragraph that ends the article right below."""
    following = next_content(verdicts, i)
    if following is not None and following.label == "paragraph":
        return True
    below = next(non_blank(verdicts, i + 1, last + 1), None)
    return below == last and cut_off(verdicts[last])


def settle_body(verdicts: list[Verdict], first: int, last: int) -> list[Verdict]:
    """Inside the article, short lines are subheadings when prose follows them, else list items."""
    settled = list(verdicts)
    for i in range(first, last + 1):
        v = verdicts[i]
        if v.label == "teaser" and trailing_off(verdicts, i):
            settled[i] = relabel(v, "paragraph", "context:ellipsis-in-body")
        elif v.label == "teaser" and i == last:
            settled[i] = relabel(v, "paragraph", "context:cut-off")
        if v.label not in SHORT_LABELS:
            continue
        if heads_prose(verdicts, i, last) and looks_like_heading(v.text):
            settled[i] = relabel(v, "subheading", "context:subheading")
        else:
            settled[i] = relabel(v, "paragraph", "context:short-in-body")
    return settled


def settle_trailer(verdicts: list[Verdict], last: int) -> list[Verdict]:
    """After the article's last paragraph only credits survive."""
    settled = list(verdicts)
    for i in range(last + 1, len(verdicts)):
        if verdicts[i].label not in ("blank", "credit"):
            settled[i] = relabel(verdicts[i], "boilerplate", "context:after-article")
    return settled


def settle_outside(verdicts: list[Verdict], first: int, last: int) -> list[Verdict]:
    """Prose outside the article's span is another article's teaser, a bio or a comment."""
    return [relabel(v, "boilerplate", "context:outside-article")
            if v.label == "paragraph" and not first <= i <= last else v
            for i, v in enumerate(verdicts)]


def introducer_name(line: str) -> str | None:
    """The name a line of an author box shows ("Tine", "Über Steffi", "Über Tine 120 Artikel"): one or
    two capitalised words that are no stopwords, besides "Über" and a count. None for other lines."""
    words = [w for w in line.split() if w.lower() not in INTRODUCER_FILLERS and not w.isdigit()]
    if not 1 <= len(words) <= 2 or count_stopwords([w.lower() for w in words]):
        return None
    return words[0] if all(w[:1].isupper() and w.isalpha() for w in words) else None


def names_itself(line: str, paragraph: str, reach: int = INTRODUCTION_REACH_DEFAULT) -> bool:
    """Whether the paragraph starts with its author introducing themselves by the name the line
    shows ("Über Steffi" / "Ich bin Steffi, …"; "Tine" / "Hi, ich bin Tine und …")."""
    name = introducer_name(line)
    return name is not None and re.search(SELF_INTRODUCTION_RE + re.escape(name.lower()) + r"\b",
                                          paragraph[:reach].lower()) is not None


def author_boxes(verdicts: list[Verdict]) -> list[Verdict]:
    """A person's name followed by prose that starts with that name ("Anna Muster ist Redakteurin …")
    or runs on from it ("ist Partner der Kanzlei …"), or a short line with a name above a paragraph
    in which that person introduces themselves ("Ich bin Steffi, …"), is an author box: it closes
    the article."""
    out = list(verdicts)
    for i, v in enumerate(verdicts):
        if v.label != "short":
            continue
        after = next((w for w in verdicts[i + 1:i + 3] if w.label != "blank"), None)  # one blank line between
        if after is None or after.label != "paragraph":
            continue
        named = NAME_RE.fullmatch(v.text) and (after.text.startswith(v.text) or after.text[0].islower())
        if named or names_itself(v.text, after.text):
            out[i] = relabel(v, "section-end", "author-box")
    return out
