"""The build cache: what the last build made of each seed, and what each output was made from.

It lives beside the settings (`.depesche/build-cache`), never in the published site.
Each part is trusted only while what its stage reads is unchanged (fingerprints.py):
a template edit keeps every article, a vocabulary edit keeps what the cleaner made;
what it says of the site's files holds only for the folder it was written for. A
missing, corrupt or foreign cache means a full build, never a wrong site.
"""
from __future__ import annotations

import gc
import os
import pickle
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

from ..model import Article, RawSeed, Topic
from ..read import SeedFile
from ..site.plan import Output
from ..site.related import Layout, Related, updated_related
from ..site.render import CompiledTemplates
from .delta import SiteState
from .fingerprints import CACHE_FORMAT, digest, output_stage

CACHE_FILE = "build-cache"
SHARD_DIGITS = 2  # results are pickled in 256 shards by their key's first two hex digits


@dataclass(frozen=True)
class Processed:
    """What one seed became: its article, its body as HTML, the warnings on the way, and what
    the cleaner made of it (so that a new vocabulary re-tags it without cleaning it again).

    A build holds every article at once, so the article keeps no blocks and the
    body and the cleaner's parts are kept compressed (10,000 bodies: 12 MB instead of 45).
    """

    article: Article
    body: bytes  # the body's HTML, zlib-compressed
    warnings: tuple[str, ...] = ()
    proper_nouns: tuple[tuple[str, bool], ...] = ()  # HanTa's verdicts made for it, so rebuilds need not load HanTa
    cleaned: bytes = b""  # the cleaner's parts without its line verdicts, pickled and compressed

    @classmethod
    def of(cls, article: Article, body_html: str, warnings: tuple[str, ...] = (),
           proper_nouns: tuple[tuple[str, bool], ...] = (), cleaned: bytes = b"") -> Processed:
        return cls(replace(article, blocks=()), zlib.compress(body_html.encode("utf-8"), 1), warnings,
                   proper_nouns, cleaned)

    @property
    def body_html(self) -> str:
        return zlib.decompress(self.body).decode("utf-8")


def share_topics(made: Iterable[Processed | str]) -> list[Processed | str]:
    """The results with one `Topic` object per topic, so that each shard of the cache stores and
    loads each of its topics once."""
    shared: dict[Topic, Topic] = {}
    return [result if isinstance(result, str) else
            replace(result, article=replace(result.article,
                                            topics=tuple(shared.setdefault(t, t) for t in result.article.topics)))
            for result in made]


@dataclass(frozen=True)
class BuildCache:
    stages: dict[str, str] = field(default_factory=dict)  # stage -> fingerprint of what it read
    processed: dict[str, Processed] = field(default_factory=dict)  # seed key -> result
    outputs: dict[str, tuple | None] = field(default_factory=dict)  # output path -> fingerprint (None: not trusted)
    cards: dict[str, str] = field(default_factory=dict)  # article digest -> card HTML
    signatures: dict[str, tuple] = field(default_factory=dict)  # seed name -> (its signature, its key)
    related: tuple[Layout, Related] = ((), {})  # the articles' order and topics, and the related articles chosen
    templates: dict[str, bytes] = field(default_factory=dict)  # Jinja2's compiled templates
    shelf: dict[str, Shard] = field(default_factory=dict)  # `processed` as the cache file holds it
    site: str = ""  # the output folder that `outputs` describes
    format: int = CACHE_FORMAT
    cleaned: dict[str, bytes] = field(default_factory=dict)  # seed key -> cleaner's parts, when `processed` is not trusted
    verdicts: tuple[tuple[str, bool], ...] = ()  # HanTa's verdicts that no result in `processed` carries
    state: SiteState | None = None  # the collated and planned site, while every stage reads what it read


Shard = tuple[frozenset[str], bytes]  # the seed keys of one shard, and its results pickled


