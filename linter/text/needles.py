"""What a regular expression's matches must contain: a lookup before the search.

Most stretches of prose hold none of a term list's words, and a substring test says so far more
cheaply than running the expression. `required` reads an expression's parse tree for a set of
plain strings (lowercase ASCII) such that every match holds one of them among the characters it
consumes; a stretch whose lowercase text holds none of them cannot match, and the expression
is not run there. Lookarounds, classes and optional parts require nothing, so an expression made
only of those has no set (None) and is always run.

The test is sound for case-insensitive matching as long as the text has none of the few
characters that match an ASCII letter without lowering to it ("ſ" matches "s", "İ" matches "i"
and lowers to two characters): `foldable` says when to skip it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")  # İ ı ſ K: each matches an ASCII letter


def foldable(text: str) -> bool:
    """Whether `text` holds a character that matches an ASCII letter only when case is ignored."""
    return any(c in text for c in FOLDS)


def lowered(text: str) -> tuple[str, bool]:
    """The text lowercased, and whether substring tests on it can rule a term list out (not
    `foldable`); kept for the texts last asked about."""
    hit = _LOWER.get(text)
    if hit is None:
        if len(_LOWER) > 256:
            _LOWER.clear()
        hit = _LOWER[text] = (text.lower(), not foldable(text))
    return hit


_LOWER: dict = {}


@lru_cache(maxsize=2048)
def required(pattern: str) -> frozenset | None:
    """Lowercase ASCII strings one of which every match of `pattern` consumes (None: unknown)."""
    try:
        return _of_sequence(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - an expression that does not parse is run as written
        return None


def _score(found: frozenset) -> tuple:
    # The rarer a string in prose, the better it rules a stretch out: longer first, and a digit
    # or punctuation ("=", "%", "19") is rarer than a letter.
    return min((len(s) + 2 * sum(not (ch.isalpha() or ch.isspace()) for ch in s), -len(found))
               for s in found)


_MANY = 32  # strings a part of an expression may spell before it stops counting as a few


def _of_sequence(items) -> frozenset | None:
    """The best requirement among the parts of a sequence that must all match. Parts that spell
    one of a few strings ("th" and "at|is", "19|20" and "s") are joined into longer ones."""
    best, spelt = None, {""}

    def keep(found):
        nonlocal best
        if found and "" not in found:
            found = _shortest(found)
            if best is None or _score(found) > _score(best):
                best = found

    for op, av in items:
        strings = _spelt(op, av)
        if strings is not None:
            joined = {a + b for a in spelt for b in strings}
            if len(joined) <= _MANY:
                spelt = joined
                continue
            keep(spelt)
            spelt = strings
            continue
        keep(spelt)
        spelt = {""}
        keep(_of_item(op, av))
    keep(spelt)
    return best


def _shortest(strings) -> frozenset:
    """The strings holding none of the others: a text holding one of them holds one of these."""
    ordered = sorted(set(strings), key=len)
    return frozenset(s for i, s in enumerate(ordered) if not any(t in s for t in ordered[:i]))


def _spelt(op, av) -> set | None:
    """The few lowercase ASCII strings one item consumes ({""}: none, a lookaround or anchor)."""
    if op is _c.LITERAL:
        return {chr(av).lower()} if av < 128 else None
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    if op is _c.SUBPATTERN:
        return _spelt_all(av[-1])
    if op is _c.BRANCH:
        out: set = set()
        for branch in av[1]:
            found = _spelt_all(branch)
            if found is None:
                return None
            out |= found
        return out if len(out) <= _MANY else None
    if op is _c.IN and len(av) <= 4 and all(o is _c.LITERAL and a < 128 for o, a in av):
        return {chr(a).lower() for _, a in av}
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] == 1:
        found = _spelt_all(av[2])
        return None if found is None else (found | {""} if av[0] == 0 else found)
    return None


def _spelt_all(items) -> set | None:
    out = {""}
    for op, av in items:
        strings = _spelt(op, av)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > _MANY:
            return None
    return out


def _of_item(op, av) -> frozenset | None:
    if op is _c.SUBPATTERN:
        return _of_sequence(av[-1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _of_sequence(av[2]) if av[0] >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _of_sequence(av)
    if op is _c.BRANCH:
        out: set = set()
        for branch in av[1]:
            found = _of_sequence(branch)
            if not found:
                return None  # one alternative requires nothing: the whole requires nothing
            out |= found
        return frozenset(out)
    return None  # a class, a lookaround, an anchor, a back reference: nothing required


def regex_needles(terms) -> tuple | None:
    """Strings one of which every match of a term list's `re:` terms holds (None: unknown, or
    the list runs under the time limit of the `regex` package, whose case folding differs)."""
    if terms.regex is None or terms._limited:
        return None
    found = [required(f"(?:{t[3:]})") for t in terms._regex_terms]  # as terms.term_pattern
    if not all(found):
        return None
    return tuple(sorted(frozenset().union(*found), key=lambda n: (-len(n), n)))


def plain_needle(term: str) -> str | None:
    """The longest word of a plain term that every match spells out (an inflected word~ has
    several forms and a word with other than ASCII characters may fold: neither is used)."""
    phrase = term[:-1] if term.endswith("*") else term
    words = [w.lower() for w in re.split(r"[\s-]+", phrase.strip()) if w and "~" not in w and w.isascii()]
    return max(words, key=len) if words else None


def needles_of(pattern) -> tuple | None:
    """Strings one of which every match of a term list (or union of lists) holds in a text that
    is not `foldable`: a word of each plain term and what its `re:` terms require."""
    out: list = []
    for part in getattr(pattern, "parts", (pattern,)):
        out.extend(plain_needle(term) or lit for lit, _, term in part.plain)
        if part._regex_terms:
            found = regex_needles(part)
            if found is None:
                return None
            out.extend(found)
    return tuple(sorted(_shortest(out), key=len))


class Screen:
    """Which of several term lists (None for an empty one) may match a stretch of a text: those
    one of whose strings the stretch holds. Where the strings are in a text is found once per
    text, so that each stretch costs a bisection and its own few occurrences."""

    __slots__ = ("patterns", "_needles", "_texts")

    def __init__(self, patterns):
        self.patterns = tuple(patterns)
        self._needles = None
        self._texts: dict = {}  # text -> (starts, ends, owners) of its needles, by start

    def possible(self, text: str, lo: int = 0, hi: int | None = None) -> list[bool]:
        needles = self._needles
        if needles is None:
            needles = self._needles = [needles_of(p) if p is not None else () for p in self.patterns]
        low, sound = lowered(text)
        if not sound:
            return [p is not None for p in self.patterns]
        if lo < 0 or (hi is not None and hi < 0):  # a slice counted from the end: as written
            window = low[lo:hi]
            return [found is None or any(n in window for n in found) for found in needles]
        index = self._texts.get(text)
        if index is None:
            if len(self._texts) > 8:
                self._texts.clear()
            index = self._texts[text] = _occurrences(low, needles)
        starts, ends, owners = index
        out = [found is None for found in needles]
        hi = len(low) if hi is None else hi
        k, n = bisect_left(starts, lo), len(starts)
        while k < n and starts[k] < hi:
            if ends[k] <= hi:
                out[owners[k]] = True
            k += 1
        return out


def _occurrences(low: str, needles: list) -> tuple:
    found = []
    for owner, strings in enumerate(needles):
        for needle in strings or ():
            size, i = len(needle), low.find(needle)
            while i >= 0:
                found.append((i, i + size, owner))
                i = low.find(needle, i + 1)
    found.sort()
    return [f[0] for f in found], [f[1] for f in found], [f[2] for f in found]
