"""The words an expression cannot match without: a test before the search.

A term list compiled into one alternation is searched by trying every alternative at every
position of a sentence, although most sentences hold none of its words. Every match of `no`,
`lack of` or `\\b(?:is|are)\\s+(?:\\w+\\s+)?ruled\\s+out` holds a literal piece of the expression
("no" as a whole word, "lack", "ruled"), so a sentence holding no such piece has no match, and
the search is skipped. The pieces are read from the parsed expression: a run of literal
characters outside any optional part, a lookaround or a class, all of them; of an alternation,
those of each alternative. A piece between word edges (a word boundary, a space) must be a whole
word of the text. An expression with an alternative that needs no piece gets no test.

Pieces are ASCII and compared with the lower-cased text, which is exact when case is ignored:
only four other characters match an ASCII letter then (İ ı ſ K), and a text holding one of them
is always searched.
"""
from __future__ import annotations

import re
from functools import lru_cache

from linter.text import kept
from linter.text.parsetree import GROUPS as _GROUPS
from linter.text.parsetree import REPEATS as _REPEATS
from linter.text.parsetree import c as _c
from linter.text.parsetree import group_body, parse

FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")  # İ ı ſ K: each matches an ASCII letter
_WORDS = re.compile(r"\w+")


def foldable(text: str) -> bool:
    """Whether `text` holds a character that matches an ASCII letter only when case is ignored."""
    return not text.isascii() and any(c in text for c in FOLDS)  # isascii: known, not read


def lowered(text: str) -> tuple[str, bool]:
    """The text lowercased, and whether substring tests on it can rule a term list out (not
    `foldable`); kept for the texts last asked about."""
    hit = _LOWER.get(text)
    if hit is None:
        if len(_LOWER) > 256:
            _LOWER.clear()
        hit = _LOWER[text] = (text.lower(), not foldable(text))
    return hit


_LOWER: dict = {}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _score(need: frozenset) -> int:
    # Each alternative needs all its pieces; a whole word is rarer than the same letters anywhere.
    return min(sum(len(lit) + (3 if word else 0) for lit, word in alt) for alt in need)


def _nonword_class(op, av) -> bool:
    if op is _c.LITERAL:
        return not _is_word(chr(av))
    if op is _c.IN:
        return all((o is _c.LITERAL and not _is_word(chr(a)))
                   or (o is _c.CATEGORY and a in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD))
                   for o, a in av)
    return False


def _edge(node) -> bool:
    """Whether a node stands for a word's edge: a word boundary, or at least one character that
    is no word character."""
    if node is None:
        return False
    op, av = node
    if op is _c.AT:
        return av is _c.AT_BOUNDARY
    if op in _REPEATS:
        inner = av[2].data
        return av[0] >= 1 and len(inner) == 1 and _nonword_class(*inner[0])
    return _nonword_class(op, av)


class _Alternative:
    __slots__ = ("data",)

    def __init__(self, data):
        self.data = data


def _ascii(node) -> bool:
    return node[0] is _c.LITERAL and node[1] < 128


def _joined(items) -> list:
    """The nodes, with a run of literal characters and the alternation of literal strings right
    after it joined into one alternation of whole strings: the parser splits "that|this" into
    "th" and "at|is", and "that" or "this" says more than "th"."""
    out: list = []
    for op, av in items:
        if op is _c.BRANCH and out and _ascii(out[-1]) and len(av[1]) <= 8 \
                and all(alt.data and all(_ascii(n) for n in alt.data) for alt in av[1]):
            k = len(out)
            while k and _ascii(out[k - 1]):
                k -= 1
            run = out[k:]
            del out[k:]
            out.append((op, (None, [_Alternative(run + list(alt.data)) for alt in av[1]])))
        else:
            out.append((op, av))
    return out


def _sequence(items, before: bool = False, after: bool = False) -> frozenset | None:
    """What a sequence of parsed nodes needs: a set of alternatives, each a set of (literal,
    whole word) pieces that must all occur; None when nothing is needed. `before`/`after`:
    whether a word's edge stands right before/after the sequence."""
    items = _joined(items)
    edges = [before, *(_edge(node) for node in items), after]  # edges[i + 1]: node i's
    literal, branch = _c.LITERAL, _c.BRANCH
    runs: set = set()
    best = best_score = None
    start = None  # where the current run of literal characters began
    for i, (op, av) in enumerate(items):
        if op is literal and av < 128:
            if start is None:
                start = i
            nxt = items[i + 1] if i + 1 < len(items) else None
            if nxt is not None and nxt[0] is literal and nxt[1] < 128:
                continue
            lit = "".join(chr(a) for _, a in items[start:i + 1]).lower()
            runs.add((lit, edges[start] and edges[i + 2] and all(_is_word(ch) for ch in lit)))
            start = None
            continue
        if op in _GROUPS:
            need = _sequence(group_body(op, av).data, edges[i], edges[i + 2])
        elif op is branch:
            need = frozenset()
            for alt in av[1]:
                found = _sequence(alt.data, edges[i], edges[i + 2])
                if found is None:
                    need = None
                    break
                need |= found
            need = need or None
        elif op in _REPEATS and av[0] >= 1:
            need = _sequence(av[2].data)
        else:
            continue
        if need is not None:
            score = _score(need)
            if best is None or score > best_score:
                best, best_score = need, score
    if best is None:
        return frozenset({frozenset(runs)}) if runs else None
    return frozenset(alt | runs for alt in best) if runs else best


