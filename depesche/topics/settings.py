"""The tagger's knobs: the ranking's feature weights and how many tags to give.

`WEIGHTS_DEFAULT` (one weight per name in `FEATURES`) and `CALIBRATION_DEFAULT` come from
`benchmarks/tagging.py --headline --fit` and are reported there by cross-validation.
"""
from __future__ import annotations

from dataclasses import dataclass

MIN_TOPICS_DEFAULT = 2
MAX_TOPICS_DEFAULT = 6
EXPECTED_TAGS_DEFAULT = 3  # how many tags an editor gives, for the cut-off's expected F1
CALIBRATION_DEFAULT = (-0.297, 0.739, 0.167)  # log-odds of a listed tag: bias, score, 1 / (1 + its place)
FEATURES = ("bias", "log_count", "headline", "lede", "early", "spread", "share", "name", "topic",
            "multiword", "acronym", "zipf", "zipf_noun", "unknown", "long", "name_count", "rank_share",
            "headline_noun", "zipf_low", "zipf_mid", "zipf_high", "once", "converted")
WEIGHTS_DEFAULT = (-2.883, 0.5, -1.09, -0.094, 2.738, 0.925, 1.765, 1.485, 1.784, -1.419, -0.502, -0.561, 0.063,
                   -1.863, -0.176, -0.466, -0.232, 1.093, -0.638, 0.238, 0.429, -0.376, -0.247)


@dataclass(frozen=True)
class Settings:
    """The ranking's knobs: feature weights and how many tags to give."""

    weights: tuple[float, ...] = WEIGHTS_DEFAULT
    calibration: tuple[float, float, float] = CALIBRATION_DEFAULT
    expected_tags: int = EXPECTED_TAGS_DEFAULT
    min_topics: int = MIN_TOPICS_DEFAULT
    max_topics: int = MAX_TOPICS_DEFAULT
