"""Tagging benchmark: publisher tags vs ours on the shared dev set, with cross-validation.

usage: python benchmarks/tagging.py [--data ../shared/bench/tagging] [--folds 5] [--no-cli] [--headline] [--fit]
                                   [--draw TEXT] [--dump DIR] [--corpus DIR ...]

1. Runs the shared scorer on `python build.py tags {file}` (the tagger as shipped).
2. Times the tagger in-process (ms/article, models loaded once).
3. Scores the shipped weights (in-sample: they were fitted on this dev set), then
   cross-validates the fitting: for each fold (grouped by the article's web site) fits
   the weights and cut-off on the other folds and scores the held-out one.
   --fit prints weights and calibration fitted on all articles, for WEIGHTS_DEFAULT and
   CALIBRATION_DEFAULT in depesche/topics/settings.py (shipped ones are
   fitted with --headline: each file's first line is its headline, which the ranking
   should learn from whether or not the cleaner finds it).
4. Splits the sites into a STUDY half and a CHECK half (by a hash of the site's name):
   read failures only on the study half; a change is kept only if the check half, scored
   with settings fitted on the study half, moves too. --dump DIR writes each half's tags.
5. --corpus DIR (any number, e.g. made by the perf bench's `gen_corpus.py 1000 DIR`):
   tags every seed there as the build does and counts the topics the site would get and
   how many of them gather a single article.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import subprocess
import sys
import time
import zlib
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from depesche.clean.cleaner import clean  # noqa: E402
from depesche.enrich import enrich, headline_from_text  # noqa: E402
from depesche.read import read_seed  # noqa: E402
from depesche.topics.extract import extract_topics  # noqa: E402
from depesche.topics.mentions import mentions  # noqa: E402
from depesche.topics.settings import FEATURES, MAX_TOPICS_DEFAULT, Settings  # noqa: E402
from depesche.topics.vocab import load_vocabulary  # noqa: E402
from depesche.topics.choose import choose, ranked  # noqa: E402
from depesche.topics.rank import candidates, scores  # noqa: E402

DATA_DEFAULT = ROOT.parent / "shared" / "bench" / "tagging"
FOLDS_DEFAULT = 5
L2_DEFAULT = 1.0
NEWTON_STEPS_DEFAULT = 12
PAIR_POOL_DEFAULT = 30  # leading candidates per article whose order the ranking learns
EXPECTED_TAGS_OPTIONS = (3, 4, 5)
MIN_PROBABILITY_OPTIONS = (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
HALVES = ("study", "check")
CALIBRATION_L2_DEFAULT = 0.1


def load_scorer(data: Path):
    """The shared score.py as a module, for its exact matching rule."""
    spec = importlib.util.spec_from_file_location("score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_cases(data: Path, headline: bool = False) -> list[dict]:
    """Each dev article cleaned as `build.py tags` cleans it, with its gold tags and site.

    With `headline`, the file's own first line is the title (the cleaner often drops it).
    """
    cases = []
    for gold_file in sorted((data / "dev").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text_file = gold_file.with_suffix(".txt")
        cleaned = clean(read_seed(text_file, text_file.name, {}).text)
        blocks = [b.text for b in cleaned.blocks]
        paragraphs = [b.text for b in cleaned.blocks if b.role == "paragraph"]
        title = cleaned.title if cleaned.title is not None else headline_from_text(paragraphs)
        if headline:
            title = text_file.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        cases.append({"id": gold_file.stem, "title": title, "blocks": blocks, "gold": gold["gold_tags"],
                      "site": urlparse(gold["url"]).netloc + (gold_file.stem if "archive" in gold["url"] else "")})
    return cases


def run_cli(data: Path, jobs: int) -> None:
    command = [sys.executable, str(data / "score.py"), "--data", str(data / "dev"), "-j", str(jobs),
               "--cmd", f"{sys.executable} build.py tags {{file}}"]
    print("$ " + " ".join(command[1:]), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def timing(cases: list[dict], vocabulary) -> None:
    """Model loading once, then the per-article cost of the whole tagger."""
    start = time.perf_counter()
    extract_topics("Facebook kauft WhatsApp", ["Der Messenger WhatsApp gehört zu Facebook."], vocabulary)
    loaded = time.perf_counter()
    for case in cases:
        extract_topics(case["title"], case["blocks"], vocabulary)
    done = time.perf_counter()
    for case in cases:
        extract_topics(case["title"], case["blocks"], vocabulary)
    again = time.perf_counter()
    print(f"models loaded in {loaded - start:.2f} s; {1000 * (done - loaded) / len(cases):.1f} ms/article "
          f"over {len(cases)} articles with cold word caches, {1000 * (again - done) / len(cases):.1f} warm")


def scored_tables(tables: list, weights: tuple[float, ...]) -> list[list[tuple[float, str]]]:
    return [scores(table, weights) for table in tables]


def evaluate(scorer, scored: list, cases: list[dict], settings: Settings, k: int = 5):
    """Mean (P, R, F1)@k over the cases, choosing from each case's scored candidates."""
    rows = [scorer.prf(choose(s, settings), case["gold"], k) for s, case in zip(scored, cases)]
    return tuple(sum(r[i] for r in rows) / max(1, len(rows)) for i in range(3))


