"""Score headline, publication date and author as the build takes them from a copied page.

usage: python benchmarks/metadata.py [BENCH] [--errors title|date|author] [--half study|check]
       python benchmarks/metadata.py --page FILE   (one copy's {"date", "author", "title"} as JSON,
                                                    for the bench's score.py --cmd on other sets)
  BENCH: the metadata bench folder (default ../shared/bench/metadata), holding dev/<id>.meta.json,
  dev/text/<id>.txt, score.py's match.py and naive.py.

Each page runs in this process through clean and enrich (a seed without sidecar, git or file
date, so a date only comes from the copy; a fallback counts as no date). It is counted as the
bench's score.py counts (its match.py is imported): date = exact day among pages whose date is
written in the copy (precision = right among pages given a date), author and headline among
pages where they are written; author precision = right among pages whose metadata names an
author and that we give one. The pages are split by site into a STUDY and a CHECK half
(a hash of the host name), so no site is in both; read failures only in the study half.
The naive baseline (the bench's naive.py: first line, first date, first "Von" line) is printed
beside each figure.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from depesche.clean.cleaner import clean  # noqa: E402
from depesche.enrich import enrich  # noqa: E402
from depesche.model import Seed  # noqa: E402
from depesche.read import normalise  # noqa: E402

BENCH_DEFAULT = "../shared/bench/metadata"
ZONE = ZoneInfo("Europe/Berlin")
FIELDS = ("title", "date", "author")


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(module)
    return module


def half_of(meta: dict) -> str:
    """STUDY or CHECK, by a hash of the page's host (all pages of a site fall in one half)."""
    host = (urlparse(meta.get("url") or "").hostname or meta["id"]).removeprefix("www.")
    return "study" if hashlib.sha256(host.encode()).digest()[0] % 2 == 0 else "check"


def ours(text: str, stem: str) -> dict:
    """What the build takes: headline, the day written in the copy (else None), author."""
    seed = Seed(path=f"{stem}.txt", stem=stem, text=normalise(text), metadata={"topics": []})
    cleaned = clean(seed.text)
    article, warnings = enrich(seed, cleaned, None, ZONE)
    fell_back = cleaned.dated is None
    return {"title": article.title, "author": article.author,
            "date": None if fell_back else article.published.date().isoformat()}


def hits(pred: dict, gold: dict, match) -> dict:
    titles = [t for t in (gold.get("title"), gold.get("title_h1")) if t]
    return {"title": any(match.title_match(pred["title"] or "", t) for t in titles),
            "date": bool(pred["date"]) and pred["date"] == gold.get("date"),
            "author": bool(gold.get("author")) and match.author_match(pred["author"], gold["author"])}


def counted(gold: dict, field: str) -> bool:
    if field == "date":
        return bool(gold.get("date")) and bool(gold.get("date_recoverable"))
    return bool(gold.get(f"{field}_recoverable"))


def figures(rows: list[dict], who: str) -> dict:
    out = {}
    for field in FIELDS:
        rs = [r for r in rows if counted(r["gold"], field)]
        out[field] = (sum(r[who]["hit"][field] for r in rs) / len(rs) if rs else 0.0, len(rs))
    dated = [r for r in rows if counted(r["gold"], "date") and r[who]["pred"]["date"]]
    out["prec"] = (sum(r[who]["hit"]["date"] for r in dated) / len(dated) if dated else 0.0, len(dated))
    named = [r for r in rows if r["gold"].get("author") and r[who]["pred"]["author"]]
    out["author_prec"] = (sum(r[who]["hit"]["author"] for r in named) / len(named) if named else 0.0, len(named))
    return out


def run(bench: Path) -> list[dict]:
    match = load_module(bench / "match.py", "match")
    naive = load_module(bench / "naive.py", "naive")
    rows = []
    for path in sorted((bench / "dev").glob("*.meta.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (bench / "dev" / "text" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        row = {"id": gold["id"], "gold": gold, "half": half_of(gold), "lang": gold.get("lang", "?")}
        for who, pred in (("ours", ours(text, gold["id"])), ("naive", naive.guess(text))):
            row[who] = {"pred": pred, "hit": hits(pred, gold, match)}
        rows.append(row)
    return rows


def table(rows: list[dict]) -> None:
    print("| half | lang | pages | headline (n) | date (n) | date precision (given) | author (n) "
          "| author precision (given, page names one) |")
    print("|---|---|---|---|---|---|---|---|")
    groups = [(h, lang) for h in ("study", "check", "all") for lang in sorted({r["lang"] for r in rows}) + ["all"]]
    for half, lang in groups:
        rs = [r for r in rows if half in ("all", r["half"]) and lang in ("all", r["lang"])]
        if not rs or (lang == "all" and len({r["lang"] for r in rows}) == 1):
            continue
        a, b = figures(rs, "ours"), figures(rs, "naive")
        cells = [f"{a[f][0]:.3f} / {b[f][0]:.3f} ({a[f][1]})" for f in ("title", "date")]
        cells.append(f"{a['prec'][0]:.3f} / {b['prec'][0]:.3f} ({a['prec'][1]})")
        cells.append(f"{a['author'][0]:.3f} / {b['author'][0]:.3f} ({a['author'][1]})")
        cells.append(f"{a['author_prec'][0]:.3f} / {b['author_prec'][0]:.3f} ({a['author_prec'][1]})")
        print(f"| {half} | {lang} | {len(rs)} | " + " | ".join(cells) + " |")
    print("(each cell: Depesche / naive baseline; n = pages counted)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench", nargs="?", default=BENCH_DEFAULT)
    ap.add_argument("--errors", choices=FIELDS, help="list our misses of one field")
    ap.add_argument("--half", choices=("study", "check"), default="study", help="whose misses --errors lists")
    ap.add_argument("--page", type=Path, help="print one copy's headline, date and author as JSON, and stop")
    args = ap.parse_args()
    if args.page:
        print(json.dumps(ours(args.page.read_text(encoding="utf-8"), args.page.stem), ensure_ascii=False))
        return
    rows = run(Path(args.bench))
    table(rows)
    if args.errors:
        f = args.errors
        print(f"\n{f} misses ({args.half} half): id | ours | gold")
        for r in rows:
            if r["half"] == args.half and counted(r["gold"], f) and not r["ours"]["hit"][f]:
                gold = r["gold"][f] if f != "title" else f"{r['gold']['title']} || h1: {r['gold']['title_h1']}"
                print(f"  {r['id'][:40]} | {r['ours']['pred'][f]!r:.80} | {gold!r:.100}")


if __name__ == "__main__":
    main()
