"""Issue 13: words the tagger left before a source in Spanish and French reports are not part of its
name: the speech verb after "según" ("según confirmó el Cuerpo de Bomberos"), a conjunction ("pero la
Policía Nacional"), the information it gave ("información proporcionada por las autoridades").
Phrases written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.source_mentions import shorten


@pytest.mark.parametrize("phrase, name", [
    ("confirmó el Cuerpo de Bomberos de la ciudad", "Cuerpo de Bomberos de la ciudad"),
    ("informaron los Carabineros", "Carabineros"),
    ("pero la Policía Nacional", "Policía Nacional"),
    ("información proporcionada por las autoridades", "autoridades"),
    ("des informations fournies par la gendarmerie", "gendarmerie"),
    ("и МВД", "МВД"),
])
def test_lead_words_are_dropped(phrase, name):
    assert shorten(phrase) == name


@pytest.mark.parametrize("phrase", ["Et Cetera News", "Y Combinator", "Ana Ruiz", "la Policía Nacional"])
def test_names_that_only_look_like_lead_words_stay(phrase):
    assert shorten(phrase) == phrase
