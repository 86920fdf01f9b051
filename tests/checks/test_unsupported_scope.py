"""Where an unsupported-claim finding stops: claims the text refutes, figures the reference
gives or the text restates, sources named just before. Whole finding lists of the scored
categories, positions included, for the claims and for their look-alikes."""
import pytest

NOTICE = "\n\n*For information only; it does not replace advice from your child's care team.*\n"
SCORED = ("overclaiming", "unsupported-claim", "wrong-statistic")
CITED = "A randomized trial tested this (Okafor et al., Blood 2022)."
TIED = ("In AALL0031, 70% of the children on imatinib plus chemotherapy were free of leukemia five "
        "years later. The groups were small. Kids who had a transplant from a sister or brother did "
        "about as well, ")
CAUSAL = "Giving the vaccine before treatment lowers the risk of relapse in children."


def found(lint, text):
    result = lint(text + NOTICE)
    return [(f.rule, *result.result.document.position(f.start), f.found) for f in result.findings
            if f.category in SCORED]


@pytest.mark.parametrize("text, expected", [
    # A statement the writer labels a myth is denied, not claimed ...
    ("### Myth: Blinatumomab is a once-a-day pill.\n\n**Fact:** It is a continuous infusion.", []),
    ("It is a common myth that CAR T cells are made from a healthy donor's white blood cells.", []),
    # ... but the same claim stated as the fact that answers a myth is flagged.
    ("### Myth: Infusions are hard on children.\n\n**Fact:** Blinatumomab is a once-a-day pill.",
     [("CLAIM003", 3, 40, "pill")]),
    # The reference gives the figure for the terms stated, though another clause lends a measure;
    ("Relapse is what families fear most, and about half of relapses are in children classed "
     "as standard risk at diagnosis.", []),
    # a figure it does not give, in the same frame, is still unsupported.
    ("Relapse is what families fear most, and about 70% of relapses are in children who "
     "eat a lot of sugar.", [("CLAIM002", 1, 41, "about 70%")]),
    # The sentence before, in the same paragraph, names the study: the claim has its source;
    (CITED + " " + CAUSAL, []),
    # named in another paragraph, or not named at all, the claim stands alone.
    (CITED + "\n\n" + CAUSAL, [("CLAIM004", 3, 37, "lowers the risk of relapse")]),
    ("Families often ask about vaccines. " + CAUSAL, [("CLAIM004", 1, 72, "lowers the risk of relapse")]),
    # An agency named with what it published is a source; its name for a risk group is not.
    ("The CDC data put the share of children who miss a vaccine dose during treatment at 30%.", []),
    ("The NCI summary puts the share of children who miss a vaccine dose at 30%.", []),
    ("About 30% of NCI standard-risk children who miss a vaccine dose need a second course.",
     [("CLAIM002", 1, 1, "About 30%")]),
    # The rest of a share just stated restates it; stated alone, it needs a source.
    ("About 90% of children with ALL survive five years. Of the 10% who do not survive, most die "
     "of the leukemia.", []),
    ("Of the 10% of children with ALL who do not survive five years, most die of the leukemia.",
     [("CLAIM002", 1, 8, "10%")]),
    # The start of a trend whose present value the reference supports is part of that claim;
    # beside a present value the reference faults, it is still an uncited figure.
    ("Five-year survival for children with ALL rose to about 90 percent from 75 percent over "
     "two decades.", []),
    ("Five-year survival for children with ALL rose to about 60 percent from 75 percent over "
     "two decades.", [("STAT001", 1, 50, "about 60 percent"), ("CLAIM002", 1, 72, "75 percent")]),
    # A study's figures restated with the study named again are the claims tied before; a
    # figure it does not give, or one restated with nothing naming the study, needs a source.
    (TIED + "65 percent versus 70 percent for the imatinib group.", []),
    (TIED + "85 percent versus 70 percent for the imatinib group.", [("CLAIM002", 1, 197, "85 percent")]),
    (TIED + "65 percent versus 70 percent.", [("CLAIM002", 1, 197, "65 percent")]),
    # A claim in words of certainty is an overclaim, reported once as one; a claim the
    # reference contradicts in plain words is an unsupported claim.
    ("A stem cell transplant guarantees a cure after an early relapse.",
     [("OVER002", 1, 24, "guarantees a cure after an early relapse"), ("OVER001", 1, 37, "cure")]),
    ("Induction is a single drug given for a week.", [("CLAIM003", 1, 11, "is a single drug")]),
    # A subtype named the way writers name it ("the B-cell kind", "the type B") is the fact's.
    ("ALL is common in kids, and most kids with it (about 85 in every 100) have the B-cell kind.", []),
    ("More or less 85 % of the cases are of the type B.", []),
    ("More or less 60 % of the cases are of the type B.", [("STAT001", 1, 14, "60 %")]),
    ("Of the cases of Haemophilus influenzae type B, 5% were in infants.", [("CLAIM002", 1, 48, "5%")]),
])
def test_unsupported_claim_scope(lint, text, expected):
    assert found(lint, text) == expected