def f_half(scorer, scored: list, cases: list[dict], settings: Settings, k: int = 5) -> float:
    """Mean F0.5@k over the cases: precision counts twice as much as recall."""
    rows = [scorer.prf(choose(s, settings), case["gold"], k) for s, case in zip(scored, cases)]
    return sum(1.25 * p * r / (0.25 * p + r) if p + r else 0.0 for p, r, _ in rows) / max(1, len(rows))


def logistic(x, y, l2: float = L2_DEFAULT):
    """Logistic regression by Newton steps, L2 on all but the first (bias) column."""
    import numpy as np

    w = np.zeros(x.shape[1])
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(NEWTON_STEPS_DEFAULT):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w


def ranking_pairs(articles: list, first):
    """Feature differences (right minus wrong tag) among each article's leading candidates.

    The leading candidates are the `PAIR_POOL_DEFAULT` best by the `first` weights: the
    ranking must order those, not tell a name from the hundredth noun.
    """
    import numpy as np

    pairs = []
    for x, y in articles:
        leading = np.argsort(-(x @ first))[:PAIR_POOL_DEFAULT]
        pairs += [x[a] - x[b] for a in leading if y[a] for b in leading if not y[b]]
    return np.array(pairs).reshape(-1, len(first))


def fit(scorer, tables: list, cases: list[dict]) -> tuple[float, ...]:
    """Ranking weights, calibrated so that the score is the log-odds of matching a gold tag.

    A pointwise logistic regression finds each article's leading candidates; a pairwise
    one (right tag above wrong tag, same article) orders them; a one-feature logistic
    regression on its score turns the order into probabilities for the cut-off.
    """
    import numpy as np

    articles = [(np.array([vector for _, vector in table]),
                 np.array([float(any(scorer.match(name, g) for g in case["gold"])) for name, _ in table]))
                for table, case in zip(tables, cases) if table]
    x, y = np.vstack([a[0] for a in articles]), np.concatenate([a[1] for a in articles])
    pairs = ranking_pairs(articles, logistic(x, y))
    mirrored = -pairs
    pairs[:, 0] = mirrored[:, 0] = 1.0  # a bias column (differences have none), zero by symmetry
    order = logistic(np.vstack([pairs, mirrored]), np.r_[np.ones(len(pairs)), np.zeros(len(pairs))])
    order[0] = 0.0
    bias, scale = logistic(np.c_[np.ones(len(x)), x @ order], y, l2=0.0)
    weights = scale * order
    weights[0] += bias
    return tuple(round(float(v), 3) for v in weights)


