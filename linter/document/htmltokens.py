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
from collections import deque

from linter.errors import InputError

RAW_TEXT = {"script": "scriptDataState", "style": "rawtextState", "xmp": "rawtextState",
            "iframe": "rawtextState", "noembed": "rawtextState", "noframes": "rawtextState",
            "noscript": "rawtextState", "textarea": "rcdataState", "title": "rcdataState",
            "plaintext": "plaintextState"}


def decode(data: bytes, name: str) -> str:
    from html5lib._inputstream import EncodingParser

    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16", name)
    else:
        declared = EncodingParser(data[:1024]).getEncoding()
        if declared is not None:
            text = _decode(data, declared.codec_info.name, name)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{name}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}) and "
                    f"no charset declared; add <meta charset=\"...\"> or save it as UTF-8") from None
    if not text.strip():
        raise InputError(f"{name}: file is empty; nothing to check")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {codec} as its charset declares (byte "
                         f"0x{data[err.start]:02x} at offset {err.start})") from None


def tokens(text: str):
    """(token, start, end) for every token of `text`, in order; end-of-file ends the list."""
    from html5lib._tokenizer import HTMLTokenizer
    from html5lib.constants import tokenTypes

    line_starts = [0]
    line_starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    tokenizer = HTMLTokenizer(text)
    tokenizer.tokenQueue = deque()
    start_tag = tokenTypes["StartTag"]
    parse_error = tokenTypes["ParseError"]
    mark = 0
    out = []
    while tokenizer.state():
        line, col = tokenizer.stream.position()
        after = line_starts[line - 1] + col if line - 1 < len(line_starts) else len(text)
        tokenizer.stream.errors.clear()
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
