"""Role rules that need no parse: victims named as armed actors, named targets of strikes,
attributions stated as fact ("carried out by X") and "troops of the X" phrases.

Used by `roles.assign_roles`; each helper works on the report text around actor mentions so it
also holds for languages without a dependency parse (fr, es, ar, ru).
"""
from __future__ import annotations

import re
from typing import Optional

from . import actor_dictionary as dic
from ..base import ActorMention, Analysis

# words between a mention and the passive harm verb: "Three Cameroonian soldiers", "two CRPF jawans"
_FILL = r"(?:[\w'\u2019-]+\s+){0,4}?"
_PASSIVE_HARM = re.compile(
    rf"^[\s,]*{_FILL}(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got|"
    r"ont\s+été|a\s+été|avaient\s+été|sont|fueron|fue|han\s+sido|resultaron|resultó|были|был|была)\s+"
    r"(?:\w+\s+){0,2}?(?:killed|wounded|injured|hurt|shot|abducted|kidnapped|captured|taken\s+hostage|"
    r"ambushed|targeted|attacked|hit|struck|tués|tué|blessés|blessé|enlevés|enlevé|tuées|blessées|attaqués|attaquées|"
    r"attaqué|attaquée|visés|visées|visé|ciblés|ciblé|embusqués|tombés|emboscados|atacadas|атакованы|обстреляны|"
    r"asesinados|asesinado|muertos|muerto|heridos|herido|secuestrados|atacados|убиты|убит|ранены|ранен|погибли)\b",
    re.IGNORECASE)
# "two persons lost their lives", "a police officer died defending the station"
_DIED = re.compile(rf"^[\s,]*{_FILL}(?:died|have\s+died|has\s+died|had\s+died|lost\s+(?:their|his|her)\s+lives?|"
                   r"succumbed|perished|murieron|murió|sont\s+morts?|est\s+mort|погиб(?:ли|ла)?|"
                   r"(?:a|ont|avaient|avait)\s+trouvé\s+la\s+mort|(?:sont|est)\s+décédée?s?|(?:a|ont)\s+péri|"
                   r"perdieron\s+la\s+vida|perdió\s+la\s+vida|fallecieron|falleció)\b", re.IGNORECASE)
# "a police vehicle struck a roadside bomb", "leur véhicule a sauté sur une mine"
_HIT_DEVICE = re.compile(
    r"^[\s,]*(?:[\w'\u2019-]+\s+){0,2}?(?:vehicle|vehicles|truck|convoy|patrol|car|van|pickup|armoured\s+vehicle|"
    r"véhicule|convoi|patrouille|vehículo|patrulla|convoy)?\s*"
    r"(?:struck|hit|ran\s+over|drove\s+over|stepped\s+on|triggered|detonated\s+by\s+mistake|"
    r"a\s+sauté\s+sur|ont\s+sauté\s+sur|a\s+heurté|pisó|activó|chocó\s+con)\s+"
    r"(?:a|an|the|un|une|una|un)?\s*(?:[\w-]+\s+){0,2}?(?:bomb|mine|landmine|ied|explosive|device|"
    r"engin|mine|bombe|explosivo|mina|artefacto)", re.IGNORECASE)
# "killing three soldiers", "wounding two policemen": the object of the harm participle
_HARM_BEFORE = re.compile(r"(?<!were\s)(?<!was\s)\b(?:killing|wounding|injuring|targeting|hitting|ambushing|tuant|"
                          r"blessant|matando|hiriendo|kills|killed|wounds|wounded|injures|injured|kill|wound|"
                          r"abducted|abducts|kidnapped|kidnaps|tue|tuent|ont\s+tué|a\s+tué|mató|mataron|asesinaron|asesinó|"
                          r"acribillaron|balearon|baleó|hirieron|hirió|emboscaron|atacaron|atacó|secuestraron|"
                          r"ont\s+abattu|a\s+abattu|ont\s+blessé|a\s+blessé|ont\s+attaqué|a\s+attaqué|ont\s+enlevé)\s+"
                          r"(?:and\s+(?:wounds|wounded|injures|injured|kills|killed)\s+)?(?:at\s+least\s+|some\s+|about\s+)?"
                          r"(?:(?!(?:when|as|after|while|and|in|by|on|with)\b)[\w'\u2019-]+\s+){0,3}$", re.IGNORECASE)


