"""The text evidence of a report, with no corpus statistics (the same text always gives the same values).

    shingles   word 3-grams, summarised by a MinHash signature (`datasketch`, NUM_PERM
               permutations, fixed seed and scheme): near-duplicate rewrites share many.
    names      runs of capitalised words (Latin and Cyrillic scripts) that the report never
               writes in lower case, with titles, weekdays, months, news agencies and the armed
               groups of `data/actors/groups.yaml` left out, and words like "State", "District"
               or a country's name allowed inside a name but never a name alone: what every
               report on a conflict shares says nothing about one event.
    numbers    figures of 5 or more that are not years ("54 wounded", "500 inmates").
    quotes     word 3-grams inside quotation marks (the same official quoted by two outlets).
    officials  the full names written just after an office ("police spokesman ..."): shared,
               they say less than another person's name (an official speaks for every
               incident of his region).
    weekdays   the days of the week a report names (the weekday names of every language's
               `lexicons/<lang>/dates.yaml`): two reports of one event name its day; a report
               of a look-alike on another day names another.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Iterable

import numpy as np

NUM_PERM = 64
SEED = 1
#: datasketch's 32-bit permutation scheme (its default since 2.0; named so a stored signature
#: keeps its meaning across datasketch versions)
SCHEME = "affine32"
SHINGLE_WORDS = 3

_WORD = re.compile(r"\w+", re.UNICODE)
# a word of letters (Latin, Cyrillic, ...) with inner hyphens / apostrophes
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w]|['’\-](?=\w))*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"[.!?:;\n\"“”«»]")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?![\w,.]\d)")
_QUOTE = re.compile(r"[“\"«„](.{12,400}?)[”\"»“]|‘([^‘’]{12,400}?)’(?!\w)", re.DOTALL)

_TITLES = {
    "president", "prime", "minister", "ministers", "general", "gen", "lieutenant", "lt", "colonel", "col",
    "major", "maj", "captain", "capt", "sergeant", "commander", "chief", "governor", "gov", "mayor", "deputy",
    "secretary", "spokesman", "spokesperson", "spokeswoman", "police", "inspector", "superintendent", "senator",
    "sen", "rep", "mr", "mrs", "ms", "dr", "sheikh", "king", "queen", "prince", "emir", "ambassador", "director",
    "head", "senior", "brigadier", "admiral", "marshal", "pope", "bishop", "father", "imam", "chairman", "leader",
    "commissioner", "interior", "defence", "defense", "foreign", "state", "minister's", "officer", "official",
    "vice", "acting", "former", "local", "regional", "provincial", "district", "national", "federal", "army",
    "presidente", "ministre", "général", "président", "gouverneur", "maire", "ministro", "gobernador", "alcalde",
    "президент", "министр", "губернатор", "глава", "мэр", "генерал",
}
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "avril",
    "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "enero", "febrero", "marzo", "abril", "mayo",
    "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "понедельник", "вторник",
    "среда", "четверг", "пятница", "суббота", "воскресенье", "gmt", "utc", "am", "pm",
}
_AGENCIES = {
    "afp", "ap", "reuters", "associated", "press", "agence", "france-presse", "xinhua", "ani", "pti", "ians",
    "efe", "anadolu", "tass", "ria", "novosti", "interfax", "dpa", "bbc", "cnn", "al", "jazeera", "getty",
    "images", "news", "agency", "photo", "video", "telegram", "twitter", "facebook", "x", "the", "a", "an",
    "and", "of", "in", "on", "for", "to", "by", "with", "from", "at", "as", "it", "he", "she", "they", "we",
    "i", "his", "her", "their", "this", "that", "but", "if", "le", "la", "les", "el", "los", "las", "de", "del",
}
#: words that name kinds of things, capitalised inside names ("Guma Local Government Area",
#: "General Hospital"): part of a full name, never a name on their own
_NAME_PARTS = {
    "government", "area", "local", "council", "district", "province", "provincial", "region", "regional",
    "county", "state", "states", "ministry", "national", "federal", "university", "hospital", "school",
    "board", "education", "universal", "basic", "police", "army", "forces", "force", "command", "committee",
    "commission", "agency", "group", "party", "movement", "front", "union", "people", "peoples", "republic",
    "democratic", "islamic", "north", "south", "east", "west", "central", "northern", "southern", "eastern",
    "western", "city", "town", "village", "camp", "street", "road", "market", "airport", "international",
    "united", "nations", "according", "despite", "residents", "security", "service", "services", "office",
    "division", "brigade", "battalion", "regiment", "unit", "operation", "operations", "center", "centre",
    "management", "emergency", "affairs", "public", "human", "rights", "red", "cross", "crescent", "church",
    "mosque", "catholic", "christian", "muslim", "military", "defence", "defense", "interior", "foreign",
    "house", "parliament", "assembly", "court", "high", "supreme", "new", "old", "great", "upper", "lower",
    "governor", "governorate", "municipality", "administration", "authority", "authorities", "department",
    "lga", "idps", "idp", "breaking", "update", "live", "read", "more", "share", "related", "published",
    "updated", "photo", "file", "image", "source", "sources", "reporting", "editing", "writing", "by",
    "armed", "allied", "liberation", "revolutionary", "popular", "resistance", "council's", "village's",
    "ejercito", "armee", "policia", "gobierno", "gouvernement", "fuerzas", "ministerio", "ministere",
    "departamento", "municipio", "provincia", "estado", "nacional", "national", "comandante", "armada",
}


@functools.lru_cache(maxsize=1)
def generic_names() -> frozenset[str]:
    """Lower-cased words and names that every report on a conflict may share: countries,
    aliases, demonyms and the named armed groups (with their aliases)."""
    from .. import countries
    from ..resources import load_yaml

    out: set[str] = set(_TITLES | _CALENDAR | _AGENCIES)
    for c in countries.all_countries():
        for name in (c.name, *c.aliases, *c.demonyms):
            out.add(norm_name(name))
    for group in load_yaml("actors/groups.yaml") or []:
        for name in [group.get("name") or "", *(group.get("aliases") or [])]:
            name = re.sub(r"\{country\}|\([^)]*\)", " ", str(name))
            for part in name.split(":"):
                words = norm_name(part).split()
                for n in range(1 if len(words) == 1 else 2, len(words) + 1):  # "liberacion nacional" too
                    out.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def name_parts() -> frozenset[str]:
    """Words that may be inside a name but are no name alone: kinds of things (`_NAME_PARTS`)
    and country names, aliases and demonyms."""
    from .. import countries

    out = set(_NAME_PARTS)
    for c in countries.all_countries():
        for name in (c.name, *c.aliases, *c.demonyms):
            out.update(w.lower() for w in _NAME_WORD.findall(name))
            out.add(norm_name(name))
    return frozenset(out - _CALENDAR - _AGENCIES)


def norm_name(value: str) -> str:
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    return " ".join(_WORD.findall(text))




def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@functools.lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def signature(grams: Iterable[str]) -> np.ndarray:
    """MinHash signature (uint32 values) of a set of shingles."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme=SCHEME)
    m.update_batch([g.encode("utf-8") for g in grams])
    return m.hashvalues.astype(np.uint32)


