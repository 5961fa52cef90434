"""find_triggers(): lexicon matches, exact spans, negation/hypothetical flags, negative cues.

Sentences are written for these tests; add a row to extend a table.
"""
from __future__ import annotations

import pytest

from eventcoder.errors import DataFileError
from eventcoder.extract.base import Analysis
from eventcoder.extract.classify import classify
from eventcoder.extract.trigger_lexicon import Lexicon, load_lexicon
from eventcoder.extract.triggers import find_triggers
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
    from eventcoder.extract.triggers import report_cue
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
