"""The shape of raw expressions: the quick textual test (`plain`) never hides a shape that
parsing finds, and the verdicts on shapes are unchanged by it."""
import re

import pytest

from linter.knowledge.load import _term_lists, load, shipped
from linter.text.patterns import _shape, nested_repeat, plain, risky
from linter.text.terms import expand

CASES = [
    # pattern, plain, nested_repeat, risky
    ("(a+)+$", False, True, True),
    ("(a|aa)+", False, False, True),
    (r"(\w+\s*)*", False, True, True),
    (r"(a)\1", False, False, True),
    ("(?P<x>a)(?P=x)", False, False, True),
    ("(?x)(a+) +", False, True, True),  # verbose: the quantifier stands apart
    ("(a+)(?#note)+", False, True, True),
    ("(a){2,200}", False, False, False),
    ("(?:a|b)*", False, False, False),
    ("((a)?)+", False, False, False),
    ("[(]a)", False, False, True),  # does not parse
    ("[]a", False, False, True),
    ("a)|(b", False, False, True),
    ("abc\\", False, False, True),
    ("[^]]+", True, False, False),
    (r"\(a+\)+", True, False, False),
    (r"[\1]+", True, False, False),  # an octal escape in a class, not a back reference
    (r"\b(?:cures?|heals?)\s+(?:\w+\s+)?(?:cancer|leuk(?:a)?emia)\b", True, False, False),
    (r"\d+(?:\.\d+)?\s*%", True, False, False),
]


@pytest.mark.parametrize("pattern, is_plain, nested, needs_limit", CASES)
def test_shape_verdicts(pattern, is_plain, nested, needs_limit):
    assert (plain(pattern), nested_repeat(pattern), risky(pattern)) == (is_plain, nested, needs_limit)


def _shipped_expressions() -> set:
    k = load([shipped("reference"), shipped("rules")])
    found = set()
    for obj in (k.facts, k.rules, k.modifiers, k.measures, k.frame_modifiers, k.vocabulary):
        for terms in _term_lists(obj):
            found.update(t[3:] for t in expand(terms, k.vocabulary) if t.startswith("re:"))
    return found


def test_a_plain_expression_that_parses_has_no_shape():
    expressions = _shipped_expressions() | {p for p, *_ in CASES}
    hidden = []
    for pattern in sorted(expressions):
        try:
            re.compile(pattern)
        except re.error:
            continue
        if plain(pattern) and _shape(pattern) is not None:
            hidden.append(pattern)
    assert hidden == []


@pytest.mark.parametrize("terms, limited", [
    (("re:\\bcure[sd]?\\b", "re:(?:miracle|wonder)\\s+drugs?"), False),
    (("re:\\bcure[sd]?\\b", "re:(a|aa)+b"), True),  # one risky expression: all run limited
    (("re:(a)\\1",), True),
])
def test_a_risky_expression_runs_under_the_time_limit(terms, limited):
    from linter.text.terms import Terms

    matcher = Terms(terms)
    assert (isinstance(matcher.regex, re.Pattern), matcher.search("a cured aab") is not None) \
        == (not limited, True)
