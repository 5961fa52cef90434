"""Issue 18: who acts and who is acted on in French and Spanish wording, in sentences written for
these tests: a present-tense claim with its target after "contre" (French parse), and the agent of a
passive after "a manos de" (Spanish, no parse)."""
from __future__ import annotations

import datetime as dt

from eventcoder.pipeline import code_text

DAY = dt.date(2025, 3, 12)


def _main(text):
    main = [e for e in code_text(text, published=DAY) if e.main]
    assert main
    return main[0]


def test_claimed_ambush_against_the_army_fr():
    ev = _main("MOPTI, 10 mars 2025. Le JNIM revendique une embuscade sanglante mardi soir contre l'armée "
               "malienne sur la route de Douentza.")
    assert ev.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert ev.actor2 == "Military Forces of Mali (2021-)"
    assert ev.claimed_by == "JNIM: Group for Support of Islam and Muslims"


def test_agent_after_a_manos_de_es():
    ev = _main("AYACUCHO, 10 mar. 2025. Una patrulla del Ejército cayó en una emboscada a manos de hombres "
               "armados cerca de Ayacucho.")
    assert ev.actor1 == "Unidentified Armed Group (Peru)"
    assert ev.actor2 == "Military Forces of Peru (2022-)"
