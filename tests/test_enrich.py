from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from depesche.clean.cleaner import clean
from depesche.enrich import (
    MetadataError, enrich, headline_from_text, make_slug, sentences, stable_id, teaser, topic_slug,
)
from depesche.topics.vocab import Vocabulary

from conftest import SEEDS, make_seed

BERLIN = ZoneInfo("Europe/Berlin")


def test_slug_transliterates_german():
    assert make_slug("Größte Übernahme: Ärger für Öl-Konzern") == "groesste-uebernahme-aerger-fuer-oel-konzern"
    assert topic_slug("E-Plus") == "e-plus"


def test_stable_id_comes_from_the_seed_name():
    assert stable_id("000_e9d82ee693cca2d1") == "e9d82ee693cca2d1"
    assert stable_id("mein artikel") == stable_id("mein artikel") != stable_id("anderer artikel")


def test_sentences_do_not_break_after_abbreviations():
    text = "Rund 110 Mio. Nutzer sind dabei. Skype und Co. wollen mehr. Ende!"
    assert sentences(text) == ["Rund 110 Mio. Nutzer sind dabei.", "Skype und Co. wollen mehr.", "Ende!"]


def test_teaser_is_the_first_sentences_within_the_limit():
    first = "Erster Satz ist kurz."
    assert teaser([f"{first} Zweiter Satz auch. " + "Dritter " * 60 + "Satz."]) == first + " Zweiter Satz auch."


def test_headline_for_seed_without_one_is_a_short_sentence_of_whole_words():
    text = (SEEDS / "000_e9d82ee693cca2d1.txt").read_text(encoding="utf-8")
    paragraphs = [b.text for b in clean(text).blocks]
    headline = headline_from_text(paragraphs)
    assert 20 <= len(headline) <= 90
    assert headline[0].isupper() and not headline.endswith((",", "-"))
    assert all(word in text for word in headline.split())
    assert "Skype" in headline or "MySpace" in headline


def test_dates_prefer_sidecar_then_git_then_mtime():
    cleaned = clean("Titel mit drei Worten\n\n" + "Ein langer Absatz mit vielen Worten, der ein Satz ist. " * 3)
    git_time = datetime(2014, 3, 1, 12, tzinfo=timezone.utc)
    mtime = datetime(2020, 1, 1, tzinfo=timezone.utc)
    seed = make_seed(cleaned.verdicts[0].text, added=git_time, changed=git_time, modified=mtime)
    article, warnings = enrich(seed, cleaned, Vocabulary(), BERLIN)
    assert article.published == git_time and warnings == []
    sidecar = make_seed(metadata={"date": datetime(2014, 2, 24).date()}, added=git_time, changed=git_time)
    article, _ = enrich(sidecar, cleaned, Vocabulary(), BERLIN)
    assert article.published.isoformat() == "2014-02-24T00:00:00+01:00"
    article, warnings = enrich(make_seed(modified=mtime), cleaned, Vocabulary(), BERLIN)
    assert article.published == mtime and "modification time" in warnings[0]


def test_bad_metadata_is_an_error():
    cleaned = clean("Ein langer Absatz mit vielen Worten, der ein Satz ist und endet.")
    with pytest.raises(MetadataError, match="date"):
        enrich(make_seed(metadata={"date": "gestern"}), cleaned, Vocabulary(), BERLIN)
    with pytest.raises(MetadataError, match="topics"):
        enrich(make_seed(metadata={"date": datetime(2014, 1, 1), "topics": "x"}), cleaned, Vocabulary(), BERLIN)


def test_metadata_overrides_what_the_cleaner_found():
    cleaned = clean("Gefundene Überschrift hier\n\nEin langer Absatz mit vielen Worten, der ein Satz ist.")
    seed = make_seed(metadata={"date": datetime(2014, 1, 1), "title": "Eigener Titel", "topics": ["Skype", "VoIP"]})
    article, _ = enrich(seed, cleaned, Vocabulary(), BERLIN)
    assert article.title == "Eigener Titel" and article.slug == "eigener-titel"
    assert [t.slug for t in article.topics] == ["skype", "voip"]
