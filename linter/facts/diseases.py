"""Which other disease a figure is stated for ("For children with AML, survival is about 65%").

A figure belongs to the disease its sentence states it for. The diseases other than the one the
facts are about are data (`other-diseases` in a vocabulary file). A mention of one counts for a
figure when it is in the figure's ;-segment, except:
- as the point of comparison the figure is set against ("ALL survival is about 90%, far better
  than for AML"): a mention after "than", "unlike", "compared with"... up to the next , ; or :
  counts only for a figure in that same stretch ("lower than for AML, about 65%");
- in a later clause that states its own figure ("ALL survival is about 90%, against 65% for
  AML"): that figure's disease, not this one's.
A fact is not about a figure stated for another disease unless the fact's own words name that
whole disease (a team's AML fact), or the figure's own clause names the fact's subject while the
other disease stands outside it.
"""
from __future__ import annotations

import re

from linter.facts.attributes import segment
from linter.facts.modifiers import figure_clause
from linter.facts.once import once
from linter.regexcache import lazy
from linter.text.clauses import clause_bounds
from linter.text.quantities import Quantity

_COMPARISON = lazy(r"\b(?:than|unlike|compared\s+(?:with|to)|versus|vs\.?|relative\s+to|"
                   r"as\s+opposed\s+to)(?!\w)", re.I)
_STRETCH_END = lazy(r"[,;:]")


def stated_for(q: Quantity, qs, scope, prose: str, terms) -> tuple:
    """The (start, end) of the other diseases the figure is stated for."""
    pattern = terms.diseases
    if pattern is None:
        return ()
    lo, hi = segment(q, scope, prose)
    found = once(("diseases", pattern), prose, lo, hi,
                 lambda: tuple(m.span() for m in pattern.finditer(prose, lo, hi)))
    if not found:
        return ()
    c_lo, c_hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    out = []
    for a, b in found:
        if compared_away(q, a, b, prose, lo, hi):
            continue
        if a >= c_hi and figure_clause(q, qs, a, b, scope, prose):
            continue
        out.append((a, b))
    return tuple(out)


def compared_away(q: Quantity, a: int, b: int, prose: str, lo: int, hi: int) -> bool:
    """Whether the mention is the point of comparison of a stretch that does not hold q."""
    start = None
    for m in _COMPARISON.finditer(prose, max(lo, a - 80), a):
        if not _STRETCH_END.search(prose, m.end(), a):
            start = m.start()
            break
    if start is None:
        return False
    end = _STRETCH_END.search(prose, b, hi)
    end = end.start() if end else hi
    return not start <= q.start < end


def conflict(fact, fr, q: Quantity, scope, prose: str, terms) -> bool:
    """Whether the figure is stated for another disease that the fact is not about."""
    clause = None
    for a, b in fr.diseases:
        if any(m.start() <= a and b <= m.end() for p in fact.own_patterns
               for m in p.finditer(prose, max(0, a - 40), min(len(prose), b + 40))):
            continue  # the fact's own words name this disease
        if clause is None:
            clause = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
        if not clause[0] <= a < clause[1] and _names_subject(fact, clause, prose, terms):
            continue  # "ALL survival is about 90%, ... AML ...": the clause says whose it is
        return True
    return False


def _names_subject(fact, clause, prose: str, terms) -> bool:
    """Whether the clause names the fact's subject outside any other disease's name (the
    "leukemia" of "acute myeloid leukemia" is not the fact's leukemia)."""
    if fact.subject is None:
        return False
    lo, hi = clause
    others = [m.span() for m in terms.diseases.finditer(prose, lo, hi)]
    return any(not any(a <= m.start() < b for a, b in others)
               for m in fact.subject.finditer(prose, lo, hi))
