"""Whether a cited source's words tell this event (codebook §6): not a denial or a reaction, not another
town's event, not only the aftermath; whether the source is an institution and whether it names the
perpetrator. Cue lists: `lexicons/<lang>/attribution.yaml` (`denial`, `reaction`, `not_the_event`,
`aftermath`, `blame`, `perpetrator`, `individual_sources`).
"""
from __future__ import annotations

import re

from ..who import actor_dictionary as dic
from . import source_names as names
from ..base import Analysis
from ..cues import find_cues, load_cues
from .source_mentions import Mention


def institutional(ana: Analysis, m: Mention) -> bool:
    """A body, an official or a group's media, not a private person ("residents", "a doctor")."""
    people = load_cues("en", "attribution").get("individual_sources", ())
    low = {dic.normalise(m.name), dic.normalise(names.canonical(m.name, ana))}
    return m.own_medium_of is not None or not any(re.match(rf"(?:\w+\s+){{0,2}}{re.escape(p)}\b", w)
                                                    for p in people for w in low)


def blames(ana: Analysis, m: Mention) -> bool:
    """The cited words name who did it: "police blamed the X front", "residents said the attackers belonged to"."""
    cues = load_cues(ana.lang, "attribution")
    if m.verb and m.verb in set(cues.get("blame", ())):
        return not doubted_blame(ana, m)
    if m.content < 0:
        return False
    sent = ana.sentence_at(m.span.start)
    return bool(find_cues(ana.text, cues.get("perpetrator", ()), m.content, min(sent.end, m.content + 80)))


def doubted_blame(ana: Analysis, m: Mention) -> bool:
    """"X blamed Y ...; neither claim could be verified": a guess at the perpetrator, not a source."""
    cues = load_cues(ana.lang, "attribution")
    if not m.verb or m.verb not in set(cues.get("blame", ())):
        return False
    sent = ana.sentence_at(m.span.start)
    doubt = tuple(cues.get("blame_doubted", ())) + tuple(load_cues(ana.lang, "hedges").get("unverified", ()))
    return bool(find_cues(ana.text, doubt, sent.start, sent.end))


def tells_event(ana: Analysis, m: Mention) -> bool:
    """The cited words tell the event's facts (not "said it had opened an investigation")."""
    if m.verb in ("deny", "dismiss", "reject") or doubted_blame(ana, m):
        return False  # a denial answers the account; it does not tell it
    cues = load_cues(ana.lang, "attribution")
    if m.content >= 0 and find_cues(ana.text, cues.get("denial", ()), m.content, _own_clause_end(ana, m)):
        return False  # "said units had been repositioned and denied that the town was abandoned": an answer
    if m.content >= 0 and any(re.fullmatch(r"[\s,]*(?:that\s+)?(?:it|they|he|she|its\s+\w+|the\s+\w+)?\s*",
                                           ana.text[m.content:r.start()])
                              for r in find_cues(ana.text, cues.get("reaction", ()), m.content, m.content + 60)):
        return False  # "the army said it was looking into the report": a reaction, not an account
    return not any(find_cues(ana.text, cues.get("not_the_event", ()), lo, hi) for lo, hi in _cited_words(ana, m))


def _own_clause_end(ana: Analysis, m: Mention) -> int:
    """Where the source's own words end: "X said it had shot down a drone, a claim the army denied"
    -> before ", a claim": the denial is another party's answer."""
    end = ana.sentence_at(m.span.start).end
    other = re.search(r"[,;]\s*(?:(?:a|an|the)\s+(?:claim|charge|allegation|account|version|report)|which|something)\b",
                      ana.text[m.content:end])
    return m.content + other.start() if other else end


def _cited_words(ana: Analysis, m: Mention) -> list[tuple[int, int]]:
    """Where the words a source reports are: after the verb ("X said that ..."), or before the source
    when it closes the sentence ("..., according to local monitors.")."""
    if m.content < 0:
        return []
    sent = ana.sentence_at(m.span.start)
    out = [(m.content, min(sent.end, m.content + 60))]
    if len(ana.text[max(m.content, m.span.end):sent.end].strip(" .\"\u201d")) < 12 and m.span.start > sent.start:
        out.append((sent.start, m.span.start))
    return out


_PLACES: dict[int, tuple[Analysis, list]] = {}


def elsewhere(ana: Analysis, m: Mention, idx: list[int], trigger: int) -> bool:
    """The cited words place the act in a town the report told outside this event's sentences (and the event's
    first sentence does not name it): they tell another event."""
    from ..where.places import find_places

    if m.content < 0 or not idx:
        return False
    if id(ana) not in _PLACES or _PLACES[id(ana)][0] is not ana:
        _PLACES.clear()
        _PLACES[id(ana)] = (ana, [p for p in find_places(ana) if p.kind == "place" and p.span is not None])
    places = _PLACES[id(ana)][1]
    sent = ana.sentence_at(m.span.start)
    cited = {p.name for p in places if m.content <= p.span.start < sent.end}
    own = {p.name for p in places if ana.sentence_at(p.span.start).index == trigger}
    outside = {p.name for p in places if ana.sentence_at(p.span.start).index not in idx}
    return bool(cited) and bool(own) and not (cited & own) and cited <= outside


def aftermath(ana: Analysis, m: Mention) -> bool:
    """A later source that only tells the response ("said his teams had taken 19 wounded to hospitals",
    "reported treating 20 wounded"): it adds no fact of the event itself."""
    cues = load_cues(ana.lang, "attribution").get("aftermath", ())
    return any(find_cues(ana.text, cues, lo, hi) for lo, hi in _cited_words(ana, m))
