"""Claim frames: a number is judged against a fact only when its words state that fact.

Each case is a snippet and the whole list of wrong-statistic findings (line, code) it must give."""
import pytest

CASES = [
    # The measure decides: a planned enrolment, another study's size, a row number.
    ("A second, larger study of 160 babies in 27 countries is already under way.", []),
    ("The team hopes to enrol about 160 babies from many countries.", []),
    ("The infant blinatumomab study enrolled 300 babies.", [(1, "STAT001")]),
    ("| # | Figure | Value |\n|---|---|---|\n| 9 | Infants enrolled, infant blinatumomab study | 30 |", []),
    ("In the blinatumomab arm, infusions start on days 1, 8, 15 and 22 of each cycle.", []),
    # A patient's own count is not the threshold that defines a risk group.
    ("She was diagnosed with NCI standard-risk B-ALL and a white blood cell count of 12,400/µL.", []),
    ("NCI standard risk means a white blood cell count below 10,000/µL.", [(1, "STAT001")]),
    # General figures and narrower populations.
    ("Children younger than 5 years have a five-year relative survival rate of 92.6 percent.", []),
    ("Over 99% of children with ALL now survive five years.", [(1, "STAT001")]),
    ("With chemotherapy alone, about half of the babies relapsed or died.", []),
    # Modifiers: a back-reference, a figure from another period, 'one of the', a telephone number.
    ("Then you learn that of those 6% of kids that relapse, few relapse in the brain.", []),
    ("Survival increased to 90 percent from 84 percent between 1990 and 2005.", []),
    ("Lucas was one of the children in the blinatumomab trial.", []),
    ("Call the blinatumomab infusion team at (555) 014-3390.", []),
    # A treatment's length is not the time frame of a result.
    ("Eighty-five percent of children with ALL are cured after a two-year process of chemotherapy.", []),
    # A denied measure: the figure is its complement, not the measure.
    ("Of the 6% of children with ALL who don't survive 5 years, most die of the leukemia.", []),
    # Words sitting with another number are that number's.
    ("A: ~95% (induction failure 2.4%).", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_frames(lint, text, expected):
    result = lint(text)
    found = [(result.result.document.position(f.start)[0], f.rule) for f in result.findings
             if f.category == "wrong-statistic"]
    assert found == expected


@pytest.mark.parametrize("title,question,answer,expected", [
    ("Blinatumomab in the AALL1731 trial", "How often did seizures happen?",
     "About 7 in every 100 children.", [(5, "STAT001")]),
    ("Blinatumomab in the AALL1731 trial", "How often did seizures happen?",
     "About 7 in every 1,000 children.", []),
    # A bare number answering "how many" counts what the question names.
    ("The infant blinatumomab study", "How many babies were in the study?",
     "Three hundred, across nine countries.", [(5, "STAT001")]),
    ("The infant blinatumomab study", "How many babies were in the study?",
     "Thirty, across nine countries.", []),
])
def test_an_answer_takes_its_question(lint, title, question, answer, expected):
    result = lint(f"# {title}\n\n## {question}\n\n{answer}\n", dedent=False)
    assert [(result.result.document.position(f.start)[0], f.rule) for f in result.findings
            if f.category == "wrong-statistic"] == expected


def test_a_list_lead_in_names_its_population(lint):
    """Criteria listed under "For KMT2A-rearranged infants:" are not the NCI age criteria."""
    text = "Risk groups\n\nFor KMT2A-rearranged disease:\n\n\u2022 High-risk features include age <6 months\n"
    result = lint(text, path="notes.txt", dedent=False)
    assert [f.rule for f in result.findings if f.category == "wrong-statistic"] == []
    text = "Risk groups\n\nNCI risk groups:\n\n\u2022 High-risk features include age \u226515 years\n"
    result = lint(text, path="notes.txt", dedent=False)
    assert [(result.result.document.position(f.start)[0], f.rule) for f in result.findings
            if f.category == "wrong-statistic"] == [(5, "STAT001")]


def test_a_line_holding_only_a_dash_ends_a_sentence(lint):
    text = ("Blinatumomab results\n-\nOnly 0.3% had severe CRS with blinatumomab\n-\n"
            "Why it matters\nCurrent treatments for childhood ALL already give survival rates of 85-90%.\n")
    result = lint(text, path="notes.txt", dedent=False)
    assert [f.rule for f in result.findings if f.category == "wrong-statistic"] == []
