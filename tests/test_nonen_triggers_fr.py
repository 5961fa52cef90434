"""Issue 18: French event words of real reports beyond the core list, in sentences written for these
tests: kidnappings ("rapt"), killing sprees ("tuerie"), booby-trapped vehicles, suicide belts, clashes
("heurts") read by who clashed, arrests ("appréhendés", "écroués"), mob justice ("vindicte populaire")."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text

DAY = dt.date(2025, 3, 12)


def _main(text):
    main = [e for e in code_text(text, published=DAY) if e.main]
    assert main, "no main event"
    return main[0].sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("MOPTI, 11 mars 2025. Des hommes armés ont procédé mardi au rapt de trois commerçants sur la route de "
     "Mopti, selon des sources locales.", "Abduction/forced disappearance"),
    ("MOPTI, 11 mars 2025. Une tuerie a fait douze morts mardi dans un village près de Mopti, selon des "
     "sources locales.", "Attack"),
    ("MOPTI, 11 mars 2025. Un véhicule piégé a explosé mardi à l'entrée de Mopti, selon des sources "
     "sécuritaires.", "Remote explosive/landmine/IED"),
    ("MOPTI, 11 mars 2025. Un homme portant une ceinture explosive s'est fait sauter mardi devant une mosquée "
     "de Mopti, selon la police.", "Suicide bomb"),
    ("MOPTI, 11 mars 2025. De violents heurts ont opposé mardi l'armée à des jihadistes près de Mopti, "
     "selon des sources sécuritaires.", "Armed clash"),
    ("DAKAR, 11 mars 2025. Des heurts ont éclaté mardi entre des manifestants et des policiers dans le centre "
     "de Dakar.", "Violent demonstration"),
    ("DAKAR, 11 mars 2025. Six militants de l'opposition ont été appréhendés mardi par la police à Dakar, "
     "selon leur avocat.", "Arrests"),
    ("KINSHASA, 11 mars 2025. Un voleur présumé a été victime de la vindicte populaire mardi dans un quartier "
     "de Kinshasa.", "Mob violence"),
])
def test_nonen_triggers_fr(text, sub_event_type):
    assert _main(text) == sub_event_type
