"""find_triggers(): lexicon matches, exact spans, negation/hypothetical flags, negative cues.

Sentences are written for these tests; add a row to extend a table.
"""
from __future__ import annotations

import pytest

from eventcoder.errors import DataFileError
from eventcoder.extract.base import Analysis
from eventcoder.extract.what.classify import classify
from eventcoder.extract.what.trigger_lexicon import Lexicon, load_lexicon
from eventcoder.extract.what.triggers import find_triggers
from eventcoder.nlp import split_sentences
from eventcoder.schema import SUB_EVENT_TYPES, Document
from tests.conftest import assert_spans


def _lexicon_only(text: str, lang: str) -> Analysis:
    """An Analysis without a parse (the path every non-English report takes)."""
    doc = Document(text=text, lang=lang)
    return Analysis(document=doc, lang=lang, sentences=split_sentences(text, lang), spacy_doc=None)


def _found(triggers, phrase):
    return [t for t in triggers if t.span.text.lower() == phrase.lower()]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "ru"])
def test_triggers_lexicon_loads_and_is_valid(lang):
    lex = load_lexicon(lang)
    assert lex.lang == lang
    assert lex.entries and all(0 < e.weight <= 1 for e in lex.entries)


def test_triggers_english_lexicon_covers_every_sub_type():
    subs = {e.sub_event_type for e in load_lexicon("en").entries if e.sub_event_type}
    assert subs == set(SUB_EVENT_TYPES)


@pytest.mark.parametrize("data,message", [
    ({"sub_event_types": {"Airstrike": {"acts": {"air strike": 0.9}}}}, "unknown sub-event type"),
    ({"sub_event_types": {"Grenade": {"acts": {"grenade": 3}}}}, "must be in (0, 1]"),
    ({"resolve": {"x": {"terms": {"hit": 0.5}, "rules": [{"if": ["nowhere"], "then": "Attack"}]}}},
     "context group 'nowhere'"),
    ({"negation": {"words": [False, "not"]}}, "quote YAML keywords"),
])
def test_triggers_bad_lexicon_raises_with_path(data, message):
    with pytest.raises(DataFileError) as info:
        Lexicon(data, "lexicons/xx/triggers.yaml")
    assert message in str(info.value) and "lexicons/xx/triggers.yaml" in str(info.value)


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,sub", [
    ("A suicide bomber blew himself up outside a hotel in Mogadishu.", "blew himself up", "Suicide bomb"),
    ("Russian drones struck Kharkiv overnight.", "drones struck", "Air/drone strike"),
    ("Gunmen opened fire on a minibus near Jos.", "opened fire", "Attack"),
    ("Fighters took control of the town of Masisi.", "took control of", "Non-state actor overtakes territory"),
    ("Police fired tear gas at the crowd in Harare.", "tear gas", "Protest with intervention"),
    ("Searchers found bodies in clandestine graves near Tlaquepaque.", "clandestine graves", "Other"),
    ("Troops defused a roadside bomb near Baidoa.", "roadside bomb", "Disrupted weapons use"),
    ("Police used stun grenades to break up the march.", "stun grenades", "Protest with intervention"),
])
def test_triggers_multiword_and_inflected(analyse_text, text, phrase, sub):
    ana = analyse_text(text)
    trig = find_triggers(ana)
    assert_spans(ana.text, [t.span for t in trig])
    assert [t.sub_event_type for t in _found(trig, phrase)] == [sub]


@pytest.mark.model
def test_triggers_sorted_with_document_offsets(analyse_text):
    text = "MOGADISHU — Police arrested two men.\n\nLater a roadside bomb exploded near a market."
    ana = analyse_text(text)
    trig = find_triggers(ana)
    assert [t.span.start for t in trig] == sorted(t.span.start for t in trig)
    assert_spans(text, [t.span for t in trig])
    bomb = _found(trig, "roadside bomb")[0]
    assert bomb.sentence == ana.sentence_at(bomb.span.start).index


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,negated,hypothetical", [
    ("Militants did not attack the convoy.", "attack", True, False),
    ("There was no air strike on the village, officials said.", "air strike", True, False),
    ("The army denied shelling the market.", "shelling", True, False),
    ("The rebels threatened to attack Goma.", "attack", False, True),
    ("Officials fear the militia could abduct more children.", "abduct", False, True),
    ("Elders warned of a possible attack on the camp.", "attack", False, True),
    ("If talks fail, the army will launch air strikes.", "air strikes", False, True),
    ("The group plans to kidnap foreign workers.", "kidnap", False, True),
    ("Gunmen abducted two nurses in Kaduna on Sunday.", "abducted", False, False),
    # a past act told as uncertain happened as far as the report knows (certainty says how sure) ...
    ("Reports said jihadists may have attacked a post near Tessalit.", "attacked", False, False),
    # ... a counterfactual did not
    ("Jihadists would have attacked the post had the army not intervened.", "attacked", False, True),
])
def test_triggers_negation_and_hypothetical(analyse_text, text, phrase, negated, hypothetical):
    (t,) = _found(find_triggers(analyse_text(text)), phrase)
    assert (t.negated, t.hypothetical) == (negated, hypothetical)


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,cue", [
    ("The striker's attack on goal late in the match won the league title.", "attack", "sports"),
    ("Defence stocks rallied as investors bought shares after the missile strike.", "missile strike", "markets"),
    ("Troops fired artillery at a simulated enemy position during the drill.", "artillery", "drill"),
    ("The film's director restages the ambush in a tense opening scene.", "ambush", "film"),
    ("Survivors gathered at the memorial to commemorate the bombing.", "bombing", "anniversary"),
    ("The court sentenced him to life for the 2014 suicide bombing.", "suicide bombing", "court"),
    ("A tropical storm killed three people in Pemba.", "killed", "weather"),
    ("Hundreds protested in Sanaa against the air strikes.", "air strikes", "protest_topic"),
])
def test_triggers_sentence_negative_cues(analyse_text, text, phrase, cue):
    (t,) = _found(find_triggers(analyse_text(text, published="2025-06-01")), phrase)
    assert t.negative_cue == cue


