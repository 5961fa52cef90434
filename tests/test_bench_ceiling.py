"""The arithmetic of `python -m eventcoder.bench ceiling` (what issue 15's targets leave for the parse).
Nothing here is timed: the benchmark prints figures."""
import pytest

from eventcoder.bench_ceiling import parse_budget_ms, skip_needed


def test_budget_is_the_cores_time_per_report_less_the_rest_of_the_coder():
    # 120 reports/s on 2 cores: 16.7 ms of one core a report; the rest of the coder takes 7.5
    assert parse_budget_ms(120, 2, 7.5) == pytest.approx(2000 / 120 - 7.5)
    assert parse_budget_ms(30, 2, 45.0) == pytest.approx(2000 / 30 - 45.0)


def test_rest_over_the_budget_leaves_a_negative_budget():
    assert parse_budget_ms(30, 2, 80.0) < 0


@pytest.mark.parametrize("parse_ms, budget, want", [
    (17.6, 9.2, 1 - 9.2 / 17.6),  # about half the parse would go
    (10.0, 12.0, 0.0),  # the parse fits: nothing to skip
    (80.0, -5.0, 1.0),  # the rest of the coder alone is over: even no parse would not do
    (0.0, 5.0, 0.0),
])
def test_skip_needed(parse_ms, budget, want):
    assert skip_needed(parse_ms, budget) == pytest.approx(want)
