"""Issue 18: non-English wording of real reports, in sentences written for these tests: Russian
region adjectives and inflected strike words, Arabic verb-first sentences, French and Spanish
strike, mine and number words."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder import morph
from eventcoder.pipeline import code_text

DAY = dt.date(2025, 3, 12)
needs_morph = pytest.mark.skipif(not morph.available(), reason="pymorphy3 is not installed")


def _main(text):
    return [e for e in code_text(text, published=DAY) if e.main]


@needs_morph
@pytest.mark.parametrize("word, form", [("Белгородской", "белгородская область"),
                                        ("Краснодарском", "краснодарский край"),
                                        ("Чеченской", "чеченская республика")])
def test_region_adjective_heads_its_region(word, form):
    assert form in morph.region_forms(word)


@needs_morph
def test_masculine_adjective_heads_no_oblast():
    assert "киевская область" not in morph.region_forms("Киевский")
    assert morph.region_forms("Беспилотники") == []


@needs_morph
def test_lemma_only_for_russian_words():
    assert morph.lemma("ru", "ударом") == "удар"
    assert morph.lemma("ru", "himars") == "himars"
    assert morph.lemma("fr", "frappes") == "frappes"


@needs_morph
@pytest.mark.parametrize("text, admin1", [
    ("Ночью над Белгородской областью силы ПВО сбили 12 беспилотников, пострадавших нет.", "Belgorod"),
    ("Утром над Курской областью были перехвачены три ракеты, сообщил губернатор.", "Kursk"),
])
def test_russian_interception_over_a_region(text, admin1):
    events = _main(text)
    assert [(e.sub_event_type, e.admin1) for e in events] == [("Disrupted weapons use", admin1)]


@needs_morph
def test_russian_opening_fire_on_police_is_an_event():
    events = _main("Вечером неизвестные открыли огонь по машине полиции в Назрани, ранен один сотрудник.")
    assert [(e.sub_event_type, e.country) for e in events] == [("Armed clash", "Russia")]


@needs_morph
def test_russian_strike_takes_its_means_from_the_sentence():
    drone = _main("Ночью ВСУ нанесли удар беспилотниками по Горловке, погибли два человека.")
    assert [e.sub_event_type for e in drone] == ["Air/drone strike"]
    told_before = code_text("Украинские беспилотники атаковали Туапсе ночью, пострадавших нет. "
                            "Позднее Генштаб ВСУ заявил, что удар по порту нанесли его силы.", published=DAY)
    assert [e.sub_event_type for e in told_before] == ["Air/drone strike"]


def test_arabic_shot_dead_in_a_raid():
    events = _main("استشهد ثلاثة فلسطينيين برصاص قوات الاحتلال الإسرائيلي خلال اقتحام مخيم جنين فجر اليوم.")
    assert len(events) == 1
    assert (events[0].country, events[0].fatalities) == ("Palestine", 3)


def test_arabic_assassination_is_an_attack():
    events = _main("اغتال مسلحون مجهولون ضابطا في الشرطة بمدينة درنة مساء أمس.")
    assert [(e.sub_event_type, e.country) for e in events] == [("Attack", "Libya")]


def test_arabic_attack_by_gunmen_on_a_site_stays_an_abduction():
    text = ("خطف مسلحون مجهولون مهندسين اثنين يوم الأحد في مدينة سبها. "
            "ووقع الخطف في هجوم لمسلحين على موقع لشركة نفطية قرب المدينة.")
    assert [e.sub_event_type for e in _main(text)] == ["Abduction/forced disappearance"]


def test_arabic_interception_without_harm_is_disrupted_weapons_use():
    events = _main("أسقطت الدفاعات الجوية طائرة مسيرة فوق مدينة أربيل ليلة أمس دون وقوع إصابات.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


@pytest.mark.parametrize("text, sub", [
    ("Deux gendarmes ont été tués mardi dans l'explosion d'une mine au passage de leur véhicule près de Gao.",
     "Remote explosive/landmine/IED"),
    ("Des frappes ont visé lundi les localités de Khiam et Bint Jbeil, dans le sud du Liban, selon l'armée israélienne.",
     "Air/drone strike"),
    ("Tres policías murieron el lunes al pisar una mina antipersonal en Tibú, Norte de Santander.",
     "Remote explosive/landmine/IED"),
    ("Un comerciante fue asesinado a balazos por sicarios el domingo en Rosario, Santa Fe.", "Attack"),
])
def test_french_and_spanish_wording(text, sub):
    assert {e.sub_event_type for e in _main(text)} == {sub}


def test_french_strike_word_alone_is_no_event():
    assert _main("La force de frappe du parti a surpris tout le monde samedi à Lyon.") == []


@pytest.mark.parametrize("text, dead", [
    ("Des hommes armés ont tué une trentaine de civils dimanche dans le village de Djibo, au Burkina Faso.", 30),
    ("Hombres armados asesinaron a una treintena de campesinos el sábado en Tumaco, Nariño.", 30),
])
def test_vague_thirties(text, dead):
    assert [e.fatalities for e in _main(text)] == [dead]


@needs_morph
def test_region_adjective_of_a_region_known_by_its_town():
    assert "арарат" in morph.region_forms("Араратской")


@needs_morph
def test_russian_sniper_killing_a_soldier_is_an_armed_clash():
    text = ("Армянский военнослужащий погиб в Араратской области в результате выстрела снайпера "
            "с азербайджанской стороны, сообщили в Минобороны.")
    assert [(e.sub_event_type, e.country) for e in _main(text)] == [("Armed clash", "Armenia")]


@needs_morph
def test_russian_stun_grenades_are_no_grenade_attack():
    text = "В Алматы полиция применила светошумовые гранаты против участников акции протеста у здания акимата."
    assert [e.sub_event_type for e in _main(text)] == ["Protest with intervention"]


@pytest.mark.parametrize("text", [
    "Les forces anti-émeutes ont dispersé samedi à Nantes les manifestants avec du gaz lacrymogène.",
    "Los estudiantes protestaron el jueves en Valparaíso y fueron gaseados con bombas lacrimógenas por la policía.",
])
def test_police_riot_units_and_tear_gas_are_an_intervention(text):
    assert [e.sub_event_type for e in _main(text)] == ["Protest with intervention"]


def test_french_earlier_attacks_are_no_incident():
    # "précédentes" modifies the act: a past pattern (lexicons/fr/triggers.yaml `generic`)
    assert _main("Les précédentes attaques contre Djibo avaient fait des dizaines de morts.") == []


def test_attack_verb_stems_are_read_as_stems():
    from eventcoder.extract.what.trigger_lexicon import load_lexicon

    assert "обстрел*" in load_lexicon("ru").attack_verbs
    assert "frapp*" in load_lexicon("fr").attack_verbs


def test_arabic_rockets_that_fell_are_a_strike():
    events = _main("سقط صاروخان على المنطقة الخضراء في بغداد مساء أمس دون أن يسفرا عن إصابات.")
    assert [(e.sub_event_type, e.admin1) for e in events] == [("Shelling/artillery/missile attack", "Baghdad")]


def test_arabic_repelled_attack_is_a_battle_and_dual_victims_count_two():
    events = _main("قتل جنديان وأصيب ثلاثة آخرون عندما صد الجيش هجوما لمسلحين على حاجز قرب مدينة الرمادي.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 2)]


@needs_morph
def test_russian_gunmen_firing_on_a_police_post_is_no_shelling():
    events = _main("В Махачкале неизвестные обстреляли пост ДПС, погибли двое полицейских.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 2)]


def test_french_fighters_neutralised_are_a_battle():
    text = "L'armée malienne a neutralisé une dizaine de terroristes mardi lors d'une opération près de Mopti."
    assert [e.sub_event_type for e in _main(text)] == ["Armed clash"]


def test_spanish_death_of_and_perfect_tense_count_the_dead():
    events = _main("Un enfrentamiento entre bandas en una cárcel de Guayaquil, Ecuador, provocó la muerte de 31 reclusos.")
    assert [e.fatalities for e in events] == [31]
    events = _main("Siete policías han fallecido en una emboscada el martes en Lima, Perú.")
    assert [e.fatalities for e in events] == [7]


def test_russian_country_names_in_every_case():
    from eventcoder.gazetteer import get_gazetteer
    from eventcoder.gazetteer.mentions import scan

    text = "Перестрелка между пограничниками Кыргызстана и Таджикистана, а также удары по Йемену и над Нигерией."
    found = {m.country.name for m in scan(text, get_gazetteer(), "ru") if m.country}
    assert {"Kyrgyzstan", "Tajikistan", "Yemen", "Nigeria"} <= found


def test_arabic_country_names_behind_clitics():
    from eventcoder.gazetteer import get_gazetteer
    from eventcoder.gazetteer.mentions import scan

    text = "وقع الهجوم بالعراق، واشتباكات في الصومال وكينيا، وغارات للعراق على بليبيا."
    found = {m.country.name for m in scan(text, get_gazetteer(), "ar") if m.country}
    assert {"Iraq", "Somalia", "Kenya", "Libya"} <= found


def test_french_mai_mai_militia_is_named():
    from eventcoder.extract.who import actor_dictionary as dic

    assert [m.entry.name for m in dic.match_phrases("des miliciens maï-maï ont attaqué")] == ["Mai-Mai Militia"]


@pytest.mark.parametrize("text, name", [
    ("Siete policías murieron el martes en una emboscada en el centro poblado de Natividad, Perú.", "Natividad"),
    ("Une frappe de drone a tué deux personnes lundi dans la ville voisine de Beit Lif, au Liban.", "Beit Lif"),
])
def test_unlisted_place_kinds(text, name):
    assert [e.location for e in _main(text)] == [name]


def test_french_road_names_its_place_and_the_strike_keeps_its_own_day():
    text = ("Une frappe de drone a tué deux personnes samedi sur la route de Jarjouh, au Liban, la première "
            "depuis le cessez-le-feu, le 27 novembre 2024.")
    events = code_text(text, published=dt.date(2025, 2, 16))
    assert [(e.location, e.event_date) for e in events] == [("Jarjouh", dt.date(2025, 2, 15))]


@pytest.mark.parametrize("text, lang", [
    ("قتل ثلاثة جنود في هجوم على حاجز للجيش في مدينة الموصل يوم الثلاثاء. وفي حادث منفصل قتل شخص واحد "
     "برصاص مجهولين.", "ar"),
    ("Трое военных погибли при нападении на блокпост в Махачкале во вторник. В другом инциденте погиб один "
     "человек.", "ru"),
])
def test_a_death_told_as_another_incident_is_no_conflicting_figure(text, lang):
    events = [e for e in code_text(text, lang=lang, published=DAY) if e.main]
    assert [e.fatalities for e in events] == [3]
