"""`medlint rules` and `medlint explain` list what `medlint check` would run with the same packs."""
from __future__ import annotations

import pytest
from conftest import TEAM_PACK


def test_rules_lists_only_the_given_pack(cli, write):
    write("team.yaml", TEAM_PACK)
    code, out, _ = cli("rules", "--rules", "team.yaml")
    assert (code, out.split()) == (0, ["TEAM001", "warning", "style", "team.miracle"])


def test_explain_knows_only_loaded_rules(cli, write):
    write("team.yaml", TEAM_PACK)
    code, out, _ = cli("explain", "STAT001")
    assert code == 0 and out.startswith("STAT001  statistic.value\n")
    code, _, err = cli("explain", "STAT001", "--rules", "team.yaml")
    assert code == 2 and err.startswith("medlint: error: STAT001: no rule code, rule name or fact id")


@pytest.mark.parametrize("name, first", [
    ("OVER004", "OVER004  overclaiming.hype"),
    ("over004", "OVER004  overclaiming.hype"),
    ("overclaiming.hype", "OVER004  overclaiming.hype"),  # a rule name, as --select takes it
    ("Overclaiming.Hype", "OVER004  overclaiming.hype"),
    ("team.wonder", "TEAM001  team.miracle"),  # a former name (aliases)
    ("blinatumomab-sr-dfs-3y", "blinatumomab-sr-dfs-3y  [confirmed; randomized; topic: aall1731]"),
])
def test_explain_takes_a_code_a_rule_name_or_a_fact_id(cli, write, name, first):
    write("team.yaml", TEAM_PACK.replace("    name: team.miracle\n",
                                         "    name: team.miracle\n    aliases: [team.wonder]\n"))
    packs = ("--rules", "team.yaml") if name.startswith("team") else ()
    code, out, err = cli("explain", *packs, name)
    assert (code, out.splitlines()[0], err) == (0, first, "")


@pytest.mark.parametrize("name", ["overclaiming", "overclaiming.hyp", "OVER", "hype"])
def test_explain_takes_no_prefix_or_category(cli, name):
    """One rule is explained: a category or a prefix names several, or none."""
    code, out, err = cli("explain", name)
    assert (code, out) == (2, "")
    assert err == (f"medlint: error: {name}: no rule code, rule name or fact id of that name "
                   f"(see 'medlint rules' and 'medlint facts')\n")
