"""Russian reports: counter-terrorism operations that 'liquidate' militants are armed clashes."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text

DAY = dt.date(2025, 6, 23)


@pytest.mark.parametrize("text", [
    "В Дагестане в ходе контртеррористической операции ликвидированы трое боевиков, сообщили в НАК.",
    "Силовики нейтрализовали двух бандитов, оказавших вооруженное сопротивление в Махачкале.",
])
def test_militants_liquidated_is_an_armed_clash(text):
    events = [e for e in code_text(text, lang="ru", published=DAY) if e.main]
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].country == "Russia"


def test_liquidated_consequences_are_no_event():
    text = "В Махачкале ликвидированы последствия прорыва трубы, сообщили в мэрии."
    assert [e for e in code_text(text, lang="ru", published=DAY) if e.main] == []


@pytest.mark.parametrize("text, sub", [
    ("В среду митингующие захватили здание городской администрации в Алматы, сообщили местные СМИ.",
     "Violent demonstration"),
    ("Боевики захватили село Кизляр в Дагестане после ожесточенного боя.", "Non-state actor overtakes territory"),
])
def test_seizing_is_a_riot_when_protesters_seize(text, sub):
    events = [e for e in code_text(text, lang="ru", published=DAY) if e.main]
    assert [e.sub_event_type for e in events] == [sub]
