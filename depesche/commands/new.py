"""`build.py new "Headline"`: a new seed with a sidecar holding its date, for writers starting from scratch."""
from __future__ import annotations

from datetime import datetime

from ..build.cache import digest
from ..enrich import make_slug

SLUG_CHARS_DEFAULT = 60


def new_seed(headline: str, now: datetime) -> tuple[str, str, str]:
    """(file stem, seed text, sidecar text) for a new article; the stem ends in a fresh id."""
    headline = " ".join(headline.split())
    if not headline:
        raise ValueError("the headline is empty")
    slug = make_slug(headline)[:SLUG_CHARS_DEFAULT].rstrip("-")
    stem = f"{slug}_{digest(headline, now.isoformat())[:16]}"
    sidecar = f"# Metadata of {stem}.txt (see README: Metadata)\ndate = {now.isoformat(timespec='seconds')}\n"
    return stem, f"{headline}\n\n", sidecar
