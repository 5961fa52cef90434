"""Speakers in languages read without English parse rules (fr, es, ar, ru): an actor named only as
the one who tells the event, or inside the title of the person or office who tells it.

`speech_subjects` (role_parse) marks such mentions so they are never taken for the event's agent.
The plain rule (a speech verb right after the name, "según" right before it) misses the word orders
of real reports in these languages:

- the verb first (subject inversion): "..., señaló la Policía", "précise l'armée", "قال الجيش";
- the force inside a speaker's title: "précise le porte-parole des Forces armées",
  "aseguró Ana Ruiz, directora de la Policía", "la portavoz de la Policía en X, Ana Ruiz, explicó";
- words between the name and its verb: "la Policía de Honduras confirmó", "la Guardia Nacional (GN)
  confirmó", "la Policía, Ana Ruiz, dijo".

The verbs and titles are data (`lexicons/<lang>/attribution.yaml`: `speech`, `according_to`,
`speaker_titles`, `speech_between`).
"""
from __future__ import annotations

import functools
import re

from ..cues import load_cues

_UP = "A-ZÀ-ÖØ-ÝА-ЯЁ"
#: a capitalised name (words joined by spaces or particles)
_NAME = rf"[{_UP}][\w'\u2019.-]*(?:\s+(?:de\s+|del\s+|la\s+|le\s+)?[{_UP}][\w'\u2019.-]*){{0,4}}"
#: what may stand between a name and the speech verb that has it as subject: a bracketed short form
#: "(GN)", a place or country complement "de Honduras" / "en Tocoa", an apposition ", Ana Ruiz,"
_SKIP_AFTER = re.compile(
    rf"^(?:\s*\([^()\n]{{1,40}}\)|\s+(?:de|del|de\s+la|des|du|d'|d\u2019|en|à|au|в|по)\s*(?:la\s+|l'|l\u2019)?{_NAME}|"
    rf"\s*,\s*{_NAME}\s*,)+")
#: an apposition before the name: "dijo Juan Pérez, jefe de la Policía"
_APPOSITION_BEFORE = re.compile(rf"\s*,?\s*{_NAME}\s*,\s*$")
#: a name, then an opening bracket and words up to the mention (no closing bracket)
_INSIDE_BRACKETS = re.compile(rf"(?P<name>{_NAME})\s*\([^()\n]{{0,30}}$")
_ARTICLES = re.compile(r"(?:\s+(?:el|la|los|las|le|les|l'|l\u2019|del|de\s+la|des|du|de|d'|d\u2019|al|au|aux|"
                       r"un|una|une|unos|unas))+$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _patterns(lang: str):
    cues = load_cues(lang, "attribution")
    verbs = sorted({c.lower() for c in cues.get("speech", ()) + cues.get("according_to", ())}, key=len, reverse=True)
    titles = sorted({c.lower() for c in cues.get("speaker_titles", ())}, key=len, reverse=True)
    between = sorted({c.lower() for c in cues.get("speech_between", ())}, key=len, reverse=True)

    def alt(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    gap_after = rf"(?:(?:{alt(between)})\s+)?" if between else ""
    verb_after = re.compile(rf"^[\s,]*{gap_after}(?:{alt(verbs)})(?!\w)", re.IGNORECASE) if verbs else None
    gap = rf"(?:\s+(?:{alt(between)}|\w+ment|\w+mente))?" if between else r"(?:\s+(?:\w+ment|\w+mente))?"
    verb_before = re.compile(rf"(?:^|(?<!\w))(?:{alt(verbs)}){gap}\s*$", re.IGNORECASE) if verbs else None
    # "directora de la", "porte-parole des", "المتحدث باسم": a title (an adjective may follow it) and its link
    title = re.compile(rf"(?:^|(?<!\w))(?:{alt(titles)})(?:\s+[\w'\u2019-]+)?"
                       rf"(?:\s+(?:de|del|de\s+la|des|du|d'|d\u2019|of))?(?:\s+(?:la|l'|l\u2019))?\s*$",
                       re.IGNORECASE) if titles else None
    return verb_after, verb_before, title


def strip_articles(text: str) -> str:
    return _ARTICLES.sub("", " " + text.rstrip()).rstrip()


def inverted_speech(after: str, speech) -> bool:
    """"..., ранены два мирных жителя, сообщил губернатор", "..., a déclaré le maire": after a comma the
    speech verb comes first and its own subject follows it; the name before the comma is not the speaker."""
    if not after.lstrip(" ").startswith(","):
        return False
    rest = after.lstrip(" ")[1:].lstrip()
    verb = next((v for v in sorted(speech, key=len, reverse=True) if rest.startswith(v)), None)
    return verb is not None and bool(re.match(r"\s+[^\W\d_]", rest[len(verb):]))


def is_speaker(ana, start: int, end: int, depth: int = 0) -> bool:
    """Is the actor named at text[start:end] only the teller (or part of the teller's title)?"""
    verb_after, verb_before, title = _patterns(ana.lang)
    if verb_after is None:
        return False
    text = ana.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[end:min(line_end, end + 120)]
    skip = _SKIP_AFTER.match(after)
    rest = after[skip.end():] if skip else after
    if verb_after.match(rest) and not inverted_speech(rest, load_cues(ana.lang, "attribution").get("speech", ())):
        return True
    before = re.sub(r"\s+", " ", text[max(line_start, start - 90):start])
    inside = _INSIDE_BRACKETS.search(text, line_start, start)
    if inside is not None and depth < 1 and is_speaker(ana, inside.start(), inside.end("name"), depth + 1):
        # "la Guardia Nacional (GN)", "la Guardia Nacional (Policía Militar), explicó": a short form or
        # gloss in brackets tells or acts as the name before the brackets does
        return True
    near = strip_articles(before)
    titled = False
    if title is not None:
        m = title.search(near)
        if m is not None:
            near, titled = strip_articles(near[:m.start()]), True
    if verb_before.search(near):
        return True
    if titled:  # "aseguró Ana Ruiz, directora de la Policía": the verb before the speaker's name
        cut = _APPOSITION_BEFORE.search(near)
        return cut is not None and bool(verb_before.search(strip_articles(near[:cut.start()])))
    return False
