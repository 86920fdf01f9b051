"""SARIF: every result names a rule of driver.rules, with its index; the rules are the loaded
packs' rules, so `--rules` changes both together, each at the severity the run gives it; regions
end where the JSON report's findings end."""
from __future__ import annotations

import json
import textwrap

import pytest
from conftest import TEAM_PACK

DRAFT = textwrap.dedent("""\
    # Blinatumomab

    In AALL1731, 3-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.

    Blinatumomab is a miracle drug.
    """)


@pytest.mark.parametrize("args, results", [
    ((), ["DISC001", "DISC002", "OVER004", "STAT001"]),
    (("--rules", "team.yaml"), ["TEAM001"]),
])
def test_every_result_rule_is_in_the_driver_with_its_index(cli, write, args, results):
    write("d.md", DRAFT)
    write("team.yaml", TEAM_PACK)
    code, out, _ = cli("check", "--format", "sarif", *args, "d.md")
    run = json.loads(out)["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert sorted(r["ruleId"] for r in run["results"]) == results
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    if args:
        assert rules == ["TEAM001"]
    else:
        assert "STAT001" in rules and "TEAM001" not in rules


def _levels(out: str) -> dict:
    run = json.loads(out)["runs"][0]
    return {r["id"]: r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"]}


def _listed(out: str) -> dict:
    """`medlint rules` output as {code: SARIF level}."""
    level = {"error": "error", "warning": "warning", "info": "note", "off": "none"}
    return {line.split()[0]: level[line.split()[1]] for line in out.splitlines()}


@pytest.mark.parametrize("config, args, expected", [
    ("", (), {"JAMA001": "none", "JAMA004": "none", "OVER004": "warning", "STAT001": "error"}),
    ("", ("--preset", "strict"),
     {"JAMA001": "warning", "JAMA004": "note", "OVER004": "warning", "STAT001": "error"}),
    ("severity: {OVER004: info, STAT001: 'off'}\n", (),
     {"JAMA001": "none", "JAMA004": "none", "OVER004": "note", "STAT001": "none"}),
    ("preset: strict\nseverity: {JAMA001: error}\n", (),
     {"JAMA001": "error", "JAMA004": "note", "OVER004": "warning", "STAT001": "error"}),
])
def test_rule_levels_are_the_runs_severities(cli, write, config, args, expected):
    """driver.rules give each rule the severity the run reports it at, as `medlint rules` does."""
    write("d.md", DRAFT)
    write(".medlint.yaml", config or "{}\n")
    _, out, _ = cli("check", "--format", "sarif", *args, "d.md")
    levels = _levels(out)
    assert {code: levels[code] for code in expected} == expected
    run = json.loads(out)["runs"][0]
    assert {(r["ruleId"], r["level"]) for r in run["results"]} <= set(levels.items())
    if not args:
        assert levels == _listed(cli("rules")[1])


def _regions(out: str) -> list:
    run = json.loads(out)["runs"][0]
    return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]) for r in run["results"]]


def _region(line, col, end_line, end_col) -> dict:
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


@pytest.mark.parametrize("text, expected", [
    # A span that ends on a later line ends at its own column there, wherever it started.
    ("Blinatumomab is a drug that works for\nevery child with leukemia.\n",
     [("OVER005", _region(1, 29, 2, 12))]),
    ("It works for every\nchild.\n", [("OVER005", _region(1, 4, 2, 6))]),
    # On one line, and with a character of two UTF-16 units before it.
    ("It works for every child.\n", [("OVER005", _region(1, 4, 1, 25))]),
    ("\U0001F600 It works for every\nchild \U0001F600.\n", [("OVER005", _region(1, 7, 2, 6))]),
    ("\U0001F600 It works for every child.\n", [("OVER005", _region(1, 7, 1, 28))]),
])
def test_regions_match_the_json_positions(cli, write, text, expected):
    write("s.md", text)
    _, out, _ = cli("check", "--format", "sarif", "--select", "OVER005", "s.md")
    assert _regions(out) == expected
    _, out, _ = cli("check", "--format", "json", "--select", "OVER005", "s.md")
    assert [(f["line"], f["end_line"]) for f in json.loads(out)["findings"]] == \
        [(r["startLine"], r["endLine"]) for _, r in expected]


def test_document_level_region_is_line_one_column_one(cli, write):
    write("s.md", "Blinatumomab raised disease-free survival.\n")
    _, out, _ = cli("check", "--format", "sarif", "--select", "DISC", "s.md")
    assert _regions(out) == [("DISC001", _region(1, 1, 1, 1)), ("DISC002", _region(1, 1, 1, 1))]
