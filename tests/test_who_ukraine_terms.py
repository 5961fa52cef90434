"""Issue 13: the names Russian media give Ukraine's forces ("Ukrainian militants", "украинские боевики", "боевики
ВСУ", "ВФУ") are Ukraine's military, as the real-news coders code them. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.who.actors import find_actors


@pytest.mark.model
@pytest.mark.parametrize("text,lang,words", [
    ("Ukrainian militants attacked the village of Krasnoye with drones on Monday.", "en", "Ukrainian militants"),
    ("Ukrainian nationalists shelled the town overnight, the governor said.", "en", "Ukrainian nationalists"),
    ("Украинские боевики обстреляли село ночью.", "ru", "Украинские боевики"),
    ("Ночью боевики ВСУ обстреляли окраины города.", "ru", "боевики ВСУ"),
    ("Подразделения ВФУ обстреляли поселок из артиллерии.", "ru", "ВФУ"),
])
def test_russian_media_names_of_ukraines_forces(analyse_text, text, lang, words):
    ana = analyse_text(text, lang=lang)
    start = text.index(words)
    names = {m.name for m in find_actors(ana, "Russia") if m.span.start <= start < m.span.end}
    assert "Military Forces of Ukraine (2019-)" in names
