"""The cleaner says when it may have missed the article, and the build passes it on."""
from __future__ import annotations

from pathlib import Path

from depesche.clean.cleaner import clean
from depesche.commands.cli import main
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