# a headline's passive without its auxiliary: "CRPF jawan injured in grenade attack", "Soldiers killed as ..."
_HEADLINE_HARM = re.compile(
    r"^[\s,]*(?:[\w'\u2019-]+\s+){0,2}?(?:(?:killed|wounded|injured|hurt|shot\s+dead|martyred|slain|hacked\s+to\s+death|"
    r"beheaded|tués|tué|blessés|asesinados|muertos|heridos|убиты|ранены|погибли)"
    r"(?:,\s*(?:\d+|[a-z]+)\s+(?:\w+\s+)?(?:wounded|injured|hurt))?"  # "Ranger killed, 3 wounded in bombing"
    r"\s+(?!as\s+(?:many|much)\b)"
    r"(?:in|by|as|during|after|when|near|"
    r"while|dans|lors|par|en|durante|por|при|в)|(?:attacked|targeted|ambushed|abducted|kidnapped|shot|executed)\s+by)\b",
    re.IGNORECASE)
# "came under fire from X", "X's convoy came under attack": the one that came under attack is the target
_CAME_UNDER = re.compile(r"^[\s,]*(?:[\w'\u2019-]+\s+){0,3}?(?:(?:came|come|comes|was|were|had\s+come)\s+under\s+"
                         r"(?:\w+\s+)?(?:attack|fire|assault|shelling|bombardment|rocket\s+fire|mortar\s+fire)|"
                         r"(?:a|ont|avait|avaient)\s+été\s+(?:la\s+)?cibles?|(?:fue|fueron)\s+(?:el\s+)?blanco|"
                         r"(?:fue|fueron)\s+(?:atacad[oa]s?|emboscad[oa]s?|agredid[oa]s?)|попал[аи]?\s+под|подверглись|"
                         r"(?:fue|fueron)\s+objeto\s+de|(?:a|ont)\s+fait\s+l['\u2019]objet\s+d)\b",
                         re.IGNORECASE)


def is_victim(ana: Analysis, m: ActorMention) -> bool:
    """Whether the text makes `m` the one harmed: "X were killed", "X's vehicle hit a mine",
    "X came under fire", a headline's "X killed in ambush"."""
    text = ana.text
    sent = ana.sentence_at(m.span.start)
    if _named_agent(ana, m, sent):
        return False  # "при атаке дрона ВСУ ... погиб мужчина", "tués par les ADF": the author of the act
    after = text[m.span.end:min(sent.end, m.span.end + 90)]
    if _PASSIVE_HARM.match(after) or _HIT_DEVICE.match(after) or _DIED.match(after) or _CAME_UNDER.match(after):
        return True
    if _HEADLINE_HARM.match(after):
        return True
    before = text[max(sent.start, m.span.start - 45):m.span.start]
    return bool(_HARM_BEFORE.search(before))


def _named_agent(ana: Analysis, m: ActorMention, sent) -> bool:
    """`m` follows its language's agent words ("par", "por parte de", "على يد", "обстрел"): it did the act."""
    from ..cues import find_cues, load_cues

    if ana.lang == "en":
        return False
    before = ana.text[max(sent.start, m.span.start - 30):m.span.start].rstrip()
    return any(c.end() >= len(before) - 3 for c in find_cues(before, load_cues(ana.lang, "roles").get("agent_before", ())))


# "killed five people, including a soldier", "six dead; including soldier", "бойца, в том числе": a count of people
# (a number or a word for people) before "including" and the force's member after it
_COUNTED_AMONG = re.compile(r"(?:\b\d+\b|\b(?:people|persons|civilians|villagers|residents|personnes|civils|personas|"
                            r"civiles|человек|мирных\s+жителей|أشخاص|مدنيين)\b)[^.!?]{0,40}?"
                            r"\b(?:including|among\s+them|among\s+whom|dont|parmi\s+eux|parmi\s+lesquels|incluido|"
                            r"incluidos|entre\s+ellos|в\s+том\s+числе|среди\s+них|بينهم|منهم)\s+"
                            r"(?:(?:a|an|one|two|the|un|une|una|uno|два|одного|\d+)\s+)?(?:[\w'\u2019-]+\s+)?$", re.IGNORECASE)


