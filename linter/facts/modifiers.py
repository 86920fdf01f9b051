"""What reaches a number from around it: modifiers that stop it being a claim about a reference
fact, the narrower populations and places named with it, and the sentence it points back to.

The words are data (`frame-modifiers`, `subgroups`, `places` in a vocabulary file); the few shapes
here are the ones no word list can say: "rose to 90% from 84%" (the older value), a row number,
"days 1, 8, 15 and 22", "one of the children", a telephone number, "That's ..." pointing back.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from linter.facts.attributes import segment
from linter.facts.once import for_last, once, spans
from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.clauses import clause_bounds
from linter.text.quantities import Quantity

_FROM_AFTER_TO = rx(r"\bto\s+(?:about\s+|around\s+|roughly\s+)?\d[\d.,]*\s*(?:%|percent|per\s+cent)?"
                    r"\s+from\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
# A place is where a figure holds only after "in", "across", "throughout": "in the United States",
# not "American Society of Hematology" or "New England Journal of Medicine".
_LOCATIVE = lazy(r"\b(?:in|across|throughout|within)\s+(?:(?:the|many|most|some|several|other|all|parts\s+of"
                 r"(?:\s+the)?)\s+)?$", re.I)
# A ;-segment that opens by pointing back to the place of the one before: "...; there, 30%",
# "...; in some, fewer than 30%".
_THERE = lazy(r"\s*(?:there\b|in\s+(?:some|many|most|several|these|those|such|them|a\s+few)\s*(?:,|of\s+them\b))",
              re.I)
# A noun phrase that points back to the sentence before: "has that change", "these babies".
_ANAPHOR = rx(r"(?:\b(?:has|have|had|with|of|in|carry|carries|carried|on|for|from)\s+(?:that|this|these|those)"
              r"|\b(?:this|these|those|the\s+same))\s+(?!only\b|about\b|around\b|nearly\b|almost\b|is\b|was\b|are\b|were\b)"
              r"[a-z][a-z-]+\b", re.I)
# A sentence that opens by pointing at what was just said: "That's 61 points better".
_POINTER = rx(r"\W*(?:that|this|it)(?:['\u2019]s|\s+(?:is|was|means))\b", re.I)
_LABEL_LIST = rx(r"\b(?:days?|weeks?|rows?|steps?|items?|sections?|pages?|figures?|tables?|chapters?)\s+"
                 r"(?:\d+\s*(?:,|and|or|to|-|–)\s*)*$", re.I)
_PARTITIVE = lazy(r"\s+of\s+(?:the|those|these|our|his|her|their|all)\b", re.I)
_PHONE = rx(r"(?:\(\d{3}\)\s*|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b")

def places(q: Quantity, scope, prose: str, terms) -> tuple:
    """Where a place is named as where the figure holds: "in the United States"."""
    if terms.places is None:
        return ()
    lo, hi = segment(q, scope, prose)
    if lo > scope.start and _THERE.match(prose, lo, hi):
        lo = segment_before(lo, scope, prose)
    return once(("places", terms.places), prose, lo, hi, lambda: tuple(
        (m.start(), m.end()) for m in terms.places.finditer(prose, lo, hi)
        if _LOCATIVE.search(prose, max(lo, m.start() - 20), m.start())))


def segment_before(lo: int, scope, prose: str) -> int:
    """Where the ;-segment that ends right before `lo` starts."""
    semi = prose.rfind(";", scope.start, lo - 1)
    return semi + 1 if semi >= 0 else scope.start


def antecedent(scope) -> str:
    """The sentence this one points back to ("has that change", "That's 61 points better"): the
    nearest of the three before it that states a figure, else the one right before."""
    return for_last(_ANTECEDENT, scope, lambda: _antecedent(scope))


_ANTECEDENT: list = [None, ""]


def _antecedent(scope) -> str:
    if not scope.before or not (_ANAPHOR.search(scope.text) or _POINTER.match(scope.text)):
        return ""
    return next((t for t in scope.before[:3] if re.search(r"\d", t)), scope.before[0])


_SUBGROUPS: dict = {}


def subgroups(q: Quantity, scope, prose: str, terms) -> tuple:
    lo, hi = segment(q, scope, prose)
    # A list's lead-in ("For KMT2A-rearranged disease:") and the heading say whom it is about.
    lead = scope.before[0] if scope.before and scope.before[0].rstrip().endswith(":") else ""
    # The same for every number of a ;-segment: kept.
    key = (prose, lo, hi, lead, scope.heading, terms)
    hit = _SUBGROUPS.get(key)
    if hit is None:
        if len(_SUBGROUPS) > 256:
            _SUBGROUPS.clear()
        hit = _SUBGROUPS[key] = _subgroups(prose, lo, hi, lead, scope.heading, terms)
    return hit


def _subgroups(prose: str, lo: int, hi: int, lead: str, heading: str, terms) -> tuple:
    out = []
    within = terms.subgroup_screen.possible(prose, lo, hi)
    around = _around(lead, heading, terms)
    for i, (name, pattern) in enumerate(terms.subgroups.items()):
        if pattern is None:
            continue
        if within[i]:
            for m in pattern.finditer(prose, lo, hi):
                out.append((name, m.start(), m.end()))
        if around[i]:
            out.append((name, -1, -1))
    return tuple(out)


def _around(lead: str, heading: str, terms) -> list[bool]:
    """Which subgroups the lead-in or the heading names: the same for every sentence under
    them, so kept for the last pair asked about."""
    slot = _AROUND
    if slot[0] != (lead, heading) or slot[1] is not terms:
        screen = terms.subgroup_screen
        may = [screen.possible(t) for t in (lead, heading) if t]
        slot[:] = [(lead, heading), terms, [
            pattern is not None and any(m[i] for m in may)
            and any(pattern.search(t) for t in (lead, heading) if t)
            for i, pattern in enumerate(terms.subgroups.values())]]
    return slot[2]


_AROUND: list = [None, None, None]  # (lead, heading), terms, answer


def reaching(q: Quantity, scope, prose: str, terms) -> tuple:
    found = []
    c_lo, c_hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    s_lo, s_hi = segment(q, scope, prose)
    reach = {"clause": (c_lo, c_hi), "segment": (s_lo, s_hi), "sentence": (scope.start, scope.end),
             "before": (max(scope.start, q.start - 60), q.start),
             "after": (q.end, min(scope.end, q.end + 60))}
    may = _in_sentence(scope, prose, terms)
    for i, (name, (how, pattern)) in enumerate(terms.modifiers.items()):
        if pattern is None:
            continue
        lo, hi = reach[how]
        if not may[i] and scope.start <= lo and hi <= scope.end:
            continue  # a stretch of a sentence that cannot match
        if how == "after":  # right after the number: "8 months ago"
            m = pattern.search(prose, lo, hi)
            if m is not None and not prose[q.end:m.start()].strip():
                found.append(name)
            continue
        if how != "before":
            # Matches never overlap: at most one holds the number, so two tell as much as all.
            if any(not a <= q.start < b for a, b in spans(pattern, prose, lo, hi)[:2]):
                found.append(name)
            continue
        for m in pattern.finditer(prose, lo, hi):
            if prose[m.end():q.start].strip(" ~\u2248"):
                continue
            if m.start() <= q.start < m.end():
                continue
            found.append(name)
            break
    if _FROM_AFTER_TO.search(prose, max(scope.start, q.start - 60), q.start):
        found.append("historical")  # "rose to 90% from 84%": the starting value is an older one
    if _LABEL_LIST.search(prose, max(scope.start, q.start - 60), q.start):
        found.append("label")  # "on days 1, 8, 15 and 22": days of a schedule, not counts
    if _PHONE.search(prose, max(scope.start, q.start - 6), min(scope.end, q.end + 12)):
        found.append("identifier")  # a telephone number
    if q.kind in ("count", "number") and _PARTITIVE.match(prose[q.end:q.end + 12]):
        found.append("partitive")  # "one of the children": a member of a group, not its size
    if scope.cells and scope.cells[0][0] <= q.start < scope.cells[0][1] and q.value is not None \
            and float(q.value).is_integer() and prose[slice(*scope.cells[0])].strip() == q.text.strip():
        found.append("row-number")  # "| 9 | Infant blinatumomab ... |": the row's index
    return tuple(dict.fromkeys(found))


def _in_sentence(scope, prose: str, terms) -> list[bool]:
    """Which modifiers may match somewhere in the sentence: asked once per sentence."""
    slot = _SENTENCE
    if slot[0] is not scope or slot[1] is not terms or slot[2] is not prose:
        slot[:] = [scope, terms, prose, terms.modifier_screen.possible(prose, scope.start, scope.end)]
    return slot[3]


_SENTENCE: list = [None, None, None, None]  # scope, terms, prose, answer

_SHARED_JOIN = lazy(r"\s*(?:vs\.?|versus|and|or|to|-|–)\s*$", re.I)


_HOW_MANY = lazy(r"\bhow\s+many\s+([a-z][a-z-]+)", re.I)


def answer_unit(q: Quantity, question: str) -> Quantity:
    """'How many babies were in the study?' 'Three hundred.': a bare number that answers "how
    many" counts what the question names."""
    m = _HOW_MANY.search(question) if q.kind == "number" and question else None
    return replace(q, kind="count", unit=m.group(1).lower()) if m else q


