"""Modifiers with a scope: what a sentence does to the words around a claim.

A NegEx/ConText-style model (Chapman et al. 2001; Harkema et al. 2009) whose triggers are data
(rules/modifiers.yaml, validated by schemas/modifiers.schema.json). Each kind (negated, hedged,
hypothetical, historical, other-population, per-time, attributed, refuted) has triggers that govern the
words after them (`forward`), before them (`backward`) or both; a scope runs to the clause's
end, a termination term ("but", "which") or the kind's `max_words`. A pseudo-trigger ("not
only", "no change") holds a trigger word without being one. Commas do not end a scope: in "not a
cure, a rash or a miracle" every item is negated.

`find(text, lo, hi)` lists the modifiers of a span (a sentence); `governed(text, start, kinds)`
says whether a position lies in a scope of one of the kinds. `negated`, `hedged` and `quoted`
are the tests the checks use to stay quiet.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.alternations import alternation, for_lowered, lowered_text
from linter.text.literals import Shape, plan, term_list_needs
from linter.text.terms import expand, term_pattern

# A stop before a space, quote, bracket or the end, or a blank line. Written to start with one
# class of characters so that the search skips to the next candidate instead of trying the
# expression at every position of a long window.
_SENTENCE_END = rx(r"[.!?\n](?:(?<=[.!?])(?=[\s\"'\u201d\u2019)\]]|$)|(?<=\n)[ \t]*\n)")
_WORD = rx(r"\S+")
_NARROW = 4  # words a narrow trigger governs
_HAS_WORD = rx(r"\w")
_QUOTES = rx(r"\"[^\"\n]{1,300}\"|\u201c[^\u201d]{1,300}\u201d|(?<!\w)'[^'\n]{2,200}'(?!\w)"
             r"|\u2018[^\u2019]{2,200}\u2019")


@dataclass(frozen=True)
class Modifier:
    kind: str
    trigger: tuple  # (start, end) of the trigger words
    scope: tuple    # (start, end) of the words it governs

    def covers(self, start: int, end: int | None = None) -> bool:
        return self.scope[0] <= start and (end if end is not None else start + 1) <= self.scope[1]


def _pattern(terms, vocabulary=None):
    # Compiled on first use: a list searched in lower-cased text uses its copy alone.
    terms = expand(terms, vocabulary or {})
    if not terms:
        return None
    return lazy(alternation([term_pattern(t) for t in terms]), re.IGNORECASE)


class _Kind:
    """One kind's trigger lists; each compiles on first use (a draft rarely needs every kind)."""

    __slots__ = ("name", "max_words", "_terms", "_compiled", "_triggers")

    def __init__(self, name, data, common):
        self.name = name
        self.max_words = int(data.get("max_words", 12))
        self._terms = {key: data.get(key) for key in ("forward", "narrow", "backward", "both",
                                                      "pseudo")}
        self._terms["terminate"] = [*common, *data.get("terminate", [])]
        self._compiled: dict = {}
        self._triggers = None

    def _get(self, key):
        compiled = self._compiled
        if key not in compiled:
            compiled[key] = _pattern(self._terms[key])
        return compiled[key]

    def lowered(self, key):
        """The list's pattern for lower-cased text (alternations.for_lowered), or None."""
        if ("lowered", key) not in self._compiled:
            pattern = self._get(key)
            self._compiled[("lowered", key)] = None if pattern is None else for_lowered(pattern)
        return self._compiled[("lowered", key)]

    def triggers(self):
        """(pattern, its copy for lower-cased text, governs forward, governs backward, narrow,
        pieces) of each trigger list: the pieces tell a sentence that cannot hold a trigger
        (literals.py). Worked out once."""
        if self._triggers is None:
            out = []
            for key, forward, backward in (("forward", True, False), ("backward", False, True),
                                           ("both", True, True), ("narrow", True, False)):
                pattern = self._get(key)
                if pattern is not None:
                    pieces = plan(term_list_needs(expand(self._terms[key], {})))
                    out.append((pattern, self.lowered(key), forward, backward, key == "narrow",
                                pieces))
            self._triggers = tuple(out)
        return self._triggers

    pseudo = property(lambda self: self._get("pseudo"))
    terminate = property(lambda self: self._get("terminate"))

    def spans(self, key, text: str, low: str | None, lo: int, hi: int) -> list:
        """The spans of the list's matches in text[lo:hi], found in `low` (the text lower-cased,
        lowered_text) when the list has a copy for it."""
        lowered = self.lowered(key) if low is not None else None
        if lowered is not None:
            return [m.span() for m in lowered.finditer(low, lo, hi)]
        pattern = self._get(key)
        return [m.span() for m in pattern.finditer(text, lo, hi)] if pattern is not None else []


