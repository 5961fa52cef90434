"""Decide the event_type / sub_event_type of one candidate event from its triggers.

The coder groups the sentences that tell one incident; `classify` weighs the triggers found in
them and applies the codebook's precedence (shared/codebook.md §1.1, `schema.SUB_RANK`) and its
boundary rules (§1.2-1.7), e.g.:

- airstrike during a ground battle -> Battles; shelling + airstrike -> Air/drone strike;
- suicide bombing + gunfire -> Suicide bomb unless there is a real armed clash;
- protest + lethal force -> Excessive force against protesters; + tear gas/arrests -> Protest with
  intervention; + protesters' violence -> Violent demonstration;
- abducted then killed -> Attack; a strike that hits civilians stays Explosions/Remote violence;
- fresh killings outrank a mass-grave discovery only when the killing words are strong.

Example: triggers of "Police fired live ammunition at protesters, killing two" -> ("Protests",
"Excessive force against protesters", 0.93, [...]).
"""
from __future__ import annotations

import logging
from collections import defaultdict
from typing import Optional

from ...schema import SUB_RANK, SUB_TO_TYPE
from ..base import Analysis, Trigger
from ..cues import find_cues, load_cues
from .classify_cues import (CLASH, CLASH_STRONG, LETHAL_MIN, LOOT, REMOTE_CLEAR, VD, _TERRITORY, cue_flags,
                            killings)
from .triggers import report_cue

LOGGER = logging.getLogger(__name__)

#: a sub-type counts as present when one trigger weighs this much ...
PRESENT_MAX = 0.55
#: ... or when two or more triggers combine (noisy-or) to this much
PRESENT_COMBINED = 0.75
#: nothing present: the strongest sub-type still wins if all live triggers combine to this much
FALLBACK_TOTAL = 0.65

PROTEST = "Peaceful protest"
EFAP = "Excessive force against protesters"
PWI = "Protest with intervention"
MOB = "Mob violence"
NVT = "Non-violent transfer of territory"
HQ = "Headquarters or base established"
DWU = "Disrupted weapons use"
IED = "Remote explosive/landmine/IED"
#: attack words no stronger than this name no manner of killing ("attack", "killed"; not "shot dead")
GENERIC_ATTACK = 0.6
#: explosion words under this ("strikes", "blast") name no particular weapon beside a clear one
GENERIC_REMOTE = 0.7
#: protest words under this ("marched") beside violence and no force against a crowd name no protest
WEAK_PROTEST = 0.6
#: remote strikes that an interception turns into Disrupted weapons use
INTERCEPTABLE = ("Shelling/artillery/missile attack", "Air/drone strike")


def report_negative_cue(ana: Analysis) -> Optional[str]:
    """Report-level veto: the name of the negative cue (film, sports, markets, drill, anniversary,
    court, weather, opinion) that the title and first sentences match, or None.

    Args:
        ana (Analysis): the analysed document; its `document.title` counts double.
    Returns:
        str | None: e.g. "sports" for a match report whose striker "attacked".
    """
    return report_cue(ana)


def _noisy_or(weights) -> float:
    prob = 1.0
    for w in weights:
        prob *= 1.0 - w
    return 1.0 - prob


