"""Inline control comments: obeyed where the Markdown shows a comment, never inside code; a
region a comment opens begins after it, so document-level findings (line 1, column 1) are
switched off only by a `medlint-disable` that is never re-enabled."""
from __future__ import annotations

import pytest

from linter.document.markdown import parse

HYPE = "It is a miracle drug.\n"


def found(lint, text):
    """(code, line, column) of every finding, in report order."""
    result = lint(text, dedent=False)
    return [(f.rule, *result.result.document.position(f.start)) for f in result.findings]


@pytest.mark.parametrize("text, expected", [
    # A comment shown as code (a draft explaining the syntax) is not obeyed.
    ("Use `<!-- medlint-disable OVER004 -->` to silence it.\n\n" + HYPE,
     [("DISC001", 1, 1), ("OVER004", 3, 9)]),
    ("Use ``<!-- medlint-disable\nOVER004 -->`` to silence it.\n\n" + HYPE,
     [("DISC001", 1, 1), ("OVER004", 4, 9)]),
    ("| syntax | effect |\n|---|---|\n| `<!-- medlint-disable -->` | all off |\n\n" + HYPE,
     [("DISC001", 1, 1), ("OVER004", 5, 9)]),
    ("```\n<!-- medlint-disable -->\n```\n\n" + HYPE, [("DISC001", 1, 1), ("OVER004", 5, 9)]),
    ("    <!-- medlint-disable -->\n\n" + HYPE, [("DISC001", 1, 1), ("OVER004", 3, 9)]),
    # Look-alikes: a comment beside a code span, or after a lone backtick, is obeyed.
    ("Use `code` here. <!-- medlint-disable OVER004 -->\n" + HYPE, [("DISC001", 1, 1)]),
    ("A lone ` backtick. <!-- medlint-disable OVER004 -->\n" + HYPE, [("DISC001", 1, 1)]),
    ("<!-- medlint-disable OVER004 -->\n" + HYPE, [("DISC001", 1, 1)]),
])
def test_comments_in_code_are_not_controls(lint, text, expected):
    assert found(lint, text) == expected


BENEFIT = "Blinatumomab raised disease-free survival. " + HYPE


@pytest.mark.parametrize("text, expected", [
    # Re-enabled: the region ends, and the document-level findings stay, wherever it begins.
    ("<!-- medlint-disable -->\nIntro.\n<!-- medlint-enable -->\n\n" + BENEFIT,
     [("DISC001", 1, 1), ("DISC002", 1, 1), ("OVER004", 5, 52)]),
    ("\n<!-- medlint-disable -->\nIntro.\n<!-- medlint-enable -->\n\n" + BENEFIT,
     [("DISC001", 1, 1), ("DISC002", 1, 1), ("OVER004", 6, 52)]),
    ("<!-- medlint-disable DISC001 -->\nIntro.\n<!-- medlint-enable DISC001 -->\n\n" + BENEFIT,
     [("DISC001", 1, 1), ("DISC002", 1, 1), ("OVER004", 5, 52)]),
    # Inside the region, what it covers is still switched off.
    ("<!-- medlint-disable -->\n" + BENEFIT + "<!-- medlint-enable -->\n\n" + HYPE,
     [("DISC001", 1, 1), ("DISC002", 1, 1), ("OVER004", 5, 9)]),
    # Never re-enabled: document-level findings are switched off too.
    ("<!-- medlint-disable -->\nIntro.\n\n" + BENEFIT, []),
    ("<!-- medlint-disable DISC001 -->\n" + BENEFIT, [("DISC002", 1, 1), ("OVER004", 2, 52)]),
    ("<!-- medlint-disable OVER004 -->\nIntro.\n<!-- medlint-enable -->\n\n"
     "<!-- medlint-disable DISC -->\n" + BENEFIT, [("OVER004", 6, 52)]),
    # The next line only; the document-level findings stay.
    ("<!-- medlint-disable-next-line -->\n" + BENEFIT + "\n" + HYPE,
     [("DISC001", 1, 1), ("DISC002", 1, 1), ("OVER004", 4, 9)]),
])
def test_regions_and_document_level_findings(lint, text, expected):
    assert found(lint, text) == expected


def test_a_region_begins_after_its_comment():
    text = "Intro. <!-- medlint-disable OVER004 -->\n<!-- medlint-disable-next-line -->\nText.\n"
    doc = parse(text, "d.md")
    assert [(c.kind, c.codes, c.offset) for c in doc.controls] == [
        ("disable", ("OVER004",), text.index("\n")),
        ("disable-next-line", (), text.index("\nText")),
    ]


@pytest.mark.parametrize("text, expected", [
    # A control names rules as --select does: a code, a prefix, a rule name or a category.
    ("<!-- medlint-disable-next-line overclaiming.hype -->\n" + HYPE, [("DISC001", 1, 1)]),
    ("<!-- medlint-disable-next-line Overclaiming -->\n" + HYPE, [("DISC001", 1, 1)]),
    ("<!-- medlint-disable-next-line OVER -->\n" + HYPE, [("DISC001", 1, 1)]),
    ("<!-- medlint-disable-next-line over004 -->\n" + HYPE, [("DISC001", 1, 1)]),
    # a name of another rule, or another category, leaves it on
    ("<!-- medlint-disable-next-line overclaiming.universal -->\n" + HYPE,
     [("DISC001", 1, 1), ("OVER004", 2, 9)]),
    ("<!-- medlint-disable-next-line missing-disclaimer -->\n" + HYPE,
     [("DISC001", 1, 1), ("OVER004", 2, 9)]),
])
def test_a_control_names_rules_as_select_does(lint, text, expected):
    assert found(lint, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a region is ended by any word that names its rule, and only for the rules it names
    ("<!-- medlint-disable OVER004 -->\n" + HYPE + "<!-- medlint-enable overclaiming.hype -->\n\n" + HYPE,
     [("DISC001", 1, 1), ("OVER004", 5, 9)]),
    ("<!-- medlint-disable overclaiming -->\n" + HYPE + "<!-- medlint-enable OVER004 -->\n\n" + HYPE,
     [("DISC001", 1, 1), ("OVER004", 5, 9)]),
    ("<!-- medlint-disable overclaiming -->\n" + HYPE + "<!-- medlint-enable OVER001 -->\n\n" + HYPE,
     [("DISC001", 1, 1)]),
])
def test_enable_ends_the_region_of_the_rules_it_names(lint, text, expected):
    assert found(lint, text) == expected
