"""The `re` parser is imported in one place, and the tree questions asked there answer as the
parser's own trees say."""
import re
from pathlib import Path

import linter
from linter.text import parsetree


def test_only_parsetree_imports_the_parser():
    root = Path(linter.__file__).parent
    importing = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                       if re.search(r"\bimport (?:_constants|_parser|sre_constants|sre_parse)\b",
                                    p.read_text(encoding="utf-8")))
    assert importing == ["text/parsetree.py"]


def test_opens_with_boundary():
    # the parser gives a group that captures nothing as its items: "(?:\bbut)" opens with one
    asked = [r"\bbut\b", r"(?:\bbut)", r"\Bbut", r"but\b", r"\b(?:a|b)", r"\bx|y", "", r"\b("]
    assert [parsetree.opens_with_boundary(p, re.I) for p in asked] == [
        True, True, False, False, True, False, False, None]
