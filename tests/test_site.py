"""The seeds built end to end into a temporary site served under a sub-path."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from depesche.config import Config
from depesche.build.pipeline import build

from conftest import SUB_PATH_URL


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.alternates: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates.append(attrs["href"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_file(out: Path, url: str) -> Path:
    """The file a static host serves for an absolute URL under the base URL."""
    path = urlsplit(url).path
    base = urlsplit(SUB_PATH_URL).path
    assert path.startswith(base), f"{url} leaves the sub-path {base}"
    target = out / path[len(base):]
    return target / "index.html" if url.endswith("/") else target


def test_builds_article_topic_and_index_pages(built: Config):
    out = built.out
    articles = sorted(p.parent.name for p in (out / "artikel").glob("*/index.html"))
    assert len(articles) == 4
    for name in ("index.html", "404.html", "themen/index.html", "feed.xml", "atom.xml", "favicon.svg"):
        assert (out / name).is_file(), name
    for topic in ("whatsapp", "facebook"):
        page = (out / "themen" / topic / "index.html").read_text(encoding="utf-8")
        assert page.count('<article class="card">') == 2  # two seeds each
        assert (out / "themen" / topic / "feed.xml").is_file() and (out / "themen" / topic / "atom.xml").is_file()


def test_every_link_resolves_inside_the_sub_path(built: Config):
    pages = sorted(built.out.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parsed = parse(page)
        assert parsed.lang == "de", page
        assert len(parsed.alternates) >= 2, page
        page_url = urljoin(SUB_PATH_URL, str(page.relative_to(built.out)))
        for link in parsed.links:
            url = urljoin(page_url, link)
            if urlsplit(url).netloc != "example.github.io":
                continue
            assert site_file(built.out, url).is_file(), f"{page}: broken link {link}"


def test_article_page_shows_the_parts(built: Config):
    page = next(p for p in (built.out / "artikel").glob("whatsapp-facebook*/index.html"))
    html = page.read_text(encoding="utf-8")
    assert "<h1>WhatsApp: Facebook will VoIP-Funktion weiterentwickeln</h1>" in html
    assert '<p class="kicker" data-pagefind-ignore>Interview</p>' in html
    assert '<span class="author">Marleen Frontzeck-Hornke</span>' in html
    assert '<time datetime="2014-02-02T09:30:00+01:00">2. Februar 2014</time>' in html
    assert "<h2>Facebook will mit Messenger-Diensten Geld verdienen</h2>" in html
    assert "Bild: dpa<" in html and "Bild: dpa · Bild: dpa" not in html and "Mehr zum Thema" not in html
    pte = next((built.out / "artikel").glob("*myspace*/index.html")).read_text(encoding="utf-8")
    assert "Quelle: pressetext" in pte and "(pte)" not in pte


def test_archive_and_related_articles(built: Config):
    archive = (built.out / "archiv" / "index.html").read_text(encoding="utf-8")
    assert "Februar 2014" in archive and "4 Artikel" in archive
    month = (built.out / "archiv" / "2014" / "02" / "index.html").read_text(encoding="utf-8")
    assert month.count('<article class="card">') == 4
    page = next((built.out / "artikel").glob("whatsapp-facebook*/index.html")).read_text(encoding="utf-8")
    related = page[page.index('<section class="related"'):]
    assert "Nach Facebook-Übernahme: Demnächst mit WhatsApp telefonieren" in related[:800]


def site_bytes(out: Path) -> dict[Path, bytes]:
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_two_builds_are_byte_identical(config: Config):
    import shutil

    build(config)
    first = site_bytes(config.out)
    shutil.rmtree(config.out)
    build(config)
    assert site_bytes(config.out) == first


def test_bad_seed_is_reported_and_the_rest_builds(config: Config):
    (config.seeds / "kaputt.txt").write_bytes(b"GIF89a\x00\x01")
    (config.seeds / "leer.txt").write_text("Kommentare\n\nTeilen\n")
    report = build(config)
    assert report.articles == 4
    assert sorted(e.split(":")[0].rsplit("/", 1)[-1] for e in report.errors) == ["kaputt.txt", "leer.txt"]
