"""Does a number stated in a draft agree with a reference value?

Every number is checked at the precision it states (the decision table in reference/README.md):
"96" states whole units, "87.9" tenths; in a whole number of 1,000 or more, trailing zeros only
hold places, so "1,400" states hundreds and "53,500" hundreds (at least two significant figures
are always read). A reference value rounded to that precision passes (96.0 as 96, 1,440 as
1,400). Approximate qualifiers pass within a couple of points ("about", "nearly" for just
under), bounds pass when true ("more than 95%" for 97.6%), a draft range passes when it contains
the value or matches a reference range, and a period's two years must both be right. A number
in another unit (years for months, days for weeks, per million for per 100,000) is converted
first, and its precision with it: "2.2 years" states tenths of a year, so 26.3 months passes.
"""
from __future__ import annotations

import re

from linter.facts.base import Fact, Value
from linter.text.quantities import Quantity


def same_noun(found: str, unit: str, people=frozenset()) -> bool:
    """Whether a counted noun ("babies") fits a fact's unit ("children"); two of the `people`
    nouns (the vocabulary's group) fit each other."""
    found, unit = found.lower().split()[-1:] or [""], unit.lower().split()[-1:] or [""]
    found, unit = found[0], unit[0]
    if not unit or not found:
        return True
    if found in people and unit in people:
        return True
    return found.rstrip("s") == unit.rstrip("s") or found.startswith(unit.rstrip("s"))


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_FRACTION = re.compile(r"\b(?:half|third|quarter|fifth|tenth|in\s+\w+|out\s+of)\b", re.I)


def precision(q: Quantity) -> float:
    """The step of the last digit a written number states: 1 for "96", 0.1 for "87.9", 100 for
    "1,400" and "53,500" (trailing zeros of a number of 1,000 or more hold places, but at least
    two significant figures are read), scaled to the quantity's value ("100×10⁹/L")."""
    m = _DIGITS.search(q.text)
    if m is None:
        return 10 ** (-q.decimals)
    digits = m.group(0).replace(",", "")
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        digits = digits.lstrip("0") or "0"
        zeros = len(digits) - len(digits.rstrip("0"))
        step = 10.0 ** min(zeros, max(len(digits) - 2, 0)) if len(digits) >= 4 else 1.0
    written = float(digits)
    value = q.value if q.value is not None else q.low
    if written and value and abs(value - written) > 1e-9 and q.low is None:
        step *= value / written  # "100×10⁹/L" is read as 100,000 per µL: hundreds of thousands
    return step


def _rough(q: Quantity) -> bool:
    """Shares in words ("one in five", "half", "three-quarters") are rough by nature; a number
    spelled out ("five weeks", "thirty infants") is as exact as one in digits."""
    return q.words and (q.kind in ("percent", "pp") or bool(_FRACTION.search(q.text)))


def tolerance(q: Quantity, ref: float) -> float:
    flat = _flat_tolerance(q)
    if flat is None:  # rough: a share of the reference value
        if q.kind in ("percent", "pp"):
            return max(0.06 * abs(ref), min(2.5, 0.3 * abs(ref)))
        return max(0.1 * abs(ref), 1)
    return flat


def _flat_tolerance(q: Quantity) -> float | None:
    """Half the step of the number's last digit, or None for a rough number (kept for the
    number last asked about: it is compared with every value of every candidate fact)."""
    if _TOLERANCE[0] is not q:
        rough = q.qualifier in ("about", "nearly") or _rough(q)
        _TOLERANCE[:] = [q, None if rough else 0.5 * precision(q) + 1e-9]
    return _TOLERANCE[1]


_TOLERANCE: list = [None, None]


# Each unit as a multiple of a base unit of its dimension: days for time, a rate per person.
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 365.25 / 12, "months": 365.25 / 12,
          "year": 365.25, "years": 365.25,
          "per 1,000": 1e-3, "per 10,000": 1e-4, "per 100,000": 1e-5, "per million": 1e-6}


_SCALED = ("duration", "age", "rate")


