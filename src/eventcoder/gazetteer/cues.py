"""Context cues around a toponym mention (regexes on the text left and right of it), codebook §3.

`NEAR_BEFORE` ("near X", "15 km west of X", "the area of southern X") and `AREA_AFTER` ("the X
area", "X's Hawari area") make the place precision 2; `ADMIN1_*` say the name is a province;
`LOC_BEFORE` says the name is the object of a locative cue (the setting of the event).
"""
from __future__ import annotations

import re

_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_DIR_FR = r"(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)"
_DIR_ES = r"(?:norte|sur|este|oeste|poniente|oriente|noreste|noroeste|sureste|suroeste)"
_PART = r"(?:northern|southern|eastern|western|central|north-?\w+ern|south-?\w+ern)"
_AR_TOWN = r"(?:بلدة|مدينة|قرية|منطقة|مخيم)"
# text just before a mention that makes it "near X" (precision 2); matched against the left context
NEAR_BEFORE = re.compile(
    rf"(?:\bnear(?!by)|\boutside(?: of)?|\baround|\bclose to|\boutskirts of|\bedge of|\bvicinity of"
    rf"|\b(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\w+\s+)?(?:of|from)|\b{_DIR}(?:ern)?\s+of"
    rf"|\bhinterlands of|\bforests? of|\boff(?: the coast of| the port of)?"
    rf"|\b(?:area|areas|parts?|countryside|suburbs?) of(?:\s+(?:the\s+)?{_PART})?"
    rf"|\b(?:a|one|two|three|several|\d+)\s+(?:villages?|hamlets?|settlements?)\s+(?:under|in|of|near|outside|close to)"
    rf"|\bprès de|\bà la périphérie de|\baux environs de|\bau {_DIR_FR} de|\bà l'{_DIR_FR} de"
    rf"|\bcerca de|\bafueras de|\bal {_DIR_ES} de|\ba las afueras de"
    rf"|\bна окраине|\bпод|\bвблизи|\bрядом с|في محيط|قرب|بالقرب من|بريف|شمالي|جنوبي|شرقي|غربي)"
    r"(?:\s+(?:the|a|la|le|el|de|du|des)\b)?"
    rf"(?:(?:\s+(?:{_PART}|front-?line|border|coastal|strategic|key|[A-Z][a-z]+(?:an|ese|i|ish)))+"  # "southern Lebanese"
    r"(?=\s+(?:town|city|village|port)))?"
    r"(?:\s+(?:town|city|village|port|capital|district|ville|ciudad|localité)"
    rf"(?:\s+of|\s+de)?)?(?:\s*{_AR_TOWN})?\s*$",
    re.IGNORECASE,
)
# "the X area", "X's Hawari area", "the X countryside": a general area around X (precision 2);
# "the Makhmour mountains", "the Kainji forest": a natural feature named after the town, around it
AREA_AFTER = re.compile(r"^\s*(?:area|areas|countryside|outskirts|environs|suburbs|hinterland|police station|thana|"
                        r"mountains|hills|forests?|valley|bush)\b")
# "near Islamabad's Zero Point": "near" qualifies the landmark inside the city, not the city
POSSESSIVE_AFTER = re.compile(r"^['’]s\s+(?:[A-Z][\w'’-]*\s*){1,3}")
# "the Culiacán-Eldorado highway", "on the Mandalay-Myingyan road": a road end (precision 2)
ROAD_AFTER = re.compile(r"^\s*[-–]\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:road|highway|motorway|route|"
                        r"carretera|autopista|axis|corridor)\b", re.I)
_ROAD_END = r"(?:(?:[A-Z][\w'’-]*\s*){1,3}(?:and|to|et|à|y|a|-)\s*)?$"
ROAD_BEFORE = re.compile(r"(?:\b(?:road|highway|route|corridor)s? (?:between|linking|connecting|from|to|(?:that )?leads? to|"
                         r"leading to) |\b(?:route|axe|piste|tronçon)s? (?:reliant|entre|de|allant de|menant à|qui mène à) "
                         r"|\b(?:carretera|vía|camino|autopista)s? (?:entre|que une|que conecta|que conduce a|que lleva a|"
                         r"hacia|de) )" + _ROAD_END)
