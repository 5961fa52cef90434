"""How a source chain names a source: ACLED bodies for state forces, ministries, acronyms the report
defines, state news agencies, "(anonymous)", and which wordings repeat a source already listed.

Word lists: `lexicons/<lang>/attribution.yaml` (canonical, state_news_agencies, anonymous).
"""
from __future__ import annotations

import re
from typing import Optional

from ..who import actor_dictionary as dic
from ..base import Analysis, Span
from ..cues import find_cues, load_cues
from .source_canonical import _ARTICLES, listed_canonical  # listed_canonical: sources.py reads it here
from .source_phrases import strip_first_name

ANAPHORA = re.compile(r"^(?:(?:same|said|this|that|these|those)\s+)?(?:source|sources|group|agency|office|cell|"
                       r"party|statement|bulletin|ministry|official|officials|spokesman|spokesperson|spokeswoman|"
                       r"administrator|survivor|militia|organisation|organization|several|nobody|lui|elle|ellos|"
                       r"él|ella|она|он|они|dependencia|la dependencia|both sides|crowd)$", re.IGNORECASE)

# "the same source" in fr/es/ar/ru ("même source", "la misma fuente", "المصادر نفسها", "тот же источник"): cited before
_SAME_SOURCE = re.compile(r"^(?:(?:la|le|les|el|los|las)\s+)?(?:même|mêmes|misma|mismas|mismo|mismos)\s+"
                          r"(?:source|sources|fuente|fuentes)$|^(?:المصادر|المصدر)\s+(?:نفسها|نفسه|ذاتها|ذاته)$|"
                          r"^(?:نفس|ذات)\s+(?:المصدر|المصادر)$|^(?:тот\s+же|те\s+же)\s+источник\w*$", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return {re.sub(r"(?<=\w{3})s$", "", w) for w in re.findall(r"\w+", dic.normalise(text))}


def redundant(name: str, chain: list[str], outlet: str, anaphora: bool = True) -> bool:
    """A source already in the chain under another wording: "the same source", "the group", a
    surname after the full name, "commissioner Jane Doe" after "the district commissioner",
    or the outlet's own initials ("GDA")."""
    if (anaphora and ANAPHORA.match(name.strip())) or re.match(r"^same\b", name, re.IGNORECASE) \
            or _SAME_SOURCE.match(name.strip()):
        return True
    words = _words(name)
    if not words:
        return True
    initials = "".join(w[0] for w in re.findall(r"\w+", outlet) if w[0].isupper()).lower()
    if name.isupper() and (name.lower() == initials or any(name.lower() == _initials(c) for c in chain)):
        return True  # "GDA" after the outlet, "AA" after "Arakan Army"
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    if outlet and len(outlet) <= 6 and outlet.replace(".", "").isupper() and \
            _initials(bare) == outlet.replace(".", "").lower():
        return True  # "told The Associated Press" in an AP report: the outlet itself
    for earlier in chain:
        seen = _words(earlier)
        if words <= seen:
            return True
        nouns = {w for w in words & seen if w in _SOURCE_HEADS}
        if nouns and not (words - seen) <= nouns and len(words) <= 4 and \
                re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", name) and not re.search(r"\b[A-Z][a-z]+\s+[A-Z]", earlier):
            return True  # "commissioner Jane Doe" after "district commissioner": the same person named
    return False


def split_coordinated(ana: Analysis, name: str, span: Span) -> list[tuple[str, Span]]:
    """"residents and a local official" -> two sources (each conjunct with its own article)."""
    m = re.search(r"\s+and\s+(?:a|an|the)\s+", name)
    if not m:
        return [(name, span)]
    first, second = name[:m.start()], name[m.end():]
    at = span.text.find(second)
    second_span = ana.span(span.start + at, span.start + at + len(second)) if at >= 0 else span
    return [(first, ana.span(span.start, span.start + len(first)) if span.text.startswith(first) else span),
            (second, second_span)]


_MINISTRIES = {"health": "Health", "interior": "Interior", "defence": "Defence", "defense": "Defence",
               "foreign": "Foreign Affairs", "information": "Information", "home": "Home Affairs", "justice": "Justice"}


def canonical(name: str, ana: Analysis) -> str:
    """The chain's wording of a source: "des sources sécuritaires" -> "Security sources",
    "Palestinian health ministry" -> "Ministry of Health (Palestine)", "a statement by X" -> X."""
    from ..who.actors import infer_country

    name = re.sub(r"^(?:an?\s+|the\s+|el\s+|le\s+|un\s+|l['\u2019]\s*)?(?:statement|communiqu[eé]|comunicado|bulletin)\s+"
                  r"(?:by|from|of|de|du|de\s+la|del)\s+",
                  "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s+in\s+(?:Kyiv|Kiev|Moscow|Kabul|Khartoum|Port Sudan|Damascus|Beirut|Bamako|Niamey|Abuja|"
                  r"Ouagadougou|Mogadishu|Addis Ababa|Naypyitaw|Islamabad|Baghdad|Sanaa|Tripoli|[A-Z][a-z]+)$", "", name)
    bare = _ARTICLES.sub("", name.strip()).strip()
    listed = listed_canonical(bare, ana)
    if listed:
        return listed
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
    translated = _translated_body(bare, ana) or _glossed(bare, ana)
    if translated:
        return translated
    return bare if bare != name.strip() and ana.lang != "en" else name


_MINISTRY_FR = re.compile(r"^minist[eè]re\s+(?:(?P<adj1>[\w-]+)\s+)?(?:de\s+la\s+|de\s+l['\u2019]|de\s+|des\s+)"
                          r"(?P<what>santé(?:\s+publique)?|intérieur|défense|affaires\s+étrangères)(?:\s+(?P<adj2>[\w-]+))?$",
                          re.IGNORECASE)
_MINISTRY_ES = re.compile(r"^ministerio\s+(?:de\s+|del\s+)(?P<what>salud(?:\s+pública)?|interior|defensa)"
                          r"(?:\s+(?P<adj2>[\w-]+))?$", re.IGNORECASE)
_WHAT = {"santé": "Health", "santé publique": "Public Health", "intérieur": "Interior", "défense": "Defence",
         "affaires étrangères": "Foreign Affairs", "salud": "Health", "salud pública": "Public Health",
         "interior": "Interior", "defensa": "Defence"}
_RU_GOVERNOR = re.compile(r"^(?:губернатор\w*|глав\w+)\s+[\w-]+(?:ской|цкой|ского|цкого)\s+(?:области|края|района|округа)",
                          re.IGNORECASE)


def _translated_body(name: str, ana: Analysis) -> Optional[str]:
    """Ministries and regional heads in French, Spanish and Russian in the chain's English wording:
    "ministère libanais de la Santé publique" -> "Ministry of Public Health (Lebanon)",
    "Губернатор Белгородской области" -> "Regional governor"."""
    if ana.lang == "ru" and _RU_GOVERNOR.match(name):
        return "Regional governor"  # "глава области" is the governor too
    m = (_MINISTRY_FR if ana.lang == "fr" else _MINISTRY_ES if ana.lang == "es" else None)
    m = m.match(name) if m else None
    if not m:
        return None
    label = f"Ministry of {_WHAT[dic.normalise(m.group('what'))]}"
    adj = (m.groupdict().get("adj1") or m.group("adj2") or "")
    country = _demonym_country(adj, ana.lang) if adj else None
    return f"{label} ({country})" if country else label


def _glossed(name: str, ana: Analysis) -> Optional[str]:
    """An Arabic source phrase in English word by word from the lexicon's gloss ("مصدر حكومي في الشرطة" ->
    "Source government in police"); None when a word has no gloss (a name stays as written)."""
    if ana.lang != "ar":
        return None
    gloss = {}
    for item in load_cues("ar", "attribution").get("gloss", ()):
        key, _, value = item.partition("=>")
        gloss[key.strip()] = value.strip()
    words = name.split()
    out = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in gloss:
            out.append(gloss[pair])
            i += 2
            continue
        w = words[i]
        w = w[1:] if w[:1] in "وب" and w not in gloss and w[1:] in gloss else w
        if w in gloss:
            out.append(gloss[w])
        i += 1  # a name or a rank ("بيتر كوك", "برتبة عقيد") is left out: the chain names the role
    if not out or not out[0][:1].isupper():
        return None  # the phrase does not start with a source noun the gloss knows
    while out and out[-1] in ("of", "in"):
        out.pop()
    adjectives = {"government", "security", "medical", "military", "official", "local"}
    for n in range(len(out) - 1):  # Arabic puts the adjective after its noun: "source government" -> "government source"
        if out[n + 1] in adjectives and out[n][:1].isupper():
            out[n], out[n + 1] = out[n + 1], out[n].lower()
    text = " ".join(out)
    return text[:1].upper() + text[1:] if text else None


def _demonym_country(adj: str, lang: str) -> Optional[str]:
    """The country of a French or Spanish demonym adjective, read off the dictionary's "<noun> <demonym>" forms."""
    for noun in (("drone", "armée", "avion") if lang == "fr" else ("ejército", "dron", "policía")):
        for pm in dic.match_phrases(f"{noun} {adj}"):
            if pm.entry.kind == "state" and pm.entry.country:
                return pm.entry.country
    return None


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", text) if w[0].isupper()).lower()


_SOURCE_HEADS = {"commissioner", "spokesman", "spokeswoman", "spokesperson", "official", "governor", "commander",
                 "officer", "administrator", "director", "chairman", "mayor", "chief", "minister", "leader"}



def state_source(name: str, ana: Analysis) -> Optional[str]:
    """"police", "the army" -> "Police Forces of Somalia" (the chain names the body, not a period)."""
    from ..who.actors import infer_country

    # "Taliban's provincial police spokesman", "the Zamfara State Police Command" -> the force itself;
    # one official keeps the title ("a military official"), as does a named title ("Regional Police Commander")
    name = re.sub(r"^(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['\u2019]s\s+|(?:[A-Z][\w-]+\s+)?State\s+(?=Police))", "", name)
    if re.match(r"(?:the\s+)?military\s+police\b", name, re.IGNORECASE):
        return None  # a force of its own name ("military police" in Brazil): the words stay
    name = re.sub(r"^(?:state|regional|provincial|district|county|federal|local|city|municipal|senior)\s+"
                  r"(?=(?:police|army)\b)",
                  "", name, flags=re.IGNORECASE)
    role = re.match(r"^(.*?\b(?:police|army|military|armed forces))\s+(?:(?:deputy\s+)?spokes(?:man|woman|person)|"
                    r"officers?|officials|commanders|chiefs|statement|command|headquarters|general\s+staff)(?:\s+[A-Z][\w'\u2019.-]*)*$", name,
                    re.IGNORECASE)
    if role and len(role.group(1).split()) <= 2:
        name = role.group(1)
    media = re.match(r"^(?:the\s+)?(.*?\b(?:police|army|military|armed\s+forces))['\u2019]s?\s+(?:media\s+(?:wing|office|"
                     r"cell|department)|press\s+(?:office|service|wing)|public\s+relations(?:\s+\w+)?|information\s+office)$",
                     name, re.IGNORECASE)
    if media and len(media.group(1).split()) <= 2:  # "the military's media wing" speaks for the military
        name = media.group(1)
    gov = re.match(r"^(?:the\s+)?(?:([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:['\u2019]s)?\s+)?(?:federal\s+|national\s+|"
                   r"central\s+|interim\s+|transitional\s+|military\s+)?government$", name.strip(), re.IGNORECASE)
    if gov:  # "the Somali government said" -> "Government of Somalia"
        c = (dic.countries.by_demonym(gov.group(1)) or dic.countries.lookup(gov.group(1))) if gov.group(1) else None
        if gov.group(1) and c is None:
            return None
        country = c.name if c else infer_country(ana)
        return f"Government of {country}" if country else None
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


def outlet_in_text(ana: Analysis) -> Optional[str]:
    m = re.search(r"\((?:AP|AFP|Reuters|[A-Z][\w ]{2,30})\)\s*[-\u2014\u2013]", ana.text[:300])
    if not m:
        return None
    name = m.group().strip("()-\u2014\u2013 ").rstrip(")")
    # a dateline date in brackets ("(Feb 14)", "(12 mars)") is not an outlet
    return None if re.search(r"\d", name) else name



def state_agency(name: str, ana: Analysis) -> Optional[str]:
    """"Lebanon's state news agency", "the official news agency" -> its name from the data file."""
    from ..who.actors import infer_country

    m = re.fullmatch(r"(?:(?P<who>[A-Z][\w'\u2019]*?)(?:['\u2019]s)?\s+)?(?:state|state-run|official|government|"
                     r"national|public)\s+(?:news\s+agency|broadcaster|television|tv|radio)", name.strip(), re.IGNORECASE)
    if not m:
        return None
    country = None
    if m.group("who"):
        c = dic.countries.by_demonym(m.group("who")) or dic.countries.lookup(m.group("who"))
        if c is None:
            return None
        country = c.name
    country = country or infer_country(ana)
    kind = "agency" if "agency" in name.lower() else "broadcaster"
    for item in load_cues("en", "attribution").get("state_agencies" if kind == "agency" else "state_broadcasters", ()):
        key, _, target = item.partition("=>")
        if country and dic.normalise(key.strip()) == dic.normalise(country):
            return target.strip()
    return None


_GENERIC_ORG = re.compile(r"^(?P<org>mission|force|forces|coalition|movement|group|front|agency|commission|army|"
                          r"alliance|militia|council|authority)\s+(?P<title>spokes(?:man|woman|person)|official|"
                          r"officials|commander|source|sources|statement)$", re.IGNORECASE)
_OF_ORG = re.compile(r"^(?P<title>(?:deputy\s+)?(?:spokes(?:man|woman|person)|officials?|commander|sources?|officer|"
                     r"statement|chief|head))\s+(?:of|for|from|with)\s+(?:the\s+)?(?P<org>.+)$", re.IGNORECASE)


def acronym_form(name: str, span: Span, ana: Analysis) -> str:
    """Use the acronym the report defines for the organisation: "official of the National Intelligence
    and Security Agency (NISA)" -> "NISA official"; "a mission spokesman" after "... Mission in
    Somalia (AUSSOM)" -> "AUSSOM spokesman"."""
    text = ana.text
    inner = re.match(r"^(?P<title>.+?)\s+(?:of|for|from|with)\s+(?:the\s+)?.+\(([A-Z][A-Za-z0-9/-]{1,10})\)$", name)
    if inner and _OF_ORG.match(name):  # "official of the Kachin Independence Army (KIA)"
        return f"{inner.group(2)} {inner.group('title').lower() if inner.group('title').istitle() else inner.group('title')}"
    m = _OF_ORG.match(name)
    if m:
        after = re.match(r"\s*\(([A-Z][A-Za-z0-9/-]{1,10})\)", text[span.end:span.end + 16])
        org = m.group("org")
        if after and text[span.start:span.end].endswith(org.split()[-1]):
            return f"{after.group(1)} {m.group('title')}"
        defined = _defined_acronym(text, org, span.start)
        return f"{defined} {m.group('title')}" if defined else name
    m = _GENERIC_ORG.match(name)
    if m:
        defined = _defined_acronym(text, m.group("org"), span.start, head_only=True)
        if defined:
            return f"{defined} {m.group('title')}"
    return name


def _defined_acronym(text: str, org: str, before: int, head_only: bool = False) -> Optional[str]:
    """The acronym bracketed after `org` (or, `head_only`, after a name containing that word) before `before`."""
    for m in re.finditer(r"\(([A-Z][A-Za-z0-9/-]{1,10})\)", text[:before]):
        words = re.findall(r"[\w'\u2019-]+", text[max(0, m.start() - 90):m.start()])[-10:]
        if head_only:
            capital = org.capitalize()
            if capital in words or (org.lower() == "forces" and "Forces" in words):
                return m.group(1)
        elif dic.normalise(" ".join(words)).endswith(dic.normalise(org)):
            return m.group(1)
    return None


def anonymous(span: Span, ana: Analysis) -> bool:
    """"..., speaking on condition of anonymity", "who asked not to be named" right after the source."""
    sent = ana.sentence_at(span.start)
    cues = load_cues("en", "attribution").get("anonymous", ()) + load_cues(ana.lang, "attribution").get("anonymous", ())
    return any(m.start() - span.end < 120 for m in find_cues(ana.text, tuple(cues), span.end, sent.end))


def capitalised(name: str) -> str:
    """"local sources" -> "Local sources" (names keep their own case: "al-Shabaab", "iPhone")."""
    if name[:1].islower() and not re.match(r"(?:al|el|ad|an|ar|as|at|az|ash|ibn|bin|de|van|von|d)[-'\u2019]", name):
        return name[0].upper() + name[1:]
    return name


_RANKS = re.compile(r"^(?:(?:Capt|Col|Gen|Lt|Maj|Brig|Sgt|Cpl|Cmdr|Adm|Dr|Mr|Mrs|Ms)\.?|Captain|Colonel|General|"
                    r"Lieutenant|Major|Brigadier|Sergeant|Corporal|Commander|Admiral|Doctor|Sheikh|Imam|Father|"
                    r"Pastor|Chief|Governor|Mayor|Senator)(?:\s+|$)", re.IGNORECASE)
_RANK_RUN = re.compile(r"(?:(?:Capt|Col|Gen|Lt|Maj|Brig|Sgt|Cpl|Insp|Supt|Captain|Colonel|General|Lieutenant|Major|"
                       r"Brigadier|Sergeant|Corporal|Senior|Inspector|Superintendent|Deputy|Assistant)\.?\s+)+")


def person_name(ana: Analysis, span: Span) -> Optional[Span]:
    """The PERSON entity that ends the source phrase ("regional governor Oleh Syniehubov"), if any."""
    doc = ana.spacy_doc
    if doc is None:
        return None
    for ent in ana.entities():
        if ent.label_ == "PERSON" and span.start <= ent.start_char and ent.end_char >= span.end - 1 \
                and ent.start_char < span.end and _looks_like_person(ent.text):
            return ana.span(ent.start_char, ent.end_char)
    return None


def _looks_like_person(text: str) -> bool:
    """A person's name, not a group or body the tagger took for one ("SPLA-IO", "Amaq")."""
    words = text.split()
    return all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words) \
        and not dic.match_phrases(text)


