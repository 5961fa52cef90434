"""Speculated perpetrators never reach actor fields (devset README: "Speculation is not attribution").

Codes every dev-set report and the seed report through the public pipeline and checks that no
group the coder itself lists as speculated is named as actor1, actor2 or an associated actor.
"""
from __future__ import annotations

import json

import pytest

from eventcoder.evaluate import norm
from eventcoder.pipeline import code_document
from eventcoder.reading import read_path

pytestmark = pytest.mark.model


def _reports(shared_dir):
    paths = []
    for line in (shared_dir / "devset" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            paths.append(shared_dir / "devset" / json.loads(line)["file"])
    seed = shared_dir / "seed" / "000.txt"
    if seed.is_file():
        paths.append(seed)
    return paths


def _offenders(event) -> list[str]:
    speculated = {norm(s) for s in event.speculated_perpetrators}
    names = [event.actor1, event.actor2] + (event.assoc_actor_1 or "").split("; ") + \
        (event.assoc_actor_2 or "").split("; ")
    out = []
    for name in filter(None, names):
        forms = {norm(name)} | ({norm(p) for p in name.split(":", 1)} if ":" in name else set())
        if forms & speculated:
            out.append(name)
    return out


def test_no_speculated_perpetrator_in_actor_fields(shared_dir):
    bad = []
    for path in _reports(shared_dir):
        for item in read_path(path):
            for event in code_document(item):
                for name in _offenders(event):
                    bad.append(f"{path.name}: {event.sub_event_type}: {name} is only speculated")
    assert not bad, "\n".join(bad)


def test_seed_speculated_groups_are_listed_but_not_actors(shared_dir):
    seed = shared_dir / "seed" / "000.txt"
    if not seed.is_file():
        pytest.skip("seed report absent")
    events = [e for item in read_path(seed) for e in code_document(item)]
    assert events
    assert any(e.speculated_perpetrators for e in events)
    assert not [n for e in events for n in _offenders(e)]


@pytest.mark.parametrize("text, country, absent", [
    # the acronym after a speculated full name is speculated too
    ("BENI, Congo, March 12 (Reuters) - Suspected Allied Democratic Forces (ADF) rebels killed at least 18 civilians "
     "in a night raid on a village near Beni, a civil society leader said.", "Democratic Republic of Congo", "ADF"),
    # a group only said to be active in the area, or to have done similar things, is not the perpetrator
    ("NIAMEY, March 12 (AFP) - Jihadists ambushed an army convoy near Tera on Thursday, killing 12 soldiers, the army "
     "said. No group claimed the attack, but the Islamic State Sahel Province is active in the area.", "Niger",
     "Islamic State"),
    ("PESHAWAR, March 12 (Reuters) - A bomb exploded near a police van in Peshawar on Wednesday, killing two policemen, "
     "police said. No one claimed responsibility, though the Pakistani Taliban have carried out similar attacks.",
     "Pakistan", "TTP"),
])
def test_background_or_speculated_group_never_an_actor(text, country, absent):
    import datetime as dt

    from eventcoder.pipeline import code_text

    events = code_text(text, published=dt.date(2025, 3, 14), source="Desk")
    assert events
    for e in events:
        assert e.actor1 == f"Unidentified Armed Group ({country})"
        names = " ".join(filter(None, [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2, e.claimed_by]))
        assert absent not in names
