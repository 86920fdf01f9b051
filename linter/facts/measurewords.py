"""Measure words of a stretch of prose (`measures` in a vocabulary file), and the nearest one a
figure may take.

Every figure of a sentence asks about the same clause or sentence: its words are found once per
stretch (an index kept for the document being read), and each figure then searches outward from
itself, so a sentence of thousands of figures costs each of them only its neighbourhood.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress

from linter.facts.once import once
from linter.regexcache import compile as rx

# A measure word governed by one of these names who the figure is about, not what it measures:
# "survival after relapse", "for relapses within 18 months", "children in remission".
_GOVERNED = rx(r"(?:\b(?:for|after|among|following|in|into|during|without)\s+(?:(?:a|an|the|their|[\w-]+)\s+){0,3}"
              r"|\bof\s+(?:the\s+|all\s+)?)$", re.I)
# "relapse risk", "relapse group": the word names a population, not what is measured.
_DESCRIBES = rx(r"[\s-]+(?:risk|group|type)\b", re.I)
# "children who don't survive": the figure is the complement of the measure, not the measure.
_DENIED = rx(r"(?:\b(?:not|never|no\s+longer)|n[\'\u2019]t)\s+$", re.I)
# A measure word further than this from a figure is not the figure's: a bound on the search, far
# beyond any sentence of prose, so that run-on text stays linear.
REACH = 2000


def raw_hits(lo: int, hi: int, prose: str, terms, kind=None) -> list:
    """Measure-term matches in prose[lo:hi] as (start, end, name), overlaps kept."""
    hits = []
    kinds = terms.kinds
    for name, pattern in compress(terms.measures.items(), terms.measure_screen.possible(prose, lo, hi)):
        if kind and name in kinds and kind not in kinds[name]:
            continue
        for m in pattern.finditer(prose, lo, hi):
            start = m.start()
            if _GOVERNED.search(prose, max(lo, start - 30), start):
                continue
            end = m.end()
            if _DESCRIBES.match(prose, end):
                continue
            hits.append((start, end, f"not-{name}" if _DENIED.search(prose, max(lo, start - 16), start) else name))
    return hits


def hits(lo: int, hi: int, prose: str, terms, skip=None, kind=None) -> list:
    """Measure-term matches in prose[lo:hi], shorter ones inside longer ones dropped."""
    found = [h for h in raw_hits(lo, hi, prose, terms, kind)
             if not (skip and skip[0] <= h[0] < skip[1])]  # the share's own noun: "half of relapses"
    # Of two overlapping words the longer decides: "relative survival rate" is relative survival.
    return longest(found)


def _longer(hits: list) -> list:
    """For each hit, the indexes of the longer hits overlapping it (neighbours by position only,
    so a sentence with thousands of hits costs each a few comparisons)."""
    out: list = [() for _ in hits]
    if len(hits) < 2:
        return out
    order = sorted(range(len(hits)), key=lambda i: hits[i][0])
    widest = max(h[1] - h[0] for h in hits)
    for k, i in enumerate(order):
        h = hits[i]
        size = h[1] - h[0]
        found = []
        j = k - 1
        while j >= 0 and hits[order[j]][0] > h[0] - widest:
            o = hits[order[j]]
            if o[1] > h[0] and o[1] - o[0] > size:
                found.append(order[j])
            j -= 1
        j = k + 1
        while j < len(order) and hits[order[j]][0] < h[1]:
            if hits[order[j]][1] - hits[order[j]][0] > size:
                found.append(order[j])
            j += 1
        out[i] = tuple(found)
    return out


def longest(hits: list) -> list:
    """hits without those overlapped by a longer one, in their order."""
    longer = _longer(hits)
    return [h for h, over in zip(hits, longer) if not over]


class MeasureIndex:
    """The measure words of one stretch of prose, found once: in their order, and by position."""

    __slots__ = ("hits", "longer", "by_start", "starts", "widest")

    def __init__(self, hits: list):
        self.hits = hits
        self.longer = _longer(hits)
        self.by_start = sorted(range(len(hits)), key=lambda i: hits[i][0])
        self.starts = [hits[i][0] for i in self.by_start]
        self.widest = max((h[1] - h[0] for h in hits), default=0)

    def nearest(self, a: int, b: int, skip, accept):
        """The name of the hit nearest to span [a, b) that is not in `skip`, not overlapped by a
        longer hit outside `skip`, and that `accept` takes; at the same distance the first in
        order; None when there is none within REACH. The search widens from the span outward."""
        hits, longer = self.hits, self.longer
        if not hits:
            return None

        def free(i):
            h = hits[i]
            if skip and skip[0] <= h[0] < skip[1]:
                return False
            return not any(not (skip and skip[0] <= hits[o][0] < skip[1]) for o in longer[i])

        reach = 64
        while True:
            first = bisect_left(self.starts, a - reach - self.widest)
            last = bisect_right(self.starts, b + reach)
            best = None
            for k in range(first, last):
                i = self.by_start[k]
                h = hits[i]
                d = max(h[0] - b, a - h[1], 0)
                if d > reach or (best is not None and (d, i) >= best[:2]):
                    continue
                if free(i) and accept(h):
                    best = (d, i, h)
            if best is not None:
                return best[2][2]
            if reach >= REACH or (first == 0 and last == len(hits)):
                return None
            reach = min(REACH, reach * 4)


def index(lo: int, hi: int, prose: str, terms, kind=None) -> MeasureIndex:
    """The measure words of prose[lo:hi] for figures of `kind`, found once per document."""
    return once(("measures", terms, kind), prose, lo, hi, lambda: _indexed(raw_hits(lo, hi, prose, terms, kind)))


def _indexed(hits: list) -> MeasureIndex:
    return MeasureIndex(hits) if hits else _NONE


_NONE = MeasureIndex([])  # a stretch without measure words: one index for all (never changed)
