"""Plain-text views of the cleaner's result: the article text, and why each line went where."""
from __future__ import annotations

from ..model import Cleaned


def plain_text(cleaned: Cleaned) -> str:
    """Headline as `# …`, subheadings as `## …`, paragraphs apart; no metadata, no escaping."""
    parts = [f"# {cleaned.title}"] if cleaned.title else []
    for block in cleaned.blocks:
        parts.append(f"## {block.text}" if block.role == "subheading" else block.text)
    return "\n\n".join(parts) + "\n"


def explain(cleaned: Cleaned) -> str:
    """Every input line with its verdict (+ kept, - dropped) and the rule that decided it."""
    rows = []
    for v in cleaned.verdicts:
        if v.label == "blank":
            continue
        mark = "+" if v.kept else "-"
        text = v.text if len(v.text) <= 70 else v.text[:69] + "…"
        rows.append(f"{v.line_no:>4} {mark} {v.label:<11} {v.rule:<24} {text}")
    meta = [
        ("title", cleaned.title), ("kicker", cleaned.kicker), ("byline", cleaned.byline),
        ("credits", "; ".join(cleaned.credits) or None), ("source", cleaned.source),
        ("unsure", "; ".join(cleaned.doubts) or None),
    ]
    rows.append("")
    rows.extend(f"{key}: {value}" for key, value in meta if value)
    rows.extend(provenance(cleaned))
    return "\n".join(rows) + "\n"


def provenance(cleaned: Cleaned) -> list[str]:
    """Where the headline, the date and the author came from: line number and rule."""
    title = next((v for v in cleaned.verdicts if v.label == "title"), None)
    rows = [f"headline from line {title.line_no} ({title.rule})" if title else
            "headline: none above the article (the build makes one from the first sentence)"]
    found = cleaned.dated
    if found:
        clock = f" {found.clock[0]:02d}:{found.clock[1]:02d}" if found.clock else ""
        rows.append(f"date {found.day.isoformat()}{clock} from line {found.line_no} ({found.rule}): {found.written}")
    else:
        rows.append("date: none next to the headline (the build takes the sidecar's, else git's or the file's)")
    author = cleaned.author
    rows.append(f"author {author.name} from line {author.line_no} ({author.rule})" if author else
                "author: none named next to the headline" + (f" (byline: {cleaned.byline})" if cleaned.byline else ""))
    return rows
