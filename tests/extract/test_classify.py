"""classify(): one-sentence reports -> sub-event type (codebook §1), ranking rules and vetoes.

Sentences are written for these tests (fictional events in real places); add a row to extend.
"""
from __future__ import annotations

import pytest

from eventcoder.extract.what.classify import classify, report_negative_cue
from eventcoder.extract.what.triggers import find_triggers
from eventcoder.schema import SUB_EVENT_TYPES, SUB_TO_TYPE

pytestmark = pytest.mark.model


def _code(analyse_text, text, **header):
    ana = analyse_text(text, **header)
    return classify(find_triggers(ana), ana, [])


SUB_TYPE_CASES = [
    ("Government regains territory", "Government troops recaptured the town of Mopti from rebels on Sunday."),
    ("Government regains territory", "The army said its soldiers retook the village of Kisoro after two days of fighting."),
    ("Non-state actor overtakes territory", "Al Shabaab fighters took control of the town of Jowhar after heavy fighting with soldiers."),
    ("Non-state actor overtakes territory", "Rebels overran the district headquarters of Pinlebu on Thursday."),
    ("Armed clash", "Soldiers and ISWAP fighters exchanged fire for three hours near Monguno."),
    ("Armed clash", "Militants ambushed an army convoy on the road to Kidal, killing six soldiers."),
    ("Excessive force against protesters", "Police fired live ammunition at protesters in Kisumu, killing two."),
    ("Excessive force against protesters", "Troops opened fire on demonstrators outside the parliament in Conakry, wounding dozens."),
    ("Protest with intervention", "Police fired tear gas to disperse hundreds of students marching in Dhaka."),
    ("Protest with intervention", "Riot police used water cannon against protesters who gathered outside the ministry in Tbilisi."),
    ("Peaceful protest", "Hundreds of nurses marched through Lagos on Tuesday to protest unpaid salaries."),
    ("Peaceful protest", "Farmers staged a sit-in outside the governor's office in Lahore."),
    ("Violent demonstration", "Protesters pelted police with stones and set fire to a police station in Kano."),
    ("Violent demonstration", "Demonstrators blocked the highway with burning tyres and barricades in Antananarivo."),
    ("Mob violence", "An angry mob lynched two men accused of theft in the village of Nyakabanda."),
    ("Mob violence", "Vigilantes beat a suspected thief to death in a market in Port Harcourt."),
    ("Chemical weapon", "Residents said a chlorine gas attack left dozens struggling to breathe in Douma."),
    ("Chemical weapon", "Investigators said a chemical weapon was used against villagers near Idlib."),
    ("Air/drone strike", "A drone strike hit a car near Tyre on Wednesday, killing two people."),
    ("Air/drone strike", "Warplanes carried out air strikes on a market in the town of Nyala."),
    ("Suicide bomb", "A suicide bomber blew himself up at a police checkpoint in Peshawar."),
    ("Suicide bomb", "Eight people died when an attacker detonated an explosive vest at a mosque in Kunduz."),
    ("Shelling/artillery/missile attack", "Artillery shells hit a residential area of Kherson, wounding four civilians."),
    ("Shelling/artillery/missile attack", "A ballistic missile struck an apartment block in Dnipro overnight."),
    ("Remote explosive/landmine/IED", "A roadside bomb struck a military truck near Bulo Burde."),
    ("Remote explosive/landmine/IED", "Two herders were killed when their cart hit a landmine near Kayes."),
    ("Grenade", "A man threw a grenade into a bar in Cotabato, wounding nine customers."),
    ("Grenade", "Attackers lobbed a hand grenade at a police post in Srinagar."),
    ("Sexual violence", "Aid workers reported the rape of six women by armed men near Tawila."),
    ("Sexual violence", "Witnesses said soldiers sexually assaulted two girls at a checkpoint near Kalehe."),
    ("Attack", "Gunmen shot dead five farmers in their fields near Bokkos."),
    ("Attack", "Militiamen massacred at least 20 villagers in Djugu on Friday."),
    ("Abduction/forced disappearance", "Gunmen abducted 25 passengers from a bus on the Kaduna-Abuja highway."),
    ("Abduction/forced disappearance", "Armed men kidnapped a local journalist in Culiacan on Monday night."),
    # a column of armed youths that "marched on" a town and killed: no protest
    ("Attack", "Hundreds of armed youths marched on the village of Lekwongole and massacred 40 herders, officials said."),
    # the raid's gunfire is part of the abduction, not a clash beside it
    ("Abduction/forced disappearance", "Gunmen shot at a guard at the school gate in Kebbi before they abducted "
                                       "dozens of pupils from their dormitory."),
    ("Agreement", "The two sides signed a ceasefire agreement in Doha on Saturday."),
    ("Agreement", "Government and rebel negotiators completed a prisoner exchange in Juba."),
    ("Arrests", "Police arrested a senior opposition leader at his home in Kampala."),
    ("Arrests", "Security forces detained the former mayor of Goma on corruption charges."),
    ("Change to group/activity", "The army deployed hundreds of troops to the border town of Bunagana."),
    ("Change to group/activity", "The militia imposed a blockade on all roads leading into Djibo."),
    ("Disrupted weapons use", "Air defences shot down nine drones over the Odesa region overnight."),
    ("Disrupted weapons use", "Army engineers defused two improvised explosive devices on the road to Gao."),
    ("Headquarters or base established", "The militia set up a new base on the outskirts of Kumbo."),
    ("Headquarters or base established", "Troops established a forward operating base near the village of Tillia."),
    ("Looting/property destruction", "Armed men looted the central market of Kalehe on Tuesday."),
    ("Looting/property destruction", "Fighters pillaged shops and warehouses in the town of Masisi."),
    ("Non-violent transfer of territory", "The militia handed control of the airport to government forces under a deal."),
    ("Non-violent transfer of territory", "Rebels entered the town of Tine without a fight after soldiers withdrew."),
    ("Other", "Forensic teams exhumed bodies from a mass grave outside Tlajomulco."),
    ("Other", "Officers seized power in a coup in Niamey on Wednesday."),
]


