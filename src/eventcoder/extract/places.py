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

from .. import countries
from ..gazetteer import get_gazetteer
from ..gazetteer.lookup import Candidate
from ..gazetteer.mentions import Mention, scan, stopwords
from .base import Analysis, Place

LOGGER = logging.getLogger(__name__)

_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_DIR_FR = r"(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)"
_DIR_ES = r"(?:norte|sur|este|oeste|poniente|oriente|noreste|noroeste|sureste|suroeste)"
# text just before a mention that makes it "near X" (precision 2); matched against the left context
NEAR_BEFORE = re.compile(
    rf"(?:\bnear|\bnearby|\boutside(?: of)?|\baround|\bclose to|\boutskirts of|\bedge of|\bvicinity of"
    rf"|\b(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\w+\s+)?(?:of|from)|\b{_DIR}(?:ern)?\s+of"
    rf"|\broad (?:between|from|linking|to)|\bhighway (?:between|from|to)|\bhinterlands of|\bforests? of"
    rf"|\bprès de|\bà la périphérie de|\baux environs de|\bau {_DIR_FR} de|\bà l'{_DIR_FR} de"
    rf"|\bcerca de|\bafueras de|\bal {_DIR_ES} de|\ba las afueras de"
    rf"|\bна окраине|\bпод|\bвблизи|\bрядом с|\bفي محيط|\bقرب|\bبالقرب من|\bشمالي|\bجنوبي|\bشرقي|\bغربي)"
    r"(?:\s+(?:the|a|la|le|el|de|du|des)\b)?(?:\s+(?:town|city|village|port|capital|district|ville|ciudad|localité)"
    r"(?:\s+of|\s+de)?)?\s*$",
    re.IGNORECASE,
)
# a locative preposition right before a mention: the place is a setting, not a name in a title
LOC_BEFORE = re.compile(
    r"(?:\b(?:in|at|inside|into|on|across|towards?|from|of|near|stormed|seized|captured|recaptured|entered|took|taken|"
    r"retook|retaken|overran|overrun|hit|struck|shelled|attacked|targeted|à|au|aux|dans|en|de|a|del|en el|в|во|на|под|في|ب)\s+(?:the\s+)?"
    r"(?:(?:northern|southern|eastern|western|central|north-?\w+ern|south-?\w+ern|downtown)\s+)?"
    r"(?:(?:[A-Z]\w+\s+)?(?:town|city|village|port city|port|capital|region|province|district|area|"
    r"neighbourhood|neighborhood|suburb|camp|ville|ciudad|colonia|localité)\s+of\s+)?|,\s*)$",
)
PART_BEFORE = re.compile(r"\b(northern|southern|eastern|western|central|north-?\w+ern|south-?\w+ern)\s+$", re.I)
ADMIN1_AFTER = re.compile(r"^(?:'s)?\s+(?:province|state|region|governorate|oblast|county|department|"
                          r"prefecture|wilaya|région|département|estado|departamento|provincia)\b", re.I)
ADMIN1_BEFORE = re.compile(r"\b(?:région|province|préfecture|département|wilaya|provincia|departamento|estado|"
                           r"region|state|governorate|oblast)\s+(?:de la |de l'|de|du|d'|del|of)\s*$", re.I)
ADMIN2_AFTER = re.compile(r"^\s+(?:district|territory|local government area|lga|township|municipality|"
                          r"raion|sub-county|division|commune|cercle|territoire|municipio)\b", re.I)
FACILITY_AFTER = re.compile(r"^\s+(?:Avenue|Street|Road|Boulevard|Square|University|Stadium|Club|FC|United|Times|"
                            r"Post|Company|Airlines|Airways|Bank|Hotel|Grill|Restaurant)\b")
BORDER = re.compile(r"\b(?P<a>[A-Z][\w'’-]+)\s*[-–/]\s*(?P<b>[A-Z][\w'’-]+)\s+border\b"
                    r"|\bborder (?:between|with) (?P<c>[A-Z][\w'’-]+)(?: and (?P<d>[A-Z][\w'’-]+))?")
CAMP_AFTER = re.compile(r"^\s+(?:refugee |displacement |displaced |IDP )?camp\b", re.I)
FOREIGN_MIN_POP = 50_000
PLACE_KINDS = ("place", "neighbourhood", "camp", "crossing", "base")
NER_PLACE = ("GPE", "LOC", "FAC")
BIG_TOWN = 100_000


