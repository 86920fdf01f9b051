"""A figure stated for another study, for a drug's approval or label, or for a hospital's own
patients is not a claim about the reference's trials: the trial named nearest the figure (an
identifier the reference does not hold counts), the approval its clause states, and "our
centre" decide. A wrong figure for the reference's own trial is still flagged."""
import pytest

RANDOMIZED = "blinatumomab-sr-randomized-n"
AGES = "tisagenlecleucel-eliana-ages"


def _got(lint, text):
    """(code, fact, figure, line) of every statistic and unsupported-claim finding."""
    linted = lint(text)
    return [(f.rule, f.fact, f.found, linted.result.document.position(f.start)[0])
            for f in linted.findings if f.category in ("wrong-statistic", "unsupported-claim")]


@pytest.mark.parametrize("text, expected", [
    # an identifier of one capital letter and four digits names another trial, even after a
    # paragraph on AALL1731: the nearest text that names a trial decides
    ("In AALL1731, 1,440 children were randomized.\n\n"
     "Adults were studied in the S1318 trial, which randomized 96 adults. At a median follow-up "
     "of 4 years, most were alive.", []),
    # a group's name and a year, called a trial or a study
    ("In AALL1731, 1,440 children were randomized.\n\nThe GRAALL 2005 study randomized 800 adults.", []),
    # the figure's own sentence names AALL1731: still checked, whatever came before
    ("The S1318 trial tested blinatumomab in older adults. In AALL1731, 2,200 children were "
     "randomized.", [("STAT001", RANDOMIZED, "2,200", 1)]),
    ("Unlike S1318, AALL1731 randomized 2,200 children.", [("STAT001", RANDOMIZED, "2,200", 1)]),
    ("In AALL1731, 2,200 children were randomized.", [("STAT001", RANDOMIZED, "2,200", 1)]),
    # "open-label" is a design, not the drug's label
    ("In the open-label AALL1731 trial, 2,200 children were randomized.",
     [("STAT001", RANDOMIZED, "2,200", 1)]),
    # a name and a year that are not called a trial or study name none
    ("# AALL1731\n\nUnder the WHO 2016 classification, the trial randomized 2,200 children.",
     [("STAT001", RANDOMIZED, "2,200", 3)]),
])
def test_a_named_other_trial_takes_its_figures(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the label's or the approval's age limit is not the ages a trial enrolled
    ("Tisagenlecleucel is approved for young people up to age 25 whose B-cell ALL came back.", []),
    ("The drug's label allows its use up to 25 years of age.", []),
    ("Kymriah is licensed for patients 25 years old and younger.", []),
    ("Kymriah's licence covers patients up to age 25.", []),
    # the trial named in the figure's own clause: its figure, checked
    ("Kymriah won its approval after the ELIANA trial, which treated patients aged 1 to 18.",
     [("STAT001", AGES, "1 to 18", 1)]),
    ("The ELIANA trial treated patients aged 1 to 18.", [("STAT001", AGES, "1 to 18", 1)]),
    # a label's own figure (a drug-level fact, not a trial's) is still checked
    ("The label gives children 50 micrograms per square metre per day of blinatumomab.",
     [("STAT001", "blinatumomab-pediatric-dose", "50 micrograms per square metre per day", 1)]),
])
def test_an_approval_or_a_label_is_not_a_trials_enrolment(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a centre's own results are its own: not judged against the reference's figures, but
    # still a statistic that needs a source
    ("At our hospital, 3-year disease-free survival for standard-risk ALL was 99%.",
     [("CLAIM002", None, "99%", 1)]),
    ("Our centre's 5-year survival rate for children with ALL is 94%.",
     [("CLAIM002", None, "94%", 1)]),
    ("Our 5-year survival for standard-risk ALL is above 95%, for children treated here "
     "since 2010.", [("CLAIM002", None, "above 95%", 1)]),
    ("Among our patients, 94% of children with ALL survive five years.",
     [("CLAIM002", None, "94%", 1)]),
    # the reference's own trial, named nearer the figure than another study's words: its figure
    ("At our hospital, children take part in AALL1731, which randomized 2,200 children.",
     [("STAT001", RANDOMIZED, "2,200", 1)]),
    ("A second trial, AALL1731, randomized 2,200 children.", [("STAT001", RANDOMIZED, "2,200", 1)]),
    # ... and another study's words nearer the figure than the trial: another study's figure
    ("After AALL1731, a second trial randomized 2,200 children.", []),
    ("Another trial randomized 2,200 children after AALL1731 closed.", []),
    # "our" that names no centre: the figure is checked as before
    ("Our son was treated at a children's hospital. Five-year survival for children with ALL "
     "is about 60%.", [("STAT001", "all-5y-survival", "about 60%", 1)]),
    ("Our son had two cycles. In AALL1731, 2,200 children were randomized.",
     [("STAT001", RANDOMIZED, "2,200", 1)]),
])
def test_a_centres_own_results_are_not_the_references(lint, text, expected):
    assert _got(lint, text) == expected


