"""Cues and small rules `roles.assign_roles` uses: agents after "by", unattributed air strikes,
disruptions, claimants, the other side of a fight, members of a body (split from roles.py)."""
from __future__ import annotations

import re
from typing import Optional

from . import actor_dictionary as dic
from .actor_refs import state_base
from .actor_rules import is_ally_phrase, is_victim
from .coreference import _corefer
from ..base import ActorMention
from ..according.certainty import is_speculated
from .role_parse import head_token

# a state mention named by its weapon: "Israeli air strikes" (English: the weapon last), "missile russe", "misiles
# rusos", "طائرة مسيرة إسرائيلية", "российские ракеты" (the weapon first or last in the other languages)
_WEAPONS = (r"air\s*strikes?|strikes?|drones?|missiles?|rockets?|shelling|artillery|warplanes?|jets?|aircraft|"
            r"bombardments?|bombs?|helicopters?|frappes?|raids?|avions?|h[ée]licopt[èe]res?|roquettes?|obus|"
            r"tirs?|aviation|misil(?:es)?|cohetes?|bombardeos?|ataques?\s+a[ée]reos?|aviones|aviaci[óo]n|"
            r"helic[óo]pteros?|ракет\w*|дрон\w*|беспилотник\w*|авиаци\w*|самол[её]т\w*|вертол[её]т\w*|"
            r"обстрел\w*|удар\w*|артиллери\w*|"
            r"[وفبل]?(?:ال)?(?:طائرة|طائرات|طيران|غارة|غارات|قصف|صاروخ|صواريخ|مسيرة|مسيرات|مقاتلة|مقاتلات|"
            r"قذائف|مدفعية|ضربة|ضربات)")
_WEAPON_HEAD = re.compile(rf"(?:\b(?:{_WEAPONS})$|^(?:(?:les?|la|des|une?|los|las|el|unos?)\s+|l['\u2019])?(?:{_WEAPONS})(?!\w)|\s(?:{_WEAPONS})$)", re.IGNORECASE)
# Arabic short vowels, shadda and tatweel: "مسيّرة" is the listed "مسيرة"
_TASHKEEL = re.compile(r"[\u0640\u064b-\u0652\u0670]")


def weapon_named(text: str) -> bool:
    """Whether a mention's words name it by its weapon ("Israeli air strikes", "طائرة مسيّرة إسرائيلية")."""
    return bool(_WEAPON_HEAD.search(_TASHKEEL.sub("", text)))


_BY_AFTER_TRIGGER = re.compile(r"^(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}?(?:by|from|par|por|de\s+la\s+part\s+de|"
                               r"por\s+parte\s+de(?:l)?|"
                               r"من\s+قبل|со\s+стороны)\s+(?:the\s+|a\s+|an\s+|les?\s+|la\s+|los\s+|las\s+|el\s+|des\s+|"
                               r"l['\u2019])?(?:[\w'\u2019-]+\s+){0,3}?$", re.IGNORECASE)


# French/Spanish/Russian genitive of an attack noun names its author: "une embuscade des GAT", "ataque del CJNG",
# "обстрел ВСУ" (a place or unit of the state after it is the target: "l'attaque d'un camp militaire")
_OF_AFTER_TRIGGER = re.compile(r"^\s*(?:des|du|de\s+la|de\s+l['\u2019]|d['\u2019]|de|del|de\s+los|de\s+las)?\s*$",
                               re.IGNORECASE)


_NO_HARM = re.compile(r"\b(?:no\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?:casualties|injuries|deaths|fatalities|victims|"
                      r"one\s+was\s+(?:hurt|injured|killed))|without\s+(?:causing\s+)?(?:casualties|injuries)|"
                      r"caused\s+no\s+(?:casualties|injuries|damage)|had\s+not\s+caused\s+any\s+(?:damage|casualties)|"
                      r"sans\s+faire\s+de\s+(?:victimes|blessés)|aucune\s+victime|sin\s+(?:dejar\s+)?(?:víctimas|heridos)|"
                      r"без\s+пострадавших|пострадавших\s+нет|لا\s+إصابات|دون\s+(?:وقوع\s+)?إصابات)", re.IGNORECASE)
