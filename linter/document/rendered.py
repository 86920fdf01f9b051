"""A document that is not Markdown (a Word file, an HTML page) as checks see it.

Such a document is rendered to a Markdown-like text: headings start with '#' marks, list items
with '- ', quotations with '> ', table rows with '|' between cells, hyperlinks as [text](url),
note references as [^N]. The markers, the pipes and the link targets are blanked in the prose
view exactly as the Markdown walk blanks them, so every check sees the same prose, blocks and
sections it would see in the Markdown version of the same draft.

Every rendered character keeps an origin: an offset into the source's own coordinates (the HTML
source; for Word, the running count of visible characters over all paragraphs). Characters the
rendering adds (markers, separators) take the origin of the text they precede.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from linter.document.markdown import Block, Document
from linter.regexcache import compile as rx

_URL = rx(r"(?:https?://|www\.)[^\s<>()\[\]]+")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-"})


@dataclass(frozen=True)
class Piece:
    """Some text of a block: `origin` is the source offset of its first character; `step` is 1
    when each character has its own source character, 0 when the whole piece stands for one
    source span (an entity, a note reference). `kind` "mark" is markup that is not prose (the
    brackets and target of a link)."""

    text: str
    origin: int
    step: int = 1
    kind: str = "text"


@dataclass(eq=False)
class RenderedDocument(Document):
    origins: list = field(default_factory=list)  # source offset of every rendered character
    source: str | None = None  # when set, positions are line:column in this source text
    boilerplate: tuple = ()  # text of a page left out as site boilerplate, one string a block

    def origin(self, offset: int) -> int:
        if not self.origins:
            return 0
        return self.origins[min(max(offset, 0), len(self.origins) - 1)]

    def position(self, offset: int) -> tuple[int, int]:
        if self.source is None:
            return super().position(offset)
        if offset == 0 and (not self.blocks or self.blocks[0].start > 0):
            return 1, 1  # a document-level finding, as in every other format
        source_offset = self.origin(offset)
        line = bisect.bisect_right(self._source_lines, source_offset) - 1
        return line + 1, source_offset - self._source_lines[line] + 1

    def end_position(self, offset: int) -> tuple[int, int]:
        """(line, column) just after the source character of the rendered offset - 1."""
        if self.source is None or offset <= 0:
            return self.position(offset)
        line, col = self.position(offset - 1)
        return line, col + 1

    @property
    def _source_lines(self) -> list[int]:
        cached = self.__dict__.get("_source_line_starts")
        if cached is None:
            cached = [0] + [i + 1 for i, c in enumerate(self.source) if c == "\n"]
            self.__dict__["_source_line_starts"] = cached
        return cached


class Renderer:
    """Collects blocks in reading order and builds a RenderedDocument."""

    def __init__(self):
        self.text: list[str] = []
        self.prose: list[str] = []
        self.origins: list[int] = []
        self.blocks: list[Block] = []
        self.section: int | None = None
        self.header_row: int | None = None
        self.last_origin = 0

    @property
    def pos(self) -> int:
        return len(self.origins)

    def _put(self, text: str, origin: int, step: int, prose: bool) -> None:
        self.text.append(text)
        self.prose.append(text.translate(_HYPHENS) if prose else
                          "".join("\n" if c == "\n" else " " for c in text))
        self.origins.extend(origin + i * step for i in range(len(text)))
        if text:
            self.last_origin = origin + (len(text) - 1) * step

    def _mark(self, text: str, origin: int | None = None) -> None:
        self._put(text, self.last_origin if origin is None else origin, 0, False)

    def _content(self, pieces) -> tuple[int, int]:
        """Write a block's pieces, outer whitespace dropped; returns the span written."""
        pieces = [p for p in pieces if p.text]
        texts = [i for i, p in enumerate(pieces) if p.kind != "mark"]
        start = self.pos
        for i, p in enumerate(pieces):
            if p.kind == "mark":
                self._mark(p.text, p.origin)
                continue
            text, origin = p.text, p.origin
            if i == texts[0]:
                text = text.lstrip()
                origin += (len(p.text) - len(text)) * p.step
            if i == texts[-1]:
                text = text.rstrip()
            self._text(text, origin, p.step)
        return start, self.pos

    def _text(self, text: str, origin: int, step: int) -> None:
        """Prose, with any bare URL blanked (a URL is not prose, but it is a citation)."""
        last = 0
        for m in _URL.finditer(text):
            self._put(text[last:m.start()], origin + last * step, step, True)
            self._put(m.group(), origin + m.start() * step, step, False)
            last = m.end()
        self._put(text[last:], origin + last * step, step, True)

    def _separate(self, origin: int) -> None:
        if self.origins:
            self._mark("\n\n", origin)

    def paragraph(self, pieces, *, heading: int = 0, list_item: bool = False,
                  quote: bool = False) -> None:
        pieces = [p for p in pieces if p.text]
        if not "".join(p.text for p in pieces if p.kind != "mark").strip():
            return
        self.header_row = None
        first = pieces[0].origin
        self._separate(first)
        if quote:
            self._mark("> ", first)
        if heading:
            self._mark("#" * min(heading, 6) + " ", first)
        elif list_item:
            self._mark("- ", first)
        start, end = self._content(pieces)
        kind = "heading" if heading else "paragraph"
        self.blocks.append(Block(kind, start, end, level=heading, quote=quote,
                                 list_item=list_item and not heading, section=self.section))
        if heading:
            self.section = len(self.blocks) - 1

    def table_row(self, cells, *, header: bool) -> None:
        """One row; `cells` is a list of piece lists. The first row of a table is its header."""
        if not any("".join(p.text for p in cell if p.kind != "mark").strip() for cell in cells):
            return
        first = next((p.origin for cell in cells for p in cell if p.text), self.last_origin)
        if header or self.header_row is None:
            self._separate(first)
        else:
            self._mark("\n", first)
        spans = []
        self._mark("|", first)
        for cell in cells:
            origin = next((p.origin for p in cell if p.text), self.last_origin)
            self._mark(" ", origin)
            spans.append(self._content(cell))
            self._mark(" |")
        written = [s for s in spans if s[1] > s[0]] or [(self.pos, self.pos)]
        start, end = written[0][0], written[-1][1]
        is_header = header or self.header_row is None
        self.blocks.append(Block("table_row", start, end, header=None if is_header else self.header_row,
                                 cells=tuple(spans), section=self.section))
        if is_header:
            self.header_row = len(self.blocks) - 1

    def end_table(self) -> None:
        self.header_row = None

    def build(self, path: str, source: str | None = None) -> RenderedDocument:
        self._mark("\n")
        text, prose = "".join(self.text), "".join(self.prose)
        return RenderedDocument(path, text, prose, {}, self.blocks, [], True,
                                origins=self.origins, source=source)
