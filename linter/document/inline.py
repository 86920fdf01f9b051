"""Inline material inside a block that is not prose: code spans, HTML, images, autolinks, link
destinations, URLs and emphasis marks; and the brackets that open link text.

Every pattern here runs at each position of a block, so its repetitions are bounded: an
unbounded one that fails (an unclosed `![`, `](`, `<a `) would rescan the rest of the block from
every start, and a few kilobytes of them would take minutes. Code spans and HTML comments, whose
content has no bound, are closed by a search made once per block.
"""
from __future__ import annotations

import bisect
import re

from linter.regexcache import compile as rx

# Inline material that is not prose, found inside a block's content. Code spans and HTML
# comments are closed by nonprose_spans (their ends are searched for once, not per start).
# One alternation in effect, in this order: code (`+), comment (<!--), image (![..](..)),
# autolink (<https:..>), HTML tag, link destination (](..)), bare URL, emphasis mark. It is
# written as two expressions that the search can skip through: the URL (from an "h" or a "w"),
# and the rest, which starts with one class of characters and then goes on as the alternative
# for that character. No two alternatives of the two start with the same character, so the
# leftmost match of either is the match of the alternation.
_INLINE_NONPROSE = rx(
    r"[`<!\]*~_\\]"
    r"(?:(?<=`)`*"
    r"|(?<=<)(?:!--|(?:https?|ftp|mailto):[^>\s]{0,2000}>"
    r"|/?[A-Za-z][A-Za-z0-9-]{0,100}(?:\s[^<>]{0,2000})?/?>)"
    r"|(?<=!)\[[^\]]{0,1000}\]\([^)]{0,2000}\)"
    r"|(?<=\])\((?:[^()\s]|\([^()]{0,500}\)){0,2000}(?:\s+\"[^\"]{0,1000}\")?\)"
    r"|(?<=\*)\**|(?<=~)~"
    r"|(?<=_)(?:(?<![\w]_)_*|_*(?![\w]))"
    r"|(?<=\\)(?=[!-/:-@\[-`{-~]))",
    re.S,
)
_URL = rx(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,:;!?'\"]")  # not a final stop
_BACKTICKS = rx(r"`+")


def nonprose_spans(content: str) -> list[tuple[int, int]]:
    """Spans of inline material that is not prose, leftmost first, in one pass.

    A code span runs from a backtick string to the next backtick string of the same length
    (CommonMark 6.1); an unmatched string is literal text. An HTML comment runs to the next
    `-->`; once none is left, no later `<!--` can close either.
    """
    runs: dict[int, list[int]] = {}  # backtick-string length -> starts, in order
    for m in _BACKTICKS.finditer(content):
        runs.setdefault(m.end() - m.start(), []).append(m.start())
    spans, pos, comments_close = [], 0, True
    mark = url = False  # the next match of each expression at or after pos (False: look again)
    while True:
        if mark is False or (mark is not None and mark.start() < pos):
            mark = _INLINE_NONPROSE.search(content, pos)
        if url is False or (url is not None and url.start() < pos):
            url = _URL.search(content, pos)
        m = mark if url is None or (mark is not None and mark.start() < url.start()) else url
        if m is None:
            return spans
        start, end = m.span()
        if content[start] == "`":
            size = end - start
            starts = runs.get(size, ())
            k = bisect.bisect_right(starts, start)
            if k < len(starts):
                end = starts[k] + size
            else:
                pos = end  # no closing string: literal backticks
                continue
        elif m.group(0) == "<!--":
            close = content.find("-->", end) if comments_close else -1
            if close < 0:
                comments_close = False
                pos = end
                continue
            end = close + 3
        spans.append((start, end))
        pos = end if end > start else end + 1


def link_openers(content: str) -> list[int]:
    """Each `[` whose matching `]` (within 400 characters) is followed by `(`: link text."""
    out, stack = [], []
    for m in _BRACKET.finditer(content):
        i = m.start()
        if content[i] == "[":
            stack.append(i)
        elif stack:
            j = stack.pop()
            if i - j < 400 and content.startswith("(", i + 1):
                out.append(j)
    return out


_BRACKET = rx(r"[\[\]]")
