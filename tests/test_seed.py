"""The seed report (shared/seed/000.txt) coded end to end against its gold coding."""
import datetime as dt
import json

import pytest

from eventcoder.pipeline import code_document
from eventcoder.reading import read_path
from eventcoder.schema import Document
from tests.conftest import assert_spans

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed(shared_dir):
    doc = next(iter(read_path(shared_dir / "seed" / "000.txt")))
    gold = json.loads((shared_dir / "seed" / "000.gold.json").read_text(encoding="utf-8"))
    return doc, code_document(doc), gold


def _accepted(gold_event, name):
    return {gold_event[name], *gold_event.get(f"{name}_also_acceptable", [])}


def test_seed_has_exactly_one_main_event_matching_gold(seed):
    doc, events, gold = seed
    g = gold["events"][0]
    mains = [e for e in events if e.main]
    assert len(mains) == 1
    m = mains[0]
    assert (m.event_type, m.sub_event_type) == (g["event_type"], g["sub_event_type"])
    assert m.fatalities == g["fatalities"] == 2
    assert m.actor1 in _accepted(g, "actor1")
    assert m.actor2 in _accepted(g, "actor2")
    assert m.country in _accepted(g, "country")
    assert m.admin1 == g["admin1"]
    assert m.geo_precision == g["geo_precision"]
    assert m.certainty == g["certainty"]
    assert m.claimed_by is None
    assert "ISNA" in m.source_chain and m.source_chain[0] == "ISNA"


def test_seed_speculated_perpetrators_are_kept_apart(seed):
    doc, events, gold = seed
    m = next(e for e in events if e.main)
    actor_text = " ".join(filter(None, [m.actor1, m.actor2, m.assoc_actor_1, m.assoc_actor_2, m.claimed_by])).lower()
    for name in gold["events"][0]["speculated_perpetrators"]:
        assert name.lower() not in actor_text
        assert "kurdish" not in actor_text and "western" not in actor_text
    found = " | ".join(m.speculated_perpetrators).lower()
    for name in gold["events"][0]["speculated_perpetrators"]:
        assert name.lower() in found


def test_seed_background_events_are_never_main(seed):
    doc, events, gold = seed
    for e in events:
        if not e.main:
            # the Lebanese reinforcement (early July) and the earlier ideologue killing
            assert e.background or e.sub_event_type != "Air/drone strike"
    lebanon = [e for e in events if e.country == "Lebanon"]
    assert all(not e.main for e in lebanon)


def test_seed_without_publication_date_has_null_date_with_reason(seed):
    doc, events, gold = seed
    m = next(e for e in events if e.main)
    assert m.event_date is None and m.reasons.get("event_date")


def test_seed_with_publication_date_is_dated_to_it_with_precision_2(seed):
    doc, _, _ = seed
    dated = Document(text=doc.text, published=dt.date(2025, 7, 20), lang="en", source=doc.source)
    m = next(e for e in code_document(dated) if e.main)
    assert (m.event_date, m.time_precision) == (dt.date(2025, 7, 20), 2)


def test_seed_evidence_spans_are_exact(seed):
    doc, events, gold = seed
    for e in events:
        assert_spans(doc.text, e.evidence)
        assert {ev.field for ev in e.evidence} >= ({"event_type", "location"} if e.main else {"event_type"})
