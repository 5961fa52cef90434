"""event_date and background_cue: relative dates resolved on the anchor (codebook §4)."""
import datetime as dt

import pytest

from eventcoder.extract.when.dates import NO_ANCHOR, NO_DATE, background_cue, event_date

from ..conftest import assert_spans

# 2025-03-14 is a Friday.
EN_CASES = [
    ("Gunmen raided the market on Thursday evening.", "2025-03-14", "2025-03-13", 1, "on Thursday evening"),
    ("Gunmen raided the market on Friday.", "2025-03-14", "2025-03-14", 1, "on Friday"),
    ("Gunmen raided the market last Friday.", "2025-03-14", "2025-03-07", 1, "last Friday"),
    ("Saturday's raid left the market in ruins.", "2025-03-14", "2025-03-08", 1, "Saturday's"),
    ("Gunmen raided the market late on Saturday.", "2025-03-14", "2025-03-08", 1, "late on Saturday"),
    ("Gunmen raided the market yesterday.", "2025-03-14", "2025-03-13", 1, "yesterday"),
    ("Gunmen raided the market this morning.", "2025-03-14", "2025-03-14", 1, "this morning"),
    ("Drones hit the port overnight.", "2025-03-14", "2025-03-14", 1, "overnight"),
    ("Rebels shelled the town in the night of Sunday to Monday.", "2025-03-14", "2025-03-10", 1,
     "night of Sunday to Monday"),
    ("Rebels shelled the town on 2 March 2025.", "2025-03-14", "2025-03-02", 1, "2 March 2025"),
    ("Rebels shelled the town on March 9.", "2025-03-14", "2025-03-09", 1, "March 9"),
    ("Rebels shelled the town on December 30.", "2025-01-02", "2024-12-30", 1, "December 30"),
    ("Rebels shelled the town last week.", "2025-03-14", "2025-03-06", 2, "last week"),
    ("Rebels shelled the town over the weekend.", "2025-03-14", "2025-03-08", 2, "over the weekend"),
    ("Rebels shelled the town earlier this week.", "2025-03-14", "2025-03-11", 2, "earlier this week"),
    ("Militants said earlier this month they would cut the road.", "2025-03-14", "2025-03-07", 3,
     "earlier this month"),
    ("Militants burned the village in early February.", "2025-03-14", "2025-02-05", 3, "in early February"),
    ("Militants burned the village in mid-February.", "2025-03-14", "2025-02-15", 3, "in mid-February"),
    ("Militants burned the village in late February.", "2025-03-14", "2025-02-25", 3, "in late February"),
    ("Militants burned the village in February.", "2025-03-14", "2025-02-15", 3, "in February"),
    # only the statement is dated: statement date, precision 2
    ("The navy said on Wednesday that it had sunk two boats.", "2025-03-14", "2025-03-12", 2, "on Wednesday"),
    # the act's own date wins over the statement date
    ("Monitors said on Wednesday that a camp was looted last week.", "2025-03-14", "2025-03-06", 2, "last week"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,published,date,precision,phrase", EN_CASES)
def test_dates_event_date_english(analyse_text, text, published, date, precision, phrase):
    ana = analyse_text(text, published=published)
    result = event_date(ana, [0])
    assert (result.date, result.precision) == (dt.date.fromisoformat(date), precision)
    assert phrase in result.span.text
    assert_spans(ana.text, [result.span])


@pytest.mark.parametrize("text,lang,published,date", [
    ("Des hommes armés ont attaqué le poste dans la nuit de samedi à dimanche.", "fr", "2025-03-14", "2025-03-09"),
    ("Des hommes armés ont attaqué le poste mardi soir.", "fr", "2025-03-14", "2025-03-11"),
    ("Hombres armados atacaron el retén la noche del martes.", "es", "2025-03-14", "2025-03-11"),
    ("El ataque ocurrió el 3 de marzo de 2025.", "es", "2025-03-14", "2025-03-03"),
    ("Во вторник вечером дрон атаковал склад.", "ru", "2025-03-14", "2025-03-11"),
    ("هاجم مسلحون نقطة تفتيش مساء الأربعاء", "ar", "2025-03-14", "2025-03-12"),
])
def test_dates_event_date_other_languages(analyse_text, text, lang, published, date):
    result = event_date(analyse_text(text, published=published, lang=lang), [0])
    assert result.date == dt.date.fromisoformat(date)
    assert result.precision == 1


@pytest.mark.model
def test_dates_no_phrase_uses_report_date(analyse_text):
    result = event_date(analyse_text("Gunmen raided the market.", published="2025-03-14"), [0])
    assert (result.date, result.precision, result.reason) == (dt.date(2025, 3, 14), 2, NO_DATE)


@pytest.mark.model
def test_dates_looks_in_other_sentences_after_the_trigger(analyse_text):
    ana = analyse_text("Gunmen raided the market. The raid began on Tuesday.", published="2025-03-14")
    assert event_date(ana, [0, 1]).date == dt.date(2025, 3, 11)


@pytest.mark.model
def test_dates_without_anchor_relative_is_unresolved_but_absolute_resolves(analyse_text):
    relative = event_date(analyse_text("Gunmen raided the market on Monday.", published=None), [0])
    assert (relative.date, relative.precision, relative.reason) == (None, None, NO_ANCHOR)
    absolute = event_date(analyse_text("Gunmen raided the market on 12 March 2025.", published=None), [0])
    assert (absolute.date, absolute.precision) == (dt.date(2025, 3, 12), 1)


@pytest.mark.model
def test_dates_dateline_date_is_the_anchor_not_the_event(analyse_text):
    ana = analyse_text("GAROWE, Somalia (Mar 12) — Gunmen raided a market on Monday.", published="2025-03-14")
    result = event_date(ana, [0])
    assert result.date == dt.date(2025, 3, 10)
    assert result.span.text == "on Monday"


@pytest.mark.model
@pytest.mark.parametrize("text,cue", [
    ("In August 2024, a car bomb killed 20 people at the port.", "In August 2024"),
    ("The town was shelled last year as well.", "last year"),
    ("The town was also shelled in 2014.", "in 2014"),
    ("The group seized the town earlier this year.", "earlier this year"),
    ("Last month's ambush killed six.", "Last month's"),
    ("The attack marks ten years since the siege.", "marks ten years since"),
    ("The camp has been struck repeatedly since the war began.", "repeatedly since"),
    ("Earlier reports of a massacre could not be verified.", "Earlier reports of"),
    ("At the start of the year, an ambush killed six people.", "At the start of the year"),
])
def test_dates_background_cue_found(analyse_text, text, cue):
    ana = analyse_text(text, published="2025-03-14")
    span = background_cue(ana, 0)
    assert span is not None and span.text == cue
    assert_spans(ana.text, [span])


@pytest.mark.model
def test_dates_background_month_needs_a_much_later_anchor(analyse_text):
    recent = analyse_text("Gunmen burned the village in early March.", published="2025-03-14")
    old = analyse_text("Gunmen burned the village in early July.", published="2025-03-14")
    assert background_cue(recent, 0) is None
    assert background_cue(old, 0).text == "in early July"
    assert event_date(old, [0]).background


@pytest.mark.model
def test_dates_background_cue_absent_in_news_sentence(analyse_text):
    assert background_cue(analyse_text("Gunmen raided the market on Monday."), 0) is None


@pytest.mark.model
@pytest.mark.parametrize("text,published,date,precision,phrase", [
    # numeric dates: the reading (day-month or month-day) not after the anchor and nearest to it
    ("Rebels shelled the depot on 09/03/2025.", "2025-03-14", "2025-03-09", 1, "09/03/2025"),
    ("Rebels shelled the depot on 03/09/2025.", "2025-03-14", "2025-03-09", 1, "03/09/2025"),
    ("Rebels shelled the depot on 11.03.2025.", "2025-03-14", "2025-03-11", 1, "11.03.2025"),
    ("Rebels shelled the depot on 2025/03/11.", "2025-03-14", "2025-03-11", 1, "2025/03/11"),
    ("Rebels shelled the depot on 2025-03-11.", "2025-03-14", "2025-03-11", 1, "2025-03-11"),
    ("Rebels shelled the depot on the 11th of March.", "2025-03-14", "2025-03-11", 1, "11th of March"),
    # year roll-over at January
    ("Rebels shelled the depot on 30 December.", "2025-01-03", "2024-12-30", 1, "30 December"),
    # spans of days: the first day, precision 2 (3 beyond a week)
    ("Troops and militants fought between Monday and Wednesday.", "2025-03-14", "2025-03-10", 2,
     "between Monday and Wednesday"),
    ("Troops and militants fought from Saturday to Monday.", "2025-03-14", "2025-03-08", 2, "from Saturday to Monday"),
    ("Troops and militants fought from 4 to 6 March.", "2025-03-14", "2025-03-04", 2, "from 4 to 6 March"),
    ("Troops and militants fought on March 1-12.", "2025-03-14", "2025-03-01", 3, "March 1-12"),
    # a statement told to an outlet: "told Some Outlet on Wednesday" is the statement's day
    ("A spokesman told Coastal Radio on Wednesday that the post had been seized.", "2025-03-14", "2025-03-12", 2,
     "on Wednesday"),
])
def test_dates_explicit_numeric_and_ranges(analyse_text, text, published, date, precision, phrase):
    ana = analyse_text(text, published=published)
    result = event_date(ana, [0])
    assert (result.date, result.precision) == (dt.date.fromisoformat(date), precision)
    assert phrase in result.span.text
    assert_spans(ana.text, [result.span])


@pytest.mark.parametrize("text,lang,date,precision", [
    ("Les affrontements ont eu lieu du 4 au 6 mars.", "fr", "2025-03-04", 2),
    ("L'attaque a eu lieu le 11/03/2025.", "fr", "2025-03-11", 1),
    ("Los combates se produjeron entre el lunes y el miércoles.", "es", "2025-03-10", 2),
    ("Удар был нанесён 11 марта.", "ru", "2025-03-11", 1),
])
def test_dates_explicit_other_languages(analyse_text, text, lang, date, precision):
    result = event_date(analyse_text(text, published="2025-03-14", lang=lang), [0])
    assert (result.date, result.precision) == (dt.date.fromisoformat(date), precision)


@pytest.mark.model
def test_dates_act_day_beats_statement_day_in_trigger_sentence(analyse_text):
    ana = analyse_text("Gunmen abducted 12 farmers, residents said on Thursday. The gunmen came on Tuesday night.",
                       published="2025-03-14")
    assert event_date(ana, [0, 1]).date == dt.date(2025, 3, 11)


@pytest.mark.model
def test_dates_no_phrase_uses_the_day_told_before(analyse_text):
    ana = analyse_text("Police shot two protesters in the capital on Monday. In the port city, crowds burned tyres.",
                       published="2025-03-14")
    result = event_date(ana, [1])
    assert (result.date, result.precision) == (dt.date(2025, 3, 10), 1)


@pytest.mark.parametrize("text,lang,date,precision", [
    ("Un dron atacó la finca a finales de febrero.", "es", "2025-02-25", 3),
    ("Un dron atacó la finca a mediados de febrero.", "es", "2025-02-15", 3),
    ("Un dron atacó la finca la madrugada del sábado.", "es", "2025-03-08", 1),
    ("Des tirs ont visé le camp à la mi-février.", "fr", "2025-02-15", 3),
    ("Des tirs ont visé le camp avant-hier.", "fr", "2025-03-12", 1),
    ("Накануне беспилотник атаковал склад.", "ru", "2025-03-13", 1),
    ("В минувшие выходные беспилотник атаковал склад.", "ru", "2025-03-08", 2),
    ("В ночь на субботу беспилотник атаковал склад.", "ru", "2025-03-08", 1),
    ("هاجم مسلحون نقطة تفتيش أمس", "ar", "2025-03-13", 1),
    # "the night of Sunday(-)Monday" without a linking word: the second day
    ("هاجم مسلحون نقطة تفتيش ليل الأحد الاثنين", "ar", "2025-03-10", 1),
])
def test_dates_relative_phrases_other_languages(analyse_text, text, lang, date, precision):
    result = event_date(analyse_text(text, published="2025-03-14", lang=lang), [0])
    assert (result.date, result.precision) == (dt.date.fromisoformat(date), precision)


@pytest.mark.parametrize("text,lang,cue", [
    ("Au début de l'année, une embuscade avait fait six morts.", "fr", "Au début de l'année"),
    ("A principios de año, una emboscada dejó seis muertos.", "es", "A principios de año"),
    ("В начале года засада унесла жизни шести человек.", "ru", "В начале года"),
    ("وفي مطلع العام قتل ستة أشخاص في كمين", "ar", "مطلع العام"),
])
def test_dates_background_cue_other_languages(analyse_text, text, lang, cue):
    span = background_cue(analyse_text(text, published="2025-03-14", lang=lang), 0)
    assert span is not None and span.text == cue


@pytest.mark.model
@pytest.mark.parametrize("text,published,date", [
    # a date stamped on the page beside the day the text tells
    ("Updated: 2024-03-14 11:35 A bomb exploded at a market in Kano on Wednesday, killing four people.",
     "2024-03-14", dt.date(2024, 3, 13)),
    ("date 2024-03-14 By Staff Reporter Gunmen attacked a village near Gusau on Tuesday night, residents said.",
     "2024-03-14", dt.date(2024, 3, 12)),
    ("March 14, 2024 Police said rebels ambushed a convoy near Beni yesterday, killing six soldiers.",
     "2024-03-14", dt.date(2024, 3, 13)),
    # the report's own date told as the event's day, with nothing else, stays
    ("Gunmen attacked a village near Gusau on March 14, 2024, residents said.", "2024-03-14", dt.date(2024, 3, 14)),
])
def test_dates_a_page_stamp_never_beats_the_day_the_text_tells(analyse_text, text, published, date):
    ana = analyse_text(text, published=published)
    assert event_date(ana, [0]).date == date


@pytest.mark.model
@pytest.mark.parametrize("text,lang,published,date", [
    # when a war began is never the event's day
    ("The army retook the town, which had been a refuge since the conflict erupted in April 2023.", "en", None, None),
    ("Troops retook the town on Sunday in fighting that has raged since March 2024.", "en", "2025-03-14",
     "2025-03-09"),
    ("L'armée a repris la ville, théâtre de combats depuis janvier 2024.", "fr", None, None),
    # "since Monday" still dates an event that began on Monday
    ("Fighting has raged in the town since Monday, residents said.", "en", "2025-03-14", "2025-03-10"),
])
def test_dates_when_a_war_began_is_not_the_events_day(analyse_text, text, lang, published, date):
    result = event_date(analyse_text(text, published=published, lang=lang), [0])
    assert result.date == (dt.date.fromisoformat(date) if date else None)
