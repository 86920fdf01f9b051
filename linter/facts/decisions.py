"""The decision table: how a number's claim frame and a fact's frame decide a verdict.

Each row is one named outcome; every wrong-statistic code comes from exactly one row, and
`medlint trace` shows the row that decided. The table, in the order it is read:

| row | when | verdict (the check; rules/statistics.yaml gives the code) |
|---|---|---|
| `not-a-claim` | a modifier reaches the number (another study, historical, a back-reference, an age that defines a group, a row number or label, "one of the", a telephone number); "planned" makes the measure a planned one instead | nothing |
| `no-candidate` | no fact's identifying slots are stated, or every candidate conflicts on a slot (another measure, population, place or disease, a threshold for a figure that is no bound) | unsupported-claim candidate (CLAIM002 decides), never STAT |
| `supported` | the value agrees with the best candidate | nothing; the sentence counts as supported |
| `abstain` | candidates tie, the number is too vague, or the frame lacks a slot the fact is identified by | nothing |
| `endpoint` | the number's own words name an endpoint the fact's conflicts list | endpoint (STAT002) |
| `time-frame` | the number's sentence states a time frame and it differs from the fact's | time (STAT003) |
| `population` | the sentence names a population the fact's conflicts list | population (STAT004) |
| `direction` | a change verb or an arm cue disagrees with the fact | direction (STAT005) |
| `relative-absolute` | a relative change stated in percentage points, or called absolute | relative (STAT006) |
| `value` | one best candidate, every identifying slot stated, no conflict, and the value disagrees | value (STAT001; time, STAT003, for a period) |

A slot the number's frame leaves unknown never conflicts; a missing time frame never makes an
error. reference/README.md ("How a number is judged") documents the slots and this table. `conflicts()` below lists the slots on which a fact cannot be the one a
number is about; `conflicting()`, the candidate filter, reads them cheapest first up to the first
that conflicts.
"""
from __future__ import annotations

import re

from linter.facts import diseases
from linter.facts.attributes import segment
from linter.facts.frames import Frame, has_boxes, owned_elsewhere
from linter.facts.generality import carried, general, own_terms
from linter.facts.measurewords import REACH
from linter.facts.modifiers import figure_clause
from linter.facts.once import span_index
from linter.facts.reach import reach
from linter.facts.trials import slip
from linter.regexcache import lazy
from linter.text.clauses import clause_bounds

ROWS = ("not-a-claim", "no-candidate", "supported", "abstain", "endpoint", "time-frame",
        "population", "direction", "relative-absolute", "value")
# Each problem row names the check of the statistic kind it fails; rules/statistics.yaml gives
# the code (endpoint STAT002, time STAT003, population STAT004, direction STAT005, relative
# STAT006, value STAT001).
CHECKS = {"endpoint": "endpoint", "time-frame": "time", "population": "population",
          "direction": "direction", "relative-absolute": "relative", "value": "value"}

# Modifiers after which a number is not a claim about the reference at all.
NOT_A_CLAIM = ("planned", "another-study", "historical", "dated", "elapsed", "back-reference", "group-defining",
               "row-number", "label", "partitive", "identifier")


def row_of(problem, supported: bool, fact, cands) -> str:
    """The row of the table a verdict came from."""
    if problem is not None:
        return next((row for row, check in CHECKS.items() if check == problem.check), "value")
    if not cands:
        return "no-candidate"
    return "supported" if supported and fact is not None else "abstain"


def blocking(fr: Frame) -> str | None:
    return next((m for m in fr.modifiers if m in NOT_A_CLAIM), None)


def conflicts(fact, fr: Frame, q, qs, scope, prose: str, fb) -> list[str]:
    """The slots on which this fact cannot be what the number states (empty: a candidate)."""
    found = (slot(fact, fr, q, qs, scope, prose, fb) for slot in _SLOTS)
    return [name for name in found if name]