class _Evidence:
    """Live triggers of one candidate event grouped by sub-type."""

    def __init__(self, live: list[Trigger], killings: frozenset[int] = frozenset(), coup: bool = False,
                 takeover: bool = False, crowd_clash: bool = False, lethal_attack: bool = False,
                 ground_assault: bool = False, bomb_ambush: bool = False, brief_hold: bool = False,
                 crowdless_riot: bool = False, crowdless_force: bool = False):
        #: id() of the Attack triggers that tell a killing of the abducted (see `_killings`)
        self.killings = killings
        #: a clear Other trigger names a coup (classify.yaml `coup`)
        self.coup = coup
        #: demonstrators stormed or burned a building (classify.yaml `riot_takeover`)
        self.takeover = takeover
        #: the crowd clashed with police or others (classify.yaml `riot_clash`)
        self.crowd_clash = crowd_clash
        #: an Attack word that tells a killing (classify.yaml `lethal`; any Attack word where the
        #: language has no such list): "attacked" alone beside a protest is no lethal force
        self.lethal_attack = lethal_attack
        #: gunfire beside hand-held explosives only (grenades, rocket launchers): a ground assault
        #: on a position, Battles (codebook §1.2), not a remote strike
        self.ground_assault = ground_assault
        #: the only clear clash words are an ambush's ("ambushed a patrol by detonating a bomb")
        #: beside a clear remote weapon: the bomb is how the ambush was made
        self.bomb_ambush = bomb_ambush
        #: a place "briefly captured" (classify.yaml `brief_hold`): no change of control, a fight
        self.brief_hold = brief_hold
        #: riot words that are only objects ("burning tyres") and no crowd word (classify_cues)
        self.crowdless_riot = crowdless_riot
        #: words of force against a crowd that are only its weapons ("tear gas") and no crowd word
        self.crowdless_force = crowdless_force
        self.by_sub: dict[str, list[Trigger]] = defaultdict(list)
        for t in live:
            self.by_sub[t.sub_event_type].append(t)

    def max(self, sub: str) -> float:
        return max((t.score for t in self.by_sub.get(sub, [])), default=0.0)

    def combined(self, sub: str) -> float:
        return _noisy_or(t.score for t in self.by_sub.get(sub, []))

    def present(self, sub: str) -> bool:
        ts = self.by_sub.get(sub, [])
        return bool(ts) and (self.max(sub) >= PRESENT_MAX or
                             (len(ts) > 1 and self.combined(sub) >= PRESENT_COMBINED))

    def any(self, sub: str) -> bool:
        return bool(self.by_sub.get(sub))

    def crowd_force(self) -> bool:
        """Any word of force against a crowd or of a riot."""
        return self.any(EFAP) or self.any(PWI) or self.any(VD)

    def present_subs(self) -> set[str]:
        subs = {s for s in self.by_sub if self.present(s)}
        # a back-reference ("the attack") names the incident already told: it does not bring in a
        # sub-type that no fresh word supports, unless nothing else does
        fresh = {s for s in subs if any(not getattr(t, "definite", False) for t in self.by_sub[s])}
        return fresh or subs


def _fighting(ev: _Evidence, present: set[str]) -> bool:
    """Was there violence beside a change of territory: a clash, a strike, killings?"""
    return any(SUB_TO_TYPE[s] in ("Explosions/Remote violence", "Violence against civilians")
               or s == CLASH for s in present) or ev.max("Attack") >= LETHAL_MIN


