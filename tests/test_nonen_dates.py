"""Issue 18: the day before yesterday in Spanish, Arabic, French and Russian wording, in sentences
written for these tests (the report is published on Wednesday 12 March 2025)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.when.dates import event_date

PUBLISHED = "2025-03-12"


@pytest.mark.model
@pytest.mark.parametrize("lang,text,day", [
    ("es", "Cinco personas murieron anteanoche en un ataque en el mercado.", dt.date(2025, 3, 10)),
    ("es", "Cinco personas murieron antes de ayer en un ataque en el mercado.", dt.date(2025, 3, 10)),
    ("ar", "قتل خمسة أشخاص أمس الأول في قصف على البلدة.", dt.date(2025, 3, 10)),
    ("fr", "Cinq personnes ont été tuées avant-hier soir dans une attaque.", dt.date(2025, 3, 10)),
    ("ru", "Пять человек погибли позавчера вечером при обстреле.", dt.date(2025, 3, 10)),
])
def test_nonen_dates_day_before_yesterday(analyse_text, lang, text, day):
    ana = analyse_text(text, published=PUBLISHED, lang=lang)
    assert event_date(ana, [0], news=True).date == day