def conflicting(fact, fr: Frame, q, qs, scope, prose: str, fb) -> bool:
    """Whether the fact conflicts on any slot (each is a plain question, so the order does not
    change the answer). Every candidate of every figure is asked this: each slot's own first
    test is read here, cheapest first, and the slot is called only when that test holds."""
    if fact.qualifier in _BOUNDS and not fr.bound and q.kind in _BOUND_KINDS:
        return True  # _bound
    if "period" in fr.modifiers and "span" not in fact.time:
        return True  # _time
    if fact.kind == "age" and q.kind in _AGE_KINDS and _age(fact, fr, q, qs, scope, prose, fb):
        return True
    if fr.measure and fact.measure and fr.measure != fact.measure \
            and _measure(fact, fr, q, qs, scope, prose, fb):
        return True
    if fact.subject is not None and other_study(fact, scope, fb):  # _subject
        return True
    if fr.subgroups and general(fact, fb) and _subgroup(fact, fr, q, qs, scope, prose, fb):
        return True
    if not fr.subgroups and scope.before and fact.subject is not None and general(fact, fb) \
            and reach(scope, fb).answer(("carried", fact.subject_key), carried, fact, scope, fb):
        return True  # _subject
    if "population" in fact.identify and _population(fact, fr, q, qs, scope, prose, fb):
        return True
    if fr.places and _place(fact, fr, q, qs, scope, prose, fb):
        return True
    if fr.diseases and _disease(fact, fr, q, qs, scope, prose, fb):
        return True
    return bool(fact.keys) and reach(scope, fb).boxed(prose) \
        and _terms(fact, fr, q, qs, scope, prose, fb) is not None


_BOUNDS = ("under", "over", "at-least", "at-most")
_BOUND_KINDS = ("count", "number", "wbc")


