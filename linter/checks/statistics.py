"""Wrong statistics: every number tied to its fact and checked for value, endpoint, time frame,
population, arm, direction and relative-vs-absolute.

One finding per wrong claim; the codes (rules/statistics.yaml):
STAT001 value, STAT002 endpoint, STAT003 time frame, STAT004 population,
STAT005 direction or arms swapped, STAT006 relative change stated as percentage points.
A finding about a disputed or only reported fact is a warning, not an error.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from linter.document.scopes import scopes
from linter.facts.base import FactBase, factbase
from linter.finding import Finding
from linter.facts.attributes import endpoint_conflict, population_conflict, stated_time
from linter.facts.matching import Candidate, candidates, pairs, quantity_arm
from linter.facts.values import value_matches
from linter.text.clauses import clause_bounds
from linter.text.hedging import negated
from linter.text.quantities import Quantity, direction_words, extract
from linter.regexcache import compile as rx

CATEGORY = "wrong-statistic"
_STUDY_WORDS = rx(r"\b(?:trial|study|arm|group|cohort)\b", re.I)
_FROM_TO = rx(r"^\s*(?:\([^()]*\)\s*)?(?:at\s+[^;,.]{0,20}?\s*)?to\s+(?:about\s+)?$", re.I)


@dataclass
class Record:
    """What the checker concluded about one number (shared with the unsupported-claim check)."""

    scope: object
    quantity: Quantity
    fact: object  # the Fact it was tied to, or None
    supported: bool  # tied to a fact and right
    finding: Finding | None


_ANALYSES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def analyse(doc, ctx) -> list[Record]:
    per_doc = _ANALYSES.setdefault(doc, {})
    if id(ctx) in per_doc:
        return per_doc[id(ctx)]
    fb = factbase(ctx)
    records: list[Record] = []
    for scope in scopes(doc):
        qs = extract(doc.prose, scope.start, scope.end)
        if not qs:
            continue
        pmap = pairs(qs, doc.prose, table=bool(scope.cells))
        handled: set = set()
        reported: set = set()
        for q in qs:
            if q.attributive:
                continue
            partner = pmap.get(q)
            if negated_number(doc.prose, q, scope):
                records.append(Record(scope, q, None, True, None))
                continue
            cands = candidates(q, scope, fb, doc.prose, partner)
            if not cands and scope.before:
                cands = [c for c in candidates(q, scope, fb, doc.prose, partner, lean_back=True)
                         if c.value is not None]
            record = _judge(q, qs, partner, cands, scope, doc, fb, ctx, handled)
            if record.finding is not None:
                # One finding per wrong claim: the same error restated in a sentence counts once.
                key = (record.finding.rule, record.finding.fact)
                if key in reported:
                    record = Record(scope, q, record.fact, True, None)
                reported.add(key)
            records.append(record)
        records.extend(_direction(qs, scope, doc, ctx, records))
    per_doc[id(ctx)] = records
    return records


def check(doc, ctx):
    for r in analyse(doc, ctx):
        if r.finding is not None:
            yield r.finding


def _severity(ctx, code: str, fact) -> str:
    severity = ctx.rules.get(code, {}).get("severity", "error")
    return fact.capped(severity) if fact is not None else severity


def _finding(ctx, code, q: Quantity, message, fact, expected) -> Finding:
    return Finding(code, CATEGORY, _severity(ctx, code, fact), q.start, q.end, message,
                   fact=fact.id if fact else None, found=q.text.strip(), expected=expected,
                   sources=fact.sources if fact else ())


def _base(c: Candidate, q: Quantity) -> float:
    extra = (4 if c.partner else 0) + ((4 if (q.decimals or c.value.decimals) else 3) if c.value else 0)
    return c.score - extra


def _time_conflict(fact, stated) -> bool:
    tv = fact.time_value
    return bool(stated and tv is not None and abs(stated[0] - tv) > 0.01)


def _describe(fact, arm=None) -> str:
    bits = [fact.time_label, fact.endpoint_name]
    label = next((v.label for v in fact.values if v.arm == arm and v.label), "") if arm else ""
    text = " ".join(b for b in bits if b)
    if label:
        text += f" with {label}" if not label.startswith(("with", "in", "on", "during", "among", "at")) else f" {label}"
    if fact.population_name:
        text += f" ({fact.population_name})"
    return text


def _judge(q, qs, partner, cands, scope, doc, fb: FactBase, ctx, handled) -> Record:
    if q in handled:
        return Record(scope, q, None, True, None)
    top = max((_base(c, q) for c in cands), default=0)
    # A number that happens to fit a weakly related fact does not outweigh a clearly related one.
    matching = [c for c in cands if c.value is not None and _base(c, q) >= top - 3]
    stated = stated_time(q, qs, scope, doc.prose)
    if matching:
        if stated:
            matching.sort(key=lambda c: (-_base(c, q), _time_distance(c.fact, stated)))
        # A population conflict stays in its scope: when another fact the number fits covers the
        # population the sentence names (an under-20 analysis beside a 0-5 one), that one is meant.
        fits = [c for c in matching if not population_conflict(c.fact, scope)]
        if fits and fits[0] is not matching[0] and fits[0].fact.population_name:
            matching = fits + [c for c in matching if c not in fits]
        best = matching[0]
        f = best.fact
        ep = endpoint_conflict(f, q, scope, doc.prose)
        tc = _time_conflict(f, stated)
        pop = population_conflict(f, scope)
        if pop and not pop[0].error:
            lo, hi = clause_bounds(doc.prose, scope.start, scope.end, q.start, q.end)
            if lo <= scope.start + pop[1].start() < hi:
                return Record(scope, q, None, False, None)  # about a subgroup this fact does not cover
            pop = None
        if q.vague and (ep or tc or pop):
            return Record(scope, q, f, True, None)  # too rough a figure to call wrong
        if ep or tc:
            alt = next((c for c in cands if c is not best and c.fact.data["topic"] == f.data["topic"]
                        and c.fact.kind == f.kind and not endpoint_conflict(c.fact, q, scope, doc.prose)
                        and not _time_conflict(c.fact, stated) and c.fact.time_value is not None
                        and _base(c, q) >= _base(best, q) - 1.5), None)
            if alt is not None and alt.value is None:
                if partner:
                    handled.add(partner[0])
                what = f"the {f.time_label} figure" if tc else f"{f.endpoint_name}"
                return _value_error(q, partner, alt, scope, doc, ctx, handled,
                                    note=f"{q.text.strip()} is {what}")
            if alt is None:
                return _attribute_error(q, f, best, ep, stated if tc else None, pop, ctx, handled,
                                        partner, scope)
            f, best = alt.fact, alt
            pop = population_conflict(f, scope)
        if pop:
            return _attribute_error(q, f, best, None, None, pop, ctx, handled, partner, scope)
        if q.kind == "pp" and f.relative:
            msg = (f'"{q.text.strip()}" turns a relative change into an absolute one: the reference '
                   f"gives a {best.value.text('%')} relative "
                   f"{'reduction' if f.direction == 'decrease' else 'change'} "
                   f"({_describe(f)}), not percentage points")
            return Record(scope, q, f, False, _finding(ctx, "STAT006", q, msg, f, f.expected_text()))
        if f.direction and q.direction and q.direction != f.direction:
            msg = (f'"{q.text.strip()}" has the direction wrong: {_describe(f)} '
                   f"{'fell' if f.direction == 'decrease' else 'rose'}")
            return Record(scope, q, f, False, _finding(ctx, "STAT005", q, msg, f, f.expected_text()))
        arm = quantity_arm(q, scope, f, doc.prose)
        if arm and best.value.arm not in (arm, "overall") and any(v.arm == arm for v in f.values):
            right = next(v for v in f.values if v.arm == arm)
            if not value_matches(q, right, f):
                if partner:
                    handled.add(partner[0])
                t = next((v for v in f.values if v.arm == "treatment"), None)
                c = next((v for v in f.values if v.arm == "comparator"), None)
                expected = f.expected_text()
                msg = (f'"{q.text.strip()}" is the {best.value.label or best.value.arm} figure; the '
                       f"arms are swapped: {t.label} {t.text(f.unit)}, {c.label} {c.text(f.unit)}"
                       if t and c else f'"{q.text.strip()}" is given for the wrong arm')
                return Record(scope, q, f, False, _finding(ctx, "STAT005", q, msg, f, expected))
        return Record(scope, q, f, True, None)
    if cands and (historical(q, scope, doc.prose) or q.vague):
        return Record(scope, q, cands[0].fact, False, None)
    if cands:
        # A fact whose endpoint the sentence contradicts is not the one the number is about.
        # A fact whose time frame the sentence contradicts is not the one either.
        cands = [c for c in cands if c.value is None
                 and not endpoint_conflict(c.fact, q, scope, doc.prose)
                 and not (stated and _time_conflict(c.fact, stated))
                 and not population_conflict(c.fact, scope, context=True)]
        if not cands:
            return Record(scope, q, None, False, None)
        best = cands[0]
        second = cands[1] if len(cands) > 1 else None
        clear = second is None or best.score - second.score >= 1.5 or not second.strong
        # A figure for a time-bound result is only called wrong when the sentence gives the same
        # time frame, names two of the fact's subjects (drug and trial), or pairs it with a
        # number that fits the fact: otherwise it may be another study's figure.
        anchored = best.fact.time_value is None or best.partner or (
            stated is not None and not _time_conflict(best.fact, stated)) or sum(
            1 for p in best.fact.subject_parts if p.search(scope.text)) >= 2
        # A general figure (no drug, no trial) is not what a sentence about a study reports.
        found = fb.mentions(scope.text)
        general = best.fact.subject is None and (
            _STUDY_WORDS.search(scope.text) or any(found[name] for name in fb.treatments))
        if best.strong and clear and anchored and not general and not _time_conflict(best.fact, stated) \
                and not population_conflict(best.fact, scope, context=True):
            return _value_error(q, partner, best, scope, doc, ctx, handled)
        return Record(scope, q, best.fact, False, None)
    return Record(scope, q, None, False, None)


_PAST_AFTER = rx(r"\s*(?:\([^)]*\)\s*)?(?:in\s+the\s+(?:19|20)\d0s|in\s+(?:19|20)\d\d|back\s+in|decades\s+ago|"
                         r"years\s+ago|in\s+the\s+past|a\s+generation\s+ago|before\s+(?:19|20)\d\d)", re.I)


def historical(q: Quantity, scope, prose: str) -> bool:
    """A figure from another time ("from 10% in the 1960s to about 90% today") is not a claim
    about the reference value; a starting value in "from X to Y" is not either."""
    if _PAST_AFTER.match(prose, q.end, scope.end):
        return True
    return bool(re.search(r"\bfrom\s+$", prose[max(scope.start, q.start - 6):q.start], re.I)
                and re.match(r"[^.;]{0,40}?\bto\b", prose[q.end:scope.end]))


def negated_number(prose: str, q: Quantity, scope) -> bool:
    """'not half', 'did not improve overall survival to 99%': a number the sentence denies is
    not a claim."""
    if re.search(r"\bnot\s+(?:about\s+|the\s+|a\s+)?$", prose[max(scope.start, q.start - 14):q.start], re.I):
        return True
    lo, _ = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    return negated(prose, q.start, lo, words=8)


def _time_distance(fact, stated) -> float:
    tv = fact.time_value
    return abs(stated[0] - tv) if tv is not None else 999


def _value_error(q, partner, cand: Candidate, scope, doc, ctx, handled, note=None) -> Record:
    f = cand.fact
    arm = quantity_arm(q, scope, f, doc.prose)
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
        msg = (f'"{q.text.strip()}" disagrees with the reference: {_describe(f, v.arm)} '
               f"was {expected}")
    else:
        expected = f.expected_text()
        msg = f'"{q.text.strip()}" disagrees with the reference: {_describe(f)} was {expected}'
    if note:
        msg += f" ({note})"
    if f.status == "disputed":
        msg += "; the reference value itself is disputed, so check the source"
    elif f.status == "reported":
        msg += "; the reference value rests on a secondary report, so check the source"
    code = "STAT003" if f.kind == "yearspan" else "STAT001"  # a period is a time frame
    return Record(scope, q, f, False, _finding(ctx, code, q, msg, f, expected if values else
                                               f.expected_text()))


def _attribute_error(q, f, best, ep, stated, pop, ctx, handled, partner, scope) -> Record:
    wrong = []
    code = None
    endpoint = f"{f.time_label} {f.endpoint_name}".strip() if "value" in f.time else f.endpoint_name
    if ep:
        code = "STAT002"
        wrong.append(f"{endpoint}, not {ep[0].says}")
    if stated:
        code = code or "STAT003"
        wrong.append(f"a {f.time_label} figure, not {_months_text(stated[0])}")
    if pop:
        code = code or "STAT004"
        wrong.append(f"about {f.population_name}, not {pop[0].says}")
    if partner:
        handled.add(partner[0])
    msg = f'"{q.text.strip()}" is ' + "; and ".join(wrong)
    if code == "STAT002":
        msg += f'; say "{endpoint}"'
    return Record(scope, q, f, False, _finding(ctx, code, q, msg, f, f.expected_text()))


def _months_text(months: float) -> str:
    if months % 12 == 0:
        return f"{int(months // 12)}-year"
    return f"{months:g}-month"


def _direction(qs, scope, doc, ctx, records):
    """'rose from 65.8% to 60.2%': a change verb that disagrees with the numbers it names."""
    out = []
    prose = doc.prose
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
        msg = (f'"{word}" contradicts the figures it gives: from {a.text.strip()} to '
               f'{b.text.strip()} is a {"fall" if direction == "increase" else "rise"}; say "{right}"')
        q = Quantity(start, b.end, prose[start:b.end], "change")
        out.append(Record(scope, q, fact, False, Finding(
            "STAT005", CATEGORY, _severity(ctx, "STAT005", fact), start, end, msg,
            fact=fact.id if fact else None, found=prose[start:b.end],
            expected=f"{right} from {a.text.strip()} to {b.text.strip()}",
            sources=fact.sources if fact else ())))
    return out
