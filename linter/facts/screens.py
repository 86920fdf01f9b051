"""The fact base's contradictions and claims a sentence may state, found for all of them at once.

Every sentence is tested against each contradiction's predicate and each group of each claim
(facts' `contradictions` and `claim`): a contradiction may match only where the literal pieces of
its predicate are held (text/literals.py), a claim only where those of every one of its groups
are. One sieve (text/sieve.py) answers for all of them from one reading of the sentence. Built
once per fact base; the answers are those of asking each test on its own.
"""
from __future__ import annotations

import weakref

from linter.text.literals import needs_of
from linter.text.sieve import Sieve


class FactScreens:
    __slots__ = ("contradictions", "claims", "_claim_tests", "_count", "sieve", "__weakref__")

    def __init__(self, factbase):
        # (fact, contradiction, planned pieces of its predicate), in the fact base's order
        self.contradictions = [(fact, c, needs_of(c.groups[-1])) for fact, c in factbase.contradictions]
        # Claims with a group that compiles to nothing never match: they are left out.
        self.claims = [f for f in factbase.claim_facts if all(g is not None for g in f.claim)]
        planned = [needs for _, _, needs in self.contradictions]
        tests = []
        for fact in self.claims:
            first = len(planned)
            planned.extend(needs_of(g) for g in fact.claim)
            tests.append(frozenset(range(first, len(planned))))
        self._claim_tests = tuple(zip(self.claims, tests))
        self._count = len(self.contradictions)
        self.sieve = Sieve(planned)

    def screened(self, shape) -> tuple[list, list]:
        """The contradictions whose predicate, and the claims each group of which, `shape` (a
        literals.Shape) may hold, in order."""
        passing = self.sieve.passing(shape)
        n, contradictions = self._count, self.contradictions
        return ([contradictions[i] for i in sorted(passing) if i < n],
                [fact for fact, tests in self._claim_tests if tests <= passing])


_BUILT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def screens(factbase) -> FactScreens:
    """The fact base's screens, built on first use."""
    found = _BUILT.get(factbase)
    if found is None:
        found = _BUILT[factbase] = FactScreens(factbase)
    return found
