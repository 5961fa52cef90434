"""Issue 18: a French date after "depuis" tells when a period began (a ceasefire, a truce), not the
day of the event told (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text


@pytest.mark.parametrize("since", ["depuis le cessez-le-feu, le 27 novembre 2024",
                                   "depuis le 27 novembre 2024"])
def test_date_of_what_a_period_runs_from_is_not_the_event_date(since):
    text = ("Une frappe de drone israélien a tué deux personnes samedi près de Nabatieh, au Liban. "
            f"Aucun tir n'avait touché ce secteur {since}.")
    main = [e for e in code_text(text) if e.main]
    assert main and main[0].event_date != dt.date(2024, 11, 27)
