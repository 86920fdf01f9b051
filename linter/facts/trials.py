"""Trials a text names that the fact base does not hold: identifiers (the vocabulary's
`trial-ids`, "E1910", "UKALL 2003 trial") that are none of its subjects' names, nor a
shortened or one-letter-off spelling of one ("AALL173" is AALL1731)."""
from __future__ import annotations

import re

from linter.regexcache import lazy

_KNOWN: list = [None, ()]  # the fact base last asked about, the names of its subjects


def unknown_trials(fb, text: str) -> list[int]:
    """Where text names a trial by an identifier (the vocabulary's `trial-ids`) that is none of
    the fact base's subjects, nor a shortened or one-letter-off spelling of one."""
    if fb.trial_names is None:
        return []
    if _KNOWN[0] is not fb:
        vocabulary = fb.knowledge.vocabulary
        _KNOWN[:] = [fb, tuple({t.upper() for n in fb.subjects for t in vocabulary.get(n, ())
                                if not t.startswith(("re:", "@"))})]
    known = _KNOWN[1]
    return [m.start() for m in fb.trial_names.finditer(text)
            if not any(slip(m.group(0).upper(), k) for k in known)
            and not _beside_known(text, m.start(), m.end(), known)]


def slip(name: str, known: str) -> bool:
    """A shortened or one-character-off spelling of a known name (a letter, not a number:
    AALL1732 is another trial than AALL1731)."""
    if known.startswith(name) or name.startswith(known):
        return True
    if len(name) != len(known):
        return False
    off = [(a, b) for a, b in zip(name, known) if a != b]
    return len(off) == 1 and not (off[0][0].isdigit() and off[0][1].isdigit())


_BEFORE = lazy(r"([\w-]+)(?:\s+(?:trial|study|protocol))?\s*[(\[,]\s*$", re.I)
_AFTER = lazy(r"\s*[(\[,]\s*([\w-]+)")


def _beside_known(text: str, start: int, end: int, known) -> bool:
    """Whether the identifier is another name of a trial named right beside it: "AALL1731
    (NCT03914625)", "NCT03914625 (AALL1731)" give one trial its registry number."""
    before = _BEFORE.search(text, max(0, start - 40), start)
    after = _AFTER.match(text, end, min(len(text), end + 40))
    return any(m is not None and m.group(1).upper() in known for m in (before, after))
