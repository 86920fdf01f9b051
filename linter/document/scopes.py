"""What surrounds a sentence: the text before it in its section, its heading, its table header.

Checks use this to resolve what a sentence is about when it leans on earlier text ("In the
trial, ..."; a table row under its header; a list item under a heading).
"""
from __future__ import annotations

from dataclasses import dataclass

from linter.document.markdown import Document, Sentence


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
        """Whether the sentence is a question: it asks and states nothing, so neither its
        figures nor its claims are checked (a table row ending in "?" is a row, not a question)."""
        return not self.cells and self.text.rstrip()[-1:] == "?"

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


def _build(doc: Document):
    sentences = doc.sentences
    blocks = doc.blocks
    prose = doc.prose
    title = doc.title
    for i, s in enumerate(sentences):
        block = blocks[s.block]
        before, lead = [], []
        j = i - 1
        while j >= 0 and len(before) < 6:
            prev = sentences[j]
            pb = blocks[prev.block]
            if pb.section != block.section or pb.kind == "heading":
                break
            before.append(prose[prev.start:prev.end])
            if prev.block == s.block:
                lead.append(before[-1])
            j -= 1
        header = after = table = ""
        header_cells = ()
        if block.kind == "table_row":
            head = block.header if block.header is not None else s.block
            rows = [b for k, b in enumerate(blocks)
                    if b.kind == "table_row" and (k == head or b.header == head)]
            table = prose[rows[0].start:rows[-1].end]
        if block.kind == "table_row" and block.header is not None:
            hb = blocks[block.header]
            header = prose[hb.start:hb.end]
            header_cells = tuple(prose[a:b].strip() for a, b in hb.cells)
            k = s.block + 1
            while k < len(blocks) and blocks[k].kind == "table_row":
                k += 1
            if k < len(blocks) and blocks[k].kind == "paragraph":
                after = prose[blocks[k].start:blocks[k].end]
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        raw_end = nxt.start if nxt is not None and nxt.block == s.block else block.end
        yield Scope(sentence=s, text=prose[s.start:s.end], start=s.start, end=s.end,
                    before=tuple(before), heading=doc.heading_text(s.block), header=header,
                    after=after, title=title, quote=block.quote, is_heading=block.kind == "heading",
                    cells=block.cells, header_cells=header_cells, raw_end=max(raw_end, s.end),
                    table=table, lead=tuple(lead))
