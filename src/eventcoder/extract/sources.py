"""Who told the story: the source chain, claims of responsibility and denials (codebook §6).

`source_chain` lists the outlet first, then each intermediary and original source in the order
the text cites them ("according to X, citing a source within Y" -> [outlet, X, source within Y]).
Cue lists: `lexicons/<lang>/attribution.yaml`.
"""
from __future__ import annotations

import re
from typing import Optional

from . import actor_dictionary as dic
from .base import Analysis, SourceChain, Span
from .cues import find_cues, load_cues

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "this", "that", "one"}
_LEAD = re.compile(r"^(?:(?:the|a|an|its|their|his|her|one|two|three|several|some|other|another)\s+)+",
                   re.IGNORECASE)
_CUT = re.compile(r"\s*(?:,|;|\u060c|\bwho\b|\bwhich\b|\bthat\b|\bsaid\b|\btold\b|\breported\b|\bon condition\b|"
                  r"\bspeaking\b|\bquoted\b|\bin a statement\b|\bon \w+day\b)", re.IGNORECASE)
_TIME_WORDS = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|lunes|martes|miércoles|jueves|viernes|"
               r"sábado|domingo|ayer|вчера|сегодня|ce\s+\w+|este\s+\w+|soir|matin)")
_NAME_RX = r"[A-Z\u0400-\u04FF\u0600-\u06FF][\w\u0400-\u04FF\u0600-\u06FF'’.&-]*"


def source_chain(ana: Analysis, sentences: list[int]) -> SourceChain:
    """The attribution chain of the event told in `sentences`, plus claims and denials.

    ana (Analysis): the parsed report; `ana.document.source` is the outlet.
    sentences (list[int]): the event's sentences, trigger sentence first.
    RETURNS (SourceChain): chain (outlet first), the attribution spans, claimed_by/denied_by.
    """
    out = SourceChain()
    outlet = (ana.document.source or "").strip()
    if outlet:
        out.chain.append(outlet)
    idx = sorted(set(i for i in sentences if 0 <= i < len(ana.sentences)))
    found: list[tuple[str, Span]] = []
    order = [sentences[0]] + [i for i in idx if i != sentences[0]] if sentences else []
    for i in order:  # the sentence that tells the event; the others only when it cites nobody
        found += _attributions(ana, i)
        if found:
            break
    if not found and idx:  # the attribution often closes the paragraph: "..., police said."
        for i in range(idx[-1] + 1, min(idx[-1] + 3, len(ana.sentences))):
            found += _attributions(ana, i)
            if found:
                break
    if not outlet:
        outlet_guess = _outlet_in_text(ana)
        if outlet_guess:
            out.chain.append(outlet_guess)
    country = None
    found = [part for name, span in found for part in _split_coordinated(ana, name, span)]
    raw: list[str] = []  # the wording before state bodies were named, for redundancy checks
    for name, span in found:
        if ana.dateline and span.start < ana.dateline.end:
            continue
        if re.match(r"[\s,(]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}\s+[A-Z])",
                    ana.text[span.end:span.end + 16]) \
                and not ana.text[:span.start].strip():
            continue  # an unrecognised dateline: "New Delhi, Oct 13 (SAN)"
        if re.match(r"(?:no|none|neither)\b", name, re.IGNORECASE) or (name.isupper() and "," in name):
            continue
        if _redundant(name, out.chain + raw, outlet):
            continue
        raw.append(name)
        name = _canonical(name, ana)
        state = _state_source(name, ana)
        if state:
            name = state
        if dic.normalise(name) not in {dic.normalise(c) for c in out.chain}:
            out.chain.append(name)
            out.spans.append(span)
    _claims(ana, idx, out)
    return out