DASH_BEFORE = re.compile(r"[A-Z][\w'’-]+\s*[-–]\s*$")
ROAD_RIGHT = re.compile(r"^\s+(?:road|highway|motorway|route|carretera|autopista|axis|corridor)\b", re.I)
# a camp or village located relative to another place ("the X camp on the northern edge of Y",
# "the village of X south-east of Y"): its own point is approximate (precision 2)
RELATIVE_GAP = re.compile(
    rf"^(?:\s+(?:displacement|refugee|IDP|displaced persons|displaced)?\s*camps?"
    r"(?:\s+for\s+(?:the\s+)?(?:internally\s+)?(?:displaced|refugees)(?:\s+(?:people|persons|families))?)?)?"
    r"(?:\s+للنازحين)?,?\s+"
    rf"(?:on the (?:\w+ )?(?:edge|outskirts|fringes?) of|near|outside|just outside|close to"
    rf"|(?:about |some )?\d+\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\w+\s+)?(?:of|from)|{_DIR} of"
    rf"|شمالي|جنوبي|شرقي|غربي|قرب|بالقرب من)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?(?:{_AR_TOWN}\s+)?$", re.I)
# "X's Y district" / "X's civil defence agency": X contains the event place or only hosts a source
POSSESSIVE_PLACE = re.compile(r"^['’]s\s+$")
SOURCE_AFTER = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){0,3}(?:agency|ministry|authorities|authority|officials?|governor|"
                          r"police|army|military|spokes\w+|media|office|service|department|command|hospital)\b")
# ("said in Kyiv", "a statement by the General Staff in Kyiv"; not "said it captured a base in X")
SOURCE_BEFORE = re.compile(r"(?:\b(?:statement|spokes\w+|officials?|ministry|headquarters|based|staff|command|reporters?|"
                           r"journalists?|correspondents?)\b[^.;,]{0,40}|\b(?:government|regime|junta|administration)\s+|"
                           r"\b(?:said|says|told)(?:\s+on\s+\w+day)?\s+)"
                           r"\b(?:in|from)\s+$", re.I)
# "Kyiv says Russian troops...", "Moscow denied": a capital standing for its government (not a place)
METONYM_AFTER = re.compile(r"^\s+(?:says|said|accuses|accused|claims|claimed|denies|denied|insists|warns|warned|"
                           r"blames|blamed|announced|confirms|confirmed)\b")
# "airlifted to Raipur", "évacués vers l'hôpital de Maroua", "a convoy bound for X", "moving up from Delmas":
# where people or vehicles went to or came from, not where the event happened
MOVE_BEFORE = re.compile(
    r"(?:\b(?:airlifted|evacuated|flown|rushed|taken|transferred|transported|referred|brought|bound|headed|heading|"
    r"en route|on (?:its|their|the) way|returned|driven)\s+(?:back\s+)?(?:to|for|towards?)\s+(?:(?:a|the)\s+)?"
    r"(?:(?:\w+\s+)?(?:hospital|clinic|medical facility|health cent(?:re|er))\s+in\s+|(?:nearby\s+|neighbouring\s+)?"
    r"(?:town|city|village)\s+of\s+)?"
    r"|\b(?:évacu|transfér|transport|conduit|achemin)\w*\s+(?:vers|à|sur)\s+(?:l['’]hôpital(?:\s+\w+)?\s+(?:de|d['’])\s*"
    r"|la\s+ville\s+(?:voisine\s+)?(?:de|d['’])\s*)?"
    r"|\bà destination de\s+|\ben direction de\s+"
    r"|\b(?:moving|moved|coming|came|arriving|arrived|travell?ing|fled|fleeing|displaced|launched|fired|"
    r"took off|departed|deployed)\s+(?:\w+\s+)?from\s+(?:the\s+)?(?:(?:town|city|base) of\s+)?"
    # where a person comes from: "a Chinese woman from Shanghai", "two tourists from Lyon"
    r"|\b(?:tourists?|nationals?|citizens?|natives?|expatriates?|[A-Z]\w+\s+(?:wom[ae]n|m[ae]n|girls?|boys?|couple|"
    r"teenagers?|students?|workers?))\s+from\s+)$", re.I)
