"""Issue 13: "the same source" in French, Spanish, Arabic and Russian refers back to a source already cited; it adds
no link to the chain. Phrases written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.source_names import redundant


@pytest.mark.parametrize("phrase", ["Même source", "la même source", "la misma fuente", "las mismas fuentes",
                                    "المصادر نفسها", "المصدر ذاته", "نفس المصدر", "тот же источник", "те же источники"])
def test_the_same_source_is_redundant(phrase):
    assert redundant(phrase, ["Outlet", "Civil society"], "Outlet")


@pytest.mark.parametrize("phrase", ["Sources sécuritaires", "fuentes militares", "مصادر محلية", "источник в полиции"])
def test_other_sources_are_not(phrase):
    assert not redundant(phrase, ["Outlet", "Civil society"], "Outlet")
