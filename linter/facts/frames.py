"""Claim frames: what a stated number says, slot by slot.

A number's frame holds the measure it is a value of ("enrolled", "survival", "dose"), the narrower
populations named with it, whether it is stated as a bound ("below 50,000"), the question it
answers, and the modifiers that stop it being a claim about a reference fact (planned, another
study, historical, a back-reference such as "those 6%", an age that defines a group, a table's row
number). Slots come from the number's own clause first, then from what it leans on: its sentence,
its table cell, row label and column header, or the question it answers (a heading or a "Q:" line
ending in "?"). A slot that nothing states is None: unknown, and an unknown slot never conflicts
with a fact. The words are data (`measures`, `frame-modifiers`, `subgroups` in a vocabulary file).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from linter.document.scopes import Scope
from linter.facts.diseases import stated_for
from linter.facts.frameterms import FrameTerms
from linter.facts.measurewords import hits as _hits
from linter.facts.measurewords import index as _measure_index
from linter.facts.modifiers import (
    antecedent,
    figure_clause,
    figure_starts,
    figures_in,
    places,
    reaching,
    subgroups,
)
from linter.facts.once import for_last
from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.clauses import clause_bounds
from linter.text.parens import Parens
from linter.text.quantities import Quantity

_COMPARED = rx(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|against)\b", re.I)
_OF = lazy(r"\s*(?:of\s+(?:all\s+)?(?:the\s+)?)?")
_FROM = lazy(r"\bfrom\s+(?:\w+\s+)?$", re.I)
_TO = lazy(r"\bto\s*$")
_TIMES = ("duration", "age", "yearspan")  # "survive five years": a time frame owns no measure word
_BOUND = ("under", "over", "at-least", "at-most")


@dataclass(frozen=True)
class Frame:
    measure: str | None  # None: the number's words state no measure
    measure_from: str  # where the measure was found: clause, sentence, cell, row, column, question
    subgroups: tuple  # (group, start, end) of narrower populations named with the number
    places: tuple  # (start, end) of places named in the number's stretch of sentence
    modifiers: tuple  # names of modifiers that reach the number
    bound: bool  # stated as a threshold: "below 50,000", "36 months or more"
    question: str  # the question the sentence answers, or ''
    antecedent: str = ""  # the sentence before, when this one points back to it ("has that change")
    diseases: tuple = ()  # (start, end) of other diseases the number is stated for

    def as_dict(self) -> dict:
        return {"measure": self.measure, "measure_from": self.measure_from or None,
                "subgroups": sorted({g for g, _, _ in self.subgroups}),
                "places": len(self.places), "diseases": len(self.diseases),
                "modifiers": list(self.modifiers), "bound": self.bound,
                "question": self.question or None, "antecedent": self.antecedent or None}


def question_of(scope: Scope) -> str:
    """The question a sentence answers: the sentence before it, or its heading, ending in '?'."""
    return for_last(_QUESTION, scope, lambda: _question_of(scope))


_QUESTION: list = [None, ""]


def _question_of(scope: Scope) -> str:
    if scope.before:
        prev = scope.before[0].strip()
        return prev if prev.endswith("?") else ""
    heading = (scope.heading or "").strip()
    return heading if heading.endswith("?") else ""


# Kinds whose unit already says what they measure: a p-value, a dose, a period, a ratio.
_MEASURED = ("percent", "count", "number", "duration", "dose", "yearspan")


def frame(q: Quantity, qs, scope: Scope, prose: str, terms: FrameTerms) -> Frame:
    measure, source = _measure(q, qs, scope, prose, terms) if q.kind in _MEASURED else (None, "")
    modifiers = reaching(q, scope, prose, terms)
    if "planned" in modifiers and q.kind in ("count", "number"):
        # "plans to enrol 160": a planned count is a value of the plan, not of the study's result
        modifiers = tuple(m for m in modifiers if m != "planned")
        if not (measure or "").startswith("planned-"):
            measure, source = f"planned-{measure or 'enrolled'}", source or "clause"
    return Frame(measure, source, _own_clause(q, qs, scope, prose, subgroups(q, scope, prose, terms)),
                 places(q, scope, prose, terms), modifiers, q.qualifier in _BOUND, question_of(scope),
                 antecedent(scope), stated_for(q, qs, scope, prose, terms))


def _own_clause(q: Quantity, qs, scope: Scope, prose: str, found: tuple) -> tuple:
    """A subgroup named in a later clause that states its own figure is that figure's, not
    this number's ("B-cell ALL makes up 85% of cases and T-cell ALL about 15%": 85% is not
    T-cell ALL's). One named before the number still leads it ("For T-cell ALL, survival is
    80% at five years and 75% at ten")."""
    if not found:
        return found
    hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)[1]
    if all(a < hi for _, a, _ in found):
        return found
    kept = []
    for hit in found:
        _, a, b = hit
        if a >= hi and figure_clause(q, qs, a, b, scope, prose):
            continue
        kept.append(hit)
    return tuple(kept)


