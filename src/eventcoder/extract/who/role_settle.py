"""The codebook's constraints on an event's actor pair, whatever rule chose it (split from roles.py): the
victim is never actor1; in a battle the side that attacked comes first; a non-state actor overtakes
territory from the state and the state regains it; one actor does not fight itself."""
from __future__ import annotations

from ..according.certainty import is_speculated
from .actor_rules import attacked_side, attacking_side, is_victim, passive_target
from .role_cues import _other_side, same_state_pair, weapon_named


def settle(ana, ctx, a1, a2, hurt, nearby, everywhere, notes, generic):
    """The codebook's constraints on the pair, whatever rule chose it: the victim is never actor1; in a
    battle the side that attacked comes first; a non-state actor overtakes territory from the state and
    the state regains it; one actor does not fight itself."""
    etype, sub = ctx.event_type, ctx.sub_event_type
    if etype not in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return a1, a2

    def victim(m):
        return m is not None and m.kind in ("armed", "state") and (m in hurt or is_victim(ana, m))

    def side_harmed(m):  # one-sided violence: the force whose members the report says were killed is the target
        # (not a force named by its weapon: "an Israeli drone strike killed four Hezbollah members" is Israel's
        # strike even where the report tells of attacks on Israeli military targets too)
        return victim(m) or etype != "Battles" and m is not None and m.kind == "state" and \
            not weapon_named(m.span.text) and any(h.name == m.name for h in hurt)

    if etype == "Battles":
        if a1 is not None and a2 is not None and a1.name == a2.name and a1.kind != "unidentified":
            other = _other_side(ana, [m for m in everywhere if abs(m.sentence - ctx.trigger.sentence) <= 2
                                      and not is_speculated(ana, m, ctx.certainty)], a1, hurt)
            a2 = other  # "Islamic State seized Palmyra ... the fall of the town to the Islamic State group"
        if same_state_pair(a1, a2):
            # one state's police and army do not fight each other: the side not harmed or attacked stands for
            # the attackers the report leaves unnamed ("five attackers ... killed two policemen ... National Guard")
            unid = next((m for m in nearby if m.kind == "unidentified" and m not in hurt), None)
            attackers = generic("Unidentified Armed Group", "unidentified", 3, unid)
            if (victim(a2) or attacked_side(ana, a2)) and not (victim(a1) or attacked_side(ana, a1)):
                a1 = attackers
            else:
                a2 = attackers
            notes.append("a state force does not fight its own state's other force")
        # the attackers of a state force come first ("gunmen ambushed a patrol", "an attack on an army
        # checkpoint", "repelled an attack by ISWAP"); a named group the state only lost men to in an encounter
        # keeps the order the report gives (see state_first_in_deadly_clash)
        if a1 is not None and a2 is not None and a1.kind == "state" and a2.kind in ("unidentified", "armed"):
            first_hit = attacked_side(ana, a1) or a2.kind == "unidentified" and victim(a1) and not victim(a2)
            if (first_hit and not attacked_side(ana, a2)) or attacking_side(ana, a2):
                a1, a2 = a2, a1
                notes.append("actor1: the side that attacked")
        elif a1 is not None and a2 is None and a1.kind == "state" and (attacked_side(ana, a1) or victim(a1)):
            a1, a2 = None, a1  # "soldiers came under attack": the attackers are unidentified
        if sub == "Non-state actor overtakes territory" and a1 is not None and a1.inter == 1:
            if a2 is not None and a2.inter != 1:
                a1, a2 = a2, a1
            else:
                a1, a2 = None, a1 if a2 is None or a2.inter != 1 else a2
            notes.append("actor1: a non-state actor takes the territory")
        elif sub == "Government regains territory" and a1 is not None and a1.inter != 1 and a2 is not None \
                and a2.inter == 1:
            a1, a2 = a2, a1
        return a1, a2
    if side_harmed(a1) or a1 is not None and a1.kind == "state" and passive_target(ana, a1):
        # "two soldiers were killed when their vehicle hit a mine", "the battalion was the target of an attack"
        if a2 is None or a2.kind == "civilians" and etype == "Explosions/Remote violence":
            a2 = a1 if etype == "Explosions/Remote violence" else a2
        others = [m for m in nearby if m.kind in ("armed", "unidentified") and m.name != a1.name and not victim(m)
                  and m.sentence == ctx.trigger.sentence]
        a1 = others[0] if others else None
        notes.append("actor1: the harmed side is the target, not the perpetrator")
    return a1, a2
