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


