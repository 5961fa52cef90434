"""actor1 / actor2 / associated actors of one event (codebook §2.5).

Agent and patient come from the dependency parse around the trigger; the sub-event type then
fixes what the codebook prescribes (protesters first, civilians second in VAC, one-sided events,
an unidentified actor instead of a blank). Speculated perpetrators are never used.
"""
from __future__ import annotations

import re
from typing import Optional

from . import actor_dictionary as dic
from .actor_refs import self_report, speaking_groups, specific_unit, state_base
from .coreference import _corefer
from .actor_rules import _allies, _pair, attacked_side, counted_among, is_ally_phrase, is_victim, named_target
from .communal import communal_sides
from .perpetrator import stated_perpetrator
from .actors import find_actors, infer_country
from .role_settle import settle
from .role_fallback import arrests_agent, assoc_identities, unparsed_roles, victim_identities
from ..base import ActorMention, Analysis, EventContext, Roles
from ..according.certainty import is_background, is_speculated
from .role_cues import (_acting_subject, _as_police, _by_agent, _claimant, _disruption, _factions,
                        _fallback_agent, _first, _locative, _member_of, _no_casualties, _other_side, _unattributed_air,
                        crowd_control, held_by, state_first_in_deadly_clash, suspected_here,
                        territory_holder, weapon_named)
from .role_parse import find_victims, parse_roles, patient_token, speaker_agent, speech_subjects

_ONE_SIDED = {"Peaceful protest", "Headquarters or base established", "Change to group/activity"}
_TWO_PARTY = {"Agreement", "Non-violent transfer of territory"}  # the other party is actor2
_ON_CIVILIANS = {"Looting/property destruction", "Arrests", "Other"}  # actor2 civilians unless an armed target
_VAGUE_VICTIMS = {"people", "persons", "person", "man", "men", "driver", "drivers", "occupants", "passengers",
                  "passenger", "a man", "two men"}
_ARMED = ("armed", "state", "unidentified")
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests")
_RIVALS = re.compile(r"\b(?:rival|opposing|two)\s+(?:[\w-]+\s+)?(?:factions|groups|camps|parties|supporters|clans|"
                     r"communities|sides|student\s+wings)\b", re.IGNORECASE)

_SPEAKER_AFTER = re.compile(r"\s*(?:and\s+(?:[\w-]+\s+){0,3}?)?(?:said|say|says|told|reported|confirmed)\b", re.IGNORECASE)