def names(text: str) -> set[str]:
    """Distinctive names of a text (see module doc): full names ("jamshed karimi", "guma local
    government area") and their distinctive words ("karimi", "guma")."""
    lower_words = {w for w in _WORD.findall(text) if w.islower()}
    generic, parts = generic_names(), name_parts()
    runs: list[tuple[list[str], bool]] = []
    mid_caps: set[str] = set()
    for chunk in _SENTENCE_END.split(text):
        run: list[str] = []
        initial = True
        last_end = -1
        for n, m in enumerate(_NAME_WORD.finditer(chunk)):
            word = m.group(0)
            gap = chunk[last_end:m.start()] if last_end >= 0 else ""
            if word[0].isupper():
                if n:
                    mid_caps.add(word)
                if run and gap in (" ", "-"):
                    run.append(word)
                    last_end = m.end()
                    continue
            if run:
                runs.append((run, initial))
            run = [word] if word[0].isupper() else []
            initial = n == 0
            last_end = m.end()
        if run:
            runs.append((run, initial))
    out: set[str] = set()
    for run, initial in runs:
        if initial and len(run) == 1 and run[0] not in mid_caps:
            continue  # "Speaking in ...": a sentence's first word alone is no name unless seen inside one
        _add_run(run, lower_words, generic, parts, out)
    return out