@pytest.mark.model
def test_triggers_recent_court_case_is_not_cued(analyse_text):
    ana = analyse_text("Gunmen attacked the court in Mogadishu, killing two guards.", published="2025-06-01")
    assert all(t.negative_cue is None for t in find_triggers(ana))


@pytest.mark.parametrize("lang,text,sub", [
    ("en", "Soldiers clashed with rebels near Goma.", "Armed clash"),
    ("en", "A roadside bomb killed four soldiers near Gao.", "Remote explosive/landmine/IED"),
    ("fr", "Au moins douze soldats ont été tués dans une embuscade près de Boni.", "Armed clash"),
    ("fr", "La police a dispersé les manifestants à coups de gaz lacrymogène à Dakar.", "Protest with intervention"),
    ("es", "Hombres armados secuestraron a un periodista en Culiacán.", "Abduction/forced disappearance"),
    ("es", "Un enfrentamiento armado entre dos facciones dejó siete muertos.", "Armed clash"),
    ("ar", "قُتل خمسة مدنيين في غارة جوية على سوق في نيالا.", "Air/drone strike"),
    ("ar", "اندلعت اشتباكات عنيفة بين الجيش ومسلحين قرب دير الزور.", "Armed clash"),
    ("ru", "Беспилотник атаковал автомобиль на окраине Белгорода.", "Air/drone strike"),
    ("ru", "Полиция задержала участников акции протеста у собора.", "Protest with intervention"),
])
def test_triggers_lexicon_path_without_parse(lang, text, sub):
    ana = _lexicon_only(text, lang)
    trig = find_triggers(ana)
    assert_spans(text, [t.span for t in trig])
    result = classify(trig, ana, [])
    assert result is not None and result[1] == sub, [(t.span.text, t.sub_event_type) for t in trig]


@pytest.mark.parametrize("lang,text", [
    ("en", "Militants did not attack the convoy."),
    ("fr", "Les rebelles pourraient attaquer la ville."),
    ("es", "El grupo no atacó el convoy."),
])
def test_triggers_lexicon_path_negation(lang, text):
    ana = _lexicon_only(text, lang)
    trig = find_triggers(ana)
    assert trig and all(t.negated or t.hypothetical for t in trig)
    assert classify(trig, ana, []) is None


def test_triggers_word_boundaries_on_lexicon_path():
    # "mobile" must not fire "mob", "shareholders" is not "share" + "holders"
    assert find_triggers(_lexicon_only("A mobile clinic opened in Bossaso.", "en")) == []


@pytest.mark.model
@pytest.mark.parametrize("text,phrase", [
    ("The militia has carried out frequent bombings in the region.", "bombings"),
    ("Officials say the group remains capable of launching attacks.", "attacks"),
    ("The raid followed a wave of kidnappings along the highway.", "kidnappings"),
    ("Drones have long been used by both sides.", "drones"),
    ("A drone operator spoke to reporters in Lviv.", "drone"),
    ("The group routinely abducts travellers on the road.", "abducts"),
    ("Survivors of the 2013 bombing met the minister.", "bombing"),
    ("The rebels have seized a large part of the province in recent months.", "seized"),
    ("The meeting was held amid ongoing and widespread protests against land grabbing.", "protests"),
    ("Gunmen killed 20 people in a village of Jonglei, a state notorious for ethnic fighting and cattle raids.",
     "fighting"),
    ("Gunmen killed 20 people in a village of Jonglei, a state notorious for ethnic fighting and cattle raids.",
     "raids"),
    ("Recently, the breakaway faction signed a peace deal with the government in the capital.", "peace deal"),
])
def test_triggers_generic_statements_are_cued(analyse_text, text, phrase):
    (t,) = _found(find_triggers(analyse_text(text, published="2025-06-01")), phrase)
    assert t.negative_cue == "generic"


