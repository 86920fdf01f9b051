"""Where a number may start in a sentence that has number words, found in its lower-cased text;
and the matches of other patterns that ignore case, found the same way.

numbers.NUMBER_START ignores case, so the regular-expression engine tries each of its forty
alternatives at every word start, lower-casing as it goes. In the lower-cased text the same
places are found with a case-sensitive pattern whose alternatives are grouped by their first
letter, which the engine rejects with one comparison each: about four times faster, with the
same matches. Lower-casing keeps every character's place and its being a word character, save
the characters literals.foldable names: a text holding one is searched with NUMBER_START.
"""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.numbers import WORD_VALUES

_SCALES = ("hundred", "dozen", "thousand", "million", "billion", "trillion")
# numbers.NUMBER_START's words, longest first (a word must end at a word boundary, so at most
# one of them matches at a place and their order among themselves does not change a match).
_WORDS = sorted([*WORD_VALUES, *_SCALES], key=len, reverse=True)


def _by_first_letter(words) -> str:
    groups: dict = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# A number in digits (quantities._DIGITS_FIRST, numbers.DIGITS), "a"/"an" before a scale word
# ("a hundred"), or a number word: NUMBER_START's three alternatives, in its order.
LOWER_START = rx(
    r"[\d.](?:(?<=\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)|(?<=\.)\d+)"
    rf"|\b(?:a(?:|n)\s+(?=(?:{'|'.join(_SCALES)})\b)|(?:{_by_first_letter(_WORDS)})\b)")
# Whether a word of the lower-cased text is a number word.
NUMBER_WORD = rx(rf"\b(?:{_by_first_letter(_WORDS)})\b")


def lowered_scan(text: str, lo: int, low: str) -> tuple[str, int]:
    """The text to search with LOWER_START for text[lo:...] whose lower-cased form is `low`,
    and the offset to add to its positions: the character before `lo` is kept as it is, so a
    word boundary at `lo` is read as in the text itself."""
    if lo == 0:
        return low, 0
    return text[lo - 1] + low, lo - 1


def lowered(pattern):
    """The pattern to search lower-cased text with, for a pattern that ignores case and whose
    own letters are all lower-case (written so: the tests compare their matches)."""
    flags = pattern.flags
    return lazy(pattern.pattern, flags & ~re.IGNORECASE)


def lowered_finditer(pattern, lower, text: str, lo: int, hi: int, low: str):
    """pattern.finditer(text, lo, hi), found with `lower` (lowered(pattern)) in the lower-cased
    text[lo:hi], `low`, and each match taken again from the text itself (a match at a place is
    the same whether found by a search or asked for there)."""
    scan, off = lowered_scan(text, lo, low)
    for m in lower.finditer(scan, lo - off, hi - off):
        yield pattern.match(text, m.start() + off, hi)
