"""What medlint reads off its expressions, kept in the data cache between runs.

Before a term list is searched, the literal pieces every match must hold are read from its
parsed expressions (text/literals.py), and an expression from a data file is parsed for its
shape (text/patterns.py). Both answers are plain data (strings, flags, tuples, sets), the same
in every run, and parsing a few hundred expressions cost a fresh process about a fifth of
linting a short draft. The answers met in a run are stored when the process ends, if it met
new ones, and a later run starts with them.

The entry's key holds the bytes of the two modules that work the answers out, besides medlint's
and the interpreter's versions (cache.digest): after any change to that code, no stored answer
is used. An entry that does not check out, or holds anything but answers of the right shape,
is ignored and rebuilt. Compiled expressions are never stored (see regexcache.py); a pieces
answer only lets a search be skipped, as the validated rules stored beside it say what is
searched for at all.
"""
from __future__ import annotations

import atexit

from linter.knowledge import cache
from linter.text import literals, patterns

KIND = "derived"
LIMIT = 20000  # answers kept; past it, only those a run worked out itself (data edited often)
_SHAPES = (None, "risky", "nested")
_state: dict = {}  # key, and how many answers there were after the stored ones were read


def key() -> str | None:
    """The entry's key: the code that works the answers out (None when it cannot be read)."""
    chunks = []
    for module in (literals, patterns):
        try:
            with open(module.__file__, "rb") as handle:
                chunks.append(handle.read())
        except (OSError, TypeError):
            return None
    return cache.digest(KIND.encode(), *chunks)


def restore() -> None:
    """Start with the stored answers (once per process); store them at exit if new ones came."""
    if "key" in _state:
        return
    _state["key"] = found = key() if cache.cache_dir() is not None else None
    if found is None:
        return
    entry = cache.load(KIND, found)
    _merge(entry)
    _state["restored"] = entry if well_formed(entry) else ({}, {})
    _state["sizes"] = _sizes()
    atexit.register(save)


def save() -> None:
    """Store the answers when the run met new ones, with those another run stored meanwhile."""
    found = _state.get("key")
    if found is None or _sizes() == _state.get("sizes") or cache.cache_dir() is None:
        return
    restored = _state["restored"]
    _merge(cache.load(KIND, found))
    value = ({(p, int(f)): v for (p, f), v in literals.PIECES.items()},  # not re.RegexFlag
             dict(patterns.SHAPES))
    if sum(map(len, value)) > LIMIT:  # keep what this run worked out, not what it was given
        value = tuple({k: v for k, v in memo.items() if k not in old}
                      for memo, old in zip(value, restored))
    cache.store(KIND, found, value)
    _state["sizes"] = _sizes()


def _sizes() -> tuple:
    return len(literals.PIECES), len(patterns.SHAPES)


def _merge(entry) -> None:
    if not well_formed(entry):
        return
    stored_pieces, stored_shapes = entry
    for memo, stored in ((literals.PIECES, stored_pieces), (patterns.SHAPES, stored_shapes)):
        for k, v in stored.items():
            memo.setdefault(k, v)


def well_formed(entry) -> bool:
    """Answers of the shapes literals.pieces and patterns.read_shape give, and nothing else."""
    if not (isinstance(entry, tuple) and len(entry) == 2
            and isinstance(entry[0], dict) and isinstance(entry[1], dict)):
        return False
    stored_pieces, stored_shapes = entry
    return (all(isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], str)
                and type(k[1]) is int and _pieces(v) for k, v in stored_pieces.items())
            and all(isinstance(k, str) and v in _SHAPES and (v is None or type(v) is str)
                    for k, v in stored_shapes.items()))


def _pieces(value) -> bool:
    return value is None or (
        type(value) is frozenset and all(
            type(alt) is frozenset and alt and all(
                type(p) is tuple and len(p) == 2 and type(p[0]) is str and p[0]
                and type(p[1]) is bool for p in alt) for alt in value) and bool(value))
