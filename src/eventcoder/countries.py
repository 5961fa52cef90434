"""Country names (ACLED spelling), ISO codes, aliases and demonyms: `data/gazetteer/countries.tsv`."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from .resources import load_tsv


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    numeric: Optional[int]
    name: str  # ACLED spelling: "Democratic Republic of Congo", "Palestine"
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]  # "Iraqi", "Congolese"


@functools.lru_cache(maxsize=1)
def all_countries() -> tuple[Country, ...]:
    """Every country; its aliases include its names in other languages (`country_names.tsv`)."""
    foreign: dict[str, list[str]] = {}
    for row in load_tsv("gazetteer/country_names.tsv"):
        foreign.setdefault(row["iso2"], []).extend(n for n in row["names"].split(";") if n)
    out = []
    for row in load_tsv("gazetteer/countries.tsv"):
        aliases = [a for a in row["aliases"].split(";") if a]
        aliases += [n for n in foreign.get(row["iso2"], []) if n not in aliases and n != row["name"]]
        out.append(Country(
            iso2=row["iso2"], iso3=row["iso3"],
            numeric=int(row["numeric"]) if row["numeric"] else None, name=row["name"],
            aliases=tuple(aliases),
            demonyms=tuple(d for d in row["demonyms"].split(";") if d),
        ))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Country]:
    idx: dict[str, Country] = {}
    for c in all_countries():
        for key in (c.iso2, c.iso3, *c.aliases, *c.demonyms, c.name):  # name last: wins
            idx[key.lower()] = c
    return idx


def lookup(key: Optional[str]) -> Optional[Country]:
    """Country by ACLED name, alias, ISO2/ISO3 code or demonym (case-insensitive)."""
    if not key:
        return None
    return _index().get(key.strip().lower())


def by_demonym(word: str) -> Optional[Country]:
    """'Iraqi' -> Iraq; only demonyms, not names."""
    return _demonyms().get(word.strip().lower())


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, Country]:
    """Lowercased demonym -> the first country (in `all_countries` order) that has it."""
    out: dict[str, Country] = {}
    for c in all_countries():
        for d in c.demonyms:
            out.setdefault(d.lower(), c)
    return out