def _decide(ev: _Evidence) -> tuple[Optional[str], set[str]]:
    """(sub_event_type, sub-types whose triggers support it) by the codebook's rules."""
    present = ev.present_subs()
    # a protest word beside strikes told in clear words ("air raids", "missiles") and no word of
    # force against a crowd or of a riot is background ("protesting his arrest, he had refused to
    # eat"): the deaths are the strikes', not a crackdown's
    if PROTEST in present and not ev.crowd_force() and any(
            SUB_TO_TYPE[s] == "Explosions/Remote violence" and ev.max(s) >= REMOTE_CLEAR for s in present):
        present.discard(PROTEST)
    # "a clash between party loyalists and the opposition ... the clash erupted": the clash word
    # read as a crowd's (Mob violence) is the same clash where its sentence names no side
    mob_words = {t.span.text.lower() for t in ev.by_sub.get(MOB, [])}
    if MOB in present and CLASH in present and all(t.span.text.lower() in mob_words for t in ev.by_sub[CLASH]):
        present.discard(CLASH)
    # "thousands of armed youths marched on Pibor" beside killings: a weak march word and no force
    # against a crowd is a column of fighters, no protest
    if PROTEST in present and ev.max(PROTEST) < WEAK_PROTEST and not ev.crowd_force() and \
            (ev.any("Attack") or CLASH in present):
        present.discard(PROTEST)
    # troops who "fired tear gas at residents" beside settlers who stoned a village, or gunmen who
    # killed: with no crowd anywhere the force is part of that act, no protest (cf. crowdless_riot)
    if ev.crowdless_force and PROTEST not in present and (ev.lethal_attack or ev.max("Attack") >= 0.9 or any(
            SUB_TO_TYPE[s] in ("Battles", "Explosions/Remote violence") for s in present)):
        present -= {PWI, EFAP}
    demo = PROTEST in present
    # a mob that lynched someone, with relatives or villagers protesting after: the killing words
    # are the mob's, no force against the protest (Mob violence, codebook §1.4)
    if demo and MOB in present and ev.max(MOB) > ev.max(PROTEST) and ev.max(MOB) >= ev.max("Attack") \
            and not ev.crowd_force():
        return MOB, {MOB, "Attack", PROTEST}
    lethal = ev.any(EFAP) or ev.lethal_attack
    battles = {s for s in present if SUB_TO_TYPE[s] == "Battles"}
    strong_battle = any(ev.max(s) >= CLASH_STRONG for s in battles)

    # -- protests and riots (§1.3, §1.4): who used violence, and how much
    if demo or ev.present(EFAP) or ev.present(PWI):
        if not strong_battle or demo:
            # demonstrators who storm or burn buildings riot even when the police then shoot;
            # Excessive force is lethal force against a crowd that was not (seriously) violent
            if ev.takeover and (ev.present(VD) or (demo and ev.present(LOOT))):
                return VD, {VD, PROTEST, CLASH, LOOT, EFAP, "Attack"}
            # demonstrators who clash with the police riot (codebook §1.4: "clashes with police
            # or counter-demonstrators"), whoever then kills: Excessive force needs a crowd that
            # was not fighting (stones or burning tyres alone leave it Excessive force)
            if demo and ev.crowd_clash:
                return VD, {VD, PROTEST, CLASH, EFAP, "Attack"}
            if ev.present(EFAP) or (demo and lethal):
                return EFAP, {EFAP, PROTEST, "Attack", PWI}
            if ev.present(VD) or (demo and CLASH in present) or (MOB in present and ev.any(PROTEST)):
                return VD, {VD, PROTEST, CLASH, MOB}  # a crowd that fought at a rally or procession
            if ev.present(PWI) or (demo and ev.any("Arrests")):
                if demo or ev.any(PROTEST):
                    return PWI, {PWI, PROTEST, "Arrests"}
            if demo and not battles and not any(SUB_TO_TYPE[s] == "Explosions/Remote violence"
                                                 for s in present):
                return PROTEST, {PROTEST}
    if ev.present(VD) and ev.crowdless_riot and (ev.lethal_attack or battles or any(
            SUB_TO_TYPE[s] in ("Explosions/Remote violence", "Strategic developments") for s in present)):
        present.discard(VD)  # "gunmen killed 15 ... burning tyres were left at a school": no riot
    elif ev.present(VD) and not strong_battle:
        return VD, {VD, MOB}
    # Mob violence needs an unorganised crowd: crude weapons ("machetes") beside clearer words of
    # a killing ("massacre") by attackers are an Attack (codebook §1.4 vs §1.6)
    if MOB in present and ev.max(MOB) < ev.max("Attack"):
        present.discard(MOB)
    if MOB in present and not strong_battle:
        return MOB, {MOB, "Attack", "Looting/property destruction", VD}

    # -- a remote weapon with "killing soldiers" or gunfire stays E/RV unless there was a real
    # clash ("fighting", "gun battle"): suicide bombing + gunfire -> Suicide bomb (§1.5)
    blasts = [s for s in present if SUB_TO_TYPE[s] == "Explosions/Remote violence"]
    remote = bool(blasts)
    # a generic strike word ("long-distance strikes") beside a clear weapon ("missile strike") names
    # no other weapon: the clear one decides among explosions
    if any(ev.max(s) >= REMOTE_CLEAR for s in blasts):
        present -= {s for s in blasts if ev.max(s) < GENERIC_REMOTE}
    if remote and CLASH in present and (ev.max(CLASH) < CLASH_STRONG or ev.bomb_ambush) and not ev.ground_assault:
        present.discard(CLASH)
        battles.discard(CLASH)
    # -- killings told in weak words ("were killed in an attack") outrank what the attackers
    # also did ("burned houses") and what others did after (troops "deployed")
    if ev.max("Attack") >= LETHAL_MIN and ev.combined("Attack") >= FALLBACK_TOTAL and \
            all(SUB_TO_TYPE[s] == "Strategic developments" for s in present):
        present.add("Attack")
    # -- weak killing/arrest words beside a mass-grave discovery describe the old deaths
    # ("people who disappeared in detention")
    if ev.max("Other") >= 0.9:
        for weak in ("Attack", "Arrests"):
            if ev.max(weak) < 0.6:
                present.discard(weak)
    # -- a coup detains leaders and suspends institutions: those steps are the coup, not arrests
    # or a change of activity beside it
    if ev.coup:
        present -= {"Arrests", "Change to group/activity"}
    # -- a base "briefly captured" and retaken: control did not change, the fight is the event
    if ev.brief_hold and present & _TERRITORY:
        present -= _TERRITORY
        present.add(CLASH)
    # -- territory that changes hands without fighting is a non-violent transfer (§1.2, §1.7);
    # "handed over under the ceasefire" names the deal it follows, not a new agreement
    if NVT in present and not _fighting(ev, present):
        present -= {"Government regains territory", "Non-state actor overtakes territory"}
        if all(getattr(t, "definite", False) for t in ev.by_sub.get("Agreement", [])):
            present.discard("Agreement")
    # -- abducted then killed -> Attack; killing those who resisted or fled the raid does not
    # make the abduction an Attack
    if "Abduction/forced disappearance" in present:
        if ev.killings:
            present.add("Attack")
        elif ev.any("Attack") and ev.present("Abduction/forced disappearance"):
            present.discard("Attack")
        if CLASH in present and ev.max(CLASH) < CLASH_STRONG <= ev.max("Abduction/forced disappearance"):
            present.discard(CLASH)  # the raid's gunfire ("shot at a guard, then abducted the pupils")
    if "Arrests" in present and "Attack" in present and not ev.lethal_attack and ev.max("Arrests") >= CLASH_STRONG:
        present.discard("Attack")  # police "stormed the homes" of the men they arrested: a raid, no killing
    # -- the planters killed by their own bomb ("two militants were killed when the bomb they were
    # planting exploded prematurely"): no clash beside the disrupted weapons use (§1.7)
    if ev.present("Disrupted weapons use") and CLASH in present and ev.max(CLASH) < CLASH_STRONG \
            and not any(SUB_TO_TYPE[s] == "Explosions/Remote violence" for s in present) \
            and not battles - {CLASH}:
        present.discard(CLASH)
    # -- troops deployed to man a new base: the base is the development (§1.7)
    if HQ in present and "Change to group/activity" in present:
        present.discard("Change to group/activity")
    if not present:
        return None, set()
    best = min(present, key=lambda s: SUB_RANK[s])
    support = {best}
    if best == "Attack":
        support.add("Abduction/forced disappearance")
    return best, support