_HARM_WORDS = re.compile(r"\b(?:kill\w*|dead|death\w*|died|die|wound\w*|injur\w*|hurt|casualt\w*|victims?|bod(?:y|ies)|"
                         r"martyr\w*|fatalit\w*|slain|lives|tu[ée]s?|bless[ée]s?|morts?|muert\w*|herid\w*|asesin\w*|"
                         r"погиб\w*|ранен\w*|пострадал\w*|убит\w*|قتل\w*|قتيل\w*|مقتل|جرحى|إصاب\w*|شهيد\w*|استشهاد)",
                         re.IGNORECASE)


# a civilian place or belonging named as what was hit: the strike was aimed at civilians even with nobody hurt
_CIVILIAN_TARGET = re.compile(r"\b(?:targeted|targeting|hit|struck|attacked|hurled\s+at|thrown\s+at|at)\s+(?:the\s+|a\s+|an\s+)?"
                              r"(?:[\w'\u2019-]+\s+){0,6}?(?:home|homes|house|houses|residence|car|shop|market|school|"
                              r"hospital|mosque|church|tent|bus|minibus|wedding|funeral)\b", re.IGNORECASE)


_BARE_FORCE = re.compile(r"^(?:the\s+)?(?:military|army|troops|soldiers|forces|air\s+defen[cs]es?|security\s+forces)$",
                         re.IGNORECASE)
