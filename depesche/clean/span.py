"""Where the article stands: the run of lines in which prose outweighs the short and widget lines.

`article_span` finds the heaviest run, prefers one before the comments and teasers,
and trims it to prose, without a trailer after its last break; context.py decides
the lines at its edges and inside it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Verdict
from .context import LEAD_MAX_GAP_DEFAULT, NEUTRAL_LABELS, SHORT_LABELS, take_lead, take_tail, trailing_off
from .language import prose_words
from .rules import label_alone

SHORT_COST_DEFAULT = 1.0
SENTENCE_COST_DEFAULT = 0.0
WIDGET_COST_DEFAULT = 3.0
PARAGRAPH_GAIN_DEFAULT = 0.3  # per word
END_COST_DEFAULT = 20.0
BEFORE_END_SHARE_DEFAULT = 0.3
INNER_END_SHARE_DEFAULT = 0.5  # chosen among 0.5, 1 and 2 on the training folds (all five chose 0.5)
TRAILER_MAX_PARAGRAPHS_DEFAULT = 2
TRAILER_MIN_SHARE_DEFAULT = 1.5  # the article before the break outweighs the trailer by half again
TABLE_ROW_MIN_CELLS_DEFAULT = 3
TABLE_ROW_NUMBER_SHARE_DEFAULT = 0.5
TABLE_ROW_CACHE_SIZE_DEFAULT = 4096

BAD_LABELS = frozenset({"widget", "consent", "glued", "teaser", "repeated", "date"})
BREAK_LABELS = frozenset({"widget", "consent", "glued", "teaser"})
BLOCK_LINE_LABELS = SHORT_LABELS | {"widget", "teaser", "repeated", "date", "glued"}


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
    inner_end_share: float = INNER_END_SHARE_DEFAULT


def line_weight(v: Verdict, settings: SpanSettings = SpanSettings()) -> float:
    """How much a line speaks for (prose) or against (menus, widgets) being inside the article."""
    if v.label == "paragraph":
        return settings.gain * prose_words(v.text)
    if v.label in NEUTRAL_LABELS:
        return 0.0
    if v.label == "section-end":
        return -settings.end_cost
    if v.label == "sentence":
        return -settings.sentence_cost
    return -settings.widget_cost if v.label in BAD_LABELS else -settings.short_cost


def has_digit(cell: str) -> bool:
    """Whether a character of the cell is a digit (`str.isdigit`); a word of letters only has none."""
    return not cell.isalpha() and any(map(str.isdigit, cell))


@lru_cache(maxsize=TABLE_ROW_CACHE_SIZE_DEFAULT)
def table_row(text: str, min_cells: int = TABLE_ROW_MIN_CELLS_DEFAULT,
              min_share: float = TABLE_ROW_NUMBER_SHARE_DEFAULT) -> bool:
    """A row of a table of figures (a standings table, prices, results): a few cells, half of them numbers.
    Counted in cells, not letters, so it holds in every script. (Asked for the same lines by every span
    search, hence cached.)"""
    cells = text.split()
    return len(cells) >= min_cells and sum(map(has_digit, cells)) >= min_share * len(cells)


def continues_block(verdicts: list[Verdict], i: int) -> bool:
    """A short or widget-like line right below another non-blank line (no blank line between): the next
    line of one block (a code listing, a table, a list of links), not a block of its own; so is the next
    row of a table of figures whose rows the copy parts by blank lines. (Not a consent banner's line:
    that one costs what it costs wherever it stands.)"""
    if i == 0 or verdicts[i].label not in BLOCK_LINE_LABELS:
        return False
    if verdicts[i - 1].label != "blank":
        return True
    return i > 1 and table_row(verdicts[i].text) and table_row(verdicts[i - 2].text)


def run_weights(verdicts: list[Verdict], settings: SpanSettings = SpanSettings()) -> tuple[list[float], list[float]]:
    """Each line's weight and its weight in the span search: the lines of one block after its first count
    nothing (a code listing or a table weighs as one short line). Taken once, the line model and the
    doubts search them again."""
    weights = [line_weight(v, settings) for v in verdicts]
    return weights, [0.0 if continues_block(verdicts, i) else w for i, w in enumerate(weights)]


def heaviest(weights: list[float]) -> tuple[float, tuple[int, int] | None]:
    """The run of lines with the greatest total weight (Kadane) and its weight."""
    best, best_span, total, start = 0.0, None, 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i)
    return best, best_span


def heaviest_run(verdicts: list[Verdict], end: int, settings: SpanSettings) -> tuple[float, tuple[int, int] | None]:
    """The heaviest run of the lines before `end` in the span search's weights."""
    return heaviest(run_weights(verdicts[:end], settings)[1])


def cut_at_inner_end(verdicts: list[Verdict], span: tuple[int, int], ends: list[int],
                     settings: SpanSettings) -> tuple[int, int]:
    """A run may cross a related-articles heading when prose teasers follow it; the article ends
    there if what comes before the heading weighs at least `inner_end_share` of what follows."""
    inner = next((i for i in ends if span[0] < i < span[1]), None)
    if inner is None:
        return span
    before = sum(line_weight(verdicts[i], settings) for i in range(span[0], inner))
    after = sum(line_weight(verdicts[i], settings) for i in range(inner + 1, span[1] + 1))
    return (span[0], inner - 1) if before >= settings.inner_end_share * after else span


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
    best_span = cut_at_inner_end(verdicts, best_span, ends, settings)
    prose = [i for i in range(best_span[0], best_span[1] + 1) if verdicts[i].label == "paragraph"]
    prose = without_trailer(verdicts, prose)
    return take_lead(verdicts, prose[0], settings.lead_max_gap), take_tail(verdicts, prose[-1])


def breaks_off(verdicts: list[Verdict], i: int) -> bool:
    """A widget, a consent or glued line, or a link cut off with "…" (also when the page prints it
    twice): the kind of line that
    stands between an article and what the page adds to it. Not a line ending with ":", which
    announces what follows, nor a sentence that trails off between two lines of the article."""
    v = verdicts[i]
    if v.text.endswith(":"):
        return False
    label = label_alone(v.text) if v.label == "repeated" else v.label
    return label in BREAK_LABELS and not (label == "teaser" and trailing_off(verdicts, i))


def without_trailer(verdicts: list[Verdict], prose: list[int],
                    max_paragraphs: int = TRAILER_MAX_PARAGRAPHS_DEFAULT) -> list[int]:
    """The span's paragraphs without the one or two after its last widget or teaser link.

    Prose outweighs a widget, so the heaviest run reaches across a newsletter box, a
    "While you are here…" or an "Impressum | Datenschutz" bar to the promotion, the
    licence note or the about-us text below it. A paragraph or two after such a break,
    below at least half again as many before it, is that trailer; a longer stretch (an
    ad box between sections) or a short article's second half stays.
    """
    last_break = next((i for i in range(prose[-1] - 1, prose[0], -1) if breaks_off(verdicts, i)), None)
    if last_break is None:
        return prose
    before = [i for i in prose if i < last_break]
    after = len(prose) - len(before)
    return before if after <= max_paragraphs and len(before) >= TRAILER_MIN_SHARE_DEFAULT * after else prose