def test_classify_cases_cover_all_sub_types():
    assert {sub for sub, _ in SUB_TYPE_CASES} == set(SUB_EVENT_TYPES)


@pytest.mark.parametrize("expected,text", SUB_TYPE_CASES)
def test_classify_sub_event_type(analyse_text, expected, text):
    result = _code(analyse_text, text)
    assert result is not None, text
    event_type, sub, confidence, support = result
    assert sub == expected, (text, [(t.span.text, t.sub_event_type) for t in support])
    assert event_type == SUB_TO_TYPE[expected]
    assert 0 < confidence <= 1
    assert support and all(t.span.text for t in support)


RANKING_CASES = [
    # suicide bombing + gunfire -> Suicide bomb; with a real clash -> Armed clash
    ("Suicide bomb", "A suicide bomber blew himself up at the hotel gate and gunmen then opened fire on guests."),
    ("Armed clash", "A suicide bomber blew himself up at the base gate, then militants fought a gun battle with soldiers for hours."),
    # airstrike during a ground battle -> Battles; shelling + airstrike -> Air/drone strike
    ("Armed clash", "Heavy fighting broke out in Bakhmut as jets carried out air strikes in support of the troops."),
    ("Air/drone strike", "Artillery shelled the town while warplanes carried out air strikes on its outskirts."),
    # protests: lethal force, tear gas, protesters' violence
    ("Excessive force against protesters", "Police fired tear gas and live rounds at protesters, killing three."),
    ("Protest with intervention", "Police arrested 14 people at a protest outside the court in Yerevan."),
    ("Violent demonstration", "Protesters clashed with police and torched two cars in Dakar."),
    # mob outside a demonstration; abducted then killed; strikes on civilians stay E/RV
    ("Mob violence", "A mob attacked a man accused of blasphemy and burned his house in Sargodha."),
    ("Attack", "Gunmen kidnapped a teacher in Zamfara and later killed him."),
    # the raid and the killing of those who fled it are part of the abduction; killing others is an Attack
    ("Abduction/forced disappearance",
     "Bandits stormed a village near Gusau and abducted 30 residents. They shot dead two men who tried to flee."),
    ("Abduction/forced disappearance", "Gunmen stormed a school in Kebbi and kidnapped 25 pupils."),
    ("Attack", "Gunmen killed five farmers and abducted 20 others near Gusau."),
    ("Air/drone strike", "An air strike killed 12 civilians at a wedding in Saada."),
    # ambush of on-duty soldiers -> Armed clash; attack on villagers -> Attack
    ("Armed clash", "Jihadists attacked a military patrol near Djibo."),
    ("Attack", "Jihadists attacked villagers returning from the market near Djibo."),
    # capture by state forces vs non-state actors
    ("Government regains territory", "The army captured the town of Rutshuru after fierce fighting with M23."),
    ("Non-state actor overtakes territory", "RSF fighters captured the town of El Fasher after fierce fighting."),
    # unacknowledged detention vs arrest
    ("Abduction/forced disappearance", "Men in plain clothes detained an activist and took him to an undisclosed location."),
    # looting on its own vs during an attack
    ("Attack", "Gunmen shot dead four residents and looted their shops in Zurmi."),
    # demonstrators who storm or burn a building riot, even when the police then shoot;
    # stones or burning tyres leave lethal police force Excessive force
    ("Violent demonstration", "Protesters stormed the provincial assembly in Kandy and set part of it ablaze; "
                              "police opened fire, killing three."),
    ("Violent demonstration", "Thousands of demonstrators broke into the governor's residence in Mombasa before "
                              "soldiers shot dead two of them."),
    ("Excessive force against protesters", "Police opened fire on protesters burning tyres on a road in Kisumu, "
                                           "killing two."),
    # an ambush of soldiers is a battle; of civilians (travellers, a bus, by the parse or the
    # sentence) an Attack; a shared object of coordinated verbs is the ambush's object too
    ("Armed clash", "Al Shabaab militants ambushed a military convoy near Beledweyne, killing four soldiers."),
    ("Attack", "Al Shabaab militants ambushed a bus carrying civilians near Beledweyne, killing four passengers."),
    ("Attack", "Sources said the militants ambushed and robbed civilians near Beledweyne on Monday."),
    ("Attack", "The latest ambush by Al Shabaab targeting civilians near Beledweyne left two dead."),
    # the targets fired back: a battle, even when the attack began with a grenade
    ("Armed clash", "A roadside bomb hit a police patrol near Nazran on Sunday; the officers returned fire at "
                    "the attackers, police said."),
    # a town falls to rebels; a man shot "falling to the ground" is no change of territory
    ("Non-state actor overtakes territory", "The town of Bunagana fell to M23 rebels on Monday."),
    ("Attack", "Two gunmen shot a shopkeeper in Omagh on Wednesday; he ran a short distance before falling to "
               "the ground."),
    # a weapon word naming a place or a person ("an air force base", "the air force chief") is no strike
    ("Remote explosive/landmine/IED", "A car bomb killed six people near an air force base in Cali on Thursday, "
                                      "officials said."),
    # a protest word beside strikes told in clear words is background, not a crackdown
    ("Air/drone strike", "Israeli air raids on Gaza City killed 12 people on Tuesday, the health ministry said. "
                         "The strikes came a week after the death of a prisoner who, protesting against his "
                         "detention, had refused food for weeks."),
    # Mob violence needs an unorganised crowd; crude weapons beside a massacre are an Attack
    ("Attack", "Fighters attacked Mambasa with machetes overnight and massacred 20 villagers. Witnesses said "
               "the attackers killed people in their homes with machetes."),
    ("Mob violence", "A mob armed with machetes lynched a suspected thief in Mambasa on Monday."),
    # demonstrators who clash with the police riot, whoever then kills (codebook §1.4)
    ("Violent demonstration", "Thousands of demonstrators clashed with police in Mymensingh on Sunday; one man "
                              "was killed by police gunfire."),
    ("Violent demonstration", "One protester died in a clash between police and opposition activists at a rally "
                              "in Mymensingh."),
    ("Excessive force against protesters", "Police opened fire on a peaceful march in Mymensingh, killing one "
                                           "protester."),
    # intercepted with no one hurt -> Disrupted weapons use; a strike that hurt people stays a strike
    ("Disrupted weapons use", "A rocket fired towards Ashkelon was intercepted by air defences on Monday. "
                              "No injuries were reported."),
    ("Disrupted weapons use", "Air defences shot down two drones over Belgorod overnight, the governor said."),
    ("Shelling/artillery/missile attack", "Rockets fired from Gaza struck a house in Sderot, wounding two "
                                          "residents; a third rocket was intercepted."),
    ("Shelling/artillery/missile attack", "Militants fired a barrage of rockets at Sderot, killing one woman, "
                                          "and air defences intercepted several of them."),
]