def shared_unit(q: Quantity, qs, prose: str) -> Quantity:
    """'93.3 vs 65.8%': a bare number joined to a percent shares its unit."""
    if q.kind != "number":
        return q
    nxt = _first_from(qs, q.end)
    if nxt is not None and nxt.kind == "percent" and _SHARED_JOIN.match(prose[q.end:nxt.start]):
        return replace(q, kind="percent", unit="%")
    return q


_ORDER: list = [None]  # (qs, their starts, whether in text order): asked once per figure of qs


def figure_starts(qs) -> tuple[list, bool]:
    """The start offsets of a list of figures, and whether they are in text order; remembered
    for the last list, which every figure of a sentence asks about."""
    memo = _ORDER[0]
    if memo is None or memo[0] is not qs:
        starts = [o.start for o in qs]
        memo = (qs, starts, all(a <= b for a, b in zip(starts, starts[1:])))
        _ORDER[0] = memo
    return memo[1], memo[2]


def figures_in(qs, a: int, b: int):
    """The figures of qs that start in [a, b): by bisection when they are in text order."""
    starts, ordered = figure_starts(qs)
    if not ordered:
        return (o for o in qs if a <= o.start < b)
    return qs[bisect_left(starts, a):bisect_left(starts, b)]


def figure_clause(q: Quantity, qs, a: int, b: int, scope, prose: str):
    """The clause around prose[a:b] when it states a figure of its own (not q): words there are
    that figure's ("... and T-cell ALL about 15%"); else None."""
    lo, hi = clause_bounds(prose, scope.start, scope.end, a, b)
    if any(o is not q and not o.attributive for o in figures_in(qs, lo, hi)):
        return lo, hi
    return None


def _first_from(qs, at: int):
    """The first figure of qs (in list order) that starts at or after `at`; by bisection when
    the figures are in text order, so a line of thousands of figures stays linear."""
    starts, ordered = figure_starts(qs)
    if not ordered:
        return next((o for o in qs if o.start >= at), None)
    i = bisect_left(starts, at)
    return qs[i] if i < len(qs) else None
