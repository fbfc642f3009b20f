"""Broken, odd and hostile seeds: each is built or skipped with a clear message, never fatal."""
from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from depesche.config import Config
from depesche.build.pipeline import build
from depesche.read import MAX_SEED_BYTES, SeedError, read_seed, read_seeds

from conftest import TEMPLATE_TAGS, SUB_PATH_URL

HEADLINE = "Größte Übernahme: Ärger für Öl-Konzern"
BODY = ("Die Straße ist schön, und die Bürger in Köln äußern sich über Öl und Süßes. "
        "Am Abend treffen sich viele von ihnen auf dem Platz vor dem Dom, um zu feiern. "
        "Die Stadt hat dafür eigens die Beleuchtung erneuert, sagt der Bürgermeister.")
MORE = ("Der Konzern in München meldet höhere Umsätze, die Börse reagiert mit Kursgewinnen für die Aktie. "
        "Analysten hatten mit weniger gerechnet und heben nun ihre Prognosen für das Jahr an.")
ARTICLE = f"{HEADLINE}\n\n{BODY}\n\n{MORE}\n"


def read_text_of(tmp_path: Path, data: bytes, name: str = "x.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return read_seed(path, f"seeds/{name}", {}).text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_come_out_right(tmp_path: Path, encoding: str):
    assert read_text_of(tmp_path, ARTICLE.encode(encoding)).startswith(HEADLINE)


def test_windows_1252_quotes_and_euro(tmp_path: Path):
    text = "„Das kostet 5 € – sagt Müller“, heißt es in der Meldung über Öl."
    assert read_text_of(tmp_path, text.encode("cp1252")) == text


def test_mixed_line_endings_and_control_characters(tmp_path: Path):
    data = b"Zeile eins\r\nZeile\x00 zwei\rZeile\x1b drei\nvier\x7f\x0c"
    assert read_text_of(tmp_path, data) == "Zeile eins\nZeile zwei\nZeile drei\nvier"


@pytest.mark.parametrize("data, message", ids=["png", "jpeg", "no-magic"], argvalues=[
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (PNG image)"),
    (b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "binary file (JPEG image)"),
    (bytes(range(256)) * 8, "binary file"),
])
def test_binary_files_are_refused(tmp_path: Path, data: bytes, message: str):
    with pytest.raises(SeedError, match=r"^seeds/x.txt: .*" + message.replace("(", r"\(").replace(")", r"\)")):
        read_text_of(tmp_path, data)


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "gross.txt"
    with path.open("wb") as f:
        f.truncate(20_000_000)
    assert path.stat().st_size > MAX_SEED_BYTES
    with pytest.raises(SeedError, match=r"too large \(20.0 MB"):
        read_seed(path, "seeds/gross.txt", {})


def test_unreadable_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "x.txt"
    path.write_text(ARTICLE)
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: make the read itself fail as it would for a user
        monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    with pytest.raises(SeedError, match="cannot read .*Permission denied"):
        read_seed(path, "seeds/x.txt", {})


def test_symlinks_out_of_the_seeds_folder_are_refused(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(ARTICLE)
    (seeds / "inside.txt").write_text(ARTICLE)
    (seeds / "link-in.txt").symlink_to(seeds / "inside.txt")
    (seeds / "link-out.txt").symlink_to(secret)
    (seeds / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    found, errors = read_seeds(seeds)
    assert [s.stem for s in found] == ["inside", "link-in"]
    assert any("link-out.txt: a symlink to" in e and "outside" in e for e in errors)
    assert any("dangling.txt: a symlink to" in e and "does not exist" in e for e in errors)


@pytest.fixture
def nasty(tmp_path: Path) -> Config:
    """A folder of every kind of bad input next to one good article."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    files = {
        "gut.txt": ARTICLE.encode(),
        "leer.txt": b"",
        "nur leerzeichen.txt": b" \n\t\n\xc2\xa0\n",
        "nur-boilerplate.txt": "Kommentare\nTeilen\nDrucken\nMehr zum Thema\n".encode(),
        "bild.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "-führender strich.txt": ARTICLE.replace("Größte", "Kleinste").encode("cp1252"),
        "eine zeile.txt": " ".join(f"Satz {i} handelt von der Straße." for i in range(36_000)).encode(),  # 1 MB line
        "nul.txt": ARTICLE.replace("Straße", "Stra\x00ße").encode("utf-16"),
        "kaputt.txt": ARTICLE.encode(),
    }
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    (seeds / "kaputt.toml").write_text('date = 2014-02-30\n')
    return Config(seeds=seeds, out=tmp_path / "site", cache=tmp_path / ".depesche", base_url=SUB_PATH_URL)


def test_nasty_folder_builds_the_good_files_and_names_each_bad_one(nasty: Config):
    report = build(nasty)
    problems = {e.split(": ", 1)[0].rsplit("/", 1)[-1]: e.split(": ", 1)[1] for e in report.errors}
    assert set(problems) == {"leer.txt", "nur leerzeichen.txt", "nur-boilerplate.txt", "bild.txt", "kaputt.toml"}
    assert "no article text" in problems["leer.txt"] and "PNG image" in problems["bild.txt"]
    assert "line 1" in problems["kaputt.toml"]
    assert report.articles == 4  # gut, -führender strich, eine zeile, nul
    html = "".join(p.read_text(encoding="utf-8") for p in (nasty.out / "artikel").rglob("*.html"))
    assert "Kleinste Übernahme" in html and "Straße ist schön" in html


HOSTILE_HEADLINE = 'Alarm <script>alert(1)</script> & "]]>" {{ 7*7 }} {% if 1 %}x{% endif %}'
HOSTILE_BODY = (
    '<iframe src="https://evil.example/"></iframe> <img src=x onerror="alert(1)"> '
    '[klick](javascript:alert(1)) <a href="javascript:alert(2)">hier</a> **fett** ]]> &amp; &copy; '
    "{{ site.base_url }} und {% include 'base.html' %} sind Text, kein Code, sagt der Autor."
)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)


def test_hostile_text_is_shown_escaped_in_pages_and_feeds(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "boese.txt").write_text(f"{HOSTILE_HEADLINE}\n\n{HOSTILE_BODY}\n\n{MORE}\n")
    (seeds / "boese.toml").write_text("date = 2014-02-24T10:00:00+01:00\n")
    config = Config(seeds=seeds, out=tmp_path / "site", cache=tmp_path / ".depesche", base_url=SUB_PATH_URL)
    assert build(config).articles == 1
    for page in config.out.rglob("*.html"):
        parser = Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.tags <= TEMPLATE_TAGS, (page, parser.tags - TEMPLATE_TAGS)
        assert not any(name.startswith("on") for name, _ in parser.attrs)
        assert not any((value or "").startswith("javascript:") for _, value in parser.attrs)
        assert "49" not in page.read_text(encoding="utf-8")  # {{ 7*7 }} is not evaluated
    article = next((config.out / "artikel").rglob("index.html")).read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in article and "&lt;script&gt;" in article
    for feed in [*config.out.rglob("feed.xml"), *config.out.rglob("atom.xml")]:
        etree.parse(str(feed))  # well-formed in spite of ]]> and &
        parsed = feedparser.parse(str(feed))
        assert not parsed.bozo
        assert parsed.entries[0].title == HOSTILE_HEADLINE


def test_two_files_with_the_same_content_id_are_reported(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a_00000000000000aa.txt").write_text(ARTICLE)
    (seeds / "b_00000000000000aa.txt").write_text(ARTICLE.replace("Größte", "Zweite"))
    report = build(Config(seeds=seeds, out=tmp_path / "site", cache=tmp_path / ".depesche", base_url=SUB_PATH_URL, search=False))
    assert report.articles == 1
    assert len(report.errors) == 1 and "b_00000000000000aa.txt: has the same id 00000000000000aa" in report.errors[0]


def test_same_headline_gives_two_pages(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, day in (("alt_0000000000000001", 1), ("neu_0000000000000002", 2)):
        (seeds / f"{name}.txt").write_text(ARTICLE)
        (seeds / f"{name}.toml").write_text(f"date = 2014-02-{day:02d}\n")
    config = Config(seeds=seeds, out=tmp_path / "site", cache=tmp_path / ".depesche", base_url=SUB_PATH_URL, search=False)
    build(config)
    pages = sorted(p.parent.name for p in (config.out / "artikel").glob("*/index.html"))
    assert pages == ["groesste-uebernahme-aerger-fuer-oel-konzern",
                     "groesste-uebernahme-aerger-fuer-oel-konzern-00000000"]