@pytest.mark.parametrize("expected,text", RANKING_CASES)
def test_classify_ranking_rules(analyse_text, expected, text):
    result = _code(analyse_text, text)
    assert result is not None, text
    assert result[1] == expected, (text, [(t.span.text, t.sub_event_type) for t in result[3]])


VETO_CASES = [
    # (cue, title, text)
    ("sports", "Eagles' attack too strong for Ghana", "The striker's attack on goal in the 80th minute sealed the match for the home side."),
    ("markets", "Defence stocks climb", "Shares of missile makers rose as investors bet on rising defence stocks after the air strikes."),
    ("drill", "Navy drill off Zambales", "Marines fired missiles at a target ship during a live-fire drill in a joint military exercise."),
    ("film", "Review: 'Dust over Gao'", "The film opens with an ambush on a convoy, and the director stages the battle with care."),
    ("anniversary", "Ten years since Garissa attack", "Families gathered to commemorate the anniversary of the attack that killed 148 students."),
    ("anniversary", None, "Saturday marked exactly one year since gunmen killed 40 students at a college in Mubi. "
                          "The attackers were never caught."),
    ("court", "Court jails bomber", "A court sentenced a man to life for a bombing in 2012 that killed 30 people in Kano."),
    ("weather", "Cyclone hits coast", "A tropical cyclone hit the coast of Sofala, killing four people and destroying homes."),
    ("opinion", "Opinion: Mali needs roads, not drones", "More air strikes will not end the insurgency; we need schools."),
]