def counted_among(ana: Analysis, m: ActorMention) -> bool:
    """A state force's member named inside a count of people ("killed five people, including a soldier"):
    one of the victims, not the target the event was aimed at."""
    sent = ana.sentence_at(m.span.start)
    return bool(_COUNTED_AMONG.search(ana.text[max(sent.start, m.span.start - 90):m.span.start]))


# "a Hezbollah operative", "two members of the group", "Houthi positions"
_TARGET_HEADS = r"(?:operatives?|members?|commanders?|fighters?|militants?|cadres?|leaders?|officials?|" \
                r"positions?|targets?|hideouts?|bases?|posts?|camps?|facilit(?:y|ies)|depots?|sites?|vehicles?|" \
                r"strongholds?|command\s+centres?|command\s+centers?|launchers?|infrastructure|gathering|" \
                r"checkpoints?|stations?|convoys?|patrols?|barracks|outposts?|headquarters|vans?|trucks?)"
_TARGET_AFTER = re.compile(rf"^[\s-]*(?:[\w-]+\s+)?{_TARGET_HEADS}\b", re.IGNORECASE)
_TARGET_BEFORE = re.compile(r"(?:(?:members?|operatives?|fighters?|positions?|commanders?|leaders?|cadres?)\s+"
                            r"(?:of|from)\s+(?:the\s+)?|"  # "a house used by gang members": whose it is
                            r"(?:used|occupied|held|run|controlled|operated|belonging)\s+(?:by|to)\s+(?:the\s+)?"
                            r"(?:[\w-]+\s+)?)$", re.IGNORECASE)
_TARGET_VERB = re.compile(r"\b(?:struck|strikes?|striking|targeted|targeting|targets?|hit|hitting|eliminated|"
                          r"killed|killing|neutrali[sz]ed|bombed|shelled|pounded|attacked|raided|destroyed|dropped|dropping|"
                          r"thrown|hurled|lobbed|wounded|wounding|injured|injuring|ambushed|fired\s+(?:on|at)|"
                          r"dead\s+were|were\s+members|was\s+a\s+member|belonged)\b", re.IGNORECASE)


_DEAD_WERE = re.compile(r"\b(?:dead|killed|victims?)\s+(?:were|was|included)\s+(?:\w+\s+){0,2}?"
                        r"(?:members?|fighters?|operatives?|commanders?)\b", re.IGNORECASE)


def named_target(ana: Analysis, mentions: list[ActorMention], a1: Optional[ActorMention],
                 sentences: list[int]) -> Optional[ActorMention]:
    """A named armed actor the strike hit: "said it had struck a Hezbollah operative"."""
    text = ana.text
    for m in mentions:
        if m.kind not in ("armed", "state", "unidentified") or m.sentence not in sentences or \
                (a1 is not None and (m.name == a1.name or m is a1)):
            continue
        sent = ana.sentences[m.sentence]
        after = text[m.span.end:m.span.end + 40]
        before = text[max(sent.start, m.span.start - 30):m.span.start]
        if m.kind == "unidentified" and not _TARGET_BEFORE.search(before):
            continue  # "a house used by gang members"; a bare "militants" is often the attacker
        if m.span.text.islower() and len(m.span.text.split()) == 1 and \
                m.span.text not in ("police", "gendarmerie", "gendarmes", "policemen"):
            continue  # "military infrastructure", "army positions" say nothing about whose; police are local
        if not (_TARGET_AFTER.match(after) or _TARGET_BEFORE.search(before) or is_victim(ana, m)
                or re.search(rf"\b{_TARGET_HEADS}$", m.span.text, re.IGNORECASE)
                or _DEAD_WERE.search(text[sent.start:sent.end])):
            continue
        if _TARGET_VERB.search(text[sent.start:sent.end]):
            return m
    return None


