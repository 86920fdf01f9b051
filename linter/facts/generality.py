"""Which facts speak of the disease as a whole, and the population a sentence takes from the one
before: a general fact does not cover a figure stated for a narrower population (adults, a
relapse, an age band), wherever the sentence names it."""
from __future__ import annotations

from linter.text.clauses import clause_bounds
from linter.text.terms import compile_terms


def own_terms(fact, text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is one of the fact's own words (a subgroup the fact is about)."""
    for pattern in fact.own_patterns:
        for m in pattern.finditer(text, max(0, lo - 40), min(len(text), hi + 40)):
            if m.start() < hi and lo < m.end():
                return True
    return False


def general(fact, fb) -> bool:
    """A fact about the disease as a whole: one with no subject, or whose subject is only the
    disease's names, no treatment, trial or group of the vocabulary and no named study (the
    vocabulary's `cited-studies` or `trial-ids`: a registry study's age bands are its own)."""
    if fact.subject is None:
        return True
    if fact.subject_groups:
        return False
    hit = _GENERAL.get((fb, fact.subject_key))
    if hit is None:
        if len(_GENERAL) > 64:
            _GENERAL.clear()
        vocabulary = fb.knowledge.vocabulary
        studies = [p for p in (fb.trial_names, compile_terms(["@cited-studies"], vocabulary)
                               if "cited-studies" in vocabulary else None) if p is not None]
        hit = _GENERAL[(fb, fact.subject_key)] = not any(
            p.search(t) for p in studies for t in fact.subject_terms)
    return hit


_GENERAL: dict = {}  # (fact base, subject terms): whether facts with that subject are general


def carried(fact, scope, fb) -> bool:
    """A sentence that does not name the fact's subject leans on the one before for it, and so
    on the population named in the same clause: "ALL in adults is harder to treat. Only about
    35% of patients survive five years." (the number's own sentence names no subgroup)."""
    if fact.subject.search(scope.text):
        return False
    prev = scope.before[0]
    groups = [p for p in fb.frame_terms.subgroups.values() if p is not None]
    for m in fact.subject.finditer(prev):
        lo, hi = clause_bounds(prev, 0, len(prev), m.start(), m.end())
        if any(not own_terms(fact, prev, g.start(), g.end())
               for p in groups for g in p.finditer(prev, lo, hi)):
            return True
    return False
