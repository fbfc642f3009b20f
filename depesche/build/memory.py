"""Where a build finds the last build's cache: in its file, or, for a process that builds again
and again (`serve`), in memory, where the last build left it.

Kept in memory, the cache is neither read nor unpickled again, and its file is written
after the site (`save`), so that an open page shows an edit before the cache is on disk.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Config
from ..read import list_seeds
from .cache import BuildCache, Reuse, loaded_cache, trusted_parts
from .fingerprints import stage_fingerprints
from .listing import Listing, relisted, scanned


class KeptCache:
    """The last build's cache, and the writing of its file if that is still to be done."""

    def __init__(self) -> None:
        self.cache: BuildCache | None = None
        self.unsaved: Callable[[], None] | None = None
        self.listing: Listing | None = None  # the seeds folder as the last build listed it
        self.changes: set[str] | None = None  # paths changed since, while a file watcher reports them

    def seen(self, changed: Iterable[str]) -> None:
        """Paths a file watcher reports changed. A build listed after the watcher's first report
        knows of every change since its listing, so the next build patches that listing."""
        self.changes = set(changed) if self.changes is None else self.changes | set(changed)

    def seeds(self, folder: Path) -> Listing:
        """The seeds folder: the last listing patched with the reported changes where that is sure, else a scan."""
        if self.changes is None:  # not watched: nothing to patch later, so no git dates nor symlinks to note
            return Listing(*list_seeds(folder), {}, True)
        listing = self.listing and relisted(folder, self.listing, self.changes)
        return listing or scanned(folder)

    def hold(self, cache: BuildCache, save: Callable[[], None], listing: Listing) -> None:
        self.save()
        self.cache, self.unsaved = cache, save
        self.listing = listing if self.changes is not None else None  # only a watched folder can be patched
        self.changes = set() if self.changes is not None else None

    def save(self) -> None:
        """Write the cache's file, if the last build has not."""
        if self.unsaved is not None:
            self.unsaved()
            self.unsaved = None

    def forget(self) -> None:
        """After a failed build: what the site folder holds is no longer known, nor is the cache file there."""
        self.cache, self.unsaved, self.listing = None, None, None


@contextmanager
def reuse_from(config: Config, kept: KeptCache | None = None) -> Iterator[Reuse]:
    """What the last build left (in memory if `kept` holds it, else in `config.cache`) that this build may reuse."""
    site, stages = str(config.out.resolve()), stage_fingerprints(config)
    if kept is not None and kept.cache is not None:
        gc.freeze()  # as loaded_cache does: the collector need not scan the kept cache while the build runs
        try:
            same = kept.cache.stages == stages  # then all of it holds: its 14,000 outputs need not be copied
            yield Reuse(kept.cache if same else trusted_parts(kept.cache, stages), site)
        finally:
            gc.unfreeze()
        return
    with loaded_cache(config.cache, stages) as cache:
        yield Reuse(cache, site)
