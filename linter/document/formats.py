"""Which reader a draft needs, by its file name: Word and HTML readers load only when used."""
from __future__ import annotations

import os

from linter.document import reader
from linter.document.markdown import Document, parse

WORD_SUFFIXES = (".docx", ".docm", ".doc")  # .doc: to say it needs saving as .docx
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def kind(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in WORD_SUFFIXES:
        return "word"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def load(path: str, max_bytes: int) -> Document:
    """The document model of a draft on disk, or an InputError."""
    found = kind(path)
    if found == "word":
        from linter.document import word

        return word.read(path, max_bytes)
    if found == "html":
        from linter.document import webpage

        return webpage.read(path, max_bytes)
    return parse(reader.read_path(path, max_bytes), path)
