"""Trials a text names that the fact base does not hold: identifiers (the vocabulary's
`trial-ids`, "E1910", "UKALL 2003 trial") that are none of its subjects' names, nor a
shortened or one-letter-off spelling of one ("AALL173" is AALL1731)."""
from __future__ import annotations

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
            if not any(slip(m.group(0).upper(), k) for k in known)]


def slip(name: str, known: str) -> bool:
    """A shortened or one-character-off spelling of a known name."""
    if known.startswith(name) or name.startswith(known):
        return True
    return len(name) == len(known) and sum(a != b for a, b in zip(name, known)) == 1
