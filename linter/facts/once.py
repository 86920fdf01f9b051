"""Answers about a stretch of the document that every figure in it asks (the matches of a term
list in a sentence, its places, its measure words): worked out once per document, so that a
sentence of thousands of figures is read once, not once per figure."""
from __future__ import annotations

_KEEP = 100_000  # answers kept, the least recently asked dropped first
_MEMO: list = [None, {}]  # the prose last read (one document at a time), its answers


def once(what: tuple, prose: str, lo: int, hi: int, work):
    """work(), the answer about prose[lo:hi] that `what` names (strings by value, other objects
    by identity), computed the first time it is asked for this prose."""
    if _MEMO[0] is not prose:
        _MEMO[0], _MEMO[1] = prose, {}
    memo = _MEMO[1]
    key = (*(w if w is None or isinstance(w, str) else id(w) for w in what), lo, hi)
    hit = memo.pop(key, None)
    if hit is None or any(a is not b and not isinstance(a, str) for a, b in zip(hit[0], what)):
        hit = (what, work())
        if len(memo) >= _KEEP:
            del memo[next(iter(memo))]
    memo[key] = hit  # now the most recently asked
    return hit[1]


def spans(pattern, prose: str, lo: int, hi: int) -> tuple:
    """The (start, end) of every match of a term pattern in prose[lo:hi], in order."""
    return once(("spans", pattern), prose, lo, hi,
                lambda: tuple(m.span() for m in pattern.finditer(prose, lo, hi)))
