"""Code tables of the interoperable exports (ACLED, GDELT, UCDP, PLOVER), read from `data/mappings/`.

- `countries_interop.tsv`: per country, ISO numeric for ACLED's `iso`, ACLED `region`, FIPS 10-4 (GDELT) and the
  UCDP GED region;
- `cameo.tsv`: CAMEO code -> name, QuadClass, Goldstein scale; `cameo_actor_types.tsv`: ACLED actor -> CAMEO type;
- `plover_types.tsv`: PLOVER type -> quad code; `subtype_interop.tsv`: per sub-event type, its comparison family
  and PLOVER roles and context. The sub-event type -> CAMEO / PLOVER / UCDP crosswalk itself is `mappings.py`'s
  `acled_codes.tsv`.

Every table is checked when first loaded (a sub-event type, country or code missing from it raises
DataFileError naming the file), then cached.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import countries
from ..errors import DataFileError
from ..mappings import table as subtype_codes
from ..resources import load_tsv
from ..schema import INTER_CODES, SUB_EVENT_TYPES


@dataclass(frozen=True)
class CountryCodes:
    """What the exports write for one country."""

    name: str
    iso3: str
    iso_numeric: Optional[int]
    fips: str
    acled_region: str
    ucdp_region: str


def _fail(relpath: str, message: str) -> DataFileError:
    return DataFileError(f"E103 data/mappings/{relpath}: {message}")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, CountryCodes]:
    rows = {row["iso3"]: row for row in load_tsv("mappings/countries_interop.tsv")}
    out: dict[str, CountryCodes] = {}
    for country in countries.all_countries():
        row = rows.get(country.iso3)
        if row is None:
            raise _fail("countries_interop.tsv", f"no row for {country.iso3} ({country.name}); add one")
        numeric = int(row["acled_iso"]) if row["acled_iso"] else country.numeric
        out[country.iso3] = CountryCodes(country.name, country.iso3, numeric, row["fips"], row["acled_region"],
                                         row["ucdp_region"])
    return out


def country_codes(iso3: Optional[str] = None, country: Optional[str] = None) -> Optional[CountryCodes]:
    """The codes of a country given by ISO3 code, else by name (ACLED spelling or alias); None if unknown."""
    table = _countries()
    if iso3 and iso3.upper() in table:
        return table[iso3.upper()]
    found = countries.lookup(country)
    return table.get(found.iso3) if found else None


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    quad_class: int
    goldstein: float

    @property
    def base_code(self) -> str:
        """The 3-digit base code (GDELT EventBaseCode): '1831' -> '183', '057' -> '057'."""
        return self.code[:3]

    @property
    def root_code(self) -> str:
        """The 2-digit root code (GDELT EventRootCode): '1831' -> '18', '057' -> '05'."""
        return self.code[:2]


@functools.lru_cache(maxsize=1)
def _cameo() -> dict[str, CameoCode]:
    out = {row["code"]: CameoCode(row["code"], row["name"], int(row["quad_class"]), float(row["goldstein"]))
           for row in load_tsv("mappings/cameo.tsv")}
    used = {row["cameo"] for row in subtype_codes().values() if row["cameo"]}
    needed = used | {c[:3] for c in used} | {c[:2] for c in used}
    missing = sorted(needed - set(out))
    if missing:
        raise _fail("cameo.tsv", f"lacks CAMEO codes {missing} used by acled_codes.tsv")
    return out


def cameo(code: Optional[str]) -> Optional[CameoCode]:
    """The CAMEO code's row, or None for no code."""
    return _cameo().get(code) if code else None


