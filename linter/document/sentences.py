"""Split a block of prose into sentences, keeping offsets.

End punctuation (. ! ? or an ellipsis), then any closing quotes or brackets, then white space and
a capital letter or a digit: that is a candidate end. A full stop is not an end when it closes
- a title before a name ("Dr. Rau", "Mt. Everest") or a word that introduces what follows
  ("e.g.", "vs."), or a label before a number ("p. 55", "No. 3", "Fig. 2");
- an initial, a letter or an abbreviation that may end a sentence ("Co.", "U.S.", "a.m.",
  "et al."), unless a common sentence opener follows ("... in the U.S. How ...") and what came
  before is more than a short opening phrase ("At 5 a.m. Mr. Lee left" is one sentence);
- a list marker ("1. The first item"), whose list goes on at the next marker ("2. ...", "b)").
Three dots are an omission, not an end; four are an omission and a full stop. A bullet ("•")
after white space starts a new sentence. The word lists are data (abbreviations.yaml).
Every step looks at a bounded window, so the cost is linear in the length of the text.
"""
from __future__ import annotations

import heapq
import re
from functools import lru_cache
from pathlib import Path

from linter.regexcache import compile as rx
from linter.regexcache import lazy

WORDS_FILE = Path(__file__).with_name("abbreviations.yaml")
_KEYS = ("prepositive", "inline", "numeric", "ambiguous", "starters", "prepositions",
         "exclamation_names")

_BULLETS = "\u2022\u25e6\u25aa\u2023\u2043"
# A run of end punctuation (spaced dots ". . ." included), or a bullet after white space, or a
# middle-dot bullet at the start of a line, or a line holding only a dash (a list separator in
# plain text).
# Read as one alternation (`[.!?…]+(?:[ \t][.!?…]+)*|(?<!\S)[•…]|(?<=\n)[ \t]*·|` and
# `(?<=\n)[ \t]*[-–*][ \t]*(?=\n)`), but found faster: the punctuation and bullets written to start with one class of characters
# (the search skips to the next candidate instead of trying every position), and the shapes at
# a line's start searched apart, only where a line starts. A match of one never overlaps a match
# of the other (they share no character but a space between two stops, which the other never
# holds), so the two lists merged in order are the matches of the alternation.
_RUN_MARK = rx(rf"[.!?\u2026{_BULLETS}](?:(?<=[.!?\u2026])[.!?\u2026]*(?:[ \t][.!?\u2026]+)*"
               rf"|(?<=[{_BULLETS}])(?<!\S.))")
_RUN_LINE = rx(r"(?<=\n)[ \t]*\u00b7|(?<=\n)[ \t]*[-\u2013*][ \t]*(?=\n)")
_CLOSERS = "\"'\u201d\u2019)]"
_OPENERS = "\"'\u201c\u2018([*_"
_NEXT_WORD = lazy(r"[A-Za-z\u00c0-\u024f']+")
_NUMBERLIKE = rx(r"[\d.,:/\u00b0-]*\d[\d.,:/\u00b0-]*")
_MULTI_PERIOD = rx(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_MARKER = rx(rf"(?:[{_BULLETS}\u00b7][ \t]*)?(\d{{1,3}}|[A-Za-z])(\.\)|\)|\.)[ \t]")
_MARKER_ONLY = rx(rf"(?:[{_BULLETS}\u00b7][ \t]*)?(?:\d{{1,3}}|[A-Za-z])")
_LIST_WINDOW = 1000  # how far an inline list's next marker is looked for


@lru_cache(maxsize=1)
def words() -> dict:
    """The word lists of abbreviations.yaml, as sets; a malformed file is a DataError naming the
    file, line and key. Validated lists are cached by the file's content (as the fact base is),
    so a run parses no YAML for them."""
    from linter.knowledge import cache

    try:
        key = cache.digest(b"abbreviations", WORDS_FILE.read_bytes())
    except OSError:
        key = None
    data = cache.load("abbreviations", key) if key else None
    if not _word_lists(data):
        from linter.knowledge.yamlfile import parse_yaml, read_text, schema_problems

        text = read_text(WORDS_FILE)
        data = parse_yaml(text, WORDS_FILE)
        if not _word_lists(data):
            from linter.errors import DataError

            raise DataError(schema_problems(data, "abbreviations", WORDS_FILE, text)
                            or [f"{WORDS_FILE}: not a mapping of word lists"])
        if key:
            cache.store("abbreviations", key, {k: list(data[k]) for k in _KEYS})
    return {k: frozenset(data[k]) for k in _KEYS}


def _word_lists(data) -> bool:
    return isinstance(data, dict) and set(data) == set(_KEYS) and all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in data.values())


def split_sentences(prose: str, start: int, end: int):
    """Yield (start, end) spans of the sentences in prose[start:end], trimmed of white space."""
    w = words()
    cursor = start
    listed = _next_item(prose, cursor, end)
    for m in runs(prose, start, end):
        while listed is not None and listed <= m.start():
            span = _trim(prose, cursor, listed)
            if span:
                yield span
            cursor = listed
            listed = _next_item(prose, cursor, end)
        if m.start() < cursor:
            continue
        cut = _cut(prose, m, cursor, end, w)
        if cut is None or cut <= cursor:
            continue
        span = _trim(prose, cursor, cut)
        if span:
            yield span
        cursor = cut
        listed = _next_item(prose, cursor, end)
    while listed is not None:
        span = _trim(prose, cursor, listed)
        if span:
            yield span
        cursor = listed
        listed = _next_item(prose, cursor, end)
    span = _trim(prose, cursor, end)
    if span:
        yield span


