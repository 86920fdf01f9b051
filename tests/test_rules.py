"""Overclaiming, unsupported-claim and disclaimer checks beyond the rules' own examples:
hedging, negation, quotation, questions, citations and audiences."""
import pytest


def cats(result, category):
    return [f.rule for f in result.findings if f.category == category]


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
    assert cats(lint(text + "\n"), "overclaiming") == []


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
    assert cats(result, "overclaiming") == [] and cats(result, "unsupported-claim") == []


@pytest.mark.parametrize("text", [
    "Studies show that adherence matters (Bhatia et al., J Clin Oncol 2012).",
    "Research shows this [2].",
    "Research shows this, according to the American Cancer Society.",
    "Studies show it works: https://example.org/study.",
    "In AALL0031, five-year DFS was 70% (Schultz et al., Leukemia 2014). The study found no clear advantage for transplant.",
])
def test_cited_claims_stay_quiet(lint, text):
    assert "CLAIM001" not in cats(lint(text + "\n"), "unsupported-claim")


def test_contradiction_reports_what_the_evidence_says(lint):
    result = lint("Blinatumomab is a once-a-day pill you can take at home.\n")
    f, line, col = result.at("CLAIM003")
    assert (line, col) == (1, 30)
    assert f.fact == "blinatumomab-continuous-infusion" and "continuous" in f.message and f.sources


def test_contradiction_resolves_a_pronoun_from_earlier_text(lint):
    result = lint("""\
        Blinatumomab is an immunotherapy.

        It's a once-a-day pill you can take at home.
        """)
    assert "CLAIM003" in result.codes()


def test_contradiction_order_matters(lint):
    assert "CLAIM003" not in lint("B-cell ALL tends to relapse less often than T-cell ALL.\n").codes()
    assert "CLAIM003" in lint("T-cell ALL tends to relapse less often than B-cell ALL.\n").codes()


def test_uncited_statistic_and_background(lint):
    assert "CLAIM002" in lint("Hospitals saw relapses drop 80% in the first year.\n").codes()
    assert cats(lint("Leukemia is a cancer of the blood.\n"), "unsupported-claim") == []


DISCLAIMED = "\n\n*This article is for general information only and does not replace advice from your child's doctor or care team.*\n"


def test_disclaimers_document_level_at_line_1(lint):
    result = lint("# CAR-T\n\nCAR-T offers new hope and improves survival.\n")
    for code in ("DISC001", "DISC002"):
        f, line, col = result.at(code)
        assert (line, col) == (1, 1) and f.category == "missing-disclaimer"


def test_disclaimer_phrasings_accepted(lint):
    for text in (
        "Not medical advice. Talk to your care team.",
        "This is for informational purposes only; please talk to your child's doctor.",
        "Nothing here is a substitute for advice from your child's oncologist.",
    ):
        assert "DISC001" not in lint("# Leukemia\n\n" + text + "\n").codes(), text


def test_clinician_audience_accepts_professional_notice(lint):
    body = "# Reference\n\nBlinatumomab: boxed warning for CRS.\n\n*Verify against the full protocols; clinical judgment applies.*\n"
    assert "DISC001" in lint(body).codes()
    assert "DISC001" not in lint("---\naudience: clinician\n---\n" + body).codes()


def test_fair_balance_denial_does_not_count(lint):
    result = lint("# Blina\n\nBlinatumomab improves survival.\n\nSide effects? Basically none.\n" + DISCLAIMED)
    assert "DISC002" in result.codes()
    result = lint("# Blina\n\nBlinatumomab improves survival. It can cause cytokine release syndrome.\n" + DISCLAIMED)
    assert "DISC002" not in result.codes()


def test_benchmarks_off_by_default_on_in_strict(ctx, lint):
    assert not any(c.startswith("JAMA") for c in lint("# Leukemia\n\nText." + DISCLAIMED).codes())
    from linter.config import load
    from linter.engine import build_context, lint_text

    cfg = load(None)
    cfg.values["preset"] = "strict"
    strict = build_context(cfg)
    codes = [f.rule for f in lint_text("# Leukemia\n\nText." + DISCLAIMED, "d.md", strict).findings]
    assert {"JAMA001", "JAMA002", "JAMA003"} <= set(codes)


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


@pytest.mark.parametrize("notice", [
    "This content is not intended to be a substitute for professional medical advice, diagnosis, or treatment.",
    "The information in this article is educational and should not be used in place of a consultation with your child's doctor.",
    "Nothing on this site constitutes medical advice; please consult your care team.",
    "Please note: this guide cannot replace the advice of your child's medical team.",
    "Disclaimer: informational only, not a substitute for your doctor's advice.",
])
def test_more_disclaimer_phrasings(lint, notice):
    assert "DISC001" not in lint("# Guide\n\nLeukemia is a blood cancer.\n\n" + notice + "\n").codes()


@pytest.mark.parametrize("text", [
    "The goal of treatment is to cure the leukemia.",
    "Curative treatment is intensive.",
    "Treatment aims to cure the disease while limiting side effects.",
])
def test_cure_as_an_aim_stays_quiet(lint, text):
    assert "OVER001" not in lint(text + NOTICE).codes()


def test_fair_balance_needs_a_treatment_presented_for_its_benefits(lint):
    passing = ("# Relapse\n\nAbout 15-20% of children relapse; survival after late relapse is better.\n\n"
               "Options include chemotherapy, blinatumomab and CAR-T.\n" + DISCLAIMED)
    assert "DISC002" not in lint(passing).codes()
    presented = "# Blina\n\nBlinatumomab improved survival in the trial.\n" + DISCLAIMED
    assert "DISC002" in lint(presented).codes()
