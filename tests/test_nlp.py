"""nlp.analyse: the dateline is kept out of the parse (offsets unchanged) but stays a place."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.where.places import event_place, find_places
from eventcoder.nlp import analyse
from eventcoder.schema import Document

pytestmark = pytest.mark.model


def test_dateline_is_not_parsed_into_the_lead():
    doc = Document(text="KANO, Nigeria (Reuters) — Gunmen killed five people on Monday, police said.",
                   published=dt.date(2025, 6, 24))
    ana = analyse(doc)
    assert ana.dateline_place == "KANO, Nigeria"
    killed = next(t for t in ana.spacy_doc if t.text == "killed")
    assert [c.text for c in killed.children if c.dep_ == "nsubj"] == ["Gunmen"]
    assert ana.spacy_doc.text == " " * ana.dateline.end + doc.text[ana.dateline.end:]


def test_dateline_place_survives_the_blank_parse():
    doc = Document(text="SÃO PAULO — Thousands of teachers marched in the city centre on Friday.",
                   published=dt.date(2025, 5, 10))
    ana = analyse(doc)
    place = event_place(ana, find_places(ana), [len(ana.sentences) - 1])
    assert (place.name, place.country) == ("Sao Paulo", "Brazil")


def test_french_parse_gets_the_english_labels():
    """fr_core_news_md's UD parse, relabelled: obj -> dobj, a `case` child re-hung as prep -> pobj,
    LOC -> GPE; the sentences stay as the parser cut them."""
    from eventcoder.nlp import spacy_model
    from eventcoder.parse_ud import to_english_labels

    doc = spacy_model("fr")("Des hommes armés ont tué douze civils dans le village de Kessou. Le calme est revenu.")
    sents = [(s.start, s.end) for s in doc.sents]
    to_english_labels(doc)
    assert [(s.start, s.end) for s in doc.sents] == sents
    killed = next(t for t in doc if t.text == "tué")
    deps = {c.text: c.dep_ for c in killed.children}
    assert deps["civils"] == "dobj" and deps["hommes"] == "nsubj" and deps["dans"] == "prep"
    assert [c.text for c in next(t for t in doc if t.text == "dans").children] == ["village"]
    assert ("Kessou", "GPE") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, place", [
    ("NIAMEY (Reuters) -Gunmen killed five villagers on Monday, officials said.", "NIAMEY"),  # dash touching
    ("NIAMEY (Reuters) - Gunmen killed five villagers on Monday, officials said.", "NIAMEY"),
    ("NIAMEY - Gunmen killed five villagers on Monday, officials said.", "NIAMEY"),
    ("Al-Shabaab fighters killed five villagers on Monday, officials said.", None),  # a hyphenated name
])
def test_dateline_dash_may_touch_the_lead_after_an_agency(text, place):
    ana = analyse(Document(text=text, published=dt.date(2025, 6, 24)))
    assert ana.dateline_place == place
