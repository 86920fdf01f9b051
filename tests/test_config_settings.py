"""The config's settings that name rules (select, ignore, severity) and data (reference, rules):
each entry is read as --select reads it, and each one that names nothing is an error naming the
config file, its line and the key."""
import pytest
from conftest import json_findings

DRAFT = """\
# Draft

Blinatumomab is a miracle drug. It cures leukemia.

In AALL1731, 3-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.
"""
DEFAULT = [("DISC001", "warning"), ("DISC002", "warning"), ("OVER004", "warning"),
           ("OVER001", "warning"), ("STAT001", "error")]


def findings(cli, *args):
    code, out, err = cli("check", "--format", "json", *args, "d.md")
    assert err == ""
    return [(f["rule"], f["severity"]) for f in json_findings(out)]


@pytest.mark.parametrize("severity, expected", [
    # a code, as before
    ("{OVER004: info}", [("DISC001", "warning"), ("DISC002", "warning"), ("OVER004", "info"),
                         ("OVER001", "warning"), ("STAT001", "error")]),
    ("{over004: info}", [("DISC001", "warning"), ("DISC002", "warning"), ("OVER004", "info"),
                         ("OVER001", "warning"), ("STAT001", "error")]),
    # a category, a prefix and a rule name name their rules, as --select reads them
    ('{overclaiming: "off"}', [("DISC001", "warning"), ("DISC002", "warning"), ("STAT001", "error")]),
    ('{OVER: "off"}', [("DISC001", "warning"), ("DISC002", "warning"), ("STAT001", "error")]),
    ("{overclaiming.hype: info}", [("DISC001", "warning"), ("DISC002", "warning"),
                                   ("OVER004", "info"), ("OVER001", "warning"), ("STAT001", "error")]),
    ("{missing-disclaimer: info, statistic: warning}",
     [("DISC001", "info"), ("DISC002", "info"), ("OVER004", "warning"), ("OVER001", "warning"),
      ("STAT001", "warning")]),
    # the key naming fewer rules wins, wherever it is written
    ('{OVER: "off", OVER004: error}', [("DISC001", "warning"), ("DISC002", "warning"),
                                       ("OVER004", "error"), ("STAT001", "error")]),
    ('{OVER004: error, overclaiming: "off"}', [("DISC001", "warning"), ("DISC002", "warning"),
                                               ("OVER004", "error"), ("STAT001", "error")]),
    # between keys naming the same rules, the later one
    ("{OVER: info, overclaiming: error}", [("DISC001", "warning"), ("DISC002", "warning"),
                                           ("OVER004", "error"), ("OVER001", "error"),
                                           ("STAT001", "error")]),
    ("{}", DEFAULT),
])
def test_severity_keys_name_rules_as_select_does(cli, write, severity, expected):
    write("d.md", DRAFT)
    write(".medlint.yaml", f"severity: {severity}\n")
    assert findings(cli) == expected


def test_select_and_ignore_in_the_config_take_rule_names(cli, write):
    write("d.md", DRAFT)
    write(".medlint.yaml", "select: [overclaiming.hype, statistic]\n")
    assert findings(cli) == [("OVER004", "warning"), ("STAT001", "error")]
    write(".medlint.yaml", "ignore: [overclaiming.hype, missing-disclaimer]\n")
    assert findings(cli) == [("OVER001", "warning"), ("STAT001", "error")]


NEAR_STAT = "nearest: STAT002, STAT007, STAT006"
NEAR_OVER = "nearest: OVER004, OVER008, OVER007"


@pytest.mark.parametrize("config, errors", [
    ("fail-on: warning\nselect: [STAT02]\n",
     [f".medlint.yaml:2: select: 'STAT02' matches no rule code, prefix, name or category; {NEAR_STAT}"]),
    ("ignore:\n  - OVER004\n  - STAT02\nseverity:\n  OVER04: info\n  overclaiming.hipe: info\n",
     [f".medlint.yaml:3: ignore: 'STAT02' matches no rule code, prefix, name or category; {NEAR_STAT}",
      f".medlint.yaml:5: severity: 'OVER04' matches no rule code, prefix, name or category; {NEAR_OVER}",
      ".medlint.yaml:6: severity: 'overclaiming.hipe' matches no rule code, prefix, name or "
      "category; nearest: overclaiming.hype, overclaiming, overclaiming.cure"]),
    ("severity: {OVER004: loud}\n",
     [".medlint.yaml:1: severity.OVER004: 'loud' is not one of ['error', 'warning', 'info', 'off']"]),
    ("select: ['']\n",
     [".medlint.yaml:1: select[0]: '' is not allowed: write a rule code (OVER004), code prefix "
      "(OVER), rule name (overclaiming.hype) or category (overclaiming)"]),
    ("severity: {'': 'off'}\n",
     [".medlint.yaml:1: severity: '' is empty; write a rule code, prefix, name or category"]),
    ("# team data\nreference: [nope/]\n",
     [".medlint.yaml:2: reference[0]: {root}/nope: no such file or directory"]),
    ("rules:\n  - empty\n",
     [".medlint.yaml:2: rules[0]: {root}/empty: no data files found (looked for *.yaml and *.yml)"]),
])
def test_config_errors_name_file_line_and_key(cli, write, tmp_path, config, errors):
    write("d.md", DRAFT)
    (tmp_path / "empty").mkdir()
    write(".medlint.yaml", config)
    code, out, err = cli("check", "d.md")
    expected = [f"medlint: error: {tmp_path}/" + e.format(root=tmp_path) for e in errors]
    assert (code, out, err.splitlines()) == (2, "", expected)


