"""The learned second opinion overrules the rules only where it is confident."""
from __future__ import annotations

from depesche.clean import clean
from depesche.clean_features import NAMES
from depesche.clean_model import LineModel, overrule
from depesche.model import Verdict

N = len(NAMES)


def constant(bias: float) -> LineModel:
    """A model that gives every line the same probability."""
    return LineModel((0.0,) * N, (1.0,) * N, (0.0,) * N, bias)


def test_probability_is_logistic() -> None:
    assert constant(0.0).probability([1.0] * N) == 0.5


def test_overrule_only_when_confident() -> None:
    model = constant(0.0)
    kept = Verdict(3, "Ein Satz.", "paragraph", "paragraph")
    dropped = Verdict(4, "Menü", "boilerplate", "context:before-article")
    assert overrule(kept, 0.5, model) == kept
    assert overrule(kept, 0.01, model).rule == "model:drop p=0.01"
    assert overrule(dropped, 0.99, model).label == "paragraph"
    assert overrule(Verdict(1, "Titel", "title", "context:headline"), 0.01, model).label == "title"


def test_clean_with_a_model() -> None:
    text = "Startseite\n\nPolitik\n\nDer Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten begrenzen soll."
    assert [v.label for v in clean(text, model=constant(30.0)).verdicts][0] == "paragraph"
    assert clean(text, model=constant(-30.0)).blocks == ()
    assert clean(text, model=None).blocks[0].text.startswith("Der Bundestag")
