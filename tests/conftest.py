"""Shared fixtures: tiny factories for stage tests, and the seeds built into a temporary site."""
from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from depesche.config import Config
from depesche.model import Article, Block, Seed, Topic

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
BERLIN = timezone(timedelta(hours=1))
SUB_PATH_URL = "https://example.github.io/depesche/"
# Every element the templates use; nothing else may appear in a page, whatever the seed says.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "link", "style", "body", "a", "header", "nav", "ul", "li",
    "main", "footer", "p", "h1", "h2", "h3", "article", "section", "div", "time", "span", "script",
    "form", "label", "input", "button", "noscript",
}
ARTICLE_TEXT = (
    "Telekom und Konzern vereinbaren eine neue Partnerschaft\n\n"
    "Die Deutsche Telekom und der Konzern wollen künftig enger zusammenarbeiten, teilten beide mit.\n\n"
    "Der Konzern verspricht sich von der Partnerschaft mit der Telekom eine höhere Verbreitung im Land.\n"
)


def spy(monkeypatch, owner: object, name: str, note) -> list:
    """From now on, each call of `owner.name` adds `note(*args)` to the list returned; the real
    function still runs."""
    calls, real = [], getattr(owner, name)
    monkeypatch.setattr(owner, name, lambda *args: calls.append(note(*args)) or real(*args))
    return calls


def make_seed(text: str = "Ein Satz.", stem: str = "001_0123456789abcdef", **fields) -> Seed:
    return Seed(path=f"seeds/{stem}.txt", stem=stem, text=text, **fields)


def make_article(**fields) -> Article:
    when = datetime(2014, 2, 24, 9, 30, tzinfo=BERLIN)
    article = Article(
        id="0123456789abcdef", path="seeds/x.txt", title="Eine Überschrift", title_generated=False,
        kicker=None, author=None, blocks=(Block("paragraph", "Ein Absatz mit Text."),), credits=(),
        source=None, topics=(Topic("WhatsApp", "whatsapp"), Topic("Facebook", "facebook")),
        teaser="Ein Absatz mit Text.", published=when, updated=when, slug="eine-ueberschrift", words=4,
    )
    if "blocks" in fields and "words" not in fields:
        fields["words"] = sum(len(b.text.split()) for b in fields["blocks"])
    return replace(article, **fields)


def copy_seeds(target: Path) -> Path:
    """The repository's seeds, each with a sidecar giving it a fixed date."""
    target.mkdir(parents=True, exist_ok=True)
    for day, path in enumerate(sorted(SEEDS.glob("*.txt")), start=1):
        shutil.copy(path, target / path.name)
        (target / path.with_suffix(".toml").name).write_text(f"date = 2014-02-{day:02d}T09:30:00+01:00\n")
    return target


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


@pytest.fixture
def config(tmp_path: Path, seed_dir: Path) -> Config:
    return Config(seeds=seed_dir, out=tmp_path / "site", cache=tmp_path / ".depesche", base_url=SUB_PATH_URL,
                  topics_file=REPO / "topics.toml", search=False)


@pytest.fixture
def built(config: Config) -> Config:
    from depesche.build.pipeline import build

    report = build(config)
    assert report.errors == [] and report.articles == 4
    return config
