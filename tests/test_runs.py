"""Expressions that open with a run of one character class (text/runs.py): the same matches as
the expression as written, in work that grows with the text, not with the square of a run."""
import re
import time

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


def _cpu(terms: Terms, text: str) -> float:
    best = None
    for _ in range(3):
        terms._memo.clear()
        terms._long.clear()
        start = time.process_time()
        list(terms.finditer(text))
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return best


@pytest.mark.parametrize("char", ["(", "[", '"', "-", "'", "x", "."])
def test_a_run_of_one_character_costs_work_linear_in_its_length(char):
    terms = Terms(("re:\\S+\\s*(?:%|percent)[^.;]{0,60}?\\bcured\\b",
                   "re:(?:\\w+\\s+)?cure\\s+rates?"))
    small, large = (char * n + ". cure rate" for n in (20_000, 80_000))
    assert [m.span() for m in terms.finditer(large)] == [(80_002, 80_011)]
    # Four times the run: about four times the work (sixteen times before the guard).
    assert _cpu(terms, large) < 8 * max(_cpu(terms, small), 1e-4)
