"""Uncommon-word evidence: two outlets telling one story in their own words, and look-alikes."""
from __future__ import annotations

import datetime as dt

from eventcoder import merge
from eventcoder.merge.text import term_similarity, terms
from eventcoder.schema import Document, Event

# one invented riot told by two outlets in different words (no shared 3-gram of words)
FIRST = ("Crowds angry over a fuel levy stormed the legislature in Port Varenne, set part of the "
         "chamber ablaze and smashed the windows of a ministry annex, before riot police fired tear gas. "
         "Four demonstrators were killed, a hospital in the Quartier Sable said.")
SECOND = ("Demonstrators opposing the new fuel levy forced their way into the legislature of Port Varenne; "
          "the chamber was left ablaze and an annex had its windows smashed. Tear gas was fired by riot "
          "police. The Quartier Sable hospital counted four dead protesters.")
# the same town, the same kind of event, another story
OTHER = ("Students marching against tuition fees blocked the ring road in Port Varenne and threw stones at "
         "a bank; police used batons and water cannon. Twelve people were hurt, and one marcher died "
         "of his injuries overnight, his family said.")


def riot(event_id: str, doc_id: str, **fields) -> Event:
    base = dict(event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Veridia)",
                country="Somalia", admin1="Banadir", location="Mogadishu", latitude=2.0469, longitude=45.3182,
                geo_precision=1, fatalities=4, event_date=None, time_precision=None, source=doc_id.upper())
    base.update(fields)
    return Event(event_id=event_id, doc_id=doc_id, **base)


def test_terms_weigh_uncommon_words_and_leave_common_ones_out():
    found = terms(FIRST)
    assert {"ablaze", "legislature", "levy"} <= set(found)
    assert not {"the", "killed", "police", "said"} & set(found)
    assert found["ablaze"] > found.get("hospital", 0)
    assert terms(FIRST) == found  # no corpus statistics: the same text, the same terms


def test_terms_take_the_language_of_the_text():
    french = terms("Des manifestants ont incendié la préfecture de Port Varenne et saccagé une mairie.")
    assert "incendié" in french and "saccagé" in french
    assert "des" not in french and "une" not in french  # common French words, rare in English


def test_term_similarity_is_high_for_one_story_and_low_for_another():
    same = term_similarity(terms(FIRST), terms(SECOND))
    other = term_similarity(terms(FIRST), terms(OTHER))
    assert same > 0.4 > other
    assert term_similarity({}, terms(FIRST)) == 0.0


def test_undated_rewrite_in_other_words_joins_the_story_it_tells():
    a, b = riot("a1", "a"), riot("b1", "b")
    docs = {"a": Document(text=FIRST, doc_id="a"), "b": Document(text=SECOND, doc_id="b")}
    result = merge.cluster([a, b], documents=docs)
    assert sorted(inc.event_ids for inc in result.incidents) == [["a1", "b1"]]
    assert result.joins["b1"]["evidence"]["content"] > 0.4
    # another story of the same kind in the same town stays apart
    docs["b"] = Document(text=OTHER, doc_id="b")
    result = merge.cluster([a, riot("b1", "b", fatalities=1)], documents=docs)
    assert sorted(inc.event_ids for inc in result.incidents) == [["a1"], ["b1"]]


def test_an_undated_report_joins_the_look_alike_whose_toll_it_shares():
    # two dated incidents in one town a year apart, both told in much the same words; an undated
    # report with the first one's toll joins the first
    first = riot("a1", "a", event_date=dt.date(2024, 5, 2), time_precision=1, fatalities=4)
    again = riot("c1", "c", event_date=dt.date(2025, 5, 2), time_precision=1, fatalities=11)
    undated = riot("b1", "b", fatalities=4)
    docs = {"a": Document(text=FIRST, doc_id="a"), "c": Document(text=FIRST.replace("Four", "Eleven"), doc_id="c"),
            "b": Document(text=SECOND, doc_id="b")}
    result = merge.cluster([first, again, undated], documents=docs)
    assert sorted(inc.event_ids for inc in result.incidents) == [["a1", "b1"], ["c1"]]