PYPROJECT = '[project]\nname = "x"\n\n[tool.medlint]\nfail-on = "error"\n'


@pytest.mark.parametrize("table, errors", [
    ("bogus = 1\n", ["pyproject.toml:6: (top level): unknown key 'bogus'"]),
    ('select = [\n  "OVER",\n  "STAT02",\n]\n',
     [f"pyproject.toml:6: select: 'STAT02' matches no rule code, prefix, name or category; {NEAR_STAT}"]),
    ('severity = {OVER004 = "info", "OVER04" = "info"}\n',
     [f"pyproject.toml:6: severity: 'OVER04' matches no rule code, prefix, name or category; {NEAR_OVER}"]),
    ('\n[tool.medlint.severity]\nOVER004 = "info"\nOVER04 = "info"\n',
     [f"pyproject.toml:9: severity: 'OVER04' matches no rule code, prefix, name or category; {NEAR_OVER}"]),
    ('\n[tool.medlint.severity]\nOVER004 = "loud"\n',
     ["pyproject.toml:8: severity.OVER004: 'loud' is not one of ['error', 'warning', 'info', 'off']"]),
    ('max-file-size = 10\n', ["pyproject.toml:6: max-file-size: 10 is less than the minimum of 1024"]),
])
def test_pyproject_errors_name_the_line(cli, write, tmp_path, table, errors):
    write("d.md", DRAFT)
    write("pyproject.toml", PYPROJECT + table + '\n[tool.other]\nbogus = 1\n')
    code, out, err = cli("check", "d.md")
    assert (code, out, err.splitlines()) == (2, "", [f"medlint: error: {tmp_path}/{e}" for e in errors])


def test_pyproject_settings_that_name_rules_work(cli, write):
    write("d.md", DRAFT)
    write("pyproject.toml", PYPROJECT + 'ignore = ["missing-disclaimer"]\n\n'
                                        '[tool.medlint.severity]\noverclaiming = "info"\n')
    assert findings(cli) == [("OVER004", "info"), ("OVER001", "info"), ("STAT001", "error")]


def test_config_option_naming_a_folder_says_so(cli, write, tmp_path):
    write("d.md", DRAFT)
    (tmp_path / "conf").mkdir()
    code, out, err = cli("check", "--config", "conf", "d.md")
    assert (code, out, err) == (2, "", "medlint: error: conf: is a folder; --config names a file "
                                       "(.medlint.yaml or pyproject.toml)\n")
    code, out, err = cli("check", "--config", "missing.yaml", "d.md")
    assert (code, out, err) == (2, "", "medlint: error: missing.yaml: config file not found\n")


def test_a_missing_config_path_is_not_checked_when_the_command_line_names_its_own(cli, write, tmp_path):
    from conftest import TEAM_PACK

    write("d.md", DRAFT)
    write("team.yaml", TEAM_PACK)
    write(".medlint.yaml", "rules: [gone.yaml]\n")
    code, out, err = cli("check", "--format", "json", "--rules", "team.yaml", "d.md")
    assert (code, err) == (1, "")
    assert [f["rule"] for f in json_findings(out)] == ["TEAM001"]


def test_a_rules_former_name_is_accepted_wherever_rules_are_named(cli, write):
    from conftest import TEAM_PACK

    write("d.md", DRAFT)
    write("team.yaml", TEAM_PACK.replace("    name: team.miracle\n",
                                         "    name: team.miracle\n    aliases: [house.miracle]\n"))
    code, out, err = cli("check", "--format", "json", "--rules", "team.yaml", "--select",
                         "house.miracle", "d.md")
    assert (code, err, [f["rule"] for f in json_findings(out)]) == (1, "", ["TEAM001"])
    write(".medlint.yaml", "severity: {house.miracle: info}\n")
    code, out, err = cli("check", "--format", "json", "--rules", "team.yaml", "d.md")
    assert (code, err, [(f["rule"], f["severity"]) for f in json_findings(out)]) == (
        0, "", [("TEAM001", "info")])


def test_validate_names_the_config_line_of_a_missing_data_path(cli, write, tmp_path):
    write(".medlint.yaml", "fail-on: error\nreference: [team-facts/]\n")
    code, out, err = cli("validate")
    assert (code, out, err) == (2, "", f"medlint: error: {tmp_path}/.medlint.yaml:2: reference[0]: "
                                       f"{tmp_path}/team-facts: no such file or directory\n")
