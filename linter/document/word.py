"""Read a Word document (.docx) into the document model.

Reading order: body paragraphs and tables (content controls opened), then footnotes and
endnotes in the order they are referenced. Prose is what a reader of the final document sees:
tracked insertions count, tracked deletions, moved-away text, field codes and Word's own
comments do not. Headings keep their level (Heading N styles, a style's outline level, Title as
level 1), so "Sources" sections and disclaimers are found as in Markdown.

Positions: every paragraph gets a label ("paragraph 12" in body order, table cells included;
"footnote 2"); `WordDocument.location` turns a finding's offset into a label and a character
offset inside that paragraph's visible text. Line and column are those of the text rendering.
"""
from __future__ import annotations

import bisect
import io
import zipfile
from dataclasses import dataclass, field

from linter.document import reader, wordzip
from linter.document.rendered import Piece, RenderedDocument, Renderer
from linter.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
# Containers whose content is part of the paragraph as shown; anything not listed (deletions,
# moved-away text, drawings, comment marks) is not.
_OPEN = {W + t for t in ("ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple",
                         "customXml", "bdo", "dir")}
_NOTE_REFS = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}


@dataclass(eq=False)
class WordDocument(RenderedDocument):
    paragraphs: list = field(default_factory=list)  # (label, w:p element) in reading order
    starts: list = field(default_factory=list)  # running visible-character count at each
    note_refs: dict = field(default_factory=dict)  # "footnote 2" -> the run referencing it
    word: object = None  # the python-docx Document the text was read from

    def location(self, offset: int) -> tuple[int, int]:
        """(index into `paragraphs`, character offset in that paragraph) of a rendered offset."""
        origin = self.origin(offset)
        i = max(bisect.bisect_right(self.starts, origin) - 1, 0)
        return i, origin - self.starts[i]

    def describe(self, offset: int) -> str:
        i, char = self.location(offset)
        return f"{self.paragraphs[i][0]}, character {char + 1}"


def items(p, rels=None):
    """(kind, run, element, text, url) for what a paragraph shows, in order. kind: text (a w:t,
    a tab, a break: one character each or the text's length) or note (a note reference)."""
    def walk(parent, url):
        for child in parent:
            tag = child.tag
            if tag == W + "r":
                for c in child:
                    ctag = c.tag
                    if ctag == W + "t":
                        yield "text", child, c, c.text or "", url
                    elif ctag in (W + "tab", W + "ptab"):
                        yield "text", child, c, "\t", url
                    elif ctag in (W + "br", W + "cr"):
                        yield "text", child, c, "\n", url
                    elif ctag == W + "noBreakHyphen":
                        yield "text", child, c, "-", url
                    elif ctag in _NOTE_REFS:
                        yield "note", child, c, "", url
            elif tag == W + "hyperlink":
                yield from walk(child, _link_target(rels, child))
            elif tag in _OPEN:
                yield from walk(child, url)
    yield from walk(p, "")


def _link_target(rels, link) -> str:
    rid = link.get(R_ID)
    if rid and rels is not None and rid in rels and rels[rid].is_external:
        return rels[rid].target_ref
    return ""


def read(path: str, max_bytes: int) -> WordDocument:
    word = open_word(path, max_bytes)
    try:
        doc = _Reader(word, path, max_bytes).read()
    except InputError:
        raise
    except _MALFORMED as err:  # XML that is well formed but not in the shape Word writes
        raise _unreadable(path, err) from None
    if len(doc.text) > max_bytes:
        raise InputError(f"{path}: the document's text is {reader.sizes(len(doc.text), max_bytes)} "
                         f"limit (max-file-size in the config)")
    return doc


# What python-docx and lxml raise on a part of the wrong shape (a part whose root is not the
# element Word writes, a missing body, an attribute that is not a number).
_MALFORMED = (AttributeError, TypeError, KeyError, ValueError, IndexError, SyntaxError)


def _unreadable(path: str, err: BaseException) -> InputError:
    detail = str(err).splitlines()[0][:160] if str(err) else "no detail"
    return InputError(f"{path}: not a readable Word document ({type(err).__name__}: {detail})")