# "the killings were carried out by members of X", "an attack perpetrated by X"
_ALLY_BEFORE = re.compile(r"(?:backed\s+by|supported\s+by|alongside|with\s+the\s+support\s+of|aided\s+by|"
                          r"assisted\s+by|together\s+with|reinforced\s+by|appuyés?\s+par|avec\s+l['\u2019]appui\s+de|"
                          r"con\s+apoyo\s+de(?:l)?|apoyados?\s+por)\s+(?:the\s+|les?\s+|la\s+|el\s+)?"
                          r"(?:[\w'\u2019-]+\s+){0,3}?$", re.IGNORECASE)


def is_ally_phrase(ana: Analysis, m: ActorMention) -> bool:
    """"police backed by troops of X": X fights on the same side (an associated actor, not actor2)."""
    sent = ana.sentence_at(m.span.start)
    return bool(_ALLY_BEFORE.search(ana.text[max(sent.start, m.span.start - 60):m.span.start]))


_GENERIC_OF = re.compile(r"^\s+(?:of|from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'\u2019-]+\s+){0,3}?$", re.IGNORECASE)


def merge_generic_of(ana: Analysis, mentions: list[ActorMention]) -> list[ActorMention]:
    """"troops of the Gang Suppression Force", "fighters of a Raia Mutomboki faction": the group."""
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        generic = m.kind in ("unidentified",) or (m.kind == "state" and _bare_state_word(m.span.text))
        if nxt is not None and generic and nxt.kind == "armed" and nxt.sentence == m.sentence \
                and _GENERIC_OF.match(ana.text[m.span.end:nxt.span.start]):
            out.append(ActorMention(ana.span(m.span.start, nxt.span.end), nxt.name, nxt.inter, m.sentence,
                                    kind=nxt.kind))
            i += 2
            continue
        out.append(m)
        i += 1
    return out


def _bare_state_word(text: str) -> bool:
    return bool(re.fullmatch(r"(?:troops|soldiers|forces|units|personnel|elements|commandos|militaires|soldats|"
                             r"fighters|members)", text.strip(), re.IGNORECASE))


_ONE_GROUP_REF = re.compile(r"\b(?:the|this|that)\s+(?:(?:militant|armed|jihadist|rebel|insurgent|extremist|"
                            r"islamist|separatist|criminal|paramilitary)\s+)?(?:group|movement|organi[sz]ation|"
                            r"militia|gang|faction|coalition)\s*$", re.IGNORECASE)


def refers_to_one_group(before: str) -> bool:
    """Whether `before` ends with "the militant group", "the movement" (a reference to a named group)."""
    return bool(_ONE_GROUP_REF.search(before))


def _pair(mentions, sentences):
    """The first two differently named armed actors of one event sentence, in text order."""
    for i in sentences:
        armed = sorted((m for m in mentions if m.sentence == i and m.kind in ("armed", "state")),
                       key=lambda m: m.span.start)
        other = next((m for m in armed[1:] if m.name != armed[0].name), None) if armed else None
        if other is not None:
            return armed[0], other
    return None, None


def _allies(ana, agents, a1, a2=None) -> list[str]:
    """Other armed actors coordinated with actor1 in agent position ("JNIM and its allies"); never
    actor2 ("police fired tear gas at protesters": the police are the protesters' opponent)."""
    if a1 is None:
        return []
    out = []
    for m in agents:
        if a2 is not None and m.name == a2.name or m.kind == "state" and a1.kind in ("protesters", "rioters", "civilians"):
            continue
        if m is not a1 and m.kind in ("armed", "state") and m.name != a1.name and m.name not in out \
                and not a1.name.startswith(m.name + " ") and not m.name.startswith(a1.name + " "):
            out.append(m.name)
    return out


