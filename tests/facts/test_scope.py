"""Claims stay in their scope: a contradiction fires only for the fact's own trial, setting or
convention; a population conflict yields to a fact that covers the population named; a part of
a total ("12 of 40") is not the total; and each of a fact's alternative values passes."""
import pytest
from conftest import json_findings

TEAM = """\
    facts:
      - id: widget-added-to-chemo
        topic: team
        statement: In WIDGET-1 (newly diagnosed patients), widgetomab was added to chemotherapy.
        status: confirmed
        design: randomized
        sources: [{id: acs, where: "Table 1"}]
        subject: [widgetomab]
        contradictions:
          - terms: [[widgetomab], ["instead of chemotherapy"]]
            says: in WIDGET-1 widgetomab was added to chemotherapy
            scope: [WIDGET-1, newly diagnosed]
            outside: ["relapse*"]
        examples:
          flag: [{text: "In WIDGET-1, widgetomab was given instead of chemotherapy.", rule: CLAIM003}]
          pass: ["Widgetomab is given instead of chemotherapy."]
      - id: widget-enrolled
        topic: team
        statement: WIDGET-1 enrolled 40 patients.
        status: confirmed
        design: randomized
        sources: [{id: acs, where: "Table 1"}]
        subject: [widgetomab, WIDGET-1]
        keys: [[enrolled, patients]]
        quantity: count
        unit: patients
        values: [{value: 40}]
        endpoint: {name: patients enrolled, terms: [enrolled]}
        examples:
          flag: [{text: "WIDGET-1 of widgetomab enrolled 12 patients.", rule: STAT001}]
          pass: ["WIDGET-1 of widgetomab enrolled 40 patients."]
      - id: widget-rash
        topic: team
        statement: In WIDGET-1, 12 patients given widgetomab had a rash.
        status: confirmed
        design: randomized
        sources: [{id: acs, where: "Table 3"}]
        subject: [widgetomab, WIDGET-1]
        keys: [[rash]]
        quantity: count
        unit: patients
        values: [{value: 12}]
        endpoint: {name: patients with a rash, terms: [rash]}
        examples:
          flag: [{text: "In WIDGET-1 of widgetomab, 20 patients had a rash.", rule: STAT001}]
          pass: ["In WIDGET-1 of widgetomab, 12 patients had a rash."]
    """


@pytest.mark.parametrize("draft, expected", [
    # the sentence names the fact's own trial: flagged
    ("In WIDGET-1, widgetomab was given instead of chemotherapy.", [("CLAIM003", 3)]),
    # the setting comes from the sentence before, in the same paragraph
    ("WIDGET-1 enrolled newly diagnosed patients. There, widgetomab was given instead of "
     "chemotherapy.", [("CLAIM003", 3)]),
    # another setting: quiet
    ("After relapse, widgetomab is given instead of chemotherapy.", []),
    # the sentence does not say which setting: quiet
    ("Widgetomab is given instead of chemotherapy.", []),
    # a part of the enrolled total is not the total; the total itself is still checked
    ("In WIDGET-1 of widgetomab, 12 of 40 patients enrolled had a rash.", []),
    ("WIDGET-1 of widgetomab enrolled 12 patients.", [("STAT001", 3)]),
    # ... nor is the total a part: 40 is not the number with a rash
    ("In WIDGET-1 of widgetomab, 12 of the 40 patients had a rash.", []),
])
def test_claims_stay_in_their_scope(cli, write, draft, expected):
    write("team/facts.yaml", TEAM)
    write("d.md", "# Widgetomab\n\n" + draft + "\n")
    code, out, _ = cli("check", "--format", "json", "--reference", "team/facts.yaml", "d.md")
    got = [(f["rule"], f["line"]) for f in json_findings(out)
           if f["category"] in ("wrong-statistic", "unsupported-claim")]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # under-20s: the under-20 analysis covers them, so no population conflict
    ("Among children and teenagers under 20, prevalent cases of ALL rose by about 60% between "
     "1990 and 2021.", []),
    # the 0-5 figure with no age scope is still the known misstatement
    ("Prevalent cases of childhood ALL rose by 59% between 1990 and 2021.",
     [("STAT004", "gbd-prevalent-cases-0-5", "59%")]),
    # relapse trials: a claim about infections there is not held against the frontline trial
    ("In relapsed ALL trials, blinatumomab brought no extra infections compared with intensive "
     "chemotherapy.", []),
    ("In AALL1731, adding blinatumomab to chemotherapy did not increase the risk of infection.",
     [("CLAIM003", "blinatumomab-catheter-infections", "did not increase the risk of infection")]),
    ("In relapsed ALL, blinatumomab caused more infections than intensive chemotherapy.",
     [("CLAIM003", "blinatumomab-relapse-fewer-infections", "more infections than intensive chemotherapy")]),
    # replacing chemotherapy: right after relapse, wrong in the frontline trials
    ("In the relapse trial, a cycle of blinatumomab took the place of a consolidation block, "
     "replacing chemotherapy.", []),
    ("In AALL1731, blinatumomab replaced chemotherapy.",
     [("CLAIM003", "blinatumomab-added-in-frontline", "replaced chemotherapy")]),
    # relapse timing: each convention checked against its own fact
    ("Under the BFM rules, a late relapse comes six months or more after the end of therapy.", []),
    ("Under the COG rules, a late relapse comes 36 months or more after diagnosis.", []),
    ("A late relapse is one that comes 36 months or more after the end of therapy.",
     [("STAT001", "relapse-timing-late-end-of-therapy", "36 months or more")]),
])
def test_shipped_claims_stay_in_their_scope(lint, text, expected):
    got = [(f.rule, f.fact, f.found) for f in lint(text).findings
           if f.category in ("wrong-statistic", "unsupported-claim")]
    assert got == expected


@pytest.mark.parametrize("text", [
    # overall and subgroup results
    "In the first-relapse trial, MRD remission came to 90% with blinatumomab and 54% with chemotherapy.",
    "Among children with MRD at the start, blinatumomab cleared it in 93%, chemotherapy in 24%.",
    # the label's definition and the trials'
    "A blinatumomab cycle in the label runs 42 days, including two weeks without the drug.",
    "In AALL1731, each blinatumomab cycle was a 28-day infusion.",
    # the label's step dose and the target dose
    "The label's first-week blinatumomab dose for small children is 5 µg/m²/day.",
    "Pediatric trials gave blinatumomab at 15 µg/m²/day.",
    # an interim analysis and its update
    "AALL1731's first interim analysis had a median follow-up of 2.5 years.",
    "AALL1731's later update had a median follow-up of 3.5 years.",
])
def test_every_alternative_value_passes(lint, text):
    assert [f for f in lint(text).findings if f.category == "wrong-statistic"] == []
