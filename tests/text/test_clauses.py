"""Clause separators (linter.text.clauses): the pattern written to start with one class of
characters finds what the plain alternation finds."""
import glob
import re
from pathlib import Path

from linter.text import clauses

PLAIN = re.compile(r"[;:]|,(?!\d{3})|\s(?:and|but|while|whereas)\s|\s[-–—]\s"
                   r"|(?<=[a-z%)\]])\.(?:\[\d+\])?\s+(?=[A-Z])")
TEXTS = [
    "Survival was 96% vs 87.9%; relapse 4%: rare, and 1,440 children, but not all - while "
    "others \u2014 whereas some \u2013 did.[5] Side effects of patients.[12]  Most; (n=30). Then",
    "a.b A.B x%. Y z). W ]. Q 3. R and\tand\nbut\u00a0but while,000 ,12 ,1234 1,000,000 \u2013x",
    "Trial: AALL1731 enrolled 1,440; it was.[3]Next and . And but.",
]


def _texts():
    yield from TEXTS
    for path in glob.glob(str(Path(__file__).parents[1] / "fixtures" / "*.md")):
        yield Path(path).read_text(encoding="utf-8")


def test_separators_are_the_plain_alternations_matches():
    seen = 0
    for text in _texts():
        for lo in range(0, len(text), max(1, len(text) // 40)):
            want = [m.span() for m in PLAIN.finditer(text, lo)]
            assert [m.span() for m in clauses._SEPARATORS.finditer(text, lo)] == want
            seen += len(want)
    assert seen > 100


def test_clause_bounds_read_the_separators():
    text = TEXTS[0]
    a = text.index("1,440")
    assert clauses.clause_bounds(text, 0, len(text), a, a + 5) == (text.index(" and 1,440") + 5,
                                                                  text.index(", but"))
