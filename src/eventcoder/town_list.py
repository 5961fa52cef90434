"""One event per town when a report lists the towns an act hit (codebook §1.8: every row is one
day-location event).

"Israeli strikes hit Beit Lif, Kfar Kila and Chihine on Tuesday" is three Air/drone strikes, not
one. An event whose own sentence names two or more towns of its country as a list ("X, Y and Z",
"in X and in Y") is split into one event per town; a toll that is not told town by town is
divided evenly, the remainder going to the first towns (codebook §5), and the split is noted.
Roads and spans ("between X and Y", "from X to Y") are one place, not a list.

Town by town, each with its own toll ("a strike on X killed two people, a strike on Y killed three and
another on Z wounded four"; "قتل شخصان في غارة على X، وقتل ثلاثة في غارة على Y"): a sentence of the
event that names two or more towns of its country, each in its own clause, two or more of them with
their own figure of dead or wounded, gives one event per town with the figure of its clause
(`split_by_clauses`).
"""
from __future__ import annotations

import re
from dataclasses import replace as dc_replace
from typing import Optional

from . import mappings
from .extract.base import Analysis, Place, Sentence, Span
from .schema import Event, Evidence

#: what may stand between two listed towns: separators and the words of a list, any language
_BETWEEN = re.compile(r"^\s*(?:,|;|/)?\s*(?:(?P<conj>and|as well as|et|ainsi que|y|e|и|а также|و)\s+"
                      r"(?:(?:in|at|on|à|en|dans|в|во|на|في)\s+)?)?(?:(?:the\s+)?(?:towns?|villages?|cities|"
                      r"city|areas?|localités?|villes?|pueblos?|municipios?|localidades?|"
                      r"сёл\w*|сел\w*|город\w*|посёлк\w*)\s+(?:of\s+|de\s+|d'\s*)?)?$", re.IGNORECASE)
#: Arabic joins list items with a prefixed wa- ("وX"): the separator is then only a space or a comma
_ARABIC_WA = re.compile(r"^\s*[,،]?\s*$")
#: a span or a road, not a list
_SPAN_BEFORE = re.compile(r"(?:\bbetween|\bfrom|\broad|\bhighway|\blinking|\bconnecting|\bentre|\breliant|\bdesde|"
                          r"\bque\s+(?:une|conecta)|\bот|\bмежду|بين|من)\s+(?:the\s+)?"
                          r"(?:towns?\s+of\s+|villages?\s+of\s+)?$", re.IGNORECASE)
#: sub-types told town by town in real reports (strikes, shelling, raids, clashes, protests)
SPLITTABLE = {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack",
              "Violent demonstration", "Peaceful protest", "Protest with intervention", "Remote explosive/landmine/IED",
              "Looting/property destruction", "Abduction/forced disappearance"}
MAX_TOWNS = 8
#: most characters between the act's word and the list of its towns
NEAR = 60


def listed_towns(ana: Analysis, ev: Event, places: list[Place]) -> list[Place]:
    """The towns the event's own sentence lists (two or more), in text order, else []."""
    spans = [e for e in ev.evidence if e.field == "event_type"]
    if not spans or not ev.country:
        return []
    for span in spans:
        towns = _listed_near(ana, ev, places, span)
        if towns:
            return towns
    return []


#: a capitalised name of one to three words (particles allowed between), Latin or Cyrillic script
_CAP = r"[A-ZÀ-ÖØ-ÝА-ЯЁ][\w'’]+(?:-[\w'’]+)*"
_NAME = re.compile(rf"{_CAP}(?:[ ](?:(?:al|el|ad|ash|as|ar|de|du|la|le|del)[ -])?{_CAP}){{0,2}}")


#: languages whose lists may hold towns the gazetteer lacks. Not Arabic (no capitals: a name cannot be
#: told from a word) nor English, whose reports list counties and provinces ("Lamu, Garissa and Wajir
#: counties") the gazetteer keeps as areas, not towns
_UNLISTED_LANGS = ("fr", "es", "ru")