def _admin_hint(left: str, right: str) -> bool:
    """"Anbar province", "Borno State", "la région de Mopti": the name is a first-level unit."""
    return bool(ADMIN1_AFTER.match(right) or ADMIN1_BEFORE.search(left))


def _country_place(c: countries.Country, span, sentence: int) -> Place:
    return Place(span=span, name=c.name, country=c.name, iso3=c.iso3, kind="country",
                 sentence=sentence)


def _context_countries(ana: Analysis, mentions: list[Mention]) -> Counter:
    ctx: Counter = Counter()
    for m in mentions:
        if m.country:
            ctx[m.country.iso2] += 2
        elif len({c.iso2 for c in m.candidates}) == 1 and m.candidates[0].iso2:
            ctx[m.candidates[0].iso2] += 1
    if ana.dateline_place:
        parts = [p.strip() for p in ana.dateline_place.split(",")]
        dl_country = countries.lookup(parts[-1]) if len(parts) > 1 else None
        if dl_country:
            ctx[dl_country.iso2] += 3
        else:
            cands = get_gazetteer().lookup(parts[0])
            if cands:
                ctx[cands[0].iso2] += 2
    return ctx


def _accept(ana: Analysis, m: Mention, left: str, right: str, sent_start: int) -> bool:
    """Is this gazetteer match a toponym here (not a common word, a person or part of a name)?"""
    if any(c.curated for c in m.candidates):
        return True
    key = m.text.lower()
    if key in stopwords(ana.lang) or len(key) < 3:
        return False
    if FACILITY_AFTER.match(right):
        return False
    pop = max((c.population for c in m.candidates), default=0)
    cue = bool(LOC_BEFORE.search(left) or NEAR_BEFORE.search(left) or ADMIN1_AFTER.match(right)
               or ADMIN2_AFTER.match(right))
    doc = ana.spacy_doc
    if doc is not None:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        label = next((t.ent_type_ for t in span if t.ent_type_), "") if span is not None else ""
        if label in NER_PLACE:
            return True
        if label:  # PERSON, ORG, NORP...: NER may be wrong ("Goma" as a person) when a cue says place
            return cue or pop >= BIG_TOWN * 5
        if span is not None and not any(t.pos_ == "PROPN" for t in span):
            return False
        return cue or pop >= BIG_TOWN
    # no parser: a capitalised word at the start of a sentence proves nothing
    if m.start == sent_start and " " not in m.text:
        return pop >= BIG_TOWN and cue
    prev = re.search(r"([A-Z][\w'’-]*) $", left)
    if prev and not cue:  # "President Hassan", "Ali Goma"
        return False
    return cue or pop >= 5_000


def _score(c: Candidate, ctx: Counter, admin_hint: bool, near_admin1: set) -> float:
    s = math.log10(c.population + 1) * 0.5 + (1.5 if c.curated else 0)
    if c.iso2 and c.iso2 in ctx:
        s += 4 + min(ctx[c.iso2], 4)
    if (c.iso2, c.admin1) in near_admin1:
        s += 1.5
    if c.kind == "admin1":
        s += 6 if admin_hint else -1.0
    elif c.kind == "neighbourhood" and c.iso2 not in ctx:
        s -= 6
    return s


def _precision(kind: str, modifier: Optional[str]) -> int:
    if kind in ("admin1", "feature", "sea", "border"):
        return 3
    return 2 if modifier in ("near", "district") else 1


def _borders(ana: Analysis) -> list[Place]:
    out = []
    for m in BORDER.finditer(ana.text):
        names = [n for n in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if n]
        cs = [countries.lookup(n) or countries.by_demonym(n) for n in names]
        if not cs or not all(cs):
            continue
        label = "-".join(c.name for c in cs) + " border"
        out.append(Place(span=ana.span(m.start(), m.end()), name=label, country=cs[0].name,
                         iso3=cs[0].iso3, geo_precision=3, kind="border", modifier="border",
                         sentence=ana.sentence_at(m.start()).index,
                         reason="border area: " + ", ".join(c.name for c in cs)))
    return out


