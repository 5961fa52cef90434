"""Arabic reports: a claim of responsibility with the verb first names the group as actor1."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text

DAY = dt.date(2025, 6, 23)


def _main(text):
    events = [e for e in code_text(text, lang="ar", published=DAY) if e.main]
    assert len(events) == 1
    return events[0]


def test_verb_first_claim_names_the_group():
    ev = _main("قتل عشرة أشخاص في تفجير انتحاري استهدف سوقا شعبيا في الموصل يوم الأحد، "
               "وأعلن تنظيم داعش المسؤولية عنه.")
    assert ev.actor1 == "Islamic State (Iraq)"


def test_blame_is_no_claim():
    ev = _main("قتل عشرة أشخاص في انفجار عبوة ناسفة في سوق بالموصل يوم الأحد، "
               "وحمّل الجيش تنظيم داعش المسؤولية عنه.")
    assert ev.certainty != "claimed" or ev.claimed_by is None


def test_short_arabic_alias_is_matched_without_capitals():
    from eventcoder.extract.who import actor_dictionary as dic

    assert [m.entry.name for m in dic.group_matches("هاجم داعش القرية")] == ["Islamic State ({country})"]


@pytest.mark.parametrize("text", [
    "أدت غارة جوية إسرائيلية على خان يونس اليوم إلى استشهاد فلسطينية وهدم منزلها.",
    "قتل زعيم في تنظيم داعش في غارة جوية للتحالف على بلدة القائم يوم الجمعة.",
])
def test_one_person_noun_after_the_death_word_is_one_dead(text):
    assert _main(text).fatalities == 1
