"""Compile the term lists used by facts and rules into regular expressions.

A term is a phrase matched case-insensitively on word boundaries, where a space also matches
a hyphen or line break and a trailing `*` matches any word ending ("relapse*"); a word ending
in `~` matches its inflected forms ("wipe~ out": wipes, wiped, wiping out; see inflect.py). A term written
in capitals ("ALL", "OS", "DFS") matches only in capitals, so "ALL" is never "all". `re:` starts
a raw regular expression; `@name` stands for a vocabulary group.

Compiling hundreds of alternations costs more than linting a draft, so a term list compiles
lazily, on the first text that contains one of its words (a plain substring test); lists with
raw expressions compile on first use.

Raw expressions come from rule packs and fact bases that anyone may propose, so they run under a
time limit (the `regex` package's timeout), and `validate` refuses a nested quantifier such as
`(a+)+`, whose matching time can double with each extra character.
"""
from __future__ import annotations

import re

from linter.errors import MedlintError
from linter.regexcache import compile as rx
from linter.text.literals import lowered as _lower
from linter.text.needles import may_hold, regex_needles
from linter.text.patterns import plain, risky
from linter.text.runs import RunSafe
from linter.text.starts import candidates, scan, starts, term_heads
from linter.text.termsyntax import check_term, expand, term_pattern, unknown_references

__all__ = ["PatternTimeout", "Terms", "TermUnion", "check_term", "compile_terms", "expand",
           "leftmost_longest", "term_pattern", "unknown_references"]

PATTERN_SECONDS = 1.0  # per search of one text: a sane pattern takes microseconds


class PatternTimeout(MedlintError):
    """A raw expression from a data file took longer than PATTERN_SECONDS on a text."""

_CACHE: dict = {}


_HEADS: dict = {}  # a plain term -> what its matches begin with, when its first letters say little
_LONG = 2000  # characters: a stretch longer than any sentence of prose
_COMPILED: dict = {}


def _compiled(term: str):
    """One small pattern per term, compiled the first time a text contains its first word."""
    p = _COMPILED.get(term)
    if p is None:
        p = _COMPILED[term] = rx(term_pattern(term), re.IGNORECASE)
    return p


def _better(best, m):
    """Leftmost match; at the same start, the longest."""
    if m is None:
        return best
    if best is None or m.start() < best.start() or (m.start() == best.start() and m.end() > best.end()):
        return m
    return best


