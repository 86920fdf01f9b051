"""The pipeline: rule packs decide what is reported. A STAT finding needs the statistics pack,
and its code, severity and message come from that pack."""
from __future__ import annotations

import textwrap
from pathlib import Path

from linter.config import load
from linter.engine import build_context, lint_text

ROOT = Path(__file__).resolve().parent.parent
DRAFT = textwrap.dedent("""\
    # Blinatumomab

    Adding blinatumomab in AALL1731 took 3-year disease-free survival to 99% against 87.9% on chemotherapy alone.

    It is a wonder drug.
    """)
TEAM = textwrap.dedent("""\
    rules:
      - code: TEAM001
        name: team.wonder
        kind: phrase
        category: style
        severity: info
        message: '"{match}" is not our style'
        rationale: We describe results.
        terms: [wonder drug]
        examples: {flag: ["A wonder drug."], pass: ["A new drug."]}
    """)


def _lint(tmp_path, *packs, text=DRAFT):
    paths = []
    for i, pack in enumerate(packs):
        if isinstance(pack, Path):
            paths.append(pack)
            continue
        p = tmp_path / f"pack{i}.yaml"
        p.write_text(pack, encoding="utf-8")
        paths.append(p)
    ctx = build_context(load(None), rules=paths)
    return [(f.rule, f.severity, f.start, f.message) for f in lint_text(text, "d.md", ctx).findings]


def test_only_the_given_pack_reports(tmp_path):
    assert _lint(tmp_path, TEAM) == [
        ("TEAM001", "info", DRAFT.index("wonder drug"), '"wonder drug" is not our style')]


def test_statistics_pack_reports_wrong_figures(tmp_path):
    stats = ROOT / "rules" / "statistics.yaml"
    at = DRAFT.index("99%")
    assert _lint(tmp_path, TEAM, stats) == [
        ("STAT001", "error", at, '"99%" disagrees with the reference: 3-year disease-free survival '
         "with blinatumomab plus chemotherapy (NCI standard-risk B-ALL at average or higher "
         "relapse risk) was 96.0%"),
        ("TEAM001", "info", DRAFT.index("wonder drug"), '"wonder drug" is not our style')]


def test_code_severity_and_message_come_from_the_pack(tmp_path):
    stats = (ROOT / "rules" / "statistics.yaml").read_text(encoding="utf-8")
    stats = stats.replace("code: STAT001", "code: FIG101").replace(
        "message: '\"{match}\" {detail}'", "message: 'check {match}: it {detail}'", 1)
    stats = stats.replace("severity: error", "severity: warning", 1)
    at = DRAFT.index("99%")
    assert _lint(tmp_path, stats) == [
        ("FIG101", "warning", at, "check 99%: it disagrees with the reference: 3-year disease-free "
         "survival with blinatumomab plus chemotherapy (NCI standard-risk B-ALL at average or "
         "higher relapse risk) was 96.0%")]


def test_a_check_without_a_rule_reports_nothing(tmp_path):
    """Without the `value` rule, a wrong value is not reported, even by another STAT rule."""
    stats = (ROOT / "rules" / "statistics.yaml").read_text(encoding="utf-8")
    head, rest = stats.split("  - code: STAT002", 1)
    assert _lint(tmp_path, head.split("  - code: STAT001")[0] + "  - code: STAT002" + rest) == []