@pytest.mark.model
def test_triggers_aim_of_an_operation_is_hypothetical(analyse_text):
    ana = analyse_text("Troops launched an operation to recapture the town of Kidal.")
    (t,) = _found(find_triggers(ana), "recapture")
    assert t.hypothetical


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,sub", [
    ("Army units recaptured the town of Sake on Monday.", "recaptured", "Government regains territory"),
    ("Rebels said the movement had liberated the town.", "liberated", "Non-state actor overtakes territory"),
    ("Engineers dismantled two roadside bombs near Kismayo.", "dismantled", "Disrupted weapons use"),
])
def test_triggers_retake_and_dismantle_resolve_by_context(analyse_text, text, phrase, sub):
    assert [t.sub_event_type for t in _found(find_triggers(analyse_text(text)), phrase)] == [sub]


@pytest.mark.model
def test_triggers_dismantling_a_network_is_no_event(analyse_text):
    ana = analyse_text("The new unit will help dismantle the cartel's financial network.")
    assert _found(find_triggers(ana), "dismantle") == []


@pytest.mark.model
def test_triggers_negated_subject(analyse_text):
    (t,) = _found(find_triggers(analyse_text("Neither side has shown interest in a ceasefire.")), "ceasefire")
    assert t.negated or t.hypothetical


@pytest.mark.model
def test_triggers_reference_and_victim_flags(analyse_text):
    ana = analyse_text("The attack was condemned. Gunmen killed four villagers in Zamfara. "
                       "Two farmers were killed in the crossfire.")
    trig = find_triggers(ana)
    assert _found(trig, "attack")[0].definite
    first, second = _found(trig, "killed")
    assert first.civilian and not second.civilian


# ------------------------------------------------------------------ wider vocabulary and scope


def _live(triggers, sub=None):
    return [t for t in triggers if not (t.negated or t.hypothetical or t.negative_cue)
            and (sub is None or t.sub_event_type == sub)]


@pytest.mark.model
@pytest.mark.parametrize("text,sub", [
    ("Government aircraft dropped four glide bombs on a market in Sumy on Friday.", "Air/drone strike"),
    ("Gunmen set fire to a health centre in Kumba overnight; nobody was hurt.", "Looting/property destruction"),
    ("Heavy fighting between the army and rebels raged around Kalehe on Sunday.", "Armed clash"),
    ("The separatists ordered a lockdown across the Northwest region from Monday.", "Change to group/activity"),
])
def test_triggers_new_english_terms(analyse_text, text, sub):
    assert _live(find_triggers(analyse_text(text)), sub)


@pytest.mark.model
@pytest.mark.parametrize("text,word", [
    ("An air raid alert sounded across Lviv for two hours on Tuesday.", "air raid"),
    ("Air strikes have become the junta's main tactic in Sagaing.", "air strikes"),
    ("Small rebel units continue to raid farms around Beni.", "raid"),
    ("Since 2022, hundreds of fighters have surrendered in Cabo Delgado.", "surrendered"),
    ("The militia has been trying to capture the town of Masisi for months.", "capture"),
    ("Gao has been the scene of repeated fighting between armed groups.", "fighting"),
])
def test_triggers_habits_attempts_and_alerts_are_not_events(analyse_text, text, word):
    found = [t for t in find_triggers(analyse_text(text)) if word in t.span.text.lower()]
    assert not _live(found)


@pytest.mark.model
def test_triggers_anniversary_cue_only_hits_what_is_commemorated(analyse_text):
    text = ("Police fired tear gas at students marching through Dhaka on Friday to mark the "
            "anniversary of the 2013 factory collapse.")
    trigs = find_triggers(analyse_text(text))
    assert _live(trigs, "Protest with intervention")


@pytest.mark.parametrize("lang,text,cue", [
    ("es", "Reseña: la película del director bogotano narra una masacre en el Cauca. "
           "La actriz protagonista sostiene cada escena del guion.", "film"),
    ("fr", "Le jeu de plateau « Savane en feu » propose aux joueurs de lancer des dés pour mener "
           "des embuscades. Chaque partie dure une heure.", "game"),
])
def test_triggers_reviews_and_games_are_vetoed_in_other_languages(lang, text, cue):
    from eventcoder.extract.what.triggers import report_cue
    assert report_cue(_lexicon_only(text, lang)) == cue


