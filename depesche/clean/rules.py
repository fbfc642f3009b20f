"""First pass of the cleaner: what each line looks like on its own.

`to_lines` measures every line once (words, stopwords of the page's language, how
often the page repeats it); `LINE_RULES` is the ordered ladder of named rules, the
first rule with an opinion decides (as in jusText's first pass).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..model import Verdict
from .patterns import (
    BYLINE_RE, CAPTION_HEAD_RE, CAPTION_MARKS, CAPTION_RE, CONSENT_RE, CREDIT_RE, DATE_RE, GLUED_RE, READ_MORE_RE,
    SECTION_END_RE, SECTION_HEAD_FIRST, SECTION_HEAD_RE, SENTENCE_END, TRUNCATION_RE, WIDGET_RE,
)
from .language import other_stopwords, split_words, text_size

PARAGRAPH_MIN_WORDS_DEFAULT = 8
PARAGRAPH_MIN_CHARS_DEFAULT = 60
STOPWORD_DENSITY_MIN_DEFAULT = 0.15
GLUED_MAX_SHARE_DEFAULT = 0.12
GLUED_MIN_COUNT_DEFAULT = 3
CREDIT_MAX_CHARS_DEFAULT = 120
WIDGET_MAX_CHARS_DEFAULT = 200
CAPTION_MAX_CHARS_DEFAULT = 300
LABEL_CACHE_SIZE_DEFAULT = 4096
LADDER_CACHE: dict[tuple, tuple[str, str]] = {}  # a line's text, count, stops, lower case, ladder -> verdict
CONSENT_MAX_CHARS_DEFAULT = 800
SENTENCE_MIN_WORDS_DEFAULT = 3
CAPITALISED_MAX_SHARE_DEFAULT = 0.7

DATA = Path(__file__).resolve().parent.parent / "data"
LANGUAGES = ("de", "en")


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """The jusText stoplist of a language (see data/STOPWORDS-LICENSE.txt)."""
    text = (DATA / f"stopwords_{lang}.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split("\n") if w.strip())


PUNCTUATION = ".,;:!?\"'()[]{}…–—-„“”»«‚‘’/*#|"


def tokens(text: str) -> list[str]:
    """Lower-cased words without the punctuation around them (Chinese and Japanese: characters)."""
    return [w.strip(PUNCTUATION) for w in split_words(text.lower())]


def home_stopwords(words: list[str]) -> tuple[int, int]:
    """How many of the words the German and the English stoplist hold."""
    de, en = stopwords("de"), stopwords("en")
    return sum(map(de.__contains__, words)), sum(map(en.__contains__, words))


def count_stopwords(words: list[str], other: frozenset[str] = frozenset()) -> int:
    """Stopwords of the language the line is written in: the stoplist it matches best (German,
    English, or `other`, the page's language when it is neither; see language.py).

    Detected per line, so an English quote on a German page (or the reverse) is still prose.
    """
    return max(*home_stopwords(words), sum(w in other for w in words) if other else 0)


def detect_language(words: list[str]) -> str:
    """The language whose stoplist the words match best (German on a tie)."""
    return max(LANGUAGES, key=lambda lang: (sum(1 for w in words if w in stopwords(lang)), lang == "de"))


class measured:
    """`functools.cached_property` without its lock (which cost a tenth of the first pass on Python 3.11)."""

    def __init__(self, compute: Callable):
        self.compute, self.name = compute, compute.__name__

    def __get__(self, line: "Line | None", owner: type) -> object:
        return self if line is None else line.__dict__.setdefault(self.name, self.compute(line))


@dataclass(frozen=True)
class Line:
    """A line of the input with what the rules need to know about it."""

    no: int  # 1-based line number in the input
    text: str
    count: int = 1  # how often this exact text occurs in the input
    stops: int = 0  # how many of its words are stopwords of the page's language
    lower: str = ""  # the text in lower case, for the phrase rules

    @measured
    def words(self) -> list[str]:
        return split_words(self.text)

    @measured
    def density(self) -> float:
        return self.stops / max(1, len(self.words))

    @measured
    def capitalised(self) -> float:
        return capitalised_share(self.words)


def to_lines(text: str) -> list[Line]:
    """Measure every line of a page once (stopwords: of German, English and the page's language)."""
    texts = text.split("\n")
    counts = Counter(texts)
    words = [tokens(t) if t else [] for t in texts]
    home = [home_stopwords(w) if w else (0, 0) for w in words]
    page_home = max(sum(de for de, _ in home), sum(en for _, en in home))
    other = other_stopwords(text, [w for line in words for w in line], page_home)
    return [Line(no, t, counts[t], max(*h, sum(x in other for x in w) if other else 0), t.lower())
            if t else Line(no, t, 0) for no, t, w, h in zip(range(1, len(texts) + 1), texts, words, home)]


Rule = Callable[[Line], "str | None"]


def rule_blank(line: Line) -> str | None:
    return "blank" if not line.text else None


def rule_credit(line: Line) -> str | None:
    """Image credits ("Bild: dpa") are metadata, not body."""
    return "credit" if len(line.text) <= CREDIT_MAX_CHARS_DEFAULT and CREDIT_RE.match(line.text) else None


def rule_byline(line: Line) -> str | None:
    return "byline" if BYLINE_RE.match(line.text) else None


def rule_doubled(line: Line) -> str | None:
    """A line that is one text twice ("X X") is an image's alt text plus its caption."""
    words = line.words
    half = len(words) // 2
    if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return "caption"
    return None


def rule_caption(line: Line) -> str | None:
    """A line that credits a picture is its caption."""
    if len(line.text) > CAPTION_MAX_CHARS_DEFAULT or not any(map(line.lower.__contains__, CAPTION_MARKS)):
        return None
    return "caption" if CAPTION_HEAD_RE.match(line.lower) or CAPTION_RE.search(line.lower) else None


def rule_repeated(line: Line) -> str | None:
    """A line printed more than once is a caption or a widget, not prose."""
    return "repeated" if line.count > 1 else None


def rule_section_end(line: Line, max_chars: int = WIDGET_MAX_CHARS_DEFAULT) -> str | None:
    """A heading that opens the comments, related articles, tags or the author box."""
    if len(line.text) > max_chars:
        return None
    head = line.lower[:1] in SECTION_HEAD_FIRST or line.lower[:1].isdigit()
    return "section-end" if head and SECTION_HEAD_RE.match(line.lower) or SECTION_END_RE.search(line.lower) else None


def rule_widget(line: Line, max_chars: int = WIDGET_MAX_CHARS_DEFAULT) -> str | None:
    """Not too long, and says what comment forms, cookie banners and footers say."""
    return "widget" if len(line.text) <= max_chars and WIDGET_RE.search(line.lower) else None


def rule_consent(line: Line, max_chars: int = CONSENT_MAX_CHARS_DEFAULT) -> str | None:
    """Cookie and consent banners: long, but about storing data, not about the article."""
    return "consent" if len(line.text) <= max_chars and CONSENT_RE.search(line.lower) else None


def rule_glued(line: Line, max_share: float = GLUED_MAX_SHARE_DEFAULT) -> str | None:
    """Link texts run together without spaces ("TestBlack Friday") are a menu or a teaser list."""
    words = line.words
    glued = len(GLUED_RE.findall(line.text))
    return "glued" if glued >= GLUED_MIN_COUNT_DEFAULT and glued / len(words) > max_share else None


def rule_date(line: Line) -> str | None:
    """A line that is only a date: above the article its dateline, below it a teaser's or a comment's."""
    return "date" if DATE_RE.fullmatch(line.lower) else None


def rule_read_more(line: Line) -> str | None:
    """A link to read on elsewhere ("Weiterlesen … Titel", "Mehr erfahren >") ends the article:
    what follows is teasers of other pages."""
    return "section-end" if len(line.text) <= WIDGET_MAX_CHARS_DEFAULT and READ_MORE_RE.match(line.lower) else None


def rule_truncated(line: Line) -> str | None:
    """A text cut off with "..." is a teaser of another page."""
    return "teaser" if TRUNCATION_RE.search(line.text) else None


def capitalised_share(words: list[str]) -> float:
    """How many words start with a capital: most in a tag cloud or a menu, not in a sentence."""
    return len([w for w in words if w[:1].isupper()]) / max(1, len(words))


def rule_paragraph(line: Line, min_density: float = STOPWORD_DENSITY_MIN_DEFAULT,
                   max_capitalised: float = CAPITALISED_MAX_SHARE_DEFAULT) -> str | None:
    """Prose: enough words, stopwords among them, not all capitalised, and ends as a sentence ends."""
    text, words = line.text, line.words
    if len(words) < PARAGRAPH_MIN_WORDS_DEFAULT or text_size(text) < PARAGRAPH_MIN_CHARS_DEFAULT:
        return None
    if line.density < min_density or line.capitalised > max_capitalised:
        return None
    if text.endswith(SENTENCE_END) or len(words) >= 2 * PARAGRAPH_MIN_WORDS_DEFAULT:
        return "paragraph"
    return None


def rule_sentence(line: Line, min_words: int = SENTENCE_MIN_WORDS_DEFAULT) -> str | None:
    """A short line that reads as a sentence: some stopwords, and ends as sentences end."""
    if len(line.words) >= min_words and line.stops >= 1 and line.text.endswith((".", "!", "?", "。", "！", "？")):
        return "sentence"
    return None


def rule_short(line: Line) -> str | None:
    return "short"


LINE_RULES: tuple[Rule, ...] = (
    rule_blank, rule_credit, rule_byline, rule_doubled, rule_caption, rule_section_end, rule_repeated,
    rule_widget, rule_consent,
    rule_glued, rule_date, rule_read_more, rule_truncated, rule_paragraph, rule_sentence, rule_short,
)


@lru_cache(maxsize=LABEL_CACHE_SIZE_DEFAULT)
def label_alone(text: str) -> str:
    """What a line is by itself, however often the page prints it (asked for every repeated line,
    by several context rules)."""
    return classify(Line(1, text, 1, count_stopwords(tokens(text)), text.lower())).label


def classify(line: Line, rules: tuple[Rule, ...] = LINE_RULES) -> Verdict:
    """First pass: the first rule that has an opinion decides (kept per what the rules see of a line)."""
    if not line.text:
        return Verdict(line.no, line.text, "blank", "blank")
    key = (line.text, line.count, line.stops, line.lower, rules)
    if key not in LADDER_CACHE:
        if len(LADDER_CACHE) >= LABEL_CACHE_SIZE_DEFAULT:
            LADDER_CACHE.clear()
        LADDER_CACHE[key] = next((label, rule.__name__[5:]) for rule in rules if (label := rule(line)) is not None)
    return Verdict(line.no, line.text, *LADDER_CACHE[key])
