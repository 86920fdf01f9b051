"""The wrong-statistic checker: each kind of error flagged with its code and the right value,
and look-alikes kept quiet."""
import pytest

STAT_CODES = ("STAT001", "STAT002", "STAT003", "STAT004", "STAT005", "STAT006")

# (text, code, expected value contained in `expected`, found text)
FLAG = [
    # value
    ("In AALL1731, three-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.",
     "STAT001", "96.0", "98%"),
    ("Toxicity during blinatumomab cycles: grade 3 or higher CRS 0.3%; seizures 7%.", "STAT001", "0.7", "7%"),
    ("With blinatumomab in AALL1731, severe cytokine release syndrome happened in about 3% of children.",
     "STAT001", "0.3", "about 3%"),
    ("About one child in three with ALL will relapse at some point.", "STAT001", "15", "About one child in three"),
    ("Fewer than 5 percent of children with ALL relapse.", "STAT001", "15", "Fewer than 5 percent"),
    ("KMT2A rearrangements turn up in about half of babies with ALL.", "STAT001", "75", "about half"),
    ("The main CAR-T trial, ELIANA, treated 179 children and young adults.", "STAT001", "79", "179"),
    ("In the ELIANA CAR-T trial, three-year overall survival was 52 percent.", "STAT001", "63", "52 percent"),
    ("In COG AALL0031 the imatinib dose was 440 mg/m² per day.", "STAT001", "340", "440 mg/m² per day"),
    ("The EsPhALL2010 study used imatinib 340 mg/m2 per day.", "STAT001", "300", "340 mg/m2 per day"),
    ("Standard risk means WBC <100,000/µL at diagnosis.", "STAT001", "50,000", "<100,000/µL"),
    ("A late marrow relapse is one that comes 18 months or more after diagnosis.", "STAT001", "36", "18 months or more"),
    ("In AALL1731, more than 2,200 children were randomly assigned to blinatumomab or not.", "STAT001", "1,440", "more than 2,200"),
    ("B-cell ALL makes up roughly 60 percent of childhood cases.", "STAT001", "85", "roughly 60 percent"),
    ("In AALL0031, about 85% of children treated with chemo plus imatinib were disease-free five years later.",
     "STAT001", "70", "about 85%"),
    ("With blinatumomab in AALL1731, for the higher-risk children within standard risk it was 98% versus 84.8%.",
     "STAT001", "94.1", "98%"),
    ("In the infant blinatumomab study, disease-free survival at two years was 83.3% versus 44%.",
     "STAT001", "81.6", "83.3%"),
    # endpoint
    ("Adding blinatumomab to chemotherapy raised overall survival to 96% in children with standard-risk B-ALL.",
     "STAT002", "96.0", "96%"),
    ("For B-cell ALL, the immunotherapy blinatumomab has pushed survival to 96%.", "STAT002", "96.0", "96%"),
    ("New cases of childhood ALL rose by 59% between 1990 and 2021.", "STAT002", "59", "59%"),
    # time frame
    ("In AALL1731, 5-year disease-free survival with blinatumomab was 96.0% versus 87.9%.", "STAT003", "96.0", "96.0%"),
    ("In the infant blinatumomab study, 93% of the babies were still alive five years later.", "STAT003", "93.3", "93%"),
    ("In the ELIANA trial, half of all kids who get CAR-T are still in remission at five years.", "STAT003", "52", "half"),
    # population
    ("For children with high-risk disease, 3-year disease-free survival with blinatumomab rose from 87.9% to 96%.",
     "STAT004", "96.0", "87.9%"),
    ("Older kids with relapsed leukemia are seeing the same 93% survival with blina.", "STAT004", "93.3", "93%"),
    ("In ELIANA, 52% of all the children who received CAR-T were relapse-free three years later.", "STAT004", "52", "52%"),
    ("About half of relapses happen in children who were classed as high risk at diagnosis.", "STAT004", "50", "About half"),
    # direction and arms
    ("In AALL1731, 3-yr disease-free survival: 87.9% with blina vs 96% with chemo alone.", "STAT005", "96.0", "87.9%"),
    ("Historical-control OS in the infant study rose from 65.8% at 2 years to 60.2% at 4 years.",
     "STAT005", "60.2", "rose from 65.8% at 2 years to 60.2%"),
    # relative vs absolute
    ("Kids who got blinatumomab had a 61 percentage point lower chance of relapsing or dying.", "STAT006", "61",
     "61 percentage point"),
]


