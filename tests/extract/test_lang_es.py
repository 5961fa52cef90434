"""Spanish (and other non-English) reports: ACLED names for national police and capital regions."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text

DAY = dt.date(2025, 6, 23)


def _main(text, lang):
    events = [e for e in code_text(text, lang=lang, published=DAY) if e.main]
    assert len(events) == 1
    return events[0]


def test_policia_nacional_is_the_event_countrys_police():
    ev = _main("La Policía Nacional dispersó con gases lacrimógenos a cientos de manifestantes el lunes "
               "en Arequipa, en el sur del Perú.", "es")
    assert ev.country == "Peru"
    assert "Police Forces of Peru" in (ev.actor1 or "") + (ev.actor2 or "")
    assert "Colombia" not in (ev.actor1 or "") + (ev.actor2 or "")


@pytest.mark.parametrize("text, lang, country, admin1", [
    # GeoNames splits the capital from its region ("Municipalidad Metropolitana de Lima"); ACLED says Lima
    ("Miles de manifestantes marcharon el jueves en el centro de Lima contra el gobierno.", "es", "Peru", "Lima"),
    ("Miles de estudiantes marcharon el jueves en Santiago de Chile para exigir una reforma educativa.", "es",
     "Chile", "Santiago Metropolitan"),
    ("В Минске в субботу прошла акция протеста против итогов выборов.", "ru", "Belarus", "Minsk"),
])
def test_capital_regions_take_the_acled_name(text, lang, country, admin1):
    ev = _main(text, lang)
    assert (ev.country, ev.admin1) == (country, admin1)


def test_weapon_word_inside_a_unit_name_is_no_trigger():
    ev = _main("Hombres armados atacaron con explosivos el Batallón de Artillería número 18 en Arauquita, "
               "Colombia, y mataron a dos soldados.", "es")
    assert ev.sub_event_type != "Shelling/artillery/missile attack"


def test_agent_after_por_parte_de_is_actor1():
    ev = _main("Un soldado del Ejército murió el lunes en Arauquita, Colombia, en un ataque con explosivos "
               "por parte del ELN.", "es")
    assert ev.actor1 == "ELN: National Liberation Army"


@pytest.mark.parametrize("text, lang, state", [
    ("La Guardia Nacional Bolivariana dispersó con gases lacrimógenos una protesta de estudiantes en Mérida, "
     "Venezuela, el martes.", "es", "Venezuela"),
    ("Des éléments de la Garde nationale ont dispersé à coups de gaz lacrymogène une manifestation de commerçants "
     "à Niamey, au Niger.", "fr", "Niger"),
])
def test_a_named_national_guard_breaking_up_a_protest_stays_military(text, lang, state):
    ev = _main(text, lang)
    assert ev.sub_event_type == "Protest with intervention"
    assert (ev.actor2 or "").startswith(f"Military Forces of {state}") and ev.actor2.endswith("National Guard")
