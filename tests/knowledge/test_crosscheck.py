"""Provenance and status: a confirmed fact says where in a primary text its value is, a fact
resting on source documents alone only warns, and `explain` shows locators and cut-off dates."""
import pytest
from conftest import json_findings

HEAD = "facts:\n  - id: x-1\n    topic: t\n    statement: A statement of fact.\n"
TAIL = "    examples: {flag: [{text: a, rule: STAT001}], pass: [b]}\n"


@pytest.mark.parametrize("body, line, messages", [
    # confirmed, but no source says where the value is
    ("    status: confirmed\n    design: randomized\n    sources: [acs]\n",
     5, ["facts[0].status: a confirmed fact needs at least one primary source"]),
    # a locator on a source document does not make it primary
    ("    status: confirmed\n    design: randomized\n    sources: [{id: doc-liv-2025, where: Section 2}]\n",
     5, ["facts[0].status: a confirmed fact needs at least one primary source",
         "facts[0].status: a fact that rests on source documents alone can only warn"]),
    # a fact resting on source documents alone can only warn
    ("    status: consistent\n    design: review\n    sources: [doc-liv-2025, doc-healthtree-2024]\n",
     5, ["facts[0].status: a fact that rests on source documents alone can only warn"]),
    # a locator is a place, never a quoted sentence
    ("    status: confirmed\n    design: randomized\n    sources: [{id: acs, where: '\"Survival is 90%\"'}]\n",
     7, ["facts[0].sources[0].where: '\"Survival is 90%\"' is not allowed: where in the source"]),
    # a value's source must be one the fact cites
    ("    status: confirmed\n    design: randomized\n    sources: [{id: acs, where: Table 1}]\n"
     "    quantity: percent\n    values:\n      - {value: 5, source: cancer-net}\n",
     10, ["facts[0].values[0].source: source 'cancer-net' is not one of this fact's sources"]),
    ("    status: confirmed\n    design: randomized\n    sources: [{id: acs, where: Table 1}]\n"
     "    quantity: percent\n    values:\n      - {value: 5, also: [{value: 6, label: later, source: nci-pdq}]}\n",
     10, ["facts[0].values[0].also[0].source: source 'nci-pdq' is not one of this fact's sources"]),
])
def test_validate_rejects_unsupported_status(cli, write, body, line, messages):
    p = write("bad-facts.yaml", HEAD + body + TAIL)
    code, out, _ = cli("validate", str(p))
    assert code == 2, out
    problems = [x for x in out.splitlines() if "bad-facts.yaml" in x]
    assert len(problems) == len(messages), out
    for problem, message in zip(problems, messages):
        assert problem.split(":")[1] == str(line) and message in problem, problem


WIDGET = """\
    facts:
      - id: x-1
        topic: t
        statement: Widgetomab gave a response rate of 42% in the WIDGET-1 trial.
        status: {status}
        design: randomized
        sources: {sources}
        subject: [widgetomab]
        keys: [[response]]
        quantity: percent
        values: [{{value: 42}}]
        endpoint: {{name: response rate, terms: [response]}}
        examples:
          flag: [{{text: "Widgetomab gave a response rate of 62%.", rule: STAT001}}]
          pass: ["Widgetomab gave a response rate of 42%."]
    """


@pytest.mark.parametrize("status, sources", [
    ("confirmed", '[{id: acs, where: "Survival rates", cutoff: "2024-06"}, doc-liv-2025]'),
    ("reported", "[doc-liv-2025]"),
    ("disputed", "[doc-liv-2025]"),
    ("consistent", "[acs]"),
])
def test_status_with_fitting_sources_validates(cli, write, status, sources):
    p = write("good-facts.yaml", WIDGET.format(status=status, sources=sources))
    code, out, _ = cli("validate", str(p))
    assert code == 0, out


def test_explain_prints_locators_cut_off_dates_and_alternatives(cli):
    code, out, _ = cli("explain", "blinatumomab-sr-follow-up")
    assert code == 0
    assert "where: Abstract, Results; data cut-off: 2024-06-30; kind: primary" in out
    assert "2.5 years (at the first interim analysis): data cut-off 2024-06-30" in out
    assert "also right: 3.5 years (at the later update" in out and "data cut-off\n    2025-06" in out
    code, out, _ = cli("explain", "blinatumomab-relapse-mrd-clearance")
    assert "where: Table 2; kind: primary" in out and "also right: 90% (all patients (44 of 49))" in out


def test_findings_cite_the_locator(cli, write):
    write("d.md", "# Relapse\n\nIn high-risk first relapse, blinatumomab cleared measurable residual "
                  "disease in 63% of those who still had it.\n")
    code, out, _ = cli("check", "--format", "json", "d.md")
    stats = [(f["rule"], f["severity"], f["fact"], f["found"], f["sources"])
             for f in json_findings(out) if f["category"] == "wrong-statistic"]
    assert stats == [("STAT001", "error", "blinatumomab-relapse-mrd-clearance", "63%",
                      ["Locatelli et al., JAMA 2021;325:843, Table 2"])]


@pytest.mark.parametrize("text, expected", [
    # a reported figure (coverage of the trial only): a wrong number is a warning
    ("In AALL1731, seizures during blinatumomab cycles occurred in 7% of children.",
     [("STAT001", "warning", "blinatumomab-sr-seizures", "7%")]),
    # a confirmed figure: an error
    ("In AALL1731, three-year disease-free survival with blinatumomab was 99%.",
     [("STAT001", "error", "blinatumomab-sr-dfs-3y", "99%")]),
    # a contradiction of a reported fact: a warning
    ("A stem cell transplant always cures relapsed leukemia.",
     [("CLAIM003", "warning", "transplant-not-guaranteed", "always cures"),
      ("OVER002", "warning", None, "always cures"), ("OVER001", "warning", None, "cures")]),
])
def test_reported_facts_only_warn(lint, text, expected):
    got = [(f.rule, f.severity, f.fact, f.found) for f in lint(text).findings
           if f.category != "missing-disclaimer"]
    assert got == expected


def test_reported_finding_says_the_value_rests_on_a_secondary_report(lint):
    f = next(f for f in lint("In AALL1731, seizures during blinatumomab cycles occurred in 7% of "
                             "children.").findings if f.rule == "STAT001")
    assert f.message.endswith("the reference value rests on a secondary report, so check the source")


def test_a_wrong_value_is_told_every_right_one(lint):
    got = [(f.rule, f.found, f.expected) for f in lint(
        "In the first-relapse trial, MRD remission was 70% with blinatumomab.").findings
        if f.category == "wrong-statistic"]
    assert got == [("STAT001", "70%", "93% (or 90%: all patients (44 of 49))")]
