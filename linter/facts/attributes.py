"""What else a sentence says about a number: its time frame, its endpoint, its population.

Each is looked for nearest the number first (its clause, then its ;-segment, then the sentence),
so that "2-year DFS was 81.6% vs 49.4%; 4-year DFS was 83.3%" gives each figure its own year.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from linter.document.scopes import Scope
from linter.facts.base import Fact
from linter.regexcache import compile as rx
from linter.text.clauses import clause_bounds
from linter.text.quantities import Quantity

_FOLLOW_UP = rx(r"(?:follow[\s-]?up|median|after\s+a\s+median)[^.;]{0,25}$", re.I)
_TREATMENT_SPAN = rx(r"[\s-]*(?:process|course|programme|program|regimen|treatment|therapy|plan|"
                    r"protocol|phase|schedule|cycle|journey|stay|infusion)\b", re.I)
_TIME_CUE = rx(
    r"(?:\b(?:at|after|over|by|within)\s+$)|(?:\b(?:surviv\w*|alive|living)\s+(?:for\s+)?(?:at\s+least\s+)?$)"
    r"|(?:^\s*(?:later|after\s+(?:diagnosis|treatment)|on|out)\b)", re.I)


def _nearest(pattern, text: str, a: int, b: int, lo: int = 0, hi: int | None = None):
    """The match of pattern nearest the span [a, b) of text and inside text[lo:hi]:
    (distance, match), the earlier match on a tie."""
    if pattern is None:
        return None
    hi = len(text) if hi is None else hi
    found, starts, ends = _matches(pattern, text)
    first = bisect.bisect_left(starts, lo)  # matches inside [lo, hi) are a run of the list
    stop = bisect.bisect_right(ends, hi)
    i = min(max(bisect.bisect_left(ends, a), first), stop)
    best = None
    for k in (i - 1, i):  # matches do not overlap: the nearest is on one side of a or the other
        if first <= k < stop:
            m = found[k]
            d = max(m.start() - b, a - m.end(), 0)
            if best is None or d < best[0]:
                best = (d, m)
    return best


def _matches(pattern, text: str):
    """A pattern's matches in a sentence, found once however many numbers the sentence has."""
    memo = _MATCH_MEMO
    if memo.get("text") is not text:
        memo.clear()
        memo["text"] = text
    hit = memo.get(id(pattern))
    if hit is None or hit[0] is not pattern:
        found = list(pattern.finditer(text))
        hit = memo[id(pattern)] = (pattern, found, [m.start() for m in found],
                                   [m.end() for m in found])
    return hit[1:]


_MATCH_MEMO: dict = {}


def segment(q: Quantity, scope: Scope, prose: str) -> tuple[int, int]:
    """The number's stretch of its sentence between semicolons (bisected from the sentence's
    semicolons, found once)."""
    lo, hi = scope.start, scope.end
    semis = _semicolons(prose, scope.start, scope.end)
    k = bisect.bisect_left(semis, q.start)
    if k:
        lo = semis[k - 1] + 1
    k = bisect.bisect_left(semis, q.end)
    if k < len(semis):
        hi = semis[k]
    return lo, hi


def tiers(scope: Scope, prose: str, q: Quantity):
    """The text around a number, from nearest to widest: clause, ;-segment, sentence (kept for
    the number last asked about: its candidates, time frame and endpoint all ask)."""
    key = (q.start, q.end, scope.start, scope.end)
    last = _TIERS
    if last[0] is prose and last[1] == key:
        return last[2]
    found = _tiers(scope, prose, q)
    last[:] = [prose, key, found]
    return found


_TIERS: list = [None, None, None]  # the prose, number and sentence span last asked about, tiers


def _tiers(scope: Scope, prose: str, q: Quantity):
    c_lo, c_hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    s_lo, s_hi = segment(q, scope, prose)
    # "Label: value" (a list item, a table-like line): the label belongs to the clause.
    if c_lo - s_lo <= 80 and _LABEL_END.search(prose, s_lo, c_lo):
        c_lo = s_lo
    # What a clause or segment says about a number lies within a few hundred characters of it;
    # a run-on "sentence" of thousands of figures must not make each of them read all the rest.
    c_lo, s_lo = max(c_lo, q.start - REACH), max(s_lo, q.start - REACH)
    c_hi, s_hi = min(c_hi, q.end + REACH), min(s_hi, q.end + REACH)
    return ((c_lo, c_hi), (s_lo, s_hi), (scope.start, scope.end))


REACH = 400  # characters either side of a number
_LABEL_END = rx(r":\s*$")


def _semicolons(prose: str, lo: int, hi: int) -> list[int]:
    memo = _SEMI_MEMO[0]
    if memo is None or memo[0] is not prose or memo[1] != (lo, hi):
        memo = _SEMI_MEMO[0] = (prose, (lo, hi), [lo + m.start() for m in re.finditer(";", prose[lo:hi])])
    return memo[2]


_SEMI_MEMO: list = [None]  # (prose, sentence span, positions of ";")