# "Zawiya, 45 km west of Tripoli": the second place only locates the first (a reference point)
# "the Hays district of Hodeidah", "Jaramana, a suburb of Damascus": the second place only contains the first
CONTAINER_GAP = re.compile(r"^,?\s+(?:an?\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?(?:district|sub-district|"
                           r"territory|township|local government area|LGA|neighbou?rhood|quarter|suburb|area|county|"
                           r"municipality|commune|raion|village|hromada)\s+(?:of|in)\s+(?:the\s+)?(?:(?:city|town) of\s+)?$",
                           re.I)
REFERENCE_GAP = re.compile(
    rf"^,?\s+(?:(?:about|some|around|roughly|nearly|just|only|approximately)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kms|"
    rf"kilomet(?:re|er)s?|miles?)\s+(?:\([^()]{{1,30}}\)\s+)?(?:\w+\s+)?(?:of|from)|{_DIR}(?:ern)?\s+of|outside|near)\s+"
    rf"(?:the\s+)?(?:(?:(?:regional|provincial|state|national)\s+)?(?:town|city|capital)(?:\s+of|,)?\s+)?$", re.I)
# "outside the Turbat Press Club", "near the Kabul airport": a landmark inside the town (precision 1)
LANDMARK_AFTER = re.compile(r"^\s+(?:[A-Z][\w'’-]*\s+){0,2}(?:Press Club|[Cc]lub|[Hh]ospital|University|Stadium|[Mm]osque|"
                            r"[Mm]arket|Bazaar|Square|[Aa]irport|Hotel|[Pp]rison|[Cc]ourt|Cathedral|[Cc]hurch|"
                            r"Parliament|[Rr]oundabout|[Pp]olice [Hh]eadquarters|[Gg]overnorate building)\b")
# "a residential part of Wadajir district": inside the neighbourhood, not near it
PART_OF_BEFORE = re.compile(r"\bparts? of\s+(?:the\s+)?$", re.I)
# "the Solino neighbourhood of Port-au-Prince" / "Fortaleza's Barra do Ceará neighbourhood"
_HOOD_NAME = r"(?P<x>[A-Z][\w'’-]+(?:\s+(?:d[aeo]s?|de la|del|[A-Z][\w'’-]+)){0,3})"
HOOD_BEFORE = re.compile(rf"\b{_HOOD_NAME}\s+(?:neighbou?rhood|bairro|favela|slum)\s+of\s+(?:the\s+(?:capital\s+)?)?$")
HOOD_AFTER = re.compile(rf"^['’]s\s+{_HOOD_NAME}\s+(?:neighbou?rhood|bairro|favela|slum)\b")
# "the city's Kyivskyi district": a district of the city already named
CITY_POSSESSIVE_BEFORE = re.compile(r"\b(?:the|that) (?:city|capital|town)['’]s\s+$", re.I)
# "en la colonia Aguaruto, al poniente de Culiacán": a neighbourhood of the city -> the city itself
CITY_PART_BEFORE = re.compile(r"\b(?:colonia|barrio|quartier|neighbou?rhood|ward)\s+[A-Z][^,.;]{0,30},\s*[^,.;]{0,25}$",
                              re.I)
# a locative preposition right before a mention: the place is a setting, not a name in a title
LOC_BEFORE = re.compile(
    r"(?:\b(?:in|at|inside|into|on|across|towards?|from|of|near|stormed|seized|captured|recaptured|entered|took|taken|"
    r"retook|retaken|overran|overrun|hit|struck|shelled|attacked|targeted|à|au|aux|dans|en|de|a|del|en el|в|во|на|под|في|ب|"
    # the same prepositions opening a sentence ("En Culiacán, ...", "Dans Kidal, ...", "В Харькове ...")
    r"À|Au|Aux|Dans|En|En el|В|Во|На|Под)\s+(?:(?:the|la|le|les|el|los|las)\s+|l['’])?"
    r"(?:(?:northern|southern|eastern|western|central|north-?\w+ern|south-?\w+ern|downtown)\s+)?"
    r"(?:(?:[A-Z]\w+\s+)?(?:town|city|village|port city|port|capital|region|province|district|area|"
    r"neighbourhood|neighborhood|suburb|camp|ville|ciudad|colonia|localité|commune|localidad|municipio|pueblo|"
    r"городе|селе|посёлке|поселке|деревне|станице|مدينة|بلدة|قرية|منطقة|مخيم|ناحية)(?:\s+(?:of|de|del)\s+|\s+d['’]|"
    r"(?<=[^\W\da-zA-Z])\s+))?|,\s*)$",
)
PART_BEFORE = re.compile(rf"\b{_PART}\s+$", re.I)
ADMIN1_AFTER = re.compile(r"^(?:'s)?\s+(?:province|state|region|governorate|oblast|county|department|regional\s+(?:"
                          r"administration|authorities|governor|council|military administration)|"
                          r"prefecture|wilaya|région|département|estado|departamento|provincia)\b", re.I)
