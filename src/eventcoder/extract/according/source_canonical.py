"""The chain's English name of a source wording the lexicon lists (`lexicons/<lang>/attribution.yaml`,
`canonical`: "phrase => Name"): exact, a listed title before a person's name, a listed wording with a
qualifying tail, or a listed name of three words or more inside a longer wording."""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..base import Analysis
from ..cues import load_cues
from ..who import actor_dictionary as dic

_ARTICLES = re.compile(r"^(?:(?:des|les|le|la|el|los|las|un|una|une|the|a|an|de)\s+|l['\u2019]\s*)+", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _listed(lang: str) -> tuple[tuple[str, str], ...]:
    """The language's listed wordings (English ones too for other languages) as (normalised phrase,
    chain name) pairs, in lexicon order: read once per language."""
    items = load_cues(lang, "attribution").get("canonical", ()) + \
        (load_cues("en", "attribution").get("canonical", ()) if lang != "en" else ())
    pairs = []
    for item in items:
        phrase, _, target = item.partition("=>")
        pairs.append((dic.normalise(phrase.strip()), target.strip()))
    return tuple(pairs)


def listed_canonical(name: str, ana: Analysis) -> Optional[str]:
    """The chain's name for a wording the lexicon lists ("генштаб ВСУ" -> "General Staff of the Armed Forces
    of Ukraine"); such a name is final. A listed title followed only by a person's name stands for the title
    ("Глава ДНР Денис Пушилин" -> "DPR head")."""
    bare = _ARTICLES.sub("", name.strip()).strip()
    low = dic.normalise(bare)
    listed = _listed(ana.lang)
    for key, target in listed:
        if key == low:
            return target
    if ana.lang == "en":
        return None
    best = None
    for key, target in listed:
        if low.startswith(key + " ") and re.fullmatch(r"(?:\s+[A-Z\u0410-\u042f][\w\u0400-\u04ff.'-]*){1,4}",
                                                       bare[len(key):]) and (best is None or len(key) > len(best[0])):
            best = (key, target)
    return (best[1] if best else None) or _canonical_inside(low, listed, ana)


def _canonical_inside(low: str, listed, ana: Analysis) -> Optional[str]:
    """A listed wording that opens the source, its tail a qualifier ("sources sécuritaires citées par les
    médias": Security sources; `canonical_tail` words start such tails), or a listed name of three words or
    more inside it ("ما أفاد المرصد السوري لحقوق الإنسان": the Syrian Observatory for Human Rights)."""
    tails = tuple(dic.normalise(w) for w in load_cues(ana.lang, "attribution").get("canonical_tail", ()))
    best = None
    for key, target in listed:
        if not key or (best is not None and len(key) <= len(best[0])):
            continue
        tail = low[len(key):].split() if low.startswith(key + " ") else None
        if (tail and tail[0] in tails) or (len(key.split()) >= 3 and f" {key} " in f" {low} "):
            best = (key, target)
    return best[1] if best else None
