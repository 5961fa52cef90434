"""Cue lists from `data/lexicons/<lang>/*.yaml` and word-boundary search over them."""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..errors import DataFileError
from ..resources import data_path, load_yaml

#: a live blog's entry stamp opening a sentence ("10:45 —", "14h05 :", "9.30am |"): each entry is its own story
ENTRY_STAMP = re.compile(r"^\s*(?:\d{1,2}[:.h]\d{2})\s*(?:[ap]\.?m\.?\s*)?(?:[—–\-|:]|$)", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def load_cues(lang: str, name: str) -> dict[str, tuple[str, ...]]:
    """`lexicons/<lang>/<name>.yaml` as {key: cues}; falls back to English for other languages."""
    relpath = f"lexicons/{lang}/{name}.yaml"
    if not data_path(relpath).is_file():
        relpath = f"lexicons/en/{name}.yaml"
    data = load_yaml(relpath) or {}
    if not isinstance(data, dict):
        raise DataFileError(f"E104 data/{relpath}: expected a mapping of cue lists")
    return {k: tuple(str(c) for c in (v or ())) for k, v in data.items()}


@functools.lru_cache(maxsize=None)
def cue_pattern(cues: tuple[str, ...]) -> Optional[re.Pattern]:
    """One regex for a cue list, longest first, on word boundaries, case-insensitive."""
    if not cues:
        return None
    alts = "|".join(re.escape(c).replace(r"\ ", r"\s+").replace("'", "['\u2019]")
                    for c in sorted(set(cues), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def find_cues(text: str, cues: tuple[str, ...], start: int = 0, end: Optional[int] = None):
    """Matches of any cue in text[start:end] (match offsets are offsets into `text`); each call
    gets its own list."""
    return list(_found(text, cues, start, len(text) if end is None else end))


@functools.lru_cache(maxsize=4096)
def _found(text: str, cues: tuple[str, ...], start: int, end: int) -> tuple:
    """`find_cues`, memoised: the extractors of each incident of a report search the same
    sentences for the same cues (a match object is read-only)."""
    pat = cue_pattern(cues)
    return () if pat is None else tuple(pat.finditer(text, start, end))
