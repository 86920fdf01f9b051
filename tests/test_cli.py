"""The command line: formats, exit codes, filters, control comments, config, stdin, bad input,
and the browse/validate commands."""
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import json_findings

BAD = """\
# Draft

Blinatumomab is a miracle drug.

In AALL1731, 3-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.
"""
CLEAN = """\
# Leukemia

Leukemia is a cancer of the blood.

*This page is for general information only and does not replace advice from your child's doctor or care team.*
"""
FIELDS = ["path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
          "message", "fact", "found", "expected", "sources"]


def test_text_format_and_exit_1(cli, write):
    write("bad.md", BAD)
    code, out, err = cli("check", "bad.md")
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert "bad.md:3:19: OVER004 [warning]" in out
    stat = next(i for i, line in enumerate(lines) if "STAT001" in line)
    assert lines[stat].startswith("bad.md:5:65: STAT001 [error] ")
    assert lines[stat + 1].strip().startswith("expected: 96.0%")
    assert lines[stat + 2].strip().startswith("source: Gupta et al., N Engl J Med 2025")
    assert lines[-1].startswith("Found ")


def test_clean_file_exit_0(cli, write):
    write("clean.md", CLEAN)
    code, out, _ = cli("check", "clean.md")
    assert code == 0 and "No problems found in 1 file." in out


def test_json_format_matches_contract(cli, write):
    write("bad.md", BAD)
    code, out, _ = cli("check", "--format", "json", "bad.md")
    report = json.loads(out)
    assert code == 1
    assert report["tool"] == {"name": "medlint", "version": "0.1.0"}
    assert set(report["summary"]) == {"files", "findings", "error", "warning", "info"}
    assert report["summary"]["files"] == 1
    findings = report["findings"]
    assert findings and all(list(f) == FIELDS for f in findings)
    keys = [(f["path"], f["line"], f["column"], f["rule"]) for f in findings]
    assert keys == sorted(keys)
    stat = next(f for f in findings if f["rule"] == "STAT001")
    assert stat["fact"] == "blinatumomab-sr-dfs-3y" and stat["found"] == "98%"
    assert stat["expected"] == "96.0%" and stat["sources"][0].startswith("Gupta")
    assert (stat["line"], stat["column"], stat["end_line"], stat["end_column"]) == (5, 65, 5, 68)
    doc_level = [f for f in findings if f["category"] == "missing-disclaimer"]
    assert doc_level and all((f["line"], f["column"]) == (1, 1) for f in doc_level)
    over = next(f for f in findings if f["rule"] == "OVER004")
    assert over["fact"] is None and over["sources"] == []


