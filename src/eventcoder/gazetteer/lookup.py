"""Read side of the gazetteer: open (building first if needed) the SQLite index and look names up."""
from __future__ import annotations

import functools
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from .build import build_index, source_version
from .names import fold

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    id: int
    name: str  # ACLED spelling ("Abu Kamal", "Tripoli - Abu Salim", "Al Anbar")
    iso2: Optional[str]
    admin1: Optional[str]
    admin2: Optional[str]
    latitude: Optional[float]
    longitude: Optional[float]
    population: int
    kind: str  # place | admin1 | admin2 (a district at its seat) | camp | neighbourhood | crossing | base | feature | sea
    curated: bool  # named in aliases.tsv / places.tsv


def cache_dir() -> Path:
    """`$EVENTCODER_CACHE`, else `$XDG_CACHE_HOME/eventcoder`, else `~/.cache/eventcoder`."""
    if os.environ.get("EVENTCODER_CACHE"):
        return Path(os.environ["EVENTCODER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventcoder"


class Gazetteer:
    """Name -> candidates over the SQLite index; `lookup_many` is what the text matcher uses."""

    #: folded keys remembered by `lookup_many` (found or not); past this many the memory starts afresh
    CACHE_KEYS = 200_000

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[Candidate, ...]] = {}

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for one name (any spelling the index knows), most populous first."""
        return self.lookup_many([fold(name)]).get(fold(name), [])

    def lookup_many(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        """Folded keys -> candidates; keys with no entry are absent. The answers are remembered
        (the index is read-only): each call gets its own lists."""
        cache = self._cache
        known: dict[str, tuple[Candidate, ...]] = {}
        todo = []
        for key in set(keys):
            cands = cache.get(key)
            if cands is None:
                todo.append(key)
            else:
                known[key] = cands
        if todo:
            found = self._lookup_many(todo)
            if len(cache) + len(todo) > self.CACHE_KEYS:
                cache.clear()
            for key in todo:
                known[key] = cache[key] = tuple(found.get(key, ()))
        return {key: list(cands) for key, cands in known.items() if cands}

    def _lookup_many(self, keys: Iterable[str]) -> dict[str, list[Candidate]]:
        keys = sorted(set(keys))
        out: dict[str, list[Candidate]] = {}
        for chunk in (keys[i:i + 500] for i in range(0, len(keys), 500)):
            marks = ",".join("?" * len(chunk))
            rows = self._con.execute(
                f"SELECT n.key, MAX(n.curated), p.* FROM names n JOIN places p ON p.id = n.place_id "
                f"WHERE n.key IN ({marks}) GROUP BY n.key, p.id", chunk).fetchall()
            for key, name_curated, pid, name, cc, a1, a2, lat, lon, pop, kind, curated in rows:
                out.setdefault(key, []).append(Candidate(
                    pid, name, cc, a1, a2, lat, lon, pop, kind, bool(curated or name_curated)))
        for cands in out.values():
            cands.sort(key=lambda c: (-c.curated, -c.population))
        return out

    def admin1_place(self, iso2: str, admin1: str) -> Optional[Candidate]:
        """The admin1 entry (centre coordinates) of `admin1` in `iso2`."""
        row = self._con.execute(
            "SELECT id, name, cc, admin1, admin2, lat, lon, population, kind, curated FROM places "
            "WHERE kind = 'admin1' AND cc = ? AND admin1 = ?", (iso2, admin1)).fetchone()
        return Candidate(*row[:9], bool(row[9])) if row else None

    def admin1_centre(self, iso2: str, admin1: str) -> Optional[Candidate]:
        """The town whose point stands for `admin1` (its capital, else its most populous town): the
        location ACLED codes when only the province is known (codebook: geo_precision 3)."""
        unit = self.admin1_place(iso2, admin1)
        if unit is None or unit.latitude is None:
            return None
        row = self._con.execute(
            "SELECT id, name, cc, admin1, admin2, lat, lon, population, kind, curated FROM places "
            "WHERE kind = 'place' AND cc = ? AND lat = ? AND lon = ? ORDER BY curated DESC, population DESC",
            (iso2, unit.latitude, unit.longitude)).fetchone()
        return Candidate(*row[:9], bool(row[9])) if row else None

    def version(self) -> str:
        return self._con.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()[0]


_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The gazetteer, building `gazetteer-<version>.sqlite` in `cache_dir()` on first use."""
    version = source_version()
    path = cache_dir() / f"gazetteer-{version}.sqlite"
    with _LOCK:
        if not path.is_file():
            LOGGER.info("building gazetteer index %s (first use, ~30 s)", path)
            build_index(path, version)
    return Gazetteer(path)