@pytest.mark.parametrize("lang,text,sub", [
    ("es", "Disidentes lanzaron un hostigamiento contra la estación de policía de Suárez.", "Armed clash"),
    ("fr", "Des hommes armés ont mis le feu à une école de Bamenda.", "Looting/property destruction"),
    ("ar", "أعلن الجيش أن دفاعاته أسقطت ثلاث طائرات مسيرة فوق مدينة كسلا.", "Disrupted weapons use"),
])
def test_triggers_new_terms_other_languages(lang, text, sub):
    assert [t for t in find_triggers(_lexicon_only(text, lang)) if t.sub_event_type == sub]


@pytest.mark.model
@pytest.mark.parametrize("text,kept", [
    ("The gunmen went from house to house, shooting into the air.", []),
    ("Soldiers fired shots in the air before leaving the market.", []),
    ("The gunmen fired into the air, then shot dead two farmers.", ["shot dead"]),
])
def test_triggers_shots_in_the_air_are_no_attack(analyse_text, text, kept):
    ana = analyse_text(text)
    assert [t.span.text for t in find_triggers(ana) if t.sub_event_type] == kept


@pytest.mark.parametrize("lang,text,sub", [
    ("fr", "Des milliers de personnes ont manifesté samedi à Dakar contre la vie chère.", "Peaceful protest"),
    ("es", "Miembros del ELN atacaron una estación en Arauca el sábado; murió un agente.", "Attack"),
])
def test_triggers_verb_forms_other_languages(lang, text, sub):
    ana = _lexicon_only(text, lang)
    assert sub in {t.sub_event_type for t in find_triggers(ana)}


# ------------------------------------------------------------------ unseen-report probes (helper round)


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,sub", [
    # "by" names the agent of a noun: gunmen are not the patient of "an attack by gunmen on a village"
    ("The toll from an attack by gunmen on a village in Benue on Sunday rose to 43.", "attack", "Attack"),
    # the noun "killing" (its lemma is not "kill") with an armed agent
    ("The killing of a village chief by suspected jihadists on Sunday sent hundreds fleeing.",
     "killing", "Attack"),
    # people seized or snatched are abducted; a snatched phone is no abduction (below)
    ("Suspected bandits seized a local chief and his two wives in Katsina on Sunday.", "seized",
     "Abduction/forced disappearance"),
    ("Armed men snatched a Catholic priest from his parish in Kaduna late on Friday.", "snatched",
     "Abduction/forced disappearance"),
    # burning homes with nobody hurt destroys property; burning people is an attack
    ("Fighters torched dozens of homes in the village of Kulu on Monday.", "torched",
     "Looting/property destruction"),
    # a suicide car bombing is a suicide bomb, not only a "bombing"
    ("The death toll from Friday's suicide car bombing at a hotel in Mogadishu rose to 21.",
     "suicide car bombing", "Suicide bomb"),
    ("A car bombing outside a police station in Quetta wounded six people.", "car bombing",
     "Remote explosive/landmine/IED"),
    # the parse reads "missiles fired overnight" as a clause; the verb before the phrase decides
    ("Ukraine's air force said it had intercepted 12 of 15 Russian missiles fired overnight.",
     "missiles", "Disrupted weapons use"),
])
def test_triggers_unseen_report_phrasing(analyse_text, text, phrase, sub):
    found = _found(find_triggers(analyse_text(text)), phrase)
    assert [t.sub_event_type for t in found] == [sub]


@pytest.mark.model
def test_triggers_snatched_things_are_no_abduction(analyse_text):
    trig = find_triggers(analyse_text("A thief snatched a phone from a trader at the market."))
    assert _found(trig, "snatched") == []


@pytest.mark.model
@pytest.mark.parametrize("text,word", [
    # a habit adverb on the verb a to-infinitive completes, a count "over the past three years"
    ("Over the past three years armed groups have increasingly used drones to attack army positions.",
     "attack"),
    ("Armed groups have increasingly used drones to attack army positions.", "attack"),
    # "the drone war" names no strike
    ("Why Sahel jihadists are winning the drone war.", "drone"),
    # an explosion from a gas leak is an accident
    ("A massive explosion caused by a gas leak tore through a building in Beirut on Friday.",
     "explosion"),
])
def test_triggers_tallies_labels_and_accidents_are_not_events(analyse_text, text, word):
    found = [t for t in find_triggers(analyse_text(text)) if t.span.text.lower() == word]
    assert found and not _live(found)


@pytest.mark.model
def test_triggers_described_definite_noun_opens_the_report(analyse_text):
    ana = analyse_text("The shelling of a crowded market in Kupiansk on Monday killed five people. "
                       "The shelling was condemned.")
    first, second = _found(find_triggers(ana), "shelling")
    assert not first.definite and second.definite
    (bare,) = _found(find_triggers(analyse_text("The attack was condemned by the governor.")), "attack")
    assert bare.definite


