"""Compile the term lists used by facts and rules into regular expressions.

A term is a phrase matched case-insensitively on word boundaries, where a space also matches
a hyphen or line break and a trailing `*` matches any word ending ("relapse*"). A term written
in capitals ("ALL", "OS", "DFS") matches only in capitals, so "ALL" is never "all". `re:` starts
a raw regular expression; `@name` stands for a vocabulary group.
"""
from __future__ import annotations

import re

_CACHE: dict = {}


def expand(terms, vocabulary: dict, seen=()) -> list[str]:
    out = []
    for term in terms or ():
        if term.startswith("@"):
            name = term[1:]
            if name in seen:
                continue
            out.extend(expand(vocabulary.get(name, ()), vocabulary, seen + (name,)))
        else:
            out.append(term)
    return out


def term_pattern(term: str) -> str:
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    prefix = term.endswith("*")
    phrase = term[:-1] if prefix else term
    words = re.split(r"[\s-]+", phrase.strip())
    body = r"[\s\-\u2010\u2011]+".join(re.escape(w) for w in words)
    start = r"\b" if re.match(r"\w", phrase) else ""
    end = r"\w*" if prefix else (r"\b" if re.search(r"\w$", phrase) else "")
    pattern = f"{start}{body}{end}"
    letters = re.sub(r"[^A-Za-z]", "", phrase)
    if len(letters) >= 2 and letters.isupper():
        return f"(?-i:{pattern})"
    return f"(?:{pattern})"


def compile_terms(terms, vocabulary: dict):
    """One compiled alternation for a term list (None when the list is empty)."""
    expanded = tuple(expand(terms, vocabulary))
    if not expanded:
        return None
    hit = _CACHE.get(expanded)
    if hit is None:
        ordered = sorted(set(expanded), key=len, reverse=True)
        hit = re.compile("|".join(term_pattern(t) for t in ordered), re.IGNORECASE)
        _CACHE[expanded] = hit
    return hit


def unknown_references(terms, vocabulary: dict) -> list[str]:
    return [t for t in terms or () if t.startswith("@") and t[1:] not in vocabulary]


def check_term(term: str) -> str | None:
    try:
        re.compile(term_pattern(term), re.IGNORECASE)
    except re.error as err:
        return f"term {term!r} does not compile: {err}"
    return None
