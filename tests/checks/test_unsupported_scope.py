"""Where an unsupported-claim finding stops: claims the text refutes, figures the reference
gives, sources named just before. Whole finding lists of the four scored categories."""
import pytest

NOTICE = "\n\n*For information only; it does not replace advice from your child's care team.*\n"
SCORED = ("overclaiming", "unsupported-claim", "wrong-statistic")


def found(lint, text):
    result = lint(text + NOTICE)
    return [(f.rule, *result.result.document.position(f.start), f.found) for f in result.findings
            if f.category in SCORED]


@pytest.mark.parametrize("text, expected", [
    # A statement the writer labels a myth is denied, not claimed ...
    ("### Myth: Blinatumomab is a once-a-day pill.\n\n**Fact:** It is a continuous infusion.", []),
    ("It is a common myth that CAR T cells are made from a healthy donor's white blood cells.", []),
    # ... but the same claim stated as fact, or as the "fact" that answers a myth, is flagged.
    ("### Myth: Infusions are hard on children.\n\n**Fact:** Blinatumomab is a once-a-day pill.",
     [("CLAIM003", 3, 40, "pill")]),
])
def test_myths_are_not_claims(lint, text, expected):
    assert found(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # The reference gives the figure for the terms stated, though another clause lends a measure.
    ("Relapse is what families fear most, and about half of relapses are in children classed "
     "as standard risk at diagnosis.", []),
    # A figure the reference does not give, in the same frame, is still unsupported.
    ("Relapse is what families fear most, and about 70% of relapses are in children who "
     "eat a lot of sugar.", [("CLAIM002", 1, 41, "about 70%")]),
])
def test_figures_the_reference_gives(lint, text, expected):
    assert found(lint, text) == expected


CAUSAL = "Giving the vaccine before treatment lowers the risk of relapse in children."


@pytest.mark.parametrize("before, sep, expected", [
    # The sentence before, in the same paragraph, names the study: the claim has its source.
    ("A randomized trial tested this (Okafor et al., Blood 2022).", " ", []),
    # Named in another paragraph, or not named at all: the claim stands alone.
    ("A randomized trial tested this (Okafor et al., Blood 2022).", "\n\n",
     [("CLAIM004", 3, 37, "lowers the risk of relapse")]),
    ("Families often ask about vaccines.", " ",
     [("CLAIM004", 1, 72, "lowers the risk of relapse")]),
])
def test_a_source_named_just_before(lint, before, sep, expected):
    assert found(lint, before + sep + CAUSAL) == expected


@pytest.mark.parametrize("text, expected", [
    # An agency named with what it published is a source ...
    ("The CDC data put the share of children who miss a vaccine dose during treatment at 30%.", []),
    ("The NCI summary puts the share of children who miss a vaccine dose at 30%.", []),
    # ... an agency's name used for a risk group is not.
    ("About 30% of NCI standard-risk children who miss a vaccine dose need a second course.",
     [("CLAIM002", 1, 1, "About 30%")]),
])
def test_an_agency_and_what_it_published(lint, text, expected):
    assert found(lint, text) == expected