def _add_run(run: list[str], lower_words: set[str], generic: frozenset[str], parts: frozenset[str],
             out: set[str]) -> None:
    """Split a run of capitalised words into names: a common word (one the text also writes in
    lower case, a title, a weekday...) ends a name; a name part ("State", "Iraqi") may be inside
    a name but is never a name alone."""
    words: list[tuple[str, bool]] = []
    for word in run:
        key = norm_name(_POSSESSIVE.sub("", word))
        if key in parts:
            words.append((key, False))
        elif word.lower() not in lower_words and key not in generic and len(key) > 2:
            words.append((key, True))
        else:
            _emit(words, generic, out)
            words = []
    _emit(words, generic, out)
    run.clear()


def _emit(words: list[tuple[str, bool]], generic: frozenset[str], out: set[str]) -> None:
    while words and not words[-1][1] and len(words) > 1 and words[-1][0] not in _NAME_PARTS:
        words = words[:-1]
    if not any(proper for _, proper in words):
        return
    full = " ".join(w for w, _ in words)
    if full in generic:
        return
    out.update(w for w, proper in words if proper)
    for n in range(2, len(words) + 1):  # "marco fidel suarez air base" also names "marco fidel suarez"
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if any(proper for _, proper in gram):
                out.add(" ".join(w for w, _ in gram))


def numbers(text: str) -> set[int]:
    """Figures of 5 or more that are not years."""
    out = set()
    for m in _NUMBER.finditer(text):
        try:
            value = int(m.group(0).replace(",", ""))
        except ValueError:
            continue
        if value >= 5 and not 1900 <= value <= 2100:
            out.add(value)
    return out


def quote_grams(text: str) -> set[str]:
    """Hashed word 3-grams of the quoted passages of a text (“…”, "…", «…», ‘…’)."""
    out = set()
    for m in _QUOTE.finditer(text):
        words = _WORD.findall((m.group(1) or m.group(2) or "").lower())
        for i in range(len(words) - 2):
            out.add(hashlib.blake2b(" ".join(words[i:i + 3]).encode(), digest_size=6).hexdigest())
    return out


@functools.lru_cache(maxsize=1)
def _weekday_pattern() -> tuple[re.Pattern, dict[str, int]]:
    from ..resources import data_path, load_yaml

    names: dict[str, int] = {}
    for lang in sorted(d.name for d in data_path("lexicons").iterdir() if d.joinpath("dates.yaml").is_file()):
        for word, day in ((load_yaml(f"lexicons/{lang}/dates.yaml") or {}).get("weekdays") or {}).items():
            names[str(word).lower()] = int(day)
    alternatives = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    # Arabic writes "and" / "on" as a prefix of the word ("والجمعة", "بالأحد")
    return re.compile(rf"(?<!\w)(?:[وب](?=ال))?({alternatives})(?!\w)", re.IGNORECASE), names


def weekdays(text: str) -> set[int]:
    """The days of the week (0 Monday .. 6 Sunday) a text names, in any language of the lexicons."""
    pattern, names = _weekday_pattern()
    return {names[m.group(1).lower()] for m in pattern.finditer(text)}


@functools.lru_cache(maxsize=1)
def _offices() -> tuple[frozenset[str], int]:
    from ..resources import load_yaml

    data = load_yaml("merge/offices.yaml") or {}
    return frozenset(norm_name(str(w)) for w in data.get("words") or ()), int(data.get("window") or 4)


def officials(text: str, found: Iterable[str]) -> set[str]:
    """The full names of `found` that the text writes a few words after an office
    (`data/merge/offices.yaml`: "police spokesman Mohammed Musa", "the governor of the region,
    John Doe"): officials, who speak for every incident of their region."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in found:
        if " " in name:
            words = tuple(name.split())
            by_first.setdefault(words[0], []).append(words)
    if not by_first:
        return set()
    offices, window = _offices()
    words = [norm_name(_POSSESSIVE.sub("", w)) for w in _NAME_WORD.findall(text)]
    out = set()
    for i, word in enumerate(words):
        for name in by_first.get(word, ()):
            if tuple(words[i:i + len(name)]) == name and not offices.isdisjoint(words[max(0, i - window):i]):
                out.add(" ".join(name))
    return out
