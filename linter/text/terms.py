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
from linter.text.patterns import nested_repeat, plain, risky

PATTERN_SECONDS = 1.0  # per search of one text: a sane pattern takes microseconds


class PatternTimeout(MedlintError):
    """A raw expression from a data file took longer than PATTERN_SECONDS on a text."""

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


def _word(word: str) -> str:
    if word.endswith("~") and len(word) > 1:
        from linter.text.inflect import forms

        alternatives = sorted(forms(word[:-1]), key=len, reverse=True)
        return "(?:" + "|".join(re.escape(f) for f in alternatives) + ")"
    return re.escape(word)


def term_pattern(term: str) -> str:
    if term.startswith("re:"):
        return f"(?:{term[3:]})"
    prefix = term.endswith("*")
    phrase = term[:-1] if prefix else term
    words = re.split(r"[\s-]+", phrase.strip())
    body = r"[\s-]+".join(_word(w) for w in words)
    start = r"\b" if re.match(r"\w", phrase) else ""
    end = r"\w*" if prefix else (r"\b" if re.search(r"\w$", phrase) else "")
    pattern = f"{start}{body}{end}"
    letters = re.sub(r"[^A-Za-z]", "", phrase)
    if len(letters) >= 2 and letters.isupper():
        return f"(?-i:{pattern})"
    return pattern


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

    __slots__ = ("terms", "plain", "_regex_terms", "_regex", "_memo", "_long", "_limited", "_needles")

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
        self._memo: dict = {}
        self._long: dict = {}  # answers about long stretches, costly to find again

    @property
    def regex(self):
        if self._regex is None and self._regex_terms:
            joined = "|".join(term_pattern(t) for t in self._regex_terms)
            if all(plain(t[3:]) for t in self._regex_terms):
                try:  # parsing each expression for its shape costs as much as compiling it
                    self._regex = rx(joined, re.IGNORECASE)
                    return self._regex
                except re.error:
                    pass  # decided below, as for any other expression
            if any(risky(t[3:]) for t in self._regex_terms):
                import regex  # the `re` module has no time limit (and `regex` is slow to import)

                self._regex = regex.compile(joined, regex.IGNORECASE | regex.V0)
                self._limited = True
            else:
                self._regex = rx(joined, re.IGNORECASE)
        return self._regex

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

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        # The same sentence is searched for the same terms by many facts: remember the answer
        # (answers about long stretches apart, so that the many short stretches of a run-on
        # sentence do not push them out).
        key = (text, pos, endpos)
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
        if self._regex_terms and self._may_match(text, pos, endpos, window, sound):
            best = _better(best, self._timed(self.regex.search, text, pos, end))
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
        window = low if (not pos and endpos is None) else low[pos:endpos]
        found = []
        for lit, word, term in self.plain:
            if lit not in window:
                continue
            pattern = _compiled(term)
            i = low.find(lit, pos, end)
            while i >= 0:
                if not word or i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_"):
                    m = pattern.match(text, i, end)
                    if m is not None:
                        found.append(m)
                i = low.find(lit, i + 1, end)
        if self._regex_terms and self._may_match(text, pos, endpos, window, sound):
            regex = self.regex
            found.extend(self._timed(lambda *a, **k: list(regex.finditer(*a, **k)), text, pos, end))
        return tuple(leftmost_longest(found)) if len(found) > 1 else tuple(found)


_UNSET = object()


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
            m = part.search(text, pos, endpos)
            if m is not None and (best is None or m.start() < best.start()
                                  or (m.start() == best.start() and m.end() > best.end())):
                best = m
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


def unknown_references(terms, vocabulary: dict) -> list[str]:
    return [t for t in terms or () if t.startswith("@") and t[1:] not in vocabulary]


def check_term(term: str) -> str | None:
    if not term.startswith("re:") and not term.rstrip("*").replace("-", " ").split():
        return f"term {term!r} has no words to match"
    try:
        rx(term_pattern(term), re.IGNORECASE)
    except re.error as err:
        return f"term {term!r} does not compile: {err}"
    except (RecursionError, OverflowError, ValueError) as err:
        return f"term {term!r} cannot be used: {err}"
    if term.startswith("re:") and nested_repeat(term[3:]):
        return (f"term {term!r} repeats a repetition (like (a+)+): matching time can double "
                f"with every character; rewrite it without the nesting")
    return None
