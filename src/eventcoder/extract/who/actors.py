"""Actor mentions (codebook §2): `find_actors` resolves every dictionary mention to its ACLED name and
inter code. Who is actor1 and actor2 of an event is `roles.assign_roles`, which builds on this module
(this module never imports it).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from typing import Optional

from ... import countries
from . import actor_dictionary as dic
from .actor_rules import communal_militias, is_affiliation, merge_generic_of
from .actor_refs import possessive_refs
from .lang_state_agents import state_agent_mentions
from ..base import ActorMention, Analysis, per_report

LOGGER = logging.getLogger(__name__)

_ARMED = ("armed", "state", "unidentified")
# generic nouns absorbed into a group or state mention right before them: "Al Shabaab fighters"
_HEAD_NOUNS = re.compile(r"^[\s-]+(fighters|militants|militiamen|rebels|insurgents|gunmen|jihadists|members|"
                         r"forces|troops|soldiers|units|militia|elements|combatants|operatives|positions|"
                         r"police|officers|commandos|personnel|military|terrorists|extremists|cadres|guerrillas|"
                         r"separatists|jawans|jawan|bandits|attackers|assailants|fighter|militant|soldier|gunman|"
                         r"men|group|outfit|faction|brigades?|battalions?|combattants|éléments|terroristes|jihadistes|"
                         r"djihadistes|rebelles|miliciens|hommes|militares|integrantes|sicarios|elementos|боевики|"
                         r"бойцы|военные|военнослужащие)\b", re.IGNORECASE)


def infer_country(ana: Analysis) -> Optional[str]:
    """Country of a report without a resolved place: dateline, else the most named country."""
    if ana.dateline_place:
        for part in reversed([p.strip() for p in ana.dateline_place.split(",")]):
            c = countries.lookup(part) if len(part) > 3 else None
            if c is not None:
                return c.name
    counts: Counter = Counter()
    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b", ana.text):
        key = m.group()
        c = countries.by_demonym(key) or (countries.lookup(key) if len(key) > 3 else None)
        if c is not None:
            counts[c.name] += 1
    if counts:
        return counts.most_common(1)[0][0]
    return _place_country(ana)


def _place_country(ana: Analysis) -> Optional[str]:
    """The country of the places the report names most (cached on the analysis)."""
    cached = getattr(ana, "_eventcoder_place_country", False)
    if cached is not False:
        return cached
    from ..where.places import find_places

    counts: Counter = Counter(p.country for p in find_places(ana) if p.country)
    found = counts.most_common(1)[0][0] if counts else None
    try:
        setattr(ana, "_eventcoder_place_country", found)
    except AttributeError:
        pass
    return found


def find_actors(ana: Analysis, country: Optional[str] = None,
                event_date: Optional[dt.date] = None) -> list[ActorMention]:
    """Every actor mention in the report, resolved to an ACLED name and inter code.

    ana (Analysis): the parsed report.
    country (str): the event country (ACLED spelling); names and inter 8 depend on it.
    event_date (date): picks the regime period of state forces.
    RETURNS (list[ActorMention]): mentions in text order, each with its span.
    Memoised on the Analysis by (country, event_date); each call gets its own copies (callers set
    `role`, `span`, `inter` on them).
    """
    country = country or infer_country(ana)
    return per_report(ana, "_actors_memo", (country, event_date), lambda: _find_actors(ana, country, event_date))


def _find_actors(ana: Analysis, country: Optional[str], event_date: Optional[dt.date]) -> list[ActorMention]:
    text = ana.text
    out: list[ActorMention] = []
    for pm in dic.match_phrases(text):
        mention = _resolve(ana, pm, country, event_date)
        if mention is not None:
            out.append(mention)
    out.extend(_demonym_state_mentions(ana, country, event_date, out))
    out.extend(_country_agent_mentions(ana, country, event_date, out))
    out.extend(state_agent_mentions(ana, country, event_date, out))
    out.extend(_coordinated_mentions(ana, country, event_date, out))
    out = [m for m in out if not dic.MODIFIER_ONLY.match(ana.text, m.span.end) and not is_affiliation(ana, m)]
    out.sort(key=lambda m: m.span.start)
    out = _foreign_bare_forces(ana, communal_militias(ana, _absorb_heads(ana, out), country), country)
    return possessive_refs(ana, merge_generic_of(ana, out), country, event_date)



def _resolve(ana: Analysis, pm: dic.PhraseMatch, country, when) -> Optional[ActorMention]:
    text, e = ana.text, pm.entry
    start, end = pm.start, pm.end
    sentence = ana.sentence_at(start).index
    if e.kind == "state":
        own = e.country or dic.country_before(text, start)
        if e.force == "government" and not own:
            return None  # "the government said": a source, not a force
        if own and not e.country:  # take the demonym into the span: "Iraqi troops"
            m = re.search(r"[A-Z][\w.]*(?:['\u2019]s)?\s+(?:[\w-]+\s+)?$", text[max(0, start - 40):start])
            if m:
                start = start - len(m.group())
        state_country = own or country
        if not state_country:
            return None
        name = dic.state_name(state_country, e.force, when, e.suffix)
        inter = 8 if country and state_country != country else 1
        return ActorMention(ana.span(start, end), name, inter, sentence, kind="state")
    if e.kind == "group":
        if e.only_by_country and country not in dict(e.by_country):
            if e.skip_elsewhere:
                return None
            return ActorMention(ana.span(start, end), dic.generic_name("Unidentified Armed Group", country), 3,
                                sentence, kind="unidentified")
        name = dic.group_name(e, country, when)
        inter = e.inter
        state = re.match(r"(?:Military|Police) Forces of (?:the )?(.+?) \(", name)
        if state:  # "Taliban" in Kabul: the state's forces; the Houthis' missile on Saudi Arabia: a state force abroad
            inter = 8 if country and state.group(1) != country else 1
        return ActorMention(ana.span(start, end), name, inter, sentence, kind="party" if e.party else "armed")
    return ActorMention(ana.span(start, end), dic.generic_name(e.name, country), e.inter, sentence,
                        kind=e.kind)


def _demonym_state_mentions(ana, country, when, taken) -> list[ActorMention]:
    """"Israeli drone", "Russian missiles", "Ukrainian forces": the state's military."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in dic.state_after_demonym())
    out = []
    for m in re.finditer(rf"\b(?:{words})\b", ana.text, re.IGNORECASE):
        if any(t.span.start <= m.start() < t.span.end for t in taken):
            continue
        own = dic.country_before(ana.text, m.start())
        head = re.search(r"([A-Z][\w.]*)(?:['\u2019]s)?\s+(?:[\w-]+\s+)?$", ana.text[max(0, m.start() - 40):m.start()])
        if not own or not head:
            continue
        start = m.start() - (len(head.group()))
        if m.group().lower() in ("officials", "authorities"):
            name = dic.state_name(own, "government", when)
        else:
            name = dic.state_name(own, "military", when)
        inter = 8 if country and own != country else 1
        out.append(ActorMention(ana.span(start, m.end()), name, inter, ana.sentence_at(start).index,
                                kind="state"))
        pair = re.search(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+(?:and|&)\s+$", ana.text[max(0, start - 40):start])
        other = _demonym_country(pair.group(1), ana.text) if pair else None
        if other and other != own:  # "Somali and US forces": the forces of both states
            at = start - len(pair.group())
            out.append(ActorMention(ana.span(at, at + len(pair.group(1))), dic.state_name(other, "military", when),
                                    8 if country and other != country else 1, ana.sentence_at(at).index, kind="state"))
    return out


_BARE_MILITARY = {"troops", "soldiers", "soldier", "forces", "army", "military", "the army", "the military"}


def _foreign_bare_forces(ana, mentions: list[ActorMention], country) -> list[ActorMention]:
    """"The Israeli military said troops had opened fire" in the West Bank: bare "troops" are the foreign
    force just named, not the event country's army, when the report names no force of that country."""
    if not country:
        return mentions
    explicit = [m for m in mentions if m.kind == "state" and not _bare_military(m)]
    if any(m.inter == 1 and m.name.startswith(("Military Forces", "Police Forces")) for m in explicit):
        return mentions
    out = []
    for m in mentions:
        if m.kind == "state" and m.inter == 1 and _bare_military(m):
            ante = [e for e in explicit if e.inter == 8 and e.name.startswith("Military Forces")
                    and e.span.end <= m.span.start and m.sentence - e.sentence in (0, 1)]
            if len({e.name for e in ante}) == 1:
                m = ActorMention(m.span, ante[-1].name, 8, m.sentence, m.role, m.kind)
        out.append(m)
    return out


def _bare_military(m: ActorMention) -> bool:
    return dic.normalise(re.sub(r"^(?:the|its|their)\s+", "", m.span.text.strip(), flags=re.IGNORECASE)) \
        in _BARE_MILITARY


def _demonym_country(word: str, text: str = "") -> Optional[str]:
    c = countries.by_demonym(word) or (countries.lookup(word) if len(word) > 3 or word in ("US", "U.S.", "UK") else None)
    return dic.congo(c.name, word, text) if c else None


_STATE_ACTS = (r"(?:has\s+|had\s+|have\s+)?(?:also\s+|again\s+)?(?:struck|strikes|strike|launched|launches|attacked|attacks|"
               r"shelled|shells|bombed|bombs|bombarded|pounded|pounds|fired|fires|hit|hits|targeted|targets|"
               r"carried\s+out|invaded|captured|seized|shot\s+down|intercepted)\b")


def _country_agent_mentions(ana, country, when, taken) -> list[ActorMention]:
    """"Russia struck Kharkiv", "Israel launched strikes": a state acting by its name is its military."""
    out = []
    for m in re.finditer(rf"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})\s+{_STATE_ACTS}", ana.text):
        if any(t.span.start <= m.start() < t.span.end for t in taken):
            continue
        key = m.group(1)
        c = countries.lookup(key) if len(key) > 3 or key in ("US", "U.S.", "UK") else None
        if c is None or countries.by_demonym(key) is not None:
            continue
        named = dic.congo(c.name, key, ana.text)
        inter = 8 if country and named != country else 1
        out.append(ActorMention(ana.span(m.start(1), m.end(1)), dic.state_name(named, "military", when), inter,
                                ana.sentence_at(m.start()).index, kind="state"))
    return out


def _coordinated_mentions(ana, country, when, taken) -> list[ActorMention]:
    """"Kuki and Meitei village volunteers": the first conjunct shares the head noun of the second."""
    out = []
    for m in taken:
        if m.kind not in ("armed", "state"):
            continue
        words = m.span.text.split(maxsplit=1)
        before = re.search(r"(?<![\w-])([\w-]+)\s+(?:and|or|&)\s+$", ana.text[max(0, m.span.start - 40):m.span.start])
        if len(words) < 2 or before is None:
            continue
        start = m.span.start - len(before.group())
        if any(t.span.start <= start < t.span.end for t in taken + out):
            continue
        phrase = f"{before.group(1)} {words[1]}"
        hit = dic.match_phrases(phrase)
        if len(hit) == 1 and hit[0].start == 0 and hit[0].end == len(phrase) and hit[0].entry.kind == "group":
            mention = _resolve(ana, dic.PhraseMatch(start, start + len(before.group(1)), hit[0].entry), country, when)
            if mention is not None:
                out.append(mention)
    return out


def _absorb_heads(ana: Analysis, mentions: list[ActorMention]) -> list[ActorMention]:
    """Extend "Al Shabaab" to "Al Shabaab fighters" and drop the generic nouns it swallows."""
    out: list[ActorMention] = []
    for m in mentions:
        if m.kind in ("armed", "state"):
            head = _HEAD_NOUNS.match(ana.text[m.span.end:m.span.end + 30])
            if head:
                m = ActorMention(ana.span(m.span.start, m.span.end + head.end()), m.name, m.inter,
                                 m.sentence, kind=m.kind)
        if out and out[-1].name == m.name and 0 <= m.span.start - out[-1].span.end <= 1 \
                and not ana.text[out[-1].span.end:m.span.start].strip():  # "Radaa" + "Special ... Force"
            prev = out.pop()
            m = ActorMention(ana.span(prev.span.start, m.span.end), m.name, m.inter, prev.sentence, kind=m.kind)
        if out and m.span.start < out[-1].span.end:  # overlap: keep the longer mention
            if (m.span.end - m.span.start) <= (out[-1].span.end - out[-1].span.start):
                continue
            out.pop()
        out.append(m)
    return out


__all__ = ["find_actors", "infer_country"]
