"""Run a fact's or rule's example text through the checks, as `medlint validate` and the tests do."""
from __future__ import annotations

from linter.checks import CHECKS
from linter.document.markdown import parse


def _document(text: str, front_matter: dict | None = None):
    if front_matter:
        import yaml

        text = "---\n" + yaml.safe_dump(front_matter, sort_keys=False) + "---\n" + text
    return parse(text, "example.md")


def findings_for(text: str, ctx, front_matter=None):
    doc = _document(text, front_matter)
    out = []
    for check in CHECKS:
        out.extend(check(doc, ctx))
    return out


def run_fact_example(text: str, ctx, fact_only: str | None = None) -> set:
    """Codes of the fact checks' findings on one example sentence."""
    return {f.rule for f in findings_for(text, ctx)
            if f.category == "wrong-statistic" or f.fact is not None}


def run_rule_example(example, rule, ctx) -> set:
    if isinstance(example, str):
        text, front = example, None
    else:
        text, front = example["text"], example.get("front_matter")
    return {f.rule for f in findings_for(text, ctx, front)}
