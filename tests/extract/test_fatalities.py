"""count_fatalities: conservative death counts, injuries apart, evidence spans (codebook §5)."""
import pytest

from eventcoder.extract.howmany.fatalities import count_fatalities

from ..conftest import assert_spans

CASES = [
    # text, value, evidence that must be inside one of the spans
    ("Gunmen stormed the hotel, killing at least 12 people, including 3 soldiers.", 12, "at least 12"),
    ("At least 12 were killed, including 3 soldiers.", 12, "At least 12"),
    ("Dozens of villagers were killed in the raid.", 12, "Dozens of villagers"),
    ("A dozen people were killed.", 12, "A dozen"),
    ("Hundreds of people died in the siege.", 100, "Hundreds of people"),
    ("Several fishermen were killed.", 3, "Several fishermen"),
    ("Two killed and five injured in market blast.", 2, "Two killed"),
    ("Four people died. Later the death toll rose to 7.", 7, "rose to 7"),
    ("Officials said 9 people died. The toll has since risen to 13.", 13, "risen to 13"),
    ("Two soldiers and three civilians were killed in the ambush.", 5, "Two soldiers and three civilians"),
    ("The blast killed a teacher, two pupils and a guard.", 4, "a teacher, two pupils and a guard"),
    ("The attacker blew himself up, killing himself and 4 others.", 5, "himself and 4"),
    ("The attacker blew himself up at the gate, killing six guards.", 6, "six guards"),
    ("A rebel commander and his deputy were eliminated in the strike.", 2, "A rebel commander and his deputy"),
    ("The strike killed a commander and his deputy.", 2, "a commander and his deputy"),
    ("Between 5 and 8 people were killed.", 5, "Between 5 and 8"),
    ("Nine people were killed. The nine victims were buried on Friday.", 9, "Nine people"),
    ("Six soldiers were killed. Two attackers were also killed.", 8, "Two attackers"),
    # reported and claimed figures disagree: the lowest credible figure
    ("Officials said four guards were killed; the rebels claimed to have killed 30.", 4, "four guards"),
    ("The driver was killed instantly.", 1, "The driver was killed"),
    ("The clash left two fighters dead.", 2, "two fighters"),
    ("No casualties were reported.", 0, "No casualties"),
    ("No one was hurt in the blast.", 0, "No one was hurt"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,value,evidence", CASES)
def test_fatalities_count(analyse_text, text, value, evidence):
    ana = analyse_text(text)
    result = count_fatalities(ana, list(range(len(ana.sentences))))
    assert result.value == value
    assert any(evidence in span.text for span in result.spans), result.spans
    assert_spans(ana.text, result.spans + [result.injured_span])


@pytest.mark.model
@pytest.mark.parametrize("text,low,high", [
    ("At least 8 people were killed.", 8, None),
    ("More than 20 people were killed.", 20, None),
    ("Up to 15 people may have died.", None, 15),
    ("Between 5 and 8 people were killed.", 5, 8),
])
def test_fatalities_bounds(analyse_text, text, low, high):
    result = count_fatalities(analyse_text(text), [0])
    assert (result.low, result.high) == (low, high)


@pytest.mark.model
@pytest.mark.parametrize("text,injured", [
    ("Two people were killed and five injured.", 5),
    ("The shelling wounded 14 people.", 14),
    ("A soldier was wounded in the ambush.", 1),
])
def test_fatalities_injuries_never_counted(analyse_text, text, injured):
    result = count_fatalities(analyse_text(text), [0])
    assert result.injured == injured
    assert result.value == (2 if "killed" in text else 0)


@pytest.mark.model
def test_fatalities_only_given_sentences(analyse_text):
    ana = analyse_text("A drone hit a car. Separately, nine people were killed in a raid on a village.")
    assert count_fatalities(ana, [0]).value == 0
    assert count_fatalities(ana, [1]).value == 9


@pytest.mark.model
def test_fatalities_nothing_said_is_zero_without_span(analyse_text):
    result = count_fatalities(analyse_text("Protesters marched to the ministry."), [0])
    assert (result.value, result.spans) == (0, [])


@pytest.mark.parametrize("text,lang,value", [
    ("Au moins 11 civils ont été tués dans l'attaque.", "fr", 11),
    ("Six soldats, dont deux officiers, ont été tués.", "fr", 6),
    ("Nueve personas muertas dejó el ataque.", "es", 9),
    ("Murieron cuatro policías en la emboscada.", "es", 4),
    ("В результате удара погибли три человека.", "ru", 3),
    ("Охранник погиб на месте.", "ru", 1),
    ("قُتل خمسة جنود في الهجوم", "ar", 5),
    ("أسفر الهجوم عن مقتل سبعة مدنيين على الأقل", "ar", 7),
])
def test_fatalities_other_languages(analyse_text, text, lang, value):
    ana = analyse_text(text, lang=lang)
    result = count_fatalities(ana, [0])
    assert result.value == value
    assert_spans(ana.text, result.spans)


@pytest.mark.parametrize("text,lang", [
    ("Aucune victime n'a été signalée.", "fr"),
    ("No hubo víctimas mortales.", "es"),
    ("Пострадавших нет.", "ru"),
])
def test_fatalities_other_languages_zero_has_span(analyse_text, text, lang):
    result = count_fatalities(analyse_text(text, lang=lang), [0])
    assert result.value == 0 and result.spans


@pytest.mark.model
@pytest.mark.parametrize("text,value", [
    # the two sides of a fight told in different sentences add up
    ("Troops clashed with rebels near the river, killing nine rebels. Three soldiers were killed too, the army said.", 12),
    # euphemism for a soldier's death
    ('The army said troops "neutralised 8 bandits" while "one brave soldier paid the supreme price".', 9),
    # "two of the dead", "the men": victims already counted, not a new lower figure
    ("Four people were shot dead at a checkpoint. Relatives said two of the dead were students.", 4),
    ("Vigilantes beat to death three men in the market. Police came after the men had died.", 3),
    # "put the toll at" is another source's figure, not an update: the lowest credible one
    ("A bomb killed at least five people at the station, a monitor said. Hospital staff put the toll at eight.", 5),
    ("Five people were killed in the blast. By evening the death toll had risen to eight.", 8),
    # kills claimed by one side and denied by the other
    ("The rebels said they ambushed a convoy, killing six soldiers. The army denied that any ambush took place.", 0),
    # bodies from old graves are not deaths of this event
    ("Searchers found 9 bodies in a mass grave behind the farm on Friday, prosecutors said.", 0),
    # a part of the toll told after it is not a lower conflicting figure
    ("A car bomb killed at least 12 people at a market in Kano on Monday, police said. "
     "Six of them died in hospital, a doctor said.", 12),
    ("Gunmen killed 10 people in a village near Gusau on Sunday. A local chief said the dead "
     "included a teacher and his son, and that a guard was killed at the gate.", 10),
    ("An explosion killed 7 people on a bus in Quetta, officials said. The driver was killed instantly.", 7),
    # two totals from two sources still conflict: the lowest is kept
    ("A blast killed nine people at the shrine, police said. Hospital officials said 14 bodies had been brought in.", 9),
    ("Police said 11 people died in the attack. A rights group said 8 people were killed.", 8),
    # a war's running toll is background, not the event's
    ("A drone strike killed four fighters near Marib on Sunday, officials said. The war has killed more "
     "than 150,000 people since 2014.", 4),
    ("Gunmen shot dead three farmers near Bokkos. Attacks in the region have claimed hundreds of lives "
     "over the past two years.", 3),
])
def test_fatalities_conflict_rules(analyse_text, text, value):
    ana = analyse_text(text)
    assert count_fatalities(ana, list(range(len(ana.sentences)))).value == value


@pytest.mark.model
def test_fatalities_other_incident_sentences_left_out(analyse_text):
    ana = analyse_text("Militants attacked a village on Monday, killing 10 people. "
                       "On Wednesday, a roadside bomb killed two soldiers nearby. "
                       "In a separate attack, gunmen killed four herders.", published="2025-03-14")
    assert count_fatalities(ana, [0, 1, 2]).value == 10
    assert count_fatalities(ana, [1]).value == 2


@pytest.mark.model
def test_fatalities_denial_of_responsibility_keeps_count(analyse_text):
    ana = analyse_text("A car bomb killed seven people at a market. The group denied involvement.")
    assert count_fatalities(ana, [0, 1]).value == 7


@pytest.mark.model
@pytest.mark.parametrize("text,value,evidence", [
    # death idioms and split phrases
    ("A man was set upon by a crowd at the bus station; he died before the ambulance came.", 1, "he died"),
    ("Raiders stabbed three herders to death near the well.", 3, "three herders"),
    ("A gunman on a motorbike mowed down five worshippers outside the mosque.", 5, "five worshippers"),
    ("A police officer shot during the raid succumbed to his injuries on Friday.", 1, "A police officer"),
    ("Rescuers recovered the bodies of nine passengers after the bus was ambushed.", 9, "nine passengers"),
    # more victims after a passive death word, and a bracketed acronym inside the subject
    ("Eight soldiers were killed, along with three of the gunmen, officials said.", 11, "three of the gunmen"),
    ("Six members of the Rapid Response Unit (RRU) were killed.", 6, "Six members"),
    # "put the number of X killed at N" is another source's figure: the lowest is kept
    ("Three soldiers died in the blast, the army said. Two doctors put the number of soldiers killed at five.",
     3, "Three soldiers"),
])
def test_fatalities_idioms_and_lists(analyse_text, text, value, evidence):
    ana = analyse_text(text)
    result = count_fatalities(ana, list(range(len(ana.sentences))))
    assert result.value == value
    assert any(evidence in span.text for span in result.spans), result.spans
    assert_spans(ana.text, result.spans)


@pytest.mark.model
@pytest.mark.parametrize("text,value", [
    # a claimant's own figure is used only when no other figure is reported
    ("Hospital staff said 40 people died. The group claimed the bombing on its channel, "
     "saying it had killed a dozen soldiers.", 40),
    ("The group claimed the bombing, saying it had killed a dozen soldiers.", 12),
    # a denial about something else is not a denial of the deaths
    ("Rebels killed four villagers on Sunday, residents said. The army denied that the district had been abandoned.", 4),
    # the toll itself dismissed by the other side
    ("The rebels said they killed 25 soldiers in the raid. The army rejected the rebels' casualty figures.", 0),
    ("The rebels said they killed 25 soldiers in the raid. The army dismissed the toll as invented.", 0),
])
def test_fatalities_claims_and_denials(analyse_text, text, value):
    ana = analyse_text(text)
    assert count_fatalities(ana, list(range(len(ana.sentences)))).value == value


@pytest.mark.parametrize("text,lang,value", [
    ("Un comando armado irrumpió en la fiesta matando a tres jóvenes.", "es", 3),
    ("Sicarios mataron a un policía y a su escolta en la carretera.", "es", 2),
    ("Decenas de personas murieron en el ataque.", "es", 10),
    ("Deux gendarmes ont succombé à leurs blessures.", "fr", 2),
    ("Des dizaines de civils ont été tués dans le bombardement.", "fr", 10),
    ("В результате обстрела погибло пять человек.", "ru", 5),
    ("Несколько десятков человек погибли при обстреле.", "ru", 10),
    ("أسفرت الغارة عن مقتل طفلين اثنين", "ar", 2),
    ("قتل شخص واحد في القصف", "ar", 1),
    ("لقي ثلاثة جنود مصرعهم في الهجوم", "ar", 3),
    # a singular or dual noun after the death word is the count; a plural without a number is not
    ("أدى القصف إلى مقتل شخص في المدينة", "ar", 1),
    ("أسفر القصف عن مقتل طفلين وإصابة خمسة", "ar", 2),
    ("أدى القصف إلى مقتل مدنيين في المدينة", "ar", 0),
])
def test_fatalities_other_languages_more(analyse_text, text, lang, value):
    ana = analyse_text(text, lang=lang)
    result = count_fatalities(ana, [0])
    assert result.value == value
    assert_spans(ana.text, result.spans)


@pytest.mark.model
@pytest.mark.parametrize("text,value", [
    # a number after a possessive ("his two sons") counts
    ("Gunmen killed a farmer and his two sons near Gusau on Sunday.", 3),
    ("Gunmen killed two farmers and their three children near Gusau on Sunday.", 5),
    ("Gunmen killed a teacher and his wife near Gusau on Sunday.", 2),
    # "the toll from X to N" updates the count; a lynching is a death
    ("Two policemen died of their injuries on Monday, raising the toll from Sunday's ambush to nine.", 9),
    ("A mob lynched two men accused of theft in Kasese on Sunday.", 2),
])
def test_fatalities_possessives_tolls_and_lynching(analyse_text, text, value):
    ana = analyse_text(text)
    assert count_fatalities(ana, [0]).value == value


@pytest.mark.model
@pytest.mark.parametrize("text,lang,value", [
    # tolls that rise "from five to eleven" are updates
    ("Au moins cinq civils ont été tués. Le nombre de morts est passé de cinq à onze, selon la mairie.", "fr", 11),
    ("Al menos dos personas murieron. El saldo de muertos pasó de dos a siete, según la fiscalía.", "es", 7),
    ("Trois soldats ont été tués dans l'embuscade. Le bilan s'élève désormais à six morts.", "fr", 6),
])
def test_fatalities_toll_updates_in_other_languages(analyse_text, text, lang, value):
    ana = analyse_text(text, lang=lang)
    assert count_fatalities(ana, list(range(len(ana.sentences)))).value == value


@pytest.mark.parametrize("text,lang,value", [
    # a figure the report says was superseded gives way to the current one
    ("The army confirmed that 40 soldiers were killed in the ambush. The new toll is a sharp rise from the "
     "nine deaths initially reported.", "en", 40),
    ("Police said 12 people were killed, up from seven reported earlier.", "en", 12),
    ("Six more died in hospital. This brings the death toll to 10.", "en", 10),
    # an earlier incident's figure in the event's sentences is not this event's
    ("Rebels killed at least 22 civilians in an overnight raid near Beni. The raid came a day after six "
     "civilians were killed in an attack in the town.", "en", 22),
    ("Trente et un soldats ont été tués, selon l'armée. Le bilan initial faisait état de 12 morts.", "fr", 31),
    ("Gunmen killed 40 villagers in Yelwata overnight. The attack came barely 48 hours after two "
     "communities were attacked and 25 people killed.", "en", 40),
    # a running toll "since March" is the conflict's, not the event's
    ("Gunmen killed four villagers in Kaya on Sunday. More than 30 civilians have been killed in the district "
     "since March, officials said.", "en", 4),
    # an age after a name is no count
    ("Gunmen shot dead the journalist Lyra Smith, 29, in Derry on Thursday.", "en", 1),
    ("The attack killed 12 soldiers, 3 police and 4 civilians.", "en", 19),
    # alone, such a figure is still the only one reported
    ("Initially, police said four people had been killed.", "en", 4),
    ("A second strike killed three people the day after the market bombing.", "en", 3),
])
def test_fatalities_superseded_and_earlier_figures(analyse_text, text, lang, value):
    ana = analyse_text(text, lang=lang)
    assert count_fatalities(ana, list(range(len(ana.sentences)))).value == value
