"""Certainty of an event and speculated perpetrators (dev-set README definitions)."""
from __future__ import annotations

import pytest

from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.according.certainty import assess_certainty, is_speculated, speculated_groups
from eventcoder.extract.according.sources import source_chain
from tests.conftest import assert_spans


@pytest.mark.model
@pytest.mark.parametrize("text, value", [
    ("Gunmen killed three herders near Jos on Sunday, police said.", "reported"),
    ("Police confirmed that a bomb killed four people at a bus stop in Maiduguri.", "confirmed"),
    ("It was unclear whether the strike on the depot near Homs had taken place at all.", "speculative"),
    ("The Arakan Army said its fighters captured a junta base near Paletwa. "
     "The claim could not be independently verified.", "claimed"),
    ("The rebels said in a statement that they shot down an army helicopter.", "reported"),
])
def test_certainty_values(analyse_text, text, value):
    ana = analyse_text(text, source="Desk")
    src = source_chain(ana, [0])
    cert = assess_certainty(ana, [0], src)
    assert cert.value == value, cert
    assert_spans(ana.text, [cert.span, cert.speculation_span])


@pytest.mark.model
def test_certainty_claim_as_only_source_is_claimed(analyse_text):
    ana = analyse_text("The NRF claimed responsibility for an ambush on a Taliban patrol in Panjshir.",
                       source="Valley Post")
    src = source_chain(ana, [0])
    assert src.claimed_by == "NRF: National Resistance Front"
    assert assess_certainty(ana, [0], src).value == "claimed"


@pytest.mark.model
@pytest.mark.parametrize("text, groups", [
    ("The silence of the attackers fueled speculation about the involvement of foreign spy agencies, "
     "Turkish-backed factions, or even rival jihadist groups seeking revenge.",
     ["foreign spy agencies", "Turkish-backed factions", "rival jihadist groups"]),
    ("The blast bore the hallmarks of Al Shabaab, analysts said.", ["Al Shabaab"]),
    ("Residents blamed Fulani herders for the killings.", ["Fulani herders"]),
    ("Suspected ISWAP fighters torched the market.", ["ISWAP"]),
    ("ISWAP fighters torched the market, the army said.", []),
])
def test_certainty_speculated_perpetrators(analyse_text, text, groups):
    ana = analyse_text(text)
    found, span = speculated_groups(ana)
    assert found == groups
    assert (span is not None) == bool(groups)
    assert_spans(ana.text, [span])


@pytest.mark.model
def test_certainty_seed_speculation_never_becomes_an_actor(shared_dir, make_document):
    """The seed report: unidentified drone, chain ISNA <- Anbar source, three speculated groups."""
    from eventcoder.extract.who.roles import assign_roles
    from eventcoder.extract.base import EventContext, Place, Trigger
    from eventcoder.nlp import analyse

    text = (shared_dir / "seed" / "000.txt").read_text(encoding="utf-8")
    ana = analyse(make_document(text, published=None, source="ISNA"))
    start = ana.text.index("eliminated a senior")
    i = ana.sentence_at(start).index
    src = source_chain(ana, [i])
    cert = assess_certainty(ana, [i], src)
    assert src.chain == ["ISNA", "Source within the security forces of Anbar province"]
    assert src.claimed_by is None and cert.value == "reported"
    assert cert.speculated_perpetrators == ["Western intelligence agencies", "Kurdish forces", "rival jihadist groups"]
    trig = Trigger(ana.span(start, start + 10), i, "Explosions/Remote violence", "Air/drone strike")
    ctx = EventContext(trig, [i], "Air/drone strike", "Explosions/Remote violence",
                       Place(None, "Iraq-Syria border (Anbar)", "Iraq"), None, src, cert)
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name == "Unidentified Armed Group (Iraq)" and roles.actor1.inter == 3
    assert roles.actor2.name == "Islamic State (Iraq)"
    named = " ".join(filter(None, [roles.actor1.name, roles.actor2.name, roles.assoc_actor_1, roles.assoc_actor_2]))
    assert not any(g.split()[-1] in named for g in cert.speculated_perpetrators)


@pytest.mark.model
def test_certainty_account_denied_by_the_other_side_is_claimed(analyse_text):
    ana = analyse_text("Myanmar's military said on Tuesday its troops had killed 20 rebels in clashes near Bhamo, "
                       "a claim the rebels denied.", source="Desk")
    src = source_chain(ana, [0])
    assert assess_certainty(ana, [0], src).value == "claimed"
    ana = analyse_text("Myanmar's military said on Tuesday its troops had killed 20 rebels in clashes near Bhamo.",
                       source="Desk")
    assert assess_certainty(ana, [0], source_chain(ana, [0])).value == "reported"


@pytest.mark.model
def test_certainty_group_statement_under_its_full_name_rests_on_the_claim(analyse_text):
    # chain "Arakan Army statement", claimant "AA: Arakan Army": the claimant's own account
    ana = analyse_text("The Arakan Army said on Monday it had captured a military headquarters in Kyaukphyu "
                       "township.", source="Desk")
    src = source_chain(ana, [0])
    assert src.chain == ["Desk", "Arakan Army statement"] and src.claimed_by == "AA: Arakan Army"
    assert assess_certainty(ana, [0], src).value == "claimed"


@pytest.mark.model
def test_certainty_speculated_full_name_also_rules_out_its_acronym(analyse_text):
    ana = analyse_text("Suspected Allied Democratic Forces (ADF) rebels killed 18 civilians in a night raid "
                       "near Beni, a civil society leader said.")
    cert = assess_certainty(ana, [0], source_chain(ana, [0]))
    adf = [m for m in find_actors(ana, "Democratic Republic of Congo") if m.name.startswith("ADF")]
    assert adf and all(is_speculated(ana, m, cert) for m in adf)
