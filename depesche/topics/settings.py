"""The tagger's knobs: the ranking's feature weights and how many tags to give.

`WEIGHTS_DEFAULT` (one weight per name in `FEATURES`), `CALIBRATION_DEFAULT` and the cut-off
(`EXPECTED_TAGS_DEFAULT`, `MIN_PROBABILITY_DEFAULT`) come from `benchmarks/tagging.py --headline
--fit` and are reported there by cross-validation.
"""
from __future__ import annotations

from dataclasses import dataclass

MIN_TOPICS_DEFAULT = 1
MIN_PROBABILITY_DEFAULT = 0.25  # a further tag must be at least this likely to be an editor's (fitted)
MAX_TOPICS_DEFAULT = 6
EXPECTED_TAGS_DEFAULT = 3  # how many tags an editor gives, for the cut-off's expected F1
CALIBRATION_DEFAULT = (-0.073, 0.829, -0.11)  # log-odds of a listed tag: bias, score, 1 / (1 + its place)
FEATURES = ("bias", "log_count", "headline", "lede", "early", "spread", "share", "name", "topic",
            "multiword", "acronym", "zipf", "zipf_noun", "unknown", "long", "name_count", "rank_share",
            "headline_noun", "zipf_low", "zipf_mid", "zipf_high", "once", "converted")
WEIGHTS_DEFAULT = (-2.959, 0.225, -1.525, -0.494, 3.442, 1.208, 0.619, 1.479, 0.836, -0.944, -0.654, -0.346, 0.142,
                   -1.296, -0.31, -0.25, 0.77, 1.07, -0.363, 0.068, 0.138, -0.77, -0.629)


@dataclass(frozen=True)
class Settings:
    """The ranking's knobs: feature weights and how many tags to give."""

    weights: tuple[float, ...] = WEIGHTS_DEFAULT
    calibration: tuple[float, float, float] = CALIBRATION_DEFAULT
    expected_tags: int = EXPECTED_TAGS_DEFAULT
    min_topics: int = MIN_TOPICS_DEFAULT
    min_probability: float = MIN_PROBABILITY_DEFAULT
    max_topics: int = MAX_TOPICS_DEFAULT
