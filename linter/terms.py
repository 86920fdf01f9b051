"""Compile the term lists used by facts and rules into regular expressions.

A term is a phrase matched case-insensitively on word boundaries, where a space also matches
a hyphen or line break and a trailing `*` matches any word ending ("relapse*"). A term written
in capitals ("ALL", "OS", "DFS") matches only in capitals, so "ALL" is never "all". `re:` starts
a raw regular expression; `@name` stands for a vocabulary group.

Compiling hundreds of alternations costs more than linting a draft, so a term list compiles
lazily, on the first text that contains one of its words (a plain substring test); lists with
raw expressions compile on first use.
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
    body = r"[\s-]+".join(re.escape(w) for w in words)
    start = r"\b" if re.match(r"\w", phrase) else ""
    end = r"\w*" if prefix else (r"\b" if re.search(r"\w$", phrase) else "")
    pattern = f"{start}{body}{end}"
    letters = re.sub(r"[^A-Za-z]", "", phrase)
    if len(letters) >= 2 and letters.isupper():
        return f"(?-i:{pattern})"
    return pattern


class Terms:
    """A compiled-on-demand alternation with the `search`/`finditer` of a pattern."""

    __slots__ = ("terms", "literals", "_pattern", "_memo")

    def __init__(self, terms: tuple):
        self.terms = terms
        self._pattern = None
        self._memo: dict = {}
        literals = set()
        for t in terms:
            if t.startswith("re:"):
                literals = None
                break
            first = re.split(r"[\s-]+", t.rstrip("*").strip())[0].lower()
            literals.add(first)
        self.literals = tuple(sorted(literals)) if literals is not None else None

    @property
    def pattern(self):
        if self._pattern is None:
            # Longest phrases first, so "cure rate" wins over "cure"; expressions after them.
            ordered = sorted(set(self.terms), key=lambda t: (t.startswith("re:"), -len(t)))
            self._pattern = re.compile("|".join(term_pattern(t) for t in ordered), re.IGNORECASE)
        return self._pattern

    def _absent(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        if self.literals is None:
            return False
        low = text[pos:endpos].lower() if (pos or endpos is not None) else text.lower()
        return not any(lit in low for lit in self.literals)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        # The same sentence is searched for the same terms by many facts: remember the answer.
        key = (text, pos, endpos)
        memo = self._memo
        if key in memo:
            return memo[key]
        if self._absent(text, pos, endpos):
            found = None
        elif endpos is None:
            found = self.pattern.search(text, pos)
        else:
            found = self.pattern.search(text, pos, endpos)
        if len(memo) > 512:
            memo.clear()
        memo[key] = found
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        if self._absent(text, pos, endpos):
            return iter(())
        if endpos is None:
            return self.pattern.finditer(text, pos)
        return self.pattern.finditer(text, pos, endpos)


class TermUnion:
    """Several term lists searched as one: a vocabulary group compiles once however many facts
    use it. The leftmost match wins; at the same start, the longest."""

    __slots__ = ("parts",)

    def __init__(self, parts):
        self.parts = parts

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        best = None
        for part in self.parts:
            m = part.search(text, pos, endpos)
            if m is not None and (best is None or m.start() < best.start()
                                  or (m.start() == best.start() and m.end() > best.end())):
                best = m
        return best

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        found = sorted((m for part in self.parts for m in part.finditer(text, pos, endpos)),
                       key=lambda m: (m.start(), -m.end()))
        last = -1
        for m in found:
            if m.start() >= last:
                yield m
                last = m.end()


def _group(name: str, vocabulary: dict):
    key = ("@", name, id(vocabulary))
    hit = _CACHE.get(key)
    if hit is None:
        hit = _CACHE[key] = Terms(tuple(expand([f"@{name}"], vocabulary)))
    return hit


def _literals(terms: tuple):
    hit = _CACHE.get(terms)
    if hit is None:
        hit = _CACHE[terms] = Terms(terms)
    return hit


def compile_terms(terms, vocabulary: dict):
    """A lazily compiled matcher for a term list (None when the list is empty)."""
    parts, plain = [], []
    for term in terms or ():
        if term.startswith("@"):
            if term[1:] in vocabulary:
                parts.append(_group(term[1:], vocabulary))
        else:
            plain.append(term)
    if plain:
        parts.append(_literals(tuple(plain)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else TermUnion(tuple(parts))


def unknown_references(terms, vocabulary: dict) -> list[str]:
    return [t for t in terms or () if t.startswith("@") and t[1:] not in vocabulary]


def check_term(term: str) -> str | None:
    try:
        re.compile(term_pattern(term), re.IGNORECASE)
    except re.error as err:
        return f"term {term!r} does not compile: {err}"
    return None
