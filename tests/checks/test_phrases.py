"""Phrase rules (overclaiming) beyond the rules' own examples: hedging, negation, quotation,
questions, reference lists; and wordings of every kind that must be flagged or stay quiet."""
import pytest


@pytest.mark.parametrize("text", [
    "Blinatumomab may lower the risk of relapse.",
    "Blinatumomab is not a cure.",
    "No treatment is guaranteed to prevent relapse.",
    "Blinatumomab does not cure leukemia on its own.",
    "The infant cure rate has lagged behind.",
    "It reached complete remission in most children.",
    "Could CAR-T be a breakthrough for some children?",
    "## Is it a cure?",
    "> \"It was a miracle,\" said one mother.",
    'Her oncologist said it was "a home run" for the study.',
    "Further reading: [Breakthrough study changes care](https://example.org/post).",
])
def test_hedged_negated_quoted_and_questions_stay_quiet(lint, text):
    assert lint(text + "\n").of_category("overclaiming") == []


@pytest.mark.parametrize("text, code", [
    ("Blinatumomab cures leukemia.", "OVER001"),
    ("This treatment guarantees results.", "OVER002"),
    ("It has no side effects at all.", "OVER003"),
    ("A true game-changer for families.", "OVER004"),
    ("It works for all children with leukemia.", "OVER005"),
])
def test_overclaims_flagged_with_position(lint, text, code):
    result = lint(text + "\n")
    f, line, col = result.at(code)
    assert line == 1 and text[col - 1:].lower().startswith(f.found.lower().split()[0])


def test_reference_list_titles_stay_quiet(lint):
    result = lint("""\
        Text about leukemia.

        ## Sources

        1. CAR T cells better than BiTEs. Blood Adv. 2021;5(2):602.
        2. A breakthrough in care, a cure for some.
        """)
    assert result.of_category("overclaiming") == [] and result.of_category("unsupported-claim") == []


NOTICE = "\n\n*For information only; this does not replace advice from your doctor. Side effects include fever.*\n"

# One sentence each, in wordings the rules' own examples do not use.
MORE_FLAGS = [
    ("CAR-T always succeeds.", "OVER002"),
    ("Treatment with blinatumomab is 100% effective.", "OVER002"),
    ("This drug is a true lifesaver.", "OVER004"),
    ("The new therapy is totally harmless.", "OVER003"),
    ("Blinatumomab kills leukemia without harming healthy cells.", "OVER003"),
    ("T-ALL is the most common type of childhood ALL.", "CLAIM003"),
    ("Blinatumomab is taken as a daily pill.", "CLAIM003"),
    ("Doctors agree that CAR-T is the best option.", "CLAIM001"),
    ("In AALL1731, blinatumomab increased 3-year overall survival to 96%.", "STAT002"),
    ("In AALL1731, 3-year DFS with chemotherapy alone was 96%, versus 87.9% with blinatumomab.", "STAT005"),
    ("Prevalent cases of ALL in children aged 0-5 fell by 59% between 1990 and 2021.", "STAT005"),
    ("ALL deaths in children aged 0-5 fell by 67% between 1995 and 2021.", "STAT003"),
    ("Blinatumomab lowered the risk of relapse or death by 61 percentage points.", "STAT006"),
    ("In the infant study, 2-year overall survival was 93% for older children too.", "STAT004"),
    ("The trial of 30 infants proves blinatumomab is safer than chemotherapy.", "OVER007"),
    ("Severe CRS occurred in 3% of children given blinatumomab in AALL1731.", "STAT001"),
    ("In ELIANA, 3-year event-free survival was 63%.", "STAT001"),
    ("Imatinib cures children with Ph-positive ALL.", "OVER001"),
    ("Research proves that sugar causes relapse.", "CLAIM001"),
]
MORE_QUIET = [
    "Blinatumomab may help some children.",
    "In AALL1731, 3-year DFS was 96% with blinatumomab vs 87.9% with chemotherapy alone (Gupta et al., NEJM 2025).",
    "Around 15-20% of children relapse, and most relapses respond to treatment.",
    "The cure rate for childhood ALL is high in wealthy countries.",
    "Complete remission is reached by most children after induction.",
    "There is no guarantee that any treatment will work.",
    "Some families call it a miracle; doctors prefer to talk about results.",
    "CAR-T is not a cure for everyone, and side effects can be serious.",
    "The dose of imatinib in AALL0031 was 340 mg/m2 per day.",
    "Each cycle of blinatumomab lasts four weeks.",
    "The 5 kids in our support group all had different treatments.",
    "Our daughter was diagnosed at age 4 in 2023.",
    "Step 3: call the clinic if the pump alarms.",
    "ELIANA infused 79 patients aged 3 to 24.",
    "Relapse timing is measured from diagnosis, not from the end of treatment.",
]


@pytest.mark.parametrize("text, code", MORE_FLAGS, ids=[c + ":" + t[:40] for t, c in MORE_FLAGS])
def test_more_wordings_flagged(lint, text, code):
    assert code in lint(text + NOTICE).codes()


@pytest.mark.parametrize("text", MORE_QUIET, ids=[t[:50] for t in MORE_QUIET])
def test_more_wordings_quiet(lint, text):
    assert lint(text + NOTICE).codes() == []


@pytest.mark.parametrize("text", [
    "The goal of treatment is to cure the leukemia.",
    "Curative treatment is intensive.",
    "Treatment aims to cure the disease while limiting side effects.",
])
def test_cure_as_an_aim_stays_quiet(lint, text):
    assert "OVER001" not in lint(text + NOTICE).codes()
