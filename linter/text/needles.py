"""Which term lists may match a stretch of text: a lookup before the search.

Most stretches of prose hold none of a term list's words, and a substring test says so far more
cheaply than running the expression. `required` gives a set of plain strings (lowercase ASCII)
such that every match of an expression holds one of them among the characters it consumes
(read from the expression's literal pieces, literals.py); a stretch whose lowercase text holds
none of them cannot match, and the expression is not run there. An expression that may match
with no fixed piece has no set (None) and is always run.

The test is sound for case-insensitive matching as long as the text has none of the few
characters that match an ASCII letter without lowering to it ("ſ" matches "s", "İ" matches "i"
and lowers to two characters): `literals.foldable` says when to skip it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from linter.text.literals import Shape, lowered, pieces, plan, term_list_needs
from linter.text.patterns import plain, risky


@lru_cache(maxsize=2048)
def required(pattern: str) -> frozenset | None:
    """Lowercase ASCII strings one of which every match of `pattern` consumes (None: unknown):
    of each alternative the expression's literal pieces allow (literals.pieces), its rarest piece."""
    found = pieces(pattern, re.IGNORECASE)
    if found is None:
        return None
    return _shortest(max((lit for lit, _ in alt), key=lambda s: (_rarity(s), s)) for alt in found)


def _rarity(s: str) -> int:
    # The rarer a string in prose, the better it rules a stretch out: a longer one, and a digit
    # or punctuation ("=", "%", "19") more than a letter.
    return len(s) + 2 * sum(not (ch.isalpha() or ch.isspace()) for ch in s)


def _shortest(strings) -> frozenset:
    """The strings holding none of the others: a text holding one of them holds one of these."""
    ordered = sorted(set(strings), key=len)
    return frozenset(s for i, s in enumerate(ordered) if not any(t in s for t in ordered[:i]))


EXACT = "\x00"  # marks a string matched as written (a term in capitals), not lowercased


def regex_needles(terms) -> tuple | None:
    """Strings one of which every match of a term list's `re:` terms holds, `split`, and the
    pieces planned for the list (literals.plan), which a stretch holding one of the strings must
    hold too: "os" occurs in "most", the whole word `\\bOS\\b` needs does not (None: unknown, or
    the list runs under the time limit of the `regex` package, whose case folding differs)."""
    found = _regex_strings(terms)
    if found is None:
        return None
    return (*split(found), plan(term_list_needs(terms._regex_terms)))


def _regex_strings(terms) -> tuple | None:
    if not terms._regex_terms or _limited(terms):
        return None
    found = [required(f"(?:{t[3:]})") for t in terms._regex_terms]  # as terms.term_pattern
    if not all(found):
        return None
    return tuple(sorted(frozenset().union(*found), key=lambda n: (-len(n), n)))


def _limited(terms) -> bool:
    """Whether a term list runs under the time limit, known without compiling it: as
    Terms.regex decides, but for an expression that does not parse, which has no needles."""
    if terms._regex is not None:
        return terms._limited
    expressions = [t[3:] for t in terms._regex_terms]
    return not all(plain(e) for e in expressions) and any(risky(e) for e in expressions)


def may_hold(needles: tuple, window: str, text: str, lo: int, hi) -> bool:
    """Whether text[lo:hi] (window: that stretch lowercased) holds one of `needles`, given as
    (lowercase strings, strings as written) (see `split`), and then the planned pieces that
    may follow them (see `regex_needles`)."""
    if not _holds_one(needles, window, text, lo, hi):
        return False
    if len(needles) < 3 or needles[2] is None:
        return True
    # Many lists ask about the same stretch (a whole document, for the phrase rules): its
    # words are read once.
    shape = _SHAPES.get(window)
    if shape is None:
        if len(_SHAPES) > 64:
            _SHAPES.clear()
        shape = _SHAPES[window] = Shape.lowered(window)
    return shape.may_hold(needles[2])


_SHAPES: dict = {}  # a lowered stretch -> its Shape, for the stretches last asked about


