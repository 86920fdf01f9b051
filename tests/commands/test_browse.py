"""`medlint rules` and `medlint explain` list what `medlint check` would run with the same packs."""
from __future__ import annotations

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
    assert code == 2 and err.startswith("medlint: error: STAT001: no rule code or fact id")
