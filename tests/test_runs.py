"""Expressions that open with a run of one character class (text/runs.py): the same matches as
the expression as written, in work that grows with the text, not with the square of a run."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.text.runs import RunSafe, guarded
from linter.text.terms import Terms

# Alternatives that open with a run, beside ones that do not, as data files write them.
EXPRESSIONS = [
    r"\S+\s*%",
    r"(?:\S+\s*(?:%|percent)|\b(?:most|half))(?!\w)[^.;]{0,20}?\b(?:are|were)\s+cured\b",
    r"\w+?\s+cured|cure\s+rates?",
    r"[(\[]*\d+%",
    r"(\w+)-(\w*)|x.*y",
    r"\b\w+ing",  # a boundary first: not guarded
    r"(\w+) \1",  # a back reference: not guarded
    r"a*",  # empty matches: finditer's own rules
]
ALPHABET = list("ab1% (-.[") + ["cured", " are ", "most ", "percent", "x", "y"]


def spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("pattern", EXPRESSIONS)
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(parts=st.lists(st.sampled_from(ALPHABET), max_size=120), cut=st.integers(0, 40),
       stop=st.integers(0, 40))
def test_the_same_matches_as_the_expression_as_written(pattern, parts, cut, stop):
    regex = re.compile(pattern, re.IGNORECASE)
    text = "".join(parts)
    pos, end = min(cut, len(text)), max(len(text) - stop, 0)
    safe = RunSafe(regex, long=0)  # guarded however short the text
    assert spans(safe.finditer(text, pos, end)) == spans(regex.finditer(text, pos, end))
    first, expected = safe.search(text, pos, end), regex.search(text, pos, end)
    assert (first and first.span()) == (expected and expected.span())


def test_only_a_run_that_opens_an_alternative_is_guarded():
    assert guarded(r"\S+%") is not None
    assert guarded(r"(?:most|\S+%)") is not None
    assert guarded(r"\b\w+ing") is None
    assert guarded(r"(\w+) \1") is None
    assert guarded(r"cure\s+rates?") is None


@pytest.mark.parametrize("char", ["(", "[", '"', "-", "'", "x", "."])
def test_a_long_run_is_searched_with_the_guarded_expression(char):
    # The guard is what makes a run cost one pass (the module's docstring; bench/hostile.py
    # times the shapes): a long stretch is searched with it, with the same matches.
    terms = Terms(("re:\\S+\\s*(?:%|percent)[^.;]{0,60}?\\bcured\\b",
                   "re:(?:\\w+\\s+)?cure\\s+rates?"))
    text = char * 80_000 + ". cure rate"
    assert [m.span() for m in terms.finditer(text)] == [(80_002, 80_011)]
    assert terms._safe._guarded is not None  # built on the first long stretch, and used
    plain = re.compile(terms.regex.pattern, re.IGNORECASE)
    short = char * 300 + ". cure rate"
    assert [m.span() for m in terms._safe.finditer(short, 0, len(short))] == \
        [m.span() for m in plain.finditer(short)]