def _attack_with_casualties(ev: _Evidence, ana: Analysis, sentences: list[int]) -> bool:
    """A word for an attack (not only a killing word) whose sentence reports casualties."""
    from ..howmany.fatalities import count_fatalities

    words = [t for t in ev.by_sub.get("Attack", []) if t.score >= 0.5]
    if not words or len(ev.by_sub) > 1:
        return False
    hit = {t.sentence for t in words}
    told = count_fatalities(ana, sorted(hit & set(sentences)))
    return bool(told.value or told.injured)


def _blast_killed(ev: _Evidence, ana: Analysis, cues: dict) -> bool:
    """Only generic attack or killing words, and a blast word (classify.yaml `blast`) in a sentence
    that reports the deaths: the blast is the weapon."""
    from ..howmany.fatalities import count_fatalities

    words = tuple(cues.get("blast", ()))
    if not words or ev.max("Attack") > GENERIC_ATTACK or set(ev.by_sub) - {"Attack", IED}:
        return False
    blasts = [t for t in ev.by_sub.get(IED, []) if find_cues(t.span.text, words)]
    return any(count_fatalities(ana, [t.sentence]).value for t in blasts)


def _intercepted_harmlessly(ev: _Evidence, ana: Analysis, live: list[Trigger]) -> bool:
    """An interception word (classify.yaml `interception`) and no one killed or hurt in the
    sentences that tell the strike."""
    from ..howmany.fatalities import count_fatalities

    words = tuple(load_cues(ana.lang, "classify").get("interception", ()))
    if not ev.present(DWU) or not any(t.sub_event_type == DWU and find_cues(t.span.text, words) for t in live):
        return False
    told = count_fatalities(ana, sorted({t.sentence for t in live}))
    return not told.value and not told.injured