ADMIN1_BEFORE = re.compile(r"\b(?:région|province|préfecture|département|wilaya|provincia|departamento|estado|"
                           r"region|state|governorate|oblast)\s+(?:de la |de l'|de|du|d'|del|of)\s*$|ولاية\s*$", re.I)
ADMIN2_AFTER = re.compile(r"^\s+(?:district|territory|local government area|lga|township|municipality|"
                          r"raion|sub-county|division|commune|cercle|territoire|municipio|hromada|zone|"
                          r"(?:territorial|urban|rural|settlement) community)\b", re.I)
FACILITY_AFTER = re.compile(r"^\s+(?:Avenue|Street|Road|Boulevard|Square|University|Stadium|Club|FC|United|Times|"
                            r"Post|Company|Airlines|Airways|Bank|Hotel|Grill|Restaurant)\b")
#: an institution named after its town, the town last ("Government Science Secondary School Kankara",
#: "General Hospital Gwoza"): the town is where the institution is
FACILITY_BEFORE = re.compile(r"\b(?:School|College|Academy|Hospital|Clinic|Barracks|Prison|Mosque|Church|Market|"
                             r"Camp|Seminary|Polytechnic)\s+$")
BORDER = re.compile(r"\b(?P<a>[A-Z][\w'’-]+)\s*[-–/]\s*(?P<b>[A-Z][\w'’-]+)\s+border\b"
                    r"|\bborder(?: (?:region|area|areas|zone|strip))? (?:between|with) (?P<c>[A-Z][\w'’-]+)"
                    r"(?: and (?P<d>[A-Z][\w'’-]+))?")
CAMP_AFTER = re.compile(r"^\s+(?:refugee |displacement |displaced |IDP )?camp\b", re.I)

# "a Moscow-funded militia", "a Lagos-based group", "Kabul-led talks": a place inside an adjective is no location
COMPOUND_AFTER = re.compile(r"^[-\u2010\u2011](?:backed|based|led|controlled|held|allied|aligned|bound|born|funded|"
                            r"supported|sponsored|installed|appointed|affiliated|linked|friendly|trained|brokered|"
                            r"mediated|imposed|ordered|run|owned|headquartered)\b", re.I)
# a dateline inside the page, at the start of a line: "KIRKUK - Mortar rounds ...", "JALALABAD: Two ...",
# "ОДЕССА, 3 мая - ...", "KYIV (Reuters) -- ..." (all capitals; a title-case name only before a dash)
LINE_DATELINE_AFTER = re.compile(r"^(?:,\s*[^\n,:]{1,30}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:[—–-]{1,2}|:)\s")
TITLE_DATELINE_AFTER = re.compile(r"^(?:,\s*[^\n,:]{1,30}?)?\s*(?:\([^)\n]{1,40}\)\s*)?[—–]\s"
                                  r"|^\s*\([A-Z][^)\n]{1,20}\)\s*[—–-]{1,2}\s")


_DATE_STAMP = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}\s+")


def line_dateline(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a dateline's place at the start of a line inside the page?"""
    line_start = text.rfind("\n", 0, start) + 1
    stamp = _DATE_STAMP.match(text, line_start, start)  # "date 2023-06-30 BANGKOK --": a page's date stamp
    if stamp:
        line_start = stamp.end()
    if text[line_start:start].strip() and not text[line_start:start].rstrip().endswith("|"):
        return False
    name, right = text[start:end], text[end:end + 60]
    if re.search(r"\S\s+\|\s*$", text[line_start:start]) and re.match(r"[ \t]*(?:\n|$)", right):
        return True  # a credit line: "<news agency> | <city>"
    if name.isupper() and len(name) > 2:
        return bool(LINE_DATELINE_AFTER.match(right))
    return bool(TITLE_DATELINE_AFTER.match(right))
