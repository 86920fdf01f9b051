"""Required elements (disclaimers) beyond the rules' own examples: phrasings, audiences, fair
balance."""
import pytest
from conftest import DISCLAIMED


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


@pytest.mark.parametrize("notice", [
    "This content is not intended to be a substitute for professional medical advice, diagnosis, or treatment.",
    "The information in this article is educational and should not be used in place of a consultation with your child's doctor.",
    "Nothing on this site constitutes medical advice; please consult your care team.",
    "Please note: this guide cannot replace the advice of your child's medical team.",
    "Disclaimer: informational only, not a substitute for your doctor's advice.",
])
def test_more_disclaimer_phrasings(lint, notice):
    assert "DISC001" not in lint("# Guide\n\nLeukemia is a blood cancer.\n\n" + notice + "\n").codes()


def test_fair_balance_needs_a_treatment_presented_for_its_benefits(lint):
    passing = ("# Relapse\n\nAbout 15-20% of children relapse; survival after late relapse is better.\n\n"
               "Options include chemotherapy, blinatumomab and CAR-T.\n" + DISCLAIMED)
    assert "DISC002" not in lint(passing).codes()
    presented = "# Blina\n\nBlinatumomab improved survival in the trial.\n" + DISCLAIMED
    assert "DISC002" in lint(presented).codes()


def _found(linted):
    return [(f.rule, *linted.result.document.position(f.start)) for f in linted.findings]


_BODY = "# Leukemia\n\nLeukemia is a cancer of the blood.\n\n"
_MISSING = [("DISC001", 1, 1)]


@pytest.mark.parametrize("notice", [
    # a statement that the page informs, with a pointer to the reader's own team in the paragraph
    "This leaflet is for general information. Your child's care team will talk with you about the plan.",
    "Written for general information. Talk to your child's oncology team about treatment.",
    "These pages are provided for educational purposes. Check with your GP if you are worried.",
    "This page is for information. Ask your child\u2019s doctor about your child\u2019s own risk.",
    "I'm a dad, not a doctor \u2014 ask your own team.",
    # a plain statement that it is not medical advice
    "We don't give medical advice. Please speak with your child's doctor.",
    "Our charity does not provide medical advice.",
])
def test_notice_in_plain_wordings(lint, notice):
    assert _found(lint(_BODY + notice + "\n")) == []


@pytest.mark.parametrize("text", [
    # a pointer to the doctor alone, or "information" alone, is not a notice
    "For more information, ask your doctor.",
    "For information about side effects, talk to your care team.",
    "For general information about ALL, talk to your doctor.",
    "Ask your child's doctor about side effects.",
    "Your care team will talk with you about treatment.",
    "This page is for general information.",
    "Our doctors can give medical advice at the clinic.",
    # the two halves in different paragraphs
    "This page is for general information.\n\nAsk your child's doctor about side effects.",
])
def test_notice_look_alikes_still_missing(lint, text):
    assert _found(lint(_BODY + text + "\n")) == _MISSING


@pytest.mark.parametrize("text", [
    "This trial studies how well blinatumomab works with chemotherapy.",
    "The trial is testing whether CAR-T improves survival after relapse.",
    "The study will compare how well imatinib works at two doses.",
])
def test_benefit_asked_by_a_study_is_not_presented(lint, text):
    assert _found(lint("# A trial\n\n" + text + "\n" + DISCLAIMED)) == []


@pytest.mark.parametrize("text", [
    "We have seen how well blinatumomab works.",
    "The trial studies blinatumomab, which improves survival.",
    "Blinatumomab may improve survival.",  # a hedged benefit is still a benefit presented
    "This trial studies how well blinatumomab works. It improves survival.",
])
def test_benefit_stated_as_a_result_needs_its_risks(lint, text):
    assert _found(lint("# A trial\n\n" + text + "\n" + DISCLAIMED)) == [("DISC002", 1, 1)]
