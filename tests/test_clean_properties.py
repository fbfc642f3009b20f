"""Invariants of the cleaner on generated pages: kept lines are input lines in order,
and cleaning the cleaned text again gives the same headline and blocks.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pathlib import Path

from depesche.clean.cleaner import clean
from depesche.read import normalise

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

SENTENCES = [
    "Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den großen Städten begrenzen soll.",
    "Die Opposition kritisierte das Vorhaben als zu zaghaft, weil es die Ursachen nicht angehe.",
    "Nach dem Beschluss muss nun noch der Bundesrat zustimmen, was in der kommenden Woche geschehen soll.",
    "The council decided on Thursday that the new bridge will be built with the money that was left.",
    "Was sich jetzt ändert", "Niedrige Preise", "Startseite", "Politik", "Ähnliche Beiträge",
    "Newsletter abonnieren", "Bild: dpa", "Von Anna Muster", "Foto: Max Muster / iStock.com",
    "Kommentare", "Teilen", "© 2024 Verlag", "Mehr ...", "Ein Bild am See Ein Bild am See", "(pte)",
]
LINE = st.one_of(
    st.sampled_from(SENTENCES),
    st.text(alphabet=st.sampled_from("abcdeäöüßABCDÄ .,:!?-…()/©"), max_size=90),
)
PAGE = st.lists(LINE, min_size=0, max_size=40).map(lambda lines: normalise("\n".join(lines)))


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(any(x == y for y in it) for x in part)


@given(PAGE)
@settings(max_examples=300, deadline=None)
def test_kept_lines_are_input_lines_in_order(text: str) -> None:
    lines = text.split("\n")
    kept = [v for v in clean(text).verdicts if v.kept]
    assert [v.line_no for v in kept] == sorted(v.line_no for v in kept)
    assert all(lines[v.line_no - 1] == v.text for v in kept)
    assert is_subsequence([v.text for v in kept], lines)


def shape(cleaned) -> tuple:
    return cleaned.title, [b.text for b in cleaned.blocks]


def article_text(cleaned) -> str:
    """The cleaned article as text again, as clean copy is written: headline, blank line, a block a line."""
    body = "\n".join(b.text for b in cleaned.blocks)
    return f"{cleaned.title}\n\n{body}" if cleaned.title else body


@given(PAGE)
@example("A©?\n\nDer Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den großen Städten "
         "begrenzen soll.\nA©?")  # a widget line printed twice, first above the text
@example("The council decided on Thursday that the new bridge will be built with the money that was left.\n"
         "Bild: dpa\nDie Opposition kritisierte das Vorhaben als zu zaghaft, weil es die Ursachen nicht angehe.\n"
         "Niedrige Preise\nDer Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den großen "
         "Städten begrenzen soll.")  # a subheading between a credit and a paragraph
@example("Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den großen Städten begrenzen "
         "soll.\nNiedrige Preise\nNiedrige Preise\nDer Bundestag hat am Donnerstag ein Gesetz beschlossen, das die "
         "Mieten in den großen Städten begrenzen soll.\nWas sich jetzt ändert")  # prose only printed twice is prose
@settings(max_examples=300, deadline=None)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean(text)
    assert shape(clean(article_text(once))) == shape(once)


def test_cleaned_seeds_stay_as_they_are() -> None:
    for seed in SEEDS:
        once = clean(normalise(seed.read_text(encoding="utf-8")))
        assert shape(clean(article_text(once))) == shape(once), seed.name
