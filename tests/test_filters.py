"""The filter step: --select/--ignore by code, prefix, rule name (or former name) or category."""
from __future__ import annotations

import textwrap

import pytest

from linter.config import load
from linter.engine import build_context, lint_text

DRAFT = textwrap.dedent("""\
    # Blinatumomab

    In AALL1731, 3-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.

    Blinatumomab is a miracle drug.

    *This page is for general information only and does not replace advice from your child's doctor. Side effects include fever.*
    """)


@pytest.mark.parametrize("ignore, expected", [
    ((), ["STAT001", "OVER004"]),
    (("statistic",), ["OVER004"]),  # a rule name prefix: statistic.value
    (("wrong-statistic",), ["OVER004"]),  # a category
    (("STAT",), ["OVER004"]),
    (("overclaiming.hype",), ["STAT001"]),
    (("OVER004", "STAT001"), []),
])
def test_ignore(ignore, expected):
    ctx = build_context(load(None), ignore=ignore)
    assert [f.rule for f in lint_text(DRAFT, "d.md", ctx).findings] == expected


def test_select_by_name_prefix():
    ctx = build_context(load(None), select=("statistic",))
    assert [(f.rule, f.found) for f in lint_text(DRAFT, "d.md", ctx).findings] == [("STAT001", "98%")]


def test_select_by_former_name(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(textwrap.dedent("""\
        rules:
          - code: TEAM001
            name: team.miracle
            aliases: [house.miracle]
            kind: phrase
            category: style
            severity: warning
            message: '"{match}"'
            rationale: r
            terms: [miracle]
            examples: {flag: ["A miracle."], pass: ["A drug."]}
        """), encoding="utf-8")
    for select, expected in ((("house.miracle",), ["TEAM001"]), (("house.other",), [])):
        ctx = build_context(load(None), rules=[pack], select=select)
        assert [f.rule for f in lint_text(DRAFT, "d.md", ctx).findings] == expected