# communal militias named by their community (codebook §2.1 "<Identity> Ethnic Militia (<Country>)"):
# "armed youths from the Nuer community", "Lendu ethnic militiamen", "fighters of the Habar Gidir clan"
_COMMUNITY_NAME = r"([A-Z][\w'\u2019]+(?:[\s-][A-Z][\w'\u2019]+)?)"
_COMMUNITY_OF = re.compile(
    r"\b(?i:(?:armed\s+(?:youths?|young\s+men|men|herders|herdsmen|members)|gunmen|militiamen|militias?|fighters|"
    r"attackers|assailants|vigilantes)\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?)" + _COMMUNITY_NAME +
    r"\s+(community|communities|ethnic\s+group|ethnic\s+community|tribe|tribes|clan|clans|sub-clan)\b")
_COMMUNITY_BEFORE = re.compile(
    r"\b(?i:(?:armed|ethnic)\s+)?" + _COMMUNITY_NAME + r"\s+(ethnic|tribal|clan|communal)\s+"
    r"(?:militias?|militiamen|fighters|gunmen|youths|men)\b")
_COMMUNITY_ARMED = re.compile(r"\b(?i:armed|ethnic)\s+" + _COMMUNITY_NAME + r"\s+(?:militias?|militiamen|youths|gunmen)\b")
# "Shammar tribesmen", "Habar Gidir clansmen": men of a named tribe or clan, armed in a conflict report
_COMMUNITY_MEN = re.compile(r"\b" + _COMMUNITY_NAME + r"\s+(tribesmen|clansmen)\b")
_NOT_COMMUNITY = {"islamist", "islamic", "jihadist", "christian", "muslim", "government", "state", "rebel", "the",
                  "opposition", "local", "rival", "unidentified", "unknown"}


def communal_militias(ana: Analysis, mentions: list[ActorMention], country) -> list[ActorMention]:
    """Identity militias named by the community they come from (inter 4); they replace the generic
    "gunmen"/"youths" mention they overlap. Names of countries, religions and known groups do not count."""
    from ... import countries

    found: list[ActorMention] = []
    for rx in (_COMMUNITY_OF, _COMMUNITY_BEFORE, _COMMUNITY_ARMED, _COMMUNITY_MEN):
        for m in rx.finditer(ana.text):
            who = m.group(1)
            kind = (m.group(2) if rx is not _COMMUNITY_ARMED else "ethnic").lower()
            if who.lower() in _NOT_COMMUNITY or countries.by_demonym(who) or countries.lookup(who) or \
                    dic.match_phrases(who) or any(f.span.start <= m.start() < f.span.end for f in found):
                continue
            if any(x.kind in ("armed", "state") and m.start() <= x.span.start < m.end() for x in mentions):
                continue  # a known group or force is named there
            label = "Clan" if kind.startswith(("clan", "sub-clan")) else "Tribal" if kind.startswith("tribe") or \
                kind == "tribal" else "Ethnic"
            name = dic.generic_name(f"{who} {label} Militia", country)
            found.append(ActorMention(ana.span(m.start(), m.end()), name, 4, ana.sentence_at(m.start()).index,
                                      kind="armed"))
    if not found:
        return mentions
    keep = [x for x in mentions if not any(f.span.start <= x.span.start < f.span.end for f in found)]
    return sorted(keep + found, key=lambda x: x.span.start)


# ---- who attacked whom in a battle: the side attacked is named after a target word or before "came under"
_ATTACK_NOUN = r"(?:attack|attacks|ambush|ambushes|assault|raid|raids|offensive|incursion|onslaught|strike|strikes|" \
               r"raid|offensive|attaque|attaques|embuscade|assaut|ataque|ataques|emboscada|incursión|атака|атаки|нападение|" \
               r"هجوم|هجمات|كمين)"
# "an attack by X", "an ambush by suspected X", "attaque menée par X", "ataque de X": X attacked
_ATTACK_BY = re.compile(_ATTACK_NOUN + r"\s+(?:(?:carried\s+out|launched|staged|mounted|led|perpetrated)\s+)?(?:by|from|menée?s?\s+par|"
                        r"perpétrée?\s+par|de|del|des|du)\s+(?:the\s+|a\s+|an\s+|les\s+|la\s+|le\s+|el\s+|los\s+|las\s+)?"
                        r"(?:[\w'\u2019-]+\s+){0,3}?$", re.IGNORECASE)
