"""Second pass of the cleaner: decide lines by their neighbours.

`settle` finds the article's span (the run of lines where prose outweighs the short
and widget lines between it), then the headline and kicker before it, subheadings
inside it, and drops everything else outside it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Verdict

HEADLINE_MIN_WORDS_DEFAULT = 3
HEADLINE_MAX_CHARS_DEFAULT = 200
KICKER_MAX_WORDS_DEFAULT = 3
SUBHEADING_MAX_WORDS_DEFAULT = 14
SHORT_COST_DEFAULT = 1.0
SENTENCE_COST_DEFAULT = 0.0
WIDGET_COST_DEFAULT = 3.0
PARAGRAPH_GAIN_DEFAULT = 0.3  # per word
END_COST_DEFAULT = 20.0
LEAD_MAX_GAP_DEFAULT = 20
BEFORE_END_SHARE_DEFAULT = 0.3
PLAIN_BLANK_SHARE_MAX_DEFAULT = 0.25
PLAIN_MAX_GAP_DEFAULT = 8

SHORT_LABELS = frozenset({"sentence", "short"})
BODY_LABELS = SHORT_LABELS | {"paragraph"}
NEUTRAL_LABELS = frozenset({"blank", "caption", "credit", "byline"})
BAD_LABELS = frozenset({"widget", "consent", "glued", "teaser", "repeated"})
STOP_LABELS = frozenset({"widget", "consent", "glued", "section-end"})
HEADLINE_LABELS = SHORT_LABELS | {"paragraph", "repeated"}


@dataclass(frozen=True)
class SpanSettings:
    """The weights that decide where the article starts and ends."""

    short_cost: float = SHORT_COST_DEFAULT
    sentence_cost: float = SENTENCE_COST_DEFAULT
    widget_cost: float = WIDGET_COST_DEFAULT
    end_cost: float = END_COST_DEFAULT
    gain: float = PARAGRAPH_GAIN_DEFAULT
    lead_max_gap: int = LEAD_MAX_GAP_DEFAULT
    before_end_share: float = BEFORE_END_SHARE_DEFAULT


def line_weight(v: Verdict, settings: SpanSettings = SpanSettings()) -> float:
    """How much a line speaks for (prose) or against (menus, widgets) being inside the article."""
    if v.label == "paragraph":
        return settings.gain * len(v.text.split())
    if v.label in NEUTRAL_LABELS:
        return 0.0
    if v.label == "section-end":
        return -settings.end_cost
    if v.label == "sentence":
        return -settings.sentence_cost
    return -settings.widget_cost if v.label in BAD_LABELS else -settings.short_cost


def heaviest_run(verdicts: list[Verdict], end: int, settings: SpanSettings) -> tuple[float, tuple[int, int] | None]:
    """The run of lines before `end` with the greatest total weight (Kadane) and its weight."""
    best, best_span, total, start = 0.0, None, 0.0, 0
    for i in range(end):
        if total <= 0:
            total, start = 0.0, i
        total += line_weight(verdicts[i], settings)
        if total > best:
            best, best_span = total, (start, i)
    return best, best_span


def article_span(verdicts: list[Verdict], settings: SpanSettings = SpanSettings()) -> tuple[int, int] | None:
    """The heaviest run of lines, trimmed to prose; the article comes before comments and teasers,
    so a run before the first section-end heading wins if it weighs a fair share of the heaviest."""
    best, best_span = heaviest_run(verdicts, len(verdicts), settings)
    if best_span is None:
        return None
    ends = [i for i, v in enumerate(verdicts) if v.label == "section-end"]
    if ends and ends[0] < best_span[0]:
        early, early_span = heaviest_run(verdicts, ends[0], settings)
        if early_span is not None and early >= settings.before_end_share * best:
            best_span = early_span
    prose = [i for i in range(best_span[0], best_span[1] + 1) if verdicts[i].label == "paragraph"]
    return take_lead(verdicts, prose[0], settings.lead_max_gap), take_tail(verdicts, prose[-1])


def take_tail(verdicts: list[Verdict], last: int) -> int:
    """Sentences right after the last paragraph (a closing question, a greeting) end the article."""
    for i in range(last + 1, len(verdicts)):
        if verdicts[i].label == "sentence":
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
        elif label in STOP_LABELS:
            break
        elif label not in NEUTRAL_LABELS:
            gap += 1
            if gap > max_gap:
                break
    return first


def looks_like_heading(text: str) -> bool:
    """A short line that could head a section: capitalised, not a sentence, not a label."""
    words = text.split()
    return (
        1 < len(words) <= SUBHEADING_MAX_WORDS_DEFAULT
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((".", ":", ",", ";"))
        and not text.startswith(("-", "•", "|"))
    )


def next_content(verdicts: list[Verdict], start: int) -> Verdict | None:
    """The next line after `start` that can be body text (what will be dropped does not count)."""
    return next((verdicts[i] for i in range(start + 1, len(verdicts))
                 if verdicts[i].label in BODY_LABELS), None)


def relabel(verdict: Verdict, label: str, rule: str) -> Verdict:
    return Verdict(verdict.line_no, verdict.text, label, rule)


def settle_body(verdicts: list[Verdict], first: int, last: int) -> list[Verdict]:
    """Inside the article, short lines are subheadings when prose follows them, else list items."""
    settled = list(verdicts)
    for i in range(first, last + 1):
        v = verdicts[i]
        if v.label not in SHORT_LABELS:
            continue
        following = next_content(verdicts, i)
        if following and following.label == "paragraph" and looks_like_heading(v.text):
            settled[i] = relabel(v, "subheading", "context:subheading")
        else:
            settled[i] = relabel(v, "paragraph", "context:short-in-body")
    return settled


def settle_header(verdicts: list[Verdict], first: int) -> list[Verdict]:
    """Before the article: the headline is the last line of several words; a kicker may precede it."""
    settled = list(verdicts)
    for i in range(first):
        if settled[i].label not in NEUTRAL_LABELS:
            settled[i] = relabel(settled[i], "boilerplate", "context:before-article")
    headline = next(
        (i for i in range(first - 1, -1, -1)
         if verdicts[i].label in SHORT_LABELS
         and len(verdicts[i].text.split()) >= HEADLINE_MIN_WORDS_DEFAULT
         and len(verdicts[i].text) <= HEADLINE_MAX_CHARS_DEFAULT
         and verdicts[i].text[0].isupper()),
        None,
    )
    if headline is None:
        return settled
    settled[headline] = relabel(verdicts[headline], "title", "context:headline")
    before = [i for i in range(headline) if verdicts[i].label != "blank"]
    if before:
        i = before[-1]
        if verdicts[i].label == "short" and len(verdicts[i].text.split()) <= KICKER_MAX_WORDS_DEFAULT:
            settled[i] = relabel(verdicts[i], "kicker", "context:kicker")
    return settled


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
    settled = [relabel(v, "boilerplate", "context:before-article")
               if 0 < i < first and v.label not in NEUTRAL_LABELS else v
               for i, v in enumerate(verdicts)]
    settled[0] = relabel(verdicts[0], "title", "context:plain-headline")  # also when prose-like
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


def settle(verdicts: list[Verdict], settings: SpanSettings = SpanSettings()) -> list[Verdict]:
    """Context pass: find the article's span and decide the lines around it."""
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
    return settle_trailer(settled, last)
