"""Issue 13: bodies that tell events in Russian, Arabic, Spanish and French reports get the chain's
English name, so that the chain names them as the English gold does. Phrases written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.according.source_canonical import listed_canonical
from eventcoder.nlp import analyse
from eventcoder.schema import Document


@pytest.mark.parametrize("lang, phrase, name", [
    ("ru", "Министерство обороны Азербайджана", "Ministry of Defence (Azerbaijan)"),
    ("ru", "Пресс-служба Министерства обороны Армении", "Ministry of Defence press service"),
    ("ru", "Глава ОВА", "Regional Military Administration head"),
    ("ar", "المرصد السوري", "Syrian Observatory for Human Rights"),
    ("ar", "الدفاع المدني", "Civil Defence"),
    ("es", "Cuerpo de Bomberos", "Fire Department"),
    ("es", "Servicio Nacional Penitenciario", "National Prison Service"),
    ("fr", "protection civile", "Civil Protection"),
    ("fr", "ministère de la Santé", "Ministry of Health"),
])
def test_bodies_get_their_english_name(lang, phrase, name):
    ana = analyse(Document(text="x", lang=lang, published=dt.date(2025, 3, 1)))
    assert listed_canonical(phrase, ana) == name
