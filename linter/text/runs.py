"""Expressions that open with a run of one kind of character (`\\S+\\s*%`, `\\w+ cured`):
searched without being tried inside every such run.

A search tries an expression at each character in turn. An alternative that opens with an
unbounded repetition of one character class, tried inside a long run of that class (50,000
brackets, a long link, a word repeated without spaces), reads on to the end of the run each
time: the work grows with the square of the run. But a match that begins inside a run would
also begin one character earlier (the repetition takes that character too), so the leftmost
match never begins inside a run, except at the place where the search starts. The guarded
expression puts a look-behind before each such repetition (`(?<!\\S)\\S+`); the search below
tries the expression as written where it starts (and where each match ends) and the guarded one
everywhere else: the same matches, found in time linear in the text.

The repetition must open its alternative or an optional part that opens it (`(?:\\w+\\s+)?cure`:
nothing before it, not even `\\b`, which would not hold one character earlier), and the
expression must refer back to no group, for the matches to be the same; otherwise the expression
is searched as written.
"""
from __future__ import annotations

from linter.text.parsetree import GROUPS, REPEATS, _parser, c, group_body, parse

try:  # Python 3.11+
    from re import _compiler
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]

_ONE_CHARACTER = frozenset({c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY})
_BACK = frozenset({c.GROUPREF, c.GROUPREF_EXISTS})
_NONE = object()


def guarded(pattern: str, flags: int = 0):
    """`pattern` compiled with a look-behind before each repetition that opens an alternative
    (see above), or None when it has none, or guarding could change its matches."""
    try:
        parsed = parse(pattern, flags)
        if _refers_back(parsed.data) or not _guard(parsed, parsed.state):
            return None
        return _compiler.compile(parsed, flags)
    except Exception:  # noqa: BLE001 - a shape the parser or compiler refuses: searched as written
        return None


def _refers_back(items) -> bool:
    for op, av in items:
        if op in _BACK:
            return True
        if op in GROUPS and _refers_back(group_body(op, av)):
            return True
        if op is c.BRANCH and any(_refers_back(alt) for alt in av[1]):
            return True
        if op in REPEATS and _refers_back(av[2]):
            return True
        if op in (c.ASSERT, c.ASSERT_NOT) and _refers_back(av[1]):
            return True
    return False


def _guard(sub, state) -> bool:
    """Put the look-behind before the opening repetition of each alternative of `sub`, through
    the groups and alternations it opens with; whether one was put."""
    if not sub.data:
        return False
    op, av = sub.data[0]
    if op in GROUPS:
        return _guard(group_body(op, av), state)
    if op is c.BRANCH:
        done = False
        for alt in av[1]:
            done = _guard(alt, state) or done
        return done
    if op in REPEATS and av[1] == 1:  # an optional part: the run may open it
        return _guard(av[2], state)
    if op in REPEATS and av[1] == c.MAXREPEAT and len(av[2].data) == 1 \
            and av[2].data[0][0] in _ONE_CHARACTER:
        sub.data.insert(0, (c.ASSERT_NOT, (-1, _parser.SubPattern(state, list(av[2].data)))))
        return True
    return False


class RunSafe:
    """A compiled expression's `search` and `finditer`, with the same answers, for expressions
    whose alternatives may open with a run (the guarded form is built on the first long text)."""

    __slots__ = ("regex", "long", "_guarded")

    def __init__(self, regex, long: int = 200):
        self.regex = regex
        self.long = long  # characters: shorter stretches are searched as written
        self._guarded = _NONE

    def _guard(self):
        if self._guarded is _NONE:
            self._guarded = guarded(self.regex.pattern, self.regex.flags)
        return self._guarded

    def search(self, text: str, pos: int, end: int):
        safe = self._guard() if end - pos > self.long else None
        if safe is None:
            return self.regex.search(text, pos, end)
        return self.regex.match(text, pos, end) or safe.search(text, pos, end)

    def finditer(self, text: str, pos: int, end: int):
        safe = self._guard() if end - pos > self.long else None
        if safe is None:
            return self.regex.finditer(text, pos, end)
        found = []
        at = pos
        while at <= end:
            m = self.regex.match(text, at, end) or safe.search(text, at, end)
            if m is None:
                break
            if m.end() == m.start():  # an empty match: the rules for what follows it are finditer's
                return self.regex.finditer(text, pos, end)
            found.append(m)
            at = m.end()
        return found