def unit_factor(q: Quantity, unit: str) -> float:
    """What one unit of the draft's number is worth in the reference unit (12 for years stated
    against months); 1 when either unit is unknown or they are the same."""
    if q.kind not in _SCALED:
        return 1.0
    mine, theirs = _UNITS.get((q.unit or "").strip()), _UNITS.get((unit or "").strip())
    if mine is None or theirs is None:
        return 1.0
    return mine / theirs


def _scaled(q: Quantity, k: float) -> tuple[float | None, float, float]:
    lo, hi = q.bounds
    return (None if q.value is None else q.value * k), lo * k, hi * k


def value_matches(q: Quantity, v: Value, fact: Fact) -> bool:
    if q.kind in _SCALED:  # only these have units to convert (unit_factor)
        k = unit_factor(q, v.unit if v.unit is not None else fact.unit)
        if abs(k - 1) > 1e-9:  # compare in the reference unit, at the draft's own precision
            value, dlo, dhi = _scaled(q, k)
            return _matches(q, value, dlo, dhi, v, fact, k)
    if q.low is not None:
        return _matches(q, q.value, q.low, q.high, v, fact, None)
    return _matches(q, q.value, q.value, q.value, v, fact, None)


def _allowed(q: Quantity, ref: float, k: float | None) -> float:
    """The tolerance around a reference value, in the reference unit."""
    return tolerance(q, ref) if k is None else tolerance(q, ref / k) * k


def _matches(q: Quantity, d, dlo, dhi, v: Value, fact: Fact, k: float | None) -> bool:
    """Whether the draft's value d (range dlo-dhi), in the reference unit, agrees with v; k
    is the factor the draft's unit was scaled by (None: not scaled)."""
    ref_round = v.rounding
    threshold = fact.qualifier in ("under", "over", "at-least", "at-most") and q.low is None
    for rlo, rhi in v.refs:
        if threshold:
            # A threshold ("WBC < 50,000"): the number itself must be the threshold.
            if abs(d - rlo) <= max(_allowed(q, rlo, k), ref_round):
                return True
            continue
        if q.low is not None:  # a range in the draft
            tol = max(_allowed(q, rlo, k), ref_round) if q.qualifier == "about" else ref_round
            if rlo == rhi:  # it must contain the reference value
                if dlo - tol <= rlo <= dhi + tol:
                    return True
                continue
            if fact.kind == "yearspan":  # a period: both years must be right
                if dlo == rlo and dhi == rhi:
                    return True
                continue
            # Against a reference range: the same range, or one inside the other.
            if (abs(dlo - rlo) <= tol and abs(dhi - rhi) <= tol) or (dlo - tol <= rlo and rhi <= dhi + tol) \
                    or (rlo - tol <= dlo and dhi <= rhi + tol):
                return True
            continue
        tol = max(_allowed(q, rlo, k), ref_round)
        if q.qualifier in ("exact", "about"):
            if rlo - tol <= d <= rhi + tol:
                return True
        elif q.qualifier == "nearly":  # just under the number: "nearly 9 in 10" for 87.9
            if rhi >= d - tol and rlo <= d + ref_round:
                return True
        elif q.qualifier == "over":
            if rhi > d - ref_round:
                return True
        elif q.qualifier == "at-least":
            if rhi >= d - ref_round:
                return True
        elif q.qualifier == "under":
            if rlo < d + ref_round:
                return True
        elif q.qualifier == "at-most":
            if rlo <= d + ref_round:
                return True
    return False


def arm_difference(fact: Fact) -> Value | None:
    """Treatment minus comparator, in percentage points, for a two-arm percent fact."""
    t = next((v for v in fact.values if v.arm == "treatment" and v.point), None)
    c = next((v for v in fact.values if v.arm == "comparator" and v.point), None)
    if fact.kind != "percent" or t is None or c is None:
        return None
    d = round(t.low - c.low, max(t.decimals, c.decimals))
    return Value(d, d, max(t.decimals, c.decimals), "overall", "absolute difference", None, (), None)
