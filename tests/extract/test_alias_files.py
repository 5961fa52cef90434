"""Armed groups' names in Arabic, Spanish, French and Russian (data/actors/aliases_<lang>.yaml)."""
import pytest

from eventcoder import morph
from eventcoder.extract.who.actor_dictionary import match_phrases
from eventcoder.extract.who.alias_files import ru_case_forms, foreign_aliases
from eventcoder.resources import load_yaml


def test_every_alias_file_names_a_group_of_groups_yaml():
    names = {g["name"] for g in load_yaml("actors/groups.yaml")}
    assert foreign_aliases() and set(foreign_aliases()) <= names


@pytest.mark.parametrize("text, name", [
    ("قصف مدفعي لقوات الدعم على المدينة", "Rapid Support Forces"),
    ("les shebab ont attaqué une base", "Al Shabaab"),
    ("los hutíes lanzaron misiles", "Military Forces of Yemen (2017-) Houthi"),
    ("обстрел со стороны хуситов", "Military Forces of Yemen (2017-) Houthi"),
    ("бойцы Русского добровольческого корпуса", "Russian Volunteer Corps"),
])
def test_foreign_names_match_their_group(text, name):
    assert name in [m.entry.name for m in match_phrases(text)]


def test_a_military_base_is_not_al_qaeda():
    assert not [m for m in match_phrases("هاجم مسلحون القاعدة العسكرية") if m.entry.name == "Al Qaeda"]


@pytest.mark.skipif(not morph.available(), reason="pymorphy3 is not installed")
def test_russian_aliases_get_every_case_with_agreeing_adjectives():
    forms = ru_case_forms("силы быстрого реагирования")
    assert "силами быстрого реагирования" in forms and "сил быстрого реагирования" in forms
    assert "русским добровольческим корпусом" in ru_case_forms("русский добровольческий корпус")
    assert "русского добровольческого корпус" not in ru_case_forms("русский добровольческий корпус")


@pytest.mark.skipif(not morph.available(), reason="pymorphy3 is not installed")
@pytest.mark.parametrize("text, kind", [
    ("обстрел российскими войсками", "state"),      # state_terms.tsv lists "российские войска"
    ("погибли трое мирных жителей", "civilians"),
    ("задержаны полицией", "state"),
])
def test_russian_dictionary_phrases_match_in_every_case(text, kind):
    assert [m.entry.kind for m in match_phrases(text)] == [kind]