def assign_roles(ana: Analysis, ctx: EventContext) -> Roles:
    """actor1 (initiator) and actor2 (target) of the event in `ctx`, with associated actors.

    ana (Analysis): the parsed report.
    ctx (EventContext): trigger, sentences, sub-event type, place/date, sources, certainty.
    RETURNS (Roles): actor mentions keep their spans as evidence; `reason` says how they were chosen.
    """
    country = ctx.country or infer_country(ana)
    sents = set(ctx.sentences) | {ctx.trigger.sentence}
    everywhere = find_actors(ana, country, ctx.event_date)
    found = [m for m in everywhere if m.sentence in sents]
    tspan = ctx.trigger.span
    # a weapon does not speak: "Israeli air strikes killed 25 ..., the agency said" misparsed as the
    # subject of "said" is still the strike and its owner
    speech = {at for at in speech_subjects(ana, found)
              if not any(m.span.start == at and m.kind == "state" and m.span.start <= tspan.start
                         and tspan.end <= m.span.end for m in found)}
    # a group suspected of some act anywhere in the report is never an agent; where the event's own clause
    # names it as the side acted on ("retook the city from the RSF") it is still the target
    plain = [m for m in found if m.span.start not in speech and not is_background(ana, m)
             and not suspected_here(ana, m, ctx.certainty)]
    if ctx.event_type in _VIOLENT:  # "near the Afghan foreign ministry", "Pakistan officials": a place or a speaker
        plain = [m for m in plain if not m.name.startswith("Government of")]
    usable = [m for m in plain if not is_speculated(ana, m, ctx.certainty)]
    agents, patients = parse_roles(ana, ctx.trigger.span.start, plain, ctx.trigger.span.end)
    agents = [m for m in agents if m in usable]
    if not agents:  # "artillery shelling by the paramilitary RSF on El Fasher", whatever the parse made of it
        agents = _by_agent(ana, ctx.trigger.span, usable)
    # a trigger word inside a name ("444th Combat Brigade") says nothing of roles
    agents = [m for m in agents if not (m.kind == "armed" and m.span.start <= tspan.start and tspan.end <= m.span.end)]
    notes: list[str] = []
    claim = _claimant(ana, ctx, usable)
    if claim is not None and claim.sentence != ctx.trigger.sentence:  # "security forces arrested ...": not the claim
        own = next((m for m in agents if m.kind == "state" and m.sentence == ctx.trigger.sentence), None)
        if own is not None and own.name != claim.name:
            claim = None
    hurt = [m for m in usable if m.kind in ("armed", "state") and is_victim(ana, m)]
    if claim is not None and any(h.name == claim.name and h.sentence == ctx.trigger.sentence for h in hurt):
        claim = None  # "a strike killed two X fighters ...; X said it shelled a post": another act's claim
    if not claim and hurt:  # "three soldiers were killed", "a police vehicle struck a mine": not the agent
        patients = [m for m in agents if m in hurt] + patients
        agents = [m for m in agents if m not in hurt]
        patients += [m for m in hurt if m not in patients and m.sentence == ctx.trigger.sentence]
    patients = [m for m in patients if not is_ally_phrase(ana, m)]  # "backed by troops of X": a partner
    # "recruits registering at the military base": a state place named as where it happened is not the target
    patients = [m for m in patients if not _locative(ana, m)]
    trig_s = ctx.trigger.sentence
    wider = sorted(sents | {max(sents) + 1, max(sents) + 2, trig_s + 1, trig_s + 2})
    a1 = claim or _first(agents, _ARMED + ("protesters", "rioters"))
    if claim is not None and ctx.event_type == "Battles":
        # "X said its forces had repulsed an attack by government troops": the attacker the claim names first
        other = next((m for m in agents if m.kind in ("armed", "state") and m.name != claim.name
                      and m.sentence == claim.sentence), None)
        if other is not None:
            a1, patients = other, [claim] + [p for p in patients if p.name != other.name]
    if a1 is None and ana.spacy_doc is not None:
        a1 = speaker_agent(ana, ctx.trigger.span.start,
                            [m for m in found if m.span.start in speech and not is_speculated(ana, m, ctx.certainty)])
        if a1 is not None:
            notes.append("actor1: the party's statement about its own act")
            patients = [p for p in patients if p.name != a1.name]
    if (a1 is None or a1.kind == "unidentified") and not claim:
        own = self_report(ana, ctx, [m for m in everywhere if m.sentence in sents and m not in hurt
                                     and not is_speculated(ana, m, ctx.certainty)], speech, a1)
        if own is not None:
            a1 = own
            notes.append("actor1: the party's statement about its own act")
            patients = [p for p in patients if p.name != a1.name]
    if a1 is not None and a1.kind == "unidentified" and not claim:
        named = _corefer(ana, a1, everywhere, ctx.certainty)
        if named is not None:
            a1 = named
            notes.append("actor1: the group the report names for these attackers")
    stated, how = (None, "") if claim else stated_perpetrator(
        ana, [m for m in everywhere if m.sentence in wider and m not in hurt
              and not is_speculated(ana, m, ctx.certainty)], wider)
    if stated is not None and ctx.event_type != "Battles" and (
            a1 is None or a1.kind == "unidentified" or how in ("by", "act by") and a1.sentence == stated.sentence
            and a1.span.start < stated.span.start and a1.kind in ("armed", "state") and a1.name != stated.name
            or a1.kind == "state" and a1.name != stated.name and any(h.name == a1.name for h in hurt)):
            # (a force whose own members were harmed is the target, whoever the report says did it)
            a1 = stated
            patients = [p for p in patients if p.name != a1.name]
            notes.append("actor1: the report states who carried it out")
    if claim:
        notes.append("actor1 from the claim of responsibility")
    # no parse, or a non-English one (whose prepositions the parse rules do not read): nearest armed actors
    if a1 is None and (ana.spacy_doc is None or ana.lang != "en") and \
            ctx.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        a1, extra = unparsed_roles(ana, ctx, [m for m in usable if m not in hurt], hurt)
        if a1 is not None:
            notes.append("actor1: nearest armed actor (no parse)" if ana.spacy_doc is None
                         else "actor1: nearest armed actor (the parse named none)")
        patients = patients + [m for m in extra if m not in patients]
    a2 = _first([p for p in patients if p is not a1], _ARMED + ("civilians", "protesters", "rioters"))
    sub, etype = ctx.sub_event_type, ctx.event_type
    trig_sent = ctx.trigger.sentence
    nearby = sorted(usable, key=lambda m: (m.sentence != trig_sent, abs(m.span.start - ctx.trigger.span.start)))

    def generic(kind_name: str, kind: str, inter: int, like: Optional[ActorMention] = None) -> ActorMention:
        span = like.span if like else ctx.trigger.span
        return ActorMention(span, dic.generic_name(kind_name, country), inter, trig_sent, kind=kind)

    assoc1: list[str] = []
    assoc2: list[str] = []
    if etype == "Protests":
        prot = next((m for m in nearby if m.kind == "protesters"), None)
        a1 = generic("Protesters", "protesters", 6, prot)
        a2 = None
        if sub != "Peaceful protest":
            a2 = _as_police(next((m for m in nearby if m.kind == "state"), None))
        assoc1 = assoc_identities(ana, nearby, ("protesters", "party", "civilians"), country)
    elif etype == "Riots":
        mob = next((m for m in nearby if m.kind == "rioters"), None)
        a1 = generic("Rioters", "rioters", 5, mob)
        if sub == "Mob violence" and (a2 is None or a2.kind in ("rioters", "state") and a2 not in patients):
            a2 = next((m for m in nearby if m.kind == "civilians" and is_victim(ana, m)), a2)  # "two persons died"
        if a2 is not None and a2.kind == "protesters":
            a2 = None  # the demonstrators are the rioters themselves, never their opponent
        if sub == "Violent demonstration" and a2 is not None and a2.kind == "civilians" and not is_victim(ana, a2):
            a2 = None  # bystanders named near a riot are not its target unless harmed
        if a2 is None or a2.kind == "rioters":
            kinds = ("state", "civilians") if sub == "Mob violence" else ("state",)
            a2 = _as_police(next((m for m in nearby if m.kind in kinds and abs(m.sentence - trig_s) <= 1), None))
        if sub == "Mob violence" and (a2 is None or a2.kind == "state" and not (
                a2 in patients or is_victim(ana, a2) or attacked_side(ana, a2))):
            # a mob's target is the people it set on; the police that came to disperse it are not
            a2 = generic("Civilians", "civilians", 7, next((m for m in nearby if m.kind == "civilians"), None))
        if a2 is None and sub == "Violent demonstration":  # "... a standoff between protesters and police": later
            a2 = _as_police(crowd_control(ana, everywhere, trig_s))
        if a2 is None and sub == "Mob violence":  # a mob's victim: "lynched a man accused of theft"
            victim = patient_token(ana, ctx.trigger.span.start)
            if victim is not None:
                a2 = generic("Civilians", "civilians", 7)
                a2.span = ana.span(victim.left_edge.idx, victim.idx + len(victim.text))
        if a2 is not None and (a2.kind == "civilians" or sub == "Mob violence" and a2.kind == "unidentified"):
            a2 = generic("Civilians", "civilians", 7, a2)  # "a mob lynched four alleged kidnappers": civilians
        assoc1 = [m.name for m in nearby if m.kind == "party"][:1]
        trig_text = ana.sentences[trig_s].text if 0 <= trig_s < len(ana.sentences) else ""
        parties = list(dict.fromkeys(m.name for m in sorted(usable, key=lambda m: m.span.start)
                                     if m.kind == "party" and m.sentence == trig_s))
        if len(parties) >= 2 and (a2 is None or a2.kind != "state" or a2 not in patients):
            # "supporters of the BNP and the Awami League clashed": each party's supporters on one side
            a2 = generic("Rioters", "rioters", 5, a2 if a2 is not None and a2.kind == "rioters" else None)
            assoc1, assoc2 = [parties[0]], [parties[1]]
        elif _RIVALS.search(trig_text) and (a2 is None or a2.kind != "state" or a2 not in patients):
            a2 = generic("Rioters", "rioters", 5, a2 if a2 is not None and a2.kind == "rioters" else None)
            assoc2 = list(assoc1)  # "supporters of two rival factions clashed": rioters on both sides
    elif etype == "Violence against civilians":
        victim = next((p for p in patients if p.kind == "civilians"), None) or \
            next((m for m in nearby if m.kind == "civilians"), None)
        if a1 is None or a1.kind == "civilians":
            a1 = _fallback_agent(ana, [m for m in nearby if m not in patients and m not in hurt], everywhere, ctx)
        a2 = generic("Civilians", "civilians", 7, victim)
        assoc2 = victim_identities(ana, patients or ([victim] if victim else []), country)
    elif etype == "Explosions/Remote violence":
        if a1 is None:  # "An Israeli air strike hit a tent": the weapon named with its owner is the agent
            # the weapon's owner in the event's own sentences, the nearest first
            owners = sorted((m for m in usable if m.sentence in ctx.sentences and m.kind in ("state", "armed")
                             and weapon_named(m.span.text) and m not in hurt),
                            key=lambda m: (m.sentence != trig_sent, abs(m.sentence - trig_sent)))
            a1 = owners[0] if owners else _acting_subject(ana, usable, trig_sent, hurt)
            if a1 is not None and a2 is not None and a2.name == a1.name:
                a2 = None  # a weapon is never the target: "killed in a strike on a tent ... An Israeli air strike"
        victims_named = a2 is not None and a2.kind == "civilians" and a2 in patients
        if a2 is None or a2.kind not in _ARMED + ("civilians",):
            victims = find_victims(ana, [m for m in usable if m is not a1 and not _locative(ana, m)
                                         and not _SPEAKER_AFTER.match(ana.text, m.span.end)], a1, trig_sent)
            victims_named = bool(victims)
            a2 = victims[0] if victims else next((m for m in nearby if m.kind == "civilians"), None)
            if a2 is None and ana.spacy_doc is not None:  # every strike hits someone: civilians by default
                a2 = generic("Civilians", "civilians", 7)
                notes.append("actor2: no named target, civilians by default")
        if a2 is None or a2.kind == "civilians" and (a2.span is ctx.trigger.span or
                                                     dic.normalise(a2.span.text).split()[-1] in _VAGUE_VICTIMS):
            # a state force that only tells the toll is no target ("..., police said"); a group telling of its
            # own dead is ("Hezbollah said two of the dead were members")
            target = named_target(ana, [m for m in everywhere if not is_speculated(ana, m, ctx.certainty)
                                        and not ((m.kind == "state" or m.inter == 1) and (m.span.start in speech or
                                                                         _SPEAKER_AFTER.match(ana.text, m.span.end)))
                                        and not _locative(ana, m)],
                                  a1, [i for i in wider if abs(i - trig_s) <= 2])
            if target is not None:  # "said it had struck a Hezbollah operative": the armed target
                a2 = target
                notes.append("actor2: the named armed target")
        if a2 is not None and a2.kind == "civilians" and not victims_named and _no_casualties(ana, ctx):
            a2 = None  # "a rocket was intercepted", "a drone hit an empty field": nobody was harmed
            notes.append("actor2: no one harmed, no target named")
        if a2 is not None and a2.kind == "civilians":
            assoc2 = victim_identities(ana, [a2], country)
            a2 = generic("Civilians", "civilians", 7, a2)
        elif a2 is not None and a2.kind not in _ARMED:
            a2 = None
    elif etype == "Battles":
        if a2 is not None and a2.kind not in _ARMED:  # "17 people were killed in fighting between X and Y"
            a2 = None
        if a1 is None and a2 is None:  # "fighting between X and Y", "X and Y fought": text order
            a1, a2 = _pair(usable, ctx.sentences)
            if a1 is not None and a2 is not None and a1 in hurt and a2 not in hurt:  # "X were killed by Y"
                a1, a2 = a2, a1
        if a1 is not None and a2 is None:  # the other side, stated in the event's sentence even if accused elsewhere
            opponents = sorted((m for m in plain if m in usable or m.sentence == trig_sent),
                               key=lambda m: (m.sentence != trig_sent, abs(m.span.start - ctx.trigger.span.start)))
            a2 = _first([m for m in opponents if m.kind in ("armed", "state") and m.name != a1.name
                         and not is_ally_phrase(ana, m)], ("armed", "state"))
        if a1 is None:
            a1 = _first([m for m in nearby if m is not a2 and (a2 is None or m.name != a2.name)], ("armed", "state"))
        for m in (a1, a2):
            if m is not None and m.kind not in _ARMED:
                a1, a2 = (None, a2) if m is a1 else (a1, None)
        if stated is not None and how == "by" and (a1 is None or a1.name != stated.name):
            a1, a2 = stated, (a1 if a1 is not None and a1.kind != "unidentified" else a2)  # "perpetrated by X"
        elif stated is not None and all(m is None or m.name != stated.name for m in (a1, a2)):
            if a1 is None or a1.kind == "unidentified":  # "the attackers belonged to X"
                a1 = stated
            elif a2 is None or a2.kind == "unidentified":
                a2 = stated
        if a2 is None or a2.kind == "unidentified":  # the other side named in a nearby sentence
            other = _other_side(ana, [m for m in everywhere if m.sentence in wider and not is_speculated(
                ana, m, ctx.certainty) and m.span.start not in speech and m not in agents], a1, hurt)
            a2 = other or a2
        if a2 is not None and a2.kind == "unidentified":  # "exchanged fire with gunmen, ... the X Brigades said"
            own = speaking_groups(ctx, [m for m in found if not is_speculated(ana, m, ctx.certainty)], speech)
            if len({m.name for m in own}) == 1 and (a1 is None or own[0].name != a1.name):
                a2 = own[0]
        a1, a2 = _factions(a1, usable), _factions(a2, usable, a1)
        if sub == "Government regains territory" and (a2 is None or a2.kind == "unidentified"):
            held = held_by(ana, ctx, country)  # "retook the Russian-occupied village of X"
            a2 = held if held is not None and (a1 is None or held.name != a1.name) else a2
        if state_first_in_deadly_clash(ana, a1, a2):  # "three soldiers were killed in an encounter with the NPA"
            a1, a2 = a2, a1
            notes.append("actor1: the state in a clash told by its dead")
    elif sub == "Disrupted weapons use":
        a1, a2 = _disruption(ana, ctx, found, usable, a1, country, generic)
        notes.append("actor1: the force that intercepted or defused; actor2: the side that fired or planted")
    else:  # Strategic developments
        a1 = a1 or _fallback_agent(ana, [m for m in nearby if m not in hurt and m not in patients], everywhere,
                                   ctx, ("state", "armed"))
        a1 = arrests_agent(ana, ctx, found, country) if a1 is None and sub == "Arrests" else a1
        if sub in _ONE_SIDED:
            a2 = None
        elif sub in _TWO_PARTY and (a2 is None or a1 is not None and (a2.name == a1.name or a2.kind == a1.kind)):
            others = [m for m in nearby if m.kind in ("state", "armed") and (a1 is None or m.name != a1.name)]
            a2 = next((m for m in others if a1 is None or m.kind != a1.kind), a2 or (others[0] if others else None))
        if sub in _TWO_PARTY and a2 is not None and a2.kind not in _ARMED:
            a2 = None
        elif sub in _ON_CIVILIANS and (a2 is None or a2.kind not in _ARMED + ("civilians",)):
            victim = next((m for m in nearby if m.kind == "civilians"), None)
            # an "Other" event (a mutiny, a coup) has a civilian target only where the report names the people
            a2 = generic("Civilians", "civilians", 7, victim) if victim is not None or sub != "Other" else None
        if sub in _ON_CIVILIANS and a2 is not None and a2.kind in ("armed", "party") and _member_of(ana, a2):
            assoc2 = [a2.name]  # "arrested a senior official of the SPLM-IO": a civilian of that party
            a2 = generic("Civilians", "civilians", 7, a2)
        if sub in _ON_CIVILIANS and a2 is not None and a2.kind == "civilians":
            a2 = generic("Civilians", "civilians", 7, a2)

    if etype in ("Explosions/Remote violence", "Violence against civilians") and a2 is not None and a2.kind == "state" \
            and counted_among(ana, a2) and not any(attacked_side(ana, m) for m in found if m.kind == "state"):
        a2 = generic("Civilians", "civilians", 7, a2)  # "killed five people, including a soldier": the people
    a1, a2 = settle(ana, ctx, a1, a2, hurt, nearby, everywhere, notes, generic)
    if sub == "Non-state actor overtakes territory" and a1 is not None and a1.inter != 1:
        held = territory_holder(ctx, a2, [m for m in everywhere if not is_speculated(ana, m, ctx.certainty)
                                          and m not in hurt], country)
        if held is not a2:
            a2 = held
            notes.append("actor2: the state held the territory")
    a1, a2 = communal_sides(ana, sorted(sents), country, a1, a2, ctx.trigger) if etype == "Battles" else (a1, a2)
    if a1 is None and etype in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
        unid = next((m for m in nearby if m.kind == "unidentified" and m not in hurt), None)
        a1 = generic("Unidentified Armed Group", "unidentified", 3, unid)
        a1.inter = 3
        notes.append("no identified perpetrator")
    if sub == "Air/drone strike" and a1.kind == "unidentified" and a1.name.startswith("Unidentified Armed Group") \
            and not claim:
        air = _unattributed_air(ana, ctx, everywhere, country)
        if air is not None:
            a1 = ActorMention(a1.span, "Unidentified Military Forces", air, a1.sentence, kind="unidentified")
            notes.append("actor1: an unattributed air strike is by unidentified military forces")
    if etype == "Battles" and a2 is None:
        a2 = generic("Unidentified Armed Group", "unidentified", 3)
    if a1 is not None and a2 is not None and a1.name == a2.name and etype not in ("Battles", "Riots"):
        a2 = None
    if a1 is not None and a1.kind == "state" and etype not in ("Protests", "Riots"):
        unit, more = specific_unit(ana, a1, [m for m in found if not is_speculated(ana, m, ctx.certainty)
                                        and (a2 is None or m.name != a2.name)])
        if unit is not None:  # "security forces arrested ..., an official of the NISA said"
            a1 = unit
            assoc1 += [u for u in more if u not in assoc1]
            notes.append("actor1: the unit the report names")
    if a2 is not None and a2.kind == "state" and etype not in ("Protests", "Riots"):
        # only the units of the target's own sentence: another unit in the event's paragraph may be the one
        # that came to help or that speaks
        pool = [m for m in found if not is_speculated(ana, m, ctx.certainty)
                and (a1 is None or state_base(m.name)[0] != state_base(a1.name)[0])]
        unit, more = specific_unit(ana, a2, [m for m in pool if m.sentence == a2.sentence])
        if unit is None and a2.sentence != trig_sent:  # the target told again later: its unit in the trigger's sentence
            unit, more = specific_unit(ana, a2, [m for m in pool if m.sentence == trig_sent and m.span.start not in speech])
        if unit is not None:  # "a grenade hurled at security forces wounded two CRPF jawans": that unit
            a2 = unit
            assoc2 += [u for u in more if u not in assoc2]
            notes.append("actor2: the unit the report names")
    for m, role in ((a1, "agent"), (a2, "patient")):
        if m is not None:
            m.role = role
    allies = _allies(ana, agents, a1, a2)
    assoc1 = assoc1 + [a for a in allies if a not in assoc1]
    return Roles(actor1=a1, actor2=a2, assoc_actor_1="; ".join(assoc1) or None,
                 assoc_actor_2="; ".join(assoc2) or None, reason="; ".join(notes) or None)