class Model:
    """A compiled modifier model; `packs` are the `modifiers:` mappings in load order."""

    def __init__(self, packs):
        kinds: dict = {}
        common: list = []
        strength: dict = {}
        for pack in packs:
            common.extend(pack.get("terminate", []))
            for key, value in (pack.get("strength") or {}).items():
                strength[key] = [*strength.get(key, []), *value]
            for name, data in pack.get("kinds", {}).items():
                if pack.get("replace") or name not in kinds:
                    kinds[name] = {k: (list(v) if isinstance(v, list) else v) for k, v in data.items()}
                    continue
                merged = kinds[name]
                for key, value in data.items():
                    if isinstance(value, list):
                        merged[key] = [*merged.get(key, []), *value]
                    else:
                        merged[key] = value
        self.data = kinds
        self.common = common
        self.strength = strength
        self.kinds = tuple(_Kind(name, data, common) for name, data in kinds.items())
        self._by_name = {kind.name: kind for kind in self.kinds if kind.name != "quoted"}
        self._memo: dict = {}

    def find(self, text: str, lo: int = 0, hi: int | None = None, kinds=None) -> list[Modifier]:
        """The modifiers of text[lo:hi] (one sentence), with their scopes inside it; only those
        of `kinds` when given (each kind is computed once per span and kept)."""
        hi = len(text) if hi is None else hi
        if kinds is not None and len(kinds) == 1 and kinds[0] in self._by_name:
            return list(self._kind(self._by_name[kinds[0]], text, lo, hi))  # negated(), mostly
        out = []
        for kind in self.kinds:
            if kinds is None or kind.name in kinds:
                out.extend(self._kind(kind, text, lo, hi))
        if kinds is None or "quoted" in kinds:
            out.extend(Modifier("quoted", (m.start(), m.start() + 1), (m.start() + 1, m.end() - 1))
                       for m in _QUOTES.finditer(text, lo, hi))
        return out

    def _kind(self, kind, text, lo, hi):
        # Many numbers and matches of one sentence ask about the same span.
        key = (text, lo, hi, kind.name)
        hit = self._memo.get(key)
        if hit is None:
            if len(self._memo) > 4096:
                self._memo.clear()
            hit = self._memo[key] = tuple(_scopes(kind, text, lo, hi))
        return hit

    def governed(self, text: str, start: int, kinds, lo: int = 0, end: int | None = None,
                 words: int | None = None) -> Modifier | None:
        """The first modifier of one of `kinds` whose scope holds [start, end) of its sentence;
        with `words`, only a forward trigger at most that many words before `start` counts."""
        # Scopes are worked out for the whole sentence (kept for every later question about
        # it); a trigger before `lo` does not count.
        a, b = bounds(text, start)
        for mod in self.find(text, a, b, kinds):
            if mod.trigger[0] >= lo and mod.covers(start, end):
                if words is not None and mod.trigger[1] <= start and \
                        len(text[mod.trigger[1]:start].split()) > words:
                    continue
                return mod
        return None


def bounds(text: str, start: int, lo: int = 0) -> tuple[int, int]:
    """The sentence around `start`, not before `lo`."""
    # A sentence longer than 600 characters is read from a window at least that wide on each
    # side, on a 300-character grid: the numbers of a run-on text share windows (and the
    # scopes worked out for them) instead of each rescanning its own.
    a = max(lo, start - 600 - start % 300)
    limit = min(len(text), a + 1500)
    # The last sentence end before `start`: from the ends in the whole window (found once per
    # window), save that a stop right before `start` ends a sentence there (the end of the
    # searched text counts as a space).
    if start > a and text[start - 1] in ".!?":
        end = start
    else:
        ends = _window_ends(text, a, limit)
        i = bisect_right(ends, start)
        end = ends[i - 1] if i else a
    m = _SENTENCE_END.search(text, start, limit)
    return end, (m.end() if m else limit)


_ENDS: list = [None, {}]  # the text last read, the sentence ends of its windows


def _window_ends(text: str, a: int, limit: int) -> list[int]:
    if _ENDS[0] is not text:
        _ENDS[0], _ENDS[1] = text, {}
    ends = _ENDS[1].get((a, limit))
    if ends is None:
        if len(_ENDS[1]) >= 256:  # the windows asked about last: not one per sentence of a draft
            _ENDS[1] = {}
        ends = _ENDS[1][(a, limit)] = [m.end() for m in _SENTENCE_END.finditer(text, a, limit)]
    return ends


