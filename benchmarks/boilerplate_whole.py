"""The cleaner on the whole-text gold of ../shared/bench/boilerplate2 (eleven languages, eight sources).

Word-level precision, recall and F1 as that set's score.py counts them (its `tokens.prf`
is imported), for a study half and a check half split by site (by page where a source
has no URLs), by language and by source, beside jusText run on the same copy lines with
the stoplist of the page's language. Also: how many pages the cleaner warns about,
among those it got wrong (F1 < .5) and among the others.
Nothing in the cleaner is fitted to these pages; study and check are both held out.
"""
from __future__ import annotations

import html
import importlib.util
import json
import statistics
import time
import zlib
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

from depesche.clean.cleaner import clean
from depesche.clean.report import plain_text
from depesche.read import normalise

JUSTEXT_LANGUAGES = {  # the gold's language code -> jusText's stoplist name
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "ru": "Russian", "hr": "Croatian", "cs": "Czech", "id": "Indonesian", "ko": "Korean", "pcm": "English",
}
BAD_F1 = 0.5


def load_prf(bench: Path):
    """The set's own word-level scorer (tokens.prf)."""
    spec = importlib.util.spec_from_file_location("bench_tokens", bench / "tokens.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.prf


def half_of(key: str) -> str:
    """'study' or 'check', the same for every page of one site, stable across runs and machines."""
    return "study" if zlib.crc32(key.encode("utf-8")) % 2 == 0 else "check"


def site_key(meta: dict) -> str:
    host = urlparse(meta.get("url") or "").hostname
    return host.removeprefix("www.") if host else meta["id"]


def load_pages(bench: Path, subset: str) -> list[dict]:
    pages = []
    for txt in sorted((bench / subset).glob("*.txt")):
        if txt.name.endswith(".gold.txt"):
            continue
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        pages.append({"id": txt.stem, "meta": meta, "half": half_of(site_key(meta)),
                      "text": normalise(txt.read_text(encoding="utf-8")),
                      "gold": txt.with_name(txt.stem + ".gold.txt").read_text(encoding="utf-8")})
    return pages


def justext_text(text: str, lang: str) -> str:
    """jusText on the copy lines (one paragraph per line), with the stoplist of the page's language."""
    import justext

    stoplist = justext.get_stoplist(JUSTEXT_LANGUAGES.get(lang, "English"))
    markup = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line) + "</body></html>"
    return "\n".join(p.text for p in justext.justext(markup.encode("utf-8"), stoplist, encoding="utf-8")
                     if not p.is_boilerplate)


def score_pages(pages: list[dict], prf, with_justext: bool) -> tuple[list[dict], list[float]]:
    rows, times = [], []
    for page in pages:
        start = time.process_time()
        cleaned = clean(page["text"])
        times.append(time.process_time() - start)
        p, r, f = prf(plain_text(cleaned) if cleaned.blocks else "", page["gold"])
        row = {"id": page["id"], "half": page["half"], "lang": page["meta"]["lang"],
               "source": page["meta"]["source"], "p": p, "r": r, "f1": f, "doubts": cleaned.doubts,
               "text": page["text"]}
        if with_justext:
            row["jt"] = prf(justext_text(page["text"], row["lang"]), page["gold"])[2]
        rows.append(row)
    return rows, times


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def row_line(name: str, rows: list[dict]) -> str:
    jt = f"{mean([r['jt'] for r in rows]):>8.3f}" if rows and "jt" in rows[0] else ""
    return (f"  {name:<20}{len(rows):>5}{mean([r['f1'] for r in rows]):>8.3f}{mean([r['p'] for r in rows]):>7.3f}"
            f"{mean([r['r'] for r in rows]):>7.3f}{sum(r['f1'] < BAD_F1 for r in rows):>7}{jt}")


def warned_share(rows: list[dict]) -> str:
    bad = [r for r in rows if r["f1"] < BAD_F1]
    good = [r for r in rows if r["f1"] >= BAD_F1]
    return (f"warned: {sum(bool(r['doubts']) for r in bad)}/{len(bad)} of pages with F1 < {BAD_F1} "
            f"({100 * mean([bool(r['doubts']) for r in bad]):.0f} %), {sum(bool(r['doubts']) for r in good)}/"
            f"{len(good)} of the others ({100 * mean([bool(r['doubts']) for r in good]):.0f} %)")


def report(rows: list[dict], times: list[float], worst: int) -> None:
    head = f"  {'':<20}{'n':>5}{'F1':>8}{'P':>7}{'R':>7}{'F1<.5':>7}" + ("  jusText" if "jt" in rows[0] else "")
    for half in ("study", "check", "all"):
        part = [r for r in rows if half in ("all", r["half"])]
        print(f"{half} half" if half != "all" else "both halves", "(boilerplate2)")
        print(head)
        print(row_line("all", part))
        print(row_line("non-English", [r for r in part if r["lang"] != "en"]))
        print(row_line("neither en nor de", [r for r in part if r["lang"] not in ("en", "de")]))
        groups = defaultdict(list)
        for r in part:
            groups[f"lang {r['lang']}"].append(r)
        for r in part:
            groups[f"src {r['source']}"].append(r)
        for name in sorted(groups):
            print(row_line(name, groups[name]))
        print("  " + warned_share(part))
    print(f"CPU time per page: mean {1000 * mean(times):.2f} ms, median {1000 * statistics.median(times):.2f} ms")
    print(f"worst {worst} pages of the study half (read only these):")
    for r in sorted((r for r in rows if r["half"] == "study"), key=lambda r: r["f1"])[:worst]:
        print(f"  {r['f1']:.3f} P {r['p']:.3f} R {r['r']:.3f}  {r['id']} ({r['lang']}) {', '.join(r['doubts'])}")


def run(bench: Path, subset: str, worst: int, with_justext: bool) -> list[dict]:
    pages = load_pages(bench, subset)
    rows, times = score_pages(pages, load_prf(bench), with_justext)
    report(rows, times, worst)
    return rows