#: a trigger this clear in the incident's first sentence tells what the incident is...
LEAD_CLEAR = 0.9
#: ...and words of other sub-types this many sentences further on tell other acts
LEAD_SPAN = 5


def _lead_dominates(live: list[Trigger]) -> list[Trigger]:
    """A clear act in the incident's first sentence ("a female suicide bomber blew herself up") is
    what the incident is: words of other sub-types told only far below it ("soldiers were killed in
    clashes with the group last month") are other acts the segment took in, not this one's."""
    first = min(t.sentence for t in live)
    lead = {t.sub_event_type for t in live if t.sentence == first and t.score >= LEAD_CLEAR}
    if not lead:
        return live
    near = {t.sub_event_type for t in live if t.sentence - first < LEAD_SPAN}
    return [t for t in live if t.sub_event_type in near]


def classify(triggers: list[Trigger], ana: Analysis,
             sentences: list[int]) -> Optional[tuple[str, str, float, list[Trigger]]]:
    """(event_type, sub_event_type, confidence, supporting triggers) of one candidate event.

    Args:
        triggers (list[Trigger]): triggers from `find_triggers`; only those in `sentences` count.
        ana (Analysis): the analysed document (kept for rules that need the text).
        sentences (list[int]): indices of the sentences that tell this event (empty: all).
    Returns:
        tuple | None: None when no live trigger (not negated, hypothetical or negatively cued)
        makes a codable event, e.g. only "attack" in a match report.
    """
    pool = [t for t in triggers if not sentences or t.sentence in set(sentences)]
    live = [t for t in pool if not (t.negated or t.hypothetical or t.negative_cue)]
    if not live:
        return None
    live = _lead_dominates(live)
    cues = load_cues(ana.lang, "classify")
    ev = _Evidence(live, killings(live, ana), **cue_flags(live, ana, cues))
    sub, support = _decide(ev)
    if sub in INTERCEPTABLE and _intercepted_harmlessly(ev, ana, live):
        # "a rocket fired from Gaza was intercepted; no injuries were reported": the weapon was
        # stopped, nothing it did is coded (Disrupted weapons use, codebook §1.7)
        sub, support = DWU, {DWU, sub}
    if sub == "Attack" and _blast_killed(ev, ana, cues):
        # "an attack on a mosque ... 12 people were killed in the explosion": the blast is how the
        # people were killed (codebook §1.5), the attack word only names the act
        sub, support = IED, {IED, "Attack"}
    if sub is None and _attack_with_casualties(ev, ana, sorted({t.sentence for t in live})):
        # "an attack near X left 7 dead", "the toll from Sunday's attack rose to 15": a weak
        # attack word with reported deaths or injuries in its own sentence is an attack
        sub, support = "Attack", {"Attack"}
    if sub is None:
        # nothing clear: several weak signals together can still make an event
        if _noisy_or(t.score for t in live) < FALLBACK_TOTAL:
            LOGGER.debug("no codable event: weak triggers %s", [t.span.text for t in live])
            return None
        sub = max(ev.by_sub, key=lambda s: (round(ev.combined(s), 2), -SUB_RANK[s]))
        support = {sub}
    chosen = [t for t in live if t.sub_event_type in support]
    confidence = ev.combined(sub) if ev.any(sub) else _noisy_or(t.score for t in chosen)
    rivals = [s for s in ev.present_subs() if s not in support and ev.max(s) >= ev.max(sub)]
    if rivals:
        confidence *= 0.8
    confidence = round(min(0.99, confidence), 3)
    LOGGER.debug("classified %s (%.2f) from %s", sub, confidence, [t.span.text for t in chosen])
    return SUB_TO_TYPE[sub], sub, confidence, sorted(chosen, key=lambda t: t.span.start)
