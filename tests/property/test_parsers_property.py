"""Property tests of the number, date and fatality parsers (no spaCy model needed)."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.extract.base import Analysis, Sentence
from eventcoder.extract.when.dates import event_date
from eventcoder.extract.howmany.fatalities import count_fatalities
from eventcoder.extract.numbers import parse_number
from eventcoder.schema import Document

from ..conftest import assert_spans

UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
        "sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def words(n: int, hyphen: bool = True, and_: bool = True) -> str:
    """English words for 0 <= n <= 9999."""
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + (("-" if hyphen else " ") + UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{UNITS[n // 100]} hundred" + ((" and " if and_ else " ") + words(rest, hyphen) if rest else "")
    rest = n % 1000
    return f"{UNITS[n // 1000]} thousand" + (" " + words(rest, hyphen, and_) if rest else "")


def analysis(text: str, published, lang: str = "en") -> Analysis:
    """A one-sentence Analysis without the parser."""
    doc = Document(text=text, published=published, lang=lang)
    return Analysis(document=doc, lang=lang, sentences=[Sentence(0, 0, len(doc.text), doc.text)])


dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


@given(st.integers(0, 9999), st.booleans(), st.booleans())
def test_property_english_words_parse_back(n, hyphen, and_):
    assert parse_number(words(n, hyphen, and_)) == n


@given(st.integers(0, 10_000_000))
def test_property_digits_parse_back(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@settings(max_examples=60, deadline=None)
@given(dates, st.sampled_from(WEEKDAYS), st.sampled_from(["on {}", "late on {}", "{} night", "last {}", "{}'s"]))
def test_property_weekday_within_a_week_before_anchor(anchor, day, form):
    result = event_date(analysis(f"Gunmen attacked a checkpoint {form.format(day)}.", anchor), [0])
    assert result.date is not None
    assert 0 <= (anchor - result.date).days <= 7
    assert result.date.strftime("%A") == day


@settings(max_examples=60, deadline=None)
@given(dates, st.sampled_from(["yesterday", "today", "overnight", "last week", "over the weekend",
                               "earlier this week", "earlier this month", "this morning", "in early May",
                               "in late November", "on 3 June", "on December 30", "last month", "on Sunday"]))
def test_property_relative_dates_never_after_anchor(anchor, phrase):
    ana = analysis(f"Rebels shelled the town {phrase}.", anchor)
    result = event_date(ana, [0])
    assert result.date is not None and result.date <= anchor
    assert_spans(ana.text, [result.span])


PIECES = [*"abc ,.;0123456789", " killed ", " were killed ", " injured ", " at least ", " two ", " dozens ",
          " and ", " toll rose to ", " no casualties ", " on Monday ", " last week ", " including "]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), dates)
def test_property_spans_inside_text(text, anchor):
    ana = analysis(text or "x", anchor)
    result = count_fatalities(ana, [0])
    assert_spans(ana.text, result.spans + [result.injured_span])
    assert result.value >= 0
    date = event_date(ana, [0])
    assert_spans(ana.text, [date.span])
