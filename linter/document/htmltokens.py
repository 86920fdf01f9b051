"""An HTML page's bytes to text, and its tokens with their exact spans in that text.

Decoding follows the HTML standard's order: a byte-order mark, then a charset declared in a
<meta> element (found by html5lib's implementation of the standard's prescan). A page that
declares nothing is read as UTF-8 or refused: guessing a legacy encoding would misplace every
finding and garble every non-ASCII word.

Tokens come from html5lib's tokenizer, the HTML standard's tokenization algorithm (raw text in
script and style, character references, comments, malformed tags all handled as a browser
does). The tree that html5lib would build moves text around (into and out of tables), so the
positions are taken from the token stream: the tokenizer emits at most one token per state
step, so a token spans from the end of the previous token to where the step stopped.
"""
from __future__ import annotations

import codecs
import re
from collections import deque

from linter.document import reader
from linter.errors import InputError
from linter.regexcache import lazy

RAW_TEXT = {"script": "scriptDataState", "style": "rawtextState", "xmp": "rawtextState",
            "iframe": "rawtextState", "noembed": "rawtextState", "noframes": "rawtextState",
            "noscript": "rawtextState", "textarea": "rcdataState", "title": "rcdataState",
            "plaintext": "plaintextState"}


# A charset a page declares, whether or not it is a label the HTML standard knows.
_LABEL = lazy(rb"""<meta[^>]*?charset\s*=\s*["']?([^"'\s/>;]+)""", re.I)


def decode(data: bytes, name: str) -> str:
    from html5lib._inputstream import EncodingParser, lookupEncoding

    if data.startswith(codecs.BOM_UTF8):
        return reader.check_text(_decode(data[3:], "utf-8", "UTF-8", name, _BOM), name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return reader.check_text(_decode(data, "utf-16", "UTF-16", name, _BOM), name)
    reader.refuse_nul(data, name, "HTML pages")
    declared = EncodingParser(data[:1024]).getEncoding()
    if declared is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            label = _LABEL.search(data[:1024])
            said = (f"its charset {label.group(1).decode('ascii', 'replace')!r} is no encoding "
                    f"label a browser knows") if label else "no charset declared"
            raise InputError(
                f"{name}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}) and "
                f"{said}; add <meta charset=\"...\"> or save it as UTF-8") from None
        return reader.check_text(text, name)
    encoding = _DECLARED.get(declared.name, declared.name)
    if encoding != declared.name:
        declared = lookupEncoding(encoding)
    if encoding == "replacement":
        raise InputError(f"{name}: its charset ({_label(data, declared)}) is one the HTML standard "
                         f"has browsers refuse to decode; save the page as UTF-8")
    codec = _CODECS.get(encoding, declared.codec_info.name)
    return reader.check_text(_decode(data, codec, encoding, name), name)


# The HTML standard's prescan: a page cannot declare itself UTF-16 in bytes that are ASCII (it
# is read as UTF-8), and x-user-defined is read as windows-1252. Encodings whose decoder is
# another's: GBK's is gb18030's.
_DECLARED = {"utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": "windows-1252"}
_CODECS = {"gbk": "gb18030"}


def _label(data: bytes, declared) -> str:
    """The charset label the page wrote, for a message (its encoding's name when not found)."""
    import re

    from html5lib._inputstream import lookupEncoding

    for m in re.finditer(rb"charset\s*=\s*[\"']?\s*([-\w.:]+)", data[:1024], re.I):
        found = m.group(1).decode("ascii")
        if lookupEncoding(found) == declared:
            return f'"{found}"'
    return f'"{declared.name}"'


def _c1_table() -> dict[int, str]:
    """windows-1252 as the encoding standard defines it, from Latin-1: the bytes 0x80 to 0x9f
    are Python's cp1252 characters, and the five cp1252 leaves undefined are the C1 controls
    of the same number (as Latin-1 reads them)."""
    table = {}
    for b in range(0x80, 0xa0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            pass
    return table


_CP1252 = _c1_table()


_BOM = "byte-order mark"


def _decode(data: bytes, codec: str, encoding: str, name: str, by: str = "charset") -> str:
    if encoding == "windows-1252":
        return data.decode("latin-1").translate(_CP1252)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {encoding} as its {by} declares (byte "
                         f"0x{data[err.start]:02x} at offset {err.start})") from None


# html5lib compares each attribute of a tag with every one before it (duplicates are a parse
# error): a tag of a hundred thousand attributes would take hours. No page needs this many.
MAX_ATTRIBUTES = 256


def tokens(text: str, name: str = "page.html"):
    """(token, start, end) for every token of `text`, in order; end-of-file ends the list."""
    import re

    from html5lib._tokenizer import HTMLTokenizer
    from html5lib.constants import tokenTypes

    line_starts = [0]
    line_starts.extend(m.end() for m in re.finditer("\n", text))
    tokenizer = HTMLTokenizer(text)
    tokenizer.tokenQueue = deque()
    start_tag = tokenTypes["StartTag"]
    tags = (start_tag, tokenTypes["EndTag"])
    parse_error = tokenTypes["ParseError"]
    mark = 0
    out = []
    while tokenizer.state():
        line, col = tokenizer.stream.position()
        after = line_starts[line - 1] + col if line - 1 < len(line_starts) else len(text)
        tokenizer.stream.errors.clear()
        current = tokenizer.currentToken
        if current is not None and current["type"] in tags \
                and len(current["data"]) > MAX_ATTRIBUTES:
            raise InputError(f"{name}:{line}: a tag with more than {MAX_ATTRIBUTES} attributes; "
                             f"medlint reads pages with at most {MAX_ATTRIBUTES} on a tag")
        emitted = False
        while tokenizer.tokenQueue:
            token = tokenizer.tokenQueue.popleft()
            if token["type"] == parse_error:
                continue
            out.append((token, mark, after))
            emitted = True
            if token["type"] == start_tag and token["name"] in RAW_TEXT \
                    and not token.get("selfClosing"):
                tokenizer.state = getattr(tokenizer, RAW_TEXT[token["name"]])
        if emitted:
            mark = after
    return out
