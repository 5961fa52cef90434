"""Property tests of date spans, numeric dates and the injured/killed split (no spaCy model needed)."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.extract.when.dates import event_date
from eventcoder.extract.howmany.fatalities import count_fatalities

from .test_parsers_property import WEEKDAYS, analysis, words

anchors = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=60, deadline=None)
@given(anchors, st.sampled_from(WEEKDAYS), st.sampled_from(WEEKDAYS), st.sampled_from(["between {} and {}", "from {} to {}"]))
def test_property_weekday_span_is_its_first_day_before_anchor(anchor, first, last, form):
    result = event_date(analysis(f"Troops and rebels fought {form.format(first, last)}.", anchor), [0])
    assert result.date is not None and result.precision == 2
    assert 0 <= (anchor - result.date).days <= 13
    assert result.date.strftime("%A") == first


@settings(max_examples=80, deadline=None)
@given(anchors, st.integers(0, 400), st.sampled_from(["{d:02d}/{m:02d}/{y}", "{d}.{m}.{y}", "{y}-{m:02d}-{d:02d}",
                                                     "{y}/{m}/{d}", "{d} {month} {y}", "{month} {d}, {y}"]))
def test_property_explicit_dates_read_back(anchor, back, form):
    day = anchor - dt.timedelta(days=back)
    text = form.format(d=day.day, m=day.month, y=day.year, month=day.strftime("%B"))
    result = event_date(analysis(f"Rebels shelled the depot on {text}.", anchor), [0])
    assert result.date is not None and result.date <= anchor
    swapped_ok = day.day <= 12 and form.startswith("{d")  # 09/03 may be read as 3 September
    assert result.date == day or (swapped_ok and (result.date.day, result.date.month) == (day.month, day.day))


@settings(max_examples=60, deadline=None)
@given(anchors, st.integers(1, 28), st.sampled_from(["January", "June", "December"]))
def test_property_day_month_without_year_is_latest_not_after_anchor(anchor, day, month):
    result = event_date(analysis(f"Rebels shelled the depot on {day} {month}.", anchor), [0])
    assert result.date is not None and result.date <= anchor
    assert (anchor - result.date).days < 366
    assert (result.date.day, result.date.strftime("%B")) == (day, month)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 999), st.integers(0, 999), st.sampled_from(["wounded", "injured", "hurt"]))
def test_property_injured_never_counted_as_killed(injured, killed, word):
    text = f"The blast {word} {words(injured)} people."
    if killed:
        text = f"The blast killed {words(killed)} people and {word} {words(injured)} others."
    result = count_fatalities(analysis(text, dt.date(2025, 3, 14)), [0])
    assert result.value == killed
    assert result.injured == injured
