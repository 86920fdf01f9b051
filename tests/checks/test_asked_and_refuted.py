"""A question asks and states nothing, and a claim reported as a myth is not the text's own:
neither is checked, while the same words stated as a sentence are."""
import pytest

NOTICE = ("\n\nThis page is for general information only. It does not replace advice from your "
          "child's doctor or care team. Side effects include cytokine release syndrome.\n")

# (the statement, its findings as (code, line, column); the same words asked)
PAIRS = [
    ("In AALL1731, 96% of children survived overall.", [("STAT002", 1, 14)],
     "In AALL1731, did 96% of children survive overall?"),
    ("Blinatumomab is a daily pill.", [("CLAIM003", 1, 25)],
     "Is blinatumomab a daily pill?"),
    ("It is true that blinatumomab is a daily pill.", [("CLAIM003", 1, 41)],
     "Is it true that blinatumomab is a daily pill?"),
    ("My child will be among the 98% who survive.", [("CLAIM002", 1, 28)],
     "Will my child be among the 98% who survive?"),
]


def found(lint, text):
    result = lint(text + NOTICE)
    return [(f.rule, *result.result.document.position(f.start)) for f in result.findings]


@pytest.mark.parametrize("stated, expected, asked", PAIRS, ids=[p[2][:40] for p in PAIRS])
def test_a_statement_is_checked_and_the_same_words_asked_are_not(lint, stated, expected, asked):
    assert found(lint, stated) == expected
    assert found(lint, asked) == []


@pytest.mark.parametrize("text, expected", [
    # a rhetorical question states what follows it: checked like a statement
    ("Did you know that in AALL1731, 96% of children survived overall?", [("STAT002", 1, 32)]),
    ("Have you heard that blinatumomab is a daily pill?", [("CLAIM003", 1, 45)]),
    ("Did you know blinatumomab is a miracle?", [("OVER004", 1, 32)]),
    # a plain question with the same words still asks
    ("Is blinatumomab a miracle?", []),
])
def test_a_rhetorical_question_states_its_claim(lint, text, expected):
    assert found(lint, text) == expected


def test_the_answer_after_a_question_is_still_checked(lint):
    text = "Did 96% of children in AALL1731 survive overall? In AALL1731, 96% of children survived overall."
    assert found(lint, text) == [("STAT002", 1, 63)]


def test_a_table_row_ending_in_a_question_mark_is_a_row(lint):
    text = ("## Frontline blinatumomab: COG AALL1731\n\n"
            "| Endpoint (AALL1731) | Blina + chemo | Chemo alone | Checked? |\n|---|---|---|---|\n"
            "| 5-yr DFS, all randomized | 96.0% | 87.9% | yes? |")
    assert found(lint, text) == [("STAT003", 5, 30)]


# A contradicted claim reported as others' belief or a myth is not the text's own; the same claim
# stated, or attributed to an authority, still is.
REPORTED = [
    ("Some websites say CAR-T is made from donor cells; in fact it uses the child's own T cells.", []),
    ("Blinatumomab is a daily pill, some websites say.", []),
    ("It's a myth that blinatumomab is a daily pill.", []),
    ("Many parents believe blinatumomab is a daily pill, but it is an infusion.", []),
    ("CAR-T is made from donor cells.", [("CLAIM003", 1, 10)]),
    ("Doctors say blinatumomab is a daily pill.", [("CLAIM003", 1, 37)]),
    ("Some websites say it is an infusion. Blinatumomab is a daily pill.", [("CLAIM003", 1, 62)]),
]


@pytest.mark.parametrize("text, expected", REPORTED, ids=[r[0][:40] for r in REPORTED])
def test_a_claim_reported_as_a_myth_is_not_the_texts_own(lint, text, expected):
    assert found(lint, text) == expected
