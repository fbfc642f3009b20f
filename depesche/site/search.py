"""Full-text search without a server: Pagefind indexes the finished site before it goes live."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path


ARTICLE_PAGES = "artikel/**/*.html"  # only articles are search results; lists would repeat them


class SearchIndexError(RuntimeError):
    """Pagefind failed on the site."""


def search_available() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def index_search(site: Path) -> None:
    """Write the search index to `site/pagefind/` (German stemming comes from the pages' lang="de")."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent", "--glob", ARTICLE_PAGES],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed: {(result.stderr or result.stdout).strip()[:500]}")
