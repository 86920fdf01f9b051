"""Run a fact's or rule's example text through the one pipeline (engine.lint_text), as
`medlint validate` and the tests do. Examples run with every loaded rule on, whatever the
preset, the configuration's severities or its select/ignore lists say."""
from __future__ import annotations


def _text(text: str, front_matter: dict | None = None) -> str:
    if front_matter:
        import yaml

        text = "---\n" + yaml.safe_dump(front_matter, sort_keys=False) + "---\n" + text
    return text


def findings_for(text: str, ctx, front_matter=None) -> list:
    from linter.engine import lint_text

    return lint_text(_text(text, front_matter), "example.md", ctx.for_examples).findings


def fact_findings(text: str, ctx) -> set:
    """(code, fact id) of the fact checks' findings on one example sentence."""
    return {(f.rule, f.fact) for f in findings_for(text, ctx)
            if f.category == "wrong-statistic" or f.fact is not None}


def rule_codes(example, ctx) -> set:
    """The codes found on one rule example (a string, or {text, front_matter})."""
    if isinstance(example, str):
        text, front = example, None
    else:
        text, front = example["text"], example.get("front_matter")
    return {f.rule for f in findings_for(text, ctx, front)}