@pytest.mark.model
@pytest.mark.parametrize("text,word", [
    # a bare plural under an involvement noun names a kind of act
    ("The State Department designated the group a terrorist organisation, citing its role in "
     "attacks on civilians.", "attacks"),
    # an agreement already made is referred to, not concluded
    ("The UN called on all sides to respect the ceasefire agreed last year.", "ceasefire"),
    # a weapon tested, made or traded is no attack
    ("Russia said it had test-launched a new intercontinental ballistic missile on Wednesday.",
     "ballistic missile"),
    ("Iran supplied hundreds of drones to Russia last year, officials said.", "drones"),
    # what a denied report says did not happen as far as the report goes
    ("The army denied reports that its troops had killed civilians in Zamfara.", "killed"),
    # a fuel tanker blast on a highway is a road accident
    ("At least 12 people were killed when a fuel tanker exploded on a highway, the road safety "
     "agency said.", "exploded"),
    # troops described by where they were sent are no deployment
    ("The general visited soldiers deployed under the African Union mission in Lamu County.", "deployed"),
])
def test_triggers_involvement_references_trade_and_denials_are_not_events(analyse_text, text, word):
    found = [t for t in find_triggers(analyse_text(text)) if t.span.text.lower() == word]
    assert found and not _live(found)


@pytest.mark.model
@pytest.mark.parametrize("text,sub", [
    # an off-duty soldier or a prisoner cannot fight back: killing them is an attack (§1.6)
    ("Gunmen killed an off-duty soldier at his home in Zamfara on Sunday.", "Attack"),
    ("Militiamen shot dead two prisoners of war near Bakhmut.", "Attack"),
    ("Militants attacked an army base near Mopti on Sunday.", "Armed clash"),
])
def test_triggers_unarmed_soldiers_are_civilian_victims(analyse_text, text, sub):
    live = _live(find_triggers(analyse_text(text)))
    assert [t.sub_event_type for t in live] == [sub]


@pytest.mark.parametrize("lang,text,phrase,sub", [
    # without a parse the patient is what follows the verb: "rebels killed 18 civilians"
    ("fr", "Des rebelles ADF ont tué au moins 18 civils près de Beni.", "tué", "Attack"),
    ("es", "Sicarios mataron a un periodista frente a su casa en Guerrero.", "mataron", "Attack"),
    # "violer" a person is rape; the verb alone no longer decides
    ("fr", "Des hommes armés ont violé au moins dix femmes dans un village.", "violé", "Sexual violence"),
    ("es", "Pandilleros violaron a una adolescente en San Pedro Sula.", "violaron", "Sexual violence"),
    # a date between the verb and "le contrôle"
    ("fr", "L'armée a repris jeudi le contrôle de la localité de Kitshanga.", "repris",
     "Government regains territory"),
    ("fr", "Des militaires ont pris le pouvoir mercredi au Niger.", "pris le pouvoir", "Other"),
    ("es", "Guerrilleros del ELN emboscaron una patrulla militar en Arauca.", "emboscaron", "Armed clash"),
    ("es", "Manifestantes quemaron neumáticos frente a la alcaldía de Quito.", "quemaron neumáticos",
     "Violent demonstration"),
    ("ar", "تظاهر مئات الأشخاص يوم السبت في العاصمة تونس.", "تظاهر", "Peaceful protest"),
    # a weapon right after a disruption verb (given as a stem) is Disrupted weapons use
    ("fr", "Les soldats ont désamorcé un engin explosif improvisé sur la route de Gao.",
     "engin explosif improvisé", "Disrupted weapons use"),
    ("es", "Soldados desactivaron un artefacto explosivo en una vía del Cauca.", "artefacto explosivo",
     "Disrupted weapons use"),
    ("ru", "Силы ПВО сбили 20 беспилотников над областью ночью.", "беспилотников", "Disrupted weapons use"),
    ("ar", "أعلن الجيش أن دفاعاته الجوية أسقطت ثلاث طائرات مسيرة فوق عطبرة.", "طائرات مسيرة",
     "Disrupted weapons use"),
])
def test_triggers_lexicon_only_phrasing(lang, text, phrase, sub):
    found = _found(find_triggers(_lexicon_only(text, lang)), phrase)
    assert [t.sub_event_type for t in found] == [sub]


@pytest.mark.parametrize("lang,text,phrase", [
    ("fr", "Les rebelles ont violé le cessez-le-feu à plusieurs reprises.", "violé"),
    ("fr", "Les combats ont repris dans la soirée.", "repris"),
    ("es", "Los bomberos controlaron el incendio, informaron las autoridades.", "bomberos"),
    ("es", "El grupo violó el acuerdo de paz, según el gobierno.", "violó"),
])
def test_triggers_lexicon_only_non_events(lang, text, phrase):
    assert _found(find_triggers(_lexicon_only(text, lang)), phrase) == []


