"""Issue 13: a source credited in brackets at the end of a headline ("... tués dans une embuscade (armée)",
"... killed in ambush (police)") is a speaker, no agent of the event. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.role_parse import speech_subjects


@pytest.mark.model
@pytest.mark.parametrize("text,lang,words", [
    ("Niger : douze soldats tués dans une embuscade près de Tillabéri (armée)\nDouze soldats ont été tués samedi.",
     "fr", "armée"),
    ("Mali: ten soldiers killed in ambush near Gao (army)\n\nTen soldiers were killed on Saturday.", "en", "army"),
])
def test_a_bracketed_credit_is_a_speaker(analyse_text, text, lang, words):
    ana = analyse_text(text, lang=lang)
    start = text.index("(" + words + ")") + 1
    assert start in speech_subjects(ana, find_actors(ana, "Niger"))


@pytest.mark.model
def test_a_bracketed_acronym_inside_the_sentence_is_not(analyse_text):
    text = "The Armed Forces of Mali (FAMa) attacked a jihadist base near Gao on Saturday."
    ana = analyse_text(text)
    assert text.index("FAMa") not in speech_subjects(ana, find_actors(ana, "Mali"))