_BREAKDOWN = lazy(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\w-]+\s+){0,3}\(\s*"
                  r"(?:[^()]*?[,;]\s*)?$")


def total_before(q: Quantity, prose: str, lo: int) -> float | None:
    """The total a count in parentheses breaks down: "1,440 children randomized (718 ..., 722
    ...)" (None when q is no such part)."""
    if q.kind not in ("count", "number") or "(" not in prose[max(lo, q.start - 80):q.start]:
        return None
    m = _BREAKDOWN.search(prose, max(lo, q.start - 80), q.start)
    return float(m.group(1).replace(",", "")) if m else None


def _cell(scope: Scope, at: int):
    return next(((a, b) for a, b in scope.cells if a <= at < b), None)


@lru_cache(maxsize=256)
def _containers(prose: str, lo: int, hi: int) -> Parens:
    """Parenthesised stretches of prose[lo:hi]: a term inside one belongs to the number there.
    (Asked for every term of every number of a sentence: kept.)"""
    return Parens(prose, lo, hi)


def has_boxes(scope: Scope, prose: str) -> bool:
    """Whether the sentence has a parenthesis or table cell: nothing is owned elsewhere without."""
    return bool(scope.cells) or bool(_containers(prose, scope.start, scope.end).pairs)


def owned_elsewhere(start: int, end: int, q: Quantity, qs, scope: Scope, prose: str) -> bool:
    """A term in a parenthesis or table cell that holds another number but not q is that
    number's: "~95% (induction failure 2.4%)" does not call ~95% an induction-failure rate."""
    boxes = _containers(prose, scope.start, scope.end).holding(start, end)
    cell = _cell(scope, start)
    if cell:
        boxes.append(cell)
    for a, b in boxes:
        if a <= q.start < b:
            continue
        if any(o is not q and not o.attributive and (o.kind == q.kind or o.kind not in _TIMES)
               for o in figures_in(qs, a, b)):
            return True
    return False


def _noun_span(q: Quantity, prose: str):
    """Where a share's noun is written: inside the number ("one relapse in ten") or right after
    it ("half of relapses")."""
    if not q.noun:
        return (q.start, q.end)
    m = _OF.match(prose[q.end:q.end + 20])
    return (q.start, q.end + m.end() + len(q.noun) + 2)


def _nearest(hits, q: Quantity):
    return min(hits, key=lambda h: max(h[0] - q.end, q.start - h[1], 0))[2] if hits else None


