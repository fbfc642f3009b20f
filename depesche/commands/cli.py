"""Command line: build the site, or look at what the cleaner and tagger make of one file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from ..config import ConfigError, load_config

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
    detail = p.add_mutually_exclusive_group()
    detail.add_argument("-v", "--verbose", action="store_true", help="show every warning and what was reused")
    detail.add_argument("-q", "--quiet", action="store_true", help="show only errors")
    p.add_argument("--no-search", action="store_true",
                   help="skip the full-text search index (faster builds of very large sites)")
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
    new = commands.add_parser("new", help="create a seed with a sidecar holding today's date")
    new.add_argument("headline")
    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1, rebuild and reload on change")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    commands.add_parser("check", help="check the built site's internal links and feeds (for CI before a deploy)")
    return p


WARNINGS_SHOWN_DEFAULT = 5  # of one kind; the rest are counted


def print_warnings(warnings: list[str], verbose: bool) -> None:
    """Every distinct warning, but (unless verbose) at most a few files for each kind of warning,
    and for a kind that most files of an archive may share (no date of their own) only their number."""
    from ..enrich import FALLBACK_DATE_WARNING

    if verbose:
        for line in warnings:
            print(f"warning: {line}", file=sys.stderr)
        return
    by_kind: dict[str, list[str]] = {}
    for line in warnings:
        path, _, message = line.partition(": ")
        by_kind.setdefault(message, []).append(path)
    for message, paths in by_kind.items():
        if message == FALLBACK_DATE_WARNING:
            print(f"warning: {len(paths)} files: {message}", file=sys.stderr)
            continue
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


def run_build(config, strict: bool, verbosity: int = 0) -> int:
    from ..build.pipeline import build
    from ..build.write import OutputError
    from ..read import SeedError
    from ..topics.vocab import VocabularyError

    try:
        show_progress = verbosity >= 0 and sys.stderr.isatty()
        report = build(config, strict=strict, progress=progress_bar if show_progress else None)
    except (OutputError, VocabularyError, SeedError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if verbosity >= 0:
        print_warnings(report.warnings, verbose=verbosity > 0)
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    skipped = len(report.errors)
    if not report.files:
        print(f"Nothing written: {skipped} files skipped and --strict given; {config.out}/ is unchanged.")
        return 1
    if verbosity < 0:
        return 0
    if verbosity > 0:
        print(f"Seeds: {report.processed} cleaned and tagged, {report.articles - report.processed} from the cache.")
    print(
        f"Built {report.articles} articles, {report.topics} topics: {report.files} files in {config.out}/ "
        f"({report.rendered} written, {report.files - report.rendered} unchanged); "
        f"skipped {skipped} files; {report.seconds:.2f} s."
    )
    return 0


def run_new(headline: str, config) -> int:
    from datetime import datetime

    from .new import new_seed

    try:
        stem, text, sidecar = new_seed(headline, datetime.now(ZoneInfo(config.timezone)).replace(microsecond=0))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    seed, meta = config.seeds / f"{stem}.txt", config.seeds / f"{stem}.toml"
    config.seeds.mkdir(parents=True, exist_ok=True)
    for path, content in ((seed, text), (meta, sidecar)):
        with path.open("x", encoding="utf-8") as f:  # never overwrite
            f.write(content)
    print(f"Created {seed} (write the article below the headline) and {meta}.")
    return 0


def run_check(config) -> int:
    from .check import check_site
    from ..build.pipeline import unsure_articles

    for line in unsure_articles(config):  # worth a look, not a reason to stop a deploy
        print(f"note: {line}", file=sys.stderr)
    problems = check_site(config.out, config.base_url)
    for problem in problems:
        print(f"error: {config.out}/{problem}" if not problem.startswith(str(config.out)) else f"error: {problem}",
              file=sys.stderr)
    print(f"Checked {config.out}/: {len(problems)} problems.")
    return 1 if problems else 0


def run_single(args, config) -> int:
    """`clean` and `tags`: one file through read, clean and enrich."""
    from ..clean import report
    from ..clean.cleaner import clean
    from ..enrich import enrich
    from ..read import SeedError, git_dates, read_seed
    from ..topics.vocab import VocabularyError, load_vocabulary

    try:
        history = git_dates(args.file.parent) if getattr(args, "markdown", False) else {}  # only dates need git
        seed = read_seed(args.file, str(args.file), history)
    except SeedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    cleaned = clean(seed.text)
    if args.command == "clean" and args.explain:
        print(report.explain(cleaned), end="")
        return 0
    if args.command == "clean" and not args.markdown:
        from dataclasses import replace

        from ..enrich import headline_from_text

        paragraphs = [b.text for b in cleaned.blocks if b.role == "paragraph"]
        print(report.plain_text(replace(cleaned, title=cleaned.title or headline_from_text(paragraphs))), end="")
        return 0
    try:
        vocabulary = load_vocabulary(config.topics_file)
    except VocabularyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    article, _ = enrich(seed, cleaned, vocabulary, ZoneInfo(config.timezone))
    if args.command == "tags":
        print("\n".join(t.name for t in article.topics))
    else:
        from ..site.document import to_markdown

        print(to_markdown(article), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        config = load_config(args.config, seeds=args.seeds, out=args.out, base_url=args.base_url,
                             search=False if args.no_search else None)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.command in ("clean", "tags"):
        return run_single(args, config)
    if args.command == "new":
        return run_new(args.headline, config)
    if args.command == "check":
        return run_check(config)
    if args.command == "serve":
        from .serve import serve

        serve(config, args.host, args.port, say=lambda line: print(line, flush=True))
        return 0
    return run_build(config, args.strict, verbosity=-1 if args.quiet else 1 if args.verbose else 0)
