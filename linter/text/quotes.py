"""Is a span of a draft inside quotation marks or link text? Answered by bisection.

The paragraph breaks, brackets and quotations of a text are found once and kept, so that each
phrase a rule matches costs a binary search: scanning the paragraph again for every match made
long paragraphs quadratic.
"""
from __future__ import annotations

import bisect
import re


class QuoteIndex:
    """Paragraph breaks ("\\n\\n"), [ and ] positions, "](" link closers, and per paragraph the
    spans of the quotation pattern."""

    def __init__(self, raw: str, pattern):
        self.raw, self.pattern = raw, pattern
        self.breaks = [m.start() for m in re.finditer(r"(?=\n\n)", raw)]
        self.opens = [m.start() for m in re.finditer(r"\[", raw)]
        self.closes = [m.start() for m in re.finditer(r"\]", raw)]
        self.links = [m.start() for m in re.finditer(r"\]\(", raw)]
        self._quotes: dict = {}

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside quotation marks or link text of its paragraph."""
        k = bisect.bisect_right(self.breaks, start - 2)
        line_start = self.breaks[k - 1] + 1 if k else 0
        j = bisect.bisect_left(self.breaks, end)
        line_end = self.breaks[j] if j < len(self.breaks) else len(self.raw)
        spans = self._quote_spans(line_start, line_end)
        i = bisect.bisect_left(spans, (start,)) - 1  # quote spans do not overlap: one candidate
        if i >= 0 and spans[i][0] < start and end <= spans[i][1]:
            return True
        # Link text: [ ... match ... ](url)
        open_ = _last_before(self.opens, line_start, start)
        if open_ >= 0 and _last_before(self.closes, open_, start) < 0:
            n = bisect.bisect_left(self.links, end)
            close = self.links[n] if n < len(self.links) and self.links[n] + 2 <= line_end else -1
            if close >= 0 and _last_before(self.opens, end, close) < 0:
                return True
        return False

    def _quote_spans(self, lo: int, hi: int) -> list:
        spans = self._quotes.get((lo, hi))
        if spans is None:
            spans = self._quotes[(lo, hi)] = [m.span() for m in self.pattern.finditer(self.raw, lo, hi)]
        return spans


def _last_before(positions, lo: int, hi: int) -> int:
    """The last position in [lo, hi), or -1."""
    i = bisect.bisect_left(positions, hi) - 1
    return positions[i] if i >= 0 and positions[i] >= lo else -1


_LAST: list = [None]  # the index of the text last asked about (one document at a time)


def quote_index(raw: str, pattern) -> QuoteIndex:
    index = _LAST[0]
    if index is None or index.raw is not raw or index.pattern is not pattern:
        index = _LAST[0] = QuoteIndex(raw, pattern)
    return index
