"""The shape of a raw expression from a data file: can its matching time explode?

Backtracking explodes when an unbounded repetition contains another (`(a+)+`), and can when it
contains an alternation or a back reference (`(a|aa)+`). The first shape is refused by
`validate`; expressions of the second kind run under a time limit (terms.py).
"""
from __future__ import annotations

import re

from linter.text import kept

# What a pattern's text must show for its shape to matter: a group under a quantifier, a back
# reference, a comment or verbose mode (where a quantifier may stand apart from its group).
_SHAPED = re.compile(r"\)[*+{]|\\|\[|\(\?P=|\(\?#|\(\?[a-zA-Z-]*x")
# Escapes (but a back reference) and character classes (a `]` first is one of its members):
# single atoms, whatever they hold.
_ATOMS = re.compile(r"\\[^1-9]|\[\^?(?:\\.|[^\\])(?:\\.|[^\]\\])*\]", re.DOTALL)


def plain(pattern: str) -> bool:
    """True when the text alone shows that the pattern, if it parses, has no shape worth a time
    limit: its parentheses pair up, and no group is repeated, no group is referred back to.
    Parsing every data file's expressions at run time cost more than linting a short draft."""
    bare = _ATOMS.sub("a", pattern)
    if _SHAPED.search(bare):
        return False
    depth = 0
    for ch in bare:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def nested_repeat(pattern: str) -> bool:
    """True when an unbounded repetition contains another: the shape of catastrophic
    backtracking (`(a+)+`, `(\\w+\\s*)*`). Atomic groups and possessive repeats are exempt."""
    return not plain(pattern) and _shape(pattern) == "nested"


def risky(pattern: str) -> bool:
    """Whether a pattern needs the time limit: a nested repetition, an alternation or a back
    reference inside an unbounded repetition (`(a|aa)+`), or a pattern that does not parse."""
    return _shape(pattern) is not None


def _shape(pattern: str) -> str | None:
    return kept.ask("shapes", pattern, read_shape)  # worked out once, and kept between runs


def read_shape(pattern: str) -> str | None:
    """None, "risky" or "nested", worked out from the parsed expression."""
    from linter.text.parsetree import c, parse

    repeats = {c.MAX_REPEAT, c.MIN_REPEAT}  # possessive repeats do not backtrack
    found = []

    def walk(items, inside: bool) -> None:
        for op, av in items:
            if op in repeats:
                unbounded = av[1] == c.MAXREPEAT or av[1] > 100
                if unbounded and inside:
                    found.append("nested")
                walk(av[2], inside or unbounded)
            elif op is c.SUBPATTERN:
                walk(av[-1], inside)
            elif op is c.BRANCH:
                if inside:
                    found.append("risky")
                for b in av[1]:
                    walk(b, inside)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(av[1], inside)
            elif op is c.GROUPREF:
                found.append("risky")

    try:
        walk(parse(pattern), False)
    except Exception:  # noqa: BLE001 - a pattern that does not parse is reported elsewhere
        return "risky"
    return "nested" if "nested" in found else (found[0] if found else None)