@pytest.mark.model
@pytest.mark.parametrize("text,word", [
    # weapons that are ordered, or what cities are protected from, are no attack
    ("BAE Systems shares rose 4% after the group reported record orders for artillery shells.",
     "artillery"),
    ("Zelenskiy urged allies to send air defence systems to protect cities from Russian missile and "
     "drone attacks.", "drone attacks"),
    # the participle describes an act told elsewhere
    ("The president ordered security chiefs to rescue kidnapped schoolchildren.", "kidnapped"),
    # a relative clause of an old massacre is as old as the massacre
    ("A 1999 massacre in which 45 villagers were killed is the subject of a new book.", "killed"),
    # road accidents and private quarrels are no political violence
    ("A bus plunged into a ravine in Dhading on Sunday, killing 12 passengers.", "killing"),
    ("A man shot dead his wife and two children before turning the gun on himself.", "shot dead"),
    ("A 19-year-old was stabbed to death in a street fight in south London on Saturday.",
     "stabbed to death"),
])
def test_triggers_orders_descriptions_accidents_and_crime_are_not_events(analyse_text, text, word):
    found = [t for t in find_triggers(analyse_text(text)) if t.span.text.lower() == word]
    assert found and not _live(found)


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,sub", [
    ("Unknown assailants sprayed a car with bullets in Peshawar on Wednesday.", "with bullets", "Attack"),
    ("Masked men bundled him into a van in Kharkiv on Monday.", "bundled him into",
     "Abduction/forced disappearance"),
    ("Armenia and Azerbaijan agreed on Friday to exchange prisoners of war.", "exchange prisoners",
     "Agreement"),
    ("About 200 fighters handed themselves over to the army in Beni on Monday.",
     "handed themselves over", "Agreement"),
])
def test_triggers_more_wire_idioms(analyse_text, text, phrase, sub):
    found = _found(find_triggers(analyse_text(text)), phrase)
    assert [t.sub_event_type for t in _live(found)] == [sub]


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,sub", [
    # soldiers that come under attack fight back; civilians that do are attacked
    ("Malian soldiers came under attack by separatist rebels near Kidal on Sunday.",
     "came under attack", "Armed clash"),
    ("Worshippers came under attack by gunmen near Tera on Sunday.", "came under attack", "Attack"),
    # a military strike noun; a labour strike is none (below)
    ("U.S. strikes on the port of Hodeidah killed at least 38 people on Thursday.", "strikes",
     "Air/drone strike"),
    # a march whose purpose is to protest is a protest
    ("Farmers drove hundreds of tractors into central Brussels on Thursday to protest against EU "
     "trade policy.", "protest", "Peaceful protest"),
    # a bomb squad that safely detonates a mortar round disrupts it
    ("Bomb disposal experts safely detonated an unexploded mortar round near Sinjar on Tuesday.",
     "mortar", "Disrupted weapons use"),
])
def test_triggers_targets_strikes_and_purpose(analyse_text, text, phrase, sub):
    found = _found(find_triggers(analyse_text(text)), phrase)
    assert [t.sub_event_type for t in _live(found)] == [sub]


@pytest.mark.model
@pytest.mark.parametrize("text,word", [
    ("Teachers began a strike over unpaid salaries in Lagos on Monday.", "strike"),
    ("The health system has been devastated by months of bombing.", "bombing"),
    ("Bomb disposal experts safely detonated an unexploded mortar round near Sinjar.", "detonated"),
])
def test_triggers_labour_strikes_and_months_of_bombing_are_not_events(analyse_text, text, word):
    assert not _live(t for t in find_triggers(analyse_text(text)) if t.span.text.lower() == word)


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,sub", [
    # "struck"/"hit" as verbs: a state force striking targets is an air strike unless the weapon
    # says otherwise; a claim's pronoun ("said it had struck") stands for the sayer
    ("The Israeli military struck Hezbollah infrastructure in southern Lebanon on Monday.",
     "struck", "Air/drone strike"),
    ("Israel struck Hezbollah positions near Tyre on Tuesday.", "struck", "Air/drone strike"),
    ("The Pakistani military said it had struck militant hideouts in North Waziristan on Monday.",
     "struck", "Air/drone strike"),
    ("Russian forces hit an energy facility with missiles in Lviv on Monday.", "hit",
     "Shelling/artillery/missile attack"),
    ("Gunmen struck a police post in Zamfara on Monday.", "struck", "Armed clash"),
    # "blow up": explosives set off on a target; a cache blown up is disrupted; a state force
    # demolishing a house destroys property
    ("Militants blew up a railway track near Mach on Monday.", "blew up",
     "Remote explosive/landmine/IED"),
    ("Hamas's armed wing said its fighters had blown up an Israeli tank in Rafah on Friday.",
     "blown up", "Remote explosive/landmine/IED"),
    ("A railway track was blown up near Sibi on Monday.", "blown up", "Remote explosive/landmine/IED"),
    ("Soldiers blew up a weapons cache near Kidal on Monday.", "blew up", "Disrupted weapons use"),
    ("The army blew up the house of the attacker in Jenin on Monday.", "blew up",
     "Looting/property destruction"),
    # a bombing by aircraft is an air strike; a bare bombing is a planted bomb
    ("The Israeli air force carried out a bombing in Gaza City on Monday.", "bombing",
     "Air/drone strike"),
    ("Nigerian Air Force jets bombed a militant camp near Maiduguri on Sunday.", "bombed",
     "Air/drone strike"),
    ("Militants bombed a bus near Quetta on Monday, killing five.", "bombed",
     "Remote explosive/landmine/IED"),
    # fresh bodies found or dumped are victims of an attack
    ("Police found the bodies of 11 men in a ravine near Culiacán on Sunday.", "bodies", "Attack"),
    ("The bodies of four men were found dumped by a road near Uruapan on Monday.", "bodies", "Attack"),
])
def test_triggers_strike_blow_up_bombing_and_bodies(analyse_text, text, phrase, sub):
    found = _found(find_triggers(analyse_text(text)), phrase)
    assert [t.sub_event_type for t in _live(found)] == [sub]


