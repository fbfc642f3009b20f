"""The cleaner says when it may have missed the article, and the build passes it on."""
from __future__ import annotations

from pathlib import Path

from depesche.clean.cleaner import clean, label_lines
from depesche.clean.doubts import block_shapes, measures
from depesche.clean.learned import line_likelihoods
from depesche.clean.rules import to_lines
from depesche.commands.cli import main
from depesche.model import Verdict
from depesche.read import normalise

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Die Stadt hat am Montag eine neue Brücke über den Fluss eröffnet, die zwei Viertel verbindet."


def unsure_page() -> str:
    """One sentence of prose lost among two long menus: kept, but it is little of a long page."""
    menu = "\n\n".join(f"Rubrik Nummer {i} Übersicht" for i in range(200))
    return f"Startseite\n\n{menu}\n\n{ARTICLE}\n\n{menu.replace('Rubrik', 'Thema')}\n"


def test_an_unsure_page_says_why():
    cleaned = clean(unsure_page())
    assert [b.text for b in cleaned.blocks] == [ARTICLE]
    assert len(cleaned.doubts) == 1 and "kept 16 of" in cleaned.doubts[0]


def test_the_seeds_raise_no_doubt():
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        assert clean(normalise(seed.read_text(encoding="utf-8"))).doubts == (), seed.name


def test_block_shapes_count_the_kept_headings_and_short_blocks():
    settled = [Verdict(1, "Eine Zwischenzeile", "subheading", "r"), Verdict(2, "", "blank", "blank"),
               Verdict(3, ARTICLE, "paragraph", "r"), Verdict(4, "Kurz und knapp.", "paragraph", "r"),
               Verdict(5, "Menü", "boilerplate", "r")]
    sizes = [2, 0, 15, 3, 1]
    assert block_shapes(settled, [0, 2, 3], sizes) == {"headings": 1 / 3, "short_blocks": 2 / 3}
    assert block_shapes(settled, [2], sizes) == {"headings": 0.0, "short_blocks": 0.0}


def test_the_measures_see_an_article_of_questions_as_headings():
    parts = ["Startseite", "Häufige Fragen zur Brücke"]
    for n in range(6):
        parts += [f"Wann wird die Brücke Nummer {n} eröffnet?", ARTICLE.replace("Montag", f"Tag {n}")]
    lines = to_lines("\n\n".join(parts))
    verdicts = label_lines(lines)
    cleaned = clean("\n\n".join(parts))
    values = measures(verdicts, list(cleaned.verdicts), cleaned.title is not None, line_likelihoods(lines, verdicts))
    headings = sum(b.role == "subheading" for b in cleaned.blocks)
    assert headings >= 4 and values["headings"] == headings / len(cleaned.blocks)
    assert values["short_blocks"] == values["headings"]  # each question has seven words, each paragraph more


def test_an_empty_article_is_doubted():
    assert clean("Startseite\n\nKontakt\n").doubts == ("no article text found",)


def test_build_warns_and_check_lists_the_unsure_article(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "gut.txt").write_text("Eine Überschrift aus Worten\n\n" + "Ein Satz mit genug Worten für einen Absatz. " * 3)
    (seeds / "lost.txt").write_text(unsure_page())
    config = tmp_path / "depesche.toml"
    config.write_text('base_url = "https://example.org/x/"\n')
    args = ["--config", str(config), "--seeds", str(seeds), "--out", str(tmp_path / "site")]
    assert main(args) == 0
    err = capsys.readouterr().err
    unsure = [line for line in err.splitlines() if "unsure" in line]
    assert len(unsure) == 1 and "lost.txt" in unsure[0] and "clean --explain" in unsure[0]
    assert "kept 16 of" in unsure[0]
    main([*args, "check"])
    listed = [line for line in capsys.readouterr().err.splitlines() if "unsure" in line]
    assert len(listed) == 1 and "lost.txt" in listed[0]