def test_sarif_validates_against_official_schema(cli, write):
    write("bad.md", BAD)
    code, out, _ = cli("check", "--format", "sarif", "bad.md")
    log = json.loads(out)
    schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"STAT001", "OVER004"}
    region = next(r for r in results if r["ruleId"] == "STAT001")["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 65)
    rule_ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "STAT001" in rule_ids and len(rule_ids) == len(set(rule_ids))


def test_github_format(cli, write):
    write("bad.md", BAD)
    code, out, _ = cli("check", "--format", "github", "bad.md")
    assert "::error file=bad.md,line=5,col=65,endLine=5,endColumn=68,title=STAT001::" in out
    assert "::warning file=bad.md,line=3,col=19," in out


@pytest.mark.parametrize("args, present, absent", [
    (["--select", "STAT"], {"STAT001"}, {"OVER004", "DISC001"}),
    (["--ignore", "OVER004,DISC"], {"STAT001"}, {"OVER004", "DISC001", "DISC002"}),
    (["--select", "overclaiming"], {"OVER004"}, {"STAT001"}),
    (["--ignore", "overclaiming.hype"], {"STAT001"}, {"OVER004"}),
])
def test_select_and_ignore(cli, write, args, present, absent):
    write("bad.md", BAD)
    _, out, _ = cli("check", "--format", "json", *args, "bad.md")
    codes = {f["rule"] for f in json_findings(out)}
    assert present <= codes and not (absent & codes)


def test_fail_on_levels(cli, write):
    write("w.md", "# X\n\nBlinatumomab is a miracle drug.\n\n" + CLEAN.split("\n\n", 1)[1])
    assert cli("check", "w.md")[0] == 1
    assert cli("check", "--fail-on", "error", "w.md")[0] == 0
    assert cli("check", "--fail-on", "never", "w.md")[0] == 0


def test_inline_control_comments(cli, write):
    write("c.md", """\
        # Draft

        <!-- medlint-disable OVER004 -->
        Blinatumomab is a miracle drug.
        <!-- medlint-enable OVER004 -->

        A breakthrough again.

        <!-- medlint-disable-next-line OVER001 -->
        It cures leukemia.

        It cures leukemia.

        <!-- medlint-disable DISC -->
        """)
    _, out, _ = cli("check", "--format", "json", "c.md")
    got = [(f["rule"], f["line"]) for f in json_findings(out)]
    assert ("OVER004", 4) not in got and ("OVER004", 7) in got
    assert ("OVER001", 10) not in got and ("OVER001", 12) in got
    assert not any(r.startswith("DISC") for r, _ in got)


def test_front_matter_settings(cli, write):
    write("f.md", "---\nmedlint:\n  ignore: [OVER004, DISC]\n---\n# X\n\nA miracle and a cure.\n")
    _, out, _ = cli("check", "--format", "json", "f.md")
    assert [f["rule"] for f in json_findings(out)] == ["OVER001"]


def test_config_discovery_yaml_and_pyproject(cli, write, tmp_path, monkeypatch):
    write("drafts/bad.md", BAD)
    write(".medlint.yaml", "ignore: [OVER]\nseverity: {STAT001: warning}\n")
    sub = tmp_path / "drafts"
    monkeypatch.chdir(sub)
    from linter.cli import main
    assert main(["check", "--format", "json", "--fail-on", "error", "bad.md"]) == 0
    (tmp_path / ".medlint.yaml").unlink()
    write("pyproject.toml", '[project]\nname = "x"\n\n[tool.medlint]\nselect = ["OVER"]\n')
    assert main(["check", "--format", "json", "bad.md"]) == 1


def test_config_include_exclude_and_directory_search(cli, write):
    write("docs/a.md", BAD)
    write("docs/drafts/b.markdown", BAD)
    write("docs/c.txt", CLEAN.replace("#", ""))
    write("docs/skip/d.md", BAD)
    write("docs/e.rst", BAD)
    write(".medlint.yaml", "exclude: ['docs/skip/*']\n")  # relative to the config's folder
    _, out, _ = cli("check", "--format", "json", "docs")
    paths = {f["path"] for f in json_findings(out)}
    assert paths == {os.path.join("docs", "a.md"), os.path.join("docs", "drafts", "b.markdown")}


@pytest.mark.parametrize("content, message", [
    ("fail-on: sometimes\n", "fail-on: 'sometimes' is not one of"),
    ("unknown_key: 1\n", "unknown key 'unknown_key'"),
    ("select: [1, 2\n", "invalid YAML"),
    ("severity: {STAT001: loud}\n", "severity.STAT001"),
])
def test_broken_config_is_one_line_error_exit_2(cli, write, content, message):
    write(".medlint.yaml", content)
    write("a.md", CLEAN)
    code, out, err = cli("check", "a.md")
    assert code == 2 and message in err and ".medlint.yaml" in err and "Traceback" not in err


def test_stdin(tmp_path):
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", "-"],
                          input=BAD.encode(), capture_output=True, cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    assert findings and all(f["path"] == "-" for f in findings)


@pytest.mark.parametrize("name, data, message", [
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
    ("latin1.md", "Caf\xe9 au lait survival 96%".encode("latin-1"), "not valid UTF-8"),
    ("empty.md", b"", "file is empty"),
    ("blank.md", b"  \n\n ", "file is empty"),
])
def test_bad_input_files(cli, write, name, data, message):
    write(name, data, mode="bytes")
    code, out, err = cli("check", name)
    assert code == 2 and message in err and name in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bom_and_utf16_are_read(cli, write):
    write("bom.md", b"\xef\xbb\xbf" + BAD.encode(), mode="bytes")
    write("u16.md", BAD.encode("utf-16"), mode="bytes")
    for name in ("bom.md", "u16.md"):
        code, out, err = cli("check", "--format", "json", name)
        assert code == 1 and err == ""
        stat = next(f for f in json_findings(out) if f["rule"] == "STAT001")
        assert (stat["line"], stat["column"]) == (5, 65)


def test_huge_file_is_refused_and_others_still_linted(cli, write, tmp_path):
    (tmp_path / "huge.md").write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MB
    write("bad.md", BAD)
    code, out, err = cli("check", "--format", "json", "huge.md", "bad.md")
    assert code == 2 and "huge.md: file is 20.0 MB, over the 5 MB limit" in err
    assert any(f["path"] == "bad.md" for f in json_findings(out))


def test_missing_path_and_empty_directory(cli, tmp_path):
    code, _, err = cli("check", "nope.md")
    assert code == 2 and "nope.md: no such file or directory" in err
    (tmp_path / "empty").mkdir()
    code, _, err = cli("check", "empty")
    assert code == 2 and "no drafts found" in err


@pytest.mark.parametrize("args, message", [
    (["check", "--format", "xml", "a.md"], "Invalid value for '--format'"),
    (["check", "--fail-on", "sometimes", "a.md"], "Invalid value for '--fail-on'"),
    (["check", "--bogus"], "No such option"),
    (["explain", "NOPE999"], "no rule code, rule name or fact id"),
])
def test_usage_errors_exit_2(cli, write, args, message):
    write("a.md", CLEAN)
    code, _, err = cli(*args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_never_writes_to_checked_files(cli, write):
    p = write("bad.md", BAD)
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    cli("check", "bad.md")
    cli("check", "--format", "sarif", "bad.md")
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_version_rules_facts_explain(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == "medlint 0.1.0"
    code, out, _ = cli("rules")
    assert code == 0 and "STAT001" in out and "OVER004" in out and "DISC001" in out
    code, out, _ = cli("facts", "imatinib")
    assert code == 0 and "imatinib-dose-cog" in out and "340" in out
    code, out, _ = cli("facts", "no-such-thing-xyz")
    assert code == 1
    code, out, _ = cli("explain", "blinatumomab-sr-dfs-3y")
    assert code == 0 and "96.0%" in out and "Gupta S, Rau RE" in out and "flagged:" in out
    code, out, _ = cli("explain", "OVER004")
    assert code == 0 and "Abola" in out and "not flagged:" in out
    code, out, _ = cli("explain", "stat002")
    assert code == 0 and "statistic.endpoint" in out


def test_validate_shipped_data(cli):
    code, out, _ = cli("validate")
    assert code == 0 and "every example behaves as labelled" in out


@pytest.mark.parametrize("content, message", [
    ("facts: [\n", "invalid YAML"),
    ("facts:\n  - id: x-1\n    topic: t\n    status: confirmed\n    design: randomized\n    sources: [acs]\n"
     "    examples: {flag: [{text: a, rule: STAT001}], pass: [b]}\n", "facts[0]: 'statement' is required"),
    ("facts:\n  - id: x-1\n    topic: t\n    statement: A statement of fact.\n    status: confirmed\n"
     "    design: randomized\n    sources: [acs]\n    colour: blue\n"
     "    examples: {flag: [{text: a, rule: STAT001}], pass: [b]}\n", "facts[0]: unknown key 'colour'"),
    ("facts:\n  - id: x-1\n    topic: t\n    statement: A statement of fact.\n    status: confirmed\n"
     "    design: randomized\n    sources: acs\n"
     "    examples: {flag: [{text: a, rule: STAT001}], pass: [b]}\n", "facts[0].sources: 'acs' is not of type 'array'"),
    ("facts:\n  - id: x-1\n    topic: t\n    statement: A statement of fact.\n    status: confirmed\n"
     "    design: randomized\n    sources: [nowhere]\n"
     "    examples: {flag: [{text: a, rule: STAT001}], pass: [b]}\n", "unknown source id 'nowhere'"),
    ("rules:\n  - code: MY001\n    name: my.rule\n    kind: phrase\n    category: style\n    severity: warning\n"
     "    message: m\n    rationale: r\n    terms: ['re:(unclosed']\n    examples: {flag: [a], pass: [b]}\n", "does not compile"),
])
def test_validate_reports_file_line_and_key_path(cli, write, content, message):
    p = write("bad-facts.yaml", content)
    code, out, err = cli("validate", str(p))
    assert code == 2, out
    assert message in out and "bad-facts.yaml:" in out
    first = next(line for line in out.splitlines() if "bad-facts.yaml" in line)
    assert first.split(":")[1].isdigit()  # file:line


def test_team_fact_base_and_rule_pack(cli, write):
    write("team/facts.yaml", """\
        facts:
          - id: team-widget-rate
            topic: team
            statement: Widgetomab gave a response rate of 42% in the WIDGET-1 trial.
            status: confirmed
            design: randomized
            sources: [{id: acs, where: "Table 1"}]
            subject: [widgetomab]
            keys: [[response]]
            quantity: percent
            values: [{value: 42}]
            endpoint: {name: response rate, terms: [response]}
            examples:
              flag: [{text: "Widgetomab gave a response rate of 62%.", rule: STAT001}]
              pass: ["Widgetomab gave a response rate of 42%."]
        """)
    write("team/rules.yaml", """\
        rules:
          - code: TEAM001
            name: team.jargon
            kind: phrase
            category: style
            severity: warning
            message: '"{match}" is jargon'
            rationale: Readers do not know it.
            terms: [synergize]
            examples: {flag: ["We synergize."], pass: ["We work together."]}
        """)
    write("d.md", "# W\n\nWidgetomab gave a response rate of 62%. We synergize.\n")
    # --rules means only these packs: the wrong figure is reported only with the statistics pack.
    code, out, _ = cli("check", "--format", "json", "--reference", "team/facts.yaml",
                       "--rules", "team/rules.yaml", "d.md")
    assert [(f["rule"], f["line"], f["column"]) for f in json_findings(out)] == [("TEAM001", 3, 44)]
    stats = str(Path(__file__).resolve().parent.parent / "rules" / "statistics.yaml")
    code, out, _ = cli("check", "--format", "json", "--reference", "team/facts.yaml",
                       "--rules", "team/rules.yaml", "--rules", stats, "d.md")
    got = [(f["rule"], f["line"], f["column"], f["fact"], f["expected"]) for f in json_findings(out)]
    assert got == [("STAT001", 3, 36, "team-widget-rate", "42%"), ("TEAM001", 3, 44, None, None)]
    code, out, _ = cli("validate", "team")
    assert code == 0, out


def test_readme_worked_examples_validate_and_work(cli, tmp_path):
    """The worked examples in reference/README.md and rules/README.md are real."""
    import re

    root = Path(__file__).resolve().parent.parent
    for readme in (root / "reference" / "README.md", root / "rules" / "README.md"):
        for block in re.findall(r"```yaml\n(.*?)```", readme.read_text(encoding="utf-8"), re.S):
            first = block.splitlines()[0]
            if first.startswith("# ") and first.endswith(".yaml"):
                target = tmp_path / first[2:].strip()
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block, encoding="utf-8")
    assert cli("validate", "team-facts")[0] == 0
    assert cli("validate", "team-rules.yaml")[0] == 0
    (tmp_path / "d.md").write_text("# Page\n\nIn WIDGET-1, 62% of patients given widgetomab responded. "
                                   "Every leukemic child deserves care.\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", "--reference", "team-facts",
                       "--rules", "team-rules.yaml", "d.md")
    got = {(f["rule"], f["found"]) for f in json_findings(out)}
    assert got == {("HOUSE001", "leukemic child"), ("HOUSE002", None)}
    code, out, _ = cli("check", "--format", "json", "--reference", "team-facts", "d.md")
    got = {(f["rule"], f["found"]) for f in json_findings(out)}
    assert ("STAT001", "62%") in got
