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


@lru_cache(maxsize=2048)
def required(pattern: str) -> frozenset | None:
    """Lowercase ASCII strings one of which every match of `pattern` consumes (None: unknown)."""
    try:
        return _of_sequence(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - an expression that does not parse is run as written
        return None


def _score(found: frozenset) -> tuple:
    # The rarer a string in prose, the better it rules a stretch out: longer first, and
    # punctuation ("=", "%") is rarer than letters.
    return min((len(s) + sum(not ch.isalnum() for ch in s), -len(found)) for s in found)


def _of_sequence(items) -> frozenset | None:
    """The best requirement among the parts of a sequence that must all match."""
    best, run = None, []

    def keep(found):
        nonlocal best
        if found and (best is None or _score(found) > _score(best)):
            best = found

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        keep(frozenset(("".join(run),)) if run else None)
        run = []
        keep(_of_item(op, av))
    keep(frozenset(("".join(run),)) if run else None)
    return best


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