@pytest.mark.parametrize("text, code, expected, found", FLAG, ids=[f"{c}:{t[:50]}" for t, c, _, _ in FLAG])
def test_flags_wrong_statistic(lint, text, code, expected, found):
    result = lint(text)
    stats = [f for f in result.findings if f.category == "wrong-statistic"]
    assert [f.rule for f in stats] == [code], [(f.rule, f.message) for f in stats]
    f = stats[0]
    assert expected in (f.expected or "")
    assert f.found == found
    assert f.fact and f.sources
    assert text[f.start:f.end].split()[0] == found.split()[0]


PASS = [
    # right values in other wordings and roundings
    "In AALL1731, the estimated three-year disease-free survival was 96 percent with blinatumomab and roughly 88% with chemo alone.",
    "Blinatumomab raised three-year disease-free survival in standard-risk B-ALL to about 96 percent, from nearly 9 in 10 with chemotherapy alone.",
    "Ninety-six percent of standard-risk kids on blinatumomab were disease-free at three years.",
    "Today roughly 90 percent of children with ALL are alive five years after diagnosis.",
    "Around nine in ten children with ALL now survive at least five years.",
    "About one in five children with ALL will see their leukemia come back.",
    "Between 15% and 20% of children with B-ALL have relapsed or refractory disease.",
    "About 15 to 20 percent of children with ALL relapse.",
    "A KMT2A rearrangement is found in about three-quarters of infants with ALL.",
    "In the ELIANA trial, about half of the patients who responded were still relapse-free three years later.",
    "In AALL1731, children who received blinatumomab were about 61% less likely to relapse or die.",
    "In absolute terms, the difference in disease-free survival with blinatumomab at three years was about 8 percentage points.",
    "Historical-control OS in the infant study fell from 65.8% at 2 years to 60.2% at 4 years.",
    "In the infant blinatumomab study, 2-year DFS was 81.6% vs 49.4%; 4-year DFS was 83.3% vs 44.0%.",
    "In the two-year report the figures had been 93.3% versus 65.8% for overall survival, and 81.6% versus 49.4% for disease-free survival.",
    "COG AALL0031: imatinib 340 mg/m²/day; the European EsPhALL studies used 300 mg/m² per day.",
    "Standard risk: age 1 to <10 years and WBC <50,000/µL at diagnosis.",
    "For relapse in the bone marrow, very early relapse means within 18 months of diagnosis, early relapse means 18 to 36 months, and late relapse means 36 months or more.",
    "Induction chemotherapy puts more than 95% of children with ALL into remission.",
    # hedged, negated, not about the reference, not claims
    "Blinatumomab did not give 98% disease-free survival; it was 96%.",
    "Children who took less than 95% of their prescribed mercaptopurine had a higher risk of relapse.",
    "Nia was diagnosed at four years old and her white count was well under 50,000.",
    "Thirty-two months after diagnosis, his counts were off.",
    "The phase 3 trial AALL1731 was published in 2025 (P<0.001).",
    "Registered charity no. 1098765; call 0300 123 4567; £25 helps a family.",
]


@pytest.mark.parametrize("text", PASS, ids=[t[:60] for t in PASS])
def test_quiet_on_right_or_unrelated_numbers(lint, text):
    result = lint(text)
    stats = [(f.rule, f.message) for f in result.findings if f.category == "wrong-statistic"]
    assert stats == []


