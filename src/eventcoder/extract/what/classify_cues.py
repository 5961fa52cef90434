"""What the language's classify cues (`data/lexicons/<lang>/classify.yaml`) say about the live
triggers of one candidate event: the flags `classify` weighs beside the triggers themselves
(a coup, demonstrators who storm a building, a ground assault, an ambush made with a bomb ...) and, beside an abduction, which Attack words tell a killing."""
from __future__ import annotations

from ...schema import SUB_TO_TYPE
from ..base import Analysis, Trigger
from ..cues import find_cues, load_cues

CLASH = "Armed clash"
VD = "Violent demonstration"
LOOT = "Looting/property destruction"
PWI = "Protest with intervention"
EFAP = "Excessive force against protesters"
_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
#: Armed clash needs a real clash word (not only "gunfire", "attacked") to outrank a suicide bomb
CLASH_STRONG = 0.75
#: an Explosions/Remote violence trigger this strong tells a strike in clear words
REMOTE_CLEAR = 0.85
#: "killed"/"shot" words (not "gunmen": 0.4) turn an abduction into an Attack
LETHAL_MIN = 0.45


def killings(live: list[Trigger], ana: Analysis) -> frozenset[int]:
    """Beside an abduction, the Attack triggers that tell a killing ("later killed him"), not
    the raid itself ("stormed the village") nor the killing of those who resisted or fled it."""
    if not any(t.sub_event_type == "Abduction/forced disappearance" for t in live):
        return frozenset()
    cues = load_cues(ana.lang, "classify")
    out = set()
    for t in live:
        if t.sub_event_type != "Attack" or getattr(t, "definite", False) or t.score < LETHAL_MIN \
                or not find_cues(t.span.text, cues.get("lethal", ())):
            continue
        sent = ana.sentences[t.sentence] if 0 <= t.sentence < len(ana.sentences) else None
        if sent is None or not find_cues(ana.text, cues.get("incidental_killing", ()), sent.start, sent.end):
            out.add(id(t))
    return frozenset(out)


def cue_flags(live: list[Trigger], ana: Analysis, cues: dict) -> dict:
    """The `_Evidence` flags that the language's classify cues give over the live triggers."""
    def words(name: str) -> tuple:
        return tuple(cues.get(name, ()))

    def found(t: Trigger, name: str) -> bool:
        return find_cues(t.span.text, words(name))

    killing = words("lethal") + words("lethal_force")
    clear_clash = [t for t in live if t.sub_event_type == CLASH and t.score >= CLASH_STRONG]
    return {
        "coup": any(t.sub_event_type == "Other" and t.score >= 0.8 and found(t, "coup") for t in live),
        "takeover": any(t.sub_event_type in (VD, LOOT) and found(t, "riot_takeover") for t in live),
        "crowd_clash": any(t.sub_event_type in (VD, CLASH) and found(t, "riot_clash") for t in live),
        "lethal_attack": any(t.sub_event_type == "Attack" and t.score >= LETHAL_MIN
                             and (not killing or find_cues(t.span.text, killing)) for t in live),
        "ground_assault": _ground_assault(live, cues),
        "bomb_ambush": bool(words("ambush")) and bool(clear_clash) and all(found(t, "ambush") for t in clear_clash)
        and any(SUB_TO_TYPE[t.sub_event_type] == "Explosions/Remote violence" and t.score >= REMOTE_CLEAR
                for t in live),
        # the only riot words are objects ("burning tyres", "barricades": classify.yaml `riot_objects`),
        # with no crowd anywhere: no riot, the objects are part of another act
        "crowdless_riot": bool(words("riot_objects")) and any(t.sub_event_type == VD for t in live)
        and all(found(t, "riot_objects") for t in live if t.sub_event_type == VD)
        and not any(t.sub_event_type in ("Peaceful protest", "Mob violence", "Protest with intervention",
                                         "Excessive force against protesters") for t in live),
        # the only words of force against a crowd are its weapons ("tear gas", "batons": classify.yaml
        # `force_objects`), with no crowd anywhere: no protest, the force is part of another act
        "crowdless_force": bool(words("force_objects")) and any(t.sub_event_type in (PWI, EFAP) for t in live)
        and all(found(t, "force_objects") for t in live if t.sub_event_type in (PWI, EFAP))
        and not any(t.sub_event_type in ("Peaceful protest", "Mob violence", VD) for t in live),
        "brief_hold": bool(words("brief_hold")) and any(
            t.sub_event_type in _TERRITORY
            and find_cues(ana.text[max(0, t.span.start - 25):t.span.start], words("brief_hold")) for t in live),
    }


def _ground_assault(live: list[Trigger], cues: dict) -> bool:
    """Gunfire words among the clash words (classify.yaml `gunfire`), and every explosion word a
    hand-held one (a grenade, or `assault_weapons`: "fired rocket launchers")."""
    gunfire, hand_held = tuple(cues.get("gunfire", ())), tuple(cues.get("assault_weapons", ()))
    if not gunfire or not any(t.sub_event_type == CLASH and find_cues(t.span.text, gunfire) for t in live):
        return False
    blasts = [t for t in live if SUB_TO_TYPE[t.sub_event_type] == "Explosions/Remote violence"]
    return bool(blasts) and all(t.sub_event_type == "Grenade" or find_cues(t.span.text, hand_held) for t in blasts)