# "an attack on X", "ambushed X", "targeted X", "attaque contre X", "ataque contra X": X was attacked
_ATTACKED_BEFORE = re.compile(
    r"(?:" + _ATTACK_NOUN + r"\s+(?:\w+\s+){0,2}?(?:on|against|targeting|at|upon|contre|visant|contra|на|على|ضد)|"
    r"(?:attaque|attaques|assaut|ataque|ataques|attack|assault)\s+(?:d['\u2019]\s*(?:un|une)?|du|des|de\s+la|de|del|of)\s*"
    r"(?:(?:un|une|de|ses|leurs|sus|their|its|a|an|the|one)\s+){0,3}(?:camps?|bases?|postes?|positions?|convoi|convoy|"
    r"patrouilles?|patrols?|patrullas?|casernes?|checkpoints?|cuartel|puestos?|outposts?)\s+|"
    r"(?:ambushed|attacked|targeted|raided|stormed|overran|overpowered|besieged|hit|struck|assaulted|fired\s+(?:on|at|upon)|"
    r"opened\s+fire\s+(?:on|at)|shot\s+at|embusqué|attaqué|visé|ciblé|atacaron|emboscaron|atacó|emboscó|напали\s+на|атаковали)"
    r")\s+(?:(?:the|a|an|les|la|le|el|los|las|un|une|una|a\s+group\s+of|members\s+of\s+the|positions\s+of\s+the|"
    r"troops\s+of\s+the)\s+)*(?:[\w'\u2019-]+\s+){0,3}?$", re.IGNORECASE)
# the side that answered: "X repelled / repulsed / foiled / fought off / thwarted an attack"
_REPELLED = re.compile(r"^[\s,]*(?:[\w'\u2019-]+\s+){0,4}?(?:repelled|repulsed|foiled|thwarted|fought\s+off|beat\s+back|"
                       r"pushed\s+back|resisted|responded|returned\s+fire|retaliated|defended|repoussé|repoussés|"
                       r"ont\s+repoussé|a\s+repoussé|repelieron|repelió|repelen|отразили|отбили|صد|تصدت)\b", re.IGNORECASE)


_PLACE_HEAD = re.compile(r"\b(?:camps?|bases?|postes?|posts?|positions?|convoi|convois|convoys?|patrouilles?|patrols?|"
                         r"patrullas?|casernes?|barracks|checkpoints?|outposts?|stations?|cuartel|puestos?|vehicles?|"
                         r"véhicules?|vehículos?)\b", re.IGNORECASE)
_ATTACK_OF = re.compile(_ATTACK_NOUN + r"\s+(?:d['\u2019]\s*|du\s+|des\s+|de\s+|del\s+|of\s+|on\s+|against\s+|contre\s+|"
                        r"contra\s+)(?:(?:un|une|de|ses|leurs|sus|su|their|its|a|an|the|one|le|la|les|el|los|las)\s+){0,3}$",
                        re.IGNORECASE)


def passive_target(ana: Analysis, m: ActorMention) -> bool:
    """Whether `m` is the subject of a passive "was the target of" / "came under" ("el Batallón ... fue objeto
    de un violento ataque", "the convoy came under fire")."""
    sent = ana.sentence_at(m.span.start)
    after = ana.text[m.span.end:min(sent.end, m.span.end + 160)]
    return bool(_CAME_UNDER.match(after[:70]) or _TARGET_LATER.match(after))


def attacked_side(ana: Analysis, m: ActorMention) -> bool:
    """Whether the text makes `m` the side attacked in a fight: "an attack on an army checkpoint",
    "gunmen ambushed a police patrol", "troops came under fire", "soldiers repelled an attack",
    "l'attaque d'un de ses camps militaires"."""
    sent = ana.sentence_at(m.span.start)
    before = ana.text[max(sent.start, m.span.start - 70):m.span.start]
    after = ana.text[m.span.end:min(sent.end, m.span.end + 70)]
    if _PLACE_HEAD.search(m.span.text) and _ATTACK_OF.search(before):
        return True
    return bool(_ATTACKED_BEFORE.search(before) or _CAME_UNDER.match(after) or _REPELLED.match(after)
                or _TARGET_LATER.match(ana.text[m.span.end:min(sent.end, m.span.end + 160)]))


