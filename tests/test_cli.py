from pathlib import Path

from depesche.commands.cli import main

from conftest import REPO, SEEDS

SEED = SEEDS / "001_69778916e7124965.txt"


def test_clean_prints_plain_text(capsys):
    assert main(["clean", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# WhatsApp: Facebook will VoIP-Funktion weiterentwickeln\n\nDer Facebook-Manager")
    assert "\n\n## Facebook will mit Messenger-Diensten Geld verdienen\n\n" in out
    assert "Bild: dpa" not in out and "Interview\n" not in out and "\\" not in out


def test_clean_markdown_has_front_matter(capsys):
    assert main(["clean", "--markdown", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith('---\nid: "69778916e7124965"\n')
    assert 'kicker: "Interview"' in out and 'author: "Marleen Frontzeck-Hornke"' in out


def test_clean_explain_shows_verdicts_and_rules(capsys):
    assert main(["clean", "--explain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "- boilerplate" in out and "Mehr zum Thema WhatsApp" in out
    assert "+ credit" in out and "Bild: dpa" in out
    assert "kicker: Interview" in out


def test_tags_prints_one_per_line(capsys):
    assert main(["tags", str(SEED)]) == 0
    tags = capsys.readouterr().out.split("\n")
    assert "WhatsApp" in tags and "Facebook" in tags


def test_skipped_file_is_reported_and_strict_fails_without_touching_the_site(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "gut.txt").write_text("Eine Überschrift aus Worten\n\n" + "Ein Satz mit genug Worten für einen Absatz. " * 3)
    (seeds / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    config = tmp_path / "depesche.toml"
    config.write_text('base_url = "https://example.org/x/"\n')
    args = ["--config", str(config), "--seeds", str(seeds), "--out", str(tmp_path / "site")]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "a.txt: a binary file (PNG image), not text" in captured.err
    assert "Built 1 articles" in captured.out and "skipped 1 files" in captured.out
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    (seeds / "gut.txt").write_text("Eine andere Überschrift hier\n\n" + "Ein anderer Satz mit genug Worten. " * 3)
    assert main([*args, "--strict"]) == 1
    assert "Nothing written" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()} == before


def test_misspelt_setting_is_an_error(tmp_path: Path, capsys):
    config = tmp_path / "depesche.toml"
    config.write_text('base_ulr = "https://example.org/"\n')
    assert main(["--config", str(config), "clean", str(SEED)]) == 2
    assert "unknown setting 'base_ulr'" in capsys.readouterr().err


def test_repository_config_is_valid():
    from depesche.config import load_config

    assert load_config(REPO / "depesche.toml").feed_items == 50


def test_clean_prints_a_generated_headline_too(capsys):
    """Seed 000 has no headline line: `clean` shows the one the article page gets."""
    assert main(["clean", str(SEEDS / "000_e9d82ee693cca2d1.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Ab November sollen auf MySpace Skype-Funktionen integriert werden\n\nDer ")


def test_missing_seeds_folder_is_one_line_and_exit_2(tmp_path: Path, capsys):
    missing = tmp_path / "nowhere"
    assert main(["--config", str(tmp_path / "none.toml"), "--seeds", str(missing), "--out", str(tmp_path / "site"),
                 "--no-search"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {missing}: ") and "Traceback" not in err
    assert not (tmp_path / "site").exists()
