"""A draft as checks see it: the original text, a same-length "prose" view, blocks and sentences.

Every position is a character offset into the original file, front matter included. The prose
view is the original text with everything that is not prose (front matter, code, HTML, URLs,
link destinations, Markdown markup) blanked to spaces, so a regular expression run over it
reports offsets that are already exact. The block structure comes from pyromark (blocks.py),
which gives every event its byte range; inline markup is blanked here, per block.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from linter.document.controls import Control, find_controls
from linter.document.frontmatter import front_matter
from linter.document.inline import link_openers, nonprose_spans
from linter.document.sentences import split_sentences
from linter.regexcache import lazy

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# Unicode hyphens read as "-" in the prose view (same length), so terms need one spelling.
_HYPHENS = {"\u2010": "-", "\u2011": "-", "\u2012": "-"}
_HYPHEN_TABLE = str.maketrans(_HYPHENS)
# What a sentence reads of its heading: a heading runs a line, and a "heading" of megabytes must
# not cost each sentence under it its whole length.
HEADING_REACH = 2000


@dataclass(frozen=True)
class Block:
    """A unit of prose: a heading, a paragraph (in a list item or quote too) or a table row."""

    kind: str  # "heading" | "paragraph" | "table_row"
    start: int
    end: int
    level: int = 0  # heading level
    quote: bool = False  # inside a blockquote
    list_item: bool = False
    header: int | None = None  # for a table body row: index of the header row block
    cells: tuple[tuple[int, int], ...] = ()  # for table rows: cell spans
    section: int | None = None  # index of the heading block that governs this block


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int


@dataclass(eq=False)
class Document:
    path: str
    text: str
    prose: str
    front_matter: dict
    blocks: list[Block]
    controls: list[Control] = field(default_factory=list)
    markdown: bool = True

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.text))
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for index, block in enumerate(self.blocks):
            if block.kind == "table_row":
                out.append(Sentence(block.start, block.end, index))
                continue
            for start, end in split_sentences(self.prose, block.start, block.end):
                out.append(Sentence(start, end, index))
        return out

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.prose[sentence.start:sentence.end]

    def raw(self, start: int, end: int) -> str:
        return self.text[start:end]

    def heading_text(self, block_index: int | None) -> str:
        """The text of the heading governing a block ('' when there is none), up to its first
        HEADING_REACH characters: every sentence of the section asks for it."""
        if block_index is None:
            return ""
        section = self.blocks[block_index].section
        if section is None:
            return ""
        hit = self._headings.get(section)
        if hit is None:
            heading = self.blocks[section]
            hit = self._headings[section] = self.prose[heading.start:heading.end].strip()[:HEADING_REACH]
        return hit

    @cached_property
    def _headings(self) -> dict[int, str]:
        return {}

    @cached_property
    def title(self) -> str:
        value = self.front_matter.get("title") if isinstance(self.front_matter, dict) else None
        if isinstance(value, str):
            return value
        for block in self.blocks:
            if block.kind == "heading":
                return self.prose[block.start:block.end].strip()
        return ""


def parse(text: str, path: str = "-", markdown: bool | None = None) -> Document:
    if markdown is None:
        markdown = not path.lower().endswith(".txt")
    prose = list("\n".join(" " * len(line) for line in text.split("\n")))  # blanks, same lines
    front, body_start = front_matter(text, path)
    if markdown:
        blocks, code_ranges = _markdown_blocks(text, body_start, prose)
    else:
        blocks, code_ranges = _text_blocks(text, body_start, prose), []
    controls = find_controls(text, body_start, code_ranges) if markdown else []
    return Document(path, text, "".join(prose), front, blocks, controls, markdown)


def _line_table(text: str) -> tuple[list[str], list[int]]:
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return lines, starts


def _mark_prose(text: str, prose: list[str], pieces: list[tuple[int, int]]) -> None:
    """Copy prose characters of the given source pieces into the prose view.

    The pieces are the content lines of one inline token; they are joined so that inline
    constructs spanning a wrapped line (a code span, a link) are recognised whole.
    """
    content = "\n".join(text[a:b] for a, b in pieces)
    masked = nonprose_spans(content)
    if "](" in content:
        masked.extend((i, i + 1) for i in link_openers(content))
    masked.sort()
    # One pass over pieces and spans together: a span starting before a piece matters to it
    # only by how far it reaches (each line must not walk every span of a long paragraph).
    offset = k = reach = 0  # k: the next span to read; reach: the furthest end of those read
    for a, b in pieces:
        # Copy the piece's unmasked runs; content[offset:offset + (b - a)] is text[a:b].
        end = offset + (b - a)
        pos = max(offset, reach)
        while k < len(masked) and masked[k][0] < end:
            ms, me = masked[k]
            if ms > pos:
                prose[a + pos - offset:a + ms - offset] = content[pos:ms].translate(_HYPHEN_TABLE)
            pos = max(pos, me)
            reach = max(reach, me)
            k += 1
        if pos < end:
            prose[a + pos - offset:b] = content[pos:end].translate(_HYPHEN_TABLE)
        offset = end + 1


def _markdown_blocks(text: str, body_start: int, prose: list[str]):
    from linter.document.blocks import walk

    lines, starts = _line_table(text)
    blocks: list[Block] = []
    code_ranges: list[tuple[int, int]] = []
    section = header_row = None
    for item in walk(text, body_start, lines, starts):
        if item[0] == "code":
            code_ranges.append((item[1], item[2]))
        elif item[0] == "row":
            _, head, raw, line, quote = item
            cells = _cells(text, prose, raw, starts[line], starts[line] + len(lines[line]))
            spans = [c for c in cells if c[1] > c[0]] or [(starts[line], starts[line])]
            blocks.append(Block("table_row", spans[0][0], spans[-1][1], quote=quote,
                                header=None if head else header_row, cells=cells, section=section))
            if head:
                header_row = len(blocks) - 1
        else:
            _, kind, level, quote, list_item, pieces = item
            _mark_prose(text, prose, pieces)
            blk = Block(kind, pieces[0][0], pieces[-1][1], level=level, quote=quote,
                        list_item=list_item, section=section)
            if kind == "heading":
                section = len(blocks)
            blocks.append(blk)
    return blocks, code_ranges


def _cells(text: str, prose: list[str], raw, cursor: int, line_end: int):
    """Each cell's text, stripped, found in its row's line in order (an empty cell sits where
    the previous one ended)."""
    cells = []
    for a, b in raw:
        content = text[a:b].strip()
        k = text.find(content, cursor, line_end) if content else -1
        if k < 0:
            k = cursor
        a, b = k, k + len(content)
        cursor = b
        if b > a:
            _mark_prose(text, prose, [(a, b)])
        cells.append((a, b))
    return tuple(cells)


_URL = lazy(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,:;!?'\"]")  # not a final stop


def _text_blocks(text: str, body_start: int, prose: list[str]) -> list[Block]:
    blocks = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=[^\S\n]*\n[^\S\n]*\n|\s*\Z)", text[body_start:], re.S):
        a, b = body_start + m.start(), body_start + m.end()
        for i in range(a, b):
            prose[i] = text[i]
        for u in _URL.finditer(text, a, b):
            for i in range(u.start(), u.end()):
                prose[i] = " "
        blocks.append(Block("paragraph", a, b))
    return blocks
