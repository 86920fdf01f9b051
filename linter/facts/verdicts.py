"""Per-number verdicts: every number of a document tied to its fact and judged for value,
endpoint, time frame, population, arm, direction and relative-vs-absolute.

The verdicts are computed once per document (see linter/view.py) and read by the checks: the
statistic kind reports the problems, the claim kind skips numbers the reference supports or
already faults, the scope kind leaves sentences tied to a fact to the statistic kind.
A problem names the `check` of the statistic kind it fails (rules/statistics.yaml); which code,
severity and message it is reported with is the rule pack's business, not this module's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from linter.document.scopes import Scope
from linter.facts.attributes import (
    endpoint_conflict,
    population_conflict,
    question_time,
    stated_time,
)
from linter.facts.base import FactBase
from linter.facts.decisions import NOT_A_CLAIM, blocking, row_of
from linter.facts.frames import frame, question_of
from linter.facts.matching import Candidate, candidates, pairs, quantity_arm
from linter.facts.modifiers import answer_unit, shared_unit
from linter.facts.once import for_last
from linter.facts.problems import (
    Problem,
    attribute_error,
    describe,
    direction_problems,
    problem,
    time_conflict,
    value_error,
)
from linter.facts.reach import reach
from linter.facts.values import value_matches
from linter.regexcache import compile as rx
from linter.text.clauses import clause_bounds
from linter.text.hedging import negated
from linter.text.quantities import Quantity, extract

_TO_AFTER = rx(r"[^.;]{0,40}?\bto\b")  # "from 10% ... to": matched in place, not copied
_NOT_BEFORE = rx(r"\bnot\s+(?:about\s+|the\s+|a\s+)?$", re.I)
_STUDY_WORDS = rx(r"\b(?:trial|study|arm|group|cohort)\b", re.I)
# Figures about something else that a reader may still want sourced (the claim kind decides).
_UNCHECKED = ("planned", "another-study", "historical", "dated")
# A "sentence" longer than this is a list, a table or text run together, not one claim: which
# figure each word belongs to cannot be told, so its figures are not weighed (the statistic kind
# reports the sentence instead; see `overlong`). Prose sentences stay far below it.
LONGEST_SENTENCE = 2000


@dataclass(frozen=True)
class Verdict:
    """What the analysis concluded about one number."""

    scope: Scope
    quantity: Quantity
    fact: object  # the Fact it was tied to, or None
    supported: bool  # tied to a fact and right
    problem: Problem | None
    frame: object = None  # the number's claim frame (linter.facts.frames.Frame)
    row: str = ""  # the row of the decision table that decided (linter.facts.decisions)
    candidates: tuple = ()  # the facts it was weighed against, best first


def analyse(prose: str, scopes, fb: FactBase) -> tuple[Verdict, ...]:
    """The verdict on every number of the document's prose, in order."""
    records: list[Verdict] = []
    for scope in scopes:
        if _overlong(scope):
            continue
        qs = extract(prose, scope.start, scope.end)
        if not qs:
            continue
        if scope.asked:  # "Did 96% of them survive?" asks; it claims nothing
            records.extend(Verdict(scope, q, None, True, None) for q in qs if not q.attributive)
            continue
        pmap = pairs(qs, prose, table=bool(scope.cells))
        handled: set = set()
        reported: set = set()
        for q in qs:
            if q.attributive:
                continue
            partner = pmap.get(q)
            if negated_number(prose, q, scope):
                records.append(Verdict(scope, q, None, True, None))
                continue
            q = answer_unit(shared_unit(q, qs, prose), question_of(scope))
            fr = frame(q, qs, scope, prose, fb.frame_terms)
            if fr.measure in fb.relative_measures and q.kind == "percent" and not q.relative:
                q = replace(q, relative=True)  # "lowered the risk ... by 61%": a relative change
            if blocking(fr) and not _own_trial(fr, q, scope, fb):  # decision row not-a-claim
                records.append(Verdict(scope, q, None, blocking(fr) not in _UNCHECKED, None, fr,
                                       "not-a-claim"))
                continue
            cands = candidates(q, scope, fb, prose, partner, fr=fr, qs=qs)
            if not cands and scope.before:
                cands = [c for c in candidates(q, scope, fb, prose, partner, lean_back=True,
                                               fr=fr, qs=qs)
                         if c.value is not None]
            fact, supported, found = _judge(q, qs, partner, cands, scope, prose, fb, handled, fr)
            if found is not None:
                # One finding per wrong claim: the same error restated in a sentence counts once.
                key = (found.check, found.fact_id)
                if key in reported:
                    supported, found = True, None
                reported.add(key)
            records.append(Verdict(scope, q, fact, supported, found, fr,
                                   row_of(found, supported, fact, cands), tuple(cands)))
        records.extend(Verdict(scope, q, fact, False, p)
                       for q, fact, p in direction_problems(qs, scope, prose, records))
    return tuple(records)


