"""What is wrong with a stated number, in words: the problems per-number verdicts carry.

A Problem names the `check` of the statistic kind it fails (value, endpoint, time, population,
direction, relative), the span and words to quote, and a `detail` that follows the quoted words
in the rule's message ('"{match}" {detail}'), with the expected value and the fact's sources.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from linter.facts.matching import Candidate, quantity_arm
from linter.facts.values import value_matches
from linter.regexcache import lazy
from linter.text.quantities import Quantity, direction_words

_FROM_TO = lazy(r"^\s*(?:\([^()]*\)\s*)?(?:at\s+[^;,.]{0,20}?\s*)?to\s+(?:about\s+)?$", re.I)


@dataclass(frozen=True)
class Problem:
    check: str  # the statistic kind's check this number fails
    start: int
    end: int
    match: str  # the words the message quotes
    found: str  # the text of the claim as stated
    detail: str  # what is wrong, after the quoted words
    expected: str
    fact: object  # the Fact, or None

    @property
    def fact_id(self) -> str | None:
        return self.fact.id if self.fact is not None else None

    @property
    def sources(self) -> tuple:
        return self.fact.sources if self.fact is not None else ()


def problem(check: str, q: Quantity, detail: str, fact, expected: str) -> Problem:
    text = q.text.strip()
    return Problem(check, q.start, q.end, text, text, detail, expected, fact)


def time_conflict(fact, stated) -> bool:
    tv = fact.time_value
    return bool(stated and tv is not None and abs(stated[0] - tv) > 0.01)


def describe(fact, arm=None) -> str:
    bits = [fact.time_label, fact.endpoint_name]
    label = next((v.label for v in fact.values if v.arm == arm and v.label), "") if arm else ""
    text = " ".join(b for b in bits if b)
    if label:
        text += f" with {label}" if not label.startswith(("with", "in", "on", "during", "among", "at")) else f" {label}"
    if fact.population_name:
        text += f" ({fact.population_name})"
    return text


def value_error(q, partner, cand: Candidate, scope, prose: str, handled, note=None) -> Problem:
    f = cand.fact
    arm = quantity_arm(q, scope, f, prose)
    if arm is None and partner is not None and len(f.values) > 1:
        arm = "treatment" if partner[1] == 0 else "comparator"
        if cand.partner:  # the partner matched one arm: this number is the other one
            other = next((v for v in f.values if value_matches(partner[0], v, f)), None)
            if other is not None:
                arm = "comparator" if other.arm == "treatment" else "treatment"
    values = [v for v in f.values if v.arm == arm] if arm else []
    if not values and len(f.values) == 1:
        values = list(f.values)
    if values:
        v = values[0]
        expected = f.data.get("display") if len(f.values) == 1 and f.data.get("display") else v.described(f.unit)
        detail = f"disagrees with the reference: {describe(f, v.arm)} was {expected}"
    else:
        expected = f.expected_text()
        detail = f"disagrees with the reference: {describe(f)} was {expected}"
    if note:
        detail += f" ({note})"
    if f.status == "disputed":
        detail += "; the reference value itself is disputed, so check the source"
    elif f.status == "reported":
        detail += "; the reference value rests on a secondary report, so check the source"
    check = "time" if f.kind == "yearspan" else "value"  # a period is a time frame
    return problem(check, q, detail, f, expected if values else f.expected_text())


def attribute_error(q, f, ep, stated, pop, handled, partner, scope) -> Problem:
    wrong = []
    check = None
    endpoint = f"{f.time_label} {f.endpoint_name}".strip() if "value" in f.time else f.endpoint_name
    if ep:
        check = "endpoint"
        wrong.append(f"{endpoint}, not {ep[0].says}")
    if stated:
        check = check or "time"
        wrong.append(f"a {f.time_label} figure, not {_months_text(stated[0])}")
    if pop:
        check = check or "population"
        wrong.append(f"about {f.population_name}, not {pop[0].says}")
    if partner:
        handled.add(partner[0])
    detail = "is " + "; and ".join(wrong)
    if check == "endpoint":
        detail += f'; say "{endpoint}"'
    return problem(check, q, detail, f, f.expected_text())


def _months_text(months: float) -> str:
    if months % 12 == 0:
        return f"{int(months // 12)}-year"
    return f"{months:g}-month"


def direction_problems(qs, scope, prose: str, records):
    """'rose from 65.8% to 60.2%': a change verb that disagrees with the numbers it names.
    Yields (quantity, fact, problem)."""
    levels = [q for q in qs if q.kind in ("percent", "count")]
    for a, b in zip(levels, levels[1:]):
        if a.kind != b.kind or a.value is None or b.value is None:
            continue
        if not re.search(r"\bfrom\s+$", prose[max(scope.start, a.start - 6):a.start], re.I):
            continue
        if not _FROM_TO.match(prose[a.end:b.start]):
            continue
        verbs = [d for d in direction_words(prose, max(scope.start, a.start - 60), a.start)]
        if not verbs:
            continue
        start, end, direction = verbs[-1]
        if a.value == b.value or (direction == "increase") == (b.value > a.value):
            continue
        fact = next((r.fact for r in records if r.quantity in (a, b) and r.fact is not None), None)
        word = prose[start:end]
        right = "fell" if direction == "increase" else "rose"
        detail = (f'contradicts the figures it gives: from {a.text.strip()} to '
                  f'{b.text.strip()} is a {"fall" if direction == "increase" else "rise"}; say "{right}"')
        q = Quantity(start, b.end, prose[start:b.end], "change")
        yield q, fact, Problem("direction", start, end, word, prose[start:b.end], detail,
                               f"{right} from {a.text.strip()} to {b.text.strip()}", fact)