@pytest.mark.parametrize("cue,title,text", VETO_CASES)
def test_classify_negative_cues_veto(analyse_text, cue, title, text):
    ana = analyse_text(text, title=title)
    assert classify(find_triggers(ana), ana, []) is None
    assert report_negative_cue(ana) == cue


def test_classify_court_case_told_after_a_raid_is_no_veto(analyse_text):
    """The lead tells police taking two men from their homes; the court case comes after it ('was
    sentenced in 2014', 'convicted'): an arrest is coded, the report is not a court report. Without a
    title, a lead that is itself about a court still vetoes the report."""
    text = ("Intelligence police stormed the homes of two opposition leaders in Caracas early on Tuesday and "
            "arrested them, their families said. One was sentenced in 2014 to 14 years in prison after a trial "
            "that a judge later called unfair; the other was never convicted.")
    ana = analyse_text(text, published="2025-03-14")
    assert report_negative_cue(ana) is None
    assert classify(find_triggers(ana), ana, [0])[1] == "Arrests"
    court = analyse_text("A court sentenced a man to life for a bombing in 2012 that killed 30 people in Kano. The "
                         "judge said the trial had lasted two years.")
    assert report_negative_cue(court) == "court"


@pytest.mark.parametrize("text", [
    "The striker's attack on goal in the 80th minute sealed the match.",
    "Shares of defence firms rose as investors welcomed strong order books and stock gains.",
    "Troops fired artillery at dummy targets during a military exercise near Tapa.",
    "A storm hit the coast of Sofala, killing four people.",
])
def test_classify_sentence_cue_without_title(analyse_text, text):
    ana = analyse_text(text)
    assert classify(find_triggers(ana), ana, []) is None


@pytest.mark.parametrize("text", [
    "Militants did not attack the convoy, the army said.",
    "The group threatened to attack the town of Beni.",
    "The rebels could launch an offensive on the city if talks fail.",
    "The army denied carrying out the air strike on the village.",
])
def test_classify_negated_or_hypothetical_is_none(analyse_text, text):
    assert _code(analyse_text, text) is None


def test_classify_real_report_is_not_vetoed(analyse_text):
    ana = analyse_text("A suicide bomber killed nine people at a market in Maiduguri on Tuesday.",
                       title="Suicide bomber kills nine in Maiduguri market")
    assert report_negative_cue(ana) is None
    assert classify(find_triggers(ana), ana, [])[1] == "Suicide bomb"


