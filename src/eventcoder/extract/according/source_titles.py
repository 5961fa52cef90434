"""A collective source made specific: "officials said" ... "local government official X told Reuters" ->
the chain keeps "Officials" and adds the titled official after it (the report's own account of who
spoke), where a title would otherwise be dropped as the same account; the same for "authorities" and
"local officials". Only when the collective is the one source cited so far, and only for someone whose
title says they speak for a body. Also: the later, more specific wording of an earlier collective or
generic source."""
from __future__ import annotations

import re
from typing import Optional

from ..cues import load_cues
from . import source_names as names
from ..who import actor_dictionary as dic

COLLECTIVES = {"officials", "local officials", "authorities", "local authorities", "government officials",
               "security officials", "regional officials", "regional authorities", "provincial officials"}
_TITLED = re.compile(r"\b(?:official|governor|mayor|spokes(?:man|woman|person)|commissioner|administrator|"
                     r"prefect|chief|commander|minister|director|head|chairman|police\s+officer)\b", re.IGNORECASE)


def collective_to_replace(chain: list[str], name: str) -> Optional[int]:
    """Index of the chain's one cited source when it is a bare collective that the titled `name` makes
    specific; None otherwise (another source came first, or `name` names no office)."""
    if not _TITLED.search(name) or dic.normalise(name) in COLLECTIVES:
        return None
    wires = {dic.normalise(w) for w in load_cues("en", "attribution").get("wire_agencies", ())}
    cited = [n for n, c in enumerate(chain[1:], 1) if dic.normalise(c) not in wires]
    if len(cited) != 1 or dic.normalise(chain[cited[0]]) not in COLLECTIVES:
        return None
    if re.sub(r"s$", "", dic.normalise(chain[cited[0]])) == dic.normalise(name):
        return None  # "security officials" ... "a security official": one of them, nothing more specific
    return cited[0]


def only_collective(chain: list[str]) -> bool:
    """Whether the chain cites one source besides wires, and it is a bare collective ("Officials")."""
    wires = {dic.normalise(w) for w in load_cues("en", "attribution").get("wire_agencies", ())}
    cited = [c for c in chain[1:] if dic.normalise(c) not in wires]
    return len(cited) == 1 and dic.normalise(cited[0]) in COLLECTIVES


_COLLECTIVE_WORDS = {"officials", "authorities", "autoridades", "autorites", "autorités", "responsables", "власти",
                     "السلطات"}


def collective_named_later(chain: list[str], label: str) -> Optional[int]:
    """Index of an earlier bare "officials" / "authorities" that a state body cited later names: "officials
    said" ... "the interior ministry said" -> the ministry; "las autoridades" ... "según la Policía" -> police."""
    if not re.match(r"(?:Police Forces|Military Forces|Ministry) of\b", label):
        return None
    for n, earlier in enumerate(chain[1:], 1):
        if dic.normalise(earlier) in _COLLECTIVE_WORDS or earlier.lower() in _COLLECTIVE_WORDS:
            return n
    return None


def generic_named_later(chain: list[str], label: str) -> Optional[int]:
    """Index of an earlier generic element ("war monitor") that `label` names ("Levant Monitor for ...")."""
    if len(re.findall(r"\b[A-Z][a-z]+", label)) < 2:
        return None
    words = names._words(label)
    for n, earlier in enumerate(chain[1:], 1):
        generic = earlier[0].upper() + earlier[1:] == earlier and not re.search(r"\s[A-Z]", earlier) \
            and "(" not in earlier
        head = re.findall(r"\w+", earlier.lower())
        if generic and head and re.sub(r"(?<=\w{3})s$", "", head[-1]) in words and len(head) <= 3 \
                and head[-1] in load_cues("en", "attribution").get("organisation_heads", ()):
            return n
    return None


def same_role(title: str, chain: list[str]) -> bool:
    """"a leader of the X" after "local militia leader": the role of a source already listed."""
    heads = {w for w in names._words(title) if w in names._SOURCE_HEADS}
    return bool(heads) and any(heads & names._words(c) for c in chain)
