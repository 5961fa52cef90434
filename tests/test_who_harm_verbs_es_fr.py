"""Issue 13: the force named after a Spanish or French harm verb ("asesinaron a dos policías", "ont abattu deux
gendarmes") is the one harmed; the force before the verb did the harm. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.who.actor_rules import is_victim
from eventcoder.extract.who.actors import find_actors


def _state(ana, words, text):
    start = text.index(words)
    return next(m for m in find_actors(ana) if m.kind == "state" and m.span.start <= start < m.span.end)


@pytest.mark.model
@pytest.mark.parametrize("text,lang,words", [
    ("Sicarios en motocicleta asesinaron a dos policías en el centro de Guayaquil.", "es", "policías"),
    ("Hombres armados atacaron a los militares en una carretera de Cauca.", "es", "militares"),
    ("Des hommes armés ont abattu deux gendarmes près de Kaya.", "fr", "gendarmes"),
])
def test_the_force_after_the_harm_verb_is_harmed(analyse_text, text, lang, words):
    ana = analyse_text(text, lang=lang)
    assert is_victim(ana, _state(ana, words, text))


@pytest.mark.model
def test_the_force_before_the_harm_verb_is_not(analyse_text):
    text = "Dos policías asesinaron a un hombre en Guayaquil."
    ana = analyse_text(text, lang="es")
    assert not is_victim(ana, _state(ana, "policías", text))
