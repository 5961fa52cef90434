"""Issue 13: Tripoli's armed groups as the Arabic press names them ("اللواء 444", "قوة الردع الخاصة", "كتيبة ثوار
طرابلس") map to their ACLED names. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.who import actor_dictionary as dic


@pytest.mark.parametrize("text,name", [
    ("اندلعت اشتباكات عنيفة بين اللواء 444 وقوة الردع الخاصة في طرابلس", "444th Combat Brigade"),
    ("اندلعت اشتباكات عنيفة بين اللواء 444 وقوة الردع الخاصة في طرابلس", "Radaa Special Deterrence Force"),
    ("قالت قوات الردع الخاصة إنها سيطرت على المطار", "Radaa Special Deterrence Force"),
    ("هاجم مسلحون من جهاز الردع مقرا في سوق الجمعة", "Radaa Special Deterrence Force"),
    ("وقال بيان لكتيبة ثوار طرابلس إن عناصرها تعرضوا لإطلاق نار", "Tripoli Revolutionaries Brigade"),
    ("اشتبكت كتيبة النواصي مع مسلحين في وسط المدينة", "Nawasi Brigade"),
    ("تبنى جيش العدل الهجوم على دورية حرس الحدود", "Jaish al-Adl"),
])
def test_libyan_groups_named_in_arabic(text, name):
    assert name in {pm.entry.name for pm in dic.match_phrases(text)}