def _unlisted_items(ana: Analysis, ev: Event, places: list[Place], sent: Sentence,
                    known: list[Place]) -> list[Place]:
    """Names the gazetteer lacks that stand in a list with the sentence's known towns ("Khiam,
    Deir Kifa et Bint Jbeil", "Khiam et Deir Kifa"): each becomes a town of the list, named, in the
    event's country, without coordinates (as `where/unlisted.py` keeps such a place)."""
    from . import countries

    if not known:
        return []
    taken = [(p.span.start, p.span.end) for p in places if p.span is not None]
    out: list[Place] = []
    for m in _NAME.finditer(ana.text, sent.start, sent.end):
        if any(a < m.end() and m.start() < b for a, b in taken) or countries.lookup(m.group()) is not None:
            continue
        before = ana.text[max(sent.start, m.start() - 40):m.start()]
        after = ana.text[m.end():min(sent.end, m.end() + 40)]
        listed_before = any(_BETWEEN.match(before[before.rfind(p.span.text) + len(p.span.text):])
                            for p in known + out if p.span.text in before)
        listed_after = any(after.find(p.span.text) >= 0 and _BETWEEN.match(after[:after.find(p.span.text)])
                           for p in known)
        if not (listed_before or listed_after):
            continue
        span = Span(m.start(), m.end(), m.group())
        out.append(Place(span=span, name=m.group(), country=ev.country, iso3=ev.iso3, geo_precision=3,
                         kind="place", sentence=sent.index, modifier="unlisted",
                         reason=f"{m.group()!r} is not in the gazetteer: a town of the list, in {ev.country}, "
                                f"without coordinates"))
    return out


def _listed_near(ana: Analysis, ev: Event, places: list[Place], trigger: Evidence) -> list[Place]:
    """The towns listed right after (or just before) one trigger of the event, in its sentence."""
    sent = ana.sentence_at(trigger.start)
    here = [p for p in places if p.span is not None and sent.start <= p.span.start < sent.end
            and p.kind == "place" and p.country == ev.country and p.modifier not in ("dateline", "reference")]
    here.sort(key=lambda p: p.span.start)
    if ana.lang in _UNLISTED_LANGS:
        here = sorted(here + _unlisted_items(ana, ev, places, sent, here), key=lambda p: p.span.start)
    best: list[Place] = []
    run: list[Place] = []
    joined = False  # a list has a conjunction ("X, Y and Z"); "X, Y" is a place and its district
    best_joined = False
    for p in here:
        gap = ana.text[run[-1].span.end:p.span.start] if run else ""
        m = _BETWEEN.match(gap) if run else None
        wa = bool(run) and ana.lang == "ar" and _ARABIC_WA.match(gap) and ana.text[p.span.start - 1:p.span.start] == "و"
        if run and (m or wa) and p.name not in {q.name for q in run}:
            run.append(p)
            joined = joined or bool(wa) or bool(m and m.group("conj"))
        else:
            run, joined = [p], False
        if len(run) > len(best):
            best, best_joined = list(run), joined
    if len(best) < 2 or len(best) > MAX_TOWNS or not best_joined or all(p.modifier == "unlisted" for p in best):
        return []
    if _SPAN_BEFORE.search(ana.text[max(sent.start, best[0].span.start - 30):best[0].span.start]):
        return []
    after = ana.text[trigger.end:best[0].span.start] if trigger.end <= best[0].span.start else None
    before = ana.text[best[-1].span.end:trigger.start] if best[-1].span.end <= trigger.start else None
    gap = after if after is not None else before
    if gap is None or len(gap) > NEAR or re.search(r"[,;:]\s|\.\s", gap) and len(gap) > NEAR // 2:
        return []  # the list is the act's own place, not towns named elsewhere in the sentence
    if ev.location and ev.location not in {p.name for p in best}:
        return []  # the event was placed elsewhere (a district, a camp): the list is something else
    return best


