"""What medlint reads off its expressions, kept in the data cache between runs.

Before a term list is searched, the literal pieces every match must hold are read from its
parsed expressions (text/literals.py), and an expression from a data file is parsed for its
shape (text/patterns.py); a list searched often is read for the words its matches begin with
(text/starts.py), and term patterns for a word boundary they open with (text/alternations.py).
The answers are plain data (strings, flags, tuples), the same in every run, and parsing a few hundred expressions cost a fresh process about a fifth of
linting a short draft. The answers met in a run are stored when the process ends, if it met
new ones, and a later run starts with them.

The entry's key holds the bytes of the modules that work the answers out, besides medlint's
and the interpreter's versions (cache.digest): after any change to that code, no stored answer
is used. An entry that does not check out is ignored and rebuilt; a stored answer of another
shape than the parser gives is worked out again when it is asked for (kept.py), and the answer
worked out replaces it. Compiled expressions are never stored (see regexcache.py): a pieces
answer only lets a search be skipped, as the validated rules stored beside it say what is
searched for at all.
"""
from __future__ import annotations

import atexit

from linter.knowledge import cache
from linter.text import alternations, kept, literals, parsetree, patterns, starts

KIND = "derived"
LIMIT = 20000  # answers kept; past it, only those a run worked out itself (data edited often)
_state: dict = {}  # the entry's key


def key() -> str | None:
    """The entry's key: the code that works the answers out (None when it cannot be read)."""
    chunks = []
    for module in (literals, patterns, starts, alternations, parsetree, kept):
        try:
            with open(module.__file__, "rb") as handle:
                chunks.append(handle.read())
        except (OSError, TypeError):
            return None
    return cache.digest(KIND.encode(), *chunks)


def restore() -> None:
    """Start with the stored answers (once per process); store them at exit if new ones came.
    Each stored answer is checked when it is first asked for (kept.py)."""
    if "key" in _state:
        return
    _state["key"] = found = key() if cache.cache_dir() is not None else None
    if found is None:
        return
    kept.STORED = _entry(cache.load(KIND, found))
    atexit.register(save)


def save() -> None:
    """Store the answers when the run met new ones, with those another run stored meanwhile."""
    found = _state.get("key")
    if found is None or cache.cache_dir() is None or not _new():
        return
    stored = _entry(cache.load(KIND, found))
    mine = kept.tables()
    if sum(map(len, mine)) + sum(map(len, stored.values())) > LIMIT:
        value = mine  # what this run worked out, not what it was given
    else:
        value = tuple({**stored[kind], **table} for kind, table in zip(kept.KINDS, mine))
    cache.store(KIND, found, value)
    kept.STORED = dict(zip(kept.KINDS, value))


def _new() -> bool:
    return any(any(k not in kept.STORED[kind] for k in kept.KNOWN[kind]) for kind in kept.KINDS)


def _entry(entry) -> dict:
    """A stored entry's tables (empty unless it is a tuple of as many as kept.KINDS)."""
    if isinstance(entry, tuple) and len(entry) == len(kept.KINDS) \
            and all(type(t) is dict for t in entry):
        return dict(zip(kept.KINDS, entry))
    return {kind: {} for kind in kept.KINDS}