def _scopes(kind: _Kind, text: str, lo: int, hi: int):
    # Read when the span holds a trigger (most spans of a long text hold none), and the
    # termination terms only once a trigger is not part of a pseudo-trigger: "disease-free
    # survival" needs no clause ends.
    pseudo = stops = None
    shape = Shape(text[lo:hi])
    low = None  # the whole text lower-cased, once a trigger list may match
    for pattern, lowered, forward, backward, narrow, needed in kind.triggers():
        if not shape.may_hold(needed):
            continue
        if low is None:
            low = lowered_text(text) or ""
        found = lowered.finditer(low, lo, hi) if low and lowered is not None \
            else pattern.finditer(text, lo, hi)
        for m in found:
            t0, t1 = m.span()
            if pseudo is None:
                pseudo = kind.spans("pseudo", text, low or None, lo, hi)
            if t1 == t0 or any(p0 <= t0 and t1 <= p1 for p0, p1 in pseudo):
                continue
            if stops is None:
                stops = kind.spans("terminate", text, low or None, lo, hi)
            if forward:
                end = min((s0 for s0, _ in stops if s0 >= t1), default=hi)
                if narrow:
                    comma = text.find(",", t1, end)
                    end = comma if comma >= 0 else end
                end = _cap_forward(text, t1, end, _NARROW if narrow else kind.max_words)
                if _HAS_WORD.search(text, t1, end):
                    yield Modifier(kind.name, (t0, t1), (t1, end))
            if backward:
                begin = max((s1 for _, s1 in stops if s1 <= t0), default=lo)
                begin = _cap_backward(text, begin, t0, kind.max_words)
                if _HAS_WORD.search(text, begin, t0):
                    end = t0
                    while end > begin and text[end - 1].isspace():
                        end -= 1
                    yield Modifier(kind.name, (t0, t1), (begin, end))


def _cap_forward(text, a, b, words):
    end = a
    for i, m in enumerate(_WORD.finditer(text, a, b)):
        if i >= words:
            break
        end = m.end()
    return end


def _cap_backward(text, a, b, words):
    spans = [m.start() for m in _WORD.finditer(text, a, b)]
    return spans[-words] if len(spans) >= words else (spans[0] if spans else b)


_SHIPPED: list = []
_MODELS: dict = {}


def _shipped_path():
    from linter.knowledge import load

    return load.shipped("rules") / "modifiers.yaml"


def shipped() -> Model:
    """The shipped model (rules/modifiers.yaml), validated and cached like every data file."""
    if not _SHIPPED:
        from linter.knowledge import load

        _SHIPPED.append(Model(load.load([_shipped_path()]).modifiers))
    return _SHIPPED[0]


def model(knowledge=None) -> Model:
    """The shipped model extended (or, with `replace: true`, overridden) by the `modifiers:`
    files a run loaded besides the shipped one."""
    shipped_path = str(_shipped_path())
    own = [p for p in getattr(knowledge, "modifiers", None) or () if p.get("path") != shipped_path]
    if not own:
        return shipped()
    key = repr(own)  # the content, not only the paths: a file may change between runs
    if key not in _MODELS:
        base = shipped()
        _MODELS[key] = Model([{"terminate": base.common, "kinds": base.data,
                                "strength": base.strength}, *own])
    return _MODELS[key]


def negated(text: str, start: int, lo: int = 0, words: int | None = None, model_=None) -> bool:
    """Whether `start` lies in the scope of a negation in its sentence."""
    return (model_ or shipped()).governed(text, start, ("negated",), lo, words=words) is not None


def hedged(text: str, start: int, lo: int = 0, model_=None) -> bool:
    """Whether `start` lies in the scope of a hedge or a hypothetical in its sentence."""
    return (model_ or shipped()).governed(text, start, ("hedged", "hypothetical"), lo) is not None


def quoted(raw: str, start: int, end: int) -> bool:
    """Whether [start, end) of the original text lies inside quotation marks or link text (of
    its paragraph; indexed once per text, see quotes.py)."""
    from linter.text.quotes import quote_index

    return quote_index(raw, _QUOTES).covers(start, end)


def example_problems(knowledge) -> list[str]:
    """Every modifier example must behave as marked: the words in braces inside a scope of the
    kind (`inside`) or outside every scope of it (`outside`)."""
    scopes = model(knowledge)
    problems = []
    for pack in getattr(knowledge, "modifiers", None) or ():
        for kind, data in pack.get("kinds", {}).items():
            for which in ("inside", "outside"):
                for marked in data.get("examples", {}).get(which, []):
                    a, b = marked.index("{"), marked.index("}") - 1
                    text = marked.replace("{", "").replace("}", "")
                    hit = scopes.governed(text, a, (kind,), end=b) is not None
                    if hit != (which == "inside"):
                        problems.append(f"{pack.get('path')}: modifiers.kinds.{kind}: example should "
                                        f"be {which} its scope: {marked!r}")
    return problems
