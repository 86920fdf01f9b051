"""Term lists written as patterns the regular-expression engine searches fast, with the same
matches: a run of terms that start at a word boundary is written with the boundary once, and a
pattern that ignores case is searched in the lower-cased text with a copy that does not (the
engine then rejects most alternatives with one comparison instead of lower-casing as it goes).

Lower-casing keeps every character's place and its being a word character, save the characters
literals.foldable names: a text holding one is searched as it is.
"""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.text import kept
from linter.text.literals import lowered
from linter.text.parsetree import opens_with_boundary, parse


def alternation(patterns: list[str]) -> str:
    """The patterns as one alternation, in order. When most of them start with a word boundary,
    each run of those is written with the boundary once, "\\b(?:but\\b|yet\\b)": the engine
    then tries the run only where a word starts, instead of trying each alternative at every
    character. The matches are the same."""
    rests = [_after_boundary(p) for p in patterns]
    if 3 * sum(r is not None for r in rests) < 2 * len(patterns):
        return "|".join(patterns)
    out, run = [], []
    for p, rest in zip(patterns, rests):
        if rest is not None:
            run.append(rest)
            continue
        if run:
            out.append(r"\b(?:" + "|".join(run) + ")")
            run = []
        out.append(p)
    if run:
        out.append(r"\b(?:" + "|".join(run) + ")")
    return "|".join(out)


def _after_boundary(pattern: str) -> str | None:
    """What follows the word boundary a pattern starts with, as a pattern ("\\bbut\\b" gives
    "but\\b", "(?:\\bnot\\s+only)" gives "(?:not\\s+only)"), or None: a pattern with an
    alternation of its own ("\\bx|y") does not start with one."""
    if pattern.startswith("(?:") and pattern.endswith(")"):
        inner = pattern[3:-1]
        try:
            rest = _after_boundary(inner)  # the group is the whole pattern only if inner parses
        except re.error:
            return None
        return None if rest is None else f"(?:{rest})"
    if not pattern.startswith("\\b"):
        return None
    opens = kept.ask("opens", pattern, _opens)  # worked out once, and kept between runs
    if opens is None:
        parse(pattern, re.IGNORECASE)  # does not parse: the parser's own error
    return pattern[2:] if opens else None


def _opens(pattern: str) -> bool | None:
    return opens_with_boundary(pattern, re.IGNORECASE)


# Escapes that name a class or a position, the same in lower-cased text: \b \B \s \S \w \W \d \D
# \A \Z; an escaped punctuation mark is itself. Any other escape (\x41, \N{...}, a group number)
# may name an upper-case letter or compare text, and keeps a pattern off lower-cased text.
_ESCAPE = re.compile(r"\\(.)", re.S)
_CLASS_ESCAPES = frozenset("bBsSwWdDAZ")


def for_lowered(pattern) -> re.Pattern | None:
    """A case-sensitive copy of a pattern that ignores case, to search lower-cased text with; or
    None when the pattern has an upper-case letter, a letter beyond ASCII, an inline flag or
    an escape that could name a letter, and so is not sure to match the same there."""
    source = pattern.pattern
    flags = pattern.flags
    if not flags & re.IGNORECASE or "(?" in source.replace("(?:", "").replace(
            "(?=", "").replace("(?!", "").replace("(?<=", "").replace("(?<!", ""):
        return None
    for m in _ESCAPE.finditer(source):
        c = m.group(1)
        if c.isalnum() and c not in _CLASS_ESCAPES:
            return None
    if any("A" <= c <= "Z" for c in _ESCAPE.sub("", source)) or not all(
            c.isascii() or c.lower() == c == c.upper() for c in source):
        return None  # a letter beyond ASCII has case, or folds to others (µ and μ); a dash has not
    return rx(source, flags & ~re.IGNORECASE)


def lowered_text(text: str) -> str | None:
    """The text lower-cased, or None when lower-casing could move or change what a pattern
    matches (literals.foldable)."""
    low, sound = lowered(text)
    return low if sound else None
