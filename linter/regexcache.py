"""Compile medlint's regular expressions.

Every pattern is compiled by `re.compile` in the running process. Earlier versions kept the
compiler's code lists in the data cache and handed them to `_sre.compile`, which saved about
20 ms a run; but `_sre` trusts its input, and a cache entry edited by anyone who can write to
the cache folder crashed the interpreter or silently changed what a rule matches. A checksum
catches accidents, not a deliberate edit, so compiled code is no longer cached.
"""
from __future__ import annotations

import re


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    return re.compile(pattern, flags)


class Lazy:
    """A pattern compiled on its first use. A module's expressions for rarer shapes of text
    ("twice as likely", "from 5 to 10") then cost a run that never meets them nothing; once
    compiled, its methods are the compiled pattern's own."""

    __slots__ = ("pattern", "_flags", "search", "match", "fullmatch", "finditer", "findall", "sub",
                 "split")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self._flags = pattern, flags

    @property
    def flags(self) -> int:
        """The flags it was given (a compiled pattern's also hold re.UNICODE for a text pattern)."""
        return self._flags

    def __getattr__(self, name):  # only until compiled: then every slot is set
        if name not in Lazy.__slots__:
            raise AttributeError(name)
        compiled = compile(self.pattern, self._flags)
        for method in Lazy.__slots__[2:]:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> Lazy:
    return Lazy(pattern, flags)
