"""Markdown block structure from pyromark (pulldown-cmark): headings, paragraphs, table rows
and code, each with exact character offsets into the original file.

pulldown-cmark reports a UTF-8 byte range for every event, block and inline; a block's text on
each source line runs from its first inline event on that line (after any `>`, list marker or
indentation) to the end of the line (for a heading, to its last inline event, which leaves out a
closing `##`). Tight list items have no paragraph events: their text is a paragraph here.
"""
from __future__ import annotations

import bisect

_PARSE = None
_BLOCK_STARTS = {"Paragraph", "Heading", "BlockQuote", "List", "Item", "CodeBlock", "HtmlBlock",
                 "Table", "Rule", "FootnoteDefinition", "DefinitionList"}
_TABLE = {"Table", "TableHead", "TableRow", "TableCell"}
_BREAKS = {"SoftBreak", "HardBreak"}


def _parser():
    global _PARSE
    if _PARSE is None:
        import pyromark

        options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
        _PARSE = lambda body: pyromark.events_with_range(body, options=options)  # noqa: E731
    return _PARSE


class _Offsets:
    """Byte offsets of the UTF-8 body to character offsets of the original text: a byte offset
    less the extra bytes of the multi-byte characters before it (found once, by bisection)."""

    def __init__(self, body: str, base: int):
        self.base = base
        self.byte_starts: list[int] = []
        self.extra: list[int] = []
        if not body.isascii():
            import re

            total = 0
            for m in re.finditer(r"[^\x00-\x7f]", body):
                code = ord(m.group())
                self.byte_starts.append(m.start() + total)
                total += 1 if code < 0x800 else 2 if code < 0x10000 else 3
                self.extra.append(total)

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_left(self.byte_starts, offset) if self.byte_starts else 0
        return self.base + offset - (self.extra[i - 1] if i else 0)


def _name(event):
    """('Start' | 'End' | an inline kind, tag name) of a pyromark event."""
    if isinstance(event, str):
        return event, event
    (kind, value), = event.items()
    if kind in ("Start", "End"):
        return kind, value if isinstance(value, str) else next(iter(value))
    return kind, kind


class _Open:
    """A heading or paragraph being read: per source line, where its text starts and ends."""

    def __init__(self, kind: str, level: int, first: int):
        self.kind, self.level, self.first = kind, level, first
        self.starts: dict[int, int] = {}
        self.ends: dict[int, int] = {}
        self.opened = self.wrapped = -1  # the last event's first line; the last line wrapped onto

    def add(self, a: int, b: int, line_of, text: str, starts) -> None:
        la, lb = line_of(a), line_of(max(a, b - 1))
        self._start(la, a)
        # A code span, link or emphasis wrapped onto the next lines: each of those lines starts
        # its text. Events come in document order, so lines an earlier event wrapped onto are
        # done (nested emphasis over a thousand lines must not walk them a thousand times).
        # Invariant: every line after `opened` up to `wrapped` is done.
        if la >= self.opened:
            first, self.wrapped = max(la, self.wrapped) + 1, max(self.wrapped, lb)
        else:
            first, self.wrapped = la + 1, lb
        self.opened = la
        for line in range(first, lb + 1):
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
            src = text[starts[line]:end]
            self._start(line, starts[line] + len(src) - len(src.lstrip(" \t>")))
        if b > self.ends.get(lb, -1):
            self.ends[lb] = b

    def _start(self, line: int, a: int) -> None:
        if line not in self.starts or a < self.starts[line]:
            self.starts[line] = a


def walk(text: str, body_start: int, lines, starts):
    """Yield ("block", kind, level, quote, list_item, pieces) for each heading and paragraph,
    ("row", head, cells, line, quote) for each table row and ("code", a, b) for each code block
    and code span, in document order."""
    body = text[body_start:]
    to_char = _Offsets(body, body_start)
    line_of = lambda offset: bisect.bisect_right(starts, offset) - 1  # noqa: E731
    quote = items = 0
    skip = 0  # inside a code or HTML block: its text is not prose
    current: _Open | None = None
    row = None
    in_head = False
    for event, rng in _parser()(body):
        kind, name = _name(event)
        if kind in ("Start", "End") and name in _BLOCK_STARTS and current is not None \
                and current.kind == "implicit":
            yield _finish(current, text, lines, starts)
            current = None
        if kind == "Start":
            a = to_char(rng["start"])
            if name == "BlockQuote":
                quote += 1
            elif name == "Item":
                items += 1
            elif name == "Paragraph":
                current = _Open("paragraph", 0, line_of(a))
            elif name == "Heading":
                current = _Open("heading", int(event["Start"]["Heading"]["level"][1:]), line_of(a))
            elif name in ("CodeBlock", "HtmlBlock"):
                skip += 1
                if name == "CodeBlock":
                    b = to_char(rng["end"])
                    last = line_of(max(a, b - 1))
                    yield ("code", starts[line_of(a)],
                           starts[last + 1] if last + 1 < len(starts) else len(text))
            elif name in ("TableHead", "TableRow"):
                in_head = name == "TableHead"
                row = (line_of(a), [], quote)
            elif name == "TableCell":
                row[1].append((a, to_char(rng["end"])))
            if name in _BLOCK_STARTS or name in _TABLE:
                continue
        elif kind == "End":
            if name == "BlockQuote":
                quote -= 1
            elif name == "Item":
                items -= 1
            elif name in ("Paragraph", "Heading") and current is not None:
                yield _finish(current, text, lines, starts, quote, items)
                current = None
            elif name in ("CodeBlock", "HtmlBlock"):
                skip -= 1
            elif name in ("TableHead", "TableRow") and row is not None:
                yield ("row", in_head, row[1], row[0], row[2] > 0)
                row = None
            continue
        if name == "Code":  # a code span: what it shows is code, comments in it included
            yield ("code", to_char(rng["start"]), to_char(rng["end"]))
        # Inline: text, code, HTML, and the spans of emphasis, links and images.
        if skip or row is not None or name in _BREAKS:
            continue
        if current is None:
            if not items:
                continue
            current = _Open("implicit", 0, line_of(to_char(rng["start"])))
            current.quote, current.items = quote, items
        current.add(to_char(rng["start"]), to_char(rng["end"]), line_of, text, starts)
    if current is not None and current.kind == "implicit":
        yield _finish(current, text, lines, starts)


def _finish(block: _Open, text, lines, starts, quote=None, items=None):
    if block.kind == "implicit":
        quote, items = block.quote, block.items
    last = max([block.first, *block.ends, *block.starts])
    pieces = []
    for line in range(block.first, last + 1):
        src = lines[line]
        a = block.starts.get(line)
        if a is None:
            k = len(src) - len(src.lstrip(" \t>*+-0123456789.)#"))
            a = starts[line] + k
        elif a > starts[line] and text[a - 1] == "\\":  # an escape opens the line: keep it
            a -= 1
        if block.kind == "heading":
            b = block.ends.get(line, a)
        else:
            b = starts[line] + len(src.rstrip())
        pieces.append((a, max(a, b)))
    kind = "paragraph" if block.kind == "implicit" else block.kind
    return ("block", kind, block.level, quote > 0, items > 0, pieces)
