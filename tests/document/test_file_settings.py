"""A draft's front-matter `medlint:` settings are checked like the config's: each problem is an
error naming the draft, its line and the key, and the other drafts are still linted."""
import pytest
from conftest import json_findings

BODY = "Blinatumomab is a miracle drug. It cures leukemia.\n"
NEAR_OVER = "nearest: OVER004, OVER008, OVER007"


def draft(front: str) -> str:
    return f"---\ntitle: A draft\n{front}\n---\n{BODY}"


@pytest.mark.parametrize("front, error", [
    # a string is not split into letters (each would be a prefix: "M" names missing-disclaimer)
    ("medlint: {ignore: CLAIM001}", "f.md:3: front matter medlint.ignore: 'CLAIM001' is not a list; "
                                    "write [CLAIM001]"),
    ("medlint:\n  select: OVER", "f.md:4: front matter medlint.select: 'OVER' is not a list; write [OVER]"),
    ("medlint:\n  ignore: [OVER04]", f"f.md:4: front matter medlint.ignore[0]: 'OVER04' matches no "
                                     f"rule code, prefix, name or category; {NEAR_OVER}"),
    ("medlint:\n  select:\n    - OVER\n    - STAT02",
     "f.md:6: front matter medlint.select[1]: 'STAT02' matches no rule code, prefix, name or "
     "category; nearest: STAT002, STAT007, STAT006"),
    ("medlint:\n  ignore: [1]", "f.md:4: front matter medlint.ignore: must be a list of rule codes, "
                                "prefixes, names or categories"),
    ("medlint:\n  bogus: 1", "f.md:4: front matter medlint.bogus: not a per-file setting "
                             "(per-file: audience, ignore, select)"),
    ("medlint:\n  ignore: [OVER004]\n  severity: {OVER001: info}",
     "f.md:5: front matter medlint.severity: set in the config file, not per draft "
     "(per-file: audience, ignore, select)"),
    ("medlint:\n  fail-on: error", "f.md:4: front matter medlint.fail-on: set in the config file, "
                                   "not per draft (per-file: audience, ignore, select)"),
    ("medlint: off", "f.md:3: front matter medlint: must be a mapping of per-file settings "
                     "(audience, ignore, select)"),
    ("medlint: [OVER004]", "f.md:3: front matter medlint: must be a mapping of per-file settings "
                           "(audience, ignore, select)"),
    ("medlint:\n  audience: [clinician]", "f.md:4: front matter medlint.audience: must be a word, "
                                          "such as clinician"),
])
def test_bad_file_settings_are_an_error_for_that_draft_only(cli, write, front, error):
    write("f.md", draft(front))
    write("ok.md", BODY)
    code, out, err = cli("check", "--format", "json", "f.md", "ok.md")
    assert (code, err) == (2, f"medlint: error: {error}\n")
    assert [(f["path"], f["rule"]) for f in json_findings(out)] == [
        ("ok.md", "DISC001"), ("ok.md", "DISC002"), ("ok.md", "OVER004"), ("ok.md", "OVER001")]


@pytest.mark.parametrize("front, expected", [
    ("", ["DISC001", "DISC002", "OVER004", "OVER001"]),
    ("medlint:", ["DISC001", "DISC002", "OVER004", "OVER001"]),
    ("medlint: {}", ["DISC001", "DISC002", "OVER004", "OVER001"]),
    ("medlint:\n  ignore: []", ["DISC001", "DISC002", "OVER004", "OVER001"]),
    ("medlint:\n  ignore: [CLAIM001]", ["DISC001", "DISC002", "OVER004", "OVER001"]),
    ("medlint:\n  ignore: [OVER004, DISC]", ["OVER001"]),
    ("medlint:\n  ignore: [missing-disclaimer, overclaiming.hype]", ["OVER001"]),
    ("medlint:\n  select: [over]", ["OVER004", "OVER001"]),
    ("medlint:\n  select: [OVER]\n  ignore: [OVER001]", ["OVER004"]),
    # a professional notice satisfies DISC001 for clinicians
    ("medlint:\n  audience: clinician\n  select: [DISC001]",
     []),
])
def test_good_file_settings_work(cli, write, front, expected):
    body = BODY
    if "clinician" in front:
        body += "\n*Clinical judgment applies; verify against the full protocols.*\n"
    write("f.md", f"---\ntitle: A draft\n{front}\n---\n{body}" if front else body)
    code, out, err = cli("check", "--format", "json", "f.md")
    assert err == "" and [f["rule"] for f in json_findings(out)] == expected


def test_file_settings_are_checked_against_the_loaded_rules(cli, write):
    from conftest import TEAM_PACK

    write("team.yaml", TEAM_PACK)
    write("f.md", draft("medlint:\n  ignore: [TEAM001]"))
    code, out, err = cli("check", "--format", "json", "--rules", "team.yaml", "f.md")
    assert (code, json_findings(out), err) == (0, [], "")
    code, out, err = cli("check", "--format", "json", "f.md")
    assert (code, err) == (2, "medlint: error: f.md:4: front matter medlint.ignore[0]: 'TEAM001' "
                              "matches no rule code, prefix, name or category; nearest: STAT001, JAMA001, "
                              "CLAIM001\n")
