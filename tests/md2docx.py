"""Convert a Markdown draft into a Word document the way a writer would have typed it.

Headings become Heading N paragraphs, list items List Bullet / List Number paragraphs,
blockquotes Quote paragraphs, pipe tables Word tables (first row as header), links real
hyperlinks, bold and italic real run formatting. Code, HTML and images are not prose in
Markdown and are left out. Used by the tests to compare findings across formats.
"""
from __future__ import annotations

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from linter.document.frontmatter import front_matter

WRAPS = False  # True: a wrapped Markdown line becomes a line break, as in the source


def convert(markdown: str, target) -> None:
    _, body_start = front_matter(markdown, "draft.md")
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = md.parse(markdown[body_start:])
    document = docx.Document()
    lists: list[str] = []
    quote = 0
    heading = 0
    table: list[list] | None = None
    row: list | None = None
    for tok in tokens:
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            lists.append("List Bullet" if t == "bullet_list_open" else "List Number")
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t == "heading_open":
            heading = int(tok.tag[1:])
        elif t == "table_open":
            table = []
        elif t == "tr_open":
            row = []
        elif t == "tr_close":
            table.append(row)
            row = None
        elif t == "table_close":
            _table(document, table)
            table = None
        elif t == "inline" and row is not None:
            row.append(tok)
        elif t == "inline":
            if heading:
                style = f"Heading {min(heading, 9)}"
            elif quote:
                style = "Quote"
            elif lists:
                depth = len(lists)
                style = lists[-1] + (f" {depth}" if depth > 1 else "")
            else:
                style = None
            paragraph = document.add_paragraph(style=style)
            _inline(paragraph, tok.children or [])
            heading = 0
    document.save(target)


def _table(document, rows) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for i, row in enumerate(rows):
        for j, tok in enumerate(row):
            cell = table.cell(i, j)
            _inline(cell.paragraphs[0], tok.children or [])


def _inline(paragraph, children) -> None:
    bold = italic = strike = False
    link = None
    for child in children:
        t = child.type
        if t == "strong_open":
            bold = True
        elif t == "strong_close":
            bold = False
        elif t == "em_open":
            italic = True
        elif t == "em_close":
            italic = False
        elif t == "s_open":
            strike = True
        elif t == "s_close":
            strike = False
        elif t == "link_open":
            link = _hyperlink(paragraph, child.attrs.get("href", ""))
        elif t == "link_close":
            link = None
        elif t in ("text", "softbreak", "hardbreak"):
            text = child.content if t == "text" else " "
            if t == "hardbreak" or (t == "softbreak" and WRAPS):
                paragraph.add_run().add_break()
                continue
            if link is not None:
                _link_run(link, text)
                continue
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            if strike:
                run.font.strike = True


def _hyperlink(paragraph, url):
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    paragraph._p.append(element)
    return element


def _link_run(link, text) -> None:
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
