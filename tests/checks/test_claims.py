"""Unsupported claims beyond the rules' own examples: citations, contradictions, uncited figures."""
import pytest


@pytest.mark.parametrize("text", [
    "Studies show that adherence matters (Bhatia et al., J Clin Oncol 2012).",
    "Research shows this [2].",
    "Research shows this, according to the American Cancer Society.",
    "Studies show it works: https://example.org/study.",
    "In AALL0031, five-year DFS was 70% (Schultz et al., Leukemia 2014). The study found no clear advantage for transplant.",
])
def test_cited_claims_stay_quiet(lint, text):
    assert "CLAIM001" not in lint(text + "\n").of_category("unsupported-claim")


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
    assert lint("Leukemia is a cancer of the blood.\n").of_category("unsupported-claim") == []


def test_a_pronoun_stands_for_the_subject_named_before_not_for_the_claim(lint):
    def found(text):
        result = lint(text)
        return [(f.rule, *result.result.document.position(f.start))
                for f in result.findings if f.category == "unsupported-claim"]
    # "it" is blinatumomab, named in the sentence before: the claim about it is contradicted
    assert found("Blinatumomab is an immunotherapy. It's a once-a-day pill.\n") == [("CLAIM003", 1, 53)]
    # the contradicted claim is "record survival ... everywhere"; "it" here is a drug, not that
    # survival, so only the unsourced appeal to doctors remains
    assert found("This drug now boosts survival for every child with leukemia. "
                 "Doctors expect it to become standard care everywhere.\n") == [("CLAIM001", 1, 62)]
    assert found("Record survival for children with leukemia is now seen everywhere.\n") == [("CLAIM003", 1, 56)]
