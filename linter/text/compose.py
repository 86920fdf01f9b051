"""Composed terms: a claim built from parts in order ("zero" ... "side effects", "wipe~ out" ...
"leukemia" ... "for good"), each part a term list, at most `gap` words apart in one clause.

Writers compose absolutes from a quantifier and an outcome; listing every combination misses
the next one. A rule's `compose:` entries name the parts once (vocabulary groups, inflected
words) and match any combination.
"""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.text.terms import (
    TermUnion,
    compile_terms,
    expand,
    leftmost_longest,
    term_pattern,
)

# Words between two parts: no sentence or clause end, and no word that turns the claim around
# ("works, but not for every child").
_BETWEEN = (r"(?:[^\w.!?;:]+(?!(?:not|but|no|never|except|however|although|though|yet)\b)"
            r"[\w'\u2019%-]+){{0,{gap}}}?[^\w.!?;:]+")


def sequence_pattern(parts, vocabulary: dict, gap: int) -> str:
    alternatives = []
    for part in parts:
        terms = sorted(expand(part, vocabulary), key=len, reverse=True)
        alternatives.append("(?:" + "|".join(term_pattern(t) for t in terms) + ")")
    return _BETWEEN.format(gap=gap).join(alternatives)


class Composed:
    """The `search`/`finditer` of a term list, for a rule's `compose:` entries.

    A claim is looked for only where its first part occurs (found as term lists are, with a
    substring test before any expression runs), then matched whole from there. The whole
    claim's expression compiles the first time its first part is found: most drafts never
    use most of them."""

    __slots__ = ("specs", "_vocabulary", "_parts", "_wholes")

    def __init__(self, specs, vocabulary: dict):
        self.specs = tuple(compile_terms(s["parts"][0], vocabulary) for s in specs)
        self._vocabulary = vocabulary
        self._parts = tuple((s["parts"], s.get("gap", 4)) for s in specs)
        self._wholes: list = [None] * len(specs)

    def _whole(self, i: int):
        whole = self._wholes[i]
        if whole is None:
            parts, gap = self._parts[i]
            whole = self._wholes[i] = rx(sequence_pattern(parts, self._vocabulary, gap),
                                         re.IGNORECASE)
        return whole

    def needs(self):
        """The literal pieces a claim needs: those of its most telling part (literals.py)."""
        from linter.text.literals import best, term_list_needs

        found = []
        for (parts, _), first in zip(self._parts, self.specs):
            if first is not None:
                found.append(best([term_list_needs(expand(p, self._vocabulary)) for p in parts]))
        return None if not found or any(f is None for f in found) else frozenset().union(*found)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        found = []
        for i, first in enumerate(self.specs):
            if first is None:
                continue
            for m0 in first.finditer(text, pos, end):
                m = self._whole(i).match(text, m0.start(), end)
                if m is not None:
                    found.append(m)
        return leftmost_longest(found)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(iter(self.finditer(text, pos, endpos)), None)


def compile_composed(specs, vocabulary: dict):
    return Composed(specs, vocabulary) if specs else None


def rule_pattern(data, vocabulary: dict):
    """A rule's `terms` and `compose:` entries as one matcher (None when it has neither)."""
    parts = [p for p in (compile_terms(data.get("terms", []), vocabulary),
                         compile_composed(data.get("compose", []), vocabulary)) if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else TermUnion(tuple(parts))