# the subject phrase of a passive "was the target of" that an apposition or place clause delays:
# "une unité des Forces de défense et sécurité, reliant Fada à Natiaboani, a été la cible d'une embuscade"
_TARGET_LATER = re.compile(r"^(?:[^.;:!?\u00bb\u201d]|\.(?=\S)){0,130}?\b(?:(?:a|ont|avait|avaient)\s+été\s+(?:la\s+)?cibles?|"
                           r"(?:a|ont)\s+été\s+(?:attaqué|attaquée|attaqués|attaquées|visée?s?|prise?s?\s+pour\s+cible|"
                           r"pris\s+en\s+embuscade)|(?:fue|fueron)\s+(?:el\s+)?(?:blanco|objetivo)|"
                           r"(?:fue|fueron)\s+(?:atacad[oa]s?|emboscad[oa]s?|objeto\s+de)|came\s+under\s+(?:attack|fire)|"
                           r"(?:was|were)\s+(?:attacked|ambushed|targeted)\s+by)\b", re.IGNORECASE)


def attacking_side(ana: Analysis, m: ActorMention) -> bool:
    """Whether the text names `m` as the attacker: "an attack by X", "ataque de X"."""
    sent = ana.sentence_at(m.span.start)
    before = ana.text[max(sent.start, m.span.start - 70):m.span.start]
    return bool(_ATTACK_BY.search(before))


# a group named only as what another is linked to: "rebels linked to the Islamic State group",
# "an al-Qaeda affiliate", "aligned with the Islamic State in 2019", "pledged allegiance to IS"
# ("forces loyal to X", "militias allied to X" are X's own or its allies' forces: not an affiliation)
_AFFILIATION_CUE = (r"(?<![-\u2010\u2011])\b(?:linked|tied|affiliated|aligned|connected|allegiance|ties|links|affiliation|"
                    r"associated|inspired|lié|liés|liée|affilié|affiliés|vinculad[oa]s?|ligad[oa]s?|связанн\w+|"
                    r"المرتبط\w*)\s+(?:(?:to|with|of|by|à|au|aux|avec|a|al|con|de|del|с|ب|ل)\s+)?"
                    r"(?:the\s+|l['\u2019]|el\s+|la\s+|les\s+)?")
_AFFILIATION_BEFORE = re.compile(_AFFILIATION_CUE + "$", re.IGNORECASE)
# "linked to al-Qaida and the ...": the second conjunct of what the groups are linked to
_AFFILIATION_CONJ = re.compile(_AFFILIATION_CUE + r"(?:[\w'\u2019-]+\s*){1,5}\s(?:and|or|et|ou|y|o)\s+"
                               r"(?:the\s+|l['\u2019]|el\s+|la\s+|les\s+)?$", re.IGNORECASE)
_AFFILIATE_AFTER = re.compile(r"^(?:['\u2019]s)?[\s-]+(?:affiliate|affiliates|offshoot|franchise|ally|allies|proxy|"
                              r"proxies|sympathi[sz]ers|-linked|-affiliated)\b", re.IGNORECASE)


def is_affiliation(ana: Analysis, m: ActorMention) -> bool:
    """Whether the group is named only as what another group is linked to (never an actor of the event)."""
    if m.kind not in ("armed", "party"):
        return False
    sent = ana.sentence_at(m.span.start)
    before = ana.text[max(sent.start, m.span.start - 40):m.span.start]
    after = ana.text[m.span.end:m.span.end + 20]
    if _AFFILIATE_AFTER.match(after):
        return True
    return bool(_AFFILIATION_BEFORE.search(before) or _AFFILIATION_CONJ.search(before))