def test_classify_only_counts_given_sentences(analyse_text):
    ana = analyse_text("Police arrested two men in Kano. A roadside bomb struck a bus near Gwoza.")
    trig = find_triggers(ana)
    assert classify(trig, ana, [0])[1] == "Arrests"
    assert classify(trig, ana, [1])[1] == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text,sub", [
    # a handover under an earlier ceasefire is a non-violent transfer, not an agreement
    ("Militia fighters handed over control of the hilltop base to the army without a fight, under "
     "the terms of the ceasefire.", "Non-violent transfer of territory"),
    # old deaths in detention beside a grave discovery are not an arrest
    ("Rescuers uncovered a mass grave near Homs holding people who had died in detention.", "Other"),
    # a base set up and troops deployed to it: the base is the development
    ("Peacekeepers established a new base outside Bunia and deployed a company to guard it.",
     "Headquarters or base established"),
    # weakly worded killings still outrank the deployment that followed them
    ("Twelve people were killed when militiamen attacked a camp near Djugu, and troops were "
     "later deployed to the camp.", "Attack"),
    # gunmen torching a police post destroy property; demonstrators doing so riot
    ("Gunmen set fire to a police station in Kaduna on Monday, residents said.", "Looting/property destruction"),
    ("Demonstrators set fire to a police station in Kaduna on Monday.", "Violent demonstration"),
    # "shot down" a weapon disrupts it; shooting down fighters or people kills them
    ("Air defences shot down two drones over Belgorod on Monday.", "Disrupted weapons use"),
    ("The army shot down six terrorists on Tuesday during an operation near Tebessa.", "Armed clash"),
    ("Soldiers shot down a villager near Gao on Monday.", "Attack"),
    # a prison retaken after a riot is no territory
    ("Security forces regained control of the prison in Machala on Monday after inmates fought each other "
     "with guns, killing 14.", "Armed clash"),
    ("Inmates fought each other with guns in the prison of Machala on Monday, killing 14. Thirteen inmates "
     "have been recaptured.", "Armed clash"),
    # a coup told as a noun
    ("Army officers appeared on state television in Niamey to announce their seizure of power.", "Other"),
    # burning tyres with no crowd beside a killing are part of the attack; with a crowd, a riot
    ("Gunmen killed six villagers in Narathiwat on Tuesday night and left burning tyres on the road.", "Attack"),
    ("Protesters blocked the road with burning tyres in Narathiwat on Tuesday.", "Violent demonstration"),
    # a clear act in the first sentence is the incident; other acts told far below are other incidents
    ("A female suicide bomber blew herself up at a market in Kolofata on Wednesday, killing six people. "
     "Traders closed their stalls. Schools stayed shut on Thursday. The governor visited the market. "
     "Aid groups sent food. Last month, twenty soldiers were killed in heavy clashes with the group near "
     "the lake.", "Suicide bomb"),
])
def test_classify_boundary_rules_added(analyse_text, text, sub):
    decided = _code(analyse_text, text)
    assert decided is not None and decided[1] == sub


@pytest.mark.model
@pytest.mark.parametrize("text,expected", [
    ("Police arrested four opposition leaders in Lahore on Wednesday ahead of a planned rally.", "Arrests"),
    ("Security forces detained two organisers in Harare on Monday before an upcoming march.", "Arrests"),
    ("Thousands marched through Harare on Monday to protest against fuel prices.", "Peaceful protest"),
])
def test_classify_planned_protest_is_not_a_protest(analyse_text, text, expected):
    from eventcoder.extract.what.classify import classify
    from eventcoder.extract.what.triggers import find_triggers

    ana = analyse_text(text)
    triggers = [t for t in find_triggers(ana) if not (t.negated or t.hypothetical or t.negative_cue)]
    decided = classify(triggers, ana, [0])
    assert decided is not None and decided[1] == expected


@pytest.mark.model
@pytest.mark.parametrize("text,expected", [
    # who kills decides: an armed agent (a word or a dictionary group) makes "killed" an attack ...
    ("Insurgents killed 12 people in Konduga on Sunday.", "Attack"),
    ("Al Shabaab killed three teachers in Mandera on Sunday.", "Attack"),
    # ... a road accident, a fire or a disease does not
    ("Five people were killed when a bus overturned near Kano on Sunday.", None),
    ("Lightning killed two herders near Jos on Sunday.", None),
    ("Cholera has killed 40 people in Borno this month.", None),
    # a bare "attack" with casualties in its sentence is an attack ...
    ("An attack near Gusau on Sunday left 7 dead and 12 wounded.", "Attack"),
    ("The death toll from Sunday's attack near Gusau rose to 15 on Tuesday.", "Attack"),
    # ... without casualties it says too little, and illness, animals and computers never count
    ("The attack near Gusau on Sunday was condemned by the governor.", None),
    ("A heart attack left the former governor dead in Abuja on Sunday.", None),
    ("A crocodile attack left two fishermen dead near Baga on Sunday.", None),
])
def test_classify_killings_and_attacks_need_violence(analyse_text, text, expected):
    result = _code(analyse_text, text)
    assert (result[1] if result else None) == expected


