"""Parenthesised stretches of a sentence, found once and looked up by position.

Matched pairs nest or stand apart (an unmatched bracket opens or closes nothing), so the pairs
holding a position are one chain, from the innermost outward: a lookup walks that chain from the
last pair opened before the position, and never scans the sentence's other pairs.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from linter.regexcache import compile as rx

_PAREN = rx(r"[()]")


class Parens:
    """The matched ( ) pairs of text[lo:hi] as (start, end) spans, end past the ")"."""

    __slots__ = ("pairs", "_by_start", "_starts", "_parent", "_ending")

    def __init__(self, text: str, lo: int, hi: int):
        out, stack = [], []
        for m in _PAREN.finditer(text, lo, hi):
            if m.group() == "(":
                stack.append(m.start())
            elif stack:
                out.append((stack.pop(), m.start() + 1))
        self.pairs = tuple(out)  # in the order they close: an inner pair before its outer one
        self._ending = {b: (a, b) for a, b in out}
        self._by_start = sorted(out)
        self._starts = [a for a, _ in self._by_start]
        self._parent: list = []
        open_: list = []
        for k, (a, _) in enumerate(self._by_start):
            while open_ and self._by_start[open_[-1]][1] <= a:
                open_.pop()
            self._parent.append(open_[-1] if open_ else -1)
            open_.append(k)

    def _chain(self, k: int):
        while k >= 0:
            yield self._by_start[k]
            k = self._parent[k]

    def holding(self, start: int, end: int) -> list:
        """The pairs that hold [start, end), innermost first."""
        k = bisect_right(self._starts, start) - 1
        found = [(a, b) for a, b in self._chain(k) if end <= b]
        if end <= start and start in self._ending and self._ending[start] not in found:
            found.append(self._ending[start])  # an empty span is held by the pair ending there
        return found

    def inside(self, at: int):
        """The innermost pair with `at` strictly inside it (after its "(" and before its end),
        or None."""
        k = bisect_left(self._starts, at) - 1
        return next(((a, b) for a, b in self._chain(k) if at < b), None)