@functools.lru_cache(maxsize=1)
def _actor_types() -> tuple[dict[int, str], tuple[tuple[str, str], ...]]:
    by_inter: dict[int, str] = {}
    prefixes: list[tuple[str, str]] = []
    for row in load_tsv("mappings/cameo_actor_types.tsv"):
        if row["kind"] == "inter":
            by_inter[int(row["value"])] = row["cameo_type"]
        else:
            prefixes.append((row["value"], row["cameo_type"]))
    missing = sorted(set(INTER_CODES) - set(by_inter))
    if missing:
        raise _fail("cameo_actor_types.tsv", f"lacks inter codes {missing}")
    return by_inter, tuple(prefixes)


def cameo_actor_type(actor: Optional[str], inter: Optional[int]) -> str:
    """CAMEO type code of an ACLED actor: a name prefix first ('Police Forces of' -> COP), else its inter code."""
    if not actor:
        return ""
    by_inter, prefixes = _actor_types()
    for prefix, code in prefixes:
        if actor.startswith(prefix):
            return code
    return by_inter.get(inter or 0, "")


_OF_COUNTRY = re.compile(r"\bof (?:the )?([^()]+?)\s*(?:\(|$)")
_IN_BRACKETS = re.compile(r"\(([^()]+)\)\s*$")


def actor_country(actor: Optional[str]) -> Optional[CountryCodes]:
    """The country an ACLED actor name carries: 'Military Forces of Iraq (2014-)' and 'Civilians (Iraq)' -> Iraq."""
    if not actor:
        return None
    for pattern in (_IN_BRACKETS, _OF_COUNTRY):
        match = pattern.search(actor)
        if match:
            found = country_codes(country=match.group(1).strip())
            if found:
                return found
    return None


@functools.lru_cache(maxsize=1)
def _plover_quads() -> dict[str, int]:
    quads = {row["plover_type"]: int(row["quad_code"]) for row in load_tsv("mappings/plover_types.tsv")}
    used = {row["plover_type"] for row in subtype_codes().values() if row["plover_type"]}
    if used - set(quads):
        raise _fail("plover_types.tsv", f"lacks PLOVER types {sorted(used - set(quads))} used by acled_codes.tsv")
    return quads


def plover_quad(plover_type: Optional[str]) -> Optional[int]:
    """PLOVER quad code (1-4) of a PLOVER event type."""
    return _plover_quads().get(plover_type) if plover_type else None


@dataclass(frozen=True)
class SubtypeInterop:
    family: str
    plover_roles: str
    plover_context: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _subtypes() -> dict[str, SubtypeInterop]:
    rows = {row["sub_event_type"]: row for row in load_tsv("mappings/subtype_interop.tsv")}
    missing = [s for s in SUB_EVENT_TYPES if s not in rows]
    if missing:
        raise _fail("subtype_interop.tsv", f"lacks sub-event types {missing}")
    return {s: SubtypeInterop(r["family"], r["plover_roles"], tuple(c for c in r["plover_context"].split(";") if c))
            for s, r in rows.items()}


def subtype_interop(sub_event_type: Optional[str]) -> Optional[SubtypeInterop]:
    """Family, PLOVER roles and context of a sub-event type (None for an unknown type)."""
    return _subtypes().get(sub_event_type) if sub_event_type else None


def family(sub_event_type: Optional[str]) -> Optional[str]:
    """The comparison family of a sub-event type ('Armed clash' -> 'battle')."""
    found = subtype_interop(sub_event_type)
    return found.family if found else None


@functools.lru_cache(maxsize=None)
def columns(fmt: str) -> tuple[str, ...]:
    """The columns (keys) of an export format, in order, from `export_columns.tsv` ('acled-csv', 'gdelt-tsv', ...)."""
    found = tuple(row["column"] for row in load_tsv("mappings/export_columns.tsv") if row["format"] == fmt)
    if not found:
        raise _fail("export_columns.tsv", f"no columns for format {fmt!r}")
    return found


def column_docs(fmt: str) -> list[tuple[str, str]]:
    """(column, meaning) of an export format, in order (for the docs)."""
    return [(row["column"], row["meaning"]) for row in load_tsv("mappings/export_columns.tsv") if row["format"] == fmt]
