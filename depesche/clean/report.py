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
    return "\n".join(rows) + "\n"
