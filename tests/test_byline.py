"""Bylines that name a role, a desk or an organisation, and the forms forums use."""
from __future__ import annotations

import pytest

from depesche.clean.cleaner import clean

from test_metadata import HEADLINE, page


@pytest.mark.parametrize("byline", [
    "von Redaktion, 24. Januar 2022",
    "Redaktion Polizeiticker Schweiz",
    "Forum Moderator\n\n18.09.2020",
    "Newsletter Anmeldung\n\n18.09.2020",
    "Von Hanns-Seidel-Stiftung, 18.09.2020",
])
def test_a_role_a_desk_or_an_organisation_is_no_author(byline):
    cleaned = clean(page(byline))
    assert cleaned.title == HEADLINE
    assert cleaned.author is None


@pytest.mark.parametrize("byline, author", [
    ("Redaktion: Anna Muster", "Anna Muster"),
    ("Thread starter Tiberius", "Tiberius"),
    ("Started by Tiberius, 18.09.2020", "Tiberius"),
])
def test_a_named_editor_and_a_thread_starter_are_authors(byline, author):
    cleaned = clean(page(byline))
    assert cleaned.author is not None and cleaned.author.name == author