class Terms:
    """A term list with the `search`/`finditer` of a compiled pattern.

    Each plain term is tried only when the text contains its first word (a substring test), and
    compiled on that first use; the `re:` terms compile together on first use. Compiling every
    alternation up front would cost more than linting a draft.
    """

    __slots__ = ("terms", "plain", "_regex_terms", "_regex", "_memo", "_long", "_limited", "_needles",
                 "_starts", "_safe")

    def __init__(self, terms: tuple):
        self.terms = terms
        plain, regex_terms = [], []
        for t in terms:
            if t.startswith("re:"):
                regex_terms.append(t)
            else:
                first = (t.rstrip("*").replace("-", " ").split(None, 1) or [""])[0].lower()
                if first.endswith("~"):  # inflected: the letters every form begins with
                    from os.path import commonprefix

                    from linter.text.inflect import forms

                    first = commonprefix([f.lower() for f in forms(first[:-1])]) or first[:1]
                plain.append((first, first[:1].isalnum() or first[:1] == "_", t))
        self.plain = tuple(plain)
        self._regex_terms = tuple(regex_terms)
        self._regex = None
        self._limited = False  # run under the time limit (see patterns.risky)
        self._needles = _UNSET  # what every match of the `re:` terms holds (needles.required)
        self._starts = _UNSET  # what every match of the `re:` terms begins with (starts.py)
        self._memo: dict = {}
        self._long: dict = {}  # answers about long stretches, costly to find again

    @property
    def regex(self):
        if self._regex is None and self._regex_terms:
            self._compile()
        return self._regex

    def _compile(self) -> None:
        joined = "|".join(term_pattern(t) for t in self._regex_terms)
        if all(plain(t[3:]) for t in self._regex_terms):
            try:  # parsing each expression for its shape costs as much as compiling it
                self._regex = rx(joined, re.IGNORECASE)
                self._safe = RunSafe(self._regex)
                return
            except re.error:
                pass  # decided below, as for any other expression
        if any(risky(t[3:]) for t in self._regex_terms):
            import regex  # the `re` module has no time limit (and `regex` is slow to import)

            self._regex = regex.compile(joined, regex.IGNORECASE | regex.V0)
            self._limited = True
        else:
            self._regex = rx(joined, re.IGNORECASE)
            self._safe = RunSafe(self._regex)

    def _timed(self, method, *args):
        if not self._limited:
            return method(*args)
        try:
            return method(*args, timeout=PATTERN_SECONDS)
        except TimeoutError:
            terms = ", ".join(repr(t) for t in self._regex_terms)
            raise PatternTimeout(f"a data file's expression ({terms[:200]}) took over "
                                 f"{PATTERN_SECONDS:g} s on one sentence; simplify it "
                                 f"(nested repetition such as (a+)+ is the usual cause)") from None

    def _may_match(self, text: str, pos: int, endpos, window: str, sound: bool) -> bool:
        """Whether the `re:` terms may match text[pos:endpos], `window` lowercased (needles.py)."""
        needles = self._needles
        if needles is _UNSET:
            needles = self._needles = regex_needles(self)
        return needles is None or not sound or may_hold(needles, window, text, pos, endpos)

    def _begins(self):
        """The strings every match of the `re:` terms begins with (starts.py), or None."""
        found = None if self.regex is None or self._limited else starts(self.regex.pattern, re.I)
        self._starts = tuple(sorted(found)) if found else None
        return self._starts

    def _regex_part(self, text: str, low: str, window: str, sound: bool, pos: int, endpos, first: bool):
        """The `re:` terms' matches in text[pos:endpos] (`window`: low[pos:end]; with `first`,
        the first match or None): searched only where a match can begin, once the list has been
        searched before (its needles rule a stretch out before the list is even compiled)."""
        end = len(text) if endpos is None else endpos
        begins = self._starts
        if begins is not None and sound and pos >= 0 and end >= 0:  # sound: lowers in place
            if begins is _UNSET or begins is _AGAIN:
                if not self._may_match(text, pos, endpos, low[pos:endpos], sound):
                    return None if first else ()
                if begins is _UNSET:
                    self._starts = _AGAIN  # read for its starts when searched again
                    return self._first(text, pos, end) if first else self._run(text, pos, end)
                begins = self._begins()
            if begins is not None:
                return scan(self.regex.match, begins, text, window, pos, end, first)
        elif not self._may_match(text, pos, endpos, low[pos:endpos], sound):
            return None if first else ()
        return self._first(text, pos, end) if first else self._run(text, pos, end)

    def _first(self, text: str, pos: int, end: int):
        """The `re:` terms' first match in text[pos:end] (see _run)."""
        regex = self.regex
        return self._timed(regex.search if self._limited else self._safe.search, text, pos, end)

    def _run(self, text: str, pos: int, end: int):
        """The `re:` terms' matches in text[pos:end], under the time limit where it applies, and
        without trying an alternative that opens with a run inside each such run (runs.py)."""
        regex = self.regex  # compiled first: that tells whether the time limit applies
        if not self._limited:
            return self._safe.finditer(text, pos, end)
        return self._timed(_all, regex, text, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        # The same sentence is searched for the same terms by many facts: remember the answer
        # (answers about long stretches apart, so that the many short stretches of a run-on
        # sentence do not push them out).
        key = (text, pos, endpos)
        best = self._memo.get(key, _UNSET)  # (a key is kept in one of the two: by its length)
        if best is not _UNSET:
            return best
        end = len(text) if endpos is None else endpos
        memo = self._long if end - pos > _LONG else self._memo
        best = memo.get(key, _UNSET)
        if best is not _UNSET:
            return best
        low, sound = _lower(text)
        window = low if (not pos and endpos is None) else low[pos:endpos]
        best = None
        for lit, _, term in self.plain:
            if lit in window:
                best = _better(best, _compiled(term).search(text, pos, end))
        if self._regex_terms:
            best = _better(best, self._regex_part(text, low, window, sound, pos, endpos, True))
        if len(memo) > 512:
            memo.clear()
        memo[key] = best
        return best

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        # Each number of a sentence looks for the same terms in the same stretches: remember.
        key = (text, pos, endpos, None)
        memo = self._long if (len(text) if endpos is None else endpos) - pos > _LONG else self._memo
        found = memo.get(key)
        if found is None:
            found = self._finditer(text, pos, endpos)
            if len(memo) > 512:
                memo.clear()
            memo[key] = found
        return iter(found)

    def _finditer(self, text: str, pos: int, endpos: int | None) -> tuple:
        end = len(text) if endpos is None else endpos
        low, sound = _lower(text)
        # low[pos:end] searched as a string of its own: a bounded find on the whole text costs more
        window = low if (not pos and end == len(low)) else low[pos:end]
        start = pos if pos >= 0 else slice(pos, end).indices(len(low))[0]
        found = []
        for lit, word, term in self.plain:
            if lit not in window:
                continue
            pattern = _COMPILED.get(term) or _compiled(term)
            if len(lit) < 3 and sound:  # "get~ rid of" is tried where get, gets or got is written
                heads = _HEADS.get(term, _UNSET)
                if heads is _UNSET:
                    heads = _HEADS[term] = term_heads(term, lit)
                if heads is not None:
                    for at in candidates(window, heads, start):
                        if window.startswith(lit, at - start) and (
                                not word or at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_")):
                            m = pattern.match(text, at, end)
                            if m is not None:
                                found.append(m)
                    continue
            i = window.find(lit)
            while i >= 0:
                at = start + i
                if not word or at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_"):
                    m = pattern.match(text, at, end)
                    if m is not None:
                        found.append(m)
                i = window.find(lit, i + 1)
        if self._regex_terms:
            found.extend(self._regex_part(text, low, window, sound, pos, endpos, False))
        return tuple(leftmost_longest(found)) if len(found) > 1 else tuple(found)


_UNSET = object()
_AGAIN = object()  # a list searched once: read for its starts the next time


def _all(regex, text: str, pos: int, end: int, timeout=None) -> list:  # under the time limit
    return list(regex.finditer(text, pos, end, timeout=timeout))


def leftmost_longest(matches):
    """The matches that do not overlap, leftmost first; at the same start, the longest."""
    last = -1
    for m in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if m.start() >= last:
            last = m.end()
            yield m


class TermUnion:
    """Several term lists searched as one: a vocabulary group compiles once however many facts
    use it. The leftmost match wins; at the same start, the longest."""

    __slots__ = ("parts", "_memo")

    def __init__(self, parts):
        self.parts = parts
        self._memo: dict = {}

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        key = (text, pos, endpos, None)  # apart from finditer's answers
        best = self._memo.get(key, _UNSET)
        if best is not _UNSET:
            return best
        best = None
        for part in self.parts:
            best = _better(best, part.search(text, pos, endpos))
        if len(self._memo) > 512:
            self._memo.clear()
        self._memo[key] = best
        return best

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        key = (text, pos, endpos)
        found = self._memo.get(key)
        if found is None:
            found = tuple(leftmost_longest([m for part in self.parts
                                            for m in part.finditer(text, pos, endpos)]))
            if len(self._memo) > 512:
                self._memo.clear()
            self._memo[key] = found
        return iter(found)


def _group(name: str, vocabulary: dict):
    # Keyed by the group's expanded terms, not by the vocabulary object: two vocabularies that
    # give a group the same terms share one matcher, and a changed group gets a new one.
    return _literals(tuple(expand([f"@{name}"], vocabulary)))


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