def shelve(processed: Mapping[str, Processed], known: Mapping[str, Shard]) -> dict[str, Shard]:
    """The results pickled in shards; a shard with the same keys as one the cache held keeps its bytes
    (a build takes every key the cache knows from it unchanged), so a rebuild after one edit pickles a
    shard or two, not 10,000 results."""
    shards: dict[str, dict[str, Processed]] = {}
    for key, result in processed.items():
        shards.setdefault(key[:SHARD_DIGITS], {})[key] = result
    shelf = {}
    for prefix, shard in shards.items():
        keys = frozenset(shard)
        old = known.get(prefix)
        shelf[prefix] = old if old and old[0] == keys else (keys, pickle.dumps(shard, pickle.HIGHEST_PROTOCOL))
    return shelf


def unshelve(shelf: Mapping[str, Shard]) -> dict[str, Processed]:
    processed: dict[str, Processed] = {}
    for _, pickled in shelf.values():
        processed.update(pickle.loads(pickled))
    return processed


def seed_key(raw: RawSeed) -> str:
    """The cache key of a seed: its bytes, its sidecar, its dates and its name. The file's time
    counts only without git dates: with them it is never the article's date (enrich.article_dates),
    and a fresh clone (a Pages deploy with the cache restored) gives every file a new one."""
    in_git = raw.added is not None and raw.changed is not None
    return digest(raw.path, raw.stem, raw.data, raw.sidecar, raw.added, raw.changed, None if in_git else raw.modified)


def trusted_parts(cache: BuildCache, stages: dict[str, str]) -> BuildCache:
    """The parts of `cache` whose stage read the same as this build's will. Outputs name their
    articles by seed key, slug and topics, and only the topics depend on the vocabulary, so
    they stay with the templates and settings, whatever became of the articles."""
    same = {stage for stage, fingerprint in stages.items() if cache.stages.get(stage) == fingerprint}
    results = (cache.processed or unshelve(cache.shelf)) if "clean" in same else {}
    outputs = {path: f if f and output_stage(f[0]) in same else None for path, f in cache.outputs.items()}
    kept = replace(cache, stages=stages, outputs=outputs, cards=cache.cards if "cards" in same else {},
                   state=cache.state if same == set(stages) else None)
    if "article" in same:
        return replace(kept, processed=results)
    verdicts_hold = "words" in same  # HanTa's verdicts depend on the tagger's code, not on the vocabulary
    return replace(kept, shelf={}, cleaned={key: result.cleaned for key, result in results.items()},
                   verdicts=tuple(chain(cache.verdicts, *(r.proper_nouns for r in results.values())))
                   if verdicts_hold else ())


def load_cache(folder: Path, stages: dict[str, str]) -> BuildCache:
    """The previous build's cache with the parts that still hold; an empty one if it cannot be trusted."""
    path = folder / CACHE_FILE
    try:
        cache = pickle.loads(path.read_bytes())
        if not isinstance(cache, BuildCache) or cache.format != CACHE_FORMAT:
            return BuildCache(stages)
        return trusted_parts(cache, stages)
    except Exception:  # noqa: BLE001 - any damage to the cache only costs a full build
        return BuildCache(stages)


@contextmanager
def loaded_cache(folder: Path, stages: dict[str, str]) -> Iterator[BuildCache]:
    """The previous build's cache, kept out of the cycle collector's sight while the build runs.

    At 10,000 articles it is some 100,000 objects without cycles; the collector
    scanning them while they are made and again on every full pass only costs time.
    """
    gc.disable()
    try:
        cache = load_cache(folder, stages)
    finally:
        gc.enable()
    gc.freeze()
    try:
        yield cache
    finally:
        gc.unfreeze()


def shelved(cache: BuildCache, previous: Mapping[str, Shard]) -> BuildCache:
    """The cache with its results pickled in shards; those whose keys the `previous` shelf held keep their bytes."""
    return replace(cache, shelf=shelve(cache.processed, previous))


