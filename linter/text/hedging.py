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
    line_start = raw.rfind("\n\n", 0, start) + 1
    line_end = raw.find("\n\n", end)
    line_end = len(raw) if line_end < 0 else line_end
    for m in _QUOTES.finditer(raw, line_start, line_end):
        if m.start() < start and end <= m.end():
            return True
    # Link text: [ ... match ... ](url)
    open_ = raw.rfind("[", line_start, start)
    if open_ >= 0 and raw.find("]", open_, start) < 0:
        close = raw.find("](", end, line_end)
        if close >= 0 and raw.find("[", end, close) < 0:
            return True
    return False
