"""A source told only by a pronoun: "He said earlier that two fighters had been wounded ...",
"a-t-il précisé", "— написал он". The speaker is the one the report cited last before that sentence
(the governor of the previous paragraph), when the event's own sentences name no source.

The pronoun phrases are data (`lexicons/<lang>/attribution.yaml`: `pronoun_speech`).
"""
from __future__ import annotations

from typing import Iterator

from ..base import Analysis
from ..cues import find_cues, load_cues
from .source_mentions import Mention, mentions

#: how many sentences back the pronoun's speaker may have been cited
_BACK = 5


def pronoun_speakers(ana: Analysis, idx: list[int]) -> Iterator[tuple[int, Mention]]:
    """(sentence, mention) of the source each pronoun speech in the event's sentences `idx` refers to: the
    last source cited in the sentences before it (up to five back); the first pronoun with such a source."""
    cues = load_cues(ana.lang, "attribution").get("pronoun_speech", ())
    if not cues:
        return
    for i in idx:
        sent = ana.sentences[i]
        if not find_cues(ana.text, cues, sent.start, sent.end):
            continue
        for j in range(i - 1, max(-1, i - 1 - _BACK), -1):
            cited = list(mentions(ana, j))
            if cited:
                yield j, cited[-1]
                return
