"""Answers read off expressions, each worked out once: in this process, or by an earlier run.

`literals.pieces` and `patterns.risky` parse an expression for what every match holds and for
its shape; both answers are plain data, the same in every run. Each is asked here first: the
answers this process has, then those an earlier run stored (put in `STORED` by
knowledge/derived.py, as plain tuples), then the parser. A stored answer is checked when it is
first asked for, and one of any other shape is worked out again, never used.
"""
from __future__ import annotations

PIECES: dict = {}  # (pattern, flags) -> literals.pieces()
SHAPES: dict = {}  # pattern -> patterns.read_shape()
STORED: dict = {"pieces": {}, "shapes": {}}  # what an earlier run kept, not yet checked
_NONE = object()
_SHAPE_VALUES = (None, "risky", "nested")


def pieces(pattern: str, flags: int, work):
    key = (pattern, flags)
    try:
        return PIECES[key]
    except KeyError:
        found = thawed(STORED["pieces"].get(key, _NONE))
        if found is _NONE:
            STORED["pieces"].pop(key, None)  # to be stored again as worked out
            found = work(pattern, flags)
        PIECES[key] = found
        return found


def shape(pattern: str, work):
    try:
        return SHAPES[pattern]
    except KeyError:
        found = STORED["shapes"].get(pattern, _NONE)
        if found is _NONE or not (found is None or (type(found) is str and found in _SHAPE_VALUES)):
            STORED["shapes"].pop(pattern, None)
            found = work(pattern)
        SHAPES[pattern] = found
        return found


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
