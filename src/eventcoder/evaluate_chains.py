"""Comparing source chains (evaluate.py's `source_chain` and `source_chain_lenient` scores), and
the name normalisation every score uses.

Strict: same length and every element a fuzzy match of the gold's wording. Lenient: the outlet
first and the gold's primary source (the first cited source that is not itself a news outlet or
wire) anywhere after it, in any wording: acronyms, state-force families, Cyrillic names.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

def norm(value: Any) -> str:
    """Lowercase, strip accents and punctuation: 'Culiacán' == 'culiacan', 'Deir-ez-Zor' == 'deir ez zor'."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _chain_match(pred: list[str], gold: list[str]) -> bool:
    from rapidfuzz import fuzz

    if len(pred) != len(gold):
        return False
    return all(fuzz.token_set_ratio(norm(p), norm(g)) >= 80 for p, g in zip(pred, gold))


# news agencies and the forms they are cited by (lenient chain scoring)
_AGENCIES = {"ap": "associated press", "afp": "agence france presse", "dpa": "deutsche presse agentur",
             "ani": "asian news international", "pti": "press trust of india", "ians": "indo asian news service",
             "efe": "agencia efe", "aa": "anadolu agency", "sana": "syrian arab news agency",
             "irna": "islamic republic news agency", "wafa": "palestinian news and information agency",
             "nna": "national news agency", "qna": "qatar news agency", "spa": "saudi press agency",
             "mena": "middle east news agency", "tass": "tass", "ria": "ria novosti", "kuna": "kuwait news agency",
             "bss": "bangladesh sangbad sangstha", "app": "associated press of pakistan", "nan": "news agency of nigeria",
             "xinhua": "xinhua news agency"}
# words that say nothing about who the source is
_CHAIN_STOP = {"the", "of", "a", "an", "and", "in", "on", "for", "to", "de", "la", "le", "el", "del", "des", "du",
               "official", "officials", "source", "sources", "spokesman", "spokesperson", "spokeswoman", "statement",
               "said", "report", "reports", "news", "agency", "agencies", "forces", "force", "anonymous", "local",
               "senior", "unnamed", "according", "his", "her", "their", "its", "s", "via", "x", "post", "posts",
               "told", "media", "state", "other", "press", "service", "services", "department", "office"}
# one family of sources, worded in many ways (ignoring wording: "the army" == "Military Forces of X (spokesman)")
_CHAIN_FAMILIES = {"army": "military", "troops": "military", "soldiers": "military", "idf": "military",
                   "militaire": "military", "armee": "military", "ejercito": "military", "military": "military",
                   "defence": "military", "defense": "military", "policia": "police", "policiers": "police",
                   "police": "police", "gendarmerie": "police", "residents": "residents", "resident": "residents",
                   "witnesses": "residents", "witness": "residents", "eyewitness": "residents",
                   "eyewitnesses": "residents", "villagers": "residents", "locals": "residents",
                   "habitants": "residents", "vecinos": "residents", "medics": "medical", "hospital": "medical",
                   "doctors": "medical", "doctor": "medical", "health": "medical", "medical": "medical"}


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def _chain_tokens(value: str) -> set[str]:
    """The words of a source that say who it is, with agency acronyms spelt out, families merged and
    Cyrillic transliterated ("Гладкова" ~ "Gladkov")."""
    text = "".join(_CYRILLIC.get(c, c) for c in norm(value))
    for short, long_ in _AGENCIES.items():
        if text == short or text == long_:
            return {long_}
    words = set()
    for w in text.split():
        if w in _AGENCIES and w not in ("aa", "app"):
            words.add(_AGENCIES[w])
        if w in _CHAIN_STOP or len(w) < 3 and not w.isupper():
            continue
        if _country_word(w):
            continue  # "India" alone does not make "Police Forces of India" and "India Today" one source
        w = w[:-1] if len(w) > 4 and w.endswith("s") else w
        words.add(_CHAIN_FAMILIES.get(w, _CHAIN_FAMILIES.get(w + "s", w)))
    return words


def _state_family(value: str) -> set[str]:
    """"KDF spokesperson", "IDF", "FARDC" name a state force: the military or police family, read off the
    actor dictionary (the scorer's only use of it)."""
    from .extract.who import actor_dictionary as dic

    out = set()
    for pm in dic.match_phrases(value):
        if pm.entry.kind == "state" and pm.entry.force in ("military", "police"):
            out.add(pm.entry.force)
    return out