@pytest.mark.model
@pytest.mark.parametrize("text,word", [
    ("Thousands of teachers struck across Kenya on Monday demanding higher pay.", "struck"),
    ("The army struck a deal with tribal elders in Mogadishu on Monday.", "struck"),
    ("Two farmers were struck by lightning near Gulu on Sunday.", "struck"),
    ("Messi struck the ball into the top corner in Miami on Saturday.", "struck"),
    ("The storm hit the town of Beira on Sunday.", "hit"),
    ("The government hit the city with new taxes on Monday.", "hit"),
    ("The row blew up in parliament in Nairobi on Tuesday.", "blew up"),
    ("Rescuers found the bodies of 11 people after the landslide near Bududa on Sunday.", "bodies"),
    ("The bodies of 30 migrants washed up on a beach near Sabratha on Monday.", "bodies"),
    ("The governing body of the league met in Lagos on Monday.", "body"),
    ("Houthi rebels fired a missile at a US aircraft carrier on Sunday.", "aircraft"),
])
def test_triggers_struck_hit_blow_up_bodies_negatives(analyse_text, text, word):
    assert not _live(t for t in find_triggers(analyse_text(text)) if t.span.text.lower() == word)


def test_search_reads_pos_of_the_sentence_slices_own_tokens():
    """Stream owners are document token indices: a later sentence's slice must be POS-checked on
    its own tokens (a crash on long real reports, and a wrong token's POS on short ones)."""
    import ahocorasick

    from eventcoder.extract.what.trigger_lexicon import Entry, Token, search

    auto = ahocorasick.Automaton()
    auto.add_word(" attack ", (" attack ", [Entry(term="attack/NOUN", weight=1.0)]))
    auto.make_automaton()
    lex = Lexicon({"lang": "en"}, "test")
    sentence = [Token(40 + i, 0, 0, w, w, pos) for i, (w, pos) in
                enumerate([("the", "DET"), ("attack", "NOUN"), ("ended", "VERB")])]
    assert [(f, l) for f, l, _ in search(auto, sentence, lex.streams(sentence))] == [(41, 41)]
    sentence[1].pos = "VERB"  # "they attack": the noun entry must not match the verb
    assert search(auto, sentence, lex.streams(sentence)) == []


def _titled(text: str, lang: str, title: str) -> Analysis:
    doc = Document(text=text, lang=lang, title=title)
    return Analysis(document=doc, lang=lang, sentences=split_sentences(text, lang), spacy_doc=None)


@pytest.mark.parametrize("lang,title,text,cue", [
    ("en", "Grocer launches hostile bid in supermarket war",
     "The grocer said its takeover offer would win the battle for shoppers. Rival retailer shareholders "
     "called the bid an attack on the company's customers.", "business"),
    ("en", "Why your cloud needs a firewall strategy",
     "Threat actors launch ransomware attacks every day. Cybersecurity teams must harden each endpoint "
     "and encrypt every password.", "cyber"),
    ("en", "Gulf state to buy air-defence batteries",
     "The ministry will purchase missile interceptors in a $4 billion arms deal with an American "
     "manufacturer, officials said. The contract covers delivery over five years.", "arms_trade"),
    ("en", "Tanks roll down the avenue on Republic Day",
     "Howitzers and rifles were on display in the military parade, which ended with a 21-gun salute "
     "and a flypast. Tableaux from every state followed the march-past.", "drill"),
    ("en", "Veterans gather for 75th anniversary of the landings",
     "Ceremonies were held on the beaches to mark the 75th anniversary of the invasion. Veterans laid "
     "wreaths at the memorial.", "anniversary"),
    ("es", "Las goleadas más grandes del clásico",
     "El equipo ganó 6-0 en su estadio. Los goles del delantero sellaron la goleada ante la afición.", "sports"),
    ("ar", "تعادل مثير في مباراة الدوري",
     "انتهت المباراة بتعادل بعد أن سجل اللاعب هدفين في الشوط الثاني.", "sports"),
    ("ru", "Лучшие хет-трики РПЛ: перестрелка двух нападающих",
     "Нападающий оформил хет-трик в дебютном матче. Болельщики клуба запомнили этот сезон.", "sports"),
])
def test_triggers_war_words_about_something_else_veto_the_report(lang, title, text, cue):
    from eventcoder.extract.what.triggers import report_cue
    assert report_cue(_titled(text, lang, title)) == cue