def _own_trial(fr, q, scope, fb) -> bool:
    """Another study's words ("at our hospital", "a second trial") do not take a figure from the
    reference's own trial named nearest it: "At our hospital, children join AALL1731, which
    randomized 2,200 children" states AALL1731's figure."""
    if any(m != "another-study" for m in fr.modifiers if m in NOT_A_CLAIM):
        return False
    _, words = fb.frame_terms.modifiers["another-study"]
    return reach(scope, fb).own_trial_nearest(q.start, words)


def overlong(scopes):
    """The scopes too long to weigh their figures (LONGEST_SENTENCE), in order."""
    return (s for s in scopes if _overlong(s))


def _overlong(scope) -> bool:
    return scope.end - scope.start > LONGEST_SENTENCE


def _base(c: Candidate, q: Quantity) -> float:
    extra = (4 if c.partner else 0) + ((4 if (q.decimals or c.value.decimals) else 3) if c.value else 0)
    return c.score - extra


def _judge(q, qs, partner, cands, scope, prose, fb: FactBase, handled, fr=None) -> tuple:
    """(fact, supported, problem) for a number: what its Verdict says."""
    if q in handled:
        return (None, True, None)
    bases = [_base(c, q) for c in cands]
    top = max(bases, default=0)
    # A number that happens to fit a weakly related fact does not outweigh a clearly related one.
    matching = [c for c, base in zip(cands, bases) if c.value is not None and base >= top - 3]
    stated = stated_time(q, qs, scope, prose)
    if stated is None and fr is not None and fr.question:  # "What is the five-year survival?"
        stated = question_time(fr.question)
    if matching:
        return _judge_matching(q, partner, cands, matching, stated, scope, prose, handled)
    if cands and (historical(q, scope, prose) or q.vague):
        return (cands[0].fact, False, None)
    if cands:
        # A fact whose endpoint the sentence contradicts is not the one the number is about.
        # A fact whose time frame the sentence contradicts is not the one either.
        cands = [c for c in cands if c.value is None
                 and not endpoint_conflict(c.fact, q, scope, prose)
                 and not (stated and time_conflict(c.fact, stated))
                 and not population_conflict(c.fact, scope, context=True)]
        if not cands:
            return (None, False, None)
        best = cands[0]
        second = cands[1] if len(cands) > 1 else None
        clear = second is None or best.score - second.score >= 1.5 or not second.strong
        # A figure for a time-bound result is only called wrong when the sentence gives the same
        # time frame, names two of the fact's subjects (drug and trial), or pairs it with a
        # number that fits the fact: otherwise it may be another study's figure.
        # A number whose words state the fact's measure, and its subject (or that is about the
        # disease itself), needs no time frame: no time frame makes "over 99% survive" right.
        anchored = best.fact.time_value is None or best.partner or (
            stated is not None and not time_conflict(best.fact, stated)) or sum(
            1 for p in best.fact.subject_parts if p.search(scope.text)) >= 2 or (
            fr is not None and fr.measure == best.fact.measure and (
                not best.fact.subject_groups or best.fact.subject.search(scope.text)))
        # A general figure (no drug, no trial) is not what a sentence about a study reports.
        general = best.fact.subject is None and (
            _names_study(scope.text) or reach(scope, fb).names_treatment())
        if best.strong and clear and anchored and not general and not time_conflict(best.fact, stated) \
                and not population_conflict(best.fact, scope, context=True):
            return _wrong(best.fact, value_error(q, partner, best, scope, prose, handled))
        return (best.fact, False, None)
    return (None, False, None)


_STUDY: list = [None, False]


def _names_study(text: str) -> bool:
    """Whether a sentence names a trial, study, arm, group or cohort (asked by each of its
    figures: the answer for the last sentence is kept)."""
    return for_last(_STUDY, text, lambda: _STUDY_WORDS.search(text) is not None)


def _wrong(fact, found: Problem) -> tuple:
    return fact, False, found


