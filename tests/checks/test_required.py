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
