"""Which of many pieces tests (literals.py) a text passes, asked once for all of them.

A sentence is tested against every contradiction and claim of the fact base; asked one test at
a time, each looks for its own pieces in the sentence again. A sieve gathers what the text holds
once: the pieces found inside its words (each distinct word is read once, then remembered), the
few pieces that span words ("1 year", "non-randomi") found in the lowered text, and which pieces
are whole words. A test then passes when all the pieces of one of its alternatives are held: a
set comparison, asked only of the alternatives whose most telling piece the text holds.

The answers are exactly `Shape.may_hold`'s: a piece of word characters occurs in the lowered
text just where it occurs in one of its lowered words (a run of ASCII letters, digits and
underscores in a text without `literals.FOLDS` comes only from such characters, all of them word
characters), and a whole-word piece is one of the text's words.
"""
from __future__ import annotations

_WHOLE = "\x01"  # marks a piece needed as a whole word
_NOTHING: frozenset = frozenset()
_WORDS_KEPT = 50_000  # distinct words remembered per sieve


def _word_chars(piece: str) -> bool:
    return all(ch.isalnum() or ch == "_" for ch in piece)


class Sieve:
    """The tests (planned pieces, literals.plan, or None for no test) a text passes."""

    __slots__ = ("size", "_always", "_index", "_inside", "_longest", "_spanning", "_whole",
                 "_words", "_count")

    def __init__(self, planned):
        planned = tuple(planned)
        self.size = len(planned)
        self._always = frozenset(i for i, p in enumerate(planned) if p is None)
        index: dict = {}  # the requirement tested first -> ((test, all requirements), ...)
        inside, spanning, whole = set(), set(), set()
        for i, plan in enumerate(planned):
            for _, alternatives in plan or ():
                for alt in alternatives:
                    needed = frozenset(_WHOLE + lit if word else lit for lit, word in alt)
                    for lit, word in alt:
                        (whole if word else inside if _word_chars(lit) else spanning).add(lit)
                    first = max(needed, key=lambda r: (r.startswith(_WHOLE), len(r), r))
                    index.setdefault(first, []).append((i, needed))
        self._index = {r: tuple(dict.fromkeys(tests)) for r, tests in index.items()}
        self._inside = frozenset(inside)
        self._longest = max(map(len, inside), default=0)
        self._spanning = tuple(sorted(spanning))
        self._whole = frozenset(whole)
        self._words: dict = {}  # a lowered word -> the requirements it meets
        self._count = 0  # words read (for tests counting the work)

    def passing(self, shape) -> frozenset:
        """The tests `shape` (a literals.Shape) passes: i such that shape.may_hold(planned[i])."""
        if shape.low is None:
            return frozenset(range(self.size))
        held = self.held(shape)
        out = set(self._always)
        index = self._index
        for first in held.intersection(index):
            for i, needed in index[first]:
                if i not in out and needed <= held:
                    out.add(i)
        return frozenset(out)

    def held(self, shape) -> set:
        """The requirements the text meets: pieces it holds, and whole-word pieces marked."""
        held: set = set()
        known = self._words
        for word in shape.words:
            met = known.get(word)
            if met is None:
                met = self._read(word)
            if met:
                held |= met
        low = shape.low
        for lit in self._spanning:
            if lit in low:
                held.add(lit)
        return held

    def _read(self, word: str) -> frozenset:
        self._count += 1
        inside, n = self._inside, len(word)
        top = min(self._longest, n)
        met = {word[i:i + k] for k in range(1, top + 1) for i in range(n - k + 1)}
        met &= inside
        if word in self._whole:
            met.add(_WHOLE + word)
            met.add(word)  # a whole word is held as a piece too
        found = frozenset(met) if met else _NOTHING
        if len(self._words) >= _WORDS_KEPT:
            self._words.clear()
        self._words[word] = found
        return found
