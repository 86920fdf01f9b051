"""The parser of Python's `re` module, and what medlint asks of the trees it gives.

literals.py (the pieces every match holds), starts.py (the words every match begins with),
patterns.py (whether matching time can explode) and alternations.py (whether a pattern opens
with a word boundary) read parsed expressions. The parser is the `re` module's own, so a tree
says exactly what `re.compile` will match; its module moved in Python 3.11.
"""
from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

parse = _parser.parse
# Repetitions and groups of every kind; patterns.py reads possessive repeats and atomic groups
# apart, as they do not backtrack.
REPEATS = frozenset({c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)})
GROUPS = frozenset({c.SUBPATTERN, getattr(c, "ATOMIC_GROUP", c.SUBPATTERN)})
ZERO_WIDTH = frozenset({c.AT, c.ASSERT, c.ASSERT_NOT})  # positions and lookarounds


def group_body(op, av):
    """The items inside a group of GROUPS: an atomic group's are its whole argument, a
    capturing or plain group's the last part of it (after its number and flags)."""
    return av if op is not c.SUBPATTERN else av[-1]


def opens_with_boundary(pattern: str, flags: int) -> bool | None:
    """Whether the parsed pattern's first item is a word boundary `\\b` (None: it does not parse)."""
    try:
        data = parse(pattern, flags).data
    except Exception:  # noqa: BLE001 - the caller asks the parser again for its error
        return None
    return bool(data) and data[0] == (c.AT, c.AT_BOUNDARY)
