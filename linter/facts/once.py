"""Answers about a stretch of the document that every figure in it asks (the matches of a term
list in a sentence, its places, its measure words): worked out once per document, so that a
sentence of thousands of figures is read once, not once per figure."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict

_KEEP = 100_000  # answers kept, the least recently asked dropped first
_MEMO: list = [None, OrderedDict()]  # the prose last read (one document at a time), its answers


def once(what: tuple, prose: str, lo: int, hi: int, work):
    """work(), the answer about prose[lo:hi] that `what` names (a tuple of hashable parts: term
    lists by identity), computed the first time it is asked for this prose."""
    if _MEMO[0] is not prose:
        _MEMO[0], _MEMO[1] = prose, OrderedDict()
    memo = _MEMO[1]
    key = (what, lo, hi)
    hit = memo.get(key, _MISSING)
    if hit is _MISSING:
        hit = memo[key] = work()
        if len(memo) > _KEEP:
            memo.popitem(last=False)
    else:
        memo.move_to_end(key)  # now the most recently asked
    return hit


_MISSING = object()


def for_last(slot: list, key, work):
    """work(), kept in `slot` ([key, answer]) while the same object is asked about again: for
    what every figure of a sentence asks of the sentence itself."""
    if slot[0] is not key:
        slot[:] = [key, work()]
    return slot[1]


def spans(pattern, prose: str, lo: int, hi: int) -> tuple:
    """The (start, end) of every match of a term pattern in prose[lo:hi], in order."""
    return once(("spans", pattern), prose, lo, hi,
                lambda: tuple(m.span() for m in pattern.finditer(prose, lo, hi)))


class Spans:
    """Spans in text order, none overlapping (the matches of one pattern), by position."""

    __slots__ = ("spans", "starts", "ends")

    def __init__(self, spans: tuple):
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def near(self, a: int, b: int, reach: int) -> list:
        """The spans at most `reach` characters from span [a, b), nearest first."""
        first = bisect_left(self.ends, a - reach)
        last = bisect_right(self.starts, b + reach)
        mid = min(max(bisect_left(self.starts, a), first), last)
        left, right = self.spans[first:mid][::-1], self.spans[mid:last]
        out, i, j = [], 0, 0
        while i < len(left) or j < len(right):  # two runs, each nearest first: merged
            if j == len(right) or (i < len(left) and a - left[i][1] < max(right[j][0] - b, a - right[j][1], 0)):
                out.append(left[i])
                i += 1
            else:
                out.append(right[j])
                j += 1
        return out


def span_index(pattern, prose: str, lo: int, hi: int) -> Spans:
    """The matches of a term pattern in prose[lo:hi], looked up by position."""
    return once(("span-index", pattern), prose, lo, hi, lambda: Spans(spans(pattern, prose, lo, hi)))