_ANAPHORA = re.compile(r"^(?:(?:same|said|this|that|these|those)\s+)?(?:source|sources|group|agency|office|cell|"
                       r"party|statement|bulletin|ministry|official|officials|spokesman|spokesperson|spokeswoman|"
                       r"administrator|survivor|militia|organisation|organization|several|nobody|lui|elle|ellos|"
                       r"él|ella|она|он|они|dependencia|la dependencia|both sides|crowd)$", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return {re.sub(r"(?<=\w{3})s$", "", w) for w in re.findall(r"\w+", dic.normalise(text))}


def _redundant(name: str, chain: list[str], outlet: str) -> bool:
    """A source already in the chain under another wording: "the same source", "the group", a
    surname after the full name, "commissioner Jane Doe" after "the district commissioner",
    or the outlet's own initials ("GDA")."""
    if _ANAPHORA.match(name.strip()) or re.match(r"^same\b", name, re.IGNORECASE):
        return True
    words = _words(name)
    if not words:
        return True
    initials = "".join(w[0] for w in re.findall(r"\w+", outlet) if w[0].isupper()).lower()
    if name.isupper() and (name.lower() == initials or any(name.lower() == _initials(c) for c in chain)):
        return True  # "GDA" after the outlet, "AA" after "Arakan Army"
    for earlier in chain:
        seen = _words(earlier)
        if words <= seen:
            return True
        nouns = {w for w in words & seen if w in _SOURCE_HEADS}
        if nouns and not (words - seen) <= nouns and len(words) <= 4 and \
                re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", name) and not re.search(r"\b[A-Z][a-z]+\s+[A-Z]", earlier):
            return True  # "commissioner Jane Doe" after "district commissioner": the same person named
    return False


def _split_coordinated(ana: Analysis, name: str, span: Span) -> list[tuple[str, Span]]:
    """"residents and a local official" -> two sources (each conjunct with its own article)."""
    m = re.search(r"\s+and\s+(?:a|an|the)\s+", name)
    if not m:
        return [(name, span)]
    first, second = name[:m.start()], name[m.end():]
    at = span.text.find(second)
    second_span = ana.span(span.start + at, span.start + at + len(second)) if at >= 0 else span
    return [(first, ana.span(span.start, span.start + len(first)) if span.text.startswith(first) else span),
            (second, second_span)]


_ARTICLES = re.compile(r"^(?:(?:des|les|le|la|el|los|las|un|una|une|the|a|an|de)\s+|l['\u2019]\s*)+", re.IGNORECASE)
_MINISTRIES = {"health": "Health", "interior": "Interior", "defence": "Defence", "defense": "Defence",
               "foreign": "Foreign Affairs", "information": "Information", "home": "Home Affairs", "justice": "Justice"}


def _canonical(name: str, ana: Analysis) -> str:
    """The chain's wording of a source: "des sources sécuritaires" -> "Security sources",
    "Palestinian health ministry" -> "Ministry of Health (Palestine)", "a statement by X" -> X."""
    from .actors import infer_country

    name = re.sub(r"^(?:an?\s+|the\s+)?(?:statement|communiqu[eé]|comunicado|bulletin)\s+(?:by|from|of|de|du|de\s+la)\s+",
                  "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s+in\s+(?:Kyiv|Kiev|Moscow|Kabul|Khartoum|Port Sudan|Damascus|Beirut|Bamako|Niamey|Abuja|"
                  r"Ouagadougou|Mogadishu|Addis Ababa|Naypyitaw|Islamabad|Baghdad|Sanaa|Tripoli|[A-Z][a-z]+)$", "", name)
    bare = _ARTICLES.sub("", name.strip()).strip()
    low = dic.normalise(bare)
    for item in load_cues(ana.lang, "attribution").get("canonical", ()) + \
            (load_cues("en", "attribution").get("canonical", ()) if ana.lang != "en" else ()):
        phrase, _, target = item.partition("=>")
        if dic.normalise(phrase.strip()) == low:
            return target.strip()
    m = re.fullmatch(r"(?:(?P<who>[A-Z][\w'\u2019]*?)(?:['\u2019]s)?\s+)?(?:(?:state|federal|national|provincial|"
                     r"regional)\s+)?(?P<what>health|interior|defen[cs]e|foreign|information|home|justice)\s+ministry",
                     bare, re.IGNORECASE)
    if m:
        country = None
        if m.group("who"):
            c = dic.countries.by_demonym(m.group("who")) or dic.countries.lookup(m.group("who"))
            country = c.name if c else None
            if country is None:
                return name
        country = country or infer_country(ana)
        label = f"Ministry of {_MINISTRIES[m.group('what').lower()]}"
        return f"{label} ({country})" if country else label
    return bare if bare != name.strip() and ana.lang != "en" else name


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", text) if w[0].isupper()).lower()


_SOURCE_HEADS = {"commissioner", "spokesman", "spokeswoman", "spokesperson", "official", "governor", "commander",
                 "officer", "administrator", "director", "chairman", "mayor", "chief", "minister", "leader"}


def _attributions(ana: Analysis, i: int) -> list[tuple[str, Span]]:
    """(source name, span) in sentence `i`, in chain order."""
    sent = ana.sentences[i]
    cues = load_cues(ana.lang, "attribution")
    text = ana.text
    hits: list[tuple[int, str, Span]] = []
    for m in find_cues(text, cues.get("according_to", ()) + cues.get("citing", ()), sent.start, sent.end):
        tail = text[m.end():sent.end]
        cut = _CUT.search(tail)
        phrase = tail[:cut.start()] if cut else tail
        order = m.start()
        if re.match(r"(?:quoted|cited|carried|relayed|reported)\s+by$", m.group(), re.IGNORECASE):
            prior = [h for h in hits if h[2].end <= m.start()]
            if prior:  # "a statement by X quoted by Y": Y relayed X, so Y comes first in the chain
                order = min(h[0] for h in prior) - 0.5
        _add(ana, hits, m.end() + (len(tail) - len(tail.lstrip())), phrase.strip(" .\u2014-\u060c"), order)
        relay = re.match(r"\s*,?\s*(?:which|who)\s+(?:quoted|cited|was\s+citing)\s+", tail[cut.start():]) if cut else None
        if relay:  # "citing X, which quoted Y": Y is the next link of the chain
            at = m.end() + cut.start() + relay.end()
            rest = text[at:sent.end]
            cut2 = _CUT.search(rest)
            _add(ana, hits, at, (rest[:cut2.start()] if cut2 else rest).strip(" .\u2014-"), m.start() + 1)
    if ana.spacy_doc is not None:
        _parsed_speech(ana, sent, cues, hits)
    else:
        for m in find_cues(text, cues.get("speech", ()), sent.start, sent.end):
            before = text[sent.start:m.start()]
            subj = re.search(rf"((?:{_NAME_RX}\s+|\w+\s+){{0,4}}\w+)\s*,?\s*$", before)
            phrase = " ".join(subj.group(1).split()[-4:]) if subj else ""
            if subj and not re.search(r"\b(?:selon|según|по данным)\b", subj.group(1), re.IGNORECASE) \
                    and _looks_like_source(phrase, cues):
                _add(ana, hits, m.start() - len(before) + before.rfind(phrase), phrase, m.start())
                continue
            # verb first: "a déclaré le porte-parole de l'armée", "ont indiqué mardi des sources sécuritaires"
            after = re.match(rf"\s*(?:{_TIME_WORDS}\s+)*((?:[\w'’-]+\s*){{1,6}})", text[m.end():sent.end],
                             re.IGNORECASE)
            if after and _looks_like_source(after.group(1), cues):
                phrase = re.split(r"\s+(?:в|во|на|de|du|dans|en|sur|à|a|по|в\s+своём)\s+(?=\w)",
                                  after.group(1).strip(), maxsplit=1)[0] if ana.lang == "ru" else after.group(1).strip()
                _add(ana, hits, m.end() + after.start(1), phrase, m.start())
    hits.sort(key=lambda h: h[0])
    return [(name, span) for _, name, span in hits]


def _looks_like_source(phrase: str, cues) -> bool:
    low = dic.normalise(phrase)
    return any(re.search(rf"(?<!\w){re.escape(n)}", low) for n in cues.get("source_nouns", ())) \
        or bool(re.search(r"\b[A-Z\u0410-\u042f]{2,}\b", phrase))


def _parsed_speech(ana, sent, cues, hits) -> None:
    verbs = set(cues.get("verbs", ()))
    doc = ana.spacy_doc
    for tok in doc.char_span(sent.start, sent.end, alignment_mode="expand") or []:
        if tok.lemma_ not in verbs or tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        order = tok.idx
        if tok.lemma_ == "tell":  # "police told Reuters": the medium comes first
            medium = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
            if medium is not None and medium.lower_ not in _PRONOUNS and medium.pos_ == "PROPN":
                _add_token(ana, hits, medium, order - 1)
        if subj is not None and subj.lower_ not in _PRONOUNS:
            _add_token(ana, hits, subj, order)
            for n, conj in enumerate(c for c in subj.children if c.dep_ == "conj"):  # "residents and an official"
                _add_token(ana, hits, conj, order + n + 1)


def _add_token(ana, hits, head, order: int) -> None:
    """The noun phrase of `head` without relative clauses and appositions."""
    keep = [t for t in head.subtree if not any(a.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj")
                                                and a is not head and a in head.subtree and t in a.subtree
                                                for a in head.subtree)]
    if not keep:
        return
    start, end = keep[0].idx, keep[-1].idx + len(keep[-1].text)
    _add(ana, hits, start, ana.text[start:end], order)


def _add(ana: Analysis, hits: list, start: int, phrase: str, order: int) -> None:
    phrase = phrase.strip()
    if not phrase or phrase.lower() in _PRONOUNS or len(phrase.split()) > 14:
        return
    if any(h[2].start <= start < h[2].end or start <= h[2].start < start + len(phrase) for h in hits):
        return
    span = ana.span(start, start + len(phrase))
    hits.append((order, shorten(phrase), span))


def shorten(phrase: str) -> str:
    """Keep the gist: drop articles, a country possessive and a trailing date or place clause.

    "a source within the security forces of Iraq's Anbar province"
    -> "source within the security forces of Anbar province"
    """
    s = _LEAD.sub("", phrase.strip())
    s = re.sub(rf"\b{_NAME_RX}(?:\s{_NAME_RX})?['\u2019]s\s+(?=[A-Z])", "", s)  # "Iraq’s Anbar" -> "Anbar"
    s = re.sub(r"\s+(?:on|late|early)\s+\w+day\b.*$", "", s)
    s = re.sub(r"^([A-Z]{2,6})\s+(?:news\s+)?agency$", r"\1", s)  # "ISNA news agency" -> "ISNA"
    whole = dic.match_phrases(s)
    if len(whole) == 1 and whole[0].start == 0 and whole[0].end == len(s) and whole[0].entry.kind == "state":
        return s  # resolved by the coder with the event country; keep the words
    return s


def _state_source(name: str, ana: Analysis) -> Optional[str]:
    """"police", "the army" -> "Police Forces of Somalia" (the chain names the body, not a period)."""
    from .actors import infer_country

    role = re.match(r"^(.*?\b(?:police|army|military|armed forces))\s+(?:spokes(?:man|woman|person)|officers?|"
                    r"officials?)\b", name, re.IGNORECASE)
    if role and len(role.group(1).split()) <= 2:
        name = role.group(1)
    pms = dic.match_phrases(name)
    if len(pms) != 1 or pms[0].entry.kind != "state" or pms[0].end != len(name):
        return None
    e = pms[0].entry
    prefix = name[:pms[0].start].strip()
    named = dic.country_before(name, pms[0].start) if prefix else None
    if prefix and (named is None or len(prefix.split()) > 2):
        return None
    country = e.country or named or infer_country(ana)
    if not country or e.force == "government":
        return None
    label = {"military": "Military Forces", "police": "Police Forces"}[e.force]
    return f"{label} of {dic.regime(country)['state'] or country if dic.regime(country) else country}"


def _outlet_in_text(ana: Analysis) -> Optional[str]:
    m = re.search(r"\((?:AP|AFP|Reuters|[A-Z][\w ]{2,30})\)\s*[-\u2014\u2013]", ana.text[:300])
    if not m:
        return None
    name = m.group().strip("()-\u2014\u2013 ").rstrip(")")
    # a dateline date in brackets ("(Feb 14)", "(12 mars)") is not an outlet
    return None if re.search(r"\d", name) else name


def _claims(ana: Analysis, idx: list[int], out: SourceChain) -> None:
    """claimed_by / denied_by from the event sentences and the few after them."""
    from .actors import infer_country

    if not idx:
        return
    from .actors import _place_country

    cues = load_cues(ana.lang, "attribution")
    country = _place_country(ana) or infer_country(ana)  # the event's places decide "Islamic State (X)"
    where = sorted({i for s in idx for i in range(s, min(s + 4, len(ana.sentences)))})
    for i in where:
        sent = ana.sentences[i]
        low = ana.text[sent.start:sent.end]
        negated = find_cues(low, cues.get("no_claim", ()))
        for m in find_cues(ana.text, cues.get("claim", ()), sent.start, sent.end):
            if any(n.start() < m.start() - sent.start for n in negated):
                continue
            group = _group_near(ana, sent.start, m.start(), before=True, country=country)
            if group and not out.claimed_by:
                out.claimed_by, out.claim_span = group[0], ana.span(group[1], m.end())
        if not out.claimed_by and ana.lang == "en" and not negated:
            _own_act_claim(ana, sent, country, out)
        for m in find_cues(ana.text, cues.get("claim_by", ()), sent.start, sent.end):
            group = _group_near(ana, m.end(), sent.end, before=False, country=country)
            if group and not out.claimed_by and not negated:
                out.claimed_by, out.claim_span = group[0], ana.span(m.start(), group[2])
        for m in find_cues(ana.text, cues.get("denial", ()), sent.start, sent.end):
            group = _group_near(ana, sent.start, m.start(), before=True, country=country)
            if group and not out.denied_by:
                out.denied_by = group[0]


def _group_near(ana, lo: int, hi: int, before: bool, country) -> Optional[tuple[str, int, int]]:
    """Nearest named armed group in text[lo:hi] (last one when `before`), as (name, start, end)."""
    matches = [pm for pm in dic.match_phrases(ana.text[lo:hi]) if pm.entry.kind == "group" and not pm.entry.party]
    if not matches:
        return None
    pm = matches[-1] if before else matches[0]
    return dic.group_name(pm.entry, country), lo + pm.start, lo + pm.end



# "X said in a statement on its Telegram channel that it had targeted ...", "X said its fighters had killed"
_OWN_ACT = re.compile(r"\b(?:said|says|announced|stated|declared|boasted)\b(?:[^.;\"\u201c]{0,90}?)\s(?:that\s+)?"
                      r"(?:it|its\s+(?:fighters|forces|militants|men|mujahideen|soldiers|units|members|"
                      r"commandos|operatives|drones)|they)\s+(?:had\s+|have\s+|has\s+)?(?:successfully\s+)?"
                      r"(?:carried\s+out|killed|targeted|attacked|struck|shot\s+down|downed|ambushed|captured|"
                      r"seized|destroyed|executed|detonated|launched|bombed|stormed|overran|raided|hit|"
                      r"was\s+behind|were\s+behind|was\s+responsible|were\s+responsible)\b", re.IGNORECASE)
_GROUP_REF = re.compile(r"\b(?:the|this)\s+(?:(?:militant|armed|jihadist|rebel|insurgent|extremist|islamist|"
                        r"separatist)\s+)?(?:group|movement|organi[sz]ation|militia)\s*$", re.IGNORECASE)


def _own_act_claim(ana: Analysis, sent, country, out: SourceChain) -> None:
    """A group's statement about its own act is its claim: named in the sentence or as "the militant group"."""
    text = ana.text
    m = _OWN_ACT.search(text, sent.start, sent.end)
    if not m:
        return
    group = _group_near(ana, sent.start, m.start(), before=True, country=country)
    if group is not None:
        gap = text[group[2]:m.start()]
        if len(gap) > 70 or re.search(r";|\b(?:and|while|but|after|when)\b", gap):
            return  # a group named in another clause is not the speaker
        out.claimed_by, out.claim_span = group[0], ana.span(group[1], m.end())
        return
    if not _GROUP_REF.search(text[sent.start:m.start()].rstrip()):
        return
    named = {dic.group_name(pm.entry, country): pm for pm in dic.match_phrases(text[:sent.start])
             if pm.entry.kind == "group" and not pm.entry.party and (pm.entry.inter or 0) in (2, 3, 4)}
    if len(named) == 1:  # "the militant group" refers to the one group the report has named
        out.claimed_by, out.claim_span = next(iter(named)), ana.span(sent.start, m.end())