def test_table_row_time_frame_and_value(lint):
    result = lint("""\
        ## Frontline blinatumomab: COG AALL1731

        | Endpoint (AALL1731) | Blina + chemo | Chemo alone |
        |---|---|---|
        | 5-yr DFS, all randomized | 96.0% | 87.9% |
        | 3-yr DFS, SR-high | 94.1% | 88.4% |
        """)
    stats = [f for f in result.findings if f.category == "wrong-statistic"]
    assert [f.rule for f in stats] == ["STAT003", "STAT001"]
    assert [result.result.document.position(f.start) for f in stats] == [(5, 30), (6, 31)]
    assert "84.8" in stats[1].expected


def test_context_from_previous_sentences(lint):
    """'In the trial' leans on the drug named earlier in the section."""
    result = lint("""\
        ## The weeks on treatment

        Blinatumomab is not a pill. It drips into a central line from a pump.

        In the trial, severe cytokine release syndrome happened in about 3% of children and
        seizures in under 1%.
        """)
    f, line, col = result.at("STAT001")
    assert (line, col) == (5, 60) and "0.3" in f.expected
    assert result.codes().count("STAT001") == 1


def test_another_treatment_nearer_blocks_the_match(lint):
    result = lint("CAR-T caused severe cytokine release syndrome in 46% of children.")
    assert "STAT001" not in result.codes()


def test_disputed_fact_gives_a_warning(lint):
    result = lint("Imatinib or dasatinib with chemotherapy: 3-yr EFS 95–99%.")
    f, _, _ = result.at("STAT001")
    assert f.severity == "warning"


def test_one_finding_per_wrong_claim(lint):
    result = lint("In the infant blinatumomab study, 93% of the babies were still alive five years later, "
                  "so Theo has a 93% chance.")
    assert [f.rule for f in result.findings if f.category == "wrong-statistic"] == ["STAT003"]


# Whole drafts written for these tests: (fixture, [(line, code)]) of every scored finding.
FIXTURES = [
    ("relapse-clean.md", []),
    ("mixed-errors.md", [(1, "DISC001"), (1, "DISC002"), (3, "STAT001"), (5, "STAT001"), (7, "STAT001"),
                         (9, "STAT001"), (12, "STAT001"), (14, "OVER001"), (14, "OVER002"),
                         (16, "CLAIM001"), (16, "OVER002"), (18, "STAT001"), (20, "CLAIM003")]),
    # "Around 90% of children with ALL are now cured": a cure rate, a statistic, not a promise.
    ("patient-guide-clean.md", []),
    ("parent-questions.md", [(1, "DISC002"), (4, "STAT002"), (6, "STAT006"), (8, "CLAIM002"),
                             (10, "STAT001"), (12, "STAT001"), (14, "STAT001"), (16, "STAT004"),
                             (18, "CLAIM002"), (20, "OVER003"), (20, "OVER004"), (20, "OVER005")]),
    ("car-t-story.md", [(15, "CLAIM002"), (17, "OVER001")]),
    # Arms as table rows, the time frame in the column header; hedged and negated list items.
    ("clinician-tables.md", [(11, "STAT001")]),
    # GBD figures: the 0-5 scope stated for all children; prevalence called new diagnoses.
    ("global-brief.md", [(13, "STAT004"), (18, "STAT002")]),
    # A share the reference does not cover, uncited.
    ("ph-faq.md", [(11, "CLAIM002")]),
    # A pronoun subject, a count without a trial word, the chemo-alone figure given for blinatumomab.
    ("questions.md", [(5, "CLAIM003"), (7, "STAT001"), (11, "STAT004"), (13, "CLAIM002"), (17, "OVER002"),
                      (19, "CLAIM002")]),
    # Plain text: "two and a half years" is a duration; a quoted "cure"; a trial credited by figures.
    ("news.txt", []),
    # Footnotes, bold figures, a link, an image, an HTML comment, a phone number, a quote.
    ("five-things.md", []),
]


@pytest.mark.parametrize("name, expected", FIXTURES)
def test_fixture_drafts(lint, name, expected):
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "fixtures" / name).read_text(encoding="utf-8")
    result = lint(text, name, dedent=False)
    got = sorted((result.result.document.position(f.start)[0], f.rule) for f in result.findings)
    assert got == sorted(expected)