@pytest.mark.parametrize("text,expected", [
    # the detention of the president is part of the coup, not an arrest beside it
    ("Soldiers seized power in Niger on Wednesday, detaining President Mohamed Bazoum and "
     "suspending the constitution.", "Other"),
    # a nominalised strike in the lead outranks the killing it caused
    ("The shelling of a crowded market in Kupiansk on Monday killed five people.",
     "Shelling/artillery/missile attack"),
    # arrests beside a mass grave discovery that name no coup stay Arrests
    ("Police arrested three opposition leaders in Niamey on Wednesday.", "Arrests"),
])
def test_classify_coup_and_lead_nominalisation(analyse_text, text, expected):
    result = _code(analyse_text, text)
    assert (result[1] if result else None) == expected


@pytest.mark.parametrize("text,expected", [
    # planters killed by their own bomb: Disrupted weapons use, not a clash (§1.7)
    ("Two militants were killed when the bomb they were planting exploded prematurely in Kandahar "
     "on Friday.", "Disrupted weapons use"),
    # the same planters in a real gunfight beside it stay a battle
    ("Two militants were killed in a gun battle with police after their bomb exploded prematurely "
     "in Kandahar on Friday.", "Armed clash"),
])
def test_classify_planters_killed_by_their_bomb(analyse_text, text, expected):
    result = _code(analyse_text, text)
    assert (result[1] if result else None) == expected


# error classes found on fresh real reports (fourth accuracy session), in invented sentences
FRESH_CASES = [
    # the deaths are told with the blast: the explosion is the weapon of "the attack"
    ("Remote explosive/landmine/IED", "Militants claimed Friday's attack on a mosque in Kabul. At least 12 "
                                      "worshippers were killed in the explosion during prayers."),
    # a blast heard beside people shot dead: the shooting is the attack
    ("Attack", "Gunmen attacked a mosque in Kabul on Friday. Two worshippers were shot dead and a blast was "
               "heard nearby."),
    # a lynching with an angry protest after it: the killing is the mob's, no force against a crowd
    ("Mob violence", "A mob lynched two men accused of theft in a village near Chapra. Relatives staged an "
                     "angry protest outside the hospital as news of the lynching spread."),
    # petrol bombs the police seized were not thrown: tear gas against marchers is an intervention
    ("Protest with intervention", "Police fired tear gas to disperse thousands of protesters marching in "
                                  "Sao Paulo on Tuesday. Police said they seized petrol bombs."),
    ("Violent demonstration", "Protesters threw petrol bombs at police in Sao Paulo on Tuesday."),
    # tear gas and a shop "attacked": no lethal force against the crowd
    ("Protest with intervention", "Police fired tear gas to disperse protesters in Nairobi on Thursday. Some "
                                  "shops were attacked in the city centre."),
    # troops opened fire on the marchers: lethal force
    ("Excessive force against protesters", "Soldiers opened fire on protesters marching peacefully in "
                                           "Sacaba on Friday, the ombudsman said."),
    # grenades, rocket launchers and bullets against a police station: a ground assault (Battles)
    ("Armed clash", "Militants hurled hand grenades, fired rocket launchers and sprayed the police station in "
                    "Lakki Marwat with bullets on Sunday."),
    # a grenade alone is a grenade attack
    ("Grenade", "Attackers hurled a hand grenade at the police station in Lakki Marwat on Sunday."),
    # an ambush made with a roadside bomb, no fight told: the bomb's event
    ("Remote explosive/landmine/IED", "Insurgents ambushed a ranger patrol by detonating a homemade bomb on a "
                                      "rural road on Wednesday, injuring two rangers."),
    # party loyalists clashing at rallies while police fire tear gas shells: a violent demonstration
    ("Violent demonstration", "Forty people were injured in a clash between loyalists of the ruling party and "
                              "opposition activists in Sherpur on Wednesday. Police fired tear gas shells and "
                              "rubber bullets after the clash erupted near the rally."),
    # a base "briefly captured" and retaken the same day: control did not change, it was a fight
    ("Armed clash", "Militants killed 12 soldiers and briefly captured a military base near Afgooye on "
                    "Thursday. The army recaptured the base when reinforcements arrived."),
    ("Non-state actor overtakes territory", "Militants captured a military base near Afgooye on Thursday "
                                            "after heavy fighting with soldiers."),
    # the aim of an offensive is no recapture
    ("Shelling/artillery/missile attack", "A missile hit the base in Marib on Monday, killing five soldiers. "
                                          "The base oversees an offensive aimed at recapturing the capital."),
    # a generic strike word beside a clear weapon names no other weapon
    ("Shelling/artillery/missile attack", "A Russian missile strike hit the centre of Kramatorsk on Tuesday, "
                                          "killing one person. Officials said Russian forces have intensified "
                                          "long-distance strikes on the city."),
    # "villagers formed vigilante gangs" names a defence group, not a mob's act
    ("Attack", "Gunmen stormed Magami village on Saturday and shot dead 17 villagers. Villages in the area have "
               "for years been wracked by cattle rustling, prompting residents to form vigilante gangs."),
]


