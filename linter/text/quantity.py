"""The Quantity a sentence states, the words that qualify a number ("about", "more than",
"or more"), and the set of spans already read, so that each piece of text is read once."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from linter.regexcache import compile as rx


@dataclass(frozen=True, init=False)
class Quantity:
    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    qualifier: str = "exact"
    relative: bool = False
    direction: str | None = None
    attributive: bool = False  # "3-year", "28-day": a time frame, not a stated figure
    decimals: int = 0
    words: bool = False  # written in words or as a fraction
    noun: str = ""  # what the share is of: "child" in "one child in three", "relapses" in "half of relapses"
    vague: bool = False  # "nearly all", "almost half": too rough to call a figure wrong

    # Written out instead of generated: a frozen dataclass sets each field through
    # object.__setattr__, and every number of a draft is made (and often remade) here.
    def __init__(self, start: int, end: int, text: str, kind: str, value: float | None = None,
                 low: float | None = None, high: float | None = None, unit: str = "",
                 qualifier: str = "exact", relative: bool = False, direction: str | None = None,
                 attributive: bool = False, decimals: int = 0, words: bool = False,
                 noun: str = "", vague: bool = False):
        self.__dict__.update(start=start, end=end, text=text, kind=kind, value=value, low=low,
                             high=high, unit=unit, qualifier=qualifier, relative=relative,
                             direction=direction, attributive=attributive, decimals=decimals,
                             words=words, noun=noun, vague=vague)

    @property
    def bounds(self) -> tuple[float, float]:
        if self.low is not None:
            return self.low, self.high
        return self.value, self.value


_QUALIFIERS = [
    ("about", r"about|around|approximately|approx\.?|roughly|some|circa|ca\.|close\s+to|~|≈|"
              r"an\s+estimated|estimated|something\s+like|only\s+about|just\s+about|on\s+average"),
    ("nearly", r"nearly|almost|just\s+under|not\s+quite"),
    ("at-least", r"at\s+least(?:\s+or\s+equal\s+to)?|no\s+fewer\s+than|no\s+less\s+than|"
                 r"not\s+(?:fewer|less)\s+than|(?:greater|more|higher|bigger|larger)\s+"
                 r"(?:than\s+)?or\s+equal\s+(?:to|than)|equal\s+to\s+or\s+(?:more|greater|"
                 r"higher)\s+than|≥|>=|>\s="),
    ("at-most", r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|"
                r"not\s+more\s+than|(?:less|fewer|lower|smaller)\s+(?:than\s+)?or\s+equal\s+"
                r"(?:to|than)|equal\s+to\s+or\s+(?:less|fewer|lower)\s+than|≤|<=|<\s="),
    ("over", r"more\s+than|over|greater\s+than|above|exceed(?:s|ing)?|surpass(?:es|ing)?|"
             r"in\s+excess\s+of|just\s+over|well\s+over|upwards\s+of|(?:larger|bigger|higher)\s+"
             r"than|>"),
    ("under", r"less\s+than|fewer\s+than|under|below|well\s+under|well\s+below|(?:smaller|"
              r"lower)\s+than|<"),
]
_QUALIFIER_BEFORE = rx(
    r"(?:" + "|".join(f"(?P<q_{name.replace('-', '_')}>(?<![\\w<>=])(?:{pat}))"
                      for name, pat in _QUALIFIERS)
    + r")\s*(?:of\s+)?(?:the\s+)?$", re.I)
# "20 or more", "5 years or longer", "500 or fewer", "30 or less", "200 or greater".
_OR_AFTER = rx(r"[ \t]*(?:(or\s+(?:more|greater|higher|above|older|longer|over)(?:\s+than)?|"
               r"and\s+(?:more|above|over)|\+(?!\d))|(or\s+(?:less|fewer|lower|below|under|"
               r"younger|shorter)(?:\s+than)?))", re.I)
_OR_EQUAL_AFTER = rx(r"[ \t]*or\s+equal(?:\s+to)?\b", re.I)


# The last words of the qualifiers and of the "of the" after them, in lower case: a match of
# _QUALIFIER_BEFORE that ends in a letter ends in one of these (see may_end); "excess" and
# "upwards" come before a qualifier's own "of" (see _may_qualify).
_QUALIFIER_ENDS = ("about", "around", "approximately", "approx", "roughly", "some", "circa",
                   "to", "estimated", "like", "average", "nearly", "almost", "under", "quite",
                   "least", "than", "as", "most", "over", "above", "exceed", "exceeds",
                   "exceeding", "surpass", "surpasses", "surpassing", "of", "below", "the",
                   "excess", "upwards")
_QUALIFIER_SIGNS = "~\u2248<>=\u2264\u2265."


def may_end(tail: str, words: tuple[str, ...], signs: str) -> bool:
    """Whether an expression anchored at the end ($) may match text whose stripped end is
    `tail`: every match whose last visible character is a letter ends in one of `words`
    (lower case, ASCII) and every other one ends in one of `signs`. A false answer is exact;
    a true one only means the expression must be asked. Letters outside ASCII are always
    asked: case-blind matching pairs "k" with the Kelvin sign and "s" with the long s."""
    last = tail[-1:]
    if not last:
        return False
    if last.isalpha():
        end = tail[-14:]
        return not end.isascii() or end.lower().endswith(words)
    return last in signs


def _may_qualify(tail: str) -> bool:
    """may_end for _QUALIFIER_BEFORE, read past its "of" and "the": text ending in "the" or
    "of" ("a median of") may hold a qualifier only if what comes before them may end one."""
    if tail[-14:].isascii():
        if tail[-3:].lower() == "the":
            tail = tail[:-3].rstrip()
        if tail[-14:].isascii() and tail[-2:].lower() == "of":
            tail = tail[:-2].rstrip()  # the qualifier's own "of" too: "in excess of", "upwards of"
        for last, words in _LAST_OF_PHRASE:  # "was" is no "as many as"
            if tail[-14:].isascii() and tail[-len(last):].lower() == last:
                rest = tail[:-len(last)].rstrip()[-5:]
                return not rest.isascii() or rest.lower().endswith(words)
    return may_end(tail, _QUALIFIER_ENDS, _QUALIFIER_SIGNS)


# Qualifier words that only end a phrase, with the words before them there.
_LAST_OF_PHRASE = (("as", ("many", "much")), ("to", ("close", "up", "equal")))


def qualifier_before(text: str, start: int, lo: int) -> tuple[str, int]:
    """The qualifier right before a number at `start`, and where it begins."""
    window = text[max(lo, start - 40):start]
    if not _may_qualify(window.rstrip()):
        return "exact", start  # every qualifier ends in one of its words or a sign
    m = _QUALIFIER_BEFORE.search(window)
    if not m:
        return "exact", start
    name = next(k for k, v in m.groupdict().items() if v)[2:].replace("_", "-")
    return name, start - (len(window) - m.start())


def qualifier_after(text: str, end: int, hi: int, qualifier: str) -> tuple[str, int]:
    """"or more" / "or less" after a figure, and "more than 5000 or equal": the bound it sets."""
    m = _OR_AFTER.match(text, end, hi)
    if m and qualifier in ("exact", "about"):
        return ("at-least" if m.group(1) else "at-most"), m.end()
    e = _OR_EQUAL_AFTER.match(text, end, hi)
    if e and qualifier in ("over", "under"):
        return ("at-least" if qualifier == "over" else "at-most"), e.end()
    return qualifier, end


class Taken:
    """Non-overlapping spans already read, with an O(log n) overlap test."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a)
        if i > 0 and self.ends[i - 1] > a:
            return False
        return not (i < len(self.starts) and self.starts[i] < b)

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_right(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)
