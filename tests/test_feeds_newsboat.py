"""A real terminal feed reader, Debian's newsboat, subscribes over http to the feeds served on
127.0.0.1 (the topic feeds through the OPML file) and shows what the pages show."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest

from pages_tools import Served, page_facts, require, served  # noqa: F401


def newsboat(home: Path, *args: str) -> str:
    """Run newsboat with its own home, config, url list and cache below `home`."""
    require("newsboat (Debian package)", shutil.which("newsboat") is not None)
    (home / "config").touch()
    (home / "urls").touch()
    command = ["newsboat", "-u", str(home / "urls"), "-c", str(home / "cache.db"),
               "-C", str(home / "config"), *args]
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "XDG_DATA_HOME": str(home)}
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr
    return run.stdout


def cache(home: Path, query: str) -> list[tuple]:
    with sqlite3.connect(home / "cache.db") as db:
        return db.execute(query).fetchall()


@pytest.mark.parametrize("feed", ["feed.xml", "atom.xml"])
def test_newsboat_shows_the_site_feed_as_the_pages_do(served: Served, tmp_path: Path, feed: str) -> None:
    (tmp_path / "urls").write_text(served.base + feed + "\n", encoding="utf-8")
    assert newsboat(tmp_path, "-x", "reload", "print-unread").strip() == "4 unread articles"
    assert cache(tmp_path, "SELECT rssurl, url, title FROM rss_feed") == [(served.base + feed, served.base, "Depesche")]
    items = cache(tmp_path, "SELECT title, url, pubDate, author, guid FROM rss_item ORDER BY pubDate DESC")
    assert len(items) == 4 and len({i[4] for i in items}) == 4
    for title, url, published, author, guid in items:
        facts = page_facts(served.root, url, served.base)
        assert (title, url) == (facts.h1, facts.canonical)
        assert published == int(datetime.fromisoformat(facts.time).timestamp())
        assert guid.startswith("urn:uuid:")
    assert ("Marleen Frontzeck-Hornke",) in {(i[3],) for i in items}


def test_newsboat_subscribes_to_every_topic_through_the_opml(served: Served, tmp_path: Path) -> None:
    opml = tmp_path / "feeds.opml"
    with urllib.request.urlopen(served.base + "themen/feeds.opml", timeout=10) as response:
        opml.write_bytes(response.read())
    newsboat(tmp_path, "-i", str(opml))
    urls = (tmp_path / "urls").read_text(encoding="utf-8").split()
    topics = sorted(p.parent.name for p in served.root.glob("themen/*/feed.xml"))
    assert urls == [f"{served.base}themen/{t}/feed.xml" for t in topics]
    newsboat(tmp_path, "-x", "reload")
    feeds = dict(cache(tmp_path, "SELECT rssurl, title FROM rss_feed"))
    assert sorted(feeds) == sorted(urls) and all(t.startswith("Depesche: ") for t in feeds.values())
    items = cache(tmp_path, "SELECT title, url FROM rss_item")
    assert len(items) == 4  # each article once, whichever topic feeds carry it
    for title, url in items:
        assert title == page_facts(served.root, url, served.base).h1
