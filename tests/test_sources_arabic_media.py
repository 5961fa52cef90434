"""Issue 13: news agencies and media cited in Arabic reports get the chain's English names ("وكالة فرانس برس" ->
AFP, "وسائل الإعلام المحلية" -> Local media), also inside a longer wording. Phrases written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.source_canonical import listed_canonical


@pytest.mark.parametrize("phrase,name", [
    ("وكالة فرانس برس", "AFP"),
    ("ما أفاد مراسلو وكالة فرانس برس", "AFP"),
    ("ما أفادت به وسائل الإعلام المحلية", "Local media"),
    ("وكالة الأناضول", "Anadolu Agency"),
    ("وكالة الأنباء الليبية", "Libyan News Agency"),
    ("وكالة المغرب العربي للأنباء", "Maghreb Arabe Presse"),
    ("رويترز", "Reuters"),
    ("مصادر إسرائيلية", "Israeli sources"),
])
def test_arabic_media_named_in_english(analyse_text, phrase, name):
    ana = analyse_text("قال مصدر أمني إن انفجارا وقع في المدينة.", lang="ar")
    assert listed_canonical(phrase, ana) == name