def _measure(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if fr.measure and fact.measure and fr.measure != fact.measure and not _stands_for(fr, fact) \
            and not _names_conflict(fact, q, scope, prose):
        return "measure"  # (a measure the fact lists as a wrong endpoint is the endpoint row)
    return None


def _terms(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if fact.keys and has_boxes(scope, prose) and any(
            group is not None and _all_elsewhere(group, q, qs, scope, prose) for group in fact.keys):
        return "terms"  # its words sit with another number: "~95% (induction failure 2.4%)"
    return None


def _bound(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if fact.qualifier in _BOUNDS and not fr.bound and q.kind in _BOUND_KINDS:
        return "bound"  # a patient's own count is not the threshold that defines a group
    return None


_AGE_KINDS = ("age", "duration")
_OLD = lazy(r"[\s-]*old\b(?!\s+or\s+(?:younger|older|less|more|under|over)\b)", re.I)
_SINCE = lazy(r"\s*(?:after|since|following)\s", re.I)


def _age(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if fact.kind != "age" or q.kind not in _AGE_KINDS:
        return None
    if fact.qualifier in _BOUNDS and not fr.bound and _OLD.match(prose, q.end):
        return "bound"  # "she was four months old": one child's age is not a group's threshold
    if q.kind == "duration" and _SINCE.match(prose, q.end):
        return "measure"  # "two years after diagnosis" is a time since an event, not an age
    return None


def _time(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if "period" in fr.modifiers and "span" not in fact.time:
        return "time"  # a figure for a past period is not a fact without one
    return None


def _subject(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if fact.subject is not None and other_study(fact, scope, fb):
        return "subject"
    if not general(fact, fb):
        return None
    if not fr.subgroups:
        return "population" if fact.subject is not None and scope.before \
            and carried(fact, scope, fb) else None
    return _subgroup(fact, fr, q, qs, scope, prose, fb)


def _subgroup(fact, fr: Frame, q, qs, scope, prose: str, fb):
    # A general fact does not cover a figure stated for a narrower population or one arm.
    here = reach(scope, fb)  # the sentence's figures ask the same of the same fact
    for name, a, b in fr.subgroups:
        if a < 0:  # named in the heading or a list's lead-in, and not in the fact's own words
            lead = scope.before[0] if scope.before else ""
            texts = [t for t in (lead, scope.heading) if t]
            if any(c.pattern is not None and c.pattern.search(t)
                   for c in fact.population_conflicts for t in texts) \
                    or not any(own_terms(fact, t, 0, len(t)) for t in texts):
                return "population"
            continue
        if not here.answer(("own", fact, a, b), own_terms, fact, prose, a, b) \
                and not owned_elsewhere(a, b, q, qs, scope, prose) \
                and not diseases.compared_away(q, a, b, prose, *segment(q, scope, prose)) \
                and not _other_clause(fact, a, b, q, qs, scope, prose):
            return "population"
    return None


def _other_clause(fact, a: int, b: int, q, qs, scope, prose: str) -> bool:
    """A subgroup named in another clause that states its own figure is that figure's when the
    number's own clause names words of the fact that the other clause lacks ("T-cell ALL is
    about 15% of cases and B-cell ALL roughly 85%": 85% is the B-cell share)."""
    lo, hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    if lo <= a < hi:
        return False
    other = figure_clause(q, qs, a, b, scope, prose)
    if other is None:
        return False
    return any(g.search(prose, lo, hi) and not g.search(prose, *other) for g in fact.key_groups)


def _place(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if not fr.places:
        return None
    here = reach(scope, fb)
    if any(not here.answer(("own", fact, a, b), own_terms, fact, prose, a, b)
           for a, b in fr.places):
        return "place"  # "in the United States, 3,000 a year" is not a worldwide count
    return None


def _disease(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if fr.diseases and diseases.conflict(fact, fr, q, scope, prose, fb.frame_terms):
        return "disease"  # "for children with AML, survival is 65%" is not an ALL figure
    return None


def _population(fact, fr: Frame, q, qs, scope, prose: str, fb):
    if "population" in fact.identify and not reach(scope, fb).answer(
            ("population", fact, fr.question), population_stated, fact, fr, scope, fb):
        return "population"
    return None


_SLOTS = (_measure, _terms, _bound, _age, _time, _subject, _place, _disease, _population)  # conflicts()' order


def population_stated(fact, fr: Frame, scope, fb) -> bool:
    """A fact told apart by its population (the infant study, not the trial in older children)
    needs that population, or its own study, named with the number or in the text it leans on."""
    patterns = [fact.population_terms] if fact.population_terms is not None else [
        fb.subjects[n] for n in fb.anchors if n in fact.subject_groups and n in fb.subjects]
    # (A population named in a table's other row that states its own figure is that row's.)
    texts = (scope.text, scope.header, scope.table and reach(scope, fb).table_labels(),
             *scope.before[:3], scope.heading, fr.question)
    if any(c.pattern is not None and c.pattern.search(scope.text) for c in fact.population_conflicts):
        return True  # a population the fact does not cover: the population row decides
    return any(p.search(t) for p in patterns if p is not None for t in texts if t)


def _names_conflict(fact, q, scope, prose: str) -> bool:
    """Whether the number's clause names an endpoint the fact lists as a wrong one."""
    lo, hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    return any(c.pattern is not None and c.pattern.search(prose, lo, hi) for c in fact.endpoint_conflicts)


def _all_elsewhere(pattern, q, qs, scope, prose: str) -> bool:
    """Every match of a fact's term group in the sentence belongs to another number (of those
    within REACH of it: words further away are no figure's of ours, and a run-on sentence must
    not cost each of its figures all the others). Asked only of a sentence with boxes
    (frames.has_boxes): nothing is owned elsewhere without."""
    hits = span_index(pattern, prose, scope.start, scope.end).near(q.start, q.end, REACH)
    return bool(hits) and all(owned_elsewhere(a, b, q, qs, scope, prose) for a, b in hits)


def _stands_for(fr: Frame, fact) -> bool:
    """The children who took part in a randomized trial are those randomized."""
    return fr.measure == "enrolled" and fact.measure == "randomized" and fact.design == "randomized"


def other_study(fact, scope, fb) -> bool:
    """A trial's fact, in a text whose context names another trial and never this one: figures
    in a summary of trial X are trial X's, whatever drug they share. Facts with the same
    subjects get the same answer in a sentence: it is worked out once."""
    studies = reach(scope, fb).studies
    hit = studies.get(fact.subject_groups)
    if hit is None:
        hit = studies[fact.subject_groups] = _other_study(fact, scope, fb)
    return hit


def _other_study(fact, scope, fb) -> bool:
    anchors = [fb.subjects[n] for n in fb.anchors if n in fact.subject_groups and n in fb.subjects]
    if not anchors:
        return False
    # A table's other rows may be other studies' figures: the row, its header and the text
    # around the table decide, nearest first: the first that names a trial, this one or
    # another, decides ("... the E1910 trial, which randomized 224 adults" after a paragraph
    # on AALL1731 is E1910's); one that names both leaves the fact a candidate.
    texts = (scope.text, scope.header, *scope.before, scope.heading, scope.title)
    others = [fb.subjects[n] for n in fb.trials if n not in fact.subject_groups]
    # An identifier the fact base does not know names another trial, unless it is a slip for
    # this fact's own ("AALL173" for AALL1731).
    own = [t.upper() for n in fact.subject_groups for t in fb.knowledge.vocabulary.get(n, ())
           if not t.startswith(("re:", "@"))]
    for t in texts:
        if not t:
            continue
        if any(a.search(t) for a in anchors):
            return False
        if any(p is not None and p.search(t) for p in others) or fb.trial_names is not None and any(
                not any(slip(m.group(0).upper(), o) for o in own) for m in fb.trial_names.finditer(t)):
            return True
    return False
