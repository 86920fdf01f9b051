"""Composed overclaims and evidence-aware unsupported claims: whole finding lists, positions
included, for claims and for the look-alikes that must stay quiet."""
import pytest

NOTICE = "\n\n*For information only; it does not replace advice from your child's care team.*\n"


def found(lint, text):
    result = lint(text + NOTICE)
    return [(f.rule, *result.result.document.position(f.start), f.found) for f in result.findings
            if f.category in ("overclaiming", "unsupported-claim")]


@pytest.mark.parametrize("text, expected", [
    ("Once you finish there are zero long-term side effects.",
     [("OVER003", 1, 27, "zero long-term side effects")]),
    ("This extra treatment ensures that the leukemia will not come back.",
     [("OVER002", 1, 22, "ensures that the leukemia")]),
    ("Imatinib wipes out the Philadelphia chromosome for good.",
     [("OVER002", 1, 10, "wipes out the Philadelphia chromosome")]),
    ("The drug works for every form of childhood leukemia.",
     [("OVER005", 1, 10, "works for every form")]),
    ("It is much gentler on babies than the chemotherapy.",
     [("CLAIM006", 1, 12, "gentler on babies than"), ("OVER008", 1, 12, "gentler on babies than")]),
    ("Adding the drug drastically enhances survival rates.",
     [("OVER004", 1, 17, "drastically enhances")]),
    ("A new study suggests that coffee cures leukemia.", [("OVER001", 1, 34, "cures leukemia")]),
    ("Children who drink green tea relapse less, according to studies.",
     [("CLAIM001", 1, 44, "according to studies")]),
])
def test_claims_flagged(lint, text, expected):
    assert found(lint, text) == expected


@pytest.mark.parametrize("text", [
    "It is not a cure, a rash or a miracle.",
    "Breakthrough febrile neutropenia occurred on prophylaxis.",
    "The tumour was removed by curative resection.",
    "Doctors were hopeful it could cure her.",
    "About 90 percent of children with this leukemia are now cured.",
    "It works, but not for every child.",
    "CAR-T cells find and kill leukemia cells.",
    "Doctors say the first weeks are the hardest.",
    "We enrolled 118 of a planned 150 children (79%) across three sites.",
    "Some children need immunoglobulin infusions to help prevent infections.",
    "In the randomized trial, fewer infections occurred than with chemotherapy alone (Smith et al., J Clin Oncol 2020).",
])
def test_look_alikes_stay_quiet(lint, text):
    assert found(lint, text) == []
