"""Officials' names (written after an office) are weak evidence: every incident of their region names them."""
from __future__ import annotations

from eventcoder import merge
from eventcoder.merge.profile import Profile
from eventcoder.merge.text import names, officials
from eventcoder.schema import Event


def ev(event_id, doc_id, **fields) -> Event:
    base = dict(event_date=None, time_precision=None, event_type="Violence against civilians",
                sub_event_type="Attack", actor1="Unidentified Armed Group (Somalia)", actor2="Civilians (Somalia)",
                country="Somalia", admin1="Banadir", admin2="Mogadishu", location="Mogadishu",
                latitude=2.0469, longitude=45.3182, geo_precision=1, fatalities=4, source=doc_id.upper())
    base.update(fields)
    return Event(event_id=event_id, doc_id=doc_id, **base)


FIRST = "Gunmen killed four traders in Mogadishu on Tuesday, police spokesman Sadiq Aden Dhoodi said."
SECOND = ("Attackers shot dead nine passengers at a bus stop in Mogadishu on Tuesday, according to the "
          "spokesman of the police, Sadiq Aden Dhoodi.")


def test_officials_are_the_names_written_after_an_office():
    text = FIRST + " Among the dead was the shopkeeper Hodan Ali Warsame."
    found = officials(text, names(text))
    assert "sadiq aden dhoodi" in found and not any("warsame" in n or "hodan" in n for n in found)
    assert officials("Le gouverneur de la région, Ali Hassan Nur, a condamné l'attaque.",
                     {"ali hassan nur"}) == {"ali hassan nur"}
    assert officials("Hodan Ali Warsame was buried on Friday.", {"hodan ali warsame"}) == set()


def test_two_attacks_sharing_only_the_police_spokesman_stay_apart():
    """One district, one day of the week, one spokesman, other tolls: two attacks on two Tuesdays."""
    a, b = ev("a1", "a"), ev("b1", "b", fatalities=9)
    docs = {"a": FIRST, "b": SECOND}
    result = merge.cluster([a, b], documents=docs)
    assert sorted(inc.event_ids for inc in result.incidents) == [["a1"], ["b1"]]
    match = merge.compare(*merge.profiles_for([a, b], docs))
    assert match.evidence["officials"] == ["sadiq aden dhoodi"] and match.score < merge.THRESHOLD
    # the same person named as a victim is strong evidence of one story
    docs = {"a": FIRST.replace("police spokesman", "among them the shopkeeper"),
            "b": SECOND.replace("according to the spokesman of the police,", "among them the shopkeeper")}
    result = merge.cluster([a, b], documents=docs)
    assert sorted(inc.event_ids for inc in result.incidents) == [["a1", "b1"]]


def test_stored_profiles_keep_their_officials():
    p = merge.profiles_for([ev("a1", "a")], {"a": FIRST})[0]
    assert "sadiq aden dhoodi" in p.officials
    assert Profile.from_dict(p.to_dict()).officials == p.officials