_FIRED_FROM = re.compile(r"\b(?:launched|fired|shot|sent|flew|came)\b[^.;]{0,40}?\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def _disruption(ana, ctx, found, usable, a1, country, generic):
    """Disrupted weapons use: actor1 intercepted, shot down or defused the weapon (the force the report names
    for it, its speaker included: "... was intercepted, the Israeli military said"); actor2 fired it (the owner
    of "11 Russian drones", a named group) or, for a projectile fired at the place, an unidentified armed group
    of the place it came from; a planted bomb that was defused has no actor2."""
    weapons = [m for m in found if m.kind in ("state", "armed") and weapon_named(m.span.text)]
    states = [m for m in found if m.kind == "state" and not m.name.startswith("Government of") and m not in weapons]
    explicit = [m for m in states if not _BARE_FORCE.match(m.span.text.strip())]
    if a1 is None or a1.kind != "state" or a1 in weapons or _BARE_FORCE.match(a1.span.text.strip()) and explicit \
            and not any(m is a1 for m in found if m.sentence == ctx.trigger.sentence):
        in_sentence = [m for m in states if m.sentence == ctx.trigger.sentence]
        a1 = next((m for m in in_sentence if m in explicit), None) or (in_sentence[0] if in_sentence else None) \
            or (explicit[0] if explicit else (states[0] if states else a1))
    firer = next((m for m in weapons if a1 is None or m.name != a1.name), None) or \
        next((m for m in usable if m.kind in ("armed", "unidentified") and (a1 is None or m.name != a1.name)), None)
    if firer is not None:
        return a1, firer
    sents = set(ctx.sentences) | {ctx.trigger.sentence}
    if not any(_FIRED.search(ana.sentences[i].text) for i in sents if 0 <= i < len(ana.sentences)):
        return a1, None  # "troops defused two IEDs planted on the road": nobody fired at anyone
    origin = country
    from ..where.places import find_places

    for place in find_places(ana):
        if place.country and place.span is not None and place.span.start > 0 and \
                ana.sentence_at(place.span.start).index in sents and \
                _FIRED_FROM.search(ana.text[max(0, place.span.start - 60):place.span.start]):
            origin = place.country  # "a rocket launched from the Gaza Strip": the firing side's country
            break
    return a1, ActorMention(ctx.trigger.span, dic.generic_name("Unidentified Armed Group", origin), 3,
                            ctx.trigger.sentence, kind="unidentified")


_FIRED = re.compile(r"\b(?:launched|fired|shot\s+at|lobbed|projectiles?|rockets?|missiles?|drones?)\b", re.IGNORECASE)


def _acting_subject(ana, mentions, trig_sent, hurt) -> Optional[ActorMention]:
    """A force that is the subject of a violent act in the event's sentences around the trigger's ("Russia unleashed a
    barrage of missiles on Kyiv. ... Russian forces fired more than 40 missiles"), for a trigger sentence with no agent."""
    from .role_parse import _VIOLENT_ACTS

    # the trigger's sentence and the next, then up to three before ("The Russian army shelled a village. ... One of the
    # strikes hit a house"), nearest first
    for m in sorted(mentions, key=lambda m: (m.sentence < trig_sent, abs(m.sentence - trig_sent))):
        if m.kind not in ("state", "armed") or m in hurt or not -3 <= m.sentence - trig_sent <= 1:
            continue
        tok = head_token(ana, m.span)
        if tok is not None and tok.dep_ == "nsubj" and tok.head.lemma_ in _VIOLENT_ACTS | {"unleash", "pound", "rain"}:
            return m
    return None


# "..., police and hospital authorities said": the speakers, not a target
_LOCATIVE_BEFORE = re.compile(r"\b(?:at|near|outside|inside|in\s+front\s+of|close\s+to|next\s+to|beside|by|"
                              r"in|within|around)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'\u2019-]+\s+){0,2}?$", re.IGNORECASE)
_STATE_PLACE = re.compile(r"\b(?:base|camp|barracks|station|post|headquarters|compound|academy|checkpoint|"
                          r"garrison|outpost)s?\b", re.IGNORECASE)


def _locative(ana, m) -> bool:
    """A state force's place named as where the event happened ("registering at the military base")."""
    if m.kind != "state" or not _STATE_PLACE.search(m.span.text):
        return False
    sent = ana.sentence_at(m.span.start)
    before = ana.text[max(sent.start, m.span.start - 40):m.span.start]
    if re.search(r"\b(?:hurl|threw|throw|lob|fire|fired|shot|aim|launch|attack|strike|struck|hit|target|direct)\w*"
                 r"\s+(?:[\w'\u2019-]+\s+){0,4}?at\s+", before, re.IGNORECASE):
        return False  # "hurled a grenade at a police station": the target
    return bool(_LOCATIVE_BEFORE.search(before))


def _no_casualties(ana, ctx) -> bool:
    """The event's sentences say nobody was harmed, or name no harm and no civilian target at all."""
    texts = [re.sub("[\u064b-\u0652]", "", ana.sentences[i].text)  # Arabic vowel marks: "قُتل" is "قتل"
             for i in sorted(set(ctx.sentences) | {ctx.trigger.sentence}) if 0 <= i < len(ana.sentences)]
    if any(_NO_HARM.search(t) for t in texts):
        return True
    return not any(_HARM_WORDS.search(t) or _CIVILIAN_TARGET.search(t) for t in texts)


def _by_agent(ana, trigger, mentions) -> list[ActorMention]:
    """The armed actor right after the trigger behind "by": "shelling by the paramilitary RSF", "an attack
    by militants" (parse-free, for when the parse attached the phrase elsewhere); in French, Spanish and
    Russian also the attack noun's genitive ("une embuscade des GAT", "обстрел ВСУ")."""
    sent = ana.sentence_at(trigger.start)
    for m in mentions:
        if m.kind not in ("armed", "state", "unidentified") or not \
                trigger.end <= m.span.start <= min(sent.end, trigger.end + 80):
            continue
        gap = ana.text[trigger.end:m.span.start]
        if _BY_AFTER_TRIGGER.match(gap):
            return [m]
        if ana.lang in ("fr", "es", "ru") and _OF_AFTER_TRIGGER.match(gap) and gap.strip() != "" or \
                ana.lang == "ru" and not gap.strip():
            if not (m.kind == "state" and re.search(r"\b(?:camps?|bases?|postes?|positions?|convoi|patrouilles?|"
                                                    r"cuartel|puestos?|patrullas?|convoy)\b", m.span.text, re.IGNORECASE)):
                return [m]
    return []


_AIRCRAFT = re.compile(r"\b(?:air\s*strikes?|air\s*raids?|warplanes?|war\s*planes|fighter\s+jets?|jets?|aircraft|"
                       r"helicopters?|gunships?|bombers?|air\s+force|frappes?\s+aériennes?|avions?|bombardements?\s+aériens?|"
                       r"ataques?\s+aéreos?|bombardeos?\s+aéreos?|aviones?|helicópteros?|авиаудар\w*|авиаци\w+|самолёт\w*|"
                       r"غارة|غارات|الطيران|طائرات\s+حربية)\b", re.IGNORECASE)


def _unattributed_air(ana, ctx, everywhere, country) -> Optional[int]:
    """inter of the unidentified military forces behind an unattributed air strike (8 when the report points
    at a foreign state, else 1), or None when a non-state group is suspected or only drones are named
    (non-state groups fly drones too: the perpetrator stays an unidentified armed group)."""
    spec = ctx.certainty.speculated_perpetrators if ctx.certainty else []
    text = " ".join(spec)
    if any(pm.entry.kind == "group" and not pm.entry.name.startswith(("Military Forces", "Police Forces"))
           for pm in dic.match_phrases(text)):
        return None
    states = [pm.entry for pm in dic.match_phrases(text) if pm.entry.kind == "state"]
    named = [c for w in re.findall(r"[A-Z][\w-]+", text) for c in [dic.countries.by_demonym(w.split("-")[0])
                                                                     or dic.countries.lookup(w)] if c is not None]
    sents = [ana.sentences[i].text for i in sorted(set(ctx.sentences) | {ctx.trigger.sentence})
             if 0 <= i < len(ana.sentences)]
    if not (states or named or any(_AIRCRAFT.search(t) for t in sents)):
        return None
    foreign = any(c.name != country for c in named) or any(e.country and e.country != country for e in states) \
        or any(m.kind == "state" and m.inter == 8 for m in everywhere)
    return 8 if foreign else 1


_MEMBER_OF = re.compile(r"\b(?:officials?|leaders?|politicians?|lawmakers?|legislators?|spokes(?:man|woman|person)|"
                        r"activists?|supporters?|candidates?|secretary|chairman|mayor|members?\s+of\s+parliament)"
                        r"\s+(?:of|from)\s+(?:the\s+|a\s+)?(?:opposition\s+|ruling\s+|banned\s+)?$", re.IGNORECASE)


def _member_of(ana, m) -> bool:
    """"a senior official of the opposition SPLM-IO": a political figure, not the armed group."""
    sent = ana.sentence_at(m.span.start)
    return bool(_MEMBER_OF.search(ana.text[max(sent.start, m.span.start - 50):m.span.start]))


def _fallback_agent(ana, cands, everywhere, ctx, kinds=("armed", "state")) -> Optional[ActorMention]:
    """No agent next to the trigger: the subject of another act in the event sentences ("Gunmen
    stormed the village"), else the first armed actor. Finders and speakers are not agents."""
    subjects = []
    for m in cands:
        tok = head_token(ana, m.span)
        if tok is not None and tok.dep_ == "nsubj" and tok.head.lemma_ not in _NOT_ACTS \
                and m.kind in kinds + ("unidentified",):
            subjects.append(m)
    if subjects:
        m = subjects[0]
        if m.kind == "unidentified":
            m = _corefer(ana, m, everywhere, ctx.certainty) or m
        return m
    if ana.spacy_doc is not None:
        cands = [m for m in cands if not _finder(ana, m)]
    # only next to the event: a force named paragraphs away ("joint military operations have failed to ...") did not act
    near = [m for m in cands if abs(m.sentence - ctx.trigger.sentence) <= 1]
    if ctx.event_type == "Violence against civilians" and "state" in kinds:
        # "killed in an attack by armed men ..., more police were deployed": a state force that is no act's
        # subject did not attack civilians; the armed group, else the unidentified attackers, did
        m = _first(near, ("armed",)) or _first(near, ("unidentified",))
        if m is not None:
            return (_corefer(ana, m, everywhere, ctx.certainty) or m) if m.kind == "unidentified" else m
        return None  # "four workers were shot dead ...; police were deployed": the attackers are unnamed
    return _first(near, kinds)


_NOT_ACTS = {"say", "tell", "report", "confirm", "find", "discover", "recover", "announce", "add", "state", "claim",
             "deny", "accuse", "blame", "release", "put", "arrive", "retrieve", "locate"}


def _finder(ana, m) -> bool:
    tok = head_token(ana, m.span)
    return tok is not None and tok.dep_ in ("nsubj", "pobj", "agent") and (
        tok.head.lemma_ in _NOT_ACTS or tok.head.head.lemma_ in _NOT_ACTS)


def _other_side(ana, mentions, a1, hurt) -> Optional[ActorMention]:
    """An armed actor of the nearby sentences that is not actor1 or its ally, the harmed first."""
    cands = [m for m in mentions if m.kind in ("armed", "state") and (a1 is None or m.name != a1.name)
             and not is_ally_phrase(ana, m) and not m.name.startswith("Government of")
             and not (a1 is not None and _same_state(a1, m))]
    cands.sort(key=lambda m: (m not in hurt and not is_victim(ana, m), m.span.start))
    return cands[0] if cands else None


def _same_state(a: ActorMention, b: ActorMention) -> bool:
    """Police and army of one state ("Haitian police and soldiers") fight on the same side."""
    if a.kind != "state" or b.kind != "state":
        return False
    of = re.compile(r"^(?:Military|Police) Forces of (.+?) \(")
    ma, mb = of.match(a.name), of.match(b.name)
    return bool(ma and mb and ma.group(1) == mb.group(1))


def _factions(m, mentions, other=None) -> Optional[ActorMention]:
    """"rival factions of the Sinaloa Cartel": the factions named in the event ("Los Chapitos")."""
    if m is None or m.kind != "armed":
        return m
    subs = [x for x in mentions if x.name.startswith(m.name + ":") and (other is None or x.name != other.name)]
    return subs[0] if subs else m


def _as_police(m: Optional[ActorMention]) -> Optional[ActorMention]:
    """Crowd control by unnamed "security forces" is a police job (Protests, Riots); a named military
    body ("... (2013-) National Guard", in any language) stays military."""
    if m is None or m.inter == 8 or not m.name.startswith("Military Forces") or re.search(r"\)\s+\S", m.name) or \
            re.search(r"\b(army|soldiers?|troops|military)\b", m.span.text, re.IGNORECASE):
        return m
    return ActorMention(m.span, m.name.replace("Military Forces", "Police Forces", 1), m.inter, m.sentence,
                        m.role, m.kind)


def _first(mentions, kinds) -> Optional[ActorMention]:
    return next((m for m in mentions if m.kind in kinds), None)


def _claimant(ana, ctx, usable) -> Optional[ActorMention]:
    src = ctx.sources
    if src is None or not src.claimed_by:
        return None
    spec = ctx.certainty.speculated_perpetrators if ctx.certainty else []
    if any(src.claimed_by == s for s in spec):
        return None
    span = src.claim_span or ctx.trigger.span
    named = _claim_name(ana, span, src.claimed_by, ctx)
    if named != src.claimed_by:  # the claim names the group for the event's country and date
        src.claimed_by = named
    same = next((m for m in usable if m.name == src.claimed_by), None)
    if same:
        return same
    inter = 1 if named.startswith(("Military Forces", "Police Forces")) else dic.name_to_inter().get(named, 2)
    return ActorMention(span, src.claimed_by, inter, ana.sentence_at(span.start).index, kind="armed")


def _claim_name(ana, span, claimed: str, ctx) -> str:
    """The claimant's ACLED name for the event's own country and date ("Islamic State (Afghanistan)", the
    Taliban before August 2021): the claim was named from the report's places, which may be another country's."""
    country = ctx.country
    if not country:
        return claimed
    for pm in dic.group_matches(span.text):
        name = dic.group_name(pm.entry, country, ctx.event_date)
        if dic.group_name(pm.entry, None) == claimed or pm.entry.name == claimed or claimed in \
                {v for _, v in pm.entry.by_country} or re.sub(r"\s*\(.*\)$", "", claimed) == \
                re.sub(r"\s*\(.*\)$", "", pm.entry.name.replace("({country})", "").strip()):
            return name
    return claimed


def territory_holder(ctx, a2: Optional[ActorMention], candidates: list[ActorMention],
                     country: Optional[str]) -> Optional[ActorMention]:
    """A non-state actor overtakes territory from the state: with no named holder (or only a foreign force
    the report names in passing, "fled to the Ugandan side"), the home state's force the report names
    (its police or army, the first named), else the state's military."""
    if a2 is not None and a2.kind not in ("unidentified", "state"):
        return a2  # a named non-state holder: "the RSF took the town from the SPLM-N"
    if a2 is not None and a2.kind == "state" and a2.inter == 1:
        return a2
    home = next((m for m in candidates if m.kind == "state" and m.inter == 1
                 and m.name.startswith(("Military Forces", "Police Forces"))), None)
    if home is not None:
        return home
    if a2 is not None or not country:
        return a2
    return ActorMention(ctx.trigger.span, dic.state_name(country, "military", ctx.event_date), 1,
                        ctx.trigger.sentence, kind="state")


_SYMMETRIC = re.compile(r"\b(?:clash|clashes|encounter|gunfight|gun\s+battle|firefight|exchange\s+of\s+fire|skirmish|"
                        r"skirmishes|enfrentamientos?|combates?|combats?|affrontements?|accrochages?)\b", re.IGNORECASE)
_DEATHS = re.compile(r"\b(?:killed|died|dead|wounded|injured|muri[óo]|murieron|muertos?|heridos?|fallecid[oa]s?|"
                     r"tu[ée]s?|bless[ée]s?|morts?)\b", re.IGNORECASE)


def state_first_in_deadly_clash(ana, a1, a2) -> bool:
    """A state force and a named group in a clash told by its dead ("seven Maoists were killed in an encounter
    with security forces", "three soldiers were killed in an encounter with the NPA"): coders put the state
    first whichever side lost men (with an unidentified side the attackers come first, see `role_settle.settle`)."""
    if a1 is None or a2 is None or a1.kind != "armed" or a2.kind != "state" or a1.sentence != a2.sentence:
        return False
    text = ana.sentences[a1.sentence].text
    return bool(_SYMMETRIC.search(text)) and bool(_DEATHS.search(text))


_CONFRONTS = re.compile(r"\b(?:fired|firing|tear\s*gas|teargas|water\s+cannon|batons?|baton-charged|charged|clashed|"
                        r"clashes|standoff|stand-off|dispersed?|dispersing|rubber\s+bullets|live\s+(?:rounds|ammunition)|"
                        r"pushed\s+back|held\s+back|repelled)\b", re.IGNORECASE)


def crowd_control(ana, mentions, trig_s: int) -> Optional[ActorMention]:
    """The state force a riot's report shows confronting a crowd after the event's sentence ("troops guarding
    the residence fired in the air", "a standoff between protesters and police"), not one that only speaks."""
    for m in sorted(mentions, key=lambda m: m.span.start):
        if m.kind == "state" and trig_s <= m.sentence \
                and _CONFRONTS.search(ana.sentences[m.sentence].text):
            return m
    return None


def same_state_pair(a1: Optional[ActorMention], a2: Optional[ActorMention]) -> bool:
    """Both sides one state's forces at home (its police and its army): no battle codes that."""
    return a1 is not None and a2 is not None and a1.kind == a2.kind == "state" and a1.inter == a2.inter == 1 \
        and state_base(a1.name)[0].split(" of ", 1)[-1] == state_base(a2.name)[0].split(" of ", 1)[-1]


def suspected_here(ana, m: ActorMention, certainty) -> bool:
    """Speculation that covers this very mention (a hedge right before it, or inside the speculation span),
    as opposed to its name being suspected elsewhere in the report."""
    if is_speculated(ana, m, None):
        return True
    span = certainty.speculation_span if certainty is not None else None
    return bool(span) and span.start <= m.span.start < span.end


_HELD_BY = re.compile(r"\b([A-Z][\w.'\u2019]*(?:\s[A-Z][\w.'\u2019]*)?)[-\u2010\u2011](?:occupied|held|controlled)\b")


def held_by(ana, ctx, country: Optional[str]) -> Optional[ActorMention]:
    """The side a place was taken from, as the event's own sentence names it: "the Russian-occupied village of
    X" -> Russia's military, "the RSF-held town" -> the RSF."""
    sent = ana.sentences[ctx.trigger.sentence]
    for m in _HELD_BY.finditer(sent.text):
        span = ana.span(sent.start + m.start(1), sent.start + m.end(1))
        state = dic.countries.by_demonym(m.group(1)) or dic.countries.lookup(m.group(1))
        if state is not None:
            return ActorMention(span, dic.state_name(state.name, "military", ctx.event_date),
                                8 if country and state.name != country else 1, ctx.trigger.sentence, kind="state")
        group = next((pm for pm in dic.match_phrases(m.group(1)) if pm.entry.kind == "group"), None)
        if group is not None:
            return ActorMention(span, dic.group_name(group.entry, country, ctx.event_date), group.entry.inter,
                                ctx.trigger.sentence, kind="armed")
    return None
