"""Answers read off expressions, each worked out once: in this process, or by an earlier run.

`literals.pieces`, `patterns.risky`, `starts.starts` and `alternations.alternation` parse an
expression for what every match holds, its shape, the words every match begins with and
whether it opens with a word boundary; the answers are plain data, the same in every run.
Each is asked here first (`ask`): the answers this process has, then those an earlier run
stored (put in `STORED` by knowledge/derived.py, as plain tuples), then the parser. A stored
answer is checked when it is first asked for, and one of any other shape is worked out again,
never used.
"""
from __future__ import annotations

KINDS = ("pieces", "shapes", "starts", "opens")  # the tables, in the order they are stored
# This process's answers, by kind: pieces (pattern, flags) -> literals.read_pieces(); shapes
# pattern -> patterns.read_shape(); starts (pattern, flags) -> starts.read_starts(); opens
# pattern -> parsetree.opens_with_boundary(pattern, re.IGNORECASE).
KNOWN: dict = {kind: {} for kind in KINDS}
STORED: dict = {kind: {} for kind in KINDS}  # what an earlier run kept, not yet checked
_NONE = object()
_SHAPE_VALUES = (None, "risky", "nested")


def ask(kind: str, key, work):
    """The answer of this kind for `key` (an expression, or an expression and its flags): the one
    this process has, else the one stored if it has the shape the parser gives, else `work`'s."""
    known = KNOWN[kind]
    found = known.get(key, _NONE)
    if found is not _NONE:
        return found
    found = _THAW[kind](STORED[kind].get(key, _NONE))
    if found is _NONE:
        STORED[kind].pop(key, None)  # to be stored again as worked out
        found = work(*key) if type(key) is tuple else work(key)
    known[key] = found
    return found


def _shape_checked(kept):
    return kept if kept is None or (type(kept) is str and kept in _SHAPE_VALUES) else _NONE


def _opens_checked(kept):
    return kept if kept is None or type(kept) is bool else _NONE


def tables() -> tuple:
    """This process's answers, as stored: plain tuples and ints (no sets, no RegexFlag)."""
    return ({(p, int(f)): frozen(v) for (p, f), v in KNOWN["pieces"].items()},
            dict(KNOWN["shapes"]),
            {(p, int(f)): None if v is None else tuple(sorted(v))
             for (p, f), v in KNOWN["starts"].items()},
            dict(KNOWN["opens"]))


def _starts_thawed(kept):
    """A stored starts answer as `starts.read_starts` gives it, or _NONE for another shape:
    up to 64 distinct non-empty lower-case ASCII strings of at most 12 characters."""
    if kept is None:
        return None
    if type(kept) is not tuple or not kept or len(kept) > 64:
        return _NONE
    for s in kept:
        if not (type(s) is str and 0 < len(s) <= 12 and s.isascii() and s == s.lower()):
            return _NONE
    found = frozenset(kept)
    return found if len(found) == len(kept) else _NONE


def frozen(found) -> tuple | None:
    """A pieces answer as stored: tuples, which load faster than sets."""
    return None if found is None else tuple(tuple(alt) for alt in found)


def thawed(kept):
    """A stored pieces answer as `literals.pieces` gives it, or _NONE when it has another shape."""
    if kept is None:
        return None
    if type(kept) is not tuple or not kept:
        return _NONE
    for alt in kept:
        if type(alt) is not tuple or not alt:
            return _NONE
        for piece in alt:
            if not (type(piece) is tuple and len(piece) == 2 and type(piece[0]) is str
                    and piece[0] and type(piece[1]) is bool):
                return _NONE
    return frozenset(frozenset(alt) for alt in kept)


_THAW = {"pieces": thawed, "shapes": _shape_checked, "starts": _starts_thawed,
         "opens": _opens_checked}