def dump_cache(cache: BuildCache) -> bytes:
    """The bytes of a shelved cache, as the file holds it."""
    return pickle.dumps(replace(cache, processed={}, cleaned={}), protocol=pickle.HIGHEST_PROTOCOL)


class Reuse:
    """All that the stages ask of the cache: what this build may take from the last one, and what it
    leaves for the next. An answer holds only for the inputs the last build had: the same seed
    signature, result key, card digest, or output fingerprint with its file still there."""

    def __init__(self, last: BuildCache, site: str):
        trusted = last.site == site and os.path.isdir(site)  # not another folder's files, nor deleted ones
        self.last = last if trusted else replace(last, outputs={}, state=None)
        self.site = site
        self.templates = CompiledTemplates(last.templates)  # Jinja2 adds what this build compiles
        self.cards: dict[str, str] = {}  # article digest -> card HTML, as this build made or reused them
        self.related_state: tuple[Layout, Related] = ((), {})

    def last_keys(self) -> dict[str, str]:
        """Seed name -> the key the last build gave it."""
        return {name: key for name, (_, key) in self.last.signatures.items()}

    def seed_key(self, file: SeedFile) -> str | None:
        """The key the last build gave this seed, if its file and sidecar are unchanged (it need not be read)."""
        signature, key = self.last.signatures.get(file.shown, (None, None))
        return key if signature == file.signature and key in self.last.processed else None

    def result(self, key: str) -> Processed | None:
        return self.last.processed.get(key)

    def cleaned(self) -> dict[str, bytes]:
        """Seed key -> what the cleaner made of it, when the last build's articles cannot be reused."""
        return self.last.cleaned

    def proper_nouns(self) -> Iterator[tuple[tuple[str, bool], ...]]:
        """HanTa's verdicts that the last build's results carry."""
        return chain((known.proper_nouns for known in self.last.processed.values()), [self.last.verdicts])

    def card(self, article_digest: str, make: Callable[[], str]) -> str:
        html = self.cards[article_digest] = self.last.cards.get(article_digest) or make()
        return html

    def related(self, layout: Layout | None) -> Related:
        """The related articles for `layout`, chosen anew only where order or topics changed;
        the last build's for None (its order and topics are kept)."""
        related = updated_related(*self.last.related, layout) if layout is not None else self.last.related[1]
        self.related_state = (layout, related) if layout is not None else self.last.related
        return related

    def unchanged(self, outputs: Sequence[Output], out: Path) -> set[str]:
        """Outputs whose fingerprint is unchanged and whose file is still there."""
        folder = os.path.join(out, "")
        return {o.path for o in outputs
                if self.last.outputs.get(o.path) == o.fingerprint and os.path.isfile(folder + o.path)}

    def removed(self, outputs: Mapping[str, tuple]) -> set[str] | None:
        """The last site's files that are no outputs any more; None if there is no last site to update."""
        return self.last.outputs.keys() - outputs.keys() if self.last.outputs else None

    def next_cache(self, results: dict[str, Processed], files: Sequence[SeedFile], keys: Mapping[str, str],
                   outputs: dict[str, tuple], state: SiteState) -> BuildCache:
        """The next build's cache, shelved (made after the outputs are written, so that its 30 MB
        at 10,000 articles are not held while they render); `outputs` are the fingerprints by path."""
        cache = BuildCache(self.last.stages, results, outputs, self.cards,
                           {f.shown: (f.signature, keys[f.shown]) for f in files if f.shown in keys},
                           self.related_state, self.templates.known, site=self.site,
                           verdicts=self.verdicts_kept(results), state=state)
        return shelved(cache, self.last.shelf)

    def verdicts_kept(self, results: Mapping[str, Processed]) -> tuple[tuple[str, bool], ...]:
        """HanTa's verdicts carried by results this build dropped (an edited seed's last version):
        its next version asked HanTa nothing it knew, so without them the edit after would load it."""
        kept = dict(self.last.verdicts)
        for key, known in self.last.processed.items():
            if key not in results:
                kept.update(known.proper_nouns)
        return tuple(kept.items())
