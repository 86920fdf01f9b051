"""Ranges: "85–90%", "85 to 90 percent", "between 15% and 20%", "from 7 to 10", "20 through 100",
"two to three years" become one quantity with a low and a high value.

"from X to Y" is a range, unless a change is told ("rose from 87.9% to 96%", "went from ... to"):
then it stays two figures, a starting value and an end value.
"""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.quantity import Quantity

_JOIN = rx(r"\s*(?:%|percent|per\s+cent)?\s*(?:–|—|-|to|and|through|thru)\s*(?:≤|<|<=)?\s*$", re.I)
_BETWEEN = rx(r"\bbetween\s+$", re.I)
_FROM = rx(r"\bfrom\s+$", re.I)
_CHANGE = lazy(
    r"\b(?:rose|risen|rising|rises?|increas\w*|fell|fallen|falling|falls?|drop\w*|decreas\w*|"
    r"declin\w*|reduc\w*|lower\w*|improv\w*|grew|grown|grows?|climb\w*|jump\w*|went|gone|goes|"
    r"moved?|chang\w*|shift\w*|rais\w*|boost\w*|cut|cuts|shrank|doubl\w*|tripl\w*|halv\w*|"
    r"up|down|worsen\w*|slipp\w*|soar\w*|plung\w*|took|takes?|taken|taking|brought|brings?|"
    r"bringing|push\w*|lift\w*|sent|turn\w*|mov\w*)\b", re.I)
_MAX_GAP = 14
_NOT_RANGED = ("yearspan", "ratio", "p-value")


def join_ranges(text: str, qs: list[Quantity], lo: int = 0) -> list[Quantity]:
    """Merge neighbouring figures joined by a dash, "to", "through" or "between ... and"."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        merged = _merge(text, prev, q, lo) if prev is not None else None
        if merged is None:
            out.append(q)
        else:
            out[-1] = merged
    return out


def _share_in_words(q: Quantity) -> bool:
    return q.words and q.kind == "percent"


def _merge(text: str, prev: Quantity, q: Quantity, lo: int) -> Quantity | None:
    age = prev.kind == "age" and q.kind in ("number", "duration")
    if not (prev.kind in ("number", q.kind) or age) or q.kind in _NOT_RANGED:
        return None
    if prev.low is not None or q.low is not None or _share_in_words(prev) or _share_in_words(q):
        return None
    if q.start - prev.end > _MAX_GAP or not _JOIN.search(text, prev.end, q.start):
        return None
    joiner = text[prev.end:q.start]
    between = _BETWEEN.search(text, max(lo, prev.start - 9), prev.start)
    if _FROM.search(text, max(lo, prev.start - 6), prev.start) and _told_change(text, prev.start, lo):
        return None  # "rose from 87.9% to 96%": a change, not a range
    if "and" in joiner and not between:
        return None
    lo_v, hi_v = prev.value, q.value
    if lo_v is None or hi_v is None or lo_v >= hi_v:
        return None
    start = between.start() if between else prev.start
    qual = prev.qualifier if prev.qualifier != "exact" else q.qualifier
    return Quantity(start, q.end, text[start:q.end], "age" if age else q.kind, None,
                    low=lo_v, high=hi_v, unit=q.unit,
                    qualifier=qual if qual in ("about", "exact") else "exact",
                    relative=q.relative, direction=q.direction, attributive=q.attributive,
                    decimals=max(prev.decimals, q.decimals), words=prev.words and q.words)


def _told_change(text: str, start: int, lo: int) -> bool:
    """A change word in the clause before "from": "survival rose from ...", "an increase from"."""
    clause = re.split(r"[;:.,]", text[max(lo, start - 60):start])[-1]
    return _CHANGE.search(clause) is not None