def _initials(value: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", re.sub(r"\(.*?\)", " ", value))
                   if w.lower() not in ("of", "the", "and", "for", "de", "la", "du")).lower()


def _country_word(word: str) -> bool:
    from . import countries

    return len(word) > 3 and (countries.by_demonym(word) is not None or countries.lookup(word) is not None)


def chain_element_match(pred: str, gold: str) -> bool:
    """Two source-chain elements name the same source, ignoring wording: a token-set ratio of 80, the
    same news agency (AP == Associated Press), or a shared identifying word or family ("police",
    "military": "Police Forces of India (DIG ...)" == "police officials")."""
    from rapidfuzz import fuzz

    if fuzz.token_set_ratio(norm(pred), norm(gold)) >= 80:
        return True
    a, b = _chain_tokens(pred) | _state_family(pred), _chain_tokens(gold) | _state_family(gold)
    def acronyms(value):
        return {w.lower() for w in re.findall(r"\b[A-Z]{3,}\b", value)}

    if _initials(gold) in acronyms(pred) or _initials(pred) in acronyms(gold):
        return True  # "PSNI Chief" == "Police Service of Northern Ireland"
    # a name in another grammatical case: "gladkova" ~ "gladkov"
    return bool(a & b) or any(len(x) >= 5 and len(y) >= 5 and (x.startswith(y) or y.startswith(x))
                              and abs(len(x) - len(y)) <= 2 for x in a for y in b)


# words that make a chain element a news medium rather than the source of the facts
_MEDIA_WORDS = {"news", "agency", "agencies", "times", "post", "tribune", "herald", "journal", "daily", "gazette",
                "television", "tv", "radio", "channel", "broadcaster", "broadcasting", "press", "media", "reports",
                "newspaper", "magazine", "telegraph", "guardian", "observer", "express", "mirror", "chronicle",
                "correspondent", "reuters", "bloomberg", "cnn", "bbc", "al jazeera", "sky", "france 24", "rfi",
                "dw", "voa", "tass", "ria", "novosti", "izvestia", "interfax", "xinhua", "belga", "bfmtv", "okaz",
                "aim", "bernama", "antara", "yonhap", "kyodo", "wafa", "sana", "irna", "nna", "saba", "efe", "dpa",
                "ansa", "lusa", "apa", "pap", "ctk", "mena", "kuna", "qna", "spa", "anadolu", "ani", "pti", "ians",
                "uni", "app", "nan", "bss", "cnnnews18", "ndtv", "rfm", "kenyans", "website", "blog", "telegram"}


def _is_medium(value: str) -> bool:
    """A news medium (a wire agency, a broadcaster, a newspaper), judged from the name before any bracket."""
    name = re.sub(r"\(.*?\)", " ", value)
    text = norm(name)
    if _is_agency(value) or text in _AGENCIES or text in _AGENCIES.values():
        return True
    words = set(text.split())
    return bool(words & _MEDIA_WORDS) or any(" " in w and w in text for w in _MEDIA_WORDS) \
        or bool(re.search(r"\.(?:com|net|org|ru|kz|co|info)\b", value.lower()))


def primary_source(chain: list[str]) -> Optional[str]:
    """The primary source of a chain: the first source the outlet cites that is not itself a news medium
    (a wire agency, a broadcaster, another paper); when the outlet cites only media, the first of them."""
    cited = [c for c in chain[1:] if c]
    if not cited:
        return None
    own = [c for c in cited if not _is_medium(c)]
    return (own or cited)[0]


def _is_agency(value: str) -> bool:
    text = norm(re.sub(r"\(.*?\)", " ", value))
    return text in _AGENCIES or text in _AGENCIES.values() or text in {"reuters", "agencies", "wire", "wires",
                                                                        "associated press", "bloomberg"}


def chain_lenient(pred: list[str], gold: list[str]) -> bool:
    """Lenient source chain: the outlet comes first and the gold's primary source is cited somewhere,
    whatever the wording, length or order of the rest."""
    if not gold:
        return True
    if not pred or not chain_element_match(pred[0], gold[0]) and norm(pred[0]) != norm(gold[0]):
        return False
    primary = primary_source(gold)
    if primary is None:
        return True
    return any(chain_element_match(p, primary) for p in pred[1:])
