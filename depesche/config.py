"""Site configuration: one frozen dataclass, loaded from `depesche.toml`."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit


class ConfigError(ValueError):
    """A configuration file or option that cannot be used."""


@dataclass(frozen=True)
class Config:
    title: str = "Depesche"
    description: str = "Nachrichten aus Technik und Wirtschaft"
    base_url: str = "http://127.0.0.1:8000/"
    language: str = "de"
    timezone: str = "Europe/Berlin"
    author: str = "Depesche-Redaktion"
    feed_items: int = 50
    search: bool = True  # index the site with Pagefind when it is installed
    seeds: Path = Path("seeds")
    out: Path = Path("site")
    templates: Path = Path(__file__).resolve().parent.parent / "templates"
    topics_file: Path = Path("topics.toml")
    cache: Path = Path(".depesche")  # the build cache: beside the settings file, never in the site

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, e.g. "/repo/"."""
        return urlsplit(self.base_url).path

    def url(self, path: str) -> str:
        """Absolute URL of a site-relative path."""
        return self.base_url + path.lstrip("/")

    def href(self, path: str) -> str:
        """Path-absolute link to a site-relative path; works under a sub-path."""
        return self.base_path + path.lstrip("/")


def normalise_base_url(url: str) -> str:
    """Return the base URL with a trailing slash; refuse what is no http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"base URL must be an http(s) URL, got {url!r}")
    if parts.query or parts.fragment:
        raise ConfigError(f"base URL must not have a query or fragment: {url!r}")
    return url if url.endswith("/") else url + "/"


PATH_KEYS = {"seeds", "out", "templates", "topics_file"}
INTERNAL_KEYS = {"cache"}  # set from where the settings file is, not in it


def load_config(path: Path, **overrides: object) -> Config:
    """Read `path` (if it exists), apply command-line overrides, and validate.

    Relative paths, given in the file or left at their defaults, are taken from the
    folder of the settings file, so a build started from another folder makes the
    same site; paths given on the command line are taken from the current folder.
    """
    base = path.parent
    values: dict[str, object] = {key: base / getattr(Config, key) for key in ("seeds", "out", "topics_file")}
    values["cache"] = base / Config.cache
    if path.exists():
        try:
            written = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: {error}") from None
    else:
        written = {}
    known = {f.name: f for f in fields(Config) if f.name not in INTERNAL_KEYS}
    for key, value in written.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        expected = known[key].type
        if key in PATH_KEYS:
            if not isinstance(value, str):
                raise ConfigError(f"{path}: {key} must be a string")
            written[key] = base / value
        elif expected == "int" and (not isinstance(value, int) or isinstance(value, bool)):
            raise ConfigError(f"{path}: {key} must be a whole number")
        elif expected == "bool" and not isinstance(value, bool):
            raise ConfigError(f"{path}: {key} must be true or false")
        elif expected == "str" and not isinstance(value, str):
            raise ConfigError(f"{path}: {key} must be a string")
    values.update(written)
    values.update({k: v for k, v in overrides.items() if v is not None})
    config = replace(Config(), **values)
    if config.feed_items < 1:
        raise ConfigError(f"{path}: feed_items must be at least 1")
    return replace(config, base_url=normalise_base_url(config.base_url))
