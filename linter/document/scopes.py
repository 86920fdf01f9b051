"""What surrounds a sentence: the text before it in its section, its heading, its table header.

Checks use this to resolve what a sentence is about when it leans on earlier text ("In the
trial, ..."; a table row under its header; a list item under a heading).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from linter.document.markdown import Document, Sentence
from linter.regexcache import lazy

# A question that states what it asks about: "Did you know that 98% survive?"
_STATES = lazy(r"\W*(?:(?:did|do)\s+you\s+know|(?:have|had)\s+you\s+heard|"
                     r"(?:isn['’]t|wasn['’]t|aren['’]t)\s+it\s+(?:amazing|incredible|wonderful|great|"
                     r"true|remarkable))\b", re.I)


def asks(text: str) -> bool:
    """Whether a sentence is a question that states nothing: it ends in "?" and is not a
    rhetorical one ("Did you know that ...?")."""
    return text.rstrip()[-1:] == "?" and _STATES.match(text) is None


@dataclass(frozen=True, kw_only=True)
class Scope:
    sentence: Sentence
    text: str  # the prose of the sentence (for a table row: the row)
    start: int
    end: int
    before: tuple[str, ...]  # earlier prose in the section, nearest first (sentences, then blocks)
    heading: str
    header: str  # a table row's header row ('' otherwise)
    after: str  # for a table row: the paragraph right after the table (a caption)
    title: str
    quote: bool
    is_heading: bool
    cells: tuple = ()
    header_cells: tuple = ()
    raw_end: int = 0  # where the sentence's original text ends, trailing links and URLs included
    table: str = ""  # for a table row: the whole table's text (rows name what other rows leave out)
    lead: tuple = ()  # earlier sentences of the same paragraph, nearest first

    @property
    def asked(self) -> bool:
        """Whether the sentence is a question that asks and states nothing, so neither its
        figures nor its claims are checked (a table row ending in "?" is a row, not a question;
        "Did you know that ...?" states what follows)."""
        return not self.cells and asks(self.text)

    @property
    def key_text(self) -> str:
        """Where a fact's key terms may be found: the sentence, plus a table's header and caption."""
        if self.header or self.cells:
            return " \n ".join((self.text, self.header, self.before[0] if self.before else "",
                                self.after))
        return self.text


def scopes(doc: Document) -> tuple[Scope, ...]:
    """A Scope for every sentence of the document, in order (the per-document view builds them
    once; see linter/view.py)."""
    return tuple(_build(doc))


# A table row leans on the rows around it (a trial named once, in the first row): on its whole
# table when that is short, else on the rows within about this many characters either side. The
# text a sentence leans on (its heading, the title, a table's header and caption) is read up to
# this many characters too: each sentence then costs the same however long a table or heading
# runs (a word further than this from a figure is not its; see facts/measurewords.REACH).
REACH = 2000


def _near(text: str) -> str:
    """The first REACH characters of a text a sentence leans on."""
    return text if len(text) <= REACH else text[:REACH]


def _build(doc: Document):
    sentences = doc.sentences
    blocks = doc.blocks
    prose = doc.prose
    title = _near(doc.title)
    texts = [prose[s.start:s.end] for s in sentences]  # each sentence's text, made once
    tables = _Tables(doc)
    for i, s in enumerate(sentences):
        block = blocks[s.block]
        before, lead = [], []
        j = i - 1
        while j >= 0 and len(before) < 6:
            prev = sentences[j]
            pb = blocks[prev.block]
            if pb.section != block.section or pb.kind == "heading":
                break
            before.append(texts[j])
            if prev.block == s.block:
                lead.append(texts[j])
            j -= 1
        header = after = table = ""
        header_cells = ()
        if block.kind == "table_row":
            table = tables.text(s.block)
            if block.header is not None:
                header, header_cells = tables.header(block.header)
                after = tables.after(s.block)
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        raw_end = nxt.start if nxt is not None and nxt.block == s.block else block.end
        yield Scope(sentence=s, text=texts[i], start=s.start, end=s.end,
                    before=tuple(before), heading=doc.heading_text(s.block), header=header,
                    after=after, title=title, quote=block.quote, is_heading=block.kind == "heading",
                    cells=block.cells, header_cells=header_cells, raw_end=max(raw_end, s.end),
                    table=table, lead=tuple(lead))


class _Tables:
    """What the rows of the document's tables share, worked out once per table (or per stretch
    of a long one) and given to every row as the same string: a row's table text, its header,
    the paragraph after its table."""

    def __init__(self, doc: Document):
        self.prose, self.blocks = doc.prose, doc.blocks
        self.rows: dict[int, list[int]] = {}  # header row index -> its table's row indices
        self.next_other = [len(doc.blocks)] * (len(doc.blocks) + 1)  # next block not a row
        for k in range(len(doc.blocks) - 1, -1, -1):
            b = doc.blocks[k]
            self.next_other[k] = self.next_other[k + 1] if b.kind == "table_row" else k
            if b.kind == "table_row":
                self.rows.setdefault(k if b.header is None else b.header, []).append(k)
        for rows in self.rows.values():
            rows.reverse()
        self.kept: dict = {}

    def _kept(self, key, make):
        hit = self.kept.get(key)
        if hit is None:
            hit = self.kept[key] = make()
        return hit

    def text(self, row: int) -> str:
        """The table's text around row `row`: all of it when that is short (up to 3 REACH),
        else the stretch of it from REACH before to 2 REACH after the REACH-long piece that
        holds the row's start, which every row starting in that piece shares."""
        block = self.blocks[row]
        head = row if block.header is None else block.header
        rows = self.rows.get(head, [row])
        first, last = self.blocks[rows[0]].start, self.blocks[rows[-1]].end
        if last - first > 3 * REACH:
            piece = first + (block.start - first) // REACH * REACH
            first, last = max(first, piece - REACH), min(last, piece + 2 * REACH)
        return self._kept(("table", first, last), lambda: self.prose[first:last])

    def header(self, index: int) -> tuple[str, tuple]:
        def make():
            hb = self.blocks[index]
            return (_near(self.prose[hb.start:hb.end]),
                    tuple(_near(self.prose[a:b].strip()) for a, b in hb.cells))
        return self._kept(("header", index), make)

    def after(self, row: int) -> str:
        """The paragraph right after the run of table rows holding `row` ('' when none)."""
        k = self.next_other[row + 1]
        if k < len(self.blocks) and self.blocks[k].kind == "paragraph":
            block = self.blocks[k]
            return self._kept(("after", k), lambda: _near(self.prose[block.start:block.end]))
        return ""
