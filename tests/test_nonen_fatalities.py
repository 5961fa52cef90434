"""Issue 18: death tolls in French, Spanish, Arabic and Russian wording, in sentences written for these
tests (never taken from a report): inflected death words, number words, lists, the figure of the next
verb, a source before the victims, links to other articles, counts of two in the death word itself."""
from __future__ import annotations

import pytest

from eventcoder.extract.howmany.fatalities import count_fatalities

from .conftest import assert_spans

CASES = [
    # Russian: every form of the death words ("умер", "о погибшем"), "could not be saved"
    ("ru", "В результате обстрела села умер мужчина.", 1),
    ("ru", "Губернатор сообщил о погибшем при обстреле поселка.", 1),
    ("ru", "Двух мирных жителей не удалось спасти после удара беспилотника.", 2),
    ("ru", "В результате удара погибли три человека, двое ранены.", 3),
    ("ru", "По данным губернатора, четыре человека погибли при обстреле.", 4),
    ("ru", "Число погибших при обстреле составило 12 человек.", 12),
    # Arabic: "and" as a prefix joins listed victims; the dual death word counts two
    ("ar", "وقال المسعفون إن أربع نساء وثلاثة أطفال قتلوا في القصف.", 7),
    ("ar", "أسفر القصف عن سقوط قتيلين وأكثر من 20 جريحا.", 2),
    ("ar", "وتمكنت فرق الإنقاذ من انتشال 40 جثمانا من تحت الأنقاض.", 40),
    ("ar", "أدى القصف إلى مقتل سبعة آخرين بينهم طفلان وأربع نساء.", 7),
    ("ar", "وبلغ عدد القتلى 15 شخصا بحسب مصادر طبية.", 15),
    # a person noun after the death word is one victim; listed persons add up
    ("ar", "أدى القصف إلى استشهاد سيدة وابنها في المخيم.", 2),
    ("ar", "تسبب القصف بمقتل رجل وامرأة في البلدة.", 2),
    ("ar", "تسبب القصف بمقتل طفل رضيع في البلدة.", 1),
    ("ru", "В результате обстрела погибли мужчина и женщина.", 2),
    # how they were killed stands between the death word and the victims; Arabic dual nouns
    ("fr", "Les assaillants ont tué par balles deux commerçants au marché.", 2),
    ("es", "Los sicarios ultimaron a balazos a un comerciante en el mercado.", 1),
    ("ar", "استشهد فلسطينيان في غارة على المخيم.", 2),
    # a range after the death word, a number listed after dual persons, the victim inside "لقي ... حتفه"
    ("ru", "Погибли от пяти до семи человек, сообщили спасатели.", 5),
    ("ar", "قتل جنديان وثلاثة مسلحين في الاشتباكات.", 5),
    ("ar", "أصيب خمسة أشخاص بجروح ولقي شخص حتفه في الحادث.", 1),
    # Arabic: a singular death noun is one victim; the attackers (the other side) add to the police
    ("ar", "أسفر الانفجار عن قتيل وثلاثة جرحى في السوق.", 1),
    ("ar", "قتل شرطي في الهجوم. كما قتل ثلاثة من المهاجمين في تبادل لإطلاق النار.", 4),
    # the two sides of a fight add up: cartel members and Islamic State fighters are the armed side
    ("es", "Un militar murió en el enfrentamiento. Seis presuntos integrantes del cártel fueron abatidos.", 7),
    ("ar", "قتل شرطيان في الهجوم. وقتل أربعة من عناصر داعش في الاشتباك.", 6),
    # French: a source named before the victims, a vague number after a quotation mark
    ("fr", "Selon une autre source, sept soldats ont été tués lors de la riposte.", 7),
    ("fr", "L'armée précise qu'une « quinzaine de corps de terroristes ont été retrouvés après les combats.", 15),
    ("fr", "Un gendarme a été tué à la sortie du village. À lire aussi : un infirmier décapité par des rebelles.", 1),
    ("fr", "L'attaque a coûté la vie à trois soldats et à un civil.", 3),
    # Spanish: one more victim "also" killed, victims after a passive verb, the two sides of a fight
    ("es", "Juan Pérez, concejal de la ciudad, fue asesinado en un ataque armado, en el que además murió uno de "
           "sus escoltas. La policía confirmó que también falleció uno de sus escoltas.", 2),
    ("es", "Durante los combates resultaron heridos cuatro militares más, un guerrillero murió.", 1),
    ("es", "Un soldado murió en el enfrentamiento. Un guerrillero murió durante los combates.", 2),
    ("es", "Otras personas murieron a un kilómetro de la plaza.", 0),
    ("es", "Resultaron muertos dos policías en la emboscada de la carretera.", 2),
    ("es", "Sicarios asesinaron a cinco personas en un bar. La ola de violencia ha dejado 300 muertos "
           "desde el inicio del año.", 5),
    # "two of the three victims", "deux des cinq villageois": a part of the victims already counted
    ("es", "Tres guardias fueron asesinados en la cárcel. Dos de las tres víctimas murieron en el lugar.", 3),
    ("fr", "Cinq villageois ont été tués par les assaillants. Deux des cinq villageois sont morts dans l'incendie.", 5),
    ("ru", "Три человека погибли при обстреле. Двое из трех погибших скончались в больнице.", 3),
    # English: a clause before the victims ("a house was hit") is no victim
    ("en", "According to the governor, a house was hit, a man and a woman were killed.", 2),
]


@pytest.mark.model
@pytest.mark.parametrize("lang,text,value", CASES)
def test_nonen_fatalities_tolls(analyse_text, lang, text, value):
    ana = analyse_text(text, lang=lang)
    result = count_fatalities(ana, list(range(len(ana.sentences))))
    assert result.value == value, (result, [s.text for s in result.spans])
    assert_spans(ana.text, result.spans + [result.injured_span])


@pytest.mark.model
@pytest.mark.parametrize("lang,text,injured", [
    ("es", "Durante los combates resultaron heridos cuatro militares más, un guerrillero murió.", 4),
    ("ru", "В результате удара погибли три человека, двое ранены.", 2),
])
def test_nonen_fatalities_injured_beside_the_dead(analyse_text, lang, text, injured):
    ana = analyse_text(text, lang=lang)
    assert count_fatalities(ana, list(range(len(ana.sentences)))).injured == injured


@pytest.mark.model
@pytest.mark.parametrize("lang,text,value", [
    ("es", "Dos personas murieron en el ataque. El gobernador dijo que el ataque elevó a 4 la cifra de muertos "
           "en la región.", 4),
    ("fr", "Deux civils ont été tués dans l'attaque. Un blessé a succombé, portant le bilan à trois morts.", 3),
    ("ru", "При обстреле погибли два человека. Число погибших составило три человека, сообщил губернатор.", 3),
])
def test_nonen_fatalities_updated_toll_wins(analyse_text, lang, text, value):
    ana = analyse_text(text, lang=lang)
    assert count_fatalities(ana, list(range(len(ana.sentences)))).value == value