def calibrate(scorer, scored: list, cases: list[dict]) -> tuple[float, float, float]:
    """Log-odds that a listed tag is right, from its score and its place in the list.

    Fitted on the tags the cut-off chooses among (each article's distinct best few),
    not on all candidates, whose bulk of hopeless nouns the score's own calibration follows.
    """
    import numpy as np

    rows, labels = [], []
    for candidates_scored, case in zip(scored, cases):
        for place, (value, name) in enumerate(ranked(candidates_scored, MAX_TOPICS_DEFAULT)):
            rows.append((1.0, value, 1.0 / (1 + place)))
            labels.append(float(any(scorer.match(name, g) for g in case["gold"])))
    bias, scale, place = logistic(np.array(rows), np.array(labels), l2=CALIBRATION_L2_DEFAULT)
    return round(float(bias), 3), round(float(scale), 3), round(float(place), 3)


def fit_settings(scorer, tables: list, cases: list[dict]) -> Settings:
    """Weights by regression, their calibration among the listed tags, then the cut-off (the
    expected tag count and the probability a further tag needs) that gives the best F0.5@5:
    precision weighs twice as much as recall, since every tag given is a public topic page."""
    weights = fit(scorer, tables, cases)
    scored = scored_tables(tables, weights)
    calibration = calibrate(scorer, scored, cases)
    options = [Settings(weights=weights, calibration=calibration, expected_tags=e, min_probability=m)
               for e in EXPECTED_TAGS_OPTIONS for m in MIN_PROBABILITY_OPTIONS]

    return max(options, key=lambda s: f_half(scorer, scored, cases, s))


def cross_validate(scorer, tables: list, cases: list[dict], folds: int, draw: str = "") -> None:
    """Grouped k-fold: a site's articles all sit in one fold, chosen by a hash of `draw` and
    the site's name (another `draw` deals the sites into other folds)."""
    fold_of = [zlib.crc32((draw + c["site"]).encode()) % folds for c in cases]
    held_out = []
    for fold in range(folds):
        train = [i for i, f in enumerate(fold_of) if f != fold]
        test = [i for i, f in enumerate(fold_of) if f == fold]
        settings = fit_settings(scorer, [tables[i] for i in train], [cases[i] for i in train])
        p, r, f1 = evaluate(scorer, scored_tables([tables[i] for i in test], settings.weights),
                             [cases[i] for i in test], settings)
        held_out.append((p, r, f1, len(test)))
        print(f"fold {fold}: n={len(test):3d} F1@5 {f1:.3f} P@5 {p:.3f}  expected tags {settings.expected_tags} "
              f"min probability {settings.min_probability}")
    n = sum(h[3] for h in held_out)
    p, r, f1 = (sum(h[i] * h[3] for h in held_out) / n for i in range(3))
    print(f"cross-validated ({folds} folds by site): F1@5 {f1:.3f} P@5 {p:.3f} R@5 {r:.3f} n={n}")


def half_of(case: dict) -> str:
    """The site's half: all articles of one site fall in the same one."""
    return HALVES[zlib.crc32(("half" + case["site"]).encode()) % 2]


def halves(scorer, tables: list, cases: list[dict], dump: Path | None) -> None:
    """F1@5 of the shipped settings on each half, and of settings fitted on the study half
    scored on the check half (the figure a change must move)."""
    parts = {h: [i for i, c in enumerate(cases) if half_of(c) == h] for h in HALVES}
    for half, index in parts.items():
        scored = scored_tables([tables[i] for i in index], Settings().weights)
        chosen = [choose(s, Settings()) for s in scored]
        p, r, f1 = evaluate(scorer, scored, [cases[i] for i in index], Settings())
        given = sum(map(len, chosen)) / max(1, len(chosen))
        print(f"{half} half, shipped settings: F1@5 {f1:.3f} P@5 {p:.3f} R@5 {r:.3f} n={len(index)} "
              f"tags/article {given:.2f} untagged {sum(not c for c in chosen)}")
        if dump:
            dump.mkdir(parents=True, exist_ok=True)
            with open(dump / f"{half}.jsonl", "w", encoding="utf-8") as out:
                for i, tags in zip(index, chosen):
                    out.write(json.dumps({"id": cases[i]["id"], "title": cases[i]["title"], "tags": tags,
                                          "gold": cases[i]["gold"]}, ensure_ascii=False) + "\n")
    study, check = parts["study"], parts["check"]
    settings = fit_settings(scorer, [tables[i] for i in study], [cases[i] for i in study])
    p, r, f1 = evaluate(scorer, scored_tables([tables[i] for i in check], settings.weights),
                        [cases[i] for i in check], settings)
    chosen = [choose(s, settings) for s in scored_tables([tables[i] for i in check], settings.weights)]
    print(f"check half, fitted on the study half: F1@5 {f1:.3f} P@5 {p:.3f} R@5 {r:.3f} n={len(check)} "
          f"tags/article {sum(map(len, chosen)) / max(1, len(chosen)):.2f}")


