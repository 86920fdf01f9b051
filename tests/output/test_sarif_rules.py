"""SARIF: every result names a rule of driver.rules, with its index; the rules are the loaded
packs' rules, so `--rules` changes both together."""
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