TABLE = """\
| Measure | Figure |
|---|---|
| New cases a year | about 3,000 |
| 5-year survival, children with ALL | {survival} |
| Infants with a KMT2A rearrangement | about 75% |
"""

STUDY_TABLE = """\
| Infant blinatumomab study | |
|---|---|
| Babies enrolled | 30 |
| 4-year overall survival | {survival} |
"""


@pytest.mark.parametrize("text, expected", [
    # infants named in another row, with a figure of its own, are that row's: the survival row
    # is not the infant study's 4-year survival
    (TABLE.format(survival="about 90%"), []),
    (TABLE.format(survival="about 60%"), [("STAT001", "all-5y-survival", "about 60%", 4)]),
    # a row that states no figure says whom every row is about
    (STUDY_TABLE.format(survival="93%"), []),
    (STUDY_TABLE.format(survival="98%"), [("STAT001", "infant-blina-os-4y", "98%", 4)]),
])
def test_a_population_in_another_table_row_is_that_rows(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence that names the reference's trial and another: the one nearest the figure
    ("After AALL1731 in children, the S1318 trial randomized 96 older patients.", []),
    ("Unlike the adult S1318 trial, AALL1731 randomized 2,200 children.",
     [("STAT001", RANDOMIZED, "2,200", 1)]),
    # a slip for the reference's own trial is that trial
    ("# Blinatumomab in AALL1731\n\nAALL173 randomized 2,200 children.",
     [("STAT001", RANDOMIZED, "2,200", 3)]),
    # an identifier near a drug's general figure does not take it from the drug
    ("Blinatumomab (studied in S1318) is given as a continuous infusion at 50 micrograms per "
     "square metre per day.", [("STAT001", "blinatumomab-pediatric-dose",
                                "50 micrograms per square metre per day", 1)]),
])
def test_the_trial_named_nearest_the_figure_decides(lint, text, expected):
    assert _got(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a number one digit off is another trial of the same group, not a slip of the pen
    ("In the AALL1732 trial of inotuzumab, 1,440 children were randomized.", []),
    # a shortened name is still a slip for the reference's trial
    ("In the AALL173 trial, blinatumomab raised 3-year disease-free survival to 98%.",
     [("STAT001", "blinatumomab-sr-dfs-3y", "98%", 1)]),
    ("In the AALL1732 trial, blinatumomab raised 3-year disease-free survival to 98%.", []),
    # a registry number given beside the trial's name is that trial's
    ("In the AALL1731 trial (NCT03914625), 2,200 children were randomized.",
     [("STAT001", RANDOMIZED, "2,200", 1)]),
    ("In NCT03914625 (AALL1731), 2,200 children were randomized.",
     [("STAT001", RANDOMIZED, "2,200", 1)]),
    # one beside another trial's name is the other trial's
    ("In the E1910 trial (NCT02003222), 224 adults were randomized.", []),
])
def test_trial_names_the_reference_does_not_hold(lint, text, expected):
    assert _got(lint, text) == expected
