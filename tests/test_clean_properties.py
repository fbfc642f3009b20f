"""Invariants of the cleaner on generated pages: kept lines are input lines in order,
and cleaning the cleaned text again gives the same blocks.

Idempotence is a property of the rules and the context pass: the learned second opinion
reads a line's neighbours, which cleaning removes, so on arbitrary generated pages it
can decide a borderline line differently the second time. With the shipped model the
seeds' cleaned articles must still come out unchanged.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pathlib import Path

from depesche.clean import clean
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


def cleaned_text(text: str, **options) -> str:
    """The article as plain text: headline and blocks, a blank line apart."""
    cleaned = clean(text, **options)
    return "\n\n".join(([cleaned.title] if cleaned.title else []) + [b.text for b in cleaned.blocks])


@given(PAGE)
@settings(max_examples=300, deadline=None)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean(text, model=None)
    twice = clean(cleaned_text(text, model=None), model=None)
    assert [b.text for b in twice.blocks] == [b.text for b in once.blocks]


def test_cleaned_seeds_stay_as_they_are() -> None:
    for seed in SEEDS:
        text = normalise(seed.read_text(encoding="utf-8"))
        assert [b.text for b in clean(cleaned_text(text)).blocks] == [b.text for b in clean(text).blocks], seed.name
