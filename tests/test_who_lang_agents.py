"""Issue 13: who struck, in reports written in French, Spanish, Arabic and Russian (sentences written
for these tests): a state named by its weapon with the weapon first ("missile russe"), Arabic written
with or without short-vowel marks and hamza seats, Russian demonym adjectives before a force noun,
the author of a Russian attack noun ("атака дрона ВСУ"), and a state named by its country as the
subject of an attack verb ("la Russie a bombardé", "قصفت إسرائيل", "РФ обстреляла")."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.who import actor_dictionary as dic
from eventcoder.extract.base import EventContext, Place, Trigger
from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.roles import assign_roles
from eventcoder.pipeline import code_text


def _states(analyse_text, text, lang, country):
    ana = analyse_text(text, lang=lang)
    return [(m.span.text, m.name) for m in find_actors(ana, country, dt.date(2025, 3, 1)) if m.kind == "state"]


@pytest.mark.parametrize("text, country", [
    ("استهدفت طائرة مسيّرة إسرائيلية سيارة", "Israel"),  # a shadda inside the phrase
    ("شنت مقاتلات امريكية غارات", "United States"),  # alif without its hamza seat
    ("قتل مدنيون في قصف جوي روسي على بلدة", "Russia"),
])
def test_arabic_force_phrases_match_however_written(text, country):
    hits = [m for m in dic.match_phrases(text) if m.entry.kind == "state"]
    assert hits and hits[0].entry.country == country
    assert text[hits[0].start:hits[0].end].split()[-1] in text  # offsets are the text's own


@pytest.mark.parametrize("text, span, name", [
    ("Азербайджанские военные открыли огонь по армянским позициям.", "Азербайджанские военные",
     "Military Forces of Azerbaijan (2003-)"),
    ("Позиции были обстреляны таджикскими военнослужащими.", "таджикскими военнослужащими",
     "Military Forces of Tajikistan (1994-)"),
    ("Армянская полиция задержала двоих.", "Армянская полиция", "Police Forces of Armenia (2018-)"),
])
def test_russian_demonym_before_a_force_noun_names_the_state(analyse_text, text, span, name):
    assert (span, name) in _states(analyse_text, text, "ru", "Armenia")


@pytest.mark.parametrize("lang, text, span, country", [
    ("fr", "Dans la nuit, la Russie a bombardé le village.", "Russie", "Russia"),
    ("fr", "Israël a de nouveau frappé le sud du pays.", "Israël", "Israel"),
    ("es", "Estados Unidos bombardeó una lancha en el Caribe.", "Estados Unidos", "United States"),
    ("ru", "Ночью РФ обстреляла жилые кварталы города.", "РФ", "Russia"),
    ("ar", "قصفت إسرائيل بلدة في الجنوب.", "إسرائيل", "Israel"),
])
def test_a_country_that_struck_is_its_military(analyse_text, lang, text, span, country):
    found = _states(analyse_text, text, lang, "Ukraine")
    assert [s for s, name in found if name.startswith("Military Forces of") and country in name] == [span]


def test_a_country_named_otherwise_is_no_force(analyse_text):
    assert _states(analyse_text, "La Russie a annoncé des négociations.", "fr", "Ukraine") == []


def test_the_weapon_named_first_gives_the_strikes_author(analyse_text):
    # the force named after the trigger is read as a target; the owner of the weapon one sentence before is
    # the author of the strike
    text = ("Un missile russe a visé lundi le port d'Odessa. Deux personnes ont été tuées lors de frappes contre "
            "la ville, a écrit le gouverneur, après avoir annoncé que les forces russes avaient attaqué le port.")
    ana = analyse_text(text, lang="fr")
    start = text.index("frappes")
    sent = ana.sentence_at(start).index
    trig = Trigger(span=ana.span(start, start + len("frappes")), sentence=sent,
                   event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    ctx = EventContext(trigger=trig, sentences=[sent, sent - 1], sub_event_type="Air/drone strike",
                       event_type="Explosions/Remote violence", place=Place(span=None, name="Odessa", country="Ukraine"),
                       event_date=dt.date(2025, 3, 10), sources=None, certainty=None)
    roles = assign_roles(ana, ctx)
    assert (roles.actor1.name, roles.actor1.span.text) == ("Military Forces of Russia (2000-)", "missile russe")


def test_the_author_of_a_russian_attack_noun_is_no_victim():
    text = ("КУРСК, 10 марта 2025. В Курской области при атаке дрона ВСУ на автомобиль погиб мирный житель, "
            "сообщил губернатор.")
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12), lang="ru") if e.main]
    assert main and main[0].actor1 == "Military Forces of Ukraine (2019-)"
    assert main[0].actor2 != "Military Forces of Ukraine (2019-)"
