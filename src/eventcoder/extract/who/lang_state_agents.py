"""A state named by its country as the one that struck, in fr/es/ar/ru ("la Russie a bombardé",
"Israel bombardeó", "РФ обстреляла", "قصفت إسرائيل"): that state's military, as
`actors._country_agent_mentions` reads "Russia struck Kharkiv" in English.

The attack verbs are data (`lexicons/<lang>/roles.yaml`: `state_acts`; `state_abbreviations` lists
short names the country table lacks, "РФ: Russia"). The country is the one or two words right before
the verb (with an auxiliary between: "la Russie a bombardé"), or for Arabic, which puts the verb
first, the word right after it ("قصفت إسرائيل").
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ... import countries
from . import actor_dictionary as dic
from ..base import ActorMention
from ..cues import find_cues, load_cues

# words between the country and its verb: French and Spanish auxiliaries and adverbs, Russian particles
_BETWEEN = re.compile(r"(?:\s+(?:a|ont|avait|avaient|aurait|ha|han|había|habían|de\s+nouveau|encore|à\s+nouveau|"
                      r"nuevamente|otra\s+vez|также|снова|вновь|опять|ещё|еще|قد|مجددا|مجدداً))*\s+$", re.IGNORECASE)
_WORD = r"[\w'\u2019.-]+"
_ARTICLE = re.compile(r"(?:(?:la|le|el|los|las)\s+|l['\u2019])?", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _abbreviations(lang: str) -> dict[str, str]:
    out = {}
    for item in load_cues(lang, "roles").get("state_abbreviations", ()):
        short, _, name = item.partition(":")
        out[short.strip().lower()] = name.strip()
    return out


def _country(words: str, lang: str) -> Optional[str]:
    """The country `words` name ("la Russie", "Israël", "РФ"), else None; a demonym is no country."""
    words = words.strip()[_ARTICLE.match(words.strip()).end():]
    abbreviations = _abbreviations(lang)
    if words.lower() in abbreviations:
        return abbreviations[words.lower()]
    if len(words) <= 3 or not words[:1].isupper() and not re.match(r"[\u0600-\u06ff]", words):
        return None
    c = countries.lookup(words)
    return c.name if c is not None and countries.by_demonym(words) is None else None


def state_agent_mentions(ana, country: Optional[str], when, taken: list[ActorMention]) -> list[ActorMention]:
    """The military of every state that a fr/es/ar/ru report names by its country as the subject of an
    attack verb, spanning the country's name."""
    if ana.lang not in ("fr", "es", "ar", "ru"):
        return []
    acts = load_cues(ana.lang, "roles").get("state_acts", ())
    if not acts:
        return []
    text, out = ana.text, []
    for cue in find_cues(text, acts):
        spans = []
        before = text[max(0, cue.start() - 60):cue.start()]
        gap = _BETWEEN.search(before)
        head = before[:gap.start()] if gap else before
        for n in (3, 2, 1):  # "la Russie", "Estados Unidos", "РФ"
            m = re.search(rf"(?:^|(?<=\s)|(?<=[«\"(]))((?:{_WORD}\s+){{{n - 1}}}{_WORD})$", head)
            named = _country(m.group(1), ana.lang) if m else None
            if named:
                article = _ARTICLE.match(m.group(1))
                start = cue.start() - len(before) + m.start(1)
                spans.append((start + article.end(), start + len(m.group(1)), named))
                break
        if ana.lang == "ar":  # verb first: "قصفت إسرائيل", "شنت القوات ..." (a force is the dictionary's)
            m = re.match(rf"\s+({_WORD}(?:\s+{_WORD})?)", text[cue.end():cue.end() + 40])
            for cand in ((m.group(1), m.group(1).split()[0]) if m else ()):
                named = _country(cand, "ar")
                if named:
                    start = cue.end() + m.start(1)
                    spans.append((start, start + len(cand), named))
                    break
        for start, end, named in spans:
            if any(t.span.start <= start < t.span.end or start <= t.span.start < end for t in taken + out):
                continue
            named = dic.congo(named, text[start:end], text)
            out.append(ActorMention(ana.span(start, end), dic.state_name(named, "military", when),
                                    8 if country and named != country else 1, ana.sentence_at(start).index,
                                    kind="state"))
    return out
