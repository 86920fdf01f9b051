"""Clauses of a sentence: the stretches between ; : , (not a thousands comma), "and", "but",
"while", "whereas" and a spaced dash. The separators of a sentence are found once and kept, so
finding the clause of each number costs a binary search, not a scan of the sentence."""
from __future__ import annotations

import bisect

from linter.regexcache import compile as rx

# A full stop before a capital also ends a clause, for sentences a footnote marker ran together
# ("of patients.[5] Side effects ...").
# Written to start with one class of characters, each alternative then asking which it was
# (the last one: a letter, %, ) or ] before the full stop), so that the search skips to the next
# candidate instead of trying every alternative at every character.
_SEPARATORS = rx(r"[;:,.\s](?:(?<=[;:])|(?<=,)(?!\d{3})|(?<=\s)(?:and|but|while|whereas)\s"
                 r"|(?<=\s)[-–—]\s|(?<=[a-z%)\]]\.)(?:\[\d+\])?\s+(?=[A-Z]))")


class ClauseIndex:
    """The separators of text[lo:hi], as sorted start and end offsets."""

    def __init__(self, text: str, lo: int, hi: int):
        self.lo, self.hi = lo, hi
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _SEPARATORS.finditer(text, lo, hi):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def around(self, a: int, b: int) -> tuple[int, int]:
        """The clause around span [a, b): from the last separator ending at or before a to the
        first one starting at or after b."""
        i = bisect.bisect_right(self.ends, a)
        start = self.ends[i - 1] if i > 0 else self.lo
        j = bisect.bisect_left(self.starts, b, lo=i)
        end = self.starts[j] if j < len(self.starts) else self.hi
        return start, end


_CACHE: list = [None, {}]  # the text last indexed (one document at a time), its indexes
_KEEP = 256  # sentences: the figures of a sentence ask in turn; a draft of 100,000 sentences
# would otherwise keep an index of each until its last check


def clause_index(text: str, lo: int, hi: int) -> ClauseIndex:
    """The clause index of text[lo:hi], built once per sentence of the current text (for the
    sentences asked about last)."""
    if _CACHE[0] is not text:
        _CACHE[0], _CACHE[1] = text, {}
    found = _CACHE[1].get((lo, hi))
    if found is None:
        if len(_CACHE[1]) >= _KEEP:
            _CACHE[1] = {}
        found = _CACHE[1][(lo, hi)] = ClauseIndex(text, lo, hi)
    return found


def clause_bounds(text: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The clause of text[lo:hi] around span [a, b): bounded by ; : , and conjunctions."""
    return clause_index(text, lo, hi).around(a, b)