@pytest.mark.model
@pytest.mark.parametrize("expected,text", FRESH_CASES)
def test_classify_fresh_report_classes(analyse_text, expected, text):
    result = _code(analyse_text, text)
    assert result is not None and result[1] == expected, (text, result and result[1])


def test_classify_a_page_date_is_no_match_score():
    """The sports cue's score pattern ("won 3-1") does not read the month and day of a page date."""
    from eventcoder.extract.what.trigger_lexicon import load_lexicon

    patterns = load_lexicon("en").cues["sports"]["_patterns"]
    assert not any(rx.search("date 2023-11-15 At least 40 people were injured") for rx in patterns)
    assert any(rx.search("the league leaders won 3-1 on Sunday") for rx in patterns)


@pytest.mark.parametrize("cue,lang,title,text", [
    ("court", "ar", "حكم بسجن عشرة رجال أدينوا بتنفيذ تفجير",
     "قضت محكمة جنايات اليوم بسجن عشرة رجال بعد إدانتهم في قضية تفجير سوق في المدينة."),
    ("court", "ru", "Суд вынес приговор участникам нападения",
     "Суд приговорил четырех обвиняемых к пожизненному лишению свободы за нападение на полицейский пост."),
    ("anniversary", "ru", "Город хранит память о жертвах теракта",
     "В городе начались траурные мероприятия в память о погибших в 2004 году при захвате школы."),
    ("drill", "fr", "Fusillade et otages: l'armée s'entraîne pour une attaque terroriste",
     "L'exercice a débuté lundi: une simulation d'attaque terroriste pilotée depuis Rennes."),
])
def test_classify_negative_cues_veto_in_other_languages(analyse_text, cue, lang, title, text):
    ana = analyse_text(text, title=title, lang=lang)
    assert report_negative_cue(ana) == cue
    assert classify(find_triggers(ana), ana, []) is None


@pytest.mark.parametrize("text", [
    "Около трехсот человек задержаны на несанкционированной акции в центре Петербурга в понедельник.",
    "Полиция задержала шестерых участников флешмоба у смотровой площадки в Москве.",
])
def test_classify_russian_protesters_detained_are_a_protest_with_intervention(analyse_text, text):
    decided = _code(analyse_text, text, lang="ru")
    assert decided is not None and decided[1] == "Protest with intervention"


def test_classify_a_headline_line_ending_in_review_is_a_film_review(analyse_text):
    text = "'Warlords' Review\nI first saw this movie last week, and the battle stayed with me for days."
    ana = analyse_text(text)
    assert report_negative_cue(ana) == "film"


def test_classify_an_accident_told_beside_a_militant_attack_is_no_veto(analyse_text):
    text = ("At least seven soldiers were killed on Thursday in a militant attack near Tillaberi, while five "
            "others died in a traffic accident on their way to the scene, the defence ministry said.")
    assert report_negative_cue(analyse_text(text, title="Niger militant attack kills soldiers")) is None
