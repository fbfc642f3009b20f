"""The learned line model: its shipped weights, its features, and what the doubts take from it."""
from __future__ import annotations

import numpy as np

from depesche.clean.cleaner import label_lines
from depesche.clean.doubts import likeness
from depesche.clean.learned import FEATURES, around, line_likelihoods, shipped_model
from depesche.clean.rules import to_lines
from depesche.model import Verdict

PROSE = ("Die Stadt hat am Montag eine neue Brücke über den Fluss eröffnet, die zwei Viertel der Altstadt "
         "miteinander verbindet und den Verkehr in der Innenstadt entlasten soll.")
MENU = ("Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Kontakt")


def test_the_shipped_model_has_a_weight_per_feature():
    model = shipped_model()
    assert len(model.weights) == len(FEATURES) and all(np.isfinite(model.weights))


def test_prose_between_menus_is_likelier_article_than_the_menus():
    lines = to_lines("\n\n".join([*MENU, *(f"{PROSE} Absatz {n}." for n in range(4)), *MENU, "Impressum"]))
    likely = line_likelihoods(lines, label_lines(lines))
    prose = [p for line, p in zip(lines, likely) if line.text.startswith("Die Stadt")]
    menu = [p for line, p in zip(lines, likely) if line.text in MENU]
    assert len(prose) == 4 and min(prose) > 0.5 > max(menu)


def test_blank_lines_have_no_likelihood():
    lines = to_lines(f"{PROSE}\n\n{PROSE} Noch einmal.")
    assert line_likelihoods(lines, label_lines(lines))[1] == 0.0


def test_around_is_the_mean_of_the_neighbours_without_the_line_itself():
    assert around(np.array([1.0, 0.0, 0.0, 1.0]), window=1).tolist() == [0.0, 0.5, 0.5, 0.0]
    assert around(np.array([1.0]), window=2).tolist() == [0.0]


def test_likeness_weighs_the_kept_and_the_dropped_lines_by_words():
    settled = [Verdict(1, "eins zwei drei", "paragraph", "r"), Verdict(2, "vier", "paragraph", "r"),
               Verdict(3, "fünf sechs", "boilerplate", "r")]
    values = likeness(settled, [0.9, 0.1, 0.8], [3, 1, 2], kept_words=4)
    precision, recall = (0.9 * 3 + 0.1) / 4, (0.9 * 3 + 0.1) / (0.9 * 3 + 0.1 + 0.8 * 2)
    assert values == {"kept_likeness": precision, "kept_unlike": 1 / 4, "prose_outside": 2 / 4,
                      "expected_f1": 2 * precision * recall / (precision + recall)}
