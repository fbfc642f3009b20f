"""Which line above the article the cleaner takes for its headline, on pages shaped like real ones."""
from __future__ import annotations

from depesche.clean.cleaner import clean

from test_metadata import BODY, MENU

THREAD = "Patch Notes 4.47.4 – Fehlerbehebungen für alle Klassen und Gebiete"


def test_a_line_with_the_name_a_forum_prints_alone_is_no_headline():
    """"Thread starter Tiberius" over "Tiberius": a user's label; the long line between the section
    label and it is the headline, not a menu's entry."""
    text = (MENU + "News und Patchnotes\n\n" + THREAD + "\n\nThread starter Tiberius\n\nStart date Sep 18, 2020\n\n"
            "Tiberius\n\nForum Moderator\n\n" + BODY)
    assert clean(text).title == THREAD
