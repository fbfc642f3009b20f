"""Command line: build the site, or look at what the cleaner and tagger make of one file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from .config import ConfigError, load_config

CONFIG_FILE = Path("depesche.toml")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py",
        description="Depesche: turn raw news copy in seeds/ into a static news site with feeds.",
    )
    p.add_argument("--config", type=Path, default=CONFIG_FILE, help="settings file (default: depesche.toml)")
    p.add_argument("--seeds", type=Path, help="folder of raw article files (default: seeds)")
    p.add_argument("--out", type=Path, help="output folder (default: site)")
    p.add_argument("--base-url", help="URL the site is served from, e.g. https://user.github.io/repo/")
    commands = p.add_subparsers(dest="command", metavar="COMMAND")
    p.add_argument("--strict", action="store_true",
                   help="fail (exit 1) and leave the previous site untouched if any seed is skipped")
    commands.add_parser("build", help="build the site (the default)")
    clean = commands.add_parser("clean", help="print what the cleaner makes of one raw file")
    clean.add_argument("file", type=Path)
    view = clean.add_mutually_exclusive_group()
    view.add_argument("--markdown", action="store_true", help="print the Markdown document with front matter")
    view.add_argument("--explain", action="store_true", help="show every input line with its verdict and rule")
    tags = commands.add_parser("tags", help="print one file's topic tags, best first")
    tags.add_argument("file", type=Path)
    return p


WARNINGS_SHOWN_DEFAULT = 5  # of one kind; the rest are counted


def print_warnings(warnings: list[str]) -> None:
    """Every distinct warning, but at most a few files for each kind of warning."""
    by_kind: dict[str, list[str]] = {}
    for line in warnings:
        path, _, message = line.partition(": ")
        by_kind.setdefault(message, []).append(path)
    for message, paths in by_kind.items():
        for path in paths[:WARNINGS_SHOWN_DEFAULT]:
            print(f"warning: {path}: {message}", file=sys.stderr)
        if len(paths) > WARNINGS_SHOWN_DEFAULT:
            print(f"warning: … and {len(paths) - WARNINGS_SHOWN_DEFAULT} more files: {message}", file=sys.stderr)


def progress_bar(stage: str, done: int, total: int) -> None:
    """A one-line progress bar on a terminal (stderr), for long builds only."""
    width = 30
    filled = width * done // max(total, 1)
    end = "\n" if done >= total else ""
    print(f"\r{stage:>6} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end,
          file=sys.stderr, flush=True)


def run_build(config, strict: bool) -> int:
    from .pipeline import build
    from .topics import VocabularyError
    from .write import OutputError

    try:
        report = build(config, strict=strict, progress=progress_bar if sys.stderr.isatty() else None)
    except (OutputError, VocabularyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print_warnings(report.warnings)
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    skipped = len(report.errors)
    if not report.files:
        print(f"Nothing written: {skipped} files skipped and --strict given; {config.out}/ is unchanged.")
        return 1
    print(
        f"Built {report.articles} articles, {report.topics} topics: {report.files} files in {config.out}/ "
        f"({report.rendered} written, {report.files - report.rendered} unchanged); "
        f"skipped {skipped} files; {report.seconds:.2f} s."
    )
    return 0


def run_single(args, config) -> int:
    """`clean` and `tags`: one file through read, clean and enrich."""
    from . import report
    from .clean import clean
    from .enrich import enrich
    from .read import SeedError, git_dates, read_seed
    from .topics import load_vocabulary

    try:
        seed = read_seed(args.file, str(args.file), git_dates(args.file.parent))
    except SeedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    cleaned = clean(seed.text)
    if args.command == "clean" and not (args.markdown):
        print(report.explain(cleaned) if args.explain else report.plain_text(cleaned), end="")
        return 0
    article, _ = enrich(seed, cleaned, load_vocabulary(config.topics_file), ZoneInfo(config.timezone))
    if args.command == "tags":
        print("\n".join(t.name for t in article.topics))
    else:
        from .document import to_markdown

        print(to_markdown(article), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        config = load_config(args.config, seeds=args.seeds, out=args.out, base_url=args.base_url)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.command in ("clean", "tags"):
        return run_single(args, config)
    return run_build(config, args.strict)
