"""Hedges, negation and quotation: when a certainty rule must stay quiet.

Documented behaviour:
- A hedge anywhere in the sentence before the match ("may", "might", "could", "possible",
  "suggests", "aims to") keeps certainty and hype rules quiet: "may lower the risk".
- A negation shortly before the match, in the same clause ("is not a cure", "no treatment is
  guaranteed", "does not cure", "not free of side effects"), keeps it quiet.
- Text inside quotation marks or a blockquote is someone else's words: rules skip it unless a
  rule says `quoted: flag`. The title of a cited work (link text, a quoted title) is skipped too.
"""
from __future__ import annotations

import bisect
import re

from linter.regexcache import compile as rx

HEDGES = rx(
    r"\b(?:may|might|could|can\s+help|possibl[ey]|potentially|perhaps|suggests?|suggested|"
    r"appears?\s+to|seems?\s+to|likely|unlikely|aims?\s+to|aimed\s+to|goals?|purpose|hopes?\s+to|"
    r"hoped|intended\s+to|designed\s+to|in\s+some|for\s+some|some\s+(?:children|kids|patients)|"
    r"not\s+yet|early\s+results|preliminary|if\s+|whether|would)\b", re.I)
NEGATION = rx(
    r"(?:\b(?:not|no|never|neither|nor|without|none|nothing|nobody|cannot|rather\s+than|"
    r"instead\s+of|far\s+from|hardly|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|won't|"
    r"can't|couldn't|shouldn't|nor)\b|n't\b)", re.I)
_CLAUSE_BREAK = rx(r"[;:.!?,]|\bbut\b")
_QUOTES = rx(r"\"[^\"\n]{1,300}\"|\u201c[^\u201d]{1,300}\u201d|(?<!\w)'[^'\n]{2,200}'(?!\w)|\u2018[^\u2019]{2,200}\u2019")


def hedged(text: str, start: int, lo: int = 0) -> bool:
    """A hedge word in text[lo:start] of the same sentence."""
    return HEDGES.search(text, lo, start) is not None


def negated(text: str, start: int, lo: int = 0, words: int = 6) -> bool:
    """A negation within a few words before `start`, not across a clause break."""
    window_start = max(lo, start - 60)
    window = text[window_start:start]
    cut = None
    for m in _CLAUSE_BREAK.finditer(window):
        cut = m.end()
    if cut is not None:
        window = window[cut:]
    tail = " ".join(window.split()[-words:])
    return NEGATION.search(tail) is not None


def quoted(raw: str, start: int, end: int) -> bool:
    """Whether [start, end) of the original text lies inside quotation marks or link text."""
    marks = _marks(raw)
    k = bisect.bisect_right(marks.breaks, start - 2)  # paragraph: between blank lines ("\n\n")
    line_start = marks.breaks[k - 1] + 1 if k else 0
    j = bisect.bisect_left(marks.breaks, end)
    line_end = marks.breaks[j] if j < len(marks.breaks) else len(raw)
    spans = marks.quotes(line_start, line_end)
    i = bisect.bisect_left(spans, (start,)) - 1  # quote spans do not overlap: one candidate
    if i >= 0 and spans[i][0] < start and end <= spans[i][1]:
        return True
    # Link text: [ ... match ... ](url)
    open_ = _last_before(marks.opens, line_start, start)
    if open_ >= 0 and _last_before(marks.closes, open_, start) < 0:
        n = bisect.bisect_left(marks.links, end)
        close = marks.links[n] if n < len(marks.links) and marks.links[n] + 2 <= line_end else -1
        if close >= 0 and _last_before(marks.opens, end, close) < 0:
            return True
    return False


def _last_before(positions, lo: int, hi: int) -> int:
    """The last position in [lo, hi), or -1."""
    i = bisect.bisect_left(positions, hi) - 1
    return positions[i] if i >= 0 and positions[i] >= lo else -1


class _Marks:
    """Where a text's paragraph breaks, brackets and quotations are: found once per text and
    bisected for every phrase a rule matches (a scan per match made long paragraphs quadratic)."""

    def __init__(self, raw: str):
        self.raw = raw
        self.breaks = [m.start() for m in re.finditer(r"(?=\n\n)", raw)]
        self.opens = [m.start() for m in re.finditer(r"\[", raw)]
        self.closes = [m.start() for m in re.finditer(r"\]", raw)]
        self.links = [m.start() for m in re.finditer(r"\]\(", raw)]
        self._quotes: dict = {}

    def quotes(self, lo: int, hi: int) -> list:
        spans = self._quotes.get((lo, hi))
        if spans is None:
            spans = self._quotes[(lo, hi)] = [m.span() for m in _QUOTES.finditer(self.raw, lo, hi)]
        return spans


_MARKS: list = [None]


def _marks(raw: str) -> _Marks:
    marks = _MARKS[0]
    if marks is None or marks.raw is not raw:
        marks = _MARKS[0] = _Marks(raw)
    return marks