def find_places(ana: Analysis) -> list[Place]:
    """Every toponym mention in the report, resolved, in offset order.

    Args:
        ana (Analysis): the analysed report; `ana.spacy_doc` may be None.
    Returns:
        list[Place]: one per mention; countries and demonyms have kind "country" and no
        precision; admin1 units kind "admin1" and precision 3; borders kind "border".
    """
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
    for m, left, right, sidx in kept:
        span = ana.span(m.start, m.end)
        if m.country and (not m.candidates or m.demonym or not any(c.curated for c in m.candidates)):
            places.append(_country_place(m.country, span, sidx))
            continue
        admin_hint = _admin_hint(left, right)
        best = max(m.candidates, key=lambda c: _score(c, ctx, admin_hint, near_admin1))
        if ctx and best.iso2 not in ctx and not best.curated and best.population < FOREIGN_MIN_POP:
            # a small town abroad in a report about elsewhere is nearly always a name clash
            LOGGER.debug("place rejected (foreign, small): %r -> %s %s", m.text, best.name, best.iso2)
            continue
        modifier = None
        if best.kind in PLACE_KINDS:
            if NEAR_BEFORE.search(left):
                modifier = "near"
            elif ADMIN2_AFTER.match(right) and best.kind == "place":
                modifier = "district"
        elif PART_BEFORE.search(left):
            modifier = "region"
        if ana.dateline and ana.dateline.start <= m.start < ana.dateline.end:
            modifier = "dateline"
        country = countries.lookup(best.iso2) if best.iso2 else None
        places.append(Place(
            span=span, name=best.name, country=country.name if country else None,
            iso3=country.iso3 if country else None, admin1=best.admin1, admin2=best.admin2,
            latitude=best.latitude, longitude=best.longitude,
            geo_precision=_precision(best.kind, modifier),
            kind="admin1" if best.kind == "admin1" else ("sea" if best.kind == "sea" else
                                                         "feature" if best.kind == "feature" else "place"),
            population=best.population, sentence=sidx, modifier=modifier,
            reason=f"{len(m.candidates)} candidate(s); chose {best.name} ({best.iso2}, {best.kind})"))
        if best.kind != "admin1":
            near_admin1.add((best.iso2, best.admin1))
    places.extend(_borders(ana))
    places.sort(key=lambda p: p.span.start)
    return places


def _specificity(p: Place) -> int:
    if p.kind == "place":
        return 4 - (p.geo_precision or 3)  # town itself 3, near a town 2
    return {"admin1": 1, "feature": 1, "border": 0, "sea": 0}.get(p.kind, 0)


def _linked(ana: Analysis, p: Place) -> bool:
    """The place is the object of a locative preposition or cue (not a name in a title or source)."""
    left = ana.text[max(0, p.span.start - 60):p.span.start]
    if NEAR_BEFORE.search(left) or LOC_BEFORE.search(left):
        return True
    doc = ana.spacy_doc
    if doc is None:
        return False
    span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "outside", "around", "inside")


def _best(ana: Analysis, cands: list[Place]) -> Optional[Place]:
    if not cands:
        return None
    return max(cands, key=lambda p: (_linked(ana, p), _specificity(p), -p.span.start))


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
    best = _best(ana, [p for p in usable if p.sentence == first])
    if best is None or (best.geo_precision or 3) >= 3:
        later = [p for p in usable if p.sentence != first and p.kind == "place"
                 and (best is None or (p.country == best.country
                                       and (best.kind != "admin1" or p.admin1 == best.admin1)))]
        best = _best(ana, later) or best or _best(ana, usable)
    if best is not None:
        if best.kind == "border":
            return replace(best, reason="only a border area is named")
        return replace(best, reason=f"event sentence {best.sentence}: {best.reason}")
    dateline = [p for p in places if p.modifier == "dateline" and p.kind == "place"]
    if dateline:
        return replace(dateline[0], geo_precision=1, modifier="dateline",
                       reason="no place in the event sentences; dateline city")
    known = [p for p in places if p.kind == "country" and p.sentence in wanted]
    known += [p for p in places if p.modifier == "dateline" and p.country]
    if known:
        c = known[0]
        return Place(span=None, name="", country=c.country, iso3=c.iso3,
                     reason="only the country is known")
    return Place(span=None, name="", reason="no place found in the event sentences or dateline")