def stated_time(q: Quantity, qs: list[Quantity], scope: Scope, prose: str):
    """The time frame a sentence gives for a number: (months, text, start) or None.

    The nearest time expression in the number's clause wins, then in its ;-segment, then in
    the sentence; a follow-up time ("median follow-up of 2.5 years") is not a time frame.
    """
    times, starts = _time_frames(qs, scope, prose)
    for lo, hi in tiers(scope, prose, q) if times else ():  # most sentences state no time frame
        t = _nearest_time(times, starts, q, lo, hi)
        if t is not None:
            return t.value * (12 if t.unit == "year" else 1), t.text.strip(), t.start
    if scope.header:  # a table column's header: "3-year DFS"
        return _header_time(scope.header)
    return None


def _time_frames(qs: list[Quantity], scope: Scope, prose: str):
    """The durations of a sentence that can be a time frame, found once per sentence (a sentence
    of thousands of numbers asks for each of them)."""
    memo = _FRAMES_MEMO[0]
    if memo is not None and memo[0] is qs and memo[1] is prose and memo[2] == (scope.start, scope.end):
        return memo[3], memo[4]
    times = []
    for t in qs:
        if t.kind != "duration" or t.unit not in ("year", "month") or t.value is None:
            continue
        if _FOLLOW_UP.search(prose[max(scope.start, t.start - 40):t.start]):
            continue
        if t.attributive and _TREATMENT_SPAN.match(prose, t.end):
            continue  # "a two-year process of chemotherapy" is how long treatment lasts
        if not t.attributive and not _row_label_time(t, qs, scope):
            lead = prose[max(scope.start, t.start - 24):t.start]
            tail = prose[t.end:min(scope.end, t.end + 20)]
            if not (_TIME_CUE.search(lead) or _TIME_CUE.search(tail)
                    or re.match(r"\s*(?:later|after|on\b)", tail, re.I)):
                continue
        times.append(t)
    times.sort(key=lambda t: t.start)
    starts = [t.start for t in times]
    _FRAMES_MEMO[0] = (qs, prose, (scope.start, scope.end), times, starts)
    return times, starts


_FRAMES_MEMO: list = [None]  # (quantities, prose, sentence span, time frames, their starts)


def _nearest_time(times, starts, q: Quantity, lo: int, hi: int):
    """The time frame inside [lo, hi) starting nearest q (the earlier one on a tie), not q."""
    i = bisect.bisect_left(starts, q.start)
    left = next((times[j] for j in range(i - 1, -1, -1) if times[j].start < lo
                 or (times[j] is not q and times[j].end <= hi)), None)
    left = left if left is not None and left.start >= lo else None
    right = next((times[j] for j in range(i, len(times)) if times[j].start >= hi
                  or (times[j] is not q and times[j].end <= hi)), None)
    right = right if right is not None and right.start < hi and right.end <= hi else None
    if left is None or (right is not None and right.start - q.start < q.start - left.start):
        return right
    return left


def _row_label_time(t: Quantity, qs, scope: Scope) -> bool:
    """A duration in a table row's label cell ("Infant study, 4 years") is the row's time frame."""
    cell = next(((a, b) for a, b in scope.cells if a <= t.start < b), None)
    return cell is not None and not any(o is not t and cell[0] <= o.start < cell[1] for o in qs)


def question_time(question: str):
    """The time frame a question asks about ("What is the five-year survival?"), or None."""
    return _header_time(question)


@lru_cache(maxsize=64)
def _header_time(header: str):
    from linter.text.quantities import extract

    for t in extract(header):
        if t.kind == "duration" and t.attributive and t.unit in ("year", "month"):
            return t.value * (12 if t.unit == "year" else 1), t.text.strip(), -1
    return None


def endpoint_conflict(fact: Fact, q: Quantity, scope: Scope, prose: str):
    """The conflicting endpoint named nearest the number, unless a right one is nearer.

    Looks in the number's clause first, then its ;-segment, then the whole sentence.
    """
    if not fact.endpoint_conflicts:
        return None
    text = scope.text
    a, b = q.start - scope.start, q.end - scope.start
    for lo, hi in tiers(scope, prose, q):
        lo, hi = lo - scope.start, hi - scope.start
        right = _nearest(fact.endpoint_terms, text, a, b, lo, hi)
        wrong = None
        for c in fact.endpoint_conflicts:
            if c.unless is not None and c.unless.search(scope.text):
                continue
            hit = _nearest(c.pattern, text, a, b, lo, hi)
            if hit and (wrong is None or hit[0] < wrong[0][0]):
                wrong = (hit, c)
        if wrong is None and right is None:
            continue
        if wrong is not None and right is not None and wrong[0][1].start() <= right[1].start() \
                and right[1].end() <= wrong[0][1].end():
            right = None  # "survival" inside "event-free survival": the longer phrase decides
        if wrong is None or (right is not None and right[0] <= wrong[0][0]):
            return None
        return wrong[1], wrong[0][1]
    return None


def population_conflict(fact: Fact, scope: Scope, context: bool = False):
    """A phrase naming a population the fact does not cover: in the sentence, or also in the
    sentences before it in the same paragraph and its heading when `context` is set."""
    texts = [scope.text]
    if context:
        texts += [*scope.lead[:2], scope.heading]
    for text in texts:
        for c in fact.population_conflicts:
            m = c.pattern.search(text)
            if m and not (c.unless is not None and c.unless.search(scope.text)):
                return c, m
        if text is not scope.text and fact.subject is not None and fact.subject.search(text):
            break  # the text names this fact's own subject: what came before is not its context
    return None