def corpus_topics(folder: Path, vocabulary) -> None:
    """How many topic pages a generated corpus gets, and how many hold a single article."""
    from zoneinfo import ZoneInfo

    counts: collections.Counter = collections.Counter()
    files = sorted(folder.glob("*.txt"))
    start = time.perf_counter()
    for path in files:
        seed = read_seed(path, path.name, {})
        article, _ = enrich(seed, clean(seed.text), vocabulary, ZoneInfo("Europe/Berlin"))
        counts.update({topic.slug for topic in article.topics})
    single = sum(1 for n in counts.values() if n == 1)
    print(f"corpus {folder.name}: {len(files)} articles, {len(counts)} topics, {single} with one article, "
          f"{sum(counts.values()) / max(1, len(files)):.2f} tags/article "
          f"({time.perf_counter() - start:.0f} s)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA_DEFAULT)
    ap.add_argument("--folds", type=int, default=FOLDS_DEFAULT)
    ap.add_argument("-j", type=int, default=4)
    ap.add_argument("--no-cli", action="store_true", help="skip the scorer run on build.py")
    ap.add_argument("--headline", action="store_true", help="use each file's first line as the title")
    ap.add_argument("--fit", action="store_true", help="print weights fitted on all articles")
    ap.add_argument("--draw", default="", help="deal the sites into other folds (any text; default: none)")
    ap.add_argument("--dump", type=Path, help="write each half's tags as study.jsonl and check.jsonl here")
    ap.add_argument("--corpus", type=Path, nargs="*", default=[], help="generated corpora to count topics on")
    args = ap.parse_args()
    data = args.data.resolve()
    if not args.no_cli:
        run_cli(data, args.j)
    scorer, vocabulary = load_scorer(data), load_vocabulary(ROOT / "topics.toml")
    cases = load_cases(data, headline=args.headline)
    print(f"title: {'first line of each file' if args.headline else 'as build.py tags gets it from the cleaner'}")
    timing(cases, vocabulary)
    tables = [candidates(mentions(c["title"], c["blocks"], vocabulary), vocabulary) for c in cases]
    p, r, f1 = evaluate(scorer, scored_tables(tables, Settings().weights), cases, Settings())
    print(f"shipped weights, in-sample: F1@5 {f1:.3f} P@5 {p:.3f} R@5 {r:.3f} n={len(cases)}")
    halves(scorer, tables, cases, args.dump)
    cross_validate(scorer, tables, cases, args.folds, args.draw)
    if args.fit:
        settings = fit_settings(scorer, tables, cases)
        print("fitted on all:", dict(zip(FEATURES, settings.weights)), "expected_tags", settings.expected_tags)
        print(f"WEIGHTS_DEFAULT = {settings.weights}")
        print(f"CALIBRATION_DEFAULT = {settings.calibration}")
        print(f"EXPECTED_TAGS_DEFAULT = {settings.expected_tags}")
        print(f"MIN_PROBABILITY_DEFAULT = {settings.min_probability}")
    for folder in args.corpus:
        corpus_topics(folder, vocabulary)


if __name__ == "__main__":
    main()