def _measure(q, qs, scope, prose, terms):
    if scope.cells:
        cell = _cell(scope, q.start)
        found = _nearest(_hits(*cell, prose, terms, _noun_span(q, prose), q.kind), q) if cell else None
        if found:
            return found, "cell"
        column = next((i for i, c in enumerate(scope.cells) if c == cell), None)
        if column is not None and column < len(scope.header_cells):
            found = _text_measure(scope.header_cells[column], terms, q.kind)
            if found:
                return found, "column"
        # A row label names its measure first: "5-yr DFS, all randomized", "Share of relapses".
        labels = [h for a, b in scope.cells if (a, b) != cell
                  and not any(a <= o.start < b for o in qs if not o.attributive)
                  for h in _hits(a, b, prose, terms, kind=q.kind)]
        return (min(labels)[2], "row") if labels else (None, "")
    if q.kind == "count" and q.unit:  # "in sixteen countries": the counted noun is the measure
        own = [h for h in _hits(q.start, min(scope.end, q.end + len(q.unit) + 3), prose, terms,
                                kind=q.kind) if h[0] >= q.end - len(q.unit) - 1]
        if own:
            return own[0][2], "clause"
    lo, hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    if total_before(q, prose, scope.start) is not None:
        # "1,440 randomized (718 ..., 722 ...)": a breakdown's words stay in its parentheses
        box = _containers(prose, scope.start, scope.end).inside(q.start)
        if box:
            lo, hi = max(lo, box[0]), min(hi, box[1])
    skip = _noun_span(q, prose)
    found = _measure_index(lo, hi, prose, terms, q.kind).nearest(
        q.start, q.end, skip,
        lambda h: not owned_elsewhere(h[0], h[1], q, qs, scope, prose) and not _nearer_other(h, q, qs))
    if found:
        return found, "clause"
    # A number in parentheses is a breakdown of the one before: its words stay inside.
    box = _containers(prose, scope.start, scope.end).inside(q.start) or (scope.start, scope.end)
    words = _measure_index(box[0], box[1], prose, terms, q.kind)
    if words.hits:
        # Another number's clause keeps its words, unless the two are compared ("93% ...,
        # compared with 24%"): then they share one measure. (Only numbers within reach: a run-on
        # sentence of thousands must not cost each all others; worked out when first needed.)
        others: list = []

        def free(h):
            if not others:
                others.append([clause_bounds(prose, scope.start, scope.end, o.start, o.end)
                               for o in _near(q, qs) if not o.attributive and not _compared(o, q, prose)])
            return not any(a <= h[0] < b for a, b in others[0]) \
                and not owned_elsewhere(h[0], h[1], q, qs, scope, prose)

        found = words.nearest(q.start, q.end, skip, free)
        if found:
            return found, "sentence"
    question = question_of(scope)
    found = _text_measure(question, terms, q.kind) if question else None
    return (found, "question") if found else (None, "")


_NEIGHBOURS = 12  # figures on each side of a number that can share or take its words


def _near(q: Quantity, qs) -> list:
    """The figures around q, at most 600 characters and _NEIGHBOURS figures away on each side:
    a run-on text of thousands of figures must not cost each of them all the others."""
    starts, _ = figure_starts(qs)
    i = bisect_left(starts, q.start)
    while i < len(qs) and qs[i] is not q:
        i += 1
    if i == len(qs):  # not in order: fall back to a scan
        return [o for o in qs if o is not q and abs(o.start - q.start) <= 600]
    lo, hi = max(0, i - _NEIGHBOURS), min(len(qs), i + _NEIGHBOURS + 1)
    return [o for o in qs[lo:hi] if o is not q and abs(o.start - q.start) <= 600]


def _distance(h, o) -> int:
    return max(h[0] - o.end, o.start - h[1], 0)


def _nearer_other(h, q, qs) -> bool:
    """A word nearer another number than this one is that number's ("300 babies from nine
    countries": "countries" is what nine counts)."""
    near = _distance(h, q)
    return any(_distance(h, o) < near for o in figures_in(qs, h[0] - near - 200, h[0] + near + 201)
               if o is not q and not o.attributive and (o.kind == q.kind or o.kind not in _TIMES))


def _compared(a: Quantity, b: Quantity, prose: str) -> bool:
    """Two figures set against each other: "93% ... compared with 24%", "from under 20% ... to
    40 to 50%"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = prose[first.end:second.start]
    if _COMPARED.search(between):
        return True
    return bool(_FROM.search(prose[max(0, first.start - 20):first.start]) and _TO.search(between))


def _text_measure(text: str, terms: FrameTerms, kind=None):
    asides = [m.span() for m in re.finditer(r"\([^()]*\)", text)]  # "(n = 30)" is an aside
    hits = [h for h in _hits(0, len(text), text, terms, kind=kind)
            if not any(a <= h[0] < b for a, b in asides)]
    return hits[0][2] if len({h[2] for h in hits}) == 1 else None