@pytest.mark.parametrize("text", [
    "The relapse rate has dropped by half since the 1990s.",
    "Only 1 in 10 children with T-ALL relapse.",
    "In the same trial, about 1 in 10 children on chemotherapy alone relapsed or died within three years.",
    "The cure rate for childhood ALL is about 90%.",
])
def test_general_facts_do_not_judge_subgroups_or_studies(lint, text):
    """A general figure (relapse in all children) is not what a subgroup or a trial arm reports."""
    assert [f.rule for f in lint(text).findings if f.category == "wrong-statistic"] == []


WORDINGS = [
    ("In the AALL1731 trial, five years after treatment 96% of children on blinatumomab were disease-free.", "STAT003"),
    ("Blinatumomab gave standard-risk children a 96% survival rate over five years.", "STAT002"),
    ("Blinatumomab pushed long-term survival to 96% in standard-risk B-ALL.", "STAT002"),
    ("With blinatumomab, 96% of children with leukemia stayed disease-free at three years.", "STAT004"),
    ("Blinatumomab raised 3-year disease-free survival to 96% for all kids with B-ALL.", "STAT004"),
    ("In AALL1731, disease-free survival at three years was 96% with blinatumomab and 79.9% with chemotherapy alone.", "STAT001"),
    ("In ELIANA, 3-year relapse-free survival among responders was 62%.", "STAT001"),
    ("Severe cytokine release syndrome was seen in 3 in 100 children on blinatumomab in AALL1731.", "STAT001"),
    ("In the infant study, 2-year disease-free survival was 81.6% with blinatumomab compared with 65.8% historically.", "STAT001"),
    ("Imatinib was given at 340 mg/m² per day in EsPhALL2010.", "STAT001"),
]


@pytest.mark.parametrize("text, code", WORDINGS, ids=[c + ":" + t[:40] for t, c in WORDINGS])
def test_more_wrong_statistic_wordings(lint, text, code):
    assert code in [f.rule for f in lint(text).findings]


def test_subgroup_named_in_another_clause_does_not_unsupport_a_figure(lint):
    text = ("About 15 to 20 percent of children with ALL relapse, and about half of all relapses happen in "
            "children first classed as standard risk.")
    assert [f.rule for f in lint(text).findings if f.category in ("wrong-statistic", "unsupported-claim")] == []


# A run-on "sentence": a wrong figure, then clause after clause with no full stop.
_CLAIM = ("In AALL1731, three-year disease-free survival with blinatumomab was 98% versus 87.9% with "
          "chemotherapy alone")
_CLAUSE = ", and the children of the second group were seen at the same centres over the same years"


def _run_on(clauses: int) -> str:
    return "Treatment works in most children. " + _CLAIM + _CLAUSE * clauses + ".\n"


def _listed(result):
    return [(f.rule, f.severity, f.start, f.end, f.message) for f in result.findings
            if f.category != "missing-disclaimer"]


def test_sentence_over_the_longest_is_reported_not_weighed(lint):
    from linter.facts.verdicts import LONGEST_SENTENCE

    text = _run_on(23)
    start = text.index("In AALL1731")
    end = text.index(".\n") + 1  # the full stop is the sentence's
    assert end - start > LONGEST_SENTENCE
    assert _listed(lint(text)) == [
        ("STAT007", "info", start, end,
         f'"In AALL1731, three-year disease-free survival with ..." begins a sentence of {end - start:,} '
         "characters, over 2,000: too long to tell which figure each word is about, so none of its "
         "figures was checked; split it into sentences")]


def test_sentence_just_under_the_longest_is_weighed_as_usual(lint):
    from linter.facts.verdicts import LONGEST_SENTENCE

    text = _run_on(21)
    start = text.index("98%")
    assert text.index(".\n") + 1 - text.index("In AALL1731") <= LONGEST_SENTENCE
    assert [(rule, severity, a, b) for rule, severity, a, b, _ in _listed(lint(text))] == [
        ("STAT001", "error", start, start + 3)]