def drop_person(ana: Analysis, name: str, span: Span, appos: set) -> tuple[str, Span, bool]:
    """A chain names a person by the role, never by the name: "regional governor Oleh Syniehubov"
    -> "regional governor"; "Babakura Kolo, a leader of the X" -> "leader of the X". Returns the
    wording, its span and whether only a bare name was left (no title, no apposition)."""
    person = person_name(ana, span)
    if person is None:
        return name, span, False
    title = ana.text[span.start:person.start].strip(" ,")
    if re.search(r"\b(?:of|for|from|in|at|de|du|des|del)$", title, re.IGNORECASE):
        return name, span, False  # "a spokesperson for the regional council of Shaar Hanegev": a place, no person
    title = _RANKS.sub("", title).strip() if _RANKS.fullmatch(title + " ") else title
    title = "" if _RANK_RUN.fullmatch(title + " ") else title  # "Senior Inspector X, police spokesperson": the office
    title = strip_first_name(title)  # "regional governor Oleksandr [Prokudin]": the tagger's short person
    if title and re.search(r"[a-z]", title) and not _RANKS.fullmatch(title + " "):
        return title, ana.span(span.start, span.start + len(title)), False
    roles = sorted(a for a in appos if re.search(r"[^\W\d_]", a))  # "X, 26, a teacher": an age is no role
    if roles:
        first = _ARTICLES.sub("", roles[0])
        if _MEDIUM_APPOS.match(first):  # "Zagazola Makama, a publication focused on ...": a medium's own name
            return name, span, False
        return first, span, False
    return name, span, True


# an apposition that says the name is a medium (its name is the source), not a person's role
_MEDIUM_APPOS = re.compile(r"(?i)(?:[\w-]+\s+){0,3}?(?:publication|newspaper|daily|weekly|magazine|news\s+(?:site|website|"
                           r"portal|outlet|agency|channel)|website|web\s+site|outlet|broadcaster|television|tv|radio|"
                           r"channel|blog|platform|portal|news\s+agency|agency|think\s+tank|monitor|monitoring\s+group|"
                           r"observatory)\b")
