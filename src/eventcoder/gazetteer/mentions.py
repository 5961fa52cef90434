"""Find candidate toponyms in a text: capitalised word sequences whose folded form is a gazetteer
name, a country name or a demonym (longest match first, on word boundaries).

This is the lexical step only; `extract/where/places.py` filters the matches with context and the
parse, and resolves each to one candidate.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .. import countries
from ..resources import load_tsv
from .. import morph
from .altnames import EXONYM
from .lookup import Candidate, Gazetteer
from .names import fold, skeleton, transliterations

MAX_TOKENS = 6
_TOKEN = re.compile(r"[^\W\d_]+")
# what may join two words of one name: "Deir ez-Zor", "Fada N'Gourma", "Port-au-Prince"
_JOINER = re.compile(r"^(?: |-|'|’| - )$")
# lower-case particles inside names ("Rio de Janeiro", "Dayr az Zawr", "Bahr el Ghazal")
_MAX_PARTICLE = 4
# Russian case endings tried when a Cyrillic word has no entry ("в Санкт-Петербурге")
_RU_ENDINGS = ("ого", "ому", "ой", "ом", "ей", "ах", "е", "у", "ы", "и", "а", "я", "ю")
_AR_CLITICS = "وبلفك"
#: a Russian region noun after a capitalised adjective ("Белгородской области", "Краснодарском крае")
RU_REGION_NEXT = re.compile(r"\s+(?:област[ьиеюя]\w*|обл\.|кра[йяюе]\w*|республик\w*)(?!\w)", re.I)
_ROAD_NEXT = re.compile(r"\s+(?:road|highway|motorway|route|axis|corridor|border|frontier|carretera|autopista)\b", re.I)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    candidates: list[Candidate] = field(default_factory=list)
    country: Optional[countries.Country] = None  # a country name or demonym
    demonym: bool = False
    fuzzy: bool = False  # found only under another spelling's skeleton ("Kisweh" -> Al Kiswah)
    #: found only as a GeoNames alternate name in French or Spanish ("Mossoul" -> Mosul; but also
    #: "Boni", one of Bonn's many names, for a village in Mali): a place where the report is
    exonym: bool = False


def _cased(word: str) -> bool:
    """Capitalised, or written in a script without case (Arabic)."""
    c = word[0]
    return c.isupper() or (c.isalpha() and c.lower() == c.upper())


@functools.lru_cache(maxsize=1)
def _country_keys() -> dict[str, tuple[countries.Country, bool]]:
    """Folded country names, aliases (>= 4 letters) and demonyms -> (country, is_demonym)."""
    out: dict[str, tuple[countries.Country, bool]] = {}
    for c in countries.all_countries():
        for alias in c.aliases:
            # capitalised, or in a script without case (Arabic): "Liban", "العراق"
            if len(alias) >= 4 and (alias[0].isupper() or alias[0].lower() == alias[0].upper()):
                out.setdefault(fold(alias), (c, False))
        for dem in c.demonyms:
            out[fold(dem)] = (c, True)
        out[fold(c.name)] = (c, False)
    return out


@functools.lru_cache(maxsize=8)
def stopwords(lang: str) -> frozenset[str]:
    rows = load_tsv("gazetteer/stoplist.tsv")
    return frozenset(fold(r["word"]) for r in rows if r["lang"] in ("any", lang))


def _ru_bases(word: str) -> list[str]:
    """Dictionary forms a Russian inflected name may have: "херсона" -> "херсон", "херсона"..."""
    out = []
    for end in _RU_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            base = word[: -len(end)]
            out += [base, base + "а", base + "о", base + "ь", base + "е"]  # "Запорожью" -> "Запорожье"
    return out


def _variants(key: str, words: list[str], lang: str = "en") -> list[str]:
    """Inflected single words -> dictionary forms to try (Russian endings, Arabic clitics); in French and
    Spanish also the GeoNames exonym ("Mossoul", "Jersón": `altnames.EXONYM`)."""
    return list(_variants_of(key, tuple(words), lang))


@functools.lru_cache(maxsize=100_000)
def _variants_of(key: str, words: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(_variants_uncached(key, list(words), lang))


def _variants_uncached(key: str, words: list[str], lang: str) -> list[str]:
    out = []
    if lang in ("fr", "es"):
        out.append(EXONYM + key)
    if re.match(r"[\u0400-\u04FF]", words[-1]):
        # pymorphy3's nominative first ("в Кривом Роге" -> "кривой рог"), then the suffix rules
        forms = morph.ru_place_forms(words)
        out = [fold(f) for f in forms] + [latin for f in forms for latin in transliterations(f)]
        out += _ru_bases(key)
        # most towns have no Cyrillic entry: try their Latin spellings ("Херсона" -> "kherson");
        # from the unfolded words, whose й must stay y ("Новороссийске" -> "novorossiysk")
        raw = " ".join(words).lower()
        out += [latin for form in [raw, *_ru_bases(raw)] for latin in transliterations(form)]
    if re.match(r"[\u0600-\u06FF]", key) and key[0] in _AR_CLITICS and len(key) > 4:
        out.append(key[1:])
        if key[1] in _AR_CLITICS and len(key) > 5:  # two clitics: "وبالموصل" -> "الموصل"
            out.append(key[2:])
        if key.startswith(("لل", "ولل", "فلل")):  # li- + al-: "للموصل" -> "الموصل"
            out.append("ال" + key[key.index("لل") + 2:])
    if key.endswith(" city") and len(words) > 1:  # "Kunduz city", "Marib City"
        out.append(key[:-5])
    if key.isascii():  # "Jisr al-Shughur" -> "~jisr al shugur" (Arabic names, see build.add_key)
        out.append("~" + skeleton(key))
    return out


def _union(groups) -> list[Candidate]:
    """Candidates of every variant spelling, each place once ("Lugansk" KZ and "Luhansk" UA)."""
    out, seen = [], set()
    for group in groups:
        for c in group:
            if c.id not in seen:
                seen.add(c.id)
                out.append(c)
    return out


def _clipped(text: str, tokens, j: int, best: dict, m: Mention) -> bool:
    """The head of a longer hyphenated name the gazetteer lacks ("Carrefour" of "Carrefour-Feuilles"), unless
    the next word is a place too ("the Mandalay-Myingyan road", "Kharkiv-Belgorod")."""
    if m.country or j + 1 >= len(tokens) or text[m.end:tokens[j + 1].start()] not in ("-", "‑"):
        return False
    nxt = tokens[j + 1]
    if _ROAD_NEXT.match(text, nxt.end()):  # "the Awapalli-Basaguda road": two ends, one unknown
        return False
    return nxt.group()[:1].isupper() and j + 1 not in best


def scan(text: str, gaz: Gazetteer, lang: str = "en") -> list[Mention]:
    """All gazetteer/country matches in `text`, non-overlapping, longest first, in offset order."""
    tokens = list(_TOKEN.finditer(text))
    spans: list[tuple[int, int, str, list[str]]] = []  # (token i, token j, key, variant keys)
    person = morph.ru_person_tokens(text, tokens) if lang == "ru" else set()
    for i, tok in enumerate(tokens):
        if not _cased(tok.group()) or i in person:
            continue
        if lang == "ru" and morph.ru_function_word(tok.group()):
            continue  # "Она", "Ранее", "При": a pronoun, adverb or preposition starts no name
        words = [tok.group()]
        for j in range(i, min(i + MAX_TOKENS, len(tokens))):
            if j > i:
                gap = text[tokens[j - 1].end():tokens[j].start()]
                if not _JOINER.match(gap):
                    break
                words.append(tokens[j].group())
                if not _cased(words[-1]) and len(words[-1]) > _MAX_PARTICLE or j in person:
                    break
            if not _cased(words[-1]):
                continue
            key = fold(text[tok.start():tokens[j].end()])
            if lang == "ru" and i == j and RU_REGION_NEXT.match(text, tok.end()):
                # "Белгородской области": the adjective names the region, not its capital city (the
                # unit's own name, "Араратской" -> "арарат", only where the gazetteer lacks the region)
                forms = [fold(f) for f in morph.region_forms(words[0])]
                regions = [f for f in forms if " " in f]
                found_regions = gaz.lookup_many(set(regions)) if regions else {}
                spans.append((i, j, key, [f for f in regions if found_regions.get(f)] or forms))
                continue
            spans.append((i, j, key, _variants(key, words, lang)))
    keys = {k for _, _, key, var in spans for k in (key, *var)}
    found = gaz.lookup_many(keys)
    ckeys = _country_keys()
    best: dict[int, tuple[int, Mention]] = {}
    for i, j, key, var in spans:
        cands = found.get(key) or _union(found.get(v, []) for v in var)
        # found only under a spelling skeleton (fuzzy) or only as a French/Spanish alternate name
        plain = bool(found.get(key)) or bool(_union(found.get(v, []) for v in var if v[:1] not in ("~", EXONYM)))
        alternate = bool(_union(found.get(v, []) for v in var if v[:1] == EXONYM))
        fuzzy = bool(cands) and not plain and not alternate
        country = ckeys.get(key)
        if not cands and not country:
            continue
        if i in best and best[i][0] >= j:
            continue
        start, end = tokens[i].start(), tokens[j].end()
        m = Mention(start, end, text[start:end], cands, fuzzy=fuzzy, exonym=bool(cands) and not plain and alternate)
        if country:
            m.country, m.demonym = country
        best[i] = (j, m)
    out: list[Mention] = []
    last_end = -1
    for i in sorted(best):
        j, m = best[i]
        if m.start < last_end:
            continue
        if _clipped(text, tokens, j, best, m):
            continue
        out.append(m)
        last_end = m.end
    return out
