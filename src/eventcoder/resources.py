"""Load the data files shipped in `eventcoder/data/` (YAML and TSV), cached.

Lexicons, dictionaries and mappings are data, read through here so an installed wheel
finds them: `load_yaml("lexicons/en/triggers.yaml")`, `load_tsv("gazetteer/countries.tsv")`.
"""
from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Any

from .errors import DataFileError


def data_path(relpath: str):
    """Traversable for `data/<relpath>` inside the installed package."""
    return resources.files("eventcoder").joinpath("data", *relpath.split("/"))


def read_text(relpath: str) -> str:
    path = data_path(relpath)
    if not path.is_file():
        raise DataFileError(f"E101 data file missing: data/{relpath}. Reinstall eventcoder "
                            "(`make install`) or check the file name.")
    return path.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def load_yaml(relpath: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(read_text(relpath))
    except yaml.YAMLError as exc:
        raise DataFileError(f"E102 data/{relpath} is not valid YAML: {exc}") from None


@functools.lru_cache(maxsize=None)
def load_tsv(relpath: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file with a header line; '#' lines are comments."""
    lines = [ln for ln in read_text(relpath).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
