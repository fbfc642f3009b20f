"""The learned second opinion overrules the rules only where it is confident."""
from __future__ import annotations

from depesche.clean import clean, clean_once
from depesche.clean_context import SpanSettings
from depesche.clean_features import NAMES
from depesche.clean_model import MODEL_FILE, REACH_DEFAULT, LineModel, Tree, load_model, nested, overrule, walk
from depesche.model import Verdict

N = len(NAMES)


def constant(bias: float) -> LineModel:
    """A model that gives every line the same probability."""
    return LineModel(bias, ())


def test_tree_walks_to_a_leaf() -> None:
    tree = Tree(feature=(0, -2, -2), threshold=(0.5, 0.0, 0.0), left=(1, -1, -1), right=(2, -1, -1),
                value=(0.0, -1.0, 2.0))
    assert walk(nested(tree), [0.2]) == -1.0
    assert walk(nested(tree), [0.9]) == 2.0
    assert LineModel(0.0, (tree, tree)).probability([0.9]) > 0.98


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
    text = "Zur Startseite\n\nPolitik\n\nDer Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten begrenzen soll."
    assert [v.label for v in clean(text, model=constant(30.0)).verdicts][0] == "paragraph"
    assert clean(text, model=constant(-30.0)).blocks == ()
    assert clean(text, model=None).blocks[0].text.startswith("Der Bundestag")


def test_model_looks_only_near_the_span() -> None:
    menu = "\n\n".join(f"Rubrik Nummer {i}" for i in range(40))
    text = menu + "\n\nDer Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten begrenzen soll."
    rules = [v.rule for v in clean_once(text, SpanSettings(), constant(30.0)).verdicts if v.text]  # one pass
    assert rules[:-1 - REACH_DEFAULT] == ["context:before-article"] * (40 - REACH_DEFAULT)
    assert rules[-4].startswith("model:keep")  # then the kicker, the headline, the article


def test_shipped_model_loads() -> None:
    if MODEL_FILE.exists():
        model = load_model()
        assert model is not None and model.trees


def test_model_brings_back_words_only_before_the_article_closes() -> None:
    body = "Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten begrenzen soll."
    text = "\n\n".join([body, "- …", "Mehr zum Thema", "Ein anderer Artikel über die Mieten"])
    verdicts = [v for v in clean(text, model=constant(30.0)).verdicts if v.label != "blank"]
    assert [v.kept for v in verdicts] == [True, False, False, False]


def test_model_brings_back_no_line_starting_in_lower_case() -> None:
    text = "\n\n".join(["Zur Startseite", "whatsapp teaser",
                        "Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten begrenzen soll."])
    verdicts = [v for v in clean(text, model=constant(30.0)).verdicts if v.label != "blank"]
    assert [v.kept for v in verdicts] == [True, False, True]


def test_lines_dropped_on_recleaning_are_dropped_with_their_reason() -> None:
    from depesche.clean import adopt, assemble

    verdicts = [Verdict(1, "Überschrift", "title", "context:headline"), Verdict(2, "", "blank", "blank"),
                Verdict(3, "Erster Absatz mit Text.", "paragraph", "paragraph"),
                Verdict(4, "Zweiter Absatz, fraglich.", "paragraph", "model:keep p=0.70"),
                Verdict(5, "Bild: dpa", "credit", "credit")]
    again = assemble([Verdict(1, "Überschrift", "title", "context:plain-headline"), Verdict(2, "", "blank", "blank"),
                      Verdict(3, "Erster Absatz mit Text.", "paragraph", "paragraph"),
                      Verdict(4, "Zweiter Absatz, fraglich.", "boilerplate", "model:drop p=0.30")])
    adopted = adopt(verdicts, again)
    assert [(v.line_no, v.label, v.rule) for v in adopted] == [
        (1, "title", "context:plain-headline"), (2, "blank", "blank"), (3, "paragraph", "paragraph"),
        (4, "boilerplate", "fixpoint:dropped-on-recleaning"), (5, "credit", "credit")]


def test_rules_decide_alone_when_the_model_unsettles_the_span() -> None:
    """A model that drops the span's last paragraph would make re-cleaning drop the list before it too."""
    last = Tree(feature=(NAMES.index("span_share"), -2, -2), threshold=(0.99, 0.0, 0.0), left=(1, -1, -1),
                right=(2, -1, -1), value=(0.0, 0.0, -60.0))
    drops_last = LineModel(0.0, (last,))  # undecided (p = .5) but on the last line of the span
    p1 = "Der Bundestag hat am Donnerstag ein Gesetz beschlossen, das die Mieten in den Städten begrenzen soll."
    p2 = "Die Opposition kritisierte das Vorhaben als zu zaghaft, weil es die Ursachen nicht angehe."
    p3 = ("Nach dem Beschluss muss nun noch der Bundesrat zustimmen, was in der kommenden Woche geschehen soll, "
          "wie ein Sprecher der Regierung am Abend in Berlin sagte; die Länder haben dazu schon Fragen gestellt.")
    items = [f"Punkt {i} der Liste" for i in range(6)]
    text = "\n\n".join(["Neue Regeln für die Mieten", p1, p2, *items, p3])
    assert [b.text for b in clean(text, model=drops_last).blocks] == [b.text for b in clean(text, model=None).blocks]
    assert clean(text, model=None).blocks[-1].text == p3
