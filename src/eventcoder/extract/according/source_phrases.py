"""Whether a phrase after "according to" / "citing" names a source, where the medium of "a report in X"
begins, a title without the first name the tagger left out of a person, and a cited phrase shortened to
its gist (`shorten`; the words are read from `lexicons/<lang>/attribution.yaml`)."""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..who import actor_dictionary as dic

_LEAD = re.compile(r"^(?:(?:the|a|an|its|their|his|her|one|two|three|four|five|several|some|other|another)\s+)+",
                   re.IGNORECASE)


# what the tagger left before a source in the other languages: a conjunction ("pero la Policía Nacional"), the
# speech verb after "según"/"selon" ("según confirmó el Cuerpo de Bomberos"), the information it gave
# ("información proporcionada por las autoridades", "des informations fournies par la police")
FOREIGN_LEAD = re.compile(
    r"^(?:(?-i:pero|y|e|mientras\s+que|mientras|aunque|mais|et|tandis\s+que|но|и|а|однако)\s+)?"
    r"(?:(?:(?:lo\s+que\s+|como\s+|ce\s+qu['\u2019]?\s*)?(?:confirm|inform|indic|señal|report|precis|explic|detall|"
    r"asegur|afirm|manifest|declar|anunci|revel|difundi)(?:ó|aron)\s+(?:tanto\s+)?|"
    r"(?:a|ont)\s+(?:indiqué|déclaré|annoncé|rapporté|précisé|confirmé|affirmé)\s+|dijo\s+|dijeron\s+|"
    r"(?:(?:la|las|los|des|les)\s+)?(?:informaci[óo]n(?:es)?|datos|reportes|informations|donn[ée]es|chiffres|cifras)"
    r"\s+(?:oficiales\s+|officielles\s+)?(?:(?:proporcionad|brindad|suministrad|difundid|entregad|aportad|"
    r"fourni|transmis|communiqu[ée]|publi[ée])\w*\s+)?(?:por|de|par|du|des|de\s+la|del)\s+))?",
    re.IGNORECASE)


def _cited_is_source(phrase: str, cues) -> bool:
    """After "according to" / "citing": a name, or a phrase whose head noun is a source noun."""
    bare = _LEAD.sub("", phrase.strip())
    if re.match(r"[A-Z\u0400-\u04FF\u0600-\u06FF]", bare):
        return True
    if re.search(r"\s+and\s+", bare):  # "a local health worker and the opposition X", "his family and neighbours"
        return any(_cited_is_source(part, cues) for part in re.split(r"\s+and\s+", bare))
    head = re.split(r"\s+(?:of|within|for|at|in|from|on|with|posed|by|who|which|that)\b", bare, maxsplit=1)[0]
    words = head.lower().split()
    return bool(words) and words[-1] in set(cues.get("source_nouns", ()))


@functools.lru_cache(maxsize=None)
def _noun_start(noun: str) -> re.Pattern:
    """Compiled once: hundreds of lexicon words would push the `re` module's cache around."""
    return re.compile(rf"(?<!\w){re.escape(noun)}")


def looks_like_source(phrase: str, cues) -> bool:
    low = dic.normalise(phrase)
    return any(_noun_start(n).search(low) for n in cues.get("source_nouns", ())) \
        or bool(re.search(r"\b[A-Z\u0410-\u042f]{2,}\b", phrase))


# "a report in Wednesday's issue of the independent newssheet "X"", "a new report by X": the medium X
_REPORT = re.compile(r"^(?:(?:a|an|the)\s+)?(?:(?:new|latest|recent|fresh|separate|preliminary|initial)\s+)?"
                     r"(?:reports?|articles?|story|stories)\s+", re.IGNORECASE)
_DESCRIBED = re.compile(r"\b(?:newspaper|newssheet|daily|weekly|paper|magazine|website|channel|broadcaster|outlet|"
                        r"television|radio)\s+[\"\u201c]?(?=[A-Z])")
_BY_NAME = re.compile(r"\b(?:in|by|from|of|on)\s+(?:the\s+)?[\"\u201c]?(?=[A-Z])(?!(?:Monday|Tuesday|Wednesday|"
                      r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
                      r"September|October|November|December)\b)")


# "reports in local media", "a report on state television": media named by their kind
_BY_KIND = re.compile(r"\b(?:in|by|from|on)\s+(?:the\s+)?(?=(?:local|state|national|regional|social|official|"
                      r"independent|foreign|international|pro-government|opposition|private)\s+(?:media|press|"
                      r"news\s+outlets|outlets|television|tv|radio)\b)", re.IGNORECASE)


def report_medium(phrase: str) -> Optional[int]:
    """Where the named medium starts in "a report in/by <medium>", or None."""
    if not _REPORT.match(phrase):
        return None
    described = list(_DESCRIBED.finditer(phrase))
    if described:
        return described[-1].end()
    named = _BY_NAME.search(phrase) or _BY_KIND.search(phrase)
    return named.end() if named else None


_FIRST_NAME_AFTER_TITLE = re.compile(r"\b(governor|mayor|spokesman|spokeswoman|spokesperson|official|chief|commander|"
                                     r"minister|director|administrator|commissioner|leader|head)"
                                     r"(?:\s+[A-Z][a-z\u00e0-\u00ff'\u2019-]+)+$")


def strip_first_name(title: str) -> str:
    """"Regional governor Oleksandr" (the person's entity began at the surname) -> "Regional governor"."""
    return _FIRST_NAME_AFTER_TITLE.sub(r"\1", title)


_NAME_RX = r"[A-Z\u0400-\u04FF\u0600-\u06FF][\w\u0400-\u04FF\u0600-\u06FF'’.&-]*"
_OFFICE_HOLDER = r"(?:Prosecutor|Attorney|Minister|President|Governor|Mayor|Ombudsman|Chief|Director|Commander|Secretary)"


def shorten(phrase: str) -> str:
    """Keep the gist: drop articles, a country possessive and a trailing date or place clause.

    "a source within the security forces of Iraq's Anbar province"
    -> "source within the security forces of Anbar province"
    """
    s = _LEAD.sub("", phrase.strip())
    lead = FOREIGN_LEAD.match(s)
    if lead and lead.end() and len(s) > lead.end():
        s = _LEAD.sub("", s[lead.end():])
        s = re.sub(r"^(?:(?:el|las|los|la|les|le)\s+|l['\u2019]\s*)", "", s, flags=re.IGNORECASE)
    # "Iraq’s Anbar" -> "Anbar" (not an office's holder: "the General Prosecutor's Office")
    s = re.sub(rf"\b(?!(?:\w+\s)?{_OFFICE_HOLDER}['\u2019]s){_NAME_RX}(?:\s{_NAME_RX})?['\u2019]s\s+(?=[A-Z])", "", s)
    s = re.sub(r"\s+(?:on|late|early)\s+\w+day\b.*$", "", s)
    s = re.sub(r"\s+(?:later|earlier|позднее|позже|ранее|luego|después|ensuite)$", "", s)  # "X later said"
    s = re.sub(r"\s+(?:interviewed|reached|contacted|questioned)\s+(?:by|on|in)\b.*$", "", s)
    s = re.sub(r"^([A-Z]{2,6})\s+(?:news\s+)?agency$", r"\1", s)  # "ISNA news agency" -> "ISNA"
    s = re.sub(r"^([A-Za-z][\w\s'\u2019-]{2,40}?):\s+\S.*$", r"\1", s)  # a headline "Afghan official: mosque bombed"
    return s
