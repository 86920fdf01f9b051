"""The words an expression cannot match without: a test before the search.

A term list compiled into one alternation is searched by trying every alternative at every
position of a sentence, although most sentences hold none of its words. Every match of `no`,
`lack of` or `\\b(?:is|are)\\s+(?:\\w+\\s+)?ruled\\s+out` holds a literal piece of the expression
("no" as a whole word, "lack", "ruled"), so a sentence holding no such piece has no match, and
the search is skipped. The pieces are read from the parsed expression: a run of literal
characters outside any optional part, a lookaround or a class; of an alternation, one piece of
each alternative. An expression with an alternative that has no such piece gets no test.

Pieces are ASCII and compared with the lower-cased text, which is exact when case is ignored:
only four other characters match an ASCII letter then (İ ı ſ K), and a text holding one of them
is always searched.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")  # İ ı ſ K: each matches an ASCII letter
_WORDS = re.compile(r"\w+")
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_GROUPS = {_c.SUBPATTERN, getattr(_c, "ATOMIC_GROUP", _c.SUBPATTERN)}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _score(piece: frozenset) -> int:
    # A whole word is rarer than the same letters anywhere.
    return min(len(lit) + (3 if word else 0) for lit, word in piece)


def _boundary(node) -> bool:
    return node is not None and node[0] is _c.AT and node[1] is _c.AT_BOUNDARY


def _sequence(items, before: bool = False, after: bool = False) -> frozenset | None:
    """The most telling piece set of a sequence of parsed nodes, or None. `before`/`after`:
    whether a word boundary stands right before/after the sequence."""
    items = list(items)
    best = None
    run: list[str] = []
    run_bounded = False  # the run starts right after a word boundary

    def keep(cand):
        nonlocal best
        if cand is not None and (best is None or _score(cand) > _score(best)):
            best = cand

    for i, (op, av) in enumerate(items):
        prev = items[i - 1] if i else None
        nxt = items[i + 1] if i + 1 < len(items) else None
        if op is _c.LITERAL and av < 128:
            if not run:
                run_bounded = _boundary(prev) if prev is not None else before
            run.append(chr(av).lower())
            if nxt is not None and nxt[0] is _c.LITERAL and nxt[1] < 128:
                continue
            lit = "".join(run)
            bounded_after = _boundary(nxt) if nxt is not None else after
            word = run_bounded and bounded_after and all(_is_word(ch) for ch in lit)
            keep(frozenset({(lit, word)}))
            run = []
            continue
        edge_before = _boundary(prev) if prev is not None else before
        edge_after = _boundary(nxt) if nxt is not None else after
        if op in _GROUPS:
            keep(_sequence(av[-1].data, edge_before, edge_after))
        elif op is _c.BRANCH:
            alternatives = [_sequence(alt.data, edge_before, edge_after) for alt in av[1]]
            if alternatives and all(a is not None for a in alternatives):
                keep(frozenset().union(*alternatives))
        elif op in _REPEATS and av[0] >= 1:
            keep(_sequence(av[2].data))
    return best


def pieces(pattern: str, flags: int = 0) -> frozenset | None:
    """(literal, whole_word) pairs, one of which every match of `pattern` holds; None when the
    expression gives no such set."""
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, RecursionError, OverflowError):
        return None
    found = _sequence(parsed.data)
    if found is None or any(not lit for lit, _ in found):
        return None
    return found


class Shape:
    """A stretch of text as the pieces test reads it: lower-cased, and its words."""

    __slots__ = ("low", "_words", "_text")

    def __init__(self, text: str):
        self._text = text
        self.low = None if any(c in text for c in _FOLDS) else text.lower()
        self._words = None

    @property
    def words(self) -> set:
        if self._words is None:
            self._words = {w.lower() for w in _WORDS.findall(self._text)}
        return self._words

    def may_hold(self, found: frozenset | None) -> bool:
        """Whether the stretch may match an expression with these pieces."""
        low = self.low
        if found is None or low is None:
            return True
        for lit, word in found:
            if lit in low and (not word or lit in self.words):
                return True
        return False
