"""The phrases and shapes the cleaner's line rules look for.

They describe what publishing systems print around articles in general (comment
forms, cookie banners, share widgets, picture credits), not any one site.
Patterns without a case flag are matched against the lower-cased line.
"""
from __future__ import annotations

import re

CREDIT_RE = re.compile(
    r"^(?:(?:Aufmacher|Titel|Artikel|Vorschau|Beitrags)?bild|Bilder|Fotos?|Grafik|Illustration|Quelle|"
    r"Bildquelle|Fotograf|Image|Photo|Credits?)\s*:\s*\S",
    re.IGNORECASE,
)
BYLINE_RE = re.compile(
    r"^(?:Von|Autor(?:in)?:?)\s+(?:(?:Dr|Prof)\.\s+)?"
    r"[A-ZÄÖÜ][\w'-]+\.?(?:\s+(?:und\s+|von\s+|van\s+|de\s+|zu\s+)?[A-ZÄÖÜ][\w'.-]*){0,4}$"
)
SENTENCE_END = tuple(".!?:;\"“”»«’)。！？」』）")
TRUNCATION_RE = re.compile(r"(?:\.\.\.|…)\s*(?:\[?(?:mehr|weiterlesen|more)\]?)?$", re.IGNORECASE)
GLUED_RE = re.compile(r"[a-zäöüß][.!?,)€%]?[A-ZÄÖÜ][a-zäöüß]")
# Phrases that the usual web publishing systems print around any article:
# cookie banners, comment forms, share and subscribe widgets, legal footers.
WIDGET_RE = re.compile(
    r"cookie|akismet|e-mail-adresse wird nicht veröffentlicht|erforderliche felder|"
    r"email address will not be published|required fields are marked|"
    r"(?:hinterlasse|schreibe?|verfasse) (?:einen|eine|deinen|ihren) (?:kommentar|antwort)|"
    r"(?:leave|post) a (?:reply|comment)|alle rechte vorbehalten|all rights reserved|"
    r"©|copyright|newsletter|abonnieren|subscribe|teilen\b|teile diesen|inhaltsverzeichnis|sie sind hier|"
    r"share (?:on|this)\b|datenschutz|impressum|zum inhalt springen|nach oben|"
    r"javascript|log(?:ge dich)? ?in\b|anmelden|registrieren|willige ich|einwilligung|"
    r"affiliate|provision vom händler|direkt zum inhalt|zum hauptinhalt|skip to content|"
    r"menü (?:öffnen|schließen)|navigation (?:öffnen|schließen)|"
    r"(?:dieser|der) (?:beitrag|eintrag|artikel) wurde .{0,80}(?:veröffentlicht|abgelegt|getaggt)",
)
# Consent banners run to whole paragraphs; these words mark them at any length. (Not
# "Zustimmung" alone: news report the Zustimmung of parliaments and voters in plain prose.)
CONSENT_RE = re.compile(
    r"cookies?\b|einwilligung|speicherung oder (?:der )?zugriff|datenschutzerklärung|willige ich|"
    r"consent|tracking|personalisierte werbung"
)

# A caption names its picture's source at its end ("… (dpa)", "… Foto: X") or
# starts with "Abbildung 3:"; these stock and agency names are the usual sources.
# (No alternative starts with an anchor, so the regex engine can skip ahead fast;
# the anchored ones are in the *_HEAD_RE patterns, used with `match`.)
CAPTION_RE = re.compile(
    r"(?:(?:foto|fotos|bild|bildquelle|quelle|credit|photo)s?\s*:|©|\((?:[^()]*/[^()]*|[^()]*"
    r"(?:istock|getty|dpa|picture[- ]alliance|shutterstock|fotolia|adobe ?stock|unsplash|pixabay|"
    r"imago|reuters|afp)[^()]*)\))(?:[^.!?]|\.(?=\S)){0,80}$|zum vergrößern|klicken sie auf (?:das|den) ",
)
CAPTION_HEAD_RE = re.compile(r"(?:abbildung|abb\.|bild|grafik|figure|fig\.) ?\d+:")
# What every caption pattern above needs somewhere in the line: a cheap test before the regexes.
CAPTION_MARKS = (":", "©", "(", "zum vergrößern", "klicken sie auf ")
# Headings that open what follows an article on most sites: comments, related
# articles, tags, author boxes, previous/next links.
SECTION_END_RE = re.compile(
    r"(?:ähnliche|verwandte|weitere|neueste|beliebte|meistgelesene|passende|related|popular)\w* "
    r"(?:beiträge|artikel|themen|nachrichten|posts|kommentare|news|meldungen|pressemitteilungen|stories|articles)|"
    r"könnten? (?:sie|dich|euch) (?:auch )?interessieren|auch interessant|mehr zum thema|"
    r"(?:lesen sie|lies) (?:auch|mehr|weiter)|you may also like|(?:sagt|says|schreibt):$|"
    r"kommentieren|schlagw[öo]rter|markiert mit|"
    r"(?:über|zum) (?:den )?autor|about the author|"
    r"(?:vorherige|nächste)[nr]? (?:beitrag|artikel|eintrag)|(?:previous|next) (?:post|article)|als pdf",
)
SECTION_HEAD_RE = re.compile(
    r"(?:\d+\s+)?(?:kommentare?|comments?|antworten|replies|diskussion)\b.{0,25}$|"
    r"auch lesen|zurück zu|tags?:|kategorien?:|drucken$|teilen$"
)
SECTION_HEAD_FIRST = frozenset("kcardzt")  # the letters SECTION_HEAD_RE can start with (besides a digit)
# A link to another page: "Weiterlesen … Titel", "Mehr erfahren >", "Read more".
READ_MORE_RE = re.compile(r"mehr:|(?:weiterlesen|mehr lesen|mehr erfahren|read more|continue reading)\b")
# A line that is only a date (and time): "18. Nov 2021", "09.11.2021", "May 3, 2020 14:05".
DATE_RE = re.compile(
    r"(?:\d{1,2}\.? ?(?:\d{1,2}\.|[a-zäöü]{3,9}\.?,?) ?\d{2,4}|[a-z]{3,9}\.? \d{1,2}, \d{4})"
    r"(?:,? ?(?:um )?\d{1,2}:\d{2}(?: uhr)?)?"
)
# A person's name as an author box shows it; how an author introduces themselves in the box's bio.
NAME_RE = re.compile(r"(?:(?:Dr|Prof)\.\s+)*[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
                     r"(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?){1,2}")
SELF_INTRODUCTION_RE = r"\b(?:ich bin|i am|i['’]m) "