@pytest.mark.parametrize("lang,title,text", [
    ("en", "Suicide bomber kills 20 at football stadium",
     "A suicide bomber blew himself up at a football match in the city stadium on Sunday, killing 20 "
     "fans. The league suspended all games."),
    ("en", "Gunmen kill guards at supermarket warehouse",
     "Gunmen shot dead three guards at a supermarket warehouse on Monday, police said. The company's "
     "shareholders and customers were told the store would close."),
    # no headline; the first sentence tells a clear act, the rest is about football
    ("en", None,
     "Police arrested two men after a coach was shot outside a sports club on Friday. He had been coaching "
     "a youth football team at the stadium; the league's fixtures were called off and the club's players, "
     "fans and the team's striker held a vigil."),
    # "storm" the verb is not the weather
    ("en", "Police fire on demonstrators trying to storm parliament",
     "Police fired live rounds at demonstrators who tried to storm the parliament in the capital, witnesses said."),
    # a protest marking an anniversary is news
    ("en", "Police fire tear gas at protesters marking the anniversary of the 1990 rally",
     "Police fired tear gas at hundreds of protesters in the capital on Monday to disperse a march marking "
     "the 35th anniversary of the 1990 pro-democracy rally; organisers laid wreaths at the memorial."),
])
def test_triggers_a_real_attack_in_a_cue_domain_is_not_vetoed(analyse_text, lang, title, text):
    from eventcoder.extract.what.triggers import report_cue
    assert report_cue(analyse_text(text, title=title) if title else analyse_text(text)) is None


def test_triggers_a_film_review_headline_keeps_the_veto_over_a_plot_ambush(analyse_text):
    from eventcoder.extract.what.triggers import report_cue
    text = ("Half an hour into the film, a convoy of soldiers is ambushed in a riverbed and the director stages "
            "the firefight with a handheld camera. The cinema audience gasped at the premiere.")
    assert report_cue(analyse_text(text, title="Review: 'Dust Road' is a gripping war film")) == "film"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the parse hangs "on a ... community" on the agent of "by": the community is still the target
    "Forty residents died in an attack by unknown gunmen on a farming community in Bassa on Monday.",
    "Gunmen carried out an attack on the market of Kwall on Sunday.",
])
def test_triggers_attack_on_a_community_targets_civilians(analyse_text, text):
    (t,) = _found(find_triggers(analyse_text(text)), "attack")
    assert t.civilian


@pytest.mark.model
def test_triggers_failed_act_did_not_happen(analyse_text):
    ana = analyse_text("After failing to capture the capital at the outset, the army shifted to a campaign "
                       "of bombardments. Gunmen failed to stop at a checkpoint and opened fire on soldiers.")
    (capture,) = _found(find_triggers(ana), "capture")
    assert capture.hypothetical
    (fire,) = _found(find_triggers(ana), "opened fire")
    assert not fire.hypothetical


@pytest.mark.model
def test_triggers_a_run_of_acts_is_generic(analyse_text):
    """A present perfect over "several convoys" with no date tells a run of acts; the same verb
    with a day tells one incident."""
    ana = analyse_text("The militias have ambushed several army convoys on the roads.")
    (t,) = _found(find_triggers(ana), "ambushed")
    assert t.negative_cue == "generic"
    ana = analyse_text("The militias have ambushed several army convoys near Kalay since Monday morning.")
    (t,) = _found(find_triggers(ana), "ambushed")
    assert t.negative_cue != "generic"


@pytest.mark.model
def test_triggers_support_of_a_force_and_old_territory_are_no_incident(analyse_text):
    ana = analyse_text("Iraqi forces, backed by coalition air strikes, have regained some territory seized "
                       "by the militants in 2014, but have been unable to prevent bomb attacks.")
    trig = find_triggers(ana)
    assert _found(trig, "air strikes")[0].negative_cue == "generic"
    assert _found(trig, "regained")[0].negative_cue == "generic"


@pytest.mark.model
def test_triggers_the_fighting_people_flee_is_no_incident(analyse_text):
    ana = analyse_text("A roadside bomb hit an army convoy in Van province. Thousands of people have fled the fighting.")
    (t,) = _found(find_triggers(ana), "fighting")
    assert t.negative_cue == "generic"