def _holds_one(needles: tuple, window: str, text: str, lo: int, hi) -> bool:
    for needle in needles[0]:
        if needle in window:
            return True
    if needles[1]:
        raw = text[lo:hi]
        for needle in needles[1]:
            if needle in raw:
                return True
    return False


def split(needles) -> tuple[tuple, tuple]:
    """Needles apart: those to look for in the lowercase text, and those as written."""
    return (tuple(n for n in needles if not n.startswith(EXACT)),
            tuple(n[1:] for n in needles if n.startswith(EXACT)))


def plain_needle(term: str) -> str | None:
    """The longest word of a plain term that every match spells out (an inflected word~ has
    several forms and a word with other than ASCII characters may fold: neither is used); as
    written for a term in capitals, matched only so (terms.term_pattern)."""
    phrase = term[:-1] if term.endswith("*") else term
    words = [w for w in re.split(r"[\s-]+", phrase.strip()) if w and "~" not in w and w.isascii()]
    if not words:
        return None
    letters = re.sub(r"[^A-Za-z]", "", phrase)
    longest = max(words, key=len)
    return EXACT + longest if len(letters) >= 2 and letters.isupper() else longest.lower()


def needles_of(pattern) -> tuple | None:
    """Strings one of which every match of a term list (or union of lists) holds in a text that
    is not `foldable`: a word of each plain term and what its `re:` terms require."""
    out: list = []
    for part in getattr(pattern, "parts", (pattern,)):
        out.extend(plain_needle(term) or lit for lit, _, term in part.plain)
        if part._regex_terms:
            found = _regex_strings(part)
            if found is None:
                return None
            out.extend(found)
    return tuple(sorted(_shortest(out), key=len))


_SHORT = 1000  # characters: a text no longer than a few sentences is not indexed


class Screen:
    """Which of several term lists (None for an empty one) may match a stretch of a text: those
    one of whose strings the stretch holds. Where the strings are in a text is found once per
    text, so that each stretch costs a bisection and its own few occurrences."""

    __slots__ = ("patterns", "_needles", "_split", "_texts", "_unknown")

    def __init__(self, patterns):
        self.patterns = tuple(patterns)
        self._needles = self._split = self._unknown = None
        self._texts: dict = {}  # text -> (starts, ends, owners) of its needles, by start

    def possible(self, text: str, lo: int = 0, hi: int | None = None) -> list[bool]:
        needles = self._needles
        if needles is None:
            needles = self._needles = [needles_of(p) if p is not None else () for p in self.patterns]
            self._split = [None if n is None else split(n) for n in needles]
            self._unknown = [found is None for found in needles]  # lists always searched
        low, sound = lowered(text)
        if not sound:
            return [p is not None for p in self.patterns]
        if len(text) <= _SHORT or lo < 0 or (hi is not None and hi < 0):
            # a short text is read as fast as indexed; a slice counted from the end: as written
            window = low[lo:hi]
            return [found is None or may_hold(found, window, text, lo, hi) for found in self._split]
        index = self._texts.get(text)
        if index is None:
            if len(self._texts) > 8:
                self._texts.clear()
            index = self._texts[text] = _occurrences(text, low, needles)
        starts, ends, owners = index
        out = self._unknown.copy()
        hi = len(low) if hi is None else hi
        k, n = bisect_left(starts, lo), len(starts)
        while k < n and starts[k] < hi:
            if ends[k] <= hi:
                out[owners[k]] = True
            k += 1
        return out


def _occurrences(text: str, low: str, needles: list) -> tuple:
    found = []
    for owner, strings in enumerate(needles):
        for needle in strings or ():
            within = text if needle.startswith(EXACT) else low
            needle = needle.lstrip(EXACT)
            size, i = len(needle), within.find(needle)
            while i >= 0:
                found.append((i, i + size, owner))
                i = within.find(needle, i + 1)
    found.sort()
    return [f[0] for f in found], [f[1] for f in found], [f[2] for f in found]
