"""Does a number stated in a draft agree with a reference value?

Rounding to the precision given passes (96.0 as 96; 87.9 as 88), approximate qualifiers pass
within a couple of points ("about", "nearly" for just under), bounds pass when true ("more than
95%" for 97.6%), a draft range passes when it contains the value or matches a reference range,
durations are compared in the fact's unit, and a period's two years must both be right.
"""
from __future__ import annotations

import dataclasses

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


def tolerance(q: Quantity, ref: float) -> float:
    if q.qualifier in ("about", "nearly") or q.words:
        if q.kind in ("percent", "pp"):
            return max(0.06 * abs(ref), min(2.5, 0.3 * abs(ref)))
        return max(0.1 * abs(ref), 1)
    return 0.5 * 10 ** (-q.decimals) + 1e-9


_MONTHS = {"day": 1 / 30.4, "days": 1 / 30.4, "week": 12 / 52, "weeks": 12 / 52, "month": 1,
           "months": 1, "year": 12, "years": 12}


def in_fact_units(q: Quantity, fact: Fact) -> Quantity:
    """A duration or age restated in the unit of the fact (18 months -> 1.5 years)."""
    if q.kind not in ("duration", "age") or q.unit not in _MONTHS or fact.unit.strip() not in _MONTHS:
        return q
    factor = _MONTHS[q.unit] / _MONTHS[fact.unit.strip()]
    if abs(factor - 1) < 1e-9:
        return q

    def conv(x):
        return None if x is None else x * factor

    return dataclasses.replace(q, value=conv(q.value), low=conv(q.low), high=conv(q.high),
                               unit=fact.unit.strip(),
                               decimals=max(q.decimals, 1) if factor < 1 else q.decimals)


def value_matches(q: Quantity, v: Value, fact: Fact) -> bool:
    q = in_fact_units(q, fact)
    dlo, dhi = q.bounds
    refs = [(v.low, v.high)] + [(a, a) for a in v.also]
    for rlo, rhi in refs:
        ref_round = 0.5 * 10 ** (-v.decimals) + 1e-9
        if fact.qualifier in ("under", "over", "at-least", "at-most") and q.low is None:
            # A threshold ("WBC < 50,000"): the number itself must be the threshold.
            if abs(q.value - rlo) <= max(tolerance(q, rlo), ref_round):
                return True
            continue
        if q.low is not None:  # a range in the draft
            tol = max(tolerance(q, rlo), ref_round) if q.qualifier == "about" else ref_round
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
        d = q.value
        tol = max(tolerance(q, rlo), ref_round)
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
