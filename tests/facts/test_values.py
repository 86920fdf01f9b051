"""Implied precision and unit conversion: every number is checked at the precision it states,
after its unit is converted to the reference's (the decision table in reference/README.md)."""
import pytest

from linter.facts.base import Fact
from linter.facts.values import precision, value_matches
from linter.text.quantities import Quantity, extract


def fact(quantity, unit, values, qualifier=None):
    data = {"id": "x", "status": "confirmed", "design": "randomized", "sources": [],
            "quantity": quantity, "unit": unit, "values": values}
    if qualifier:
        data["qualifier"] = qualifier
    return Fact(data, {}, {})


def stated(text, kind):
    return next(q for q in extract(text) if q.kind == kind)


@pytest.mark.parametrize("text, kind, step", [
    ("96% of children", "percent", 1),
    ("87.9% of children", "percent", 0.1),
    ("20% of children", "percent", 1),  # below 1,000 a trailing zero counts
    ("30 infants", "count", 1),
    ("1,400 children", "count", 100),
    ("53,500 new cases", "count", 100),
    ("53,485 new cases", "count", 1),
    ("53,000 new cases", "count", 1000),
    ("2,000 children", "count", 100),  # at least two significant figures are read
    ("100,000 per microlitre", "wbc", 10000),
    ("a count of 100×10⁹/L", "wbc", 1000),  # "100" in units of 10⁹/L
    ("2.2 years", "duration", 0.1),
    ("60 months", "duration", 1),
])
def test_precision_of_a_written_number(text, kind, step):
    assert precision(stated(text, kind)) == pytest.approx(step)


COUNT_1440 = fact("count", "children", [{"value": 1440, "also": [1444]}])
CASES = fact("count", "cases", [{"value": 53485}])
PCT = fact("percent", "%", [{"value": "87.9"}])
RANGE = fact("percent", "%", [{"low": 15, "high": 20}])
MONTHS = fact("duration", "months", [{"value": "26.3"}, {"value": "4.2", "unit": "years"}])
DAYS = fact("duration", "days", [{"value": 28, "also": [{"value": 42, "label": "label cycle"}]}])
YEARS = fact("duration", "years", [{"value": "2.5", "also": [{"value": "3.5", "label": "update"}]}])
WBC = fact("wbc", "per µL", [{"value": 50000}], qualifier="under")


@pytest.mark.parametrize("text, kind, ref, right", [
    # counts: trailing zeros of large numbers hold places
    ("1,400 children", "count", COUNT_1440, True),
    ("1,440 children", "count", COUNT_1440, True),
    ("1,444 children", "count", COUNT_1440, True),  # the later count
    ("1,500 children", "count", COUNT_1440, False),
    ("1,441 children", "count", COUNT_1440, False),  # stated exactly, and wrong
    ("14,000 children", "count", COUNT_1440, False),
    ("53,500 new cases", "count", CASES, True),
    ("53,000 new cases", "count", CASES, True),
    ("53,400 new cases", "count", CASES, False),
    ("54,000 new cases", "count", CASES, False),
    # percentages at their stated decimals
    ("88% of children", "percent", PCT, True),
    ("87.9% of children", "percent", PCT, True),
    ("87.5% of children", "percent", PCT, False),
    ("90% of children", "percent", PCT, False),
    ("about 90% of children", "percent", PCT, True),
    ("20% of children", "percent", RANGE, True),
    ("21% of children", "percent", RANGE, False),
    # durations converted first, at the draft's own precision
    ("2.2 years", "duration", MONTHS, True),  # 26.3 months = 2.19 years
    ("2 years", "duration", MONTHS, True),
    ("3.0 years", "duration", MONTHS, False),
    ("50 months", "duration", MONTHS, True),  # 4.2 years = 50.4 months
    ("4.2 years", "duration", MONTHS, True),
    ("six weeks", "duration", DAYS, True),  # 42 days
    ("four weeks", "duration", DAYS, True),  # 28 days
    ("five weeks", "duration", DAYS, False),  # a number in words is as exact as in digits
    ("thirty infants", "count", fact("count", "infants", [{"value": 28}]), False),
    ("one in five children", "percent", fact("percent", "%", [{"value": 22}]), True),  # a fraction is rough
    ("30 months", "duration", YEARS, True),  # 2.5 years
    ("42 months", "duration", YEARS, True),  # 3.5 years
    ("5.5 years", "duration", YEARS, False),
    # a definition's threshold is the threshold itself
    ("WBC < 50,000/µL", "wbc", WBC, True),
    ("WBC < 100,000/µL", "wbc", WBC, False),
])
def test_value_at_stated_precision(text, kind, ref, right):
    q = stated(text, kind)
    assert any(value_matches(q, v, ref) for v in ref.values) is right


RATE = fact("rate", "per 100,000", [{"value": "3.5"}])


@pytest.mark.parametrize("value, unit, decimals, right", [
    (35, "per million", 0, True),
    (3.5, "per 100,000", 1, True),
    (0.035, "per 1,000", 3, True),
    (40, "per million", 0, False),
    (3.5, "per million", 1, False),
])
def test_rates_are_converted_between_denominators(value, unit, decimals, right):
    text = f"{value:g} {unit}"
    q = Quantity(0, len(text), text, "rate", float(value), unit=unit, decimals=decimals)
    assert value_matches(q, RATE.values[0], RATE) is right


@pytest.mark.parametrize("text, found", [
    # a derived value: the difference between the arms, at its stated precision
    ("In AALL1731 the absolute difference in three-year disease-free survival with blinatumomab "
     "was 8.1 percentage points.", []),
    # a converted value in a sentence
    ("The infant blinatumomab study's first report had a median follow-up of 2.2 years.", []),
    ("The infant blinatumomab study's first report had a median follow-up of 3.0 years.", ["3.0 years"]),
    # a rounded large count, and one rounded wrongly
    ("AALL1731 randomly assigned 1,400 children to chemotherapy with or without blinatumomab.", []),
    ("AALL1731 randomly assigned 1,500 children to chemotherapy with or without blinatumomab.", ["1,500"]),
])
def test_stated_precision_in_sentences(lint, text, found):
    got = [f.found for f in lint(text).findings if f.category == "wrong-statistic"]
    assert got == found


def test_the_tolerance_kept_per_number_is_the_plain_one():
    """The tolerance is worked out once per number; asked in any order, it is the formula's."""
    from linter.facts.values import _rough, tolerance

    def plain(q, ref):
        if q.qualifier in ("about", "nearly") or _rough(q):
            if q.kind in ("percent", "pp"):
                return max(0.06 * abs(ref), min(2.5, 0.3 * abs(ref)))
            return max(0.1 * abs(ref), 1)
        return 0.5 * precision(q) + 1e-9

    qs = [stated(t, k) for t, k in (("about 90% of children", "percent"), ("87.9% of children",
          "percent"), ("1,400 children", "count"), ("nearly half of them", "percent"),
          ("30 infants", "count"))]
    asked = [(q, ref) for ref in (0.5, 12.0, 87.9, 1440.0) for q in qs + qs[::-1]]
    assert [tolerance(q, ref) for q, ref in asked] == [plain(q, ref) for q, ref in asked]
    assert len({plain(q, 87.9) for q in qs}) == 4  # two rough shares, three written steps