def pieces(pattern: str, flags: int = 0) -> frozenset | None:
    """What every match of `pattern` holds: alternatives, each a set of (literal, whole_word)
    pieces that all occur in the match; None when the expression gives no such set. Worked out
    once, and kept between runs (kept.py)."""
    return kept.ask("pieces", (pattern, flags), read_pieces)


def read_pieces(pattern: str, flags: int = 0) -> frozenset | None:
    """`pieces`, worked out from the parsed expression."""
    if flags & re.ASCII or "(?a" in pattern:  # word edges as ASCII reads them: not ours
        return None
    try:
        parsed = parse(pattern, flags)
    except (re.error, RecursionError, OverflowError):
        return None
    found = _sequence(parsed.data)
    if found is None or any(not alt or any(not lit for lit, _ in alt) for alt in found):
        return None
    return found


def plan(found: frozenset | None) -> tuple | None:
    """The alternatives grouped by their longest piece, tested first: most texts hold none of
    them, and their words need not be read."""
    if found is None:
        return None
    groups: dict = {}
    for alt in sorted(found, key=sorted):
        key = max(sorted(alt), key=lambda piece: len(piece[0]))[0]
        groups.setdefault(key, []).append(tuple(sorted(alt)))
    return tuple((key, tuple(alts)) for key, alts in groups.items())


def needs(pattern: str, flags: int = 0) -> tuple | None:
    """The planned pieces of an expression (for Shape.may_hold), or None."""
    return plan(pieces(pattern, flags))


class Shape:
    """A stretch of text as the pieces test reads it: lower-cased, and its words."""

    __slots__ = ("low", "_words", "_text")

    def __init__(self, text: str):
        self._text = text
        self.low = None if foldable(text) else text.lower()  # not kept: stretches are many
        self._words = None

    @classmethod
    def lowered(cls, low: str) -> "Shape":
        """The shape of a text already lowercased, known to hold no `foldable` character."""
        shape = cls.__new__(cls)
        shape.low = shape._text = low
        shape._words = None
        return shape

    @property
    def words(self) -> set:
        if self._words is None:
            self._words = {w.lower() for w in _WORDS.findall(self._text)}
        return self._words

    def may_hold(self, planned: tuple | None) -> bool:
        """Whether the stretch may match an expression with these planned pieces (`needs`)."""
        low = self.low
        if planned is None or low is None:
            return True
        for key, alternatives in planned:
            if key in low:
                for alt in alternatives:
                    for lit, word in alt:
                        if lit not in low or (word and lit not in self.words):
                            break
                    else:
                        return True
        return False


_NEEDS: dict = {}


def needs_of(matcher) -> tuple | None:
    """The planned pieces of a term matcher (terms.py's Terms and TermUnion, compose.py's
    Composed): a text for which `Shape.may_hold` is False has no match. Worked out on first use."""
    if matcher is None:
        return None
    try:
        return _NEEDS[matcher]
    except KeyError:
        found = _NEEDS[matcher] = plan(_raw(matcher))
        return found


def _raw(matcher) -> frozenset | None:
    if hasattr(matcher, "needs"):  # composed claims know their own
        return matcher.needs()
    if hasattr(matcher, "parts"):  # several lists searched as one: any of them may match
        found = [_raw(part) for part in matcher.parts]
        return None if any(f is None for f in found) else frozenset().union(*found)
    from linter.text.patterns import risky

    terms = matcher.terms
    if not terms or any(t.startswith("re:") and risky(t[3:]) for t in terms):
        return None  # searched by the `regex` package, whose reading of case may differ
    return term_list_needs(terms)


def term_list_needs(terms) -> frozenset | None:
    """What a match of any term of a list (terms.py's syntax) needs."""
    found = [term_needs(t) for t in terms]
    return None if not found or any(f is None for f in found) else frozenset().union(*found)


_SPLIT = re.compile(r"[\s-]+")


@lru_cache(maxsize=4096)
def term_needs(term: str) -> frozenset | None:
    """What a match of one term needs. A plain term is read as terms.term_pattern writes it
    (its words joined by spaces or hyphens, on word boundaries) without parsing an expression:
    its words, each a whole word when nothing else can touch it; an inflected word ("wipe~")
    needs nothing of its own."""
    if term.startswith("re:"):
        return pieces(term[3:], re.IGNORECASE)
    prefix = term.endswith("*")
    phrase = term[:-1] if prefix else term
    words = _SPLIT.split(phrase.strip())
    starts = bool(re.match(r"\w", phrase))
    ends = not prefix and bool(re.search(r"\w$", phrase))
    alt = set()
    for i, w in enumerate(words):
        if w.endswith("~") and len(w) > 1:
            continue
        before = i > 0 or starts
        after = i < len(words) - 1 or ends
        for run in re.split(r"[^\x00-\x7f]+", w):
            if run:
                whole = run == w and before and after and all(_is_word(ch) for ch in run)
                alt.add((run.lower(), whole))
    return frozenset({frozenset(alt)}) if alt else None


def best(needs) -> frozenset | None:
    """The most telling of several needs that all hold (None when none of them says anything)."""
    known = [n for n in needs if n is not None]
    return max(known, key=_score) if known else None