def _shares(total: int, n: int) -> list[int]:
    """`total` divided evenly over `n`, the remainder to the first (codebook §5: 7 over 3 -> 3/2/2)."""
    return [total // n + (1 if i < total % n else 0) for i in range(n)]


def split_by_town(ana: Analysis, ev: Event, places: list[Place]) -> list[Event]:
    """`ev` as one event per listed town, or [ev] when its sentence lists none."""
    if ev.background or ev.sub_event_type not in SPLITTABLE:
        return [ev]
    by_clause = split_by_clauses(ana, ev, places)
    if by_clause:
        return by_clause
    towns = listed_towns(ana, ev, places)
    if not towns:
        return [ev]
    return _per_town(ev, towns, _shares(ev.fatalities, len(towns)))


#: where one clause of a town-by-town sentence ends: a comma or semicolon, a conjunction, and in Arabic
#: a word with a prefixed wa- ("وقتل")
_CLAUSE_BREAK = re.compile(r"[,;،؛]|\s(?:and|while|whereas|et|tandis que|alors que|y|mientras|mientras que|и|а|"
                           r"при этом)\s|\sو(?=[\u0621-\u064A]{2})", re.IGNORECASE)


def _masked(ana: Analysis, start: int, end: int) -> Analysis:
    """The analysis with every character outside [start, end) blanked (same offsets), no parse."""
    text = ana.text
    blank = re.compile(r"[^\n]")
    masked = blank.sub(" ", text[:start]) + text[start:end] + blank.sub(" ", text[end:])
    sentences = [Sentence(s.index, s.start, s.end, masked[s.start:s.end]) for s in ana.sentences]
    return dc_replace(ana, document=dc_replace(ana.document, text=masked), sentences=sentences, spacy_doc=None)


def _window(ana: Analysis, index: int) -> tuple[int, int]:
    """The sentence and its neighbours joined to it by a comma (the Arabic splitter ends a sentence at "،")."""
    first = last = index
    while first > 0 and ana.sentences[first - 1].text.rstrip()[-1:] in _COMMAS:
        first -= 1
    while last + 1 < len(ana.sentences) and ana.sentences[last].text.rstrip()[-1:] in _COMMAS:
        last += 1
    return first, last


_COMMAS = (",", "،", ";", "؛")


def _clause_towns(ana: Analysis, ev: Event, places: list[Place], sent: Sentence) -> list[tuple[Place, int, int]]:
    """The towns of the event's country in `sent` (a window of sentences), each with the stretch of its
    own clause, or []."""
    towns: list[Place] = []
    for p in sorted((p for p in places if p.span is not None and sent.start <= p.span.start < sent.end),
                    key=lambda p: p.span.start):
        if p.kind != "place" or p.country != ev.country or p.modifier in ("dateline", "reference"):
            continue
        if towns and p.name == towns[-1].name:
            continue
        if p.name in {t.name for t in towns}:
            return []  # a town named twice: not a list of places
        towns.append(p)
    if len(towns) < 2 or len(towns) > MAX_TOWNS:
        return []
    cuts = [sent.start]
    for a, b in zip(towns, towns[1:]):
        breaks = list(_CLAUSE_BREAK.finditer(ana.text, a.span.end, b.span.start))
        if not breaks or _SPAN_BEFORE.search(ana.text[max(sent.start, b.span.start - 30):b.span.start]):
            return []  # "X, Y": a town and its district; "between X and Y": a span
        cuts.append(breaks[-1].start())
    cuts.append(sent.end)
    return [(t, cuts[i], cuts[i + 1]) for i, t in enumerate(towns)]


def split_by_clauses(ana: Analysis, ev: Event, places: list[Place]) -> list[Event]:
    """One event per town of a town-by-town sentence, each with the toll of its own clause, or []."""
    from .extract.howmany.fatalities import count_fatalities

    told = sorted({_window(ana, ana.sentence_at(e.start).index) for e in ev.evidence
                   if e.field in ("event_type", "location", "fatalities", "injured")})
    for first, last in told:
        window = Sentence(first, ana.sentences[first].start, ana.sentences[last].end, "")
        stretches = _clause_towns(ana, ev, places, window)
        if not stretches or (ev.location and ev.location not in {t.name for t, _, _ in stretches}):
            continue
        tolls = [count_fatalities(_masked(ana, a, b), list(range(first, last + 1))) for _, a, b in stretches]
        own = [bool(t.spans) or t.injured is not None for t in tolls]
        if sum(own) < 2:
            continue
        return _per_town(ev, [t for t, _, _ in stretches], [t.value for t in tolls],
                         "told town by town, each with its own figure")
    return []


def _per_town(ev: Event, towns: list[Place], deaths: list[int], how: str = "") -> list[Event]:
    out = []
    for town, dead in zip(towns, deaths):
        evidence = [e for e in ev.evidence if e.field != "location"]
        evidence.append(Evidence("location", town.span.start, town.span.end, town.span.text))
        reasons = dict(ev.reasons)
        reasons["location"] = f"one of {len(towns)} towns the event's sentence lists: {town.reason}"
        if how:
            reasons["fatalities"] = f"{dead}: {how} ({'/'.join(map(str, deaths))})"
        elif ev.fatalities:
            reasons["fatalities"] = (f"{ev.fatalities} told for {len(towns)} towns, divided evenly "
                                     f"({'/'.join(map(str, deaths))}); " + ev.reasons.get("fatalities", ""))
        out.append(dc_replace(ev, location=town.name, admin1=town.admin1, admin2=town.admin2, country=town.country,
                              iso3=town.iso3, latitude=town.latitude, longitude=town.longitude,
                              geo_precision=town.geo_precision, fatalities=dead,
                              fatalities_low=None, fatalities_high=None, evidence=evidence, reasons=reasons,
                              main=ev.main and not out))
        out[-1].notes = mappings.notes(out[-1])
    return out


def split_events(ana: Analysis, events: list[Event], places: Optional[list[Place]]) -> list[Event]:
    """Every event split by the towns its sentence lists (see `split_by_town`)."""
    if not places:
        return events
    return [part for ev in events for part in split_by_town(ana, ev, places)]
