"""event_date: a day named inside a span ("over the weekend" ... "on Sunday") is the event's day (issue 12)."""
import datetime as dt

import pytest

from eventcoder.extract.when.dates import event_date


# 2025-03-14 is a Friday: the weekend before is 8-9 March, last week 3-9 March.
@pytest.mark.model
@pytest.mark.parametrize("text,date,precision", [
    ("Rebels seized the town over the weekend, officials said. The assault began on Sunday, residents said.",
     "2025-03-09", 1),
    ("Rebels seized the town earlier this week. Residents said the assault began on Tuesday.", "2025-03-11", 1),
    # a named day outside the span does not move it
    ("Rebels seized the town over the weekend. The army had withdrawn on Wednesday.", "2025-03-08", 2),
    ("Rebels seized the town over the weekend, officials said.", "2025-03-08", 2),
])
def test_day_inside_span(analyse_text, text, date, precision):
    ana = analyse_text(text, published="2025-03-14")
    result = event_date(ana, list(range(len(ana.sentences))))
    assert (result.date, result.precision) == (dt.date.fromisoformat(date), precision), result


# reports with no publication date or dateline: a weekday beside a day and month fixes the year when
# only one year not after the day the report was read and not before the latest year it names fits
READ = dt.datetime(2026, 12, 7, 8, 0)


@pytest.mark.model
@pytest.mark.parametrize("text,lang,date", [
    # 8 March is a Saturday in 2025 (and 2014, before the latest named year, 2023): 2025 is the only one
    ("Gunmen raided a cattle market on Saturday, March 8, killing nine herders. The market was last attacked "
     "in 2023.", "en", "2025-03-08"),
    # 4 October is a Wednesday in 2017 and 2023: 2023 is the only one since 2022
    ("Troops fought rebels near the airport on Wednesday, October 4. The airport had been shelled in 2022.", "en",
     "2023-10-04"),
    ("Des soldats ont été tués lors d'une embuscade le mardi 3 mai. L'armée avait déjà été visée en 2021.", "fr",
     "2022-05-03"),
    # no year named: the latest year within seven of the reading (8 August is a Thursday in 2024)
    ("Police fired tear gas at marchers in the capital on Thursday, August 8.", "en", "2024-08-08"),
])
def test_undated_report_weekday_fixes_year(analyse_text, text, lang, date):
    ana = analyse_text(text, published=None, lang=lang, ingested_at=READ)
    result = event_date(ana, [0])
    assert (result.date, result.precision) == (dt.date.fromisoformat(date), 1), result


@pytest.mark.model
def test_undated_report_not_older_than_the_history_it_recalls(analyse_text):
    """13 June is a Monday in 2011 and 2016; read in 2021, the news is not older than the 2012 it recalls."""
    ana = analyse_text("Rebels seized the border town on Monday, June 13. They had first taken it in 2012.",
                       published=None, ingested_at=dt.datetime(2021, 1, 10, 8, 0))
    assert event_date(ana, [0]).date == dt.date(2016, 6, 13)


@pytest.mark.model
def test_undated_report_year_not_after_reading(analyse_text):
    """Read on 2024-08-01, "Thursday, August 8" has not come yet that year: the one before (2019)."""
    ana = analyse_text("Police fired tear gas at marchers in the capital on Thursday, August 8.", published=None,
                       ingested_at=dt.datetime(2024, 8, 1, 8, 0))
    assert event_date(ana, [0]).date == dt.date(2019, 8, 8)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # 13 June is a Monday in 2016 and 2022, both after the 2015 named: which one is meant is not known
    "Rebels seized the border town on Monday, June 13. They had first taken it in 2015.",
    # 4 October is a Wednesday in 2023: before the latest year named (2025)
    "Troops fought rebels near the airport on Wednesday, October 4. The airport is to be rebuilt in 2025.",
    "Troops fought rebels near the airport on October 4. The airport had been shelled in 2022.",  # no weekday
])
def test_undated_report_unresolved(analyse_text, text):
    ana = analyse_text(text, published=None, ingested_at=READ)
    result = event_date(ana, [0])
    assert result.date is None, result


@pytest.mark.model
def test_news_event_never_takes_a_background_day(analyse_text):
    """An event told as news with only a past month in its sentences takes the report's day (precision 2)."""
    ana = analyse_text("Gunmen attacked the border post, killing two soldiers. The same group first struck the "
                       "post in November 2021.", published="2025-03-14")
    assert event_date(ana, [0, 1]).background  # the sentences alone: the past month
    result = event_date(ana, [0, 1], news=True)
    assert (result.date, result.precision, result.background) == (dt.date(2025, 3, 14), 2, False)