def _judge_matching(q, partner, cands, matching, stated, scope, prose, handled) -> tuple:
    """A number whose value fits a candidate fact: right, or right for another endpoint, time
    frame, population, arm or direction."""
    if stated:
        matching.sort(key=lambda c: (-_base(c, q), _time_distance(c.fact, stated)))
    # A population conflict stays in its scope: when another fact the number fits covers the
    # population the sentence names (an under-20 analysis beside a 0-5 one), that one is meant.
    fits = [c for c in matching if not population_conflict(c.fact, scope)]
    if fits and fits[0] is not matching[0] and fits[0].fact.population_name:
        matching = fits + [c for c in matching if c not in fits]
    # A sentence that names no treatment or trial states a general figure: a general fact
    # that agrees explains it better than a trial's result named only earlier in the text.
    if matching[0].fact.subject is not None and not matching[0].fact.subject.search(scope.text):
        matching.sort(key=lambda c: c.fact.subject is not None)
    best = matching[0]
    f = best.fact
    ep = endpoint_conflict(f, q, scope, prose)
    tc = time_conflict(f, stated)
    pop = population_conflict(f, scope)
    if pop and not pop[0].error:
        lo, hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
        if lo <= scope.start + pop[1].start() < hi:
            return (None, False, None)  # about a subgroup this fact does not cover
        pop = None
    if q.vague and (ep or tc or pop):
        return (f, True, None)  # too rough a figure to call wrong
    if ep or tc:
        alt = next((c for c in cands if c is not best and c.fact.data["topic"] == f.data["topic"]
                    and c.fact.kind == f.kind and not endpoint_conflict(c.fact, q, scope, prose)
                    and not time_conflict(c.fact, stated) and c.fact.time_value is not None
                    and _base(c, q) >= _base(best, q) - 1.5), None)
        if alt is not None and alt.value is None:
            if partner:
                handled.add(partner[0])
            what = f"the {f.time_label} figure" if tc else f"{f.endpoint_name}"
            return _wrong(alt.fact, value_error(q, partner, alt, scope, prose, handled,
                                                   note=f"{q.text.strip()} is {what}"))
        if alt is None:
            return _wrong(f, attribute_error(q, f, ep, stated if tc else None, pop, handled,
                                                partner, scope))
        f, best = alt.fact, alt
        pop = population_conflict(f, scope)
    if pop:
        return _wrong(f, attribute_error(q, f, None, None, pop, handled, partner, scope))
    if q.kind == "pp" and f.relative:
        detail = (f"turns a relative change into an absolute one: the reference "
                  f"gives a {best.value.text('%')} relative "
                  f"{'reduction' if f.direction == 'decrease' else 'change'} "
                  f"({describe(f)}), not percentage points")
        return _wrong(f, problem("relative", q, detail, f, f.expected_text()))
    if f.direction and q.direction and q.direction != f.direction:
        detail = (f"has the direction wrong: {describe(f)} "
                  f"{'fell' if f.direction == 'decrease' else 'rose'}")
        return _wrong(f, problem("direction", q, detail, f, f.expected_text()))
    arm = quantity_arm(q, scope, f, prose)
    if arm and best.value.arm not in (arm, "overall") and any(v.arm == arm for v in f.values):
        right = next(v for v in f.values if v.arm == arm)
        if not value_matches(q, right, f):
            if partner:
                handled.add(partner[0])
            t = next((v for v in f.values if v.arm == "treatment"), None)
            c = next((v for v in f.values if v.arm == "comparator"), None)
            detail = (f"is the {best.value.label or best.value.arm} figure; the "
                      f"arms are swapped: {t.label} {t.text(f.unit)}, {c.label} {c.text(f.unit)}"
                      if t and c else "is given for the wrong arm")
            return _wrong(f, problem("direction", q, detail, f, f.expected_text()))
    return (f, True, None)


_PAST_AFTER = rx(r"\s*(?:\([^)]*\)\s*)?(?:in\s+the\s+(?:19|20)\d0s|in\s+(?:19|20)\d\d|back\s+in|decades\s+ago|"
                 r"years\s+ago|in\s+the\s+past|a\s+generation\s+ago|before\s+(?:19|20)\d\d)", re.I)


def historical(q: Quantity, scope, prose: str) -> bool:
    """A figure from another time ("from 10% in the 1960s to about 90% today") is not a claim
    about the reference value; a starting value in "from X to Y" is not either."""
    if _PAST_AFTER.match(prose, q.end, scope.end):
        return True
    return bool(re.search(r"\bfrom\s+$", prose[max(scope.start, q.start - 6):q.start], re.I)
                and _TO_AFTER.match(prose, q.end, scope.end))


def negated_number(prose: str, q: Quantity, scope) -> bool:
    """'not half', 'did not improve overall survival to 99%': a number the sentence denies is
    not a claim."""
    if _NOT_BEFORE.search(prose[max(scope.start, q.start - 14):q.start]):
        return True
    lo, _ = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    return negated(prose, q.start, lo, words=8)


def _time_distance(fact, stated) -> float:
    tv = fact.time_value
    return abs(stated[0] - tv) if tv is not None else 999
