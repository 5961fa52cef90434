"""Photo captions and credits scraped with an article: they restate the news with the photo's
place ("Injured victims receive treatment at a hospital in Maiduguri ... (AP Photo/...)"), so
their triggers and places never make or locate an event. Patterns in `data/lexicons/captions.yaml`.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .extract.base import Analysis
from .resources import load_yaml

#: a caption sentence this short is only the credit ("(AP Photo/Name)")
CREDIT_ONLY = 60


@functools.lru_cache(maxsize=None)
def _pattern() -> Optional[re.Pattern]:
    parts = [str(p) for p in (load_yaml("lexicons/captions.yaml") or {}).get("patterns") or []]
    return re.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


def caption_sentences(ana: Analysis) -> frozenset[int]:
    """Indices of the sentences that are photo captions or credits. Memoised on the Analysis."""
    cached = ana.__dict__.get("_captions")
    if cached is None:
        pat = _pattern()
        found = {i for i, s in enumerate(ana.sentences) if pat is not None and pat.search(s.text)}
        for i in sorted(found):
            # a credit split off as its own short sentence: the caption is the sentence before it
            sent, prev = ana.sentences[i], ana.sentences[i - 1] if i else None
            if prev is not None and len(sent.text) < CREDIT_ONLY and "\n" not in ana.text[prev.end:sent.start]:
                found.add(i - 1)
        cached = ana.__dict__["_captions"] = frozenset(found)
    return cached
