"""HanTa loads with a faster reachability walk; it must find what HanTa's own finds."""
from __future__ import annotations

from HanTa import HanoverTagger

from depesche.topics.lang import HANTA_MODEL_DEFAULT, hanta, reachability


def test_reachability_is_hantas_own() -> None:
    ours = hanta()
    assert type(ours).reachable is reachability
    theirs = HanoverTagger.HanoverTagger(HANTA_MODEL_DEFAULT)
    assert ours.reachability == theirs.reachability
    assert ours.atomic_class == theirs.atomic_class
    for word in ("Michael", "Gruppe", "WhatsApp", "Telekom-Chef"):
        assert ours.analyze(word) == theirs.analyze(word)