def runs(prose: str, start: int, end: int):
    """The runs of end punctuation, bullets and line-start markers in prose[start:end], in order."""
    marks = _RUN_MARK.finditer(prose, start, end)
    if prose.find("\n", max(start - 1, 0), end) < 0:
        return marks
    return heapq.merge(marks, _RUN_LINE.finditer(prose, start, end), key=lambda m: m.start())


def _cut(prose: str, m, cursor: int, end: int, w: dict) -> int | None:
    """Where the sentence ends at this run of punctuation (or bullet), or None."""
    a, b = m.start(), m.end()
    run = m.group(0)
    if run[-1] not in ".!?\u2026":  # a bullet starts a new sentence
        return a
    j = b
    while j < end and prose[j] in _CLOSERS:
        j += 1
    if j >= end or not prose[j].isspace():
        return None  # "3.5", "U.S.A", the end of the block
    k = j
    while k < end and prose[k].isspace():
        k += 1
    while k < end and prose[k] in _OPENERS:
        k += 1
    if k >= end or not (prose[k].isupper() or prose[k].isdigit()):
        return None  # a lower-case word goes on with the same sentence
    dots = run.count(".") + 3 * run.count("\u2026")
    if "!" in run or "?" in run:
        token = _token(prose, cursor, a)
        return None if token in w["exclamation_names"] else j
    if dots == 3:
        return None  # an omission: "the thing is . . . I didn't"
    if dots >= 4:
        # "compounds. . . . The": the full stop ends the sentence; the omission opens the next.
        if len(run) > 1 and run[1] == " " and a > cursor and not prose[a - 1].isspace():
            return a + 1
        return j
    token = _token(prose, cursor, a)
    if _ends_at_period(prose, token, cursor, a, k, end, w):
        return j
    return None


def _token(prose: str, cursor: int, a: int) -> str:
    """The word right before position a (at most 40 characters), without opening punctuation."""
    i = a
    while i > max(cursor, a - 40) and not prose[i - 1].isspace():
        i -= 1
    return prose[i:a].lstrip(_OPENERS).rstrip(_CLOSERS)


def _ends_at_period(prose: str, token: str, cursor: int, a: int, k: int, end: int,
                    w: dict) -> bool:
    low = token.lower()
    head = _head(prose, cursor, a)
    if head is not None and _MARKER_ONLY.fullmatch(head):
        return False  # "1. The first item", "a. The first item"
    if not token or _NUMBERLIKE.fullmatch(token):
        return True  # "was 3.5. Then", "$100.00. It"
    if low in w["prepositive"] or low in w["inline"]:
        return False
    if low in w["numeric"] and prose[k].isdigit():
        return False
    if not ((len(token) == 1 and token.isalpha()) or low in w["numeric"] or low in w["ambiguous"]
            or _MULTI_PERIOD.fullmatch(token)):
        return True  # an ordinary word
    # An initial, a letter or an abbreviation that may end a sentence.
    if prose[k].isdigit():
        return False
    nxt = _NEXT_WORD.match(prose, k, min(end, k + 30))
    if nxt is None or nxt.group(0).lower().rstrip("'") not in w["starters"]:
        return False
    return not _opening_phrase(head, w)


def _head(prose: str, cursor: int, a: int) -> str | None:
    """The sentence so far, when it is short enough to be a marker or an opening phrase."""
    while cursor < a and prose[cursor].isspace():
        cursor += 1
    return prose[cursor:a] if a - cursor <= 40 else None


def _opening_phrase(head: str | None, w: dict) -> bool:
    """"At 5 a.m.", "By the U.S.": a short phrase opened by a preposition is no sentence."""
    if head is None:
        return False
    parts = head.split()
    return len(parts) <= 4 and parts[0].lower() in w["prepositions"]


def _next_item(prose: str, cursor: int, end: int) -> int | None:
    """Where the next item of an inline list starts, when a sentence starts with a list marker
    ("1) first 2) second", "a. first b. second"): the next marker in sequence, same style."""
    while cursor < end and prose[cursor].isspace():
        cursor += 1
    m = _MARKER.match(prose, cursor, end)
    if m is None or prose[cursor] in _BULLETS + "\u00b7":
        return None
    label, style = m.group(1), m.group(2)
    if label.isdigit():
        following = str(int(label) + 1)
    elif label == "z" or label.isupper():
        return None  # "A. Lindqvist and B. Chen": capitals are initials more often than markers
    else:
        following = chr(ord(label) + 1)
    nxt = re.compile(r"\s(" + re.escape(following + style) + r")\s").search(
        prose, m.end(), min(end, m.end() + _LIST_WINDOW))
    return nxt.start(1) if nxt else None


def _trim(prose: str, a: int, b: int):
    while a < b and prose[a].isspace():
        a += 1
    while b > a and prose[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None
