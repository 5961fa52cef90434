"""End-to-end coding of short reports written for these tests (fictional events, real places)."""
import datetime as dt

import pytest

from eventcoder.pipeline import code_document, code_documents
from eventcoder.schema import SUB_EVENT_TYPES, Document, Failure
from tests.conftest import assert_spans

pytestmark = pytest.mark.model

TWO_EVENTS = (
    "MAIDUGURI, Nigeria (June 11) — Insurgents attacked an army base in Dikwa in Borno state on Tuesday, "
    "sparking a four-hour gun battle in which 11 soldiers and several militants were killed, military sources said.\n\n"
    "Separately, a roadside bomb hit a bus near Konduga on Wednesday, killing three passengers, police said.\n\n"
    "In 2014, militants abducted 276 schoolgirls from Chibok, drawing global outrage."
)


def _code(text, published="2025-06-11", **kw):
    doc = Document(text=text, published=dt.date.fromisoformat(published) if published else None, lang="en", **kw)
    return doc, code_document(doc)


def test_coder_splits_two_incidents_and_flags_background():
    doc, events = _code(TWO_EVENTS, source="Test Wire")
    live = [e for e in events if not e.background]
    assert [e.sub_event_type for e in live] == ["Armed clash", "Remote explosive/landmine/IED"]
    assert [e.main for e in live] == [True, False]
    assert [e.location for e in live] == ["Dikwa", "Konduga"]
    assert live[0].event_date == dt.date(2025, 6, 10) and live[1].event_date == dt.date(2025, 6, 11)
    assert live[1].fatalities == 3
    assert all(not e.main for e in events if e.background)


def test_coder_every_event_has_exact_evidence_and_valid_codes():
    doc, events = _code(TWO_EVENTS, source="Test Wire")
    for e in events:
        assert_spans(doc.text, e.evidence)
        assert e.sub_event_type in SUB_EVENT_TYPES
        assert 0.0 <= e.confidence <= 1.0
        assert e.notes and e.notes.startswith(("On ", "Around "))
        assert e.source_chain[0] == "Test Wire"


def test_coder_injured_are_never_counted_as_killed():
    doc, events = _code("KABUL, Afghanistan (Jan 5) — A grenade thrown at a police checkpoint in Kabul on Sunday "
                        "wounded six officers, the interior ministry said. No one was killed.", published="2025-01-05")
    main = next(e for e in events if e.main)
    assert main.sub_event_type == "Grenade" and main.fatalities == 0 and main.injured == 6


@pytest.mark.parametrize("text", [
    "The striker's attack down the left flank killed off the match in the 80th minute, the coach said.",
    "Shares in the missile maker rose 4% after the defence ministry announced a new order.",
])
def test_coder_negative_or_empty_reports_give_no_main_event(text):
    _, events = _code(text)
    assert not [e for e in events if e.main]


def test_coder_without_any_place_emits_nothing_and_logs(caplog):
    caplog.set_level("INFO")
    _, events = _code("Gunmen shot dead two men on Monday, a relative said.")
    assert events == []
    assert "unlocatable" in caplog.text


def test_coder_batch_turns_a_crash_into_a_failure(monkeypatch):
    import eventcoder.pipeline as pipeline

    good = Document(text=TWO_EVENTS, published=dt.date(2025, 6, 11), lang="en", origin="good.txt")
    bad = Document(text="Soldiers clashed with rebels in Goma.", lang="en", origin="bad.txt")
    real = pipeline.code_document

    def flaky(doc, *args, **kwargs):  # the fast path hands over the batch's analysis too
        if doc.origin == "bad.txt":
            raise RuntimeError("boom")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline, "code_document", flaky)
    out = list(code_documents([bad, good]))
    assert isinstance(out[0], Failure) and out[0].code == "E500" and "boom" in out[0].message
    assert out[1].document.origin == "good.txt" and out[1].events


def test_coder_an_event_located_only_to_its_country_is_not_emitted(caplog):
    """Codebook §3: ACLED records no country-level events (before, such events were emitted)."""
    caplog.set_level("INFO")
    _, events = _code("Gunmen shot dead two men in Afghanistan on Monday, officials said.")
    assert events == []
    assert "unlocatable" in caplog.text


def test_coder_photo_captions_neither_make_nor_locate_events():
    text = ("Wounded victims of a bomb attack receive treatment at a hospital in Maiduguri, Nigeria, "
            "Sunday. (AP Photo/Staff Photographer)\n\n"
            "A suicide bomber killed 12 people at a wedding in Gwoza on Saturday, officials said.")
    _, events = _code(text)
    assert [e.location for e in events if not e.background] == ["Gwoza"]


def test_coder_links_to_other_articles_and_section_headings_make_no_events():
    """A 'Read also:' link with its article's headline, and a section heading in title case, name
    fighting that this report does not tell: only the report's own attack is coded."""
    text = ("Gunmen shot dead nine villagers in Kuje on Tuesday, police said.\n\n"
            "The attackers arrived on motorcycles and fled into the bush, residents said.\n\n"
            "Read also: Troops Clash With Rebels Near Goma As Fighting Spreads\n\n"
            "Fighting Spreads Across The Region\n\n"
            "Police said they had deployed more officers to the area.")
    _, events = _code(text)
    assert [(e.sub_event_type, e.location) for e in events if not e.background] == [("Attack", "Kuje")], events


def test_coder_file_photo_caption_and_weeks_of_protests_make_no_protest():
    """A '[File: Name/AP Photo]' caption restates old clashes; 'weeks of protests' is a campaign,
    not one protest: the report's arrest is what is coded."""
    text = ("Police arrested the opposition governor Luis Vargas in Tarija on Wednesday, the interior minister said.\n\n"
            "Police fire tear gas at demonstrators during clashes in Tarija [File: Jane Doe/AP Photo]\n\n"
            "Vargas had helped lead weeks of protests against the census, officials said.")
    _, events = _code(text)
    assert [e.sub_event_type for e in events if not e.background] == ["Arrests"], events


def test_coder_caption_patterns_compile():
    from eventcoder.captions import _pattern

    pat = _pattern()
    assert pat.search("Smoke rises over the city. (AFP Photo/Name)") and not pat.search("Police said on Sunday.")


def test_coder_photographer_credit_closes_a_caption():
    from eventcoder.captions import _pattern

    pat = _pattern()
    assert pat.search("Soldiers run after a missile hit a building in Kramatorsk on July 7. (Jane Doe, AP)")
    assert pat.search("Smoke rises over the port. (John Smith/Reuters)")
    assert not pat.search("The attack was claimed by the group (ISWAP).")
