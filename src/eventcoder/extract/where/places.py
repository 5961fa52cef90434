"""Toponyms of a report (`find_places`) and the place of one event (`event_place`).

Codebook §3: the most specific named place is coded. "near X", "outskirts of X", "15 km west of X",
"X district" -> X with geo_precision 2; a province/region alone or a natural feature -> 3 with
the provincial capital or centre; a town or neighbourhood itself -> 1. A country alone is not
a location: `event_place` then returns an empty name and the country, for the coder to drop.

Example: "Gunmen attacked a village near Gusau in Zamfara state." -> Gusau (precision 2,
modifier "near"), Zamfara (kind admin1, precision 3); event_place picks Gusau.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import replace
from typing import Optional

from ... import countries
from ...gazetteer import get_gazetteer
from ...gazetteer.context import border_side, borders, neighbourhoods, references
from ...gazetteer.votes import context_countries as _context_countries, country_inside, foreign_clash as _foreign_clash
from ...gazetteer.lookup import Candidate
from ...gazetteer.mentions import Mention, scan, stopwords
from ..base import Analysis, Place
from .capitals import capital_place
from .namesake import is_namesake, other_town_told
from .province import fill_admin1
from .ranking import best_place, source_place
from .spelling import written_name
from .unlisted import unlisted_place, village_over

LOGGER = logging.getLogger(__name__)
#: why an event is placed at its dateline's city (`segment.aggregate` lets a twin naming its town replace it)
DATELINE_REASON = "no place in the event sentences; dateline city"
#: the event sentence describes its town without naming it: the dateline city is then not the place
UNNAMED_PLACE = re.compile(r"\b(?:in|at|near|on)\s+an?\s+(?:(?:northern|southern|eastern|western|north-?eastern|"
                           r"north-?western|south-?eastern|south-?western|central|remote|small|border|frontier)\s+)?"
                           r"(?:[A-Z][a-z]+\s+)?(?:city|town|village|district|province|region)\b")
#: how far after the event sentence the unnamed town may be named
LATER_SENTENCES = 8

from ...gazetteer.cues import (ADMIN1_AFTER, ADMIN1_BEFORE, ADMIN2_AFTER, AREA_AFTER, CAMP_AFTER,
                             CITY_PART_BEFORE, CITY_POSSESSIVE_BEFORE, FACILITY_AFTER, FACILITY_BEFORE, LOC_BEFORE, NEAR_BEFORE,
                             PART_BEFORE, POSSESSIVE_AFTER, RELATIVE_GAP, ROAD_AFTER, ROAD_BEFORE, ROAD_RIGHT,
                             DASH_BEFORE, POSSESSIVE_PLACE,
                             LANDMARK_AFTER, PART_OF_BEFORE, COMPOUND_AFTER, line_dateline)

PLACE_KINDS = ("place", "neighbourhood", "camp", "crossing", "base")
NER_PLACE = ("GPE", "LOC", "FAC")
BIG_TOWN = 100_000


def _admin_hint(left: str, right: str) -> bool:
    """"Anbar province", "Borno State", "la région de Mopti": the name is a first-level unit."""
    return bool(ADMIN1_AFTER.match(right) or ADMIN1_BEFORE.search(left))


def _country_place(c: countries.Country, span, sentence: int) -> Place:
    return Place(span=span, name=c.name, country=c.name, iso3=c.iso3, kind="country",
                 sentence=sentence)


def _accept(ana: Analysis, m: Mention, left: str, right: str, sent_start: int) -> bool:
    """Is this gazetteer match a toponym here (not a common word, a person or part of a name)?"""
    if COMPOUND_AFTER.match(right):
        return False  # "a Moscow-funded militia"
    if any(c.curated for c in m.candidates):
        return True
    if ana.dateline is not None and ana.dateline_place and \
            ana.dateline.start <= m.start and m.end <= ana.dateline.start + len(ana.dateline_place):
        return True  # the dateline's place ("SÃO PAULO —"); the parse never sees it (nlp.analyse)
    key = m.text.lower()
    if key in stopwords(ana.lang) or len(key) < 3:
        return False
    if FACILITY_AFTER.match(right):
        return False
    if m.text.isupper() and len(m.text) <= 4 and (left.endswith("(") or right.startswith(")")):
        return False  # an acronym in parentheses: "(SAN)", "(GDA)"
    pop = max((c.population for c in m.candidates), default=0)
    prev = re.search(r"([A-Z][\w'’-]*) $", left)
    cue = bool(LOC_BEFORE.search(left) or NEAR_BEFORE.search(left) or ADMIN1_AFTER.match(right)
               or ADMIN2_AFTER.match(right) or ROAD_AFTER.match(right) or ROAD_BEFORE.search(left)
               or (DASH_BEFORE.search(left) and ROAD_RIGHT.match(right))  # "the Maiduguri-Damboa road"
               or FACILITY_BEFORE.search(left))  # "Government Secondary School Kankara"
    if ana.lang == "en" and m.text.isupper() and len(m.text) <= 4 and m.start > sent_start and not left.endswith("\n") \
            and not re.search(r"\b(?:in|at|near|outside|around|of|from|to)\s+$", left, re.IGNORECASE):
        return False  # an acronym inside a sentence: "on Saturday, AVA reported" (an agency), not Ava
    doc = ana.spacy_doc
    if doc is not None:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        label = next((t.ent_type_ for t in span if t.ent_type_), "") if span is not None else ""
        if label in NER_PLACE:
            return True
        if label == "PERSON" and left.rstrip().endswith(",") and re.match(r"\s+[A-Z][\w'’-]+", right):
            return False  # "one of the villagers, Hassan Ya'u, who escaped": a name and surname, no place
        if label:  # PERSON, ORG, NORP...: NER may be wrong ("Goma" as a person) when a cue says place
            if prev and not cue and prev.group(1) not in ("The", "In", "At"):
                return False  # the tail of a longer name: "Emergency Medicine Centre"
            return cue or pop >= BIG_TOWN * 5
        if span is not None and not any(t.pos_ == "PROPN" for t in span):
            # the tagger calls unknown names nouns ("near Tessalit"): a capitalised word inside the
            # sentence right after a locative cue is still a place
            return cue and m.start != sent_start and m.text[:1].isupper() and not prev
        return cue or pop >= BIG_TOWN
    # no parser: a capitalised word at the start of a sentence proves nothing
    if m.start == sent_start and " " not in m.text:
        return pop >= BIG_TOWN and cue
    if prev and not cue:  # "President Hassan", "Ali Goma"
        return False
    return cue or pop >= 5_000


def _score(c: Candidate, ctx: Counter, admin_hint: bool, near_admin1: set, article: bool = False) -> float:
    s = math.log10(c.population + 1) * 0.5 + (1.5 if c.curated else 0)
    if article and not admin_hint and c.kind in ("sea", "feature"):
        s += 4  # "in the Red Sea" is the sea; "Sudan's Red Sea state" the province
    if c.iso2 and ctx[c.iso2] > 0:
        s += 4 + min(ctx[c.iso2], 4)
        if c.kind == "feature":  # a lake several countries share: the one the report names most
            s += 0.1 * ctx[c.iso2]
    if (c.iso2, c.admin1) in near_admin1:
        s += 1.5
    if c.kind == "admin1":  # "the Nara region" in a report on Mali: a Malian place, not Japan's Nara
        if admin_hint:
            abroad = bool(c.iso2) and ctx[c.iso2] <= 0 and any(isinstance(k, str) and v > 0 for k, v in ctx.items())
            s += 2 if abroad else 6
        else:
            s -= 1.0
    elif c.kind == "admin2" and (c.iso2 not in ctx or ctx[c.iso2] <= 0):
        s -= 6
    elif c.kind == "neighbourhood" and c.iso2 not in ctx:
        s -= 6
    return s


def _precision(kind: str, modifier: Optional[str]) -> int:
    if kind in ("admin1", "feature", "sea", "border"):
        return 3
    return 2 if modifier in ("near", "district", "area", "road", "relative", "unlisted") else 1


def _modifier(best: Candidate, left: str, right: str, gap: Optional[str]) -> Optional[str]:
    """How the text qualifies the place: near / area / road / relative / district / region / None.

    `gap` is the text up to the next place mention ("camp on the northern edge of " before El Fasher).
    """
    if best.kind == "admin2":  # "in Bajaur district": the unit's main town stands for it
        return "near" if NEAR_BEFORE.search(left) else "district"
    if best.kind not in PLACE_KINDS:
        return "region" if PART_BEFORE.search(left) else None
    if NEAR_BEFORE.search(left):
        if POSSESSIVE_AFTER.match(right) and not AREA_AFTER.match(right):
            return None  # "near Islamabad's Zero Point": a landmark inside the city
        if CITY_PART_BEFORE.search(left):
            return None  # "the colonia Aguaruto, west of Culiacán": a part of the city
        if left.endswith(("the ", "The ")) and LANDMARK_AFTER.match(right):
            return None  # "outside the Turbat Press Club": a landmark inside the town
        if best.kind == "neighbourhood" and PART_OF_BEFORE.search(left):
            return None  # "a residential part of Wadajir district": inside the neighbourhood
        return "near"
    if AREA_AFTER.match(right):
        return "area"
    if ROAD_AFTER.match(right) or ROAD_BEFORE.search(left) or (DASH_BEFORE.search(left) and ROAD_RIGHT.match(right)):
        return "road"
    if gap is not None and RELATIVE_GAP.match(gap) and best.kind == "camp":
        return "relative"  # "the X camp on the northern edge of Y": the camp's point is approximate
    if gap is not None and POSSESSIVE_PLACE.match(gap):
        return "container"  # "Kunduz's Khanabad district": the event is in the second place
    if ADMIN2_AFTER.match(right) and best.kind == "place":
        return "district"
    return None


def _unlisted(gaz, m: Mention, best: Candidate, modifier, after: list, text: str):
    """"the village of X south-east of Y in the Z region" where the gazetteer has no X in Z: X coded
    near Y (or at Z's centre), in Z, precision 2 (codebook §3; the point is approximate)."""
    for m2, left2, right2, _ in after:
        if m2.start - m.end > 80:
            break
        district = bool(ADMIN2_AFTER.match(right2))
        if not _admin_hint(left2, right2) and not district:
            continue
        admin = [c for c in m2.candidates if c.kind == "admin1" and c.iso2 == best.iso2]
        # "the town of X in Y municipality": the town that is the seat of the unit, in one province
        town = [c for c in m2.candidates if c.kind == "place" and c.iso2 == best.iso2] \
            if district and not admin and len({c.admin1 for c in m2.candidates}) == 1 else []
        if not admin and not town:
            continue  # "a town in the Aguililla region of Michoacan state": the state comes after
        unit = (admin or town)[0]
        if any(c.admin1 and (c.admin1 == unit.admin1 or c.admin1.startswith(unit.admin1 + "-")) for c in m.candidates):
            return best, modifier
        ref = town[0] if town else next((c for m3, *_ in after if m3.start < m2.start for c in m3.candidates
                                         if c.kind == "place" and c.admin1 == unit.admin1), unit)
        LOGGER.debug("place %r not in the gazetteer under %s: coded near %s", m.text, unit.admin1, ref.name)
        return replace(best, admin1=unit.admin1, admin2=ref.admin2 if ref is not unit else None,
                       latitude=ref.latitude, longitude=ref.longitude, population=0), "unlisted"
    return best, modifier


def _city_district(gaz, m: Mention, best: Candidate, places: list[Place], ctx: Counter) -> Candidate:
    """"the city's X district" -> the curated "City - X" neighbourhood, else the city named last."""
    city = next((p for p in reversed(places) if p.kind == "place" and p.modifier != "dateline"
                 and " - " not in p.name), None)
    if city is None:
        return best
    hood = next((c for c in m.candidates if c.name.startswith(city.name + " - ")), None)
    if hood:
        return hood
    same = [c for c in gaz.lookup(city.name) if c.iso2 and countries.lookup(c.iso2)
            and countries.lookup(c.iso2).name == city.country and c.kind == "place"]
    return max(same, key=lambda c: _score(c, ctx, False, set())) if same else best


def find_places(ana: Analysis) -> list[Place]:
    """Every toponym mention in the report, resolved, in offset order.

    Args:
        ana (Analysis): the analysed report; `ana.spacy_doc` may be None.
    Returns:
        list[Place]: one per mention; countries and demonyms have kind "country" and no
        precision; admin1 units kind "admin1" and precision 3; borders kind "border".

    Memoised on the Analysis (the coder, the sources and the actors all ask): each call gets
    its own list of its own Place copies.
    """
    cached = ana.__dict__.get("_places")
    if cached is None:
        cached = ana.__dict__["_places"] = tuple(_find_places(ana))
    return [replace(p) for p in cached]


def _find_places(ana: Analysis) -> list[Place]:
    text = ana.text
    gaz = get_gazetteer()
    mentions = scan(text, gaz, ana.lang)
    kept: list[tuple[Mention, str, str, int]] = []
    for m in mentions:
        sent = ana.sentence_at(m.start)
        left, right = text[max(0, m.start - 60):m.start], text[m.end:m.end + 40]
        if m.country and (not m.candidates or m.demonym or not any(c.curated for c in m.candidates)):
            kept.append((m, left, right, sent.index))
        elif m.candidates and _accept(ana, m, left, right, sent.start):
            kept.append((m, left, right, sent.index))
        else:
            LOGGER.debug("place rejected: %r", m.text)
    ctx = _context_countries(ana, [k[0] for k in kept])
    places: list[Place] = []
    near_admin1: set = set()
    for m, left, right, sidx in kept:  # admin1 mentions first inform the towns around them
        if CAMP_AFTER.match(right):  # "Jenin refugee camp" -> the curated camp, not the town
            m.candidates = gaz.lookup(m.text + " camp") or m.candidates
        if not m.country and (_admin_hint(left, right) or all(c.kind == "admin1" for c in m.candidates)):
            admin = [c for c in m.candidates if c.kind == "admin1"]
            if admin:
                best = max(admin, key=lambda c: _score(c, ctx, True, set()))
                near_admin1.add((best.iso2, best.admin1))
    for n, (m, left, right, sidx) in enumerate(kept):
        span = ana.span(m.start, m.end)
        if m.country and (not m.candidates or m.demonym or not any(c.curated for c in m.candidates)):
            places.append(_country_place(m.country, span, sidx))
            continue
        admin_hint = _admin_hint(left, right)
        article = bool(re.search(r"\bthe\s+$", left, re.IGNORECASE))
        inside = country_inside(m.text)  # "South Lebanon" is in Lebanon, not Ohio; "Lake Chad" is in four
        pool = [c for c in m.candidates if inside is None or c.iso2 == inside.iso2 or c.kind == "feature"] or m.candidates
        best = max(pool, key=lambda c: _score(c, ctx, admin_hint, near_admin1, article))
        own = ctx[(m.text.lower(), best.iso2)]  # the mention's own vote for its country
        if best.kind == "admin2" and ctx[best.iso2] - own <= 0 and not ADMIN2_AFTER.match(right):
            LOGGER.debug("place rejected (district of a country not in the report): %r", m.text)
            continue
        # a spelling variant (fuzzy match) or a French/Spanish alternate name is a place only where the
        # report is: "Nasser" the official is no variant of a curated town in a country nothing else in
        # the report names, "Boni" in Mali no name of Bonn
        if _foreign_clash(best, m, ctx) or ((m.fuzzy or m.exonym) and ctx[best.iso2] - own <= 0):
            # a small town abroad in a report about elsewhere is nearly always a name clash
            LOGGER.debug("place rejected (foreign, small): %r -> %s %s", m.text, best.name, best.iso2)
            continue
        nxt = next((k[0] for k in kept[n + 1:] if k[0].candidates and not k[0].country), None)
        modifier = _modifier(best, left, right, text[m.end:nxt.start] if nxt else None)
        if CITY_POSSESSIVE_BEFORE.search(left) and places:  # "the city's Kyivskyi district": the city
            best, modifier = _city_district(gaz, m, best, places, ctx), None
        if (ana.dateline and ana.dateline.start <= m.start < ana.dateline.end) or line_dateline(text, m.start, m.end):
            modifier = "dateline"
        elif best.kind == "place" and not best.curated:
            best, modifier = _unlisted(gaz, m, best, modifier, [k for k in kept[n + 1:] if k[3] == sidx], text)
        country = countries.lookup(best.iso2) if best.iso2 else None
        places.append(Place(
            span=span, name=best.name, country=country.name if country else None,
            iso3=country.iso3 if country else None, admin1=best.admin1, admin2=best.admin2,
            latitude=best.latitude, longitude=best.longitude,
            geo_precision=_precision(best.kind, modifier),
            kind="admin1" if best.kind == "admin1" else ("sea" if best.kind == "sea" else
                                                         "feature" if best.kind == "feature" else "place"),
            population=best.population, sentence=sidx, modifier=modifier, written=written_name(ana.lang, m, best),
            reason=f"{len(m.candidates)} candidate(s); chose {best.name} ({best.iso2}, {best.kind})"))
        if best.kind != "admin1":
            near_admin1.add((best.iso2, best.admin1))
    places.extend(borders(ana))
    places.sort(key=lambda p: p.span.start)
    return neighbourhoods(ana, references(text, places))


def _border_in_admin1(best: Place, near: list[Place]) -> Place:
    """A border area and a province of one of its countries -> "Iraq-Syria border (Anbar)", precision 3,
    with the province's admin1 and centre (codebook §3: the nearest natural location the report names)."""
    border = best if best.kind == "border" else next((p for p in near if p.kind == "border"), None)
    admin = best if best.kind == "admin1" else next((p for p in near if p.kind == "admin1"), None)
    if border is None or admin is None or admin.country not in border.reason:
        return best
    short = admin.span.text.split("'")[0].strip()
    return replace(admin, name=f"{border.name} ({short})", kind="border", modifier="border", geo_precision=3,
                   reason=f"border area in {admin.admin1}: {border.span.text!r} and {admin.span.text!r}")


def _unlisted_in(ana: Analysis, region: Place, sentences: list[int]) -> Place:
    """A province or district named with a village the gazetteer lacks, in the same sentence or
    one of the next four event sentences: the village, in that province or district, at its point (precision
    3, or 2 for a district)."""
    near = [region.sentence] + [i for i in sentences if i > region.sentence][:4]
    named = unlisted_place(ana, near, region.country or "", region.iso3, region.admin1)
    if named is None or named.name == region.span.text or region.span.text in named.name:
        return region
    unit = "district" if region.kind == "admin2" or region.modifier == "district" else "province"
    return replace(region, span=named.span, name=named.name, geo_precision=2 if unit == "district" else 3,
                   modifier="unlisted", kind="place",
                   reason=f"{named.name!r} is not in the gazetteer: the named place, in "
                          f"{region.admin2 if unit == 'district' else region.admin1}, at the {unit}'s point")


def event_place(ana: Analysis, places: list[Place], sentences: list[int]) -> Place:
    """The place of the event told in `sentences` (the trigger's sentence first).

    Prefers the most specific place linked by a locative cue in the trigger sentence, then a
    more specific one in the following event sentences, then the dateline; never a place from
    other sentences. Returns `Place(span=None, name="")` with a reason when only the country
    (or nothing) is known.
    """
    wanted = set(sentences)
    usable = [p for p in places if p.sentence in wanted and p.span is not None
              and p.kind != "country" and p.modifier != "dateline"]
    first = sentences[0] if sentences else -1
    told = frozenset(p.country for p in places if p.country and (p.kind == "country" or p.modifier == "dateline"))
    best = best_place(ana, [p for p in usable if p.sentence == first], told)
    if best is not None and best.kind == "place":  # "the Abu Salim district of Tripoli"
        best = next((p for p in usable if p.sentence == best.sentence
                     and p.name.startswith(best.name + " - ")), best)
    namesake = best is not None and is_namesake(ana, best)
    if best is None or (best.geo_precision or 3) >= 3 or namesake:
        later = [p for p in usable if p.sentence != first and p.kind == "place"
                 and (best is None or (best.kind == "border" and not source_place(ana, p))  # "on the border
                      or (p.country == best.country and p.span.text != best.span.text  # with Rwanda" ... "the town of X"
                          and (best.kind != "admin1" or p.admin1 == best.admin1)
                          and (not namesake or other_town_told(ana, best, p, first))))]
        best = best_place(ana, later, told) or best or best_place(ana, usable, told)
    if best is not None:
        best = village_over(ana, best, first)  # "the village of X, 30 km from Y": X
    if best is not None and best.kind in ("admin1", "border"):
        best = _border_in_admin1(best, [p for p in places if p.span is not None
                                        and p.sentence in wanted | {first - 1}])
    if best is not None and (best.kind in ("admin1", "admin2") or best.modifier == "district"):
        best = _unlisted_in(ana, best, sentences)  # "in the village of Kpinkanou in Borno State"
    if best is not None:
        if best.kind == "border":
            side = border_side(best, places)
            return fill_admin1(ana, replace(side, reason=side.reason or "only a border area is named"), places)
        return fill_admin1(ana, replace(best, reason=f"event sentence {best.sentence}: {best.reason}"), places)
    dateline = [p for p in places if p.modifier == "dateline" and p.kind == "place"  # a dateline inside the page
                and (p.sentence in wanted or (ana.dateline and p.span.start < ana.dateline.end))]  # for its own story
    if dateline and first >= 0 and UNNAMED_PLACE.search(ana.sentences[first].text):
        # "BAGHDAD -- A bomber struck a market in a northern Iraqi city": not the dateline city but
        # the town a following sentence names ("the attack in the city of Tal Afar")
        later = [p for p in places if p.span is not None and p.kind == "place" and p.modifier != "dateline"
                 and first < p.sentence <= first + LATER_SENTENCES and p.country == dateline[0].country
                 and not source_place(ana, p)]
        if later:
            return replace(later[0], reason=f"the event sentence names no town ('a northern city'); "
                                            f"sentence {later[0].sentence} does: {later[0].reason}")
    told = {p.country for p in places if p.kind == "country" and p.sentence in wanted and p.country}
    if dateline and told and dateline[0].country not in told:
        dateline = []  # "BANGKOK (AP) -- Myanmar's army bombed ...": a wire hub abroad, not the scene
    if dateline:
        # "killing residents of the village of Solhan" under a capital's dateline: the named village
        named = unlisted_place(ana, sentences, dateline[0].country or "", dateline[0].iso3)
        if named is not None:
            return fill_admin1(ana, named, places)
        return replace(dateline[0], geo_precision=1, modifier="dateline", reason=DATELINE_REASON)
    known = [p for p in places if p.kind == "country" and p.sentence in wanted]
    known += [p for p in places if p.modifier == "dateline" and p.country]
    if known:
        c = known[0]
        capital = capital_place(ana, sentences, c.iso3 or c.country)  # "stormed parliament"
        if capital is not None:
            return capital
        named = unlisted_place(ana, sentences, c.country, c.iso3)  # "in the locality of Kpinkanou"
        if named is not None:
            return fill_admin1(ana, named, places)
        return Place(span=None, name="", country=c.country, iso3=c.iso3,
                     reason="only the country is known")
    return Place(span=None, name="", reason="no place found in the event sentences or dateline")
