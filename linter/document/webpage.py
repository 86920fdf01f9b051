"""Read an HTML page's main text into the document model, with positions in the HTML source.

What is prose: the text of <main> (or role="main"), else of the one <article>, else of <body>;
never script, style, templates, forms, embedded graphics, code, nor what the page marks up as
navigation, banner, site footer or sidebar (nav, aside, header/footer outside the article,
role=navigation/banner/contentinfo/complementary/search), nor hidden elements. Whitespace is
collapsed as a browser shows it. Headings keep their level; list items, blockquotes and table
rows are the same blocks as in Markdown; links become [text](url) and superscript note numbers
[^N], so attribution is recognised as in Markdown.

The visible text left out as site boilerplate (site header, footer, sidebar, text outside the
main text; not navigation, code, controls nor hidden parts) is kept apart as `boilerplate`, one
string a block: a notice printed there is on the page, so the document-level notices (required
rules) look for it there too; nothing else reads it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from linter.document import htmltokens, reader
from linter.document.openelements import OpenElements
from linter.document.rendered import Piece, RenderedDocument, Renderer

_SKIP = {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas",
         "nav", "aside", "form", "button", "select", "textarea", "code", "pre", "kbd", "samp",
         "head", "video", "audio", "map", "dialog"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
_PAGE_PARTS = {"header", "footer"}  # skipped unless inside the main text
# Skipped elements whose text is not even boilerplate: code, controls, navigation, hidden parts.
_NOT_BOILERPLATE = _SKIP - {"aside"}
_NOT_BOILERPLATE_ROLES = {"navigation", "search"}
# Elements that end a block of text (code, buttons and other inline elements do not).
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
           "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot",
           "tr", "td", "th", "caption", "figcaption", "figure", "address", "hr", "details",
           "summary", "header", "footer", "body", "html", "center", "hgroup", "fieldset",
           "legend", "option", "nav", "aside", "form", "pre", "head", "dialog"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param", "keygen"}
# A start tag closes an open element of these names unless one of the boundary elements comes
# first (the HTML standard's implied end tags, for the elements drafts use).
_ROWS = ({"tr"}, {"table", "thead", "tbody", "tfoot"})
_CELLS = ({"td", "th"}, {"tr", "table"})
_IMPLIED = {"li": ({"li"}, {"ul", "ol", "table"}), "dt": ({"dt", "dd"}, {"dl", "table"}),
            "dd": ({"dt", "dd"}, {"dl", "table"}), "tr": _ROWS, "td": _CELLS, "th": _CELLS,
            "thead": ({"thead", "tbody", "tfoot"}, {"table"}),
            "tbody": ({"thead", "tbody", "tfoot"}, {"table"}),
            "tfoot": ({"thead", "tbody", "tfoot"}, {"table"})}
_P_SCOPE = ({"p"}, {"table", "td", "th", "li", "blockquote", "body", "html", "main", "article",
                    "section", "button", "dd", "dt"})
_BLOCK_CLOSES_P = _BLOCKS - {"li", "dt", "dd", "td", "th", "tr", "body", "html", "thead",
                             "tbody", "tfoot"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_NOTE = re.compile(r"\[?\d+(?:[,\u2013-]\s*\d+)*\]?")


def read(path: str, max_bytes: int) -> RenderedDocument:
    return parse_html(htmltokens.decode(reader.read_bytes(path, max_bytes), path), path)


def parse_html(source: str, path: str = "page.html") -> RenderedDocument:
    toks = htmltokens.tokens(source, path)
    walker = _Walker(source, toks)
    doc = walker.walk().build(path, source)
    doc.boilerplate = tuple(walker.boilerplate)
    return doc


def _attrs(token) -> dict:
    data = token.get("data") or {}
    return {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}


@dataclass
class _Open:
    name: str
    skipped: bool
    href: str = ""
    main: bool = False  # this element is the page's main text
    unread: bool = False  # skipped and not boilerplate either (code, navigation, hidden)


class _Walker:
    def __init__(self, source, toks):
        self.source, self.toks = source, toks
        self.out = Renderer()
        self.stack = OpenElements()
        self.pieces: list[Piece] = []
        self.row: list | None = None
        self.first_row = True
        self.sup: int | None = None  # where the open <sup>'s pieces begin
        self.sup_link = False
        self.boilerplate: list[str] = []  # skipped page text, one string a block
        self.boiler_words: list[str] = []
        starts = [(t["name"], _attrs(t)) for t, _, _ in toks if t["type"] == 3]
        if any(n == "main" or a.get("role") == "main" for n, a in starts):
            self.is_main = lambda n, a: n == "main" or a.get("role") == "main"
        elif sum(n == "article" for n, _ in starts) == 1:
            self.is_main = lambda n, a: n == "article"
        elif any(n == "body" for n, _ in starts):
            self.is_main = lambda n, a: n == "body"
        else:  # a fragment: all of it is the text
            self.is_main = None

    def walk(self) -> Renderer:
        for token, start, end in self.toks:
            kind = token["type"]
            if kind == 3:
                self._start(token["name"], _attrs(token), start, token.get("selfClosing"))
            elif kind == 4:
                self._end(token["name"], start)
            elif kind in (1, 2) and not self._skipped():
                self._text(token["data"], start, end)
            elif kind in (1, 2) and not (self.stack and self.stack.top.unread):
                self.boiler_words.extend(token["data"].split())
        self._pop_to(None, len(self.source))
        self._flush()
        self._end_row()
        return self.out

    def _skipped(self) -> bool:
        if self.stack and self.stack.top.skipped:
            return True
        return self.is_main is not None and not self.stack.mains

    def _start(self, name, attrs, start, self_closing):
        if name in _IMPLIED:
            self._close_implied(*_IMPLIED[name], start)
        if name in _BLOCK_CLOSES_P:
            self._close_implied(*_P_SCOPE, start)
        if name == "br":
            if not self._skipped():
                self.pieces.append(Piece("\n", start, 0))
            return
        if name in _BLOCKS:
            self._flush()
        if name in _VOID or (self_closing and name not in _BLOCKS):
            return
        skipped = bool(self.stack and self.stack.top.skipped) or self._skips(name, attrs)
        entry = _Open(name, skipped, main=self.is_main is not None and self.is_main(name, attrs),
                      unread=bool(self.stack and self.stack.top.unread) or _unread(name, attrs))
        if name == "tr":
            self._end_row()
            self.row = []
        elif name in ("td", "th") and self.row is not None:
            self.row.append([])
        elif name == "table":
            self.first_row = True
        elif name == "sup":
            self.sup, self.sup_link = len(self.pieces), False
        elif name == "q" and not skipped:
            self.pieces.append(Piece("\u201c", start, 0))
        elif name == "a" and not skipped:
            self.sup_link = self.sup is not None
            href = (attrs.get("href") or "").strip()
            if href and not href.startswith(("#", "javascript:")):
                self.pieces.append(Piece("[", start, 0, "mark"))
                entry.href = href
        self.stack.push(entry)

    def _skips(self, name, attrs) -> bool:
        if name in _SKIP or attrs.get("role") in _SKIP_ROLES:
            return True
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if re.search(r"display\s*:\s*none", attrs.get("style") or ""):
            return True
        if name in _PAGE_PARTS:  # an article's own header (its title) and footer are its text
            return not (self.stack.mains or self.stack.has("article"))
        return False

    def _close_implied(self, targets, boundaries, start):
        at = self.stack.nearest(targets)
        if at >= 0 and self.stack.nearest(boundaries) < at:
            self._pop_to(self.stack.items[at].name, start)

    def _end(self, name, start):
        if self.stack.has(name):
            self._pop_to(name, start)

    def _pop_to(self, name, start):
        while self.stack:
            entry = self.stack.pop()
            self._closed(entry, start)
            if entry.name == name:
                break

    def _closed(self, entry, start):
        name = entry.name
        if name in _BLOCKS:
            self._flush(entry)
            if name == "tr":
                self._end_row()
            elif name == "table":
                self._end_row()
                self.out.end_table()
        elif entry.href and not entry.skipped:
            self.pieces.append(Piece(f"]({entry.href})", start, 0, "mark"))
        elif name == "q" and not entry.skipped:
            self.pieces.append(Piece("\u201d", start, 0))
        elif name == "sup" and self.sup is not None and self.sup <= len(self.pieces):
            inner = self.pieces[self.sup:]
            text = "".join(p.text for p in inner if p.kind != "mark").strip()
            before = self._last_char(self.sup)
            if inner and before.isdigit() and not self.sup_link:  # 10<sup>9</sup>: a power
                self.pieces.insert(self.sup, Piece("^", inner[0].origin, 0))
            elif inner and _NOTE.fullmatch(text):
                self.pieces[self.sup:] = [Piece(f"[^{text.strip('[]')}]", inner[0].origin, 0)]
            self.sup = None

    def _last_char(self, end: int) -> str:
        """The last character of the text (not markup) of the pieces before `end`, looked for
        among the few pieces just before it ('' when none is text)."""
        for p in reversed(self.pieces[max(0, end - 16):end]):
            if p.kind != "mark" and p.text:
                return p.text[-1]
        return ""

    def _text(self, data, start, end):
        exact = self.source[start:end] == data
        for m in re.finditer(r"[ \t\n\f]+|[^ \t\n\f]+", data):
            origin, step = (start + m.start(), 1) if exact else (start, 0)
            if m.group()[0] in " \t\n\f":
                self.pieces.append(Piece(" ", origin, 0))
            else:
                self.pieces.append(Piece(m.group(), origin, step))

    def _flush(self, closing: _Open | None = None):
        if self.boiler_words:
            self.boilerplate.append(" ".join(self.boiler_words))
            self.boiler_words = []
        pieces, self.pieces = self.pieces, []
        if not any(p.text.strip() for p in pieces if p.kind != "mark"):
            return
        if self.row:
            self.row[-1].extend(pieces)
            return
        inner = closing.name if closing else ""
        heading = inner if inner in _HEADINGS else getattr(self.stack.innermost(_HEADINGS), "name", "")
        self.out.paragraph(pieces, heading=int(heading[1:] or 0),
                           list_item=inner == "li" or self.stack.has("li"),
                           quote=inner == "blockquote" or self.stack.has("blockquote"))

    def _end_row(self):
        if self.row:
            self.out.table_row(self.row, header=self.first_row)
            self.first_row = False
        self.row = None


def _unread(name, attrs) -> bool:
    """A skipped element that is not even page boilerplate: code, a control, navigation, hidden."""
    return name in _NOT_BOILERPLATE or attrs.get("role") in _NOT_BOILERPLATE_ROLES \
        or "hidden" in attrs or attrs.get("aria-hidden") == "true" \
        or bool(re.search(r"display\s*:\s*none", attrs.get("style") or ""))