def open_word(path: str, max_bytes: int = reader.DEFAULT_MAX_BYTES):
    """The python-docx Document of a .docx file, or a one-line InputError saying why not. The
    file itself may be max_bytes long; what its parts unzip to is checked by wordzip."""
    data = reader.read_bytes(path, max_bytes)
    if data[:8] == _OLE_MAGIC:
        if _ENCRYPTED in data:
            raise InputError(f"{path}: the document is password-protected; remove the "
                             f"password in Word (File > Info > Protect Document) and save again")
        raise InputError(f"{path}: a Word 97-2003 (.doc) file, not .docx; save it as a "
                         f"Word Document (.docx)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{path}: not a Word document (a .docx file is a zip archive; this is not)")
    wordzip.check(data, path, max_bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml") \
            if "[Content_Types].xml" in archive.namelist() else b""
    if b"wordprocessingml.document.main" not in types and b"ms-word.document.macroEnabled" not in types:
        raise InputError(f"{path}: a zip archive but not a Word document (no Word main document "
                         f"part)")
    import docx
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises KeyError, ValueError, lxml errors alike
        raise _unreadable(path, err) from None
    root = word.element
    if getattr(root, "tag", None) != W + "document" or root.find(W + "body") is None:
        raise InputError(f"{path}: not a readable Word document (its main part has no "
                         f"document body)")
    return word


class _Reader:
    def __init__(self, word, path, max_bytes):
        self.word, self.path, self.max_bytes = word, path, max_bytes
        self.out = Renderer()
        self.paragraphs, self.starts = [], []
        self.total = 0
        self.notes: dict = {}  # (kind, id) -> number shown
        self.note_refs: dict = {}
        self.styles = _styles(word)
        self.rels = word.part.rels  # a python-docx lazy property: looked up once

    def read(self) -> WordDocument:
        self._container(self.word.element.body)
        self._notes()
        doc = self.out.build(self.path)
        return WordDocument(doc.path, doc.text, doc.prose, {}, doc.blocks, [], True,
                            origins=doc.origins, paragraphs=self.paragraphs, starts=self.starts,
                            note_refs=self.note_refs, word=self.word)

    def _container(self, parent):
        for child in parent:
            if child.tag == W + "p":
                self._paragraph(child)
            elif child.tag == W + "tbl":
                self._table(child)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                self._container(child)

    def _register(self, p, label) -> tuple[list, int]:
        """Number a paragraph and turn what it shows into pieces."""
        self.paragraphs.append((label or f"paragraph {len(self.paragraphs) + 1}", p))
        base = self.total
        self.starts.append(base)
        pieces, k, link = [], 0, ""
        texts: list = []  # the text run being built: joined once (adding up is quadratic)

        def put(piece):
            if texts:
                joined = "".join(texts)
                pieces.append(Piece(joined, base + k - len(joined)))
                texts.clear()
            pieces.append(piece)

        for kind, run, element, text, url in items(p, self.rels):
            if url != link:
                if link:
                    put(Piece(f"]({link})", base + k, 0, "mark"))
                if url:
                    put(Piece("[", base + k, 0, "mark"))
                link = url
            if kind == "note":
                key = (_NOTE_REFS[element.tag], element.get(W + "id"))
                number = self.notes.setdefault(key, len(self.notes) + 1)
                self.note_refs.setdefault(f"{key[0]} {number}", run)
                put(Piece(f"[^{number}]", base + k, 0))
                continue
            texts.append(text)
            k += len(text)
        if link:
            put(Piece(f"]({link})", base + k, 0, "mark"))
        elif texts:
            joined = "".join(texts)
            pieces.append(Piece(joined, base + k - len(joined)))
        self.total += k + 1  # + the paragraph mark, so an empty paragraph has a place too
        if self.total > self.max_bytes:  # stop reading as soon as the text is too long
            raise InputError(f"{self.path}: the document's text is at least "
                             f"{reader.sizes(self.total, self.max_bytes)} limit "
                             f"(max-file-size in the config)")
        return pieces, k

    def _paragraph(self, p, label=None, prefix=""):
        pieces, _ = self._register(p, label)
        if prefix:
            pieces.insert(0, Piece(prefix, self.starts[-1], 0))
        level, listed, quote = self._kind(p)
        self.out.paragraph(pieces, heading=level, list_item=listed, quote=quote)

    def _kind(self, p):
        ppr = p.find(W + "pPr")
        style = level = None
        listed = False
        if ppr is not None:
            s = ppr.find(W + "pStyle")
            style = s.get(W + "val") if s is not None else None
            outline = ppr.find(W + "outlineLvl")
            if outline is not None and outline.get(W + "val", "9").isdecimal():
                value = int(outline.get(W + "val"))
                level = value + 1 if value < 9 else None
            num = ppr.find(W + "numPr")
            if num is not None:
                num_id = num.find(W + "numId")
                listed = num_id is None or num_id.get(W + "val") != "0"
        s_level, s_list, s_quote = self.styles.get(style, (0, False, False))
        level = level if level is not None else s_level
        return level, (listed or s_list) and not level, s_quote

    def _table(self, tbl):
        first = True
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl:
                continue
            cells = []
            for tc in tr.findall(W + "tc"):
                cell = []
                for p in tc.iter(W + "p"):
                    pieces, _ = self._register(p, None)
                    if cell and pieces:
                        cell.append(Piece(" ", pieces[0].origin, 0))
                    cell.extend(pieces)
                cells.append(cell)
            self.out.table_row(cells, header=first)
            first = False
        self.out.end_table()

    def _notes(self):
        parts = {}
        for rel in self.word.part.rels.values():
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind in ("footnotes", "endnotes") and not rel.is_external:
                from docx.oxml import parse_xml

                parts[kind[:-1]] = {n.get(W + "id"): n for n in parse_xml(rel.target_part.blob)}
        self.out.section = None  # notes stand apart from the body's last section
        for (kind, note_id), number in sorted(self.notes.items(), key=lambda kv: kv[1]):
            note = parts.get(kind, {}).get(note_id)
            if note is None:
                continue
            label = f"{kind} {number}"
            for i, p in enumerate(note.iter(W + "p")):
                self._paragraph(p, label if i == 0 else f"{label}, paragraph {i + 1}",
                                f"[^{number}]: " if i == 0 else "")


def _styles(word) -> dict:
    """style id -> (heading level, is a list style, is a quotation style), base styles followed."""
    raw = {}
    for s in word.styles.element.findall(W + "style"):
        name = s.find(W + "name")
        based = s.find(W + "basedOn")
        ppr = s.find(W + "pPr")
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        raw[s.get(W + "styleId")] = (
            (name.get(W + "val") if name is not None else "").lower(),
            based.get(W + "val") if based is not None else None,
            int(outline.get(W + "val")) if outline is not None and
            (outline.get(W + "val") or "").isdecimal() else None,
            ppr is not None and ppr.find(W + "numPr") is not None)
    found: dict = {}  # style id -> (level, list style, quotation style), its bases followed
    for sid in raw:
        # Each style is worked out once, from its base's answer: a chain of n styles costs n
        # steps, not n * n. A base that is part of the chain being followed (a cycle) stops it.
        chain, cur, on_chain = [], sid, set()
        while cur in raw and cur not in found and cur not in on_chain:
            chain.append(cur)
            on_chain.add(cur)
            cur = raw[cur][1]
        inherited = found.get(cur, (0, False, False))
        for style in reversed(chain):
            level, listed, quote = _own(raw[style])
            inherited = (level or inherited[0], listed or inherited[1], quote or inherited[2])
            found[style] = inherited
    return {sid: (level, listed and not level, quote)
            for sid, (level, listed, quote) in found.items()}


def _own(style) -> tuple[int, bool, bool]:
    """(heading level, list style, quotation style) that a style's own name and paragraph
    properties give, its base aside."""
    name, _, outline, numbered = style
    level = 0
    if name.startswith("heading ") and name[8:].strip().isdecimal():
        level = int(name[8:])
    elif name == "title":
        level = 1
    elif outline is not None and outline < 9:
        level = outline + 1
    return (level, numbered or name.startswith("list"),
            name in ("quote", "intense quote", "block text"))
