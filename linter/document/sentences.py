"""Split a block of prose into sentences, keeping offsets.

A full stop ends a sentence unless it closes an abbreviation ("Dr.", "et al.", "e.g.", "vs."),
an initial ("A. Lindqvist") or sits inside a number ("0.3%", "P<0.001": no space follows).
"""
from __future__ import annotations

from linter.regexcache import compile as rx

ABBREVIATIONS = frozenset("""
dr mr mrs ms prof st jr sr vs v al e.g i.e cf approx ca no nos fig figs vol pp p inc ltd co
dept est min max mg ml u.s u.k n.b incl resp approx. wk wks yr yrs mo mos
""".split())

# End punctuation, any closing quotes/brackets, then white space and a plausible sentence start.
_BOUNDARY = rx(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[*_]*[A-Z0-9])"
                       r"|(?=\n[ \t]*[\u2022\u00b7\u25e6\u25aa\u2023\u2043])"  # or a new "•" bullet line
                       r"|(?<=\n)(?=[ \t]*[-\u2013*][ \t]*\n)|(?<=\n[-\u2013*])(?=[ \t]*\n)")  # a line that is only a dash
_WORD_BEFORE = rx(r"([A-Za-z][A-Za-z.]*)\.$")


def split_sentences(prose: str, start: int, end: int):
    """Yield (start, end) spans of the sentences in prose[start:end], trimmed of white space."""
    cursor = start
    for m in _BOUNDARY.finditer(prose, start, end):
        stop = m.end()
        if m.start() == m.end():  # a bullet line starts here
            span = _trim(prose, cursor, stop)
            if span:
                yield span
            cursor = stop
            continue
        if prose[m.start()] == "." and _is_abbreviation(prose, cursor, m.start() + 1):
            continue
        span = _trim(prose, cursor, stop)
        if span:
            yield span
        cursor = stop
    span = _trim(prose, cursor, end)
    if span:
        yield span


def _is_abbreviation(prose: str, lo: int, dot_end: int) -> bool:
    m = _WORD_BEFORE.search(prose, max(lo, dot_end - 12), dot_end)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "A. Lindqvist", "Gupta S."
        return True
    return word.lower() in ABBREVIATIONS or word.lower().rstrip(".") in ABBREVIATIONS


def _trim(prose: str, a: int, b: int):
    while a < b and prose[a].isspace():
        a += 1
    while b > a and prose[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None
