"""The strings every match of an expression begins with: where a search over a long text may start.

Searching a whole draft for a case-insensitive alternation tries every alternative at every
character, because no alternative begins with a fixed letter the `re` module can skip to. Most
`re:` terms do begin with a word ("safer", "(?:is|are) ...", "every\\s+..."): a match can start
only where one of those words is written, so the search is run from those places alone, with the
same answer (`candidates`).

`starts` reads the parsed expression: zero-width assertions at the front are passed over, a run of
literal characters is a start, an alternation gives the starts of each alternative, an optional
part those of itself and of what follows. Anything else at the front (a class, a dot, a back
reference, an empty alternative) gives no answer (None), and the expression is searched as usual.
The strings are lowercase ASCII, compared with the lowercased text; a text holding a character
that matches an ASCII letter only when case is ignored (literals.foldable) is searched as usual.
"""
from __future__ import annotations

import re

from linter.text import kept
from linter.text.parsetree import GROUPS as _GROUPS
from linter.text.parsetree import REPEATS as _REPEATS
from linter.text.parsetree import ZERO_WIDTH as _ZERO_WIDTH
from linter.text.parsetree import c as _c
from linter.text.parsetree import group_body, parse

_MOST = 64  # start strings: beyond this the expression is searched as usual
_LONGEST = 12  # characters of a start string: enough to be rare


def starts(pattern: str, flags: int = 0) -> frozenset | None:
    """Lowercase ASCII strings one of which every match of `pattern` begins with (None: unknown).
    Worked out once, and kept between runs (kept.py)."""
    return kept.ask("starts", (pattern, flags), read_starts)


def read_starts(pattern: str, flags: int = 0) -> frozenset | None:
    """`starts`, worked out from the parsed expression."""
    try:
        parsed = parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an expression the parser refuses gets no answer
        return None
    found = _sequence(list(parsed), 0, None)
    if not found or len(found) > _MOST:
        return None
    return frozenset(found)


def _sequence(items: list, i: int, after: frozenset | None) -> frozenset | None:
    """Starts of items[i:] followed by something whose starts are `after` (None: unknown)."""
    run = ""
    while i < len(items):
        op, av = items[i]
        if op is _c.LITERAL:
            ch = chr(av)
            if not (ch.isascii() and len(run) < _LONGEST):
                if not run:  # a letter that may fold to others: no answer
                    return None
                break
            run += ch.lower()
            i += 1
            continue
        if run:
            break
        if op in _ZERO_WIDTH:
            i += 1
            continue
        rest = _Rest(items, i + 1, after)
        if op in _GROUPS:
            return _sequence(list(group_body(op, av)), 0, rest.starts())
        if op is _c.BRANCH:
            return _union([_sequence(list(alt), 0, rest.starts()) for alt in av[1]])
        if op in _REPEATS:
            low, _, item = av
            own = _sequence(list(item), 0, None)
            return own if low >= 1 else _union([own, rest.starts()])
        return None
    if run:  # what follows the run lengthens it: "e(?:liminate|radicate)" opens "eliminate" or "eradicate"
        more = _sequence(items, i, after) if len(run) < _LONGEST else None
        if more is None:
            return frozenset((run,))
        return frozenset((run + m)[:_LONGEST] for m in more)
    return after


class _Rest:
    """The starts of what follows an item, worked out once when first asked for."""

    __slots__ = ("items", "i", "after", "_found", "_done")

    def __init__(self, items: list, i: int, after):
        self.items, self.i, self.after = items, i, after
        self._done = False
        self._found = None

    def starts(self):
        if not self._done:
            self._found = _sequence(self.items, self.i, self.after)
            self._done = True
        return self._found


def _union(parts: list) -> frozenset | None:
    if any(p is None for p in parts):
        return None
    found = frozenset().union(*parts)
    return found if len(found) <= _MOST else None


def scan(match, begins, text: str, window: str, pos: int, end: int, first: bool):
    """The matches of an expression (`match`: its compiled match method) in text[pos:end], as its
    `finditer` finds them, tried only where one of `begins` (its `starts`) is written in `window`
    (that stretch lowercased, no character of the text `foldable`); with `first`, the first
    match or None."""
    places = []
    for s in begins:  # candidates(window, begins, pos), without a call: asked for every stretch
        if s in window:
            i = window.find(s)
            while i >= 0:
                places.append(i + pos)
                i = window.find(s, i + 1)
    if not places:
        return None if first else []
    if len(places) > 1:
        places = sorted(set(places))
    found = []
    after = pos
    for at in places:
        if at >= after:
            m = match(text, at, end)
            if m is not None:
                if first:
                    return m
                found.append(m)
                after = m.end()  # a match is never empty: it holds its first string
    return None if first else found


def candidates(window: str, strings, pos: int = 0) -> list[int]:
    """The positions where one of `strings` is written in full in `window`, a stretch of a text
    that starts at `pos`, in order."""
    found = []
    for s in strings:
        if s in window:  # a plain test first: most strings are not there
            i = window.find(s)
            while i >= 0:
                found.append(i + pos)
                i = window.find(s, i + 1)
    if len(found) > 1:
        found = sorted(set(found))
    return found


def term_heads(term: str, first: str) -> tuple | None:
    """The strings every match of a plain term begins with (as terms.term_pattern writes it),
    when they say more than `first`, the letters every match begins with ("get~ rid of": get,
    gets, got, ... rather than "g"); else None."""
    from linter.text.termsyntax import term_pattern

    found = starts(term_pattern(term), re.IGNORECASE)
    if not found or min(len(s) for s in found) <= len(first):
        return None
    return tuple(sorted(found))
